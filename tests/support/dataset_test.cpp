// Dataset loading, checksums, one-hot encoding and figure files.
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "kata/dataset.hpp"
#include "kata/plot.hpp"
#include "kata_test.hpp"

namespace fs = std::filesystem;

namespace {
// A scratch folder, removed at the end of the test case.
struct Scratch {
  fs::path dir = fs::temp_directory_path() / ("kata-test-" + std::to_string(::getpid()));
  Scratch() { fs::create_directories(dir); }
  ~Scratch() { fs::remove_all(dir); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  }
};

template <typename Call>
std::string error_of(Call call) {
  try {
    call();
  } catch (const kata::DatasetError& e) {
    return e.what();
  }
  return "(no error)";
}
}  // namespace

BOOST_AUTO_TEST_SUITE(dataset)

BOOST_AUTO_TEST_CASE(sha256_matches_fips_180_examples) {
  BOOST_TEST(kata::sha256_hex("abc") ==
             "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  BOOST_TEST(kata::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  BOOST_TEST(kata::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
             "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

BOOST_AUTO_TEST_CASE(iris_loads_with_examples_as_columns) {
  const auto iris = kata::load_dataset("iris");
  BOOST_TEST(iris.X.n_rows == 4u);
  BOOST_TEST(iris.X.n_cols == 150u);
  BOOST_TEST(iris.y.n_elem == 150u);
  BOOST_TEST(iris.n_classes() == 3u);
  BOOST_TEST(iris.feature_names.front() == "sepal_length_(cm)");
  // First row of iris.csv: 5.1,3.5,1.4,0.2,0 — one example is one column.
  kata::test::check_mat_close(iris.X.col(0), arma::vec{5.1, 3.5, 1.4, 0.2}, 0.0, "iris example 0");
  BOOST_TEST(iris.y(149) == 2u);
  BOOST_TEST(kata::Dataset{}.n_classes() == 0u);
}

BOOST_AUTO_TEST_CASE(all_shipped_datasets_verify) {
  for (const char* name : {"digits", "breast_cancer", "wine"}) {
    const auto data = kata::load_dataset(name);
    BOOST_TEST(data.X.n_cols == data.y.n_elem);
  }
}

BOOST_AUTO_TEST_CASE(bad_files_are_reported_with_file_and_line) {
  Scratch s;
  BOOST_TEST(error_of([&] { kata::load_csv(s.write("short.csv", "a,b,label\n1,2,0\n1,2\n")); })
                 .find("short.csv:3: expected 3 fields, got 2") != std::string::npos);
  BOOST_TEST(error_of([&] { kata::load_csv(s.write("nan.csv", "a,label\nx,0\n")); })
                 .find("nan.csv:2: column 'a' is not a finite number: 'x'") != std::string::npos);
  BOOST_TEST(error_of([&] { kata::load_csv(s.write("lbl.csv", "a,label\n1,0.5\n")); })
                 .find("label must be a non-negative integer") != std::string::npos);
  BOOST_TEST(error_of([&] { kata::load_csv(s.write("hdr.csv", "a,b\n1,2\n")); })
                 .find("must end with a 'label' column") != std::string::npos);
  BOOST_TEST(error_of([&] { kata::load_csv(s.write("empty.csv", "")); }).find("is empty") !=
             std::string::npos);
  BOOST_TEST(error_of([&] { kata::load_csv(s.write("norows.csv", "a,label\n")); }).find("no rows") !=
             std::string::npos);
  BOOST_TEST(error_of([&] { kata::load_csv((s.dir / "absent.csv").string()); }).find("cannot open") !=
             std::string::npos);
  const auto ok = kata::load_csv(s.write("crlf.csv", "a,label\r\n1.5,1\r\n\r\n2.5,0\r\n"));
  BOOST_TEST(ok.X.n_cols == 2u);
  BOOST_TEST(ok.name == "crlf");
}

BOOST_AUTO_TEST_CASE(checksum_mismatch_and_missing_files_are_reported) {
  Scratch s;
  s.write("iris.csv", "a,label\n1,0\n");
  s.write("SHA256SUMS", "0000  iris.csv\n");
  ::setenv("KATA_DATASETS_DIR", s.dir.c_str(), 1);
  const std::string mismatch = error_of([] { kata::load_dataset("iris"); });
  const std::string missing = error_of([] { kata::load_dataset("nope"); });
  s.write("other.csv", "a,label\n1,0\n");
  const std::string unlisted = error_of([] { kata::load_dataset("other"); });
  fs::remove(s.dir / "SHA256SUMS");
  const std::string no_sums = error_of([] { kata::load_dataset("iris"); });
  ::unsetenv("KATA_DATASETS_DIR");
  BOOST_TEST(mismatch.find("checksum mismatch") != std::string::npos, mismatch);
  BOOST_TEST(missing.find("no dataset 'nope'") != std::string::npos, missing);
  BOOST_TEST(unlisted.find("not listed") != std::string::npos, unlisted);
  BOOST_TEST(no_sums.find("cannot open") != std::string::npos, no_sums);
  BOOST_TEST(error_of([] { kata::sha256_file("/nonexistent/file"); }).find("cannot read") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(one_hot_puts_a_single_one_per_column) {
  const arma::mat y = kata::one_hot(arma::urowvec{2, 0, 1}, 3);
  kata::test::check_mat_close(y, arma::mat{{0, 1, 0}, {0, 0, 1}, {1, 0, 0}}, 0.0, "one_hot({2,0,1}, 3)");
  kata::test::check_rejects([] { kata::one_hot(arma::urowvec{3}, 3); }, "one_hot()", "label 3 with 3 classes");
}

BOOST_AUTO_TEST_CASE(figure_writes_csv_and_gnuplot_script) {
  Scratch s;
  ::setenv("KATA_OUT_DIR", s.dir.c_str(), 1);
  kata::Figure fig("curve", "A \"quoted\" title");
  fig.xlabel("x").ylabel("y").log_x().log_y().equal_axes().vline(1.0, "stop");
  fig.line("up", arma::vec{1, 2}, arma::vec{1, 4}).points("dots", arma::vec{1}, arma::vec{2});
  const std::string script = fig.save();
  ::unsetenv("KATA_OUT_DIR");
  BOOST_TEST(fs::exists(s.dir / "curve.0.csv"));
  BOOST_TEST(fs::exists(s.dir / "curve.1.csv"));
  std::ifstream in(script);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  BOOST_TEST(text.find("set logscale y") != std::string::npos);
  BOOST_TEST(text.find("set size ratio -1") != std::string::npos);
  BOOST_TEST(text.find("noenhanced") != std::string::npos);
  BOOST_TEST(text.find("A \\\"quoted\\\" title") != std::string::npos);
  BOOST_TEST(kata::output_dir() == "kata-out");
  kata::test::check_rejects([&] { fig.line("bad", arma::vec{1, 2}, arma::vec{1}); }, "Figure::lines()",
                            "x and y of different lengths");
  kata::test::check_rejects([&] { fig.image(arma::mat()); }, "Figure::image()", "an empty picture");
}

BOOST_AUTO_TEST_CASE(figure_image_writes_pixels_row_by_row_with_row_0_on_top) {
  Scratch s;
  ::setenv("KATA_OUT_DIR", s.dir.c_str(), 1);
  const std::string script = kata::Figure("pic", "two by three").image(arma::mat{{1, 2, 3}, {4, 5, 6}}).save();
  ::unsetenv("KATA_OUT_DIR");
  std::ifstream csv(s.dir / "pic.0.csv");
  const std::string data((std::istreambuf_iterator<char>(csv)), std::istreambuf_iterator<char>());
  BOOST_TEST(data == "column,row,value\n0,0,1\n1,0,2\n2,0,3\n0,1,4\n1,1,5\n2,1,6\n");
  std::ifstream gp(script);
  const std::string text((std::istreambuf_iterator<char>(gp)), std::istreambuf_iterator<char>());
  BOOST_TEST(text.find("set yrange [1.5:-0.5]") != std::string::npos, text);
  BOOST_TEST(text.find("with image") != std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(not_implemented_names_function_and_relative_file) {
  try {
    throw kata::NotImplemented("split_sizes", "/home/me/kata/lessons/01_x/x.cpp", 12);
  } catch (const kata::NotImplemented& e) {
    BOOST_TEST(std::string(e.what()) == "not implemented yet: split_sizes() in lessons/01_x/x.cpp:12");
    BOOST_TEST(e.function() == "split_sizes");
  }
  BOOST_TEST(kata::workspace_relative("/elsewhere/file.cpp") == "/elsewhere/file.cpp");
}

BOOST_AUTO_TEST_SUITE_END()
