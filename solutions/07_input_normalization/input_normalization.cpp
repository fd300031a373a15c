// Lesson 07 — reference solution.
#include "input_normalization.hpp"

#include <cmath>
#include <limits>

#include "kata/errors.hpp"

namespace kata {
namespace {

void require_data(const char* fn, const char* name, const arma::mat& X) {
  require(X.n_rows > 0 && X.n_cols > 0,
          str(fn, ": ", name, " must not be empty, got ", X.n_rows, " x ", X.n_cols));
  if (X.is_finite()) return;
  const arma::uvec bad = arma::find_nonfinite(X);
  const arma::uword k = bad(0);
  require(false, str(fn, ": ", name, " must be finite, got ", X(k), " at row ", k % X.n_rows, ", column ",
                     k / X.n_rows));
}

void require_matching(const char* fn, const Normalizer& n, const arma::mat& X, const char* name) {
  require(n.mu.n_elem > 0 && n.mu.n_elem == n.sigma.n_elem,
          str(fn, ": normalizer must have mu and sigma of equal length >= 1, got ", n.mu.n_elem, " and ",
              n.sigma.n_elem));
  for (arma::uword j = 0; j < n.mu.n_elem; ++j) {
    require(std::isfinite(n.mu(j)), str(fn, ": normalizer.mu must be finite, got ", n.mu(j), " for feature ", j));
    // Written so that NaN fails too.
    require(n.sigma(j) > 0.0 && std::isfinite(n.sigma(j)),
            str(fn, ": normalizer.sigma must be finite and > 0, got ", n.sigma(j), " for feature ", j));
  }
  require_data(fn, name, X);
  require(X.n_rows == n.mu.n_elem, str(fn, ": ", name, " has ", X.n_rows, " features (rows) but the normalizer was "
                                       "fitted on ", n.mu.n_elem));
}

}  // namespace

Normalizer fit_normalizer(const arma::mat& X_train) {
  require_data("fit_normalizer()", "X_train", X_train);
  Normalizer n;
  // Statistics across the examples (columns) of each feature (row): reduce along dim 1. arma::var works
  // from the deviations x - mu (two passes), never from mean(x^2) - mu^2, which cancels catastrophically.
  n.mu = arma::mean(X_train, /*dim=*/1);
  const arma::vec var = arma::var(X_train, /*norm_type=*/1, /*dim=*/1);  // norm_type 1: divide by m
  for (arma::uword j = 0; j < var.n_elem; ++j)
    require(std::isfinite(var(j)), str("fit_normalizer(): the variance of feature ", j,
                                       " overflows a double (its values spread beyond about 1e154); rescale it"));
  n.sigma = arma::sqrt(var);
  // A constant feature gets sigma = 1, so it maps to 0 instead of 0/0 — and so does a feature whose
  // computed variance is within the rounding error of the mean (scikit-learn's bound for the two-pass
  // variance): its "spread" is noise, and dividing by it would blow rounding errors up to z-scores of 1 or
  // more. All-equal values always satisfy the bound.
  const double m = static_cast<double>(X_train.n_cols), eps = std::numeric_limits<double>::epsilon();
  const arma::uvec constant = arma::find(var <= m * eps * var + arma::square(m * eps * n.mu));
  n.sigma.elem(constant).ones();
  return n;
}

arma::mat transform(const Normalizer& normalizer, const arma::mat& X) {
  require_matching("transform()", normalizer, X, "X");
  arma::mat Z = X;
  // Always the TRAINING statistics, never X's own.
  Z.each_col() -= normalizer.mu;
  Z.each_col() /= normalizer.sigma;
  return Z;
}

arma::mat inverse_transform(const Normalizer& normalizer, const arma::mat& Z) {
  require_matching("inverse_transform()", normalizer, Z, "Z");
  arma::mat X = Z;
  X.each_col() %= normalizer.sigma;
  X.each_col() += normalizer.mu;
  return X;
}

}  // namespace kata
