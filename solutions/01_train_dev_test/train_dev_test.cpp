// Lesson 01 — reference solution.
#include "train_dev_test.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "kata/errors.hpp"

namespace kata {
namespace {

void validate_ratios(const char* fn, const std::vector<double>& ratios) {
  require(!ratios.empty(), str(fn, ": ratios must not be empty"));
  double sum = 0.0;
  for (std::size_t k = 0; k < ratios.size(); ++k) {
    require(std::isfinite(ratios[k]) && ratios[k] >= 0.0,
            str(fn, ": ratios must be finite and >= 0, got ratios[", k, "] = ", ratios[k]));
    sum += ratios[k];
  }
  require(std::abs(sum - 1.0) <= 1e-9, str(fn, ": ratios must sum to 1, got ", sum));
}

void validate_pairs(const char* fn, const arma::mat& X, const arma::urowvec& y) {
  require(X.n_cols == y.n_elem, str(fn, ": X has ", X.n_cols, " examples (columns) but y has ", y.n_elem,
                                    " labels"));
  require(X.n_cols > 0, str(fn, ": no examples (m = 0)"));
}

// Gathers the columns named by each index set.
DataSplit gather(const arma::mat& X, const arma::urowvec& y, std::vector<arma::uvec> indices) {
  DataSplit split;
  for (auto& idx : indices) {
    split.X.push_back(X.cols(idx));
    split.y.push_back(y.cols(idx));
    split.indices.push_back(std::move(idx));
  }
  return split;
}

}  // namespace

std::vector<arma::uword> split_sizes(arma::uword m, const std::vector<double>& ratios) {
  require(m > 0, "split_sizes(): m must be > 0, got 0");
  validate_ratios("split_sizes()", ratios);
  const std::size_t n = ratios.size();
  // Differences below this are rounding noise, not data: 2 * 0.7 and 2 * 0.2 have the same fractional
  // part .4 as decimals, but .39999999999999991 and .40000000000000002 in binary.
  const double tol = 1e-9 * std::max(1.0, static_cast<double>(m));
  std::vector<arma::uword> sizes(n);
  std::vector<double> remainder(n);
  arma::uword assigned = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const double share = static_cast<double>(m) * ratios[k];
    // 100 * 0.29 = 28.999999999999996 in binary floating point: snap values within rounding error of an
    // integer to that integer before taking the floor.
    const double nearest = std::round(share);
    const double whole = std::abs(share - nearest) <= 1e-9 * std::max(1.0, share) ? nearest
                                                                                    : std::floor(share);
    sizes[k] = static_cast<arma::uword>(whole);
    remainder[k] = share - whole;
    assigned += sizes[k];
  }
  // The ratios may sum to up to 1 + 1e-9, so on a very large m their whole parts alone can exceed m
  // (2e9 * {0.5, 0.5 + 5e-10} = {1e9, 1e9 + 1}). Then the sets with the smallest fractional parts give
  // one back each, ties: the later set (the leftover rule, mirrored).
  if (assigned > m) {
    std::vector<std::size_t> back;
    std::vector<bool> taken(n, false);
    for (;;) {
      bool found = false;
      double smallest = 0.0;
      for (std::size_t k = 0; k < n; ++k)
        if (!taken[k] && sizes[k] > 0 && (!found || remainder[k] < smallest)) {
          smallest = remainder[k];
          found = true;
        }
      if (!found) break;
      std::size_t k = n - 1;
      while (taken[k] || sizes[k] == 0 || remainder[k] > smallest + tol) --k;
      taken[k] = true;
      back.push_back(k);
    }
    for (std::size_t i = 0; assigned > m; ++i) {
      const std::size_t k = back[i % back.size()];
      if (sizes[k] == 0) continue;
      --sizes[k];
      --assigned;
    }
    return sizes;
  }
  // The order in which sets receive the leftover examples: largest fractional part first. Parts within
  // tol of the largest remaining one count as tied, and the earliest of them goes first. Sets with ratio
  // 0 never get one.
  std::vector<std::size_t> order;
  std::vector<bool> placed(n, false);
  for (;;) {
    bool found = false;
    double largest = 0.0;
    for (std::size_t k = 0; k < n; ++k)
      if (!placed[k] && ratios[k] > 0.0 && (!found || remainder[k] > largest)) {
        largest = remainder[k];
        found = true;
      }
    if (!found) break;
    std::size_t k = 0;
    while (placed[k] || ratios[k] == 0.0 || remainder[k] < largest - tol) ++k;
    placed[k] = true;
    order.push_back(k);
  }
  // One leftover per set at most: the fractional parts sum to less than the number of sets (the modulo
  // only guards the 1e-9 slack allowed in the ratios' sum).
  for (std::size_t i = 0; assigned < m; ++i, ++assigned) ++sizes[order[i % order.size()]];
  return sizes;
}

std::vector<double> recommended_ratios(arma::uword m) {
  require(m > 0, "recommended_ratios(): m must be > 0, got 0");
  if (m <= 10'000) return {0.6, 0.2, 0.2};
  if (m < 1'000'000) return {0.98, 0.01, 0.01};
  return {0.995, 0.004, 0.001};
}

DataSplit shuffle_split(const arma::mat& X, const arma::urowvec& y, const std::vector<double>& ratios,
                        Rng& rng) {
  validate_pairs("shuffle_split()", X, y);
  validate_ratios("shuffle_split()", ratios);
  const auto sizes = split_sizes(X.n_cols, ratios);
  const arma::uvec p = rng.permutation(X.n_cols);
  std::vector<arma::uvec> indices;
  arma::uword start = 0;
  for (const arma::uword size : sizes) {
    indices.push_back(size == 0 ? arma::uvec() : arma::uvec(p.subvec(start, start + size - 1)));
    start += size;
  }
  return gather(X, y, std::move(indices));
}

DataSplit stratified_split(const arma::mat& X, const arma::urowvec& y, const std::vector<double>& ratios,
                           Rng& rng) {
  validate_pairs("stratified_split()", X, y);
  validate_ratios("stratified_split()", ratios);
  const auto non_empty = static_cast<arma::uword>(
      std::count_if(ratios.begin(), ratios.end(), [](double r) { return r > 0.0; }));
  // Every class must fit in every set with a ratio > 0: checked before drawing, so a rejected call leaves
  // the rng untouched.
  std::map<arma::uword, arma::uword> counts;
  for (const arma::uword label : y) ++counts[label];
  for (const auto& [label, count] : counts)
    require(count >= non_empty, str("stratified_split(): class ", label, " has ", count,
                                    " example(s), fewer than the ", non_empty, " sets with a non-zero ratio"));
  const arma::uvec p = rng.permutation(X.n_cols);

  // Members of each class, in the order they appear in the permutation.
  std::map<arma::uword, std::vector<arma::uword>> members;
  for (const arma::uword i : p) members[y(i)].push_back(i);

  // set_of[i] = which set example i goes to.
  std::vector<std::size_t> set_of(X.n_cols);
  for (const auto& [label, rows] : members) {
    const auto sizes = split_sizes(rows.size(), ratios);
    std::size_t next = 0;
    for (std::size_t k = 0; k < sizes.size(); ++k)
      for (arma::uword j = 0; j < sizes[k]; ++j) set_of[rows[next++]] = k;
  }
  std::vector<std::vector<arma::uword>> chosen(ratios.size());
  for (const arma::uword i : p) chosen[set_of[i]].push_back(i);
  std::vector<arma::uvec> indices;
  for (const auto& c : chosen) indices.push_back(arma::uvec(c));
  return gather(X, y, std::move(indices));
}

double distribution_distance(const arma::urowvec& labels_a, const arma::urowvec& labels_b) {
  require(labels_a.n_elem > 0, "distribution_distance(): labels_a is empty");
  require(labels_b.n_elem > 0, "distribution_distance(): labels_b is empty");
  std::map<arma::uword, double> diff;
  for (const arma::uword c : labels_a) diff[c] += 1.0 / labels_a.n_elem;
  for (const arma::uword c : labels_b) diff[c] -= 1.0 / labels_b.n_elem;
  double total = 0.0;
  for (const auto& [label, d] : diff) total += std::abs(d);
  return 0.5 * total;
}

}  // namespace kata
