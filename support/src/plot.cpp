#include "kata/plot.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "kata/errors.hpp"

namespace kata {

std::string output_dir() {
  if (const char* env = std::getenv("KATA_OUT_DIR"); env != nullptr && *env != '\0') return env;
  return "kata-out";
}

Figure::Figure(std::string name, std::string title) : name_(std::move(name)), title_(std::move(title)) {}

Figure& Figure::xlabel(std::string text) { xlabel_ = std::move(text); return *this; }
Figure& Figure::ylabel(std::string text) { ylabel_ = std::move(text); return *this; }
Figure& Figure::log_x() { log_x_ = true; return *this; }
Figure& Figure::log_y() { log_y_ = true; return *this; }
Figure& Figure::equal_axes() { equal_axes_ = true; return *this; }
Figure& Figure::vline(double x, std::string label) {
  vlines_.emplace_back(x, std::move(label));
  return *this;
}

Figure& Figure::add(std::string label, std::string style, const arma::vec& x, const arma::vec& y) {
  require(x.n_elem == y.n_elem, str("Figure::", style, "(): x has ", x.n_elem, " values but y has ",
                                    y.n_elem));
  series_.push_back({std::move(label), std::move(style), x, y, arma::mat()});
  return *this;
}

Figure& Figure::line(std::string label, const arma::vec& x, const arma::vec& y) {
  return add(std::move(label), "lines", x, y);
}
Figure& Figure::points(std::string label, const arma::vec& x, const arma::vec& y) {
  return add(std::move(label), "points", x, y);
}

Figure& Figure::image(const arma::mat& pixels) {
  require(!pixels.empty(), "Figure::image(): the picture has no pixels");
  series_.push_back({"", "image", arma::vec(), arma::vec(), pixels});
  equal_axes_ = true;
  return *this;
}

namespace {
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}
}  // namespace

std::string Figure::save() const {
  const std::filesystem::path dir = output_dir();
  std::filesystem::create_directories(dir);
  std::ofstream gp(dir / (name_ + ".gp"));
  gp << "# Written by an experiment; rendered by `kata run` (terminal and output are set on the command line)\n";
  gp << "set title " << quoted(title_) << "\nset xlabel " << quoted(xlabel_) << "\nset ylabel "
     << quoted(ylabel_) << "\nset key outside right\nset datafile separator ','\nset grid\n"
     << "set termoption noenhanced\n";  // underscores in names are not subscripts
  if (log_x_) gp << "set logscale x\n";
  if (log_y_) gp << "set logscale y\n";
  if (equal_axes_) gp << "set size ratio -1\n";
  for (const auto& [x, label] : vlines_)
    gp << "set arrow from " << x << ", graph 0 to " << x << ", graph 1 nohead dashtype 2\n"
       << "set label " << quoted(label) << " at " << x << ", graph 0.95 offset 0.5,0\n";
  for (const auto& s : series_)
    if (s.style == "image")  // row 0 at the top, grey levels, no colour bar
      gp << "set yrange [" << s.pixels.n_rows - 0.5 << ":-0.5]\nset xrange [-0.5:" << s.pixels.n_cols - 0.5
         << "]\nset palette grey\nunset colorbox\nunset key\nunset grid\nunset tics\n";
  gp << "plot ";
  for (std::size_t i = 0; i < series_.size(); ++i) {
    const auto& s = series_[i];
    const std::string csv = name_ + "." + std::to_string(i) + ".csv";
    std::ofstream out(dir / csv);
    out.precision(10);
    if (s.style == "image") {
      out << "column,row,value\n";
      for (arma::uword r = 0; r < s.pixels.n_rows; ++r)
        for (arma::uword c = 0; c < s.pixels.n_cols; ++c) out << c << ',' << r << ',' << s.pixels(r, c) << '\n';
      gp << (i ? ", \\\n     " : "") << quoted(csv) << " skip 1 using 1:2:3 with image notitle";
      continue;
    }
    out << "x,y\n";
    for (arma::uword k = 0; k < s.x.n_elem; ++k) out << s.x(k) << ',' << s.y(k) << '\n';
    // Paths relative to the script's folder: the CLI runs gnuplot from there.
    gp << (i ? ", \\\n     " : "") << quoted(csv) << " skip 1 using 1:2 with " << s.style
       << (s.style == "points" ? " pointtype 7 pointsize 0.5" : " linewidth 2") << " title "
       << quoted(s.label);
  }
  gp << "\n";
  const std::string path = (dir / (name_ + ".gp")).string();
  std::cout << "figure: " << path << "\n";
  return path;
}

}  // namespace kata
