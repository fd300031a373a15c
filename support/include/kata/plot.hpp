// Plots for experiments: a Figure writes its series as CSV files plus a gnuplot script; `kata run`
// renders the script to PNG and SVG (and ASCII on a terminal) when gnuplot is installed. Experiments never
// call gnuplot themselves, so they run the same with or without it.
//
//   kata::Figure fig("cost", "Training cost per epoch");
//   fig.xlabel("epoch").ylabel("cost").log_y();
//   fig.line("lambda = 0", epochs, cost0).line("lambda = 0.7", epochs, cost1);
//   fig.save();   // <out>/cost.gp, <out>/cost.0.csv, <out>/cost.1.csv; prints "figure: <out>/cost.gp"
//
// <out> is $KATA_OUT_DIR when set (the CLI sets it), else ./kata-out.
#pragma once

#include <armadillo>
#include <string>
#include <vector>

namespace kata {

std::string output_dir();

class Figure {
 public:
  Figure(std::string name, std::string title);

  Figure& xlabel(std::string text);
  Figure& ylabel(std::string text);
  Figure& log_x();
  Figure& log_y();
  // Same scale on both axes (gnuplot's `set size ratio -1`), for contours and 2-D paths.
  Figure& equal_axes();
  // A vertical marker, e.g. the early-stopping epoch.
  Figure& vline(double x, std::string label);

  Figure& line(std::string label, const arma::vec& x, const arma::vec& y);
  Figure& points(std::string label, const arma::vec& x, const arma::vec& y);
  // A greyscale picture of a matrix: entry (r, c) is the pixel in row r (from the top), column c;
  // larger values are lighter. Sets equal axes. For digit grids and other images.
  Figure& image(const arma::mat& pixels);

  // Writes the CSV files and the gnuplot script; returns the script's path.
  std::string save() const;

 private:
  struct Series {
    std::string label;
    std::string style;
    arma::vec x, y;
    arma::mat pixels;  // style "image" only
  };
  Figure& add(std::string label, std::string style, const arma::vec& x, const arma::vec& y);

  std::string name_, title_, xlabel_, ylabel_;
  bool log_x_ = false, log_y_ = false, equal_axes_ = false;
  std::vector<std::pair<double, std::string>> vlines_;
  std::vector<Series> series_;
};

}  // namespace kata
