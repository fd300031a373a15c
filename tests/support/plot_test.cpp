// The gnuplot script a Figure writes: the shared style block, the key inside the plot, the caption line
// the gallery reads, filled regions (with an ASCII fallback), quoted labels, readable log ticks.
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "kata/plot.hpp"
#include "kata_test.hpp"

namespace fs = std::filesystem;

namespace {

std::string saved_script(const kata::Figure& fig, const std::string& dir) {
  ::setenv("KATA_OUT_DIR", dir.c_str(), 1);
  const std::string path = fig.save();
  ::unsetenv("KATA_OUT_DIR");
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

struct Dir {
  fs::path dir = fs::temp_directory_path() / ("kata_plot_test_" + std::to_string(::getpid()));
  Dir() { fs::create_directories(dir); }
  ~Dir() { fs::remove_all(dir); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(plot)

BOOST_AUTO_TEST_CASE(script_has_style_key_inside_caption_and_quoted_labels) {
  Dir d;
  kata::Figure fig("curve", "A \"quoted\" title");
  fig.xlabel("x").ylabel("y").caption("Line one\nline two");
  fig.line("up \"fast\"", arma::vec{1, 2, 3}, arma::vec{1, 4, 9});
  const std::string text = saved_script(fig, d.dir.string());
  BOOST_TEST(has(text, kata::figure_style()), "the style block is missing:\n" << text);
  BOOST_TEST(has(text, "#0072B2"), "Okabe-Ito blue, colour 1");
  BOOST_TEST(has(text, "# caption: Line one line two\n"), "caption on one line:\n" << text);
  const bool in_a_corner = has(text, "set key top left") || has(text, "set key top right") || has(text, "set key bottom");
  BOOST_TEST(in_a_corner, "the key must be inside, in a corner:\n" << text);
  BOOST_TEST(!has(text, "set key outside"), text);
  BOOST_TEST(has(text, "title \"up \\\"fast\\\"\""), "labels quoted, inner quotes escaped:\n" << text);
  // y data 1..9 padded by 6 % of the range (0.48) on both sides: no line on the frame.
  BOOST_TEST(has(text, "set yrange [0.52:9.48]"), text);
}

BOOST_AUTO_TEST_CASE(regions_are_an_image_with_an_ascii_fallback) {
  Dir d;
  kata::Figure fig("regions", "r");
  const arma::vec x{0, 1, 2}, y{0, 1};
  fig.regions(x, y, arma::umat{{0, 0, 1}, {0, 1, 1}}).points("class 0", arma::vec{0}, arma::vec{0});
  const std::string text = saved_script(fig, d.dir.string());
  BOOST_TEST(has(text, "\"regions.0.csv\" skip 1 using 1:2:3 with image notitle"), text);
  BOOST_TEST(has(text, "if (GPVAL_TERM eq \"dumb\")"), "no ASCII branch:\n" << text);
  BOOST_TEST(has(text, "with dots notitle"), text);
  // The grid's cells fill the plot exactly: x from -0.5 to 2.5, y from -0.5 to 1.5.
  BOOST_TEST(has(text, "set xrange [-0.5:2.5]"), text);
  BOOST_TEST(has(text, "set yrange [-0.5:1.5]"), text);
  std::ifstream csv(d.dir / "regions.0.csv");
  const std::string data((std::istreambuf_iterator<char>(csv)), std::istreambuf_iterator<char>());
  BOOST_TEST(data == "x,y,class\n0,0,0\n1,0,0\n2,0,1\n0,1,0\n1,1,1\n2,1,1\n");
  kata::test::check_rejects([&] { fig.regions(x, y, arma::umat(3, 3)); }, "Figure::regions()",
                            "a class matrix that does not match the grid");
}

BOOST_AUTO_TEST_CASE(an_image_has_ticks_only_with_axis_labels) {
  Dir d;
  kata::Figure picture("picture", "a digit");
  picture.image(arma::mat(8, 8, arma::fill::ones));
  const std::string bare = saved_script(picture, d.dir.string());
  BOOST_TEST(has(bare, "unset tics"), "a picture has no ticks:\n" << bare);
  kata::Figure matrix("matrix", "confusion");
  matrix.xlabel("predicted class").ylabel("true class").image(arma::mat(3, 3, arma::fill::ones));
  const std::string labelled = saved_script(matrix, d.dir.string());
  BOOST_TEST(has(labelled, "set xtics 1 out nomirror\nset ytics 1 out nomirror"),
             "a labelled matrix has a tick per row and column:\n" << labelled);
  BOOST_TEST(!has(labelled, "unset tics"), labelled);
}

BOOST_AUTO_TEST_CASE(log_axis_over_less_than_a_decade_has_more_than_two_labels) {
  Dir d;
  kata::Figure fig("cost", "c");
  fig.log_y().line("J", arma::vec{0, 1, 2}, arma::vec{0.25, 0.4, 0.9});
  const std::string text = saved_script(fig, d.dir.string());
  // 0.25 .. 0.9 (padded): labelled 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 (by hand: the 1-1.5-2-2.5-3-...-9 set).
  for (const char* label : {"\"0.3\" 0.3", "\"0.5\" 0.5", "\"0.8\" 0.8"})
    BOOST_TEST(has(text, label), "missing tick " << label << ":\n" << text);
  kata::Figure wide("eps", "e");
  wide.log_x().line("d", arma::vec{1e-11, 1e-1}, arma::vec{1, 2}).vline(1e-7, "eps = 1e-7");
  const std::string w = saved_script(wide, d.dir.string());
  BOOST_TEST(has(w, "\"1e-10\" 1e-10"), "plain-text exponent labels, every 2nd decade on 10:\n" << w);
  BOOST_TEST(has(w, "set label \"eps = 1e-7\""), w);
  kata::Figure rounds("rounds", "r");
  rounds.x_step(1).line("gap", arma::vec{1, 2, 3}, arma::vec{0.1, 0.2, 0.1});
  BOOST_TEST(has(saved_script(rounds, d.dir.string()), "set xtics 1\n"), "whole-number ticks for rounds");
  kata::test::check_rejects([&] { rounds.x_step(0); }, "Figure::x_step()", "a step of 0");
}

BOOST_AUTO_TEST_SUITE_END()
