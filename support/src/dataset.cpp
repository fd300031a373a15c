#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kata/dataset.hpp"
#include "kata/errors.hpp"
#include "kata_source_dir.hpp"  // generated: KATA_SOURCE_DIR

namespace kata {
namespace {

std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, ',')) fields.push_back(field);
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

double parse_number(const std::string& text, const std::string& where, const std::string& column) {
  try {
    std::size_t used = 0;
    const double value = std::stod(text, &used);
    if (used == text.size() && std::isfinite(value)) return value;
  } catch (const std::exception&) {
  }
  throw DatasetError(str("load_csv(): ", where, ": column '", column, "' is not a finite number: '",
                         text, "'"));
}

}  // namespace

std::string datasets_dir() {
  if (const char* env = std::getenv("KATA_DATASETS_DIR"); env != nullptr && *env != '\0') return env;
  return std::string(KATA_SOURCE_DIR) + "/datasets";
}

Dataset load_csv(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw DatasetError("load_csv(): cannot open " + path + " (missing file?)");
  std::string line;
  if (!std::getline(in, line)) throw DatasetError("load_csv(): " + path + " is empty");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  const auto header = split_csv_line(line);
  if (header.size() < 2 || header.back() != "label")
    throw DatasetError("load_csv(): " + path + ":1: header must end with a 'label' column, got '" +
                       line + "'");
  const std::size_t n_features = header.size() - 1;
  std::vector<double> values;
  std::vector<arma::uword> labels;
  std::size_t line_no = 1;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const std::string where = str(path, ":", line_no);
    const auto fields = split_csv_line(line);
    if (fields.size() != header.size())
      throw DatasetError(str("load_csv(): ", where, ": expected ", header.size(), " fields, got ",
                             fields.size()));
    for (std::size_t j = 0; j < n_features; ++j)
      values.push_back(parse_number(fields[j], where, header[j]));
    const double label = parse_number(fields.back(), where, "label");
    if (label < 0 || label != std::floor(label))
      throw DatasetError(str("load_csv(): ", where, ": label must be a non-negative integer, got ",
                             fields.back()));
    labels.push_back(static_cast<arma::uword>(label));
  }
  if (labels.empty()) throw DatasetError("load_csv(): " + path + " has a header but no rows");
  Dataset data;
  data.name = std::filesystem::path(path).stem().string();
  data.feature_names.assign(header.begin(), header.end() - 1);
  // values holds rows of the file (examples) one after another: as column-major n_features × m that is
  // exactly "examples are columns".
  data.X = arma::mat(values.data(), n_features, labels.size());
  data.y = arma::conv_to<arma::urowvec>::from(labels);
  return data;
}

Dataset load_dataset(const std::string& name) {
  const std::string dir = datasets_dir();
  const std::string file = name + ".csv";
  const std::string path = dir + "/" + file;
  if (!std::filesystem::exists(path))
    throw DatasetError("load_dataset(): no dataset '" + name + "': " + path + " does not exist");
  std::ifstream sums(dir + "/SHA256SUMS");
  if (!sums) throw DatasetError("load_dataset(): cannot open " + dir + "/SHA256SUMS");
  std::string expected, listed;
  std::string hash, entry;
  while (sums >> hash >> entry)
    if (entry == file) expected = hash;
  if (expected.empty())
    throw DatasetError("load_dataset(): " + file + " is not listed in " + dir + "/SHA256SUMS");
  const std::string actual = sha256_file(path);
  if (actual != expected)
    throw DatasetError("load_dataset(): checksum mismatch for " + path + ": expected " + expected +
                       ", got " + actual + " (the file was changed; restore it with git checkout)");
  Dataset data = load_csv(path);
  data.name = name;
  return data;
}

arma::mat one_hot(const arma::urowvec& y, arma::uword n_classes) {
  arma::mat out(n_classes, y.n_elem, arma::fill::zeros);
  for (arma::uword i = 0; i < y.n_elem; ++i) {
    require(y(i) < n_classes, str("one_hot(): label ", y(i), " at column ", i, " is not below n_classes = ",
                                  n_classes));
    out(y(i), i) = 1.0;
  }
  return out;
}

}  // namespace kata
