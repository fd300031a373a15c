// Dataset loading. Examples are columns: X is n_features × m, labels y is 1 × m.
//
//   kata::Dataset iris = kata::load_dataset("iris");   // datasets/iris.csv, checksum verified
//   iris.X.n_rows == 4; iris.X.n_cols == 150; iris.y(0) == 0
//
// Files are CSV with a header row; the last column is the integer class label. load_dataset() checks
// the file's SHA-256 against datasets/SHA256SUMS first, so an edited or truncated file is reported
// instead of silently changing every result. Errors throw kata::DatasetError with file:line and cause.
#pragma once

#include <armadillo>
#include <stdexcept>
#include <string>
#include <vector>

namespace kata {

class DatasetError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

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

// Loads datasets/<name>.csv after verifying its checksum against datasets/SHA256SUMS.
Dataset load_dataset(const std::string& name);

// Loads any CSV with a header row and a final integer label column (no checksum).
Dataset load_csv(const std::string& path);

// Lowercase hex SHA-256 of a file's bytes (FIPS 180-4). Throws DatasetError if unreadable.
std::string sha256_file(const std::string& path);
std::string sha256_hex(const std::string& bytes);

// K × m one-hot matrix of labels y (each label < n_classes).
arma::mat one_hot(const arma::urowvec& y, arma::uword n_classes);

}  // namespace kata
