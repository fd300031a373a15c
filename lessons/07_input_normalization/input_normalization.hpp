// Lesson 07 — normalizing inputs. The contract: the stub next to this file and the reference solution
// both implement exactly these functions. Examples are columns: X is n_x × m, one ROW per feature.
//
// Bad input throws std::invalid_argument whose message starts with the name of the function that was
// called and names what is wrong: for a non-finite data entry its value (nan, inf, -inf), row and column;
// for a bad normalizer mu or sigma (both when their lengths differ or are 0) and, for a bad entry, the
// feature and the value ("transform(): normalizer.sigma must be finite and > 0, got 0 for feature 1");
// rows, columns and features are counted from 0; a row-count mismatch gives both counts.
// When your function delegates to another contract function, validate the arguments again under your own
// name first, so the message starts with your function's name.
#pragma once

#include <armadillo>

namespace kata {

// The statistics of a training set, one entry per feature (row of X).
struct Normalizer {
  arma::vec mu;     // n_x × 1: per-feature mean over the training examples
  arma::vec sigma;  // n_x × 1: per-feature population standard deviation (ddof = 0), 1 where it is 0
};

// fit_normalizer(X_train): the per-feature statistics of the TRAINING set.
//   X_train  n_x × m, n_x >= 1, m >= 1, all entries finite
//   mu(j)    = (1/m) Σ_i X(j, i)
//   sigma(j) = sqrt((1/m) Σ_i (X(j, i) − mu(j))²)     population standard deviation: divide by m, not m − 1,
// computed in two passes (the mean first, then the squared deviations from it; never mean(x²) − mu², which
// loses the spread of values like 1e8 ± 1).
// A constant feature gets sigma(j) = 1, like scikit-learn's StandardScaler, so that transform() maps it to
// 0 instead of dividing by zero. Constant means: the computed variance v = sigma_computed² is within the
// rounding error of the mean,
//   v <= m·ε·v + (m·ε·mu(j))²        ε = 2^-52 = std::numeric_limits<double>::epsilon()
// with m = X_train.n_cols, the number of EXAMPLES, however many features there are (scikit-learn's test).
// All-equal values always pass it — also when rounding makes the computed mean differ from the value
// (three 0.1's: sigma_computed = 1.4e-17, not 0) — and so does a "spread" of a few ulps (0.1 and its
// neighbouring double); a real spread, however small (1e-20 ± 1e-20) or next to however large a mean
// (1e8 ± 1), does not.
// Example: the feature row [−1, −0.5, 0, 1] has mu = −0.125, sigma = sqrt(0.546875) ≈ 0.7395.
// Throws std::invalid_argument ("fit_normalizer(): ...") for an empty X_train (no rows or no columns), a
// non-finite entry anywhere (the message names its value, row and column), or a feature whose variance
// overflows a double (its values spread beyond about ±1e154; in any feature, the first one included; the
// message names the feature).
Normalizer fit_normalizer(const arma::mat& X_train);

// transform(normalizer, X): Z(j, i) = (X(j, i) − mu(j)) / sigma(j), for ANY set X (train, dev or test)
// using the statistics fitted on the training set. X is never re-centred with its own statistics: dev
// data shifted by +c comes out shifted by +c / sigma, not at mean 0. Returns Z, n_x × m.
//   normalizer  mu and sigma of equal length n_x >= 1, mu finite, sigma finite and > 0
//   X           n_x × m (same n_x), m >= 1, all entries finite
// Example: fit on [−1, −0.5, 0, 1] and transform it → [−1.18321596, −0.50709255, 0.16903085, 1.52127766].
// A hand-made normalizer may hold any finite mu and any finite sigma > 0 (1e-300 and 1e300 included). For a
// value so far outside the training range that (x − mu) / sigma exceeds the double range, Z holds ±inf.
// Throws std::invalid_argument ("transform(): ...") for a bad normalizer (lengths differ or are 0: the
// message names mu and sigma; a mu or sigma entry that is NaN, ±inf, or a sigma <= 0 — in any position:
// the message names mu or sigma, the feature and the value), a row count that differs from the
// normalizer's n_x (the message gives both), an empty X, or a non-finite entry anywhere in X (the message
// names its value). These checks apply for every X, a single example (m = 1) included.
arma::mat transform(const Normalizer& normalizer, const arma::mat& X);

// inverse_transform(normalizer, Z): back to the original units, X(j, i) = Z(j, i) · sigma(j) + mu(j),
// so inverse_transform(n, transform(n, X)) == X up to rounding.
// Same requirements and errors as transform(), with "inverse_transform(): ..." messages.
arma::mat inverse_transform(const Normalizer& normalizer, const arma::mat& Z);

}  // namespace kata
