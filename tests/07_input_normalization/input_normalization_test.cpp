// Lesson 07 checks. Each case is one CTest test ("check"); messages say what was expected and why.
#include <boost/test/unit_test.hpp>
#include <cmath>

#include "input_normalization.hpp"
#include "kata/rng.hpp"
#include "kata_test.hpp"

using kata::test::check_close;
using kata::test::check_mat_close;
using kata::test::check_rejects;

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

}  // namespace

BOOST_AUTO_TEST_SUITE(fit_normalizer)

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

BOOST_AUTO_TEST_CASE(one_entry_per_feature) {
  // 3 features × 40 examples: mu and sigma have 3 entries, not 40.
  const arma::mat X = scaled_features(1);
  const kata::Normalizer n = kata::fit_normalizer(X);
  check_feature_vector(n.mu, 3, 40, "fit_normalizer(3 x 40).mu");
  check_feature_vector(n.sigma, 3, 40, "fit_normalizer(3 x 40).sigma");
}

BOOST_AUTO_TEST_CASE(constant_feature_gets_sigma_one) {
  const arma::mat X{{3.7, 3.7, 3.7, 3.7, 3.7}, {1.0, 2.0, 3.0, 4.0, 5.0}};
  const kata::Normalizer n = kata::fit_normalizer(X);
  if (!check_feature_vector(n.sigma, 2, 5, "fit_normalizer().sigma")) return;
  // Exactly 1: it is a replacement value, not a computed one.
  check_close(n.sigma(0), 1.0, 0.0, "fit_normalizer().sigma of a constant feature",
              "a feature with standard deviation 0 gets sigma = 1 (like scikit-learn), never 0");
  check_close(n.mu(0), 3.7, 1e-14, "fit_normalizer().mu of a constant feature");
  // One example: every feature is constant.
  const kata::Normalizer one = kata::fit_normalizer(arma::mat(arma::vec{2.0, -7.0}));
  check_mat_close(one.sigma, arma::vec{1.0, 1.0}, 0.0, "fit_normalizer(one example).sigma",
                  "with m = 1 every feature is constant: sigma = 1");
}

BOOST_AUTO_TEST_CASE(rejects_bad_input) {
  check_rejects([] { kata::fit_normalizer(arma::mat()); }, "fit_normalizer()", "an empty X_train (0 x 0)");
  check_rejects([] { kata::fit_normalizer(arma::mat(3, 0)); }, "fit_normalizer()", "X_train with no examples (3 x 0)");
  check_rejects([] { kata::fit_normalizer(arma::mat(0, 3)); }, "fit_normalizer()", "X_train with no features (0 x 3)");
  check_rejects([] { kata::fit_normalizer(arma::mat{{1.0, kNaN}, {2.0, 3.0}}); }, "fit_normalizer()",
                "X_train containing NaN");
  check_rejects([] { kata::fit_normalizer(arma::mat{{1.0, 2.0}, {kInf, 3.0}}); }, "fit_normalizer()",
                "X_train containing inf");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(transform)

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

BOOST_AUTO_TEST_CASE(rejects_bad_input) {
  const kata::Normalizer n = make_normalizer({0.0, 1.0}, {1.0, 2.0});
  check_rejects([&] { kata::transform(n, arma::mat(3, 4, arma::fill::ones)); }, "transform()",
                "X with 3 features for a normalizer fitted on 2");
  check_rejects([&] { kata::transform(n, arma::mat(1, 4, arma::fill::ones)); }, "transform()",
                "X with 1 feature for a normalizer fitted on 2");
  check_rejects([&] { kata::transform(n, arma::mat(2, 0)); }, "transform()", "an empty X (2 x 0)");
  check_rejects([&] { kata::transform(n, arma::mat{{1.0, kNaN}, {0.0, 0.0}}); }, "transform()", "X containing NaN");
  check_rejects([&] { kata::transform(n, arma::mat{{1.0, 1.0}, {kInf, 0.0}}); }, "transform()", "X containing inf");
  const arma::mat X(2, 3, arma::fill::ones);
  check_rejects([&] { kata::transform(make_normalizer({0.0, 1.0}, {1.0}), X); }, "transform()",
                "a normalizer with 2 means but 1 sigma");
  check_rejects([&] { kata::transform(kata::Normalizer{}, X); }, "transform()", "an empty normalizer");
  check_rejects([&] { kata::transform(make_normalizer({0.0, 1.0}, {1.0, 0.0}), X); }, "transform()", "sigma = 0");
  check_rejects([&] { kata::transform(make_normalizer({0.0, 1.0}, {-1.0, 1.0}), X); }, "transform()", "sigma < 0");
  check_rejects([&] { kata::transform(make_normalizer({kNaN, 1.0}, {1.0, 1.0}), X); }, "transform()", "mu = NaN");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(inverse_transform)

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

BOOST_AUTO_TEST_CASE(rejects_bad_input) {
  const kata::Normalizer n = make_normalizer({0.0, 1.0}, {1.0, 2.0});
  check_rejects([&] { kata::inverse_transform(n, arma::mat(3, 4, arma::fill::ones)); }, "inverse_transform()",
                "Z with 3 features for a normalizer fitted on 2");
  check_rejects([&] { kata::inverse_transform(n, arma::mat(2, 0)); }, "inverse_transform()", "an empty Z (2 x 0)");
  check_rejects([&] { kata::inverse_transform(n, arma::mat(arma::vec{kNaN, 0.0})); }, "inverse_transform()",
                "Z containing NaN");
  const arma::mat Z(2, 3, arma::fill::ones);
  check_rejects([&] { kata::inverse_transform(make_normalizer({0.0}, {1.0, 1.0}), Z); }, "inverse_transform()",
                "a normalizer with 1 mean but 2 sigmas");
  check_rejects([&] { kata::inverse_transform(make_normalizer({0.0, 1.0}, {0.0, 1.0}), Z); }, "inverse_transform()",
                "sigma = 0");
  check_rejects([&] { kata::inverse_transform(make_normalizer({0.0, kInf}, {1.0, 1.0}), Z); }, "inverse_transform()",
                "mu = inf");
}

BOOST_AUTO_TEST_SUITE_END()
