// Plots for experiments: a Figure writes its series as CSV files plus a gnuplot script; `kata run`
// renders the script to PNG and SVG (and ASCII on a terminal) when gnuplot is installed. Experiments never
// call gnuplot themselves, so they run the same with or without it.
//
//   kata::Figure fig("cost", "Training cost per epoch");
//   fig.xlabel("epoch").ylabel("cost").log_y().caption("The dropout curve is noisier: ...");
//   fig.line("lambda = 0", epochs, cost0).line("lambda = 0.7", epochs, cost1);
//   fig.save();   // <out>/cost.gp, <out>/cost.0.csv, <out>/cost.1.csv; prints "figure: <out>/cost.gp"
//
// <out> is $KATA_OUT_DIR when set (the CLI sets it), else ./kata-out.
//
// Every script starts with the same style block (plot.cpp, figure_style()): one font, the Okabe-Ito
// colour-blind-safe palette, the key inside the plot in the emptiest corner, ranges fitted to the data with
// a small margin, readable log-axis ticks. Series i (lines and points, in the order added) gets colour i
// of the palette and, for points, marker i; in the terminal's ASCII rendering every series gets its own
// character. The first line of the script after the header is "# caption: TEXT" when a caption is set:
// `kata run` shows it under the picture in its gallery page (build/<preset>/out/index.html).
#pragma once

#include <armadillo>
#include <string>
#include <vector>

namespace kata {

std::string output_dir();

// The style block every figure's script starts with (font, palette, key box, grid, margins).
std::string figure_style();

class Figure {
 public:
  Figure(std::string name, std::string title);

  Figure& xlabel(std::string text);
  Figure& ylabel(std::string text);
  // One line saying what the figure shows, for the gallery page (newlines become spaces).
  Figure& caption(std::string text);
  Figure& log_x();
  Figure& log_y();
  // Same scale on both axes (gnuplot's `set size ratio -1`), for contours and 2-D paths. Use it only when
  // the two ranges are within a factor of ~3 of each other, or the plot becomes a thin strip.
  Figure& equal_axes();
  // Fixed ranges instead of the data's (each must have lo < hi; on a log axis lo > 0).
  Figure& x_range(double lo, double hi);
  Figure& y_range(double lo, double hi);
  // Ticks every `step` on the x axis (e.g. 1 for rounds or layers, where 0.5 would mean nothing).
  Figure& x_step(double step);
  // A vertical marker, e.g. the early-stopping epoch.
  Figure& vline(double x, std::string label);

  Figure& line(std::string label, const arma::vec& x, const arma::vec& y);
  // A line with a marker at every data point (e.g. the steps of an optimizer's path).
  Figure& line_points(std::string label, const arma::vec& x, const arma::vec& y);
  Figure& points(std::string label, const arma::vec& x, const arma::vec& y);
  // A greyscale picture of a matrix: entry (r, c) is the pixel in row r (from the top), column c;
  // larger values are lighter. Sets equal axes. For digit grids and other images: no ticks, unless the
  // figure has an axis label (a matrix such as a confusion matrix), then a tick per row and column.
  Figure& image(const arma::mat& pixels);
  // Filled class regions (like matplotlib's contourf), drawn under every other series: classes(r, c) is
  // the class predicted at (x(c), y(r)), as numpy's meshgrid lays it out; x and y are evenly spaced and
  // increasing. Class k is filled with a light tint of series colour k, so add the points of class k as
  // the k-th line/points series to match. In the ASCII rendering, classes >= 1 are sparse '.' characters.
  Figure& regions(const arma::vec& x, const arma::vec& y, const arma::umat& classes);

  // Writes the CSV files and the gnuplot script; returns the script's path.
  std::string save() const;

 private:
  struct Series {
    std::string label;
    std::string style;  // "lines", "linespoints", "points", "image" or "regions"
    arma::vec x, y;
    arma::mat pixels;  // image and regions only
  };
  Figure& add(std::string label, std::string style, const arma::vec& x, const arma::vec& y);
  // Where the key goes, given the plot's ranges; may raise y_hi to make room above the data for it.
  std::string key_corner(double x_lo, double x_hi, double& y_lo, double& y_hi) const;

  std::string name_, title_, xlabel_, ylabel_, caption_;
  bool log_x_ = false, log_y_ = false, equal_axes_ = false;
  std::vector<double> x_range_, y_range_;
  double x_step_ = 0;
  std::vector<std::pair<double, std::string>> vlines_;
  std::vector<Series> series_;
};

}  // namespace kata
