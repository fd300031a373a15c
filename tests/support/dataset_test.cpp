// Dataset loading, checksums, one-hot encoding and figure files.
//
// The loaders face hostile input here (issue 11): every malformed file must give a kata::DatasetError
// that starts with the function's name, names the file (and line:column for a parse error), states the
// cause, and quotes at most a short, visible excerpt of the line. Nothing else may escape, nothing may
// hang, and a valid file in any of the accepted spellings must load exactly.
#include <boost/core/demangle.hpp>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sys/fsuid.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <typeinfo>
#include <unistd.h>

#include "kata/dataset.hpp"
#include "kata/plot.hpp"
#include "kata_test.hpp"

namespace fs = std::filesystem;

namespace {
// A scratch folder, removed at the end of the test case.
struct Scratch {
  fs::path dir = fs::temp_directory_path() / ("kata-test-" + std::to_string(::getpid()));
  Scratch() { fs::create_directories(dir); }
  ~Scratch() {
    std::error_code ignored;
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::add, ignored);
    fs::remove_all(dir, ignored);
  }
  // Writes the bytes as they are (binary: no newline translation, NUL bytes kept).
  std::string write(const std::string& name, const std::string& bytes) const {
    std::ofstream(dir / name, std::ios::binary) << bytes;
    return (dir / name).string();
  }
};

// What a call threw: the DatasetError's message, or a description of whatever else happened.
struct Outcome {
  bool dataset_error = false;
  std::string message;
};

template <typename Call>
Outcome outcome_of(Call call) {
  try {
    call();
  } catch (const kata::DatasetError& e) {
    return {true, e.what()};
  } catch (const std::exception& e) {
    return {false, "a " + boost::core::demangle(typeid(e).name()) + ": " + e.what()};
  }
  return {false, "no error (the file loaded)"};
}

// Every byte of a message is printable, a line break, or part of a UTF-8 character; no byte-order mark.
bool shows_no_invisible_bytes(const std::string& message) {
  for (unsigned char c : message)
    if ((c < 0x20 && c != '\n') || c == 0x7F || c >= 0xF5 || c == 0xC0 || c == 0xC1) return false;
  return message.find("\xEF\xBB\xBF") == std::string::npos;
}

// The checks every malformed input gets. `fragments` are the parts of the message that state where and
// why (e.g. "bad.csv:3:4: expected 3 fields"). Messages used to embed the whole file (20-200 MB): a
// message is at most 1000 characters plus the path, whatever the input.
void check_reported(const Outcome& got, const std::string& function, const std::string& file,
                    const std::vector<std::string>& fragments, const std::string& what) {
  BOOST_TEST_CONTEXT(what << "\n  message: " << got.message) {
    BOOST_CHECK_MESSAGE(got.dataset_error, what << ": expected kata::DatasetError, got " << got.message);
    BOOST_CHECK_MESSAGE(got.message.rfind(function + ": ", 0) == 0,
                        what << ": the message should start with '" << function << ": '");
    BOOST_CHECK_MESSAGE(got.message.find(file) != std::string::npos, what << ": the message should name " << file);
    for (const auto& fragment : fragments)
      BOOST_CHECK_MESSAGE(got.message.find(fragment) != std::string::npos,
                          what << ": the message should contain '" << fragment << "'");
    BOOST_CHECK_MESSAGE(got.message.size() <= 1000 + file.size(),
                        what << ": the message is " << got.message.size() << " characters; quote an excerpt only");
    BOOST_CHECK_MESSAGE(shows_no_invisible_bytes(got.message),
                        what << ": the message contains raw control bytes, bytes that are not UTF-8 or a BOM");
  }
}

struct MalformedCsv {
  const char* file;
  std::string bytes;
  std::vector<std::string> fragments;
};

// Runs load_csv on each file of the table; returns how many were reported as required.
void check_table(const std::vector<MalformedCsv>& table) {
  Scratch s;
  for (const auto& c : table) {
    const std::string path = s.write(c.file, c.bytes);
    check_reported(outcome_of([&] { kata::load_csv(path); }), "load_csv()", c.file, c.fragments, c.file);
  }
}

std::string repeat(const std::string& text, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += text;
  return out;
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

BOOST_AUTO_TEST_CASE(sha256_file_streams_files_of_any_size) {
  Scratch s;
  // FIPS 180-2's third example: one million 'a'. 3,000,000 'a' span several 1 MiB reads; its digest was
  // computed with Python's hashlib: hashlib.sha256(b'a' * 3000000).hexdigest().
  BOOST_TEST(kata::sha256_file(s.write("million", std::string(1000000, 'a'))) ==
             "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  BOOST_TEST(kata::sha256_file(s.write("three", std::string(3000000, 'a'))) ==
             "2a152c894398719c0570f83fac34ac03a0f6e8e474b995c2403aa5434f7b9dd4");
  BOOST_TEST(kata::sha256_file(s.write("abc", "abc")) == kata::sha256_hex("abc"));
  check_reported(outcome_of([&] { kata::sha256_file((s.dir / "absent").string()); }), "sha256_file()", "absent",
                 {"does not exist"}, "sha256_file() of a missing file");
  check_reported(outcome_of([&] { kata::sha256_file(s.dir.string()); }), "sha256_file()", s.dir.string(),
                 {"is a directory"}, "sha256_file() of a directory");
}

BOOST_AUTO_TEST_CASE(iris_loads_with_examples_as_columns) {
  const auto iris = kata::load_dataset("iris");
  BOOST_TEST(iris.X.n_rows == 4u);
  BOOST_TEST(iris.X.n_cols == 150u);
  BOOST_TEST(iris.y.n_elem == 150u);
  BOOST_TEST(iris.n_classes() == 3u);
  BOOST_TEST(iris.feature_names.front() == "sepal_length_(cm)");
  BOOST_TEST(iris.name == "iris");
  // First row of iris.csv: 5.1,3.5,1.4,0.2,0 — one example is one column.
  kata::test::check_mat_close(iris.X.col(0), arma::vec{5.1, 3.5, 1.4, 0.2}, 0.0, "iris example 0");
  BOOST_TEST(iris.y(149) == 2u);
  BOOST_TEST(kata::Dataset{}.n_classes() == 0u);
}

BOOST_AUTO_TEST_CASE(all_shipped_datasets_verify) {
  // Shapes from datasets/PROVENANCE.md (rows of the CSV files less the header).
  const struct {
    const char* name;
    arma::uword features, examples, classes;
  } shipped[] = {{"digits", 64, 1797, 10}, {"breast_cancer", 30, 569, 2}, {"wine", 13, 178, 3}};
  for (const auto& d : shipped) {
    const auto data = kata::load_dataset(d.name);
    BOOST_TEST(data.X.n_rows == d.features, d.name);
    BOOST_TEST(data.X.n_cols == d.examples, d.name);
    BOOST_TEST(data.y.n_elem == d.examples, d.name);
    BOOST_TEST(data.n_classes() == d.classes, d.name);
  }
}

// Every spelling the format allows (dataset.hpp) gives the same numbers.
BOOST_AUTO_TEST_CASE(valid_csv_variants_load_exactly) {
  Scratch s;
  const arma::mat X = {{1.5, -2.0}, {0.25, 3.0}};  // 2 features × 2 examples
  const arma::urowvec y = {1, 0};
  const struct {
    const char* file;
    std::string bytes;
  } variants[] = {
      {"lf.csv", "a,b,label\n1.5,0.25,1\n-2,3,0\n"},
      {"crlf.csv", "a,b,label\r\n1.5,0.25,1\r\n-2,3,0\r\n"},
      {"cr_only.csv", "a,b,label\r1.5,0.25,1\r-2,3,0\r"},
      {"no_final_break.csv", "a,b,label\n1.5,0.25,1\n-2,3,0"},
      {"bom.csv", "\xEF\xBB\xBF" "a,b,label\n1.5,0.25,1\n-2,3,0\n"},
      {"bom_line.csv", "\xEF\xBB\xBF\na,b,label\n1.5,0.25,1\n-2,3,0\n"},
      {"blank_lines.csv", "\n \na,b,label\n\n1.5,0.25,1\r\n\t\r\n-2,3,0\n\n\n"},
      {"spaces.csv", " a , b ,\tlabel \n 1.5 ,\t0.25, 1\n-2 , 3 ,0 \n"},
      {"spellings.csv", "a,b,label\n+1.5,.25,1.0\n-2.,3e0,-0\n"},
  };
  for (const auto& v : variants) {
    BOOST_TEST_CONTEXT(v.file) {
      const Outcome got = outcome_of([&] {
        const auto data = kata::load_csv(s.write(v.file, v.bytes));
        kata::test::check_mat_close(data.X, X, 0.0, std::string(v.file) + ": X");
        kata::test::check_mat_close(data.y, y, 0.0, std::string(v.file) + ": y");
        BOOST_TEST((data.feature_names == std::vector<std::string>{"a", "b"}));
      });
      BOOST_CHECK_MESSAGE(got.message == "no error (the file loaded)", v.file << ": " << got.message);
    }
  }
  // Subnormal numbers are valid doubles (4e-320 was rejected as "not a finite number"); a value below
  // the smallest subnormal (~4.9e-324) rounds to 0 as it does in strtod, numpy and pandas. The expected
  // values are the compiler's own parse of the same decimal literals. Exact comparison: parsing is
  // correctly rounded.
  const auto tiny = kata::load_csv(s.write("tiny.csv", "a,b,label\n4e-320,1e-400,0\n-5e-324,-1e-999999999999,1\n"));
  kata::test::check_mat_close(tiny.X, arma::mat{{4e-320, -5e-324}, {0.0, -0.0}}, 0.0, "subnormals and underflow");
  BOOST_TEST(tiny.name == "tiny");
  // The largest label allowed, so one_hot() can encode every loaded data set.
  const auto top = kata::load_csv(s.write("top.csv", "a,label\n1,65535\n"));
  BOOST_TEST(top.y(0) == kata::kMaxClasses - 1);
}

// The loader reads 1 MiB (2^20 bytes) at a time; lines, and a CRLF's two bytes, may straddle two reads.
// Rows are "%07d,%d" plus the line break: with CRLF and a 13-byte header, row k's CR is at byte
// 13 + 11 k + 9, and k = 95323 puts it at 2^20 - 1, the last byte of the first read.
BOOST_AUTO_TEST_CASE(lines_split_across_reads_load_exactly) {
  Scratch s;
  const arma::uword m = 200000;  // 2.2 MB: three reads
  arma::rowvec features(m);
  arma::urowvec labels(m);
  for (arma::uword i = 0; i < m; ++i) features(i) = double(i), labels(i) = i % 3;
  for (const std::string line_break : {"\r\n", "\r", "\n"}) {
    std::string bytes = "a,label    " + line_break;  // 13 bytes with CRLF
    char row[16];
    for (arma::uword i = 0; i < m; ++i) {
      std::snprintf(row, sizeof row, "%07u,%u", unsigned(i), unsigned(labels(i)));
      bytes += row + line_break;
    }
    if (line_break == "\r\n") BOOST_TEST(bytes.substr((std::size_t{1} << 20) - 1, 2) == "\r\n");
    const std::string what = "line breaks of " + std::to_string(line_break.size()) + " byte(s)";
    const Outcome got = outcome_of([&] {
      const auto data = kata::load_csv(s.write("chunks.csv", bytes));
      kata::test::check_mat_close(data.X, features, 0.0, what + ": X");
      kata::test::check_mat_close(data.y, labels, 0.0, what + ": y");
    });
    BOOST_CHECK_MESSAGE(got.message == "no error (the file loaded)", what << ": " << got.message);
    // Line numbers count each line break once, also one split across two reads (the data alone cannot
    // show it: a CRLF taken for two line breaks makes a blank line, which is skipped).
    const std::string path = s.write("chunks_bad.csv", bytes + "oops,0" + line_break);
    check_reported(outcome_of([&] { kata::load_csv(path); }), "load_csv()", "chunks_bad.csv",
                   {"chunks_bad.csv:" + std::to_string(m + 2) + ":1: field 1 ('a') is not a number: 'oops'"},
                   what + ", a bad last row");
  }
}

// Issue 11: files that are not regular files, and paths that do not lead to one.
BOOST_AUTO_TEST_CASE(unreadable_paths_are_named_with_their_cause) {
  Scratch s;
  const std::string dir = s.dir.string();
  s.write("plain.csv", "a,label\n1,0\n");
  fs::create_symlink(dir + "/gone.csv", dir + "/dangling.csv");
  fs::create_symlink(dir + "/loop_b.csv", dir + "/loop_a.csv");
  fs::create_symlink(dir + "/loop_a.csv", dir + "/loop_b.csv");
  fs::create_directory(dir + "/folder.csv");
  // A named pipe with no writer: opening it for reading would wait forever (the loader used to hang).
  BOOST_REQUIRE(::mkfifo((dir + "/pipe.csv").c_str(), 0600) == 0);
  const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  const std::string sock_path = dir + "/socket.csv";
  BOOST_REQUIRE(sock_path.size() < sizeof addr.sun_path);
  std::copy(sock_path.begin(), sock_path.end(), addr.sun_path);
  BOOST_REQUIRE(::bind(sock, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0);
  const struct {
    std::string path, shown;
    std::vector<std::string> fragments;
  } cases[] = {
      {dir + "/absent.csv", "absent.csv", {"absent.csv does not exist"}},
      {dir + "/no_folder/x.csv", "no_folder/x.csv", {"does not exist"}},
      {dir + "/dangling.csv", "dangling.csv", {"is a symlink to '", "gone.csv', which does not exist"}},
      {dir + "/loop_a.csv", "loop_a.csv", {"symlink loop"}},
      {dir + "/folder.csv", "folder.csv", {"is a directory, not a regular file"}},
      {dir + "/pipe.csv", "pipe.csv", {"is a named pipe (FIFO), not a regular file"}},
      {sock_path, "socket.csv", {"is a socket, not a regular file"}},
      {"/dev/null", "/dev/null", {"is a character device, not a regular file"}},
      {dir + "/plain.csv/x.csv", "plain.csv/x.csv", {"a part of the path before the file name is not a folder"}},
      {dir + "/" + std::string(300, 'n') + ".csv", std::string(300, 'n'), {"is too long"}},
      {"", "", {"no file name given (the path is empty)"}},
      {dir + std::string("/nul\0.csv", 9), "nul\\0.csv", {"the path contains a NUL byte"}},
      {dir + "/new\nline\t.csv", "new\\nline\\t.csv", {"does not exist"}},
  };
  for (const auto& c : cases)
    check_reported(outcome_of([&] { kata::load_csv(c.path); }), "load_csv()", c.shown, c.fragments,
                   "load_csv(\"" + c.shown + "\")");
  ::close(sock);
}

// Root reads every file regardless of its mode bits; as root the check drops to another file-system user
// id for the call (Linux setfsuid), so the kernel applies the permissions as it would for a learner.
BOOST_AUTO_TEST_CASE(permission_denied_is_reported_as_such) {
  Scratch s;
  const std::string path = s.write("secret.csv", "a,label\n1,0\n");
  fs::permissions(path, fs::perms::none);
  const bool root = ::geteuid() == 0;
  if (root) ::setfsuid(65534);  // nobody
  const Outcome got = outcome_of([&] { kata::load_csv(path); });
  const Outcome hashed = outcome_of([&] { kata::sha256_file(path); });
  if (root) ::setfsuid(0);
  check_reported(got, "load_csv()", "secret.csv", {"secret.csv: permission denied"}, "a file without read permission");
  check_reported(hashed, "sha256_file()", "secret.csv", {"secret.csv: permission denied"},
                 "sha256_file() of a file without read permission");
}

// Issue 11: header and whole-file problems. Columns count characters from 1.
BOOST_AUTO_TEST_CASE(malformed_headers_are_reported) {
  check_table({
      {"empty.csv", "", {"empty.csv is empty (0 bytes)"}},
      {"blank.csv", "\n  \n\t\r\n", {"blank.csv has no header: it holds only blank lines"}},
      {"header_only.csv", "a,label\n\n", {"header_only.csv: has a header but no rows"}},
      {"no_label.csv", "a,b\n1,2\n", {"no_label.csv:1:3: the header's last field must be 'label'", "got 'b'"}},
      {"upper_label.csv", "a,Label\n1,0\n", {":1:3:", "got 'Label' (names are case-sensitive)"}},
      {"only_label.csv", "label\n0\n", {"only_label.csv:1:1: the header has only the 'label' column"}},
      {"semicolons.csv", "a;b;label\n1;2;0\n", {"semicolons.csv:1:2: fields must be separated by commas", "uses ';'"}},
      {"tabs.csv", "a\tb\tlabel\n1\t2\t0\n", {"tabs.csv:1:2: fields must be separated by commas", "uses '\\t'",
                                              "    a\\tb\\tlabel\n     ^"}},
      {"empty_name.csv", "a,,label\n1,2,0\n", {"empty_name.csv:1:3: header field 2 is empty"}},
      // Columns count characters: "größe," is 6 characters in 8 bytes; the caret follows the characters.
      {"umlaut.csv", "größe,b,größe,label\n1,2,3,0\n",
       {"umlaut.csv:1:9: the name 'größe' appears twice in the header (fields 1 and 3)",
        "    größe,b,größe,label\n" + std::string(4 + 8, ' ') + "^"}},
      {"header_comma.csv", "a,label,\n1,0\n", {"header_comma.csv:1:9: the header ends with a comma"}},
      {"twice.csv", "a,b,a,label\n1,2,3,0\n",
       {"twice.csv:1:5: the name 'a' appears twice in the header (fields 1 and 3)"}},
      {"utf16.csv", std::string("\xFF\xFE" "a\0,\0l\0a\0b\0e\0l\0\n\0", 18),
       {"utf16.csv:1:1: the file is UTF-16 text"}},
      {"utf16_no_bom.csv", std::string("a\0,\0l\0a\0b\0e\0l\0\n\0", 16),
       {"utf16_no_bom.csv:1:2: the header contains a NUL byte", "a\\0,\\0l\\0a"}},
      {"image.csv", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), {"image.csv:1:1:", "got '\\x89PNG'"}},
      {"bom_inside.csv", "a,\xEF\xBB\xBFlabel\n1,0\n", {"bom_inside.csv:1:3:", "got '\\uFEFFlabel'"}},
      {"long_header.csv", std::string(kata::kMaxLineBytes + 10, 'x'),
       {"long_header.csv:1: line 1 is longer than 4194304 bytes", "xxxxxxxxxx"}},
  });
}

// Issue 11: malformed rows. Columns point at the offending character (caret line in the message).
BOOST_AUTO_TEST_CASE(malformed_rows_are_reported_with_line_and_column) {
  std::string wide_header;  // f0,f1,...,f2000,label
  for (int j = 0; j <= 2000; ++j) wide_header += "f" + std::to_string(j) + ",";
  const std::string long_row = wide_header + "label\n" + repeat("1.25,", 2000) + "oops,0\n";  // a 10 kB line
  check_table({
      {"too_few.csv", "a,b,label\n1,2,0\n1,2\n", {"too_few.csv:3:4: expected 3 fields like the header, got 2",
                                                     "    1,2\n       ^"}},
      {"too_many.csv", "a,label\n1,0,5\n", {"too_many.csv:2:5: expected 2 fields like the header, got 3"}},
      {"trailing_comma.csv", "a,label\n1,0,\n",
       {"trailing_comma.csv:2:5: expected 2 fields like the header, got 3 (the line ends with a comma)"}},
      {"decimal_comma.csv", "a,label\n1,5,0\n", {":2:5: expected 2 fields", "a decimal comma"}},
      {"empty_field.csv", "a,b,label\n1,,0\n", {"empty_field.csv:2:3: field 2 ('b') is empty"}},
      {"word.csv", "a,label\nx,0\n", {"word.csv:2:1: field 1 ('a') is not a number: 'x'"}},
      {"junk.csv", "a,label\n1.5x,0\n",
       {"junk.csv:2:4: field 1 ('a') has unexpected characters after the number: '1.5x' (from 'x' on)",
        "    1.5x,0\n       ^"}},
      {"bare_e.csv", "a,label\n1e,0\n", {"bare_e.csv:2:2:", "'1e' (from 'e' on)"}},
      {"hex.csv", "a,label\n0x1A,0\n", {"hex.csv:2:2:", "(from 'x1A' on)"}},
      {"inf.csv", "a,label\ninf,0\n", {"inf.csv:2:1: field 1 ('a') is 'inf': infinities and NaN"}},
      {"minus_inf.csv", "a,label\n-Infinity,0\n", {"minus_inf.csv:2:1:", "is '-Infinity': infinities"}},
      {"nan.csv", "a,label\nNaN,0\n", {"nan.csv:2:1: field 1 ('a') is 'NaN'", "missing values"}},
      {"too_large.csv", "a,label\n1e400,0\n", {"too_large.csv:2:1: field 1 ('a') is too large for a double"}},
      {"many_digits.csv", "a,label\n" + std::string(100000, '9') + ",0\n",
       {"many_digits.csv:2:1: field 1 ('a') is too large", "'" + std::string(40, '9') + "...'"}},
      {"quoted.csv", "a,label\n\"1.5\",0\n", {"quoted.csv:2:1: field 1 ('a') is not a number: '\"1.5\"'"}},
      {"two_minus.csv", "a,label\n--1,0\n", {"two_minus.csv:2:1:", "is not a number: '--1'"}},
      {"plus_minus.csv", "a,label\n+-1,0\n", {"plus_minus.csv:2:1:", "is not a number: '+-1'"}},
      {"lone_minus.csv", "a,label\n-,0\n", {"lone_minus.csv:2:1:", "is not a number: '-'"}},
      {"nul.csv", std::string("a,label\n1\0,0\n", 13), {"nul.csv:2:2:", "'1\\0' (from '\\0' on)"}},
      {"backslash.csv", "a,label\n1\\2,0\n", {"backslash.csv:2:2:", "'1\\\\2' (from '\\\\2' on)"}},
      {"latin1.csv", "a,label\n1\xB5,0\n", {"latin1.csv:2:2:", "'1\\xB5'"}},
      {"bom_row.csv", "a,label\n\xEF\xBB\xBF" "1,0\n", {"bom_row.csv:2:1:", "is not a number: '\\uFEFF1'"}},
      {"nbsp.csv", "a,label\n1\xC2\xA0,0\n", {"nbsp.csv:2:2:", "'1\\u00A0'"}},
      {"zero_width.csv", "a,label\n\xE2\x80\x8B" "2,0\n", {"zero_width.csv:2:1:", "'\\u200B2'"}},
      {"cr_only_bad.csv", "a,label\r1,0\rx,0\r", {"cr_only_bad.csv:3:1: field 1 ('a') is not a number: 'x'"}},
      {"crlf_bad.csv", "a,label\r\n1,0\r\n1,\r\n", {"crlf_bad.csv:3:3: field 2 ('label') is empty"}},
      {"long_row.csv", long_row, {"long_row.csv:2:10001: field 2001 ('f2000') is not a number: 'oops'",
                                 // 26 bytes of context before the field, after "..."; the caret under its 'o'
                                 "    ...,1.25,1.25,1.25,1.25,1.25,oops,0\n" + std::string(4 + 3 + 26, ' ') + "^"}},
      {"long_row_line.csv", "a,label\n" + std::string(kata::kMaxLineBytes + 1, '7') + ",0\n",
       {"long_row_line.csv:2: line 2 is longer than 4194304 bytes"}},
  });
}

// Issue 11: labels must be integer classes 0 .. kMaxClasses - 1. 2^64 and 1e300 used to load as
// 9223372036854775808, and 1e15 loaded and then made one_hot() throw std::bad_alloc.
BOOST_AUTO_TEST_CASE(labels_outside_the_class_range_are_reported) {
  check_table({
      {"half.csv", "a,label\n1,0.5\n",
       {"half.csv:2:3: field 2 ('label') must be an integer class in 0 .. 65535, got '0.5', which is not an integer"}},
      {"negative.csv", "a,label\n1,-1\n", {"negative.csv:2:3:", "must be an integer class in 0 .. 65535, got '-1'"}},
      {"above.csv", "a,label\n1,65536\n", {"above.csv:2:3:", "got '65536'"}},
      {"e15.csv", "a,label\n1,1e15\n", {"e15.csv:2:3:", "got '1e15'"}},
      {"two_64.csv", "a,label\n1,18446744073709551616\n", {"two_64.csv:2:3:", "got '18446744073709551616'"}},
      {"e300.csv", "a,label\n1,1e300\n", {"e300.csv:2:3:", "got '1e300'"}},
      {"e400.csv", "a,label\n1,1e400\n", {"e400.csv:2:3:", "got '1e400'"}},
      {"nan_label.csv", "a,label\n1,nan\n", {"nan_label.csv:2:3:", "got 'nan'"}},
      {"word_label.csv", "a,label\n1,cat\n", {"word_label.csv:2:3: field 2 ('label') is not a number: 'cat'"}},
      {"empty_label.csv", "a,label\n1,\n", {"empty_label.csv:2:3: field 2 ('label') is empty"}},
      {"junk_label.csv", "a,label\n1,2x\n", {"junk_label.csv:2:4:", "'2x' (from 'x' on)"}},
  });
}

// sha256sum -c accepts each of these spellings of SHA256SUMS (checked with GNU coreutils 9.1 when this
// test was written); the upper-case one and '*name' used to be reported as a changed file / not listed.
// tiny.csv's SHA-256 was computed with `printf 'a,label\n1,0\n' | sha256sum`.
BOOST_AUTO_TEST_CASE(sha256sums_is_read_like_sha256sum_c) {
  const std::string h = "b20371eaaa142bd73a3df6a4c8bfe93f20f814637f4e62e1135a920c0974f81f";
  std::string upper = h;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  Scratch s;
  s.write("tiny.csv", "a,label\n1,0\n");
  ::setenv("KATA_DATASETS_DIR", s.dir.c_str(), 1);
  const std::string accepted[] = {
      h + "  tiny.csv\n",
      upper + "  tiny.csv\n",
      h + " *tiny.csv\n",
      h + " tiny.csv\n",
      h + "\ttiny.csv\n",
      "  " + h + "  tiny.csv\n",
      h + "  tiny.csv\r\n",
      h + "  tiny.csv",
      "# checksums of the data sets\n\n" + h + "  tiny.csv\n",
      "stray\n" + h + "  tiny.csv\n",  // one stray word: read as word pairs, it shifted every pair after it
      "SHA256 (tiny.csv) = " + h + "\n",
      "SHA256 (tiny.csv)=" + upper + "\n",
      "\\" + h + "  tiny.csv\n",
      h + "  ./tiny.csv\n",
      h + "  tiny.csv\n" + h + "  tiny.csv\n",
  };
  for (const auto& sums : accepted) {
    s.write("SHA256SUMS", sums);
    const Outcome got = outcome_of([] { BOOST_TEST(kata::load_dataset("tiny").X(0, 0) == 1.0); });
    BOOST_CHECK_MESSAGE(got.message == "no error (the file loaded)", "SHA256SUMS '" << sums << "': " << got.message);
  }
  const std::string other = "0000000000000000000000000000000000000000000000000000000000000000";
  const struct {
    std::string sums, name, shown;
    std::vector<std::string> fragments;
  } rejected[] = {
      {other + "  tiny.csv\n", "tiny", "tiny.csv",
       {"checksum mismatch: SHA256SUMS lists " + other + ", the file's SHA-256 is " + h, "the file was changed"}},
      {h + "  tiny.csv\n" + other + "  tiny.csv\n", "tiny", "SHA256SUMS",
       {"tiny.csv is listed twice with different checksums (lines 1 and 2)"}},
      {h + "  other.csv\nstray words\n", "tiny", "SHA256SUMS",
       {"does not list tiny.csv (it lists other.csv; 1 line(s) in no sha256sum format were skipped)"}},
      {h + "0  tiny.csv\n", "tiny", "SHA256SUMS", {"does not list tiny.csv (it lists no file; 1 line(s)"}},
      {"SHA1 (tiny.csv) = " + h + "\n", "tiny", "SHA256SUMS", {"does not list tiny.csv"}},
      {h + "  tiny.csv\n", "nope", "nope.csv",
       {"no dataset 'nope':", "nope.csv does not exist (SHA256SUMS lists tiny.csv)"}},
      {"\\" + h + "  tiny\\q.csv\n", "tiny", "SHA256SUMS", {"does not list tiny.csv (it lists no file; 1 line(s)"}},
      {repeat(h + "  a.csv\n", 12), "tiny", "SHA256SUMS",
       {"does not list tiny.csv (it lists " + repeat("a.csv, ", 9) + "a.csv and 2 more)"}},
      {std::string(std::size_t{1} << 20, '#') + "\n", "tiny", "SHA256SUMS",
       {"SHA256SUMS is 1048577 bytes: not a checksum list"}},
      {h + "  tiny.csv\n", "../tiny", "'../tiny'", {"a dataset name is a file name without '/'"}},
      {h + "  tiny.csv\n", "", "''", {"a dataset name is a file name without '/'"}},
  };
  for (const auto& r : rejected) {
    s.write("SHA256SUMS", r.sums);
    check_reported(outcome_of([&] { kata::load_dataset(r.name); }), "load_dataset()", r.shown, r.fragments,
                   "load_dataset(\"" + r.name + "\") with SHA256SUMS '" + r.sums.substr(0, 200) + "'");
  }
  fs::remove(s.dir / "SHA256SUMS");
  check_reported(outcome_of([] { kata::load_dataset("tiny"); }), "load_dataset()", "SHA256SUMS",
                 {"SHA256SUMS does not exist"}, "no SHA256SUMS");
  fs::create_directory(s.dir / "SHA256SUMS");
  check_reported(outcome_of([] { kata::load_dataset("tiny"); }), "load_dataset()", "SHA256SUMS",
                 {"SHA256SUMS is a directory, not a regular file"}, "SHA256SUMS is a folder");
  ::unsetenv("KATA_DATASETS_DIR");
}

BOOST_AUTO_TEST_CASE(one_hot_puts_a_single_one_per_column) {
  const arma::mat y = kata::one_hot(arma::urowvec{2, 0, 1}, 3);
  kata::test::check_mat_close(y, arma::mat{{0, 1, 0}, {0, 0, 1}, {1, 0, 0}}, 0.0, "one_hot({2,0,1}, 3)");
  kata::test::check_rejects([] { kata::one_hot(arma::urowvec{3}, 3); }, "one_hot()", "label 3 with 3 classes");
  // An absurd class count is rejected up front instead of failing to allocate a K × m matrix.
  kata::test::check_rejects([] { kata::one_hot(arma::urowvec{0}, 1000000000000000ULL); }, "one_hot()",
                            "n_classes = 1e15");
  kata::test::check_rejects([] { kata::one_hot(arma::urowvec{0}, kata::kMaxClasses + 1); }, "one_hot()",
                            "n_classes = kMaxClasses + 1");
  const arma::mat widest = kata::one_hot(arma::urowvec{kata::kMaxClasses - 1}, kata::kMaxClasses);
  BOOST_TEST(widest(kata::kMaxClasses - 1, 0) == 1.0);
  BOOST_TEST(arma::accu(widest) == 1.0);
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
