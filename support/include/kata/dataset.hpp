// Dataset loading. Examples are columns: X is n_features × m, labels y is 1 × m.
//
//   kata::Dataset iris = kata::load_dataset("iris");   // datasets/iris.csv, checksum verified
//   iris.X.n_rows == 4; iris.X.n_cols == 150; iris.y(0) == 0
//
// load_dataset() checks the file's SHA-256 against datasets/SHA256SUMS first, so an edited or truncated
// file is reported instead of silently changing every result.
//
// Every problem with a file is a kata::DatasetError (never another exception type) whose message starts
// with the function called ("load_csv(): ") and names the file; a parse error also names the line and
// column (file:line:column, columns counted in characters from 1) and shows at most ~80 characters of the
// line around the problem, with a caret under it. Characters that are invisible or ambiguous in a
// terminal are shown escaped: \t, \r, \n, \0, \\, \xNN for other control bytes and for bytes that are
// not UTF-8, \uXXXX for invisible code points (a byte-order mark is \uFEFF, a no-break space \u00A0).
//
// The CSV files load_csv() reads:
//   - A regular file (a directory, named pipe, socket or device is reported as what it is, without
//     waiting on it), of UTF-8 or ASCII text. A byte-order mark at the very start is skipped.
//   - Lines end with LF, CRLF or a lone CR (old Mac files); lines that are empty or hold only spaces and
//     tabs are skipped; a line longer than kMaxLineBytes is an error (a binary file, or no line breaks).
//   - Fields are separated by commas, without quoting; spaces and tabs around a field are ignored.
//   - The first line is the header: at least two names, none empty, no name twice, the last "label".
//   - Every other line has as many fields as the header. A feature is a decimal number as
//     std::from_chars reads it ("3", "-2.5", ".5", "6.02e23", subnormals such as "4e-320"), optionally
//     with a leading '+'; a number below the smallest subnormal rounds to 0, as in every CSV reader.
//     Empty fields, inf, nan, hexadecimal, magnitudes above ~1.8e308 and characters after the number
//     are errors.
//   - The label is an integer in 0 .. kMaxClasses − 1, written "3" or "3.0" (so the classes fit
//     one_hot()); anything else (0.5, -1, 1e15, 2^64) is an error at its line.
#pragma once

#include <armadillo>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace kata {

class DatasetError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Labels are 0 .. kMaxClasses − 1 and one_hot() encodes at most kMaxClasses classes. 65536 is far above
// any classification data set this workspace uses (digits has 10) while a K × m one-hot matrix still fits
// in memory for a few thousand examples; a label of 1e15 is a corrupt file, not a class.
inline constexpr arma::uword kMaxClasses = 65536;

// The longest line load_csv() accepts, in bytes (4 MiB: about 200 000 numbers of 20 characters).
inline constexpr std::size_t kMaxLineBytes = std::size_t{4} << 20;

struct Dataset {
  std::string name;
  std::vector<std::string> feature_names;
  arma::mat X;       // n_features × m
  arma::urowvec y;   // 1 × m, classes 0 .. K-1

  arma::uword n_features() const { return X.n_rows; }
  arma::uword n_examples() const { return X.n_cols; }
  arma::uword n_classes() const { return y.n_elem == 0 ? 0 : y.max() + 1; }
};

// The folder holding the CSV files: $KATA_DATASETS_DIR if set, else <workspace>/datasets.
std::string datasets_dir();

// Loads datasets/<name>.csv after verifying its checksum against datasets/SHA256SUMS. `name` is a plain
// file name without ".csv" (no '/'). SHA256SUMS is read as `sha256sum -c` reads it: lines
// "<64 hex digits, either case> <name>" (one space or tab; a second space or a '*' marks text or
// binary mode), or "SHA256 (<name>) = <hex>" (the --tag format); leading spaces, CRLF line ends, a
// leading './' on the name and a leading '\' (escaped name) are accepted; blank lines, '#' comments
// and lines in no known format are skipped. A name listed twice with different checksums is an error.
Dataset load_dataset(const std::string& name);

// Loads any CSV in the format above (no checksum). Dataset::name is the file name without extension.
Dataset load_csv(const std::string& path);

// Lowercase hex SHA-256 (OpenSSL's libcrypto) of a file's bytes, read in chunks, or of a string.
// sha256_file() opens files as load_csv() does and throws DatasetError naming the file and the cause.
std::string sha256_file(const std::string& path);
std::string sha256_hex(const std::string& bytes);

// K × m one-hot matrix of labels y. Throws std::invalid_argument when a label is not below n_classes or
// n_classes > kMaxClasses (an absurd class count would be an allocation failure, not an encoding).
arma::mat one_hot(const arma::urowvec& y, arma::uword n_classes);

}  // namespace kata
