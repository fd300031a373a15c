#include "kata/plot.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "kata/errors.hpp"

namespace kata {

namespace {

// Okabe & Ito, "Color Universal Design" (2002/2008): eight colours told apart with any of the common
// colour-vision deficiencies. Yellow is last: it is faint on white. Blue and vermillion first, so a
// two-class plot is blue vs vermillion (the pair that survives deuteranopia, protanopia and greyscale).
constexpr std::array<const char*, 8> kPalette = {"#0072B2", "#D55E00", "#009E73", "#E69F00",
                                                  "#CC79A7", "#56B4E9", "#000000", "#F0E442"};
// Markers of series 0, 1, ...: filled circle, square, triangle, diamond, inverted triangle, pentagon,
// open circle, open square. In gnuplot's dumb terminal a marker is a letter (pointtype 7 is 'G', 5 'E',
// ...), so different series get different letters there too.
constexpr std::array<int, 8> kMarkers = {7, 5, 9, 13, 11, 15, 6, 4};

// Colour k mixed with white (3 parts white to 1 of colour): the fill of class k's region, light enough
// for the class-k points in colour k to stand out on it.
std::string tint(std::size_t k) {
  const std::string hex = kPalette[k % kPalette.size()];
  char out[8];
  unsigned rgb[3];
  for (int c = 0; c < 3; ++c) {
    const unsigned v = static_cast<unsigned>(std::stoul(hex.substr(1 + 2 * c, 2), nullptr, 16));
    rgb[c] = (v + 3 * 255) / 4;
  }
  std::snprintf(out, sizeof out, "#%02X%02X%02X", rgb[0], rgb[1], rgb[2]);
  return out;
}

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out + "\"";
}

// v with 10 significant digits, as printf's "%.10g" (std::to_chars promises the same text): the numbers
// of the scripts and of the data files.
void append_number(std::string& out, double v) {
  char buf[32];
  const auto end = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 10).ptr;
  out.append(buf, end);
}

std::string number(double v) {
  std::string out;
  append_number(out, v);
  return out;
}

// A figure's data file: a header line, then rows of numbers, written in one piece (a boundary figure has
// tens of thousands of rows; formatting them through a stream cost a tenth of some experiments' time).
class CsvRows {
 public:
  explicit CsvRows(const char* header) : text_(header) { text_ += '\n'; }
  template <typename... More>
  void row(double first, More... more) {
    append_number(text_, first);
    ((text_ += ',', append_number(text_, more)), ...);
    text_ += '\n';
  }
  void save(const std::filesystem::path& path) const { std::ofstream(path, std::ios::binary) << text_; }

 private:
  std::string text_;
};

// A tick label in plain text (the terminals are noenhanced): 0.001 ... 1000 as decimals, else "2e-7".
std::string tick_label(double mantissa, int exponent) {
  const double v = mantissa * std::pow(10.0, exponent);
  char buf[32];
  if (exponent >= -3 && exponent <= 3)
    std::snprintf(buf, sizeof buf, "%g", v);
  else
    std::snprintf(buf, sizeof buf, "%ge%d", mantissa, exponent);
  return buf;
}

// Labelled ticks of a log axis over [lo, hi]: 1-2-5 (or 1-2-3-5-7) per decade when the range spans few
// decades, so there are always more than two labels; every decade (every 2nd, 3rd, ... on wide ranges)
// with unlabelled minor ticks otherwise.
std::string log_tics(const std::string& axis, double lo, double hi) {
  const double span = std::log10(hi / lo);
  std::vector<double> mantissas = {1};
  int step = 1;
  if (span < 0.7)
    mantissas = {1, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 9};
  else if (span < 1.3)
    mantissas = {1, 2, 3, 4, 5, 7};
  else if (span < 2.6)
    mantissas = {1, 2, 5};
  else if (span > 7)
    step = static_cast<int>(std::ceil(span / 7));
  std::string tics;
  const int first = static_cast<int>(std::floor(std::log10(lo))), last = static_cast<int>(std::ceil(std::log10(hi)));
  for (int e = first; e <= last; ++e)
    for (double m : mantissas) {
      const double v = m * std::pow(10.0, e);
      if (v < lo * (1 - 1e-9) || v > hi * (1 + 1e-9)) continue;
      if (m == 1 && (e - first) % step != 0) {
        tics += (tics.empty() ? "" : ", ") + std::string("\"\" ") + number(v) + " 1";
        continue;
      }
      tics += (tics.empty() ? "" : ", ") + quoted(tick_label(m, e)) + " " + number(v);
      if (mantissas.size() == 1 && step == 1 && span <= 4)  // minor ticks at 2..9 on a few decades
        for (int k = 2; k < 10; ++k)
          if (k * v <= hi) tics += ", \"\" " + number(k * v) + " 1";
    }
  return "set " + axis + "tics (" + tics + ")\nset m" + axis + "tics default\n";
}

struct Range {
  double lo = INFINITY, hi = -INFINITY;
  void take(double v, bool log) {
    if (!std::isfinite(v) || (log && v <= 0)) return;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  bool empty() const { return !(lo <= hi); }
  // A margin of `fraction` of the range on both sides (in log space on a log axis), so no line lies on
  // the frame; a single value gets +-10 % (or +-1).
  void pad(double fraction, bool log) {
    if (empty()) return;
    if (log) {
      double a = std::log10(lo), b = std::log10(hi);
      const double d = b > a ? (b - a) * fraction : 0.1;
      lo = std::pow(10.0, a - d);
      hi = std::pow(10.0, b + d);
      return;
    }
    const double d = hi > lo ? (hi - lo) * fraction : (lo != 0 ? std::abs(lo) * 0.1 : 1.0);
    lo -= d;
    hi += d;
  }
  // Position of v in [0, 1] along the axis.
  double where(double v, bool log) const {
    if (log) return (std::log10(v) - std::log10(lo)) / (std::log10(hi) - std::log10(lo));
    return (v - lo) / (hi - lo);
  }
};

}  // namespace

std::string output_dir() {
  if (const char* env = std::getenv("KATA_OUT_DIR"); env != nullptr && *env != '\0') return env;
  return "kata-out";
}

std::string figure_style() {
  std::ostringstream s;
  s << "# style: kata::figure_style() (support/src/plot.cpp), the same for every figure\n"
    << "set termoption noenhanced\n"  // underscores in names are not subscripts
    << "if (GPVAL_TERM ne \"dumb\") { set termoption font \"DejaVu Sans,11\" }\n";
  for (std::size_t k = 0; k < kPalette.size(); ++k)
    s << "set linetype " << k + 1 << " linecolor rgb \"" << kPalette[k] << "\" linewidth 2 pointtype "
      << kMarkers[k] << " pointsize 0.8\n";
  // The key inside the plot, boxed, on a white fill that lets the grid show through a little; the corner
  // is chosen per figure (Figure::save). Light grid under the data; no tick-extended autoscaling.
  s << "set key inside opaque fillcolor rgb \"#26ffffff\" box linecolor rgb \"#808080\" samplen 2.5 spacing 1.15 "
       "width 1 height 0.5\n"
    << "set grid linecolor rgb \"#dddddd\" linewidth 1 dashtype solid\nset grid back\n"
    << "set border linecolor rgb \"#404040\"\nset tics textcolor rgb \"#202020\" scale 0.6\n"
    << "set autoscale fix\nset datafile separator ','\n"
    // Room for the title and the rotated y label, so neither is cut.
    << "set tmargin 3\nset rmargin 3\nset ylabel offset 1,0\n";
  return s.str();
}

Figure::Figure(std::string name, std::string title) : name_(std::move(name)), title_(std::move(title)) {}

Figure& Figure::xlabel(std::string text) { xlabel_ = std::move(text); return *this; }
Figure& Figure::ylabel(std::string text) { ylabel_ = std::move(text); return *this; }
Figure& Figure::caption(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\r', ' ');
  caption_ = std::move(text);
  return *this;
}
Figure& Figure::log_x() { log_x_ = true; return *this; }
Figure& Figure::log_y() { log_y_ = true; return *this; }
Figure& Figure::equal_axes() { equal_axes_ = true; return *this; }
Figure& Figure::x_range(double lo, double hi) {
  require(lo < hi, str("Figure::x_range(): lo = ", lo, " is not below hi = ", hi));
  x_range_ = {lo, hi};
  return *this;
}
Figure& Figure::y_range(double lo, double hi) {
  require(lo < hi, str("Figure::y_range(): lo = ", lo, " is not below hi = ", hi));
  y_range_ = {lo, hi};
  return *this;
}
Figure& Figure::x_step(double step) {
  require(step > 0, str("Figure::x_step(): step = ", step, " is not positive"));
  x_step_ = step;
  return *this;
}
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
Figure& Figure::line_points(std::string label, const arma::vec& x, const arma::vec& y) {
  return add(std::move(label), "linespoints", x, y);
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

Figure& Figure::regions(const arma::vec& x, const arma::vec& y, const arma::umat& classes) {
  require(x.n_elem >= 2 && y.n_elem >= 2,
          str("Figure::regions(): the grid needs at least 2 x 2 points, got ", x.n_elem, " x ", y.n_elem));
  require(classes.n_rows == y.n_elem && classes.n_cols == x.n_elem,
          str("Figure::regions(): classes is ", classes.n_rows, " x ", classes.n_cols, " but the grid is ",
              y.n_elem, " (y) x ", x.n_elem, " (x)"));
  series_.push_back({"", "regions", x, y, arma::conv_to<arma::mat>::from(classes)});
  return *this;
}

// The corner of the plot where the key covers the fewest data: each series is sampled (lines along their
// segments) in the plot's [0, 1] x [0, 1] coordinates, and the key's box is estimated from its longest
// label. Ties go to top right, then top left, bottom right, bottom left. When every corner would cover
// data, the y range grows upwards until the data lie below the key, which then goes top right.
std::string Figure::key_corner(double x_lo, double x_hi, double& y_lo, double& y_hi) const {
  std::size_t titled = 0, longest = 0;
  for (const auto& s : series_)
    if (s.style != "image" && s.style != "regions" && !s.label.empty()) {
      ++titled;
      longest = std::max(longest, s.label.size());
    }
  const double w = 0.1 + 0.0105 * static_cast<double>(longest), h = 0.04 + 0.06 * static_cast<double>(titled);
  const Range xr{x_lo, x_hi}, yr{y_lo, y_hi};
  if (xr.empty() || yr.empty() || xr.hi == xr.lo || yr.hi == yr.lo) return "top right";
  const std::array<const char*, 4> names = {"top right", "top left", "bottom right", "bottom left"};
  std::array<double, 4> covered{};
  auto count = [&](double px, double py) {
    if (!std::isfinite(px) || !std::isfinite(py)) return;
    const bool right = px > 1 - w, left = px < w, top = py > 1 - h, bottom = py < h;
    covered[0] += right && top;
    covered[1] += left && top;
    covered[2] += right && bottom;
    covered[3] += left && bottom;
  };
  for (const auto& s : series_) {
    if (s.style == "image" || s.style == "regions") continue;
    const bool joined = s.style != "points";
    for (arma::uword k = 0; k < s.x.n_elem; ++k) {
      if ((log_x_ && s.x(k) <= 0) || (log_y_ && s.y(k) <= 0)) continue;
      const double px = xr.where(s.x(k), log_x_), py = yr.where(s.y(k), log_y_);
      count(px, py);
      if (!joined || k + 1 == s.x.n_elem || (log_x_ && s.x(k + 1) <= 0) || (log_y_ && s.y(k + 1) <= 0)) continue;
      const double qx = xr.where(s.x(k + 1), log_x_), qy = yr.where(s.y(k + 1), log_y_);
      for (int t = 1; t < 20; ++t) count(px + (qx - px) * t / 20.0, py + (qy - py) * t / 20.0);
    }
  }
  std::array<double, 4> data = covered;  // the data alone; below, the markers with their labels at the top
  for (const auto& v : vlines_) {
    const double px = xr.where(v.first, log_x_);
    for (int t = 0; t <= 20; ++t) count(px, t / 20.0);
    for (std::size_t c = 0; c < v.second.size(); ++c) count(px + 0.0105 * static_cast<double>(c), 0.96);
  }
  std::size_t best = 0;
  for (std::size_t c = 1; c < 4; ++c)
    if (covered[c] < covered[best]) best = c;
  if (covered[best] > 0 && y_range_.empty()) {  // headroom: the old top at 1 - h - 2 % of the new range
    const bool left = covered[1] - data[1] < covered[0] - data[0];  // the top corner free of marker labels
    const double grow = 1.0 / (1.0 - h - 0.02);
    if (log_y_)
      y_hi = std::pow(10.0, std::log10(y_lo) + (std::log10(y_hi) - std::log10(y_lo)) * grow);
    else
      y_hi = y_lo + (y_hi - y_lo) * grow;
    return left ? "top left" : "top right";
  }
  return names[best];
}

std::string Figure::save() const {
  const std::filesystem::path dir = output_dir();
  std::filesystem::create_directories(dir);
  std::ofstream gp(dir / (name_ + ".gp"));
  gp << "# Written by an experiment; rendered by `kata run` (terminal and output are set on the command line)\n";
  if (!caption_.empty()) gp << "# caption: " << caption_ << "\n";
  gp << figure_style();
  gp << "set title " << quoted(title_) << "\nset xlabel " << quoted(xlabel_) << "\nset ylabel " << quoted(ylabel_)
     << "\n";

  const bool has_image = std::any_of(series_.begin(), series_.end(), [](const Series& s) { return s.style == "image"; });
  const bool has_regions =
      std::any_of(series_.begin(), series_.end(), [](const Series& s) { return s.style == "regions"; });
  if (log_x_) gp << "set logscale x\n";
  if (log_y_) gp << "set logscale y\n";
  // Not in ASCII, where a character is twice as high as wide and the plot would be a thin column.
  if (equal_axes_) gp << "if (GPVAL_TERM ne \"dumb\") { set size ratio -1 }\n";

  // Ranges: fitted to the data with a margin, so no line lies on the frame; a regions grid fills the plot.
  Range xr, yr;
  if (!has_image) {
    Range gx, gy;
    for (const auto& s : series_) {
      if (s.style == "regions") {
        const double dx = (s.x(s.x.n_elem - 1) - s.x(0)) / double(s.x.n_elem - 1);
        const double dy = (s.y(s.y.n_elem - 1) - s.y(0)) / double(s.y.n_elem - 1);
        gx.take(s.x(0) - dx / 2, false);
        gx.take(s.x(s.x.n_elem - 1) + dx / 2, false);
        gy.take(s.y(0) - dy / 2, false);
        gy.take(s.y(s.y.n_elem - 1) + dy / 2, false);
        continue;
      }
      for (arma::uword k = 0; k < s.x.n_elem; ++k) {
        xr.take(s.x(k), log_x_);
        yr.take(s.y(k), log_y_);
      }
    }
    for (const auto& v : vlines_) xr.take(v.first, log_x_);
    xr.pad(0.03, log_x_);
    yr.pad(0.06, log_y_);
    if (!gx.empty()) xr = gx;
    if (!gy.empty()) yr = gy;
    if (x_range_.size() == 2) xr = {x_range_[0], x_range_[1]};
    if (y_range_.size() == 2) yr = {y_range_[0], y_range_[1]};
  }
  std::size_t titled = 0;
  for (const auto& s : series_) titled += s.style != "image" && s.style != "regions" && !s.label.empty();
  // A plot at equal scale is narrower than the picture: it takes the left 60 % and its key goes in the
  // free space on the right (`set key outside` would let the centred plot slide under the key).
  if (titled == 0)
    gp << "unset key\n";
  else if (equal_axes_)
    gp << "set lmargin at screen 0.09\nset rmargin at screen 0.6\n"
       << "set key at screen 0.62, graph 1 left top Left reverse width -1\n";
  std::string corner = "none";
  if (titled > 0 && !equal_axes_) {
    corner = key_corner(xr.lo, xr.hi, yr.lo, yr.hi);
    gp << "set key " << corner << "\n";
  }
  if (!has_image) {
    if (!xr.empty()) gp << "set xrange [" << number(xr.lo) << ":" << number(xr.hi) << "]\n";
    if (!yr.empty()) gp << "set yrange [" << number(yr.lo) << ":" << number(yr.hi) << "]\n";
    if (log_x_ && !xr.empty() && xr.hi > xr.lo) gp << log_tics("x", xr.lo, xr.hi);
    if (x_step_ > 0 && !log_x_) gp << "set xtics " << number(x_step_) << "\n";
    if (log_y_ && !yr.empty() && yr.hi > yr.lo) gp << log_tics("y", yr.lo, yr.hi);
  }
  // A marker's label right of its line, or left of it in the right quarter of the plot (never cut by the
  // frame); at the top, or at the bottom when it would run into a key in a top corner.
  std::size_t longest = 0;
  for (const auto& s : series_) longest = std::max(longest, s.label.size());
  const double key_w = 0.1 + 0.0105 * static_cast<double>(longest);
  for (const auto& [x, label] : vlines_) {
    const double px = xr.empty() || xr.hi == xr.lo ? 0.5 : xr.where(x, log_x_);
    const bool on_left = px > 0.75;
    const double len = 0.0105 * static_cast<double>(label.size()) + 0.01;
    const double a = on_left ? px - len : px, b = on_left ? px : px + len;
    const bool hits_key = (corner == "top right" && b > 1 - key_w) || (corner == "top left" && a < key_w);
    gp << "set arrow from " << number(x) << ", graph 0 to " << number(x)
       << ", graph 1 nohead linecolor rgb \"#404040\" linewidth 1.5 dashtype 2\n"
       << "set label " << quoted(label) << " at " << number(x) << ", graph " << (hits_key ? "0.04" : "0.96")
       << (on_left ? " right offset -0.6,0" : " left offset 0.6,0") << " textcolor rgb \"#202020\" front\n";
  }
  for (const auto& s : series_) {
    if (s.style == "image")  // row 0 at the top, grey levels, no colour bar
      gp << "set yrange [" << s.pixels.n_rows - 0.5 << ":-0.5]\nset xrange [-0.5:" << s.pixels.n_cols - 0.5
         << "]\nset palette grey\nunset colorbox\nunset key\nunset grid\n"
         // With axis labels (a matrix such as a confusion matrix), a tick per row and column; else none.
         << (xlabel_.empty() && ylabel_.empty() ? "unset tics\n" : "set xtics 1 out nomirror\nset ytics 1 out nomirror\n");
    if (s.style == "regions") {  // class k in a light tint of colour k, one flat colour per class
      const auto n = static_cast<std::size_t>(std::max(2.0, s.pixels.max() + 1));
      gp << "set palette maxcolors " << n << "\nset palette defined (";
      for (std::size_t k = 0; k < n; ++k) gp << (k ? ", " : "") << k << " \"" << tint(k) << "\"";
      gp << ")\nset cbrange [-0.5:" << n - 0.5 << "]\nunset colorbox\nset grid front\n"
         << "if (GPVAL_TERM eq \"dumb\") { unset grid }\n";  // its dots would read as a region
    }
  }

  // The plot command; with regions, a second one for the dumb terminal (no images in ASCII: the regions
  // of classes >= 1 become '.' characters under the other series' letters).
  std::string full = "plot ", ascii = "plot ";
  std::size_t colour = 0;
  for (std::size_t i = 0; i < series_.size(); ++i) {
    const auto& s = series_[i];
    const std::string csv = name_ + "." + std::to_string(i) + ".csv";
    const std::string sep = i ? ", \\\n     " : "";
    // Paths relative to the script's folder: the CLI runs gnuplot from there.
    if (s.style == "image") {
      CsvRows rows("column,row,value");
      for (arma::uword r = 0; r < s.pixels.n_rows; ++r)
        for (arma::uword c = 0; c < s.pixels.n_cols; ++c)
          rows.row(static_cast<double>(c), static_cast<double>(r), s.pixels(r, c));
      rows.save(dir / csv);
      full += sep + quoted(csv) + " skip 1 using 1:2:3 with image notitle";
      ascii += sep + quoted(csv) + " skip 1 using 1:2:3 with image notitle";
      continue;
    }
    if (s.style == "regions") {
      CsvRows rows("x,y,class");
      for (arma::uword r = 0; r < s.pixels.n_rows; ++r)
        for (arma::uword c = 0; c < s.pixels.n_cols; ++c) rows.row(s.x(c), s.y(r), s.pixels(r, c));
      rows.save(dir / csv);
      full += sep + quoted(csv) + " skip 1 using 1:2:3 with image notitle";
      ascii += sep + quoted(csv) + " skip 1 using 1:($3 >= 1 ? $2 : NaN) with dots notitle";
      continue;
    }
    CsvRows rows("x,y");
    for (arma::uword k = 0; k < s.x.n_elem; ++k) rows.row(s.x(k), s.y(k));
    rows.save(dir / csv);
    const std::string lt = " linetype " + std::to_string(colour++ % kPalette.size() + 1);
    const std::string item = sep + quoted(csv) + " skip 1 using 1:2 with " + s.style + lt +
                             (s.style == "lines" ? "" : s.style == "points" ? " pointsize 0.6" : " pointsize 0.5") +
                             " title " + quoted(s.label);
    full += item;
    ascii += item;
  }
  if (has_regions)
    gp << "if (GPVAL_TERM eq \"dumb\") {\n" << ascii << "\n} else {\n" << full << "\n}\n";
  else
    gp << full << "\n";
  const std::string path = (dir / (name_ + ".gp")).string();
  std::cout << "figure: " << path << "\n";
  return path;
}

}  // namespace kata
