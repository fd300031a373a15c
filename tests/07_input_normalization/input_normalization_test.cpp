// Lesson 07 checks. Each case is one CTest test ("check"); messages say what was expected and why.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "input_normalization.hpp"
#include "kata/rng.hpp"
#include "kata_test.hpp"

namespace bdata = boost::unit_test::data;
using kata::test::check_close;
using kata::test::check_mat_close;
using kata::test::check_rejects;
using kata::test::message_of;
using kata::test::show;

namespace {

using kata::test::kInf;
using kata::test::kNaN;

// 3 features on very different scales (like breast_cancer: 1e-3 ... 4e3) with different offsets,
// 40 examples, from a fixed seed.
arma::mat scaled_features(std::uint32_t seed, arma::uword m = 40) {
  kata::Rng rng(seed);
  arma::mat X = rng.randn(3, m);
  const arma::vec scale{1e-3, 1.0, 4e3}, offset{0.05, -2.0, 1e4};
  X.each_col() %= scale;
  X.each_col() += offset;
  return X;
}

// Requires an n × 1 column; says what an axis mix-up looks like.
bool check_feature_vector(const arma::vec& v, arma::uword n_x, arma::uword m, const std::string& what) {
  const bool ok = v.n_rows == n_x && v.n_cols == 1;
  BOOST_CHECK_MESSAGE(ok, what << ": expected one entry per feature (" << n_x << " x 1), got " << v.n_rows << " x "
                               << v.n_cols
                               << kata::test::hint_suffix(
                                      v.n_rows == m ? "that is one entry per EXAMPLE: average along each row "
                                                      "(arma::mean(X, 1)), not each column"
                                                    : "features are rows of X; reduce along dim 1"));
  return ok;
}

kata::Normalizer make_normalizer(arma::vec mu, arma::vec sigma) {
  kata::Normalizer n;
  n.mu = std::move(mu);
  n.sigma = std::move(sigma);
  return n;
}

// Whether `message` names row r and column c (counted from 0), as "row r, column c" or "(r, c)".
bool names_position(const std::string& message, arma::uword r, arma::uword c) {
  const std::string row = "row " + std::to_string(r), col = "column " + std::to_string(c);
  const std::string pair = "(" + std::to_string(r) + ", " + std::to_string(c) + ")";
  return (message.find(row) != std::string::npos && message.find(col) != std::string::npos) ||
         message.find(pair) != std::string::npos;
}

// Whether `message` names feature j (counted from 0), as "feature j", "[j]" or "(j)".
bool names_feature(const std::string& message, arma::uword j) {
  const std::string k = std::to_string(j);
  for (const std::string& form : {"feature " + k, "[" + k + "]", "(" + k + ")"})
    if (message.find(form) != std::string::npos) return true;
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(fit_normalizer, *boost::unit_test::description("task 1: fit on the training set"))

BOOST_AUTO_TEST_CASE(golden_statistics) {
  // Hand computation. Row 0: mean -0.125, squared deviations 0.765625 + 0.140625 + 0.015625 + 1.265625 =
  // 2.1875, / 4 = 0.546875. Row 1: mean 5, squared deviations 9 + 1 + 1 + 9 = 20, / 4 = 5.
  const arma::mat X{{-1.0, -0.5, 0.0, 1.0}, {2.0, 4.0, 6.0, 8.0}};
  const kata::Normalizer n = kata::fit_normalizer(X);
  if (!check_feature_vector(n.mu, 2, 4, "fit_normalizer().mu") ||
      !check_feature_vector(n.sigma, 2, 4, "fit_normalizer().sigma"))
    return;
  // Tolerance 1e-14: a few roundings of numbers of order 1.
  check_mat_close(n.mu, arma::vec{-0.125, 5.0}, 1e-14, "fit_normalizer().mu", "the mean of each feature (row)");
  check_mat_close(n.sigma, arma::vec{std::sqrt(0.546875), std::sqrt(5.0)}, 1e-14, "fit_normalizer().sigma",
                  "population standard deviation: divide the squared deviations by m (ddof = 0), not m - 1 "
                  "(that gives sqrt(0.729166...) and sqrt(6.666...)), and take the square root");
}

BOOST_AUTO_TEST_CASE(values_near_the_double_maximum_have_a_finite_mean) {
  // Any finite X_train is valid; only a variance that overflows is rejected. Three equal values 1.5e308
  // (and -1.5e308): by hand the mean is 1.5e308 and the variance 0, so sigma = 1. Summing first overflows:
  // 3 x 1.5e308 = 4.5e308 > DBL_MAX = 1.8e308, so sum / m gives mu = inf. Row 2 = [1, 2, 3]: mu 2, sigma
  // sqrt(2/3) (by hand). Relative tolerance 1e-15: the mean of equal values is exact, a single rounding at most.
  const arma::mat X{{1.5e308, 1.5e308, 1.5e308}, {-1.5e308, -1.5e308, -1.5e308}, {1.0, 2.0, 3.0}};
  const kata::Normalizer n = kata::fit_normalizer(X);
  if (!check_feature_vector(n.mu, 3, 3, "fit_normalizer().mu") || !check_feature_vector(n.sigma, 3, 3, "fit_normalizer().sigma"))
    return;
  const std::string hint = "the mean of values near the double maximum must not overflow: sum / m does (the sum "
                           "4.5e308 is inf); use arma::mean, which falls back to a running mean";
  kata::test::check_close_rel(n.mu(0), 1.5e308, 1e-15, "fit_normalizer().mu of [1.5e308, 1.5e308, 1.5e308]", hint);
  kata::test::check_close_rel(n.mu(1), -1.5e308, 1e-15, "fit_normalizer().mu of [-1.5e308 x 3]", hint);
  check_close(n.sigma(0), 1.0, 0.0, "fit_normalizer().sigma of the constant row 1.5e308 x 3",
              "a constant feature gets sigma = 1, however large its value");
  check_close(n.mu(2), 2.0, 1e-14, "fit_normalizer().mu of [1, 2, 3] next to them");
  check_close(n.sigma(2), std::sqrt(2.0 / 3.0), 1e-14, "fit_normalizer().sigma of [1, 2, 3] next to them");
}

BOOST_AUTO_TEST_CASE(one_entry_per_feature) {
  // 3 features × 40 examples: mu and sigma have 3 entries, not 40.
  const arma::mat X = scaled_features(1);
  const kata::Normalizer n = kata::fit_normalizer(X);
  check_feature_vector(n.mu, 3, 40, "fit_normalizer(3 x 40).mu");
  check_feature_vector(n.sigma, 3, 40, "fit_normalizer(3 x 40).sigma");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(transform, *boost::unit_test::description("task 2: transform any set with the training statistics"))

BOOST_AUTO_TEST_CASE(golden_row) {
  // (x + 0.125) / sqrt(0.546875) for x = -1, -0.5, 0, 1, to 8 decimals (hand computation; the same as
  // scikit-learn's StandardScaler().fit_transform).
  const arma::mat X{{-1.0, -0.5, 0.0, 1.0}};
  const arma::mat Z = kata::transform(kata::fit_normalizer(X), X);
  check_mat_close(Z, arma::mat{{-1.18321596, -0.50709255, 0.16903085, 1.52127766}}, 1e-8,
                  "transform(fit_normalizer(x), x) for x = [-1, -0.5, 0, 1]",
                  "(x - mu) / sigma with the population sigma sqrt(0.546875); dividing by the variance or using "
                  "ddof = 1 gives other numbers");
}

BOOST_AUTO_TEST_CASE(training_output_has_mean_0_and_variance_1) {
  const arma::mat X = scaled_features(2);
  const arma::mat Z = kata::transform(kata::fit_normalizer(X), X);
  BOOST_REQUIRE_MESSAGE(Z.n_rows == 3 && Z.n_cols == 40,
                        "transform(3 x 40): expected a 3 x 40 result, got " << Z.n_rows << " x " << Z.n_cols);
  // Tolerance 1e-12: 40 roundings of numbers of order 1 (the offsets are removed exactly enough: 1e4 / 4e3).
  check_mat_close(arma::mean(Z, 1), arma::vec(3, arma::fill::zeros), 1e-12, "mean of each transformed feature",
                  "subtract each feature's (row's) mean");
  check_mat_close(arma::var(Z, 1, 1), arma::vec(3, arma::fill::ones), 1e-12,
                  "population variance of each transformed feature",
                  "divide by the standard deviation (not the variance), population form (ddof = 0)");
}

BOOST_AUTO_TEST_CASE(dev_uses_the_training_statistics) {
  // Dev data = training data shifted by c_j per feature. With the training statistics it must come out
  // shifted by c_j / sigma_j — NOT re-centred at mean 0.
  const arma::mat X_train = scaled_features(3);
  const arma::vec shift{0.002, 5.0, -6000.0};
  arma::mat X_dev = X_train;
  X_dev.each_col() += shift;
  const kata::Normalizer n = kata::fit_normalizer(X_train);
  const arma::mat Z_dev = kata::transform(n, X_dev);
  // Expected from the definition with the training statistics, entry by entry.
  arma::mat expected = X_dev;
  expected.each_col() -= n.mu;
  expected.each_col() /= n.sigma;
  // Tolerance 1e-9: entries up to ~5 after dividing numbers ~1e4 by ~4e3 (rounding ~1e-12 relative).
  check_mat_close(Z_dev, expected, 1e-9, "transform(train statistics, shifted dev set)",
                  "use normalizer.mu and normalizer.sigma (from the TRAINING set) for every set; never "
                  "recompute them from the dev set");
  check_mat_close(arma::mean(Z_dev, 1), shift / n.sigma, 1e-9, "mean of the transformed shifted dev set",
                  "the shift must survive: a dev set re-centred at 0 was normalized with its own statistics");
  // A dev set with a different number of examples, computed by hand from the training statistics.
  const arma::mat X_two = X_dev.cols(0, 1);
  const arma::mat Z_two = kata::transform(n, X_two);
  check_mat_close(Z_two, expected.cols(0, 1), 1e-9, "transform(train statistics, 2-example dev set)",
                  "with only 2 dev examples, their own statistics would turn every feature into -1 and +1");
}

BOOST_AUTO_TEST_CASE(statistics_unchanged_by_transforming_dev) {
  const arma::mat X_train = scaled_features(4), X_dev = scaled_features(5, 10) * 3.0;
  const kata::Normalizer n = kata::fit_normalizer(X_train);
  const kata::Normalizer before = n;
  const arma::mat Z_train_1 = kata::transform(n, X_train);
  (void)kata::transform(n, X_dev);
  check_mat_close(n.mu, before.mu, 0.0, "normalizer.mu after transforming dev", "transform() must not refit");
  check_mat_close(n.sigma, before.sigma, 0.0, "normalizer.sigma after transforming dev");
  check_mat_close(kata::transform(n, X_train), Z_train_1, 0.0, "transform(train) before and after transform(dev)",
                  "the same normalizer must give the same output every time");
}

BOOST_AUTO_TEST_CASE(accepts_any_finite_positive_sigma) {
  // A normalizer made by hand may hold any finite mu and any finite sigma > 0, however small or large.
  // By hand: (1e-300 - 0) / 1e-300 = 1, (-2e-300) / 1e-300 = -2, (0 + 1e300) / 1e300 = 1,
  // (1e300 + 1e300) / 1e300 = 2 (each a single rounding: tolerance 1e-15).
  const kata::Normalizer n = make_normalizer({0.0, -1e300}, {1e-300, 1e300});
  const arma::mat X{{1e-300, -2e-300}, {0.0, 1e300}};
  check_mat_close(kata::transform(n, X), arma::mat{{1.0, -2.0}, {1.0, 2.0}}, 1e-15,
                  "transform() with sigma = 1e-300 and 1e300",
                  "sigma must be finite and > 0, nothing more: no minimum like 1e-12");
  check_mat_close(kata::inverse_transform(n, arma::mat{{1.0, -2.0}, {1.0, 2.0}}) / arma::mat{{1e-300, 1e-300}, {1e300, 1e300}},
                  X / arma::mat{{1e-300, 1e-300}, {1e300, 1e300}}, 1e-15,
                  "inverse_transform() with sigma = 1e-300 and 1e300 (divided by the scale of each row)",
                  "X = Z * sigma + mu; sigma must be finite and > 0, nothing more");
}

BOOST_AUTO_TEST_CASE(subnormal_sigma_is_divided_by) {
  // sigma = 1e-310 and the smallest double 4.9e-324 are subnormal (below DBL_MIN = 2.2e-308) but finite and
  // > 0: valid. By hand, each result is exact: s / s = 1, -2s / s = -2, 3d / d = 3, d / d = 1 (the quotients
  // are small integers), and back 1 * s = s, -2 * s = -2s, 3 * d = 3d (multiplying by a small integer is exact
  // here). Tolerance 0. 1 / 1e-310 overflows to inf, so multiplying by the reciprocal gives +-inf (or NaN for
  // 0), and dividing by the reciprocal gives 0.
  const double s = 1e-310, d = std::numeric_limits<double>::denorm_min();
  const kata::Normalizer n = make_normalizer({0.0, 0.0}, {s, d});
  const arma::mat X{{s, -2.0 * s, 0.0}, {3.0 * d, d, 0.0}};
  const arma::mat Z{{1.0, -2.0, 0.0}, {3.0, 1.0, 0.0}};
  check_mat_close(kata::transform(n, X), Z, 0.0, "transform() with sigma = 1e-310 and 4.9e-324 (subnormal)",
                  "divide by sigma; 1 / sigma overflows to inf for a sigma below about 5.6e-309, so multiplying by "
                  "the reciprocal does not work for every finite sigma > 0");
  check_mat_close(kata::inverse_transform(n, Z), X, 0.0, "inverse_transform() with sigma = 1e-310 and 4.9e-324",
                  "multiply by sigma; dividing by 1 / sigma (= inf) gives 0");
}

BOOST_AUTO_TEST_CASE(z_beyond_the_double_range_is_infinite) {
  // The header: for a value so far outside the training range that (x - mu) / sigma exceeds the double range,
  // Z holds +-inf (it is not an error: X and the normalizer are valid). mu = 0, sigma = 1e-300: by hand
  // 1e10 / 1e-300 = 1e310 > DBL_MAX -> inf, -1e10 -> -inf, and 0.5 / 1e-300 = 5e299 stays finite (relative
  // tolerance 1e-15: one division).
  const kata::Normalizer n = make_normalizer({0.0}, {1e-300});
  const arma::mat X{{1e10, -1e10, 0.5}};
  const auto Z = kata::test::returns("transform(mu = 0, sigma = 1e-300, X = [1e10, -1e10, 0.5])",
                                     [&] { return kata::transform(n, X); });
  if (!Z) return;
  BOOST_REQUIRE_MESSAGE(Z->n_rows == 1 && Z->n_cols == 3, "transform(1 x 3): expected 1 x 3, got " << Z->n_rows << " x " << Z->n_cols);
  BOOST_CHECK_MESSAGE((*Z)(0) == kata::test::kInf && (*Z)(1) == -kata::test::kInf,
                      "transform() of 1e10 and -1e10 with sigma = 1e-300: expected inf and -inf (1e310 exceeds the "
                      "double range), got " << show((*Z)(0)) << " and " << show((*Z)(1))
                                            << kata::test::hint_suffix("an overflowing z-score is +-inf, as the header says"));
  kata::test::check_close_rel((*Z)(2), 5e299, 1e-15, "transform() of 0.5 with sigma = 1e-300");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(inverse_transform, *boost::unit_test::description("task 3: back to the original units"))

BOOST_AUTO_TEST_CASE(golden_values) {
  // Z = 0 maps back to mu, Z = 1 to mu + sigma, Z = -2 to mu - 2 sigma (the definition).
  const kata::Normalizer n = make_normalizer({10.0, -1.0}, {2.0, 0.5});
  const arma::mat Z{{0.0, 1.0, -2.0}, {0.0, 1.0, -2.0}};
  check_mat_close(kata::inverse_transform(n, Z), arma::mat{{10.0, 12.0, 6.0}, {-1.0, -0.5, -2.0}}, 1e-14,
                  "inverse_transform()", "undo the steps in reverse order: multiply by sigma, THEN add mu");
}

BOOST_AUTO_TEST_CASE(round_trip) {
  const arma::mat X = scaled_features(6);
  const kata::Normalizer n = kata::fit_normalizer(X);
  const arma::mat back = kata::inverse_transform(n, kata::transform(n, X));
  // Tolerance 1e-11 absolute: entries up to ~1.2e4, two roundings each (relative 2e-16): ~5e-12.
  check_mat_close(back, X, 1e-11, "inverse_transform(transform(X))", "X = Z * sigma + mu per feature");
  const arma::mat X_dev = scaled_features(7, 5);
  check_mat_close(kata::inverse_transform(n, kata::transform(n, X_dev)), X_dev, 1e-11,
                  "inverse_transform(transform(X_dev)) with the training normalizer");
}

BOOST_AUTO_TEST_SUITE_END()

// Task 4: constant features, in floating point.
BOOST_AUTO_TEST_SUITE(constant_features, *boost::unit_test::description("task 4: constant features"))

BOOST_AUTO_TEST_CASE(constant_feature_gets_sigma_one) {
  const arma::mat X{{3.7, 3.7, 3.7, 3.7, 3.7}, {1.0, 2.0, 3.0, 4.0, 5.0}};
  const kata::Normalizer n = kata::fit_normalizer(X);
  if (!check_feature_vector(n.sigma, 2, 5, "fit_normalizer().sigma")) return;
  // Exactly 1: it is a replacement value, not a computed one.
  check_close(n.sigma(0), 1.0, 0.0, "fit_normalizer().sigma of a constant feature",
              "a feature with standard deviation 0 gets sigma = 1 (like scikit-learn), never 0");
  check_close(n.mu(0), 3.7, 1e-14, "fit_normalizer().mu of a constant feature");
  // Constant rows whose mean is NOT exactly the value: three 0.1's sum to 0.30000000000000004, so the
  // computed mean is 0.10000000000000002 and every deviation is -1.4e-17, not 0. A test `sigma == 0` misses
  // these: the computed sigma is 1.4e-17, and (x - mu) / sigma = -1 for every entry (numpy agrees:
  // np.std([0.1] * 3) = 1.3877787807814457e-17). Six 0.1's give a mean 0.09999999999999999 the same way.
  const arma::mat tenths{{0.1, 0.1, 0.1, 0.1, 0.1, 0.1}, {0.1, 0.1, 0.1, 0.3, 0.3, 0.3}};
  for (const arma::uword m : {3u, 6u}) {
    const arma::mat X3 = tenths.cols(0, m - 1);
    BOOST_TEST_INFO("fit_normalizer(X) and transform() with X = [0.1 x " << m << "; 0.1 .. 0.3], 2 x " << m);
    const kata::Normalizer k = kata::fit_normalizer(X3);
    if (!check_feature_vector(k.sigma, 2, m, "fit_normalizer().sigma")) continue;
    check_close(k.sigma(0), 1.0, 0.0, "fit_normalizer().sigma of the constant row 0.1 x " + std::to_string(m),
                "all values equal: sigma = 1, even when rounding makes the computed mean differ from 0.1 and "
                "sigma come out 1.4e-17 instead of 0 (compare max and min, or use the rounding bound of the README)");
    const arma::mat Z = kata::transform(k, X3);
    // Tolerance 1e-15: x - mu is at most a few ulps of 0.1 (1.4e-17 each).
    check_mat_close(Z.row(0), arma::rowvec(m, arma::fill::zeros), 1e-15,
                    "transform() of the constant row 0.1 x " + std::to_string(m),
                    "a constant feature maps to 0, not to -1 or +1 (rounding noise divided by rounding noise)");
  }
  // One example: every feature is constant.
  const kata::Normalizer one = kata::fit_normalizer(arma::mat(arma::vec{2.0, -7.0}));
  check_mat_close(one.sigma, arma::vec{1.0, 1.0}, 0.0, "fit_normalizer(one example).sigma",
                  "with m = 1 every feature is constant: sigma = 1");
}

BOOST_AUTO_TEST_CASE(all_zero_feature_gets_sigma_one) {
  // All-equal values always count as constant (README), zeros too: there the computed variance is exactly
  // 0 and so is the bound m eps var + (m eps mu)^2, so the test must be var <= bound, not var < bound.
  // By hand: mu = 0, sigma = 1, and transform gives (0 - 0) / 1 = 0 exactly (tolerance 0).
  const arma::mat X{{0.0, 0.0, 0.0}, {1.0, 2.0, 3.0}};
  const kata::Normalizer n = kata::fit_normalizer(X);
  if (!check_feature_vector(n.sigma, 2, 3, "fit_normalizer().sigma")) return;
  check_close(n.sigma(0), 1.0, 0.0, "fit_normalizer().sigma of the all-zero feature [0, 0, 0]",
              "var = 0 and the bound m eps var + (m eps mu)^2 = 0 when mu = 0: compare with <=, not <");
  check_mat_close(kata::transform(n, X).eval().row(0), arma::rowvec(3, arma::fill::zeros), 0.0,
                  "transform() of the all-zero feature", "0 / 0 = NaN: an all-zero feature gets sigma = 1");
}

// What counts as constant (README): a feature whose computed variance is within the rounding error of its
// mean, var <= m·eps·var + (m·eps·mu)², eps = 2^-52 — scikit-learn's StandardScaler rule — gets sigma = 1.
// Such a "spread" is a few ulps: dividing by it turns rounding noise into z-scores of 1 or more, where
// StandardScaler gives ~0. A real spread, however small in absolute terms or next to however large a mean,
// is kept. Expected values: numpy 1.24 (np.std(row), the rule above written in numpy, (x - mu) / sigma),
// and by hand where noted.
struct ConstantCase {
  std::string what;
  std::vector<double> row;
  bool constant;
  double sigma;             // expected sigma when not constant
  std::vector<double> z;    // expected transform of the row when not constant (constant: all ~0)
  const char* hint;
};
std::ostream& operator<<(std::ostream& out, const ConstantCase& c) { return out << c.what; }

const double tenth_up = std::nextafter(0.1, 1.0);          // 0.10000000000000002, the next double
const double minus_03_up = std::nextafter(-0.3, 0.0);      // -0.29999999999999993
// z of 1, 2, 3, 4 (or any a·k + b with a > 0), by hand: (k - 2.5) / sqrt(1.25).
const std::vector<double> z1234{-1.5 / std::sqrt(1.25), -0.5 / std::sqrt(1.25), 0.5 / std::sqrt(1.25),
                                1.5 / std::sqrt(1.25)};
// z of [-1, -0.5, 0, 1] (the README's example), by hand: (x + 0.125) / sqrt(0.546875).
const std::vector<double> z_readme{-0.875 / std::sqrt(0.546875), -0.375 / std::sqrt(0.546875),
                                   0.125 / std::sqrt(0.546875), 1.125 / std::sqrt(0.546875)};

const ConstantCase constant_cases[] = {
    {"0.1 four times and its next double", {0.1, 0.1, 0.1, 0.1, tenth_up}, true, 0, {},
     "two neighbouring doubles: the computed sigma is 6.2e-18, rounding noise; max != min, so test the "
     "variance against the rounding bound var <= m eps var + (m eps mu)^2 instead"},
    {"-0.3 three times and its next double", {-0.3, -0.3, minus_03_up, -0.3}, true, 0, {},
     "a negative mean: the bound uses (m eps mu)^2, so the sign does not matter"},
    {"1e-20, 2e-20, 3e-20, 4e-20", {1e-20, 2e-20, 3e-20, 4e-20}, false, std::sqrt(1.25) * 1e-20, z1234,
     "a small spread is still a real spread: sigma = 1.1e-20 must not be replaced by 1 (no absolute threshold "
     "like sigma < 1e-8 or < 10 eps: the rule is relative to the mean)"},
    {"1e8 + [-1, -0.5, 0, 1]", {1e8 - 1.0, 1e8 - 0.5, 1e8, 1e8 + 1.0}, false, std::sqrt(0.546875), z_readme,
     "a spread of 1 next to a mean of 1e8 is real (the rounding bound is 4 eps 1e8 = 9e-8); and compute "
     "sigma^2 as the mean of (x - mu)^2: mean(x^2) - mu^2 loses the spread in squares of 1e16"},
    {"1e150 and -1e150", {1e150, -1e150}, false, 1e150, {1.0, -1.0},
     "large but finite values are valid: the variance 1e300 still fits in a double"},
};

BOOST_DATA_TEST_CASE(what_counts_as_a_constant_feature, bdata::make(constant_cases), c) {
  const arma::mat X(arma::rowvec(c.row));
  BOOST_TEST_INFO("fit_normalizer(X) and transform() with the one feature " << c.what);
  const kata::Normalizer n = kata::fit_normalizer(X);
  if (!check_feature_vector(n.sigma, 1, X.n_cols, "fit_normalizer().sigma")) return;
  if (c.constant) {
    // Exactly 1: a replacement value, not a computed one.
    check_close(n.sigma(0), 1.0, 0.0, "fit_normalizer().sigma of " + c.what, c.hint);
    // Tolerance 1e-15: with sigma = 1 each z is x - mu, a few ulps (1e-17 .. 6e-17) of the values.
    check_mat_close(kata::transform(n, X), arma::rowvec(X.n_cols, arma::fill::zeros), 1e-15,
                    "transform() of " + c.what, "rounding noise must come out ~0, as scikit-learn gives");
  } else {
    // Relative 1e-12: a few roundings of the mean and the squared deviations.
    kata::test::check_close_rel(n.sigma(0), c.sigma, 1e-12, "fit_normalizer().sigma of " + c.what, c.hint);
    // Absolute 1e-12 on z-scores of order 1.
    check_mat_close(kata::transform(n, X), arma::rowvec(c.z), 1e-12, "transform() of " + c.what, c.hint);
  }
}

// The m in the rounding bound is the number of EXAMPLES (columns), however many features there are. 16
// features, 2 examples: feature j holds c and c (1 + 2^-48), c = j + 1 (both exact doubles), so its mean
// c (1 + 2^-49), its deviations -+c 2^-49 and sigma = c 2^-49 = 8 eps c are exact. With m = 2 the bound is
// var <= 2 eps var + (2 eps mu)^2, about (2 eps c)^2 < (8 eps c)^2: a real spread, kept, and every z is -1 or
// +1 exactly. Taking m = 16 (the features) gives (16 eps c)^2 > var: "constant", sigma 1, z ~ +-1e-15.
// numpy 1.24 agrees: X.var(axis=1) <= 2 eps X.var(axis=1) + (2 eps X.mean(axis=1))**2 is False for every row,
// and (X - mu) / X.std(axis=1) is [-1, 1] in every row.
BOOST_AUTO_TEST_CASE(the_rounding_bound_counts_examples_not_features) {
  arma::mat X(16, 2);
  for (arma::uword j = 0; j < 16; ++j) {
    const double c = static_cast<double>(j + 1);
    X(j, 0) = c;
    X(j, 1) = c * (1.0 + std::ldexp(1.0, -48));
  }
  const kata::Normalizer n = kata::fit_normalizer(X);
  if (!check_feature_vector(n.sigma, 16, 2, "fit_normalizer(16 features x 2 examples).sigma")) return;
  // Relative 1e-12: sigma is exact here; the tolerance only allows another order of the same operations.
  kata::test::check_close_rel(n.sigma(0), std::ldexp(1.0, -49), 1e-12,
                              "fit_normalizer().sigma of the feature [1, 1 + 2^-48] (16 features, 2 examples)",
                              "with m = 2 EXAMPLES the rounding bound is about 2 eps mu, and sigma = 8 eps mu is above "
                              "it: a real spread. m in the bound is X.n_cols (examples), not X.n_rows (features)");
  arma::mat expected(16, 2);
  expected.col(0).fill(-1.0);
  expected.col(1).fill(1.0);
  // Absolute 1e-12 on z-scores of magnitude 1 (exact here).
  check_mat_close(kata::transform(n, X), expected, 1e-12, "transform() of 16 features [c, c (1 + 2^-48)], 2 examples",
                  "each feature has 2 distinct values: z = -1 and +1; a z of ~0 means the feature was taken for "
                  "constant (m = the number of features in the bound?)");
}

BOOST_AUTO_TEST_CASE(constant_feature_stays_finite) {
  const arma::mat X{{0.1, 0.1, 0.1, 0.1}, {1.0, 2.0, 3.0, 4.0}};
  const kata::Normalizer n = kata::fit_normalizer(X);
  const arma::mat Z = kata::transform(n, X);
  // Tolerance 1e-15: the mean of four 0.1's may differ from 0.1 by an ulp (~1.4e-17).
  if (check_mat_close(Z.row(0), arma::rowvec(4, arma::fill::zeros), 1e-15, "transformed constant feature",
                      "0/0 = NaN: give a constant feature sigma = 1"))
    check_close(Z(1, 0), (1.0 - 2.5) / std::sqrt(1.25), 1e-14, "transformed non-constant feature next to it");
  // A dev value the training set never showed: (x - mu) / 1, finite.
  const arma::mat Z_dev = kata::transform(n, arma::mat(arma::vec{0.6, 2.5}));
  check_mat_close(Z_dev, arma::mat(arma::vec{0.5, 0.0}), 1e-14, "transform(dev) with a constant training feature",
                  "a new value of a constant feature is (x - mu) / 1");
}

BOOST_AUTO_TEST_SUITE_END()

// Harden it: every argument and every position that can be wrong, and the combinations with
// special-but-valid values of the others (one example, one feature). Each rejection must be a
// std::invalid_argument whose message starts with the function's name.
BOOST_AUTO_TEST_SUITE(bad_input, *boost::unit_test::description("task 5: harden it"))

BOOST_AUTO_TEST_CASE(fit_normalizer_rejects_bad_input) {
  check_rejects([] { kata::fit_normalizer(arma::mat()); }, "fit_normalizer()", "an empty X_train (0 x 0)");
  check_rejects([] { kata::fit_normalizer(arma::mat(3, 0)); }, "fit_normalizer()", "X_train with no examples (3 x 0)");
  check_rejects([] { kata::fit_normalizer(arma::mat(0, 3)); }, "fit_normalizer()", "X_train with no features (0 x 3)");
  // A non-finite entry anywhere: first row, first column, the very last entry; also with one example
  // (m = 1, where every feature is constant) and one feature. The message must name the value ("nan",
  // "inf", "-inf"): with m = 1 next to it, a rejection of the single example would be the wrong reason.
  check_rejects([] { kata::fit_normalizer(arma::mat{{1.0, kNaN}, {2.0, 3.0}}); }, "fit_normalizer()",
                "X_train containing NaN at (0, 1)", show(kNaN));
  check_rejects([] { kata::fit_normalizer(arma::mat{{1.0, 2.0}, {kInf, 3.0}}); }, "fit_normalizer()",
                "X_train containing inf at (1, 0)", show(kInf));
  check_rejects([] { kata::fit_normalizer(arma::mat{{1.0, 2.0, 4.0}, {3.0, 5.0, -kInf}}); }, "fit_normalizer()",
                "X_train containing -inf at its last entry (1, 2)", show(-kInf));
  check_rejects([] { kata::fit_normalizer(arma::mat(arma::vec{2.0, kNaN})); }, "fit_normalizer()",
                "a single example (2 x 1) containing NaN", show(kNaN));
  check_rejects([] { kata::fit_normalizer(arma::mat(1, 1, arma::fill::value(kInf))); }, "fit_normalizer()",
                "a 1 x 1 X_train = inf", show(kInf));
  // Finite values whose variance overflows a double: the statistics cannot be represented (README). In the
  // last feature and in the first (a loop over the features must start at 0).
  check_rejects([] { kata::fit_normalizer(arma::mat{{1.0, 2.0, 3.0}, {1e200, -1e200, 3e200}}); }, "fit_normalizer()",
                "a feature (row 1) whose variance overflows (values 1e200, -1e200, 3e200)");
  check_rejects([] { kata::fit_normalizer(arma::mat{{1e200, -1e200, 3e200}, {1.0, 2.0, 3.0}}); }, "fit_normalizer()",
                "a feature (row 0) whose variance overflows (values 1e200, -1e200, 3e200)");
}

// Bad normalizers, one at a time, for transform() and inverse_transform(): each entry of mu or sigma can
// be the bad one (first or last feature), and NaN, +-inf, 0 and negative sigmas are all bad. The message
// must name what is wrong (`mentions`): sigma for a bad sigma or for lengths that differ or are 0 (an empty
// normalizer is not "X has the wrong number of rows"), the value for a bad mu ("mu" alone would also be
// found in "must"). X is valid, also as a single example: a rejection of m = 1 would be the wrong reason.
struct BadNormalizer {
  std::string what;
  kata::Normalizer n;
  std::string mentions;
};
std::vector<BadNormalizer> bad_normalizers() {
  return {{"2 means but 1 sigma", make_normalizer({0.0, 1.0}, {1.0}), "sigma"},
          {"1 mean but 2 sigmas", make_normalizer({0.0}, {1.0, 1.0}), "sigma"},
          {"an empty normalizer (mu and sigma of length 0)", kata::Normalizer{}, "sigma"},
          {"mu = NaN (feature 0)", make_normalizer({kNaN, 1.0}, {1.0, 1.0}), show(kNaN)},
          {"mu = inf (feature 1)", make_normalizer({0.0, kInf}, {1.0, 1.0}), show(kInf)},
          {"mu = -inf (feature 1)", make_normalizer({0.0, -kInf}, {1.0, 1.0}), show(-kInf)},
          {"sigma = 0 (feature 1)", make_normalizer({0.0, 1.0}, {1.0, 0.0}), "sigma"},
          {"sigma = 0 (feature 0)", make_normalizer({0.0, 1.0}, {0.0, 1.0}), "sigma"},
          {"sigma = -1 (feature 0)", make_normalizer({0.0, 1.0}, {-1.0, 1.0}), "sigma"},
          {"sigma = NaN (feature 1)", make_normalizer({0.0, 1.0}, {1.0, kNaN}), "sigma"},
          {"sigma = NaN (feature 0)", make_normalizer({0.0, 1.0}, {kNaN, 1.0}), "sigma"},
          {"sigma = inf (feature 1)", make_normalizer({0.0, 1.0}, {1.0, kInf}), "sigma"}};
}

// Bad data for a valid 2-feature normalizer: wrong feature count (more or fewer), empty, non-finite
// anywhere (also with a single example, where the message must name the value: a rejection of m = 1
// would be the wrong reason).
struct BadData {
  std::string what;
  arma::mat X;
  std::string mentions;
};
std::vector<BadData> bad_data() {
  return {{"3 features for a normalizer fitted on 2", arma::mat(3, 4, arma::fill::ones), ""},
          {"1 feature for a normalizer fitted on 2", arma::mat(1, 4, arma::fill::ones), ""},
          {"no examples (2 x 0)", arma::mat(2, 0), ""},
          {"an empty 0 x 0 matrix", arma::mat(), ""},
          {"NaN at (0, 1)", arma::mat{{1.0, kNaN}, {0.0, 0.0}}, show(kNaN)},
          {"inf at (1, 0)", arma::mat{{1.0, 1.0}, {kInf, 0.0}}, show(kInf)},
          {"-inf at the last entry (1, 2)", arma::mat{{1.0, 1.0, 1.0}, {0.0, 0.0, -kInf}}, show(-kInf)},
          {"a single example with NaN (2 x 1)", arma::mat(arma::vec{0.5, kNaN}), show(kNaN)}};
}

using Apply = std::function<arma::mat(const kata::Normalizer&, const arma::mat&)>;
struct Direction {
  const char* name;
  Apply apply;
};
std::ostream& operator<<(std::ostream& out, const Direction& d) { return out << d.name; }
const Direction directions[] = {
    {"transform()", [](const kata::Normalizer& n, const arma::mat& X) { return kata::transform(n, X); }},
    {"inverse_transform()", [](const kata::Normalizer& n, const arma::mat& X) { return kata::inverse_transform(n, X); }},
};

BOOST_DATA_TEST_CASE(rejects_a_bad_normalizer, bdata::make(directions), d) {
  const arma::mat X{{1.0, 2.0, 3.0}, {4.0, 5.0, 7.0}};
  for (const BadNormalizer& b : bad_normalizers()) check_rejects([&] { d.apply(b.n, X); }, d.name, b.what, b.mentions);
  // Also with a single example to transform.
  for (const BadNormalizer& b : bad_normalizers())
    check_rejects([&] { d.apply(b.n, X.col(0)); }, d.name, b.what + ", for a single example", b.mentions);
}

BOOST_DATA_TEST_CASE(rejects_bad_data, bdata::make(directions), d) {
  const kata::Normalizer n = make_normalizer({0.0, 1.0}, {1.0, 2.0});
  for (const BadData& b : bad_data()) check_rejects([&] { d.apply(n, b.X); }, d.name, b.what, b.mentions);
}

// Where the bad value is, counted from 0 (header: a non-finite entry's row and column; a bad mu or sigma
// entry's feature; an overflowing variance's feature; both feature counts for a row-count mismatch). The
// positions are off the diagonal of a non-square X, so swapping row and column, or counting from 1, shows.
BOOST_AUTO_TEST_CASE(messages_say_where_the_bad_value_is) {
  const arma::mat base{{1.0, 2.0, 3.0}, {4.0, 5.0, 7.0}};
  const kata::Normalizer n2 = make_normalizer({0.0, 1.0}, {1.0, 2.0});
  const std::function<arma::mat(const arma::mat&)> calls[] = {
      [](const arma::mat& X) { return arma::mat(kata::fit_normalizer(X).mu); },
      [&](const arma::mat& X) { return kata::transform(n2, X); },
      [&](const arma::mat& X) { return kata::inverse_transform(n2, X); }};
  const char* names[] = {"fit_normalizer()", "transform()", "inverse_transform()"};
  struct Spot {
    arma::uword r, c;
    double value;
  };
  for (std::size_t f = 0; f < 3; ++f)
    for (const Spot& spot : {Spot{0, 2, kNaN}, Spot{1, 0, kInf}}) {
      arma::mat X = base;
      X(spot.r, spot.c) = spot.value;
      const std::string what = "a 2 x 3 X with " + show(spot.value) + " at row " + std::to_string(spot.r) +
                               ", column " + std::to_string(spot.c);
      const auto call = [&] { calls[f](X); };
      check_rejects(call, names[f], what, show(spot.value));
      const std::string message = message_of(call);
      BOOST_CHECK_MESSAGE(message.empty() || names_position(message, spot.r, spot.c),
                          names[f] << " rejected " << what << ", but its message should give that position as row "
                                   << spot.r << ", column " << spot.c << " (counted from 0): got '" << message << "'"
                                   << kata::test::hint_suffix("entry k of the column-major storage is at row k % "
                                                              "n_rows, column k / n_rows"));
    }
  // A bad normalizer entry in feature 1 or 2 of 3 (a 1-based count would say 2 or 3).
  struct BadEntry {
    std::string what;
    kata::Normalizer n;
    arma::uword feature;
  };
  const BadEntry entries[] = {
      {"mu = NaN in feature 1", make_normalizer({0.0, kNaN, 0.0}, {1.0, 1.0, 1.0}), 1},
      {"mu = -inf in feature 2", make_normalizer({0.0, 0.0, -kInf}, {1.0, 1.0, 1.0}), 2},
      {"sigma = 0 in feature 1", make_normalizer({0.0, 0.0, 0.0}, {1.0, 0.0, 1.0}), 1},
      {"sigma = -1 in feature 2", make_normalizer({0.0, 0.0, 0.0}, {1.0, 1.0, -1.0}), 2}};
  const arma::mat X3{{1.0, 2.0}, {3.0, 4.0}, {5.0, 6.0}};
  for (const Direction& d : directions)
    for (const BadEntry& e : entries) {
      const auto call = [&] { d.apply(e.n, X3); };
      check_rejects(call, d.name, e.what);
      const std::string message = message_of(call);
      BOOST_CHECK_MESSAGE(message.empty() || names_feature(message, e.feature),
                          d.name << " rejected " << e.what << ", but its message should name feature " << e.feature
                                 << " (counted from 0, like the rows of X): got '" << message << "'");
    }
  // An overflowing variance in feature 1 of 3.
  const arma::mat wide{{1.0, 2.0, 3.0}, {1e200, -1e200, 3e200}, {4.0, 5.0, 6.0}};
  const auto fit_wide = [&] { kata::fit_normalizer(wide); };
  check_rejects(fit_wide, "fit_normalizer()", "a variance that overflows in feature 1 of 3");
  const std::string overflow = message_of(fit_wide);
  BOOST_CHECK_MESSAGE(overflow.empty() || names_feature(overflow, 1),
                      "fit_normalizer() rejected the overflowing variance of feature 1 (counted from 0), but its "
                      "message should name feature 1: got '" << overflow << "'");
  // A row-count mismatch: the message gives both counts (README: "X has 5 features (rows) but the normalizer
  // was fitted on 2").
  for (const Direction& d : directions) {
    const auto call = [&] { d.apply(n2, arma::mat(5, 4, arma::fill::ones)); };
    check_rejects(call, d.name, "X with 5 features for a normalizer fitted on 2");
    const std::string message = message_of(call);
    BOOST_CHECK_MESSAGE(message.empty() || (message.find('5') != std::string::npos && message.find('2') != std::string::npos),
                        d.name << " rejected X with 5 features for a normalizer fitted on 2, but its message should "
                               << "give both counts, 5 and 2: got '" << message << "'");
  }
}

BOOST_AUTO_TEST_SUITE_END()
