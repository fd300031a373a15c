// Lesson 02 checks. Each case is one CTest test ("check"); messages say what was expected and why.
// The checks are grouped by the README's tasks (each top-level suite's description, "task N: ..."): the
// idea first, suite by suite; the bad-input checks form the last task, "harden it".
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <optional>
#include <sstream>

#include "bias_variance.hpp"
#include "kata_test.hpp"

namespace bdata = boost::unit_test::data;
namespace utf = boost::unit_test;
using kata::test::check_close;
using kata::test::check_rejects;

using kata::test::returns;

namespace {

using kata::test::kInf;
using kata::test::kNaN;
using kata::test::show;

// "f(a, b, ...)" with every double in its shortest exact form (0.8, not 0.80000000000000004).
std::string shown(double x) { return show(x); }
std::string shown(arma::uword n) { return std::to_string(n); }
std::string shown(const char* text) { return text; }
template <typename... Args>
std::string call(const std::string& fn, const Args&... args) {
  std::string out;
  ((out += (out.empty() ? "" : ", ") + shown(args)), ...);
  return fn + "(" + out + ")";
}

// check_close on what a call returned; a throw fails the check naming the call (see returns()).
template <typename F>
void check_returns_close(const std::string& call, F&& f, double expected, double tol, const std::string& hint = "") {
  if (const auto got = returns(call, f)) check_close(*got, expected, tol, call, hint);
}

// Φ(z), the standard normal CDF, from the C library's erfc: an independent closed form.
double Phi(double z) { return 0.5 * std::erfc(-z / std::numbers::sqrt2); }

std::string show(const std::vector<kata::Action>& steps) {
  std::string out = "{";
  for (std::size_t i = 0; i < steps.size(); ++i) out += (i ? ", " : "") + std::string(kata::action_name(steps[i]));
  return out + "}";
}

std::string show(const kata::Diagnosis& d) {
  return "{avoidable_bias " + show(d.avoidable_bias) + ", variance " + show(d.variance) + ", high_bias " +
         (d.high_bias ? "true" : "false") + ", high_variance " + (d.high_variance ? "true" : "false") + "}";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(diagnose, *utf::description("task 1: diagnose bias and variance"))

struct TableCase {
  double train, dev, bayes;
  bool high_bias, high_variance;
  const char* why;
};
std::ostream& operator<<(std::ostream& out, const TableCase& c) {
  return out << "train " << show(c.train) << ", dev " << show(c.dev) << ", Bayes " << show(c.bayes);
}

// The course's table (Bayes error ≈ 0), plus the same 15%/16% model on a task whose Bayes error is 15%.
// Threshold 0.05: five percentage points. Every gap in the table is either <= 1 point or >= 10 points,
// so any threshold between 1% and 10% gives the same verdicts.
const TableCase table_cases[] = {
    {0.01, 0.11, 0.0, false, true, "1%/11%: fits the training set, 10 points worse on dev: high variance"},
    {0.15, 0.16, 0.0, true, false,
     "15%/16%: 15 points above Bayes on the TRAINING set: high bias. The dev gap is only 1 point, so it is "
     "not high variance (measure variance as dev - train, not dev - 0 or dev - Bayes)"},
    {0.15, 0.30, 0.0, true, true, "15%/30%: 15 points of avoidable bias and 15 points of variance: both"},
    {0.005, 0.01, 0.0, false, false, "0.5%/1%: low bias and low variance"},
    {0.15, 0.16, 0.15, false, false,
     "15%/16% when the Bayes error is 15%: the training error is as low as it can be, so there is no "
     "avoidable bias (measure bias as train - Bayes, not train - 0)"},
};

BOOST_DATA_TEST_CASE(the_course_table, bdata::make(table_cases), c) {
  const std::string fn = call("diagnose", c.train, c.dev, c.bayes, 0.05);
  const auto d = returns(fn, [&] { return kata::diagnose(c.train, c.dev, c.bayes, 0.05); });
  if (!d) return;
  // Tolerance 1e-12: one subtraction of numbers <= 1 is off by at most ~1e-16.
  check_close(d->avoidable_bias, c.train - c.bayes, 1e-12, fn + ".avoidable_bias",
              "avoidable bias = train_err - bayes_err");
  check_close(d->variance, c.dev - c.train, 1e-12, fn + ".variance", "variance = dev_err - train_err");
  BOOST_CHECK_MESSAGE(d->high_bias == c.high_bias && d->high_variance == c.high_variance,
                      fn << ": expected high_bias " << std::boolalpha << c.high_bias << ", high_variance "
                         << c.high_variance << ", got " << show(*d) << kata::test::hint_suffix(c.why));
}

BOOST_AUTO_TEST_CASE(training_error_below_bayes_is_allowed) {
  // 1-nearest-neighbour memorizes its training set: training error 0 although the Bayes error is 16%.
  // Tolerance 1e-12: one subtraction of numbers <= 1.
  const auto d = returns("diagnose(0, 0.25, 0.16, 0.05)", [] { return kata::diagnose(0.0, 0.25, 0.16, 0.05); });
  if (!d) return;
  check_close(d->avoidable_bias, -0.16, 1e-12, "diagnose(0, 0.25, 0.16, 0.05).avoidable_bias",
              "train_err - bayes_err may be negative; do not clamp or reject it");
  check_close(d->variance, 0.25, 1e-12, "diagnose(0, 0.25, 0.16, 0.05).variance");
  BOOST_CHECK_MESSAGE(!d->high_bias && d->high_variance,
                      "diagnose(0, 0.25, 0.16, 0.05): expected high variance only, got " << show(*d));
}

BOOST_AUTO_TEST_CASE(threshold_is_strict) {
  // Binary fractions, so the gaps are exact: bias = 0.375 - 0.125 = 0.25, variance = 0.625 - 0.375 = 0.25.
  if (const auto at = returns("diagnose(0.375, 0.625, 0.125, 0.25)",
                              [] { return kata::diagnose(0.375, 0.625, 0.125, 0.25); }))
    BOOST_CHECK_MESSAGE(!at->high_bias && !at->high_variance,
                        "diagnose(0.375, 0.625, 0.125, 0.25): a gap exactly equal to the threshold is not 'high' "
                        "(flags use >): got " << show(*at));
  if (const auto above = returns("diagnose(0.375, 0.625, 0.125, 0.125)",
                                 [] { return kata::diagnose(0.375, 0.625, 0.125, 0.125); }))
    BOOST_CHECK_MESSAGE(above->high_bias && above->high_variance,
                        "diagnose(0.375, 0.625, 0.125, 0.125): gaps of 0.25 with threshold 0.125 are high: got "
                            << show(*above));
}

BOOST_AUTO_TEST_CASE(dev_error_below_train_error_is_allowed) {
  // A small or easy dev set can score better than the training set: variance = 0.125 - 0.25 < 0.
  // Binary fractions, so every gap is exact. Bias 0.25 - 0.0625 = 0.1875 is high; the variance is not.
  // Tolerance 1e-15: the exact gaps give room for one rounding only.
  const auto d = returns("diagnose(0.25, 0.125, 0.0625, 0.0625)", [] { return kata::diagnose(0.25, 0.125, 0.0625, 0.0625); });
  if (!d) return;
  check_close(d->avoidable_bias, 0.1875, 1e-15, "diagnose(0.25, 0.125, 0.0625, 0.0625).avoidable_bias");
  check_close(d->variance, -0.125, 1e-15, "diagnose(0.25, 0.125, 0.0625, 0.0625).variance",
              "variance = dev_err - train_err, negative here: do not take its absolute value or reject it");
  BOOST_CHECK_MESSAGE(d->high_bias && !d->high_variance,
                      "diagnose(0.25, 0.125, 0.0625, 0.0625): expected high bias only, got "
                          << show(*d) << kata::test::hint_suffix("a dev error below the training error is no variance "
                                                                 "problem: the flag compares the signed gap"));
}

BOOST_AUTO_TEST_CASE(extreme_valid_values) {
  // Error rates 0 and 1 and threshold 1 are inside the contract's closed intervals. Exact arithmetic.
  struct Case {
    double train, dev, bayes, threshold, bias, variance;
  };
  const Case cases[] = {
      {1.0, 1.0, 1.0, 1.0, 0.0, 0.0},    // wrong on everything, on a task where nothing better is possible
      {0.0, 1.0, 0.0, 1.0, 0.0, 1.0},    // variance 1 is not > threshold 1
      {1.0, 0.0, 0.0, 1.0, 1.0, -1.0},   // bias 1 is not > threshold 1
      {1.0, 1.0, 0.0, 0.5, 1.0, 0.0},    // bias 1 > 0.5
      {0.0, 0.0, 1.0, 1e-300, -1.0, 0.0},  // the smallest thresholds are valid too
      {-0.0, 0.25, -0.0, 0.5, 0.0, 0.25},  // -0.0 is a rate of 0 (-0.0 < 0 is false): not outside [0, 1]
      {0.5, -0.0, 0.5, 0.25, 0.0, -0.5},   // a dev error of -0.0 too (compare with 0, not std::signbit)
  };
  for (const Case& c : cases) {
    const std::string fn = call("diagnose", c.train, c.dev, c.bayes, c.threshold);
    const auto d = returns(fn, [&] { return kata::diagnose(c.train, c.dev, c.bayes, c.threshold); });
    if (!d) continue;
    check_close(d->avoidable_bias, c.bias, 0.0, fn + ".avoidable_bias",
                "error rates 0 and 1 and threshold 1 are valid: [0, 1] and (0, 1] include their ends");
    check_close(d->variance, c.variance, 0.0, fn + ".variance");
    BOOST_CHECK_MESSAGE(d->high_bias == (c.bias > c.threshold) && d->high_variance == (c.variance > c.threshold),
                        fn << ": flags must be gap > threshold, got " << show(*d));
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(basic_recipe, *utf::description("task 2: the basic recipe"))

using kata::Action;

struct RecipeCase {
  bool high_bias, high_variance;
  std::vector<Action> expected;
};
std::ostream& operator<<(std::ostream& out, const RecipeCase& c) {
  return out << "high_bias " << std::boolalpha << c.high_bias << ", high_variance " << c.high_variance;
}

const RecipeCase recipe_cases[] = {
    {true, false, {Action::BiggerNetwork, Action::TrainLonger, Action::NewArchitecture}},
    {false, true, {Action::MoreData, Action::Regularization, Action::NewArchitecture}},
    {true, true,
     {Action::BiggerNetwork, Action::TrainLonger, Action::NewArchitecture, Action::MoreData, Action::Regularization}},
    {false, false, {Action::Done}},
};

BOOST_DATA_TEST_CASE(follows_the_recipe, bdata::make(recipe_cases), c) {
  kata::Diagnosis d;
  d.high_bias = c.high_bias;
  d.high_variance = c.high_variance;
  // The numbers disagree with the flags on purpose: the recipe reads the flags only.
  d.avoidable_bias = 0.5;
  d.variance = -0.5;
  std::ostringstream fn;
  fn << "basic_recipe(" << c << ")";
  const auto got = returns(fn.str(), [&] { return kata::basic_recipe(d); });
  if (!got) return;
  BOOST_CHECK_MESSAGE(*got == c.expected,
                      fn.str() << ": expected " << show(c.expected) << ", got " << show(*got)
                                      << kata::test::hint_suffix(
                                             "bias first (bigger network, train longer, new architecture), then "
                                             "variance (more data, regularization, new architecture); each action "
                                             "once; {done} when neither flag is set"));
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

struct GaussianCase {
  double mu0, mu1, sigma, expected;
  const char* what;
};
std::ostream& operator<<(std::ostream& out, const GaussianCase& c) { return out << c.what; }

// Φ(−d/(2σ)) for d/σ = 1, 2, 3: Φ(−0.5), Φ(−1), Φ(−1.5), standard normal table values (double precision,
// as from scipy.stats.norm.cdf); the same ratios with other means and sigmas give the same error.
const GaussianCase gaussian_cases[] = {
    {0.0, 1.0, 1.0, 0.3085375387259869, "d/sigma = 1"},
    {0.0, 2.0, 1.0, 0.15865525393145707, "d/sigma = 2"},
    {0.0, 3.0, 1.0, 0.06680720126885809, "d/sigma = 3"},
    {2.0, -2.0, 2.0, 0.15865525393145707, "mu0 = 2, mu1 = -2, sigma = 2 (d/sigma = 2, means swapped)"},
    {-1.0, 5.0, 2.0, 0.06680720126885809, "mu0 = -1, mu1 = 5, sigma = 2 (d/sigma = 3)"},
};

const char* const phi_hint =
    "equal priors put the boundary at the midpoint, d/2 from each mean: Phi(-|mu1 - mu0| / (2 sigma)), "
    "not Phi(-d/sigma)";

}  // namespace

BOOST_AUTO_TEST_SUITE(bayes_error_closed_form, *utf::description("task 3: the closed form"))

BOOST_DATA_TEST_CASE(golden_values, bdata::make(gaussian_cases), c) {
  // Tolerance 1e-8 (the lesson's spec); erfc is accurate to ~1e-16.
  check_returns_close(call("bayes_error_closed_form", c.mu0, c.mu1, c.sigma),
                      [&] { return kata::bayes_error_closed_form(c.mu0, c.mu1, c.sigma); }, c.expected, 1e-8,
                      phi_hint);
}

BOOST_AUTO_TEST_CASE(identical_classes_give_one_half) {
  // Tolerance 1e-15: erfc(0) = 1 exactly, halved.
  check_returns_close("bayes_error_closed_form(3, 3, 1)", [] { return kata::bayes_error_closed_form(3.0, 3.0, 1.0); },
                      0.5, 1e-15, "Phi(0) = 0.5: with identical classes and equal priors every guess is a coin flip");
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

// Epanechnikov density 3/4 (1 - x²) on [-1, 1]: a quadratic, which Simpson's rule integrates EXACTLY.
const kata::Density epanechnikov = [](double x) { return std::abs(x) <= 1.0 ? 0.75 * (1.0 - x * x) : 0.0; };

}  // namespace

BOOST_AUTO_TEST_SUITE(bayes_error, *utf::description("task 4: the bayes error by simpson's rule"))

BOOST_AUTO_TEST_CASE(simpson_is_exact_for_a_quadratic) {
  // Same density for both classes: min[0.3 f, 0.7 f] = 0.3 f, whose integral is 0.3 (hand computation).
  // With n = 2 Simpson is exact; the trapezoid rule would give 0.3 * 0.75 = 0.225.
  // Tolerance 1e-14: a handful of roundings of numbers below 1.
  for (const arma::uword n : {2, 4, 10}) {
    check_returns_close(call("bayes_error", "epanechnikov", "epanechnikov", 0.3, -1.0, 1.0, n),
                        [&] { return kata::bayes_error(epanechnikov, epanechnikov, 0.3, -1.0, 1.0, n); }, 0.3, 1e-14,
                        "Simpson weights are h/3 * (1, 4, 2, 4, ..., 2, 4, 1) with h = (b - a)/n; 0.225 for n = 2 "
                        "means trapezoid weights");
  }
}

// Triangles of height 1: f0 on [0, 2] peaking at 1, f1 on [1, 3] peaking at 2. They overlap on [1, 2],
// where prior0 (2 - x) and prior1 (x - 1) cross at x = 1 + prior0. Hand computation:
// ∫ min = prior1 prior0²/2 + prior0 prior1²/2 = prior0 prior1 / 2.
const kata::Density tri0 = [](double x) { return std::max(0.0, 1.0 - std::abs(x - 1.0)); };
const kata::Density tri1 = [](double x) { return std::max(0.0, 1.0 - std::abs(x - 2.0)); };

BOOST_AUTO_TEST_CASE(priors_weight_the_classes) {
  // n = 24 on [0, 3]: panel pairs end at multiples of 0.25, so every kink (1, 1.5 or 1.75, 2) is on a
  // boundary and the piecewise-linear integrand is integrated exactly. Tolerance 1e-14 (rounding only).
  check_returns_close("bayes_error(triangle at 1, triangle at 2, 0.5, 0, 3, 24)",
                      [] { return kata::bayes_error(tri0, tri1, 0.5, 0.0, 3.0, 24); }, 0.125, 1e-14,
                      "integrate min[prior0 f0(x), prior1 f1(x)]");
  check_returns_close("bayes_error(triangle at 1, triangle at 2, 0.75, 0, 3, 24)",
                      [] { return kata::bayes_error(tri0, tri1, 0.75, 0.0, 3.0, 24); }, 0.09375, 1e-14,
                      "0.125 means the priors were ignored: weight each density by its prior, prior1 = 1 - prior0");
  check_returns_close("bayes_error(triangle at 2, triangle at 1, 0.25, 0, 3, 24)",
                      [] { return kata::bayes_error(tri1, tri0, 0.25, 0.0, 3.0, 24); }, 0.09375, 1e-14,
                      "prior1 = 1 - prior0 weights f1");
}

BOOST_AUTO_TEST_CASE(simpson_converges_like_h_to_the_fourth) {
  // Both classes standard normal, equal priors: the integral over [-1, 1] is 0.5 erf(1/√2) (closed form).
  // No kink, so Simpson's error falls ~16x each time n doubles (trapezoid: ~4x).
  const kata::Density phi = [](double x) { return std::exp(-0.5 * x * x) / std::sqrt(2.0 * std::numbers::pi); };
  const double exact = 0.5 * std::erf(1.0 / std::numbers::sqrt2);
  const auto at8 = returns("bayes_error(normal, normal, 0.5, -1, 1, 8)",
                           [&] { return kata::bayes_error(phi, phi, 0.5, -1.0, 1.0, 8); });
  const auto at16 = returns("bayes_error(normal, normal, 0.5, -1, 1, 16)",
                            [&] { return kata::bayes_error(phi, phi, 0.5, -1.0, 1.0, 16); });
  if (!at8 || !at16) return;
  const double e8 = std::abs(*at8 - exact), e16 = std::abs(*at16 - exact);
  // Simpson's error here is 1.07e-5 (n = 8) and 6.6e-7 (n = 16), ratio 16.3 (computed in double
  // precision with the composite rule by hand in Python); [12, 20] leaves room for the
  // next term of the error expansion, and excludes the trapezoid rule's ratio of 4.
  BOOST_CHECK_MESSAGE(e16 < 1e-6 && e8 / e16 > 12.0 && e8 / e16 < 20.0,
                      "bayes_error(normal, normal, 0.5, -1, 1, n): expected " << show(exact) << ", got "
                          << show(*at8) << " at n = 8 and " << show(*at16) << " at n = 16: errors " << show(e8)
                          << " and " << show(e16) << " (ratio " << show(e8 / e16)
                          << "); expected an error below 1e-6 at n = 16 and a ratio in [12, 20] (about 16)"
                          << kata::test::hint_suffix("Simpson: odd nodes weigh 4, inner even nodes 2, the ends 1, "
                                                     "times h/3"));
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

struct PriorCase {
  double mu0, mu1, sigma, prior0;
  const char* what;
};
std::ostream& operator<<(std::ostream& out, const PriorCase& c) { return out << c.what; }

// Asymmetric on purpose: the larger prior on either class, the means in either order, a rare class so
// close to the common one that x* lies 11 sigma away from both means, and an extreme but valid prior.
const PriorCase prior_cases[] = {
    {0.0, 2.0, 1.0, 0.8, "mu0 < mu1, prior0 = 0.8"},
    {2.0, 0.0, 1.0, 0.8, "mu0 > mu1, prior0 = 0.8 (the mirror image: same error)"},
    {0.0, 2.0, 1.0, 0.2, "mu0 < mu1, prior0 = 0.2"},
    {3.0, -1.0, 2.0, 0.3, "mu0 > mu1, prior0 = 0.3, sigma = 2"},
    {0.0, 0.2, 1.0, 0.9, "a rare class 0.2 sigma from a common one: x* = 11.09, error ~ 0.1"},
    {0.0, 2.0, 1.0, 1e-6, "prior0 = 1e-6, valid however small: x* = -5.91, error ~ 1e-6"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(bayes_error_gaussian, *utf::description("task 5: two gaussians, split at the crossing"))

BOOST_DATA_TEST_CASE(matches_the_closed_form, bdata::make(gaussian_cases), c) {
  // Tolerance 1e-8 (the lesson's spec); accurate_to_1e_10_at_n_1000 holds the header's tighter promise.
  check_returns_close(call("bayes_error_gaussian", c.mu0, c.mu1, c.sigma, 0.5),
                      [&] { return kata::bayes_error_gaussian(c.mu0, c.mu1, c.sigma, 0.5); }, c.expected, 1e-8,
                      phi_hint);
}

BOOST_DATA_TEST_CASE(accurate_to_1e_10_at_n_1000, bdata::make(gaussian_cases), c) {
  // The header's promise: with n = 1000 panels per half, Simpson's error is below 1e-10 (the reference
  // measures 1.4e-11 .. 4e-11 here; n / 2 panels per half would be 16 times less accurate).
  check_returns_close(call("bayes_error_gaussian", c.mu0, c.mu1, c.sigma, 0.5) + " at n = 1000",
                      [&] { return kata::bayes_error_gaussian(c.mu0, c.mu1, c.sigma, 0.5); }, c.expected, 1e-10,
                      "split at x*, integrate [x* - L, x*] and [x*, x* + L] with n panels EACH, "
                      "L = max(|x* - mu0|, |x* - mu1|) + 10 sigma");
}

BOOST_DATA_TEST_CASE(unequal_priors_both_orders, bdata::make(prior_cases), c) {
  // Exact error of the best boundary x* (closed form with erfc): the class whose mean is left of x* is
  // predicted left of it; each class contributes its prior times its mass on the wrong side.
  const double prior1 = 1.0 - c.prior0;
  const double x_star = 0.5 * (c.mu0 + c.mu1) + c.sigma * c.sigma * std::log(c.prior0 / prior1) / (c.mu1 - c.mu0);
  const double z0 = (x_star - c.mu0) / c.sigma, z1 = (x_star - c.mu1) / c.sigma;
  const double expected = c.mu0 < c.mu1 ? c.prior0 * Phi(-z0) + prior1 * Phi(z1) : c.prior0 * Phi(z0) + prior1 * Phi(-z1);
  check_returns_close(call("bayes_error_gaussian", c.mu0, c.mu1, c.sigma, c.prior0),
                      [&] { return kata::bayes_error_gaussian(c.mu0, c.mu1, c.sigma, c.prior0); }, expected, 1e-8,
                      "x* = (mu0 + mu1)/2 + sigma^2 ln(prior0/prior1)/(mu1 - mu0) — signed, not |mu1 - mu0| — and "
                      "L = max(|x* - mu0|, |x* - mu1|) + 10 sigma, so the window covers both means, not just x*");
}

BOOST_AUTO_TEST_CASE(equal_means) {
  // The classes cannot be told apart: the best guess is always the likelier class, error min(prior0, prior1).
  // Tolerance 1e-8 (the lesson's spec).
  for (const double prior0 : {0.3, 0.5, 0.7})
    check_returns_close(call("bayes_error_gaussian", 1.0, 1.0, 0.5, prior0),
                        [&] { return kata::bayes_error_gaussian(1.0, 1.0, 0.5, prior0); },
                        std::min(prior0, 1.0 - prior0), 1e-8,
                        "mu0 == mu1: no crossing (x* = mu0, do not divide by mu1 - mu0 = 0); the error is "
                        "min(prior0, prior1)");
}

BOOST_AUTO_TEST_CASE(follows_the_contract_at_small_n) {
  // At n = 2 and 4 Simpson is far from the exact value, so the result shows exactly which integral was
  // computed. Expected: the contract's procedure written out independently here (split at x*, half-width
  // L, n panels per half). Tolerance 1e-12: the same sums in a different order.
  auto density = [](double x, double mu, double sigma) {
    return std::exp(-(x - mu) * (x - mu) / (2.0 * sigma * sigma)) / (sigma * std::sqrt(2.0 * std::numbers::pi));
  };
  auto simpson = [](auto g, double a, double b, int n) {
    const double h = (b - a) / n;
    double sum = g(a) + g(b);
    for (int i = 1; i < n; ++i) sum += (i % 2 ? 4.0 : 2.0) * g(a + i * h);
    return sum * h / 3.0;
  };
  for (const PriorCase& c : prior_cases)
    for (const arma::uword n : {2, 4}) {
      const double prior1 = 1.0 - c.prior0;
      const double x_star = 0.5 * (c.mu0 + c.mu1) + c.sigma * c.sigma * std::log(c.prior0 / prior1) / (c.mu1 - c.mu0);
      const double L = std::max(std::abs(x_star - c.mu0), std::abs(x_star - c.mu1)) + 10.0 * c.sigma;
      auto g = [&](double x) { return std::min(c.prior0 * density(x, c.mu0, c.sigma), prior1 * density(x, c.mu1, c.sigma)); };
      const int panels = static_cast<int>(n);
      const double expected = simpson(g, x_star - L, x_star, panels) + simpson(g, x_star, x_star + L, panels);
      check_returns_close(call("bayes_error_gaussian", c.mu0, c.mu1, c.sigma, c.prior0, n),
                          [&] { return kata::bayes_error_gaussian(c.mu0, c.mu1, c.sigma, c.prior0, n); }, expected,
                          1e-12,
                          "bayes_error(f0, f1, prior0, x* - L, x*, n) + bayes_error(f0, f1, prior0, x*, x* + L, n) "
                          "with L = max(|x* - mu0|, |x* - mu1|) + 10 sigma: n panels for EACH half");
    }
}

BOOST_AUTO_TEST_CASE(equal_means_split_at_mu0_at_small_n) {
  // mu0 == mu1 = 1, sigma 0.5: the contract's x* is mu0 = 1 (not 0), so L = 0 + 10 sigma = 5 and the halves
  // are [-4, 1] and [1, 6]. At n = 2 and 4 Simpson is coarse, so the value shows where the split was made.
  // Expected values: numpy 1.24 (/usr/bin/python3), the composite Simpson sum of the header written out
  // with np.linspace nodes and weights 1 4 2 ... 4 1 on each half, g = min(prior0 f0, prior1 f1).
  // (A split at x* = 0 with L = 6 gives 0.065110352357673512 at prior0 0.3, n = 2.) Tolerance 1e-12: the
  // same sums in a different order.
  struct Case {
    double prior0;
    arma::uword n;
    double expected;
  };
  const Case cases[] = {{0.3, 2, 0.39894822727949164}, {0.3, 4, 0.23452922790785505},
                        {0.5, 2, 0.6649137121324861},  {0.7, 4, 0.23452922790785508}};
  for (const Case& c : cases)
    check_returns_close(call("bayes_error_gaussian", 1.0, 1.0, 0.5, c.prior0, c.n),
                        [&] { return kata::bayes_error_gaussian(1.0, 1.0, 0.5, c.prior0, c.n); }, c.expected, 1e-12,
                        "mu0 == mu1: x* = mu0 (the header), so the halves are [mu0 - L, mu0] and [mu0, mu0 + L] "
                        "with L = 10 sigma; x* = 0 is a different split");
}

BOOST_AUTO_TEST_SUITE_END()

// Harden it: every argument and position that can be bad, just outside each range, and next to
// special-but-valid values of the others (error rates 0 and 1, threshold 1, n = 2, equal means). The
// message must name the argument that is wrong, as the header calls it ("threshold", "prior0", "f1", ...),
// so a rejection for another reason — a valid end of a range taken for a bad one — does not count.
BOOST_AUTO_TEST_SUITE(bad_input, *utf::description("task 6: harden it"))

BOOST_AUTO_TEST_CASE(diagnose_rejects) {
  check_rejects([] { kata::diagnose(-0.01, 0.1, 0.0, 0.05); }, "diagnose()", "train_err = -0.01", "train_err");
  check_rejects([] { kata::diagnose(1.01, 0.1, 0.0, 0.05); }, "diagnose()", "train_err = 1.01", "train_err");
  check_rejects([] { kata::diagnose(kNaN, 0.1, 0.0, 0.05); }, "diagnose()", "train_err = NaN", "train_err");
  check_rejects([] { kata::diagnose(0.1, -0.1, 0.0, 0.05); }, "diagnose()", "dev_err = -0.1 (dev < 0)", "dev_err");
  check_rejects([] { kata::diagnose(0.1, 1.5, 0.0, 0.05); }, "diagnose()", "dev_err = 1.5", "dev_err");
  check_rejects([] { kata::diagnose(0.1, kNaN, 0.0, 0.05); }, "diagnose()", "dev_err = NaN", "dev_err");
  check_rejects([] { kata::diagnose(0.1, 0.2, -0.05, 0.05); }, "diagnose()", "bayes_err = -0.05", "bayes_err");
  check_rejects([] { kata::diagnose(0.1, 0.2, 1.2, 0.05); }, "diagnose()", "bayes_err = 1.2", "bayes_err");
  check_rejects([] { kata::diagnose(0.1, 0.2, kNaN, 0.05); }, "diagnose()", "bayes_err = NaN", "bayes_err");
  check_rejects([] { kata::diagnose(0.1, 0.2, 0.0, 0.0); }, "diagnose()", "threshold = 0", "threshold");
  check_rejects([] { kata::diagnose(0.1, 0.2, 0.0, -0.05); }, "diagnose()", "threshold = -0.05", "threshold");
  check_rejects([] { kata::diagnose(0.1, 0.2, 0.0, 1.5); }, "diagnose()", "threshold = 1.5", "threshold");
  check_rejects([] { kata::diagnose(0.1, 0.2, 0.0, kNaN); }, "diagnose()", "threshold = NaN", "threshold");
  // Just outside the closed intervals, infinities, and each argument bad next to boundary values of the
  // others (0, 1, threshold 1).
  const double above_one = std::nextafter(1.0, 2.0), below_zero = -std::numeric_limits<double>::denorm_min();
  const std::string above = show(above_one), below = show(below_zero);
  check_rejects([&] { kata::diagnose(above_one, 1.0, 1.0, 1.0); }, "diagnose()",
                "train_err = " + above + " (1 + 2^-52) with dev_err 1, bayes_err 1, threshold 1", "train_err");
  check_rejects([&] { kata::diagnose(below_zero, 0.0, 0.0, 1.0); }, "diagnose()",
                "train_err = " + below + " with dev_err 0, bayes_err 0, threshold 1", "train_err");
  check_rejects([&] { kata::diagnose(0.0, above_one, 0.0, 1.0); }, "diagnose()",
                "dev_err = " + above + " with train_err 0, bayes_err 0, threshold 1", "dev_err");
  check_rejects([&] { kata::diagnose(1.0, below_zero, 1.0, 1.0); }, "diagnose()",
                "dev_err = " + below + " with train_err 1, bayes_err 1, threshold 1", "dev_err");
  check_rejects([&] { kata::diagnose(1.0, 1.0, above_one, 1.0); }, "diagnose()",
                "bayes_err = " + above + " with train_err 1, dev_err 1, threshold 1", "bayes_err");
  check_rejects([&] { kata::diagnose(0.0, 0.0, below_zero, 1.0); }, "diagnose()",
                "bayes_err = " + below + " with train_err 0, dev_err 0, threshold 1", "bayes_err");
  check_rejects([&] { kata::diagnose(0.0, 1.0, 0.0, above_one); }, "diagnose()",
                "threshold = " + above + " with train_err 0, dev_err 1, bayes_err 0", "threshold");
  check_rejects([&] { kata::diagnose(1.0, 0.0, 1.0, kInf); }, "diagnose()", "threshold = inf", "threshold");
  check_rejects([&] { kata::diagnose(1.0, 1.0, 1.0, -kInf); }, "diagnose()", "threshold = -inf", "threshold");
  check_rejects([&] { kata::diagnose(kInf, 0.1, 0.0, 1.0); }, "diagnose()", "train_err = inf", "train_err");
  check_rejects([&] { kata::diagnose(0.0, kInf, 0.0, 1.0); }, "diagnose()", "dev_err = inf", "dev_err");
  check_rejects([&] { kata::diagnose(1.0, 1.0, -kInf, 1.0); }, "diagnose()", "bayes_err = -inf", "bayes_err");
  check_rejects([&] { kata::diagnose(0.0, kNaN, 1.0, 1.0); }, "diagnose()", "dev_err = NaN with train 0, Bayes 1",
                "dev_err");
}

BOOST_AUTO_TEST_CASE(bayes_error_rejects) {
  const auto& f = epanechnikov;
  check_rejects([&] { kata::bayes_error(f, f, 0.0, -1.0, 1.0, 4); }, "bayes_error()", "prior0 = 0", "prior0");
  check_rejects([&] { kata::bayes_error(f, f, 1.0, -1.0, 1.0, 4); }, "bayes_error()", "prior0 = 1", "prior0");
  check_rejects([&] { kata::bayes_error(f, f, -0.2, -1.0, 1.0, 4); }, "bayes_error()", "prior0 = -0.2", "prior0");
  check_rejects([&] { kata::bayes_error(f, f, kNaN, -1.0, 1.0, 4); }, "bayes_error()", "prior0 = NaN", "prior0");
  check_rejects([&] { kata::bayes_error(f, f, 0.5, 1.0, 1.0, 4); }, "bayes_error()", "a = b = 1");
  check_rejects([&] { kata::bayes_error(f, f, 0.5, 1.0, -1.0, 4); }, "bayes_error()", "a = 1 > b = -1");
  check_rejects([&] { kata::bayes_error(f, f, 0.5, -kInf, 1.0, 4); }, "bayes_error()", "a = -inf");
  check_rejects([&] { kata::bayes_error(f, f, 0.5, -1.0, kNaN, 4); }, "bayes_error()", "b = NaN");
  check_rejects([&] { kata::bayes_error(f, f, 0.5, -1.0, 1.0, 0); }, "bayes_error()", "n = 0");
  check_rejects([&] { kata::bayes_error(f, f, 0.5, -1.0, 1.0, 1); }, "bayes_error()", "n = 1");
  check_rejects([&] { kata::bayes_error(f, f, 0.5, -1.0, 1.0, 7); }, "bayes_error()", "odd n = 7");
  const kata::Density negative = [](double x) { return x - 0.5; };
  check_rejects([&] { kata::bayes_error(f, negative, 0.5, -1.0, 1.0, 4); }, "bayes_error()",
                "a density f1 that is negative", "f1");
  const kata::Density not_finite = [](double x) { return x > 0.0 ? kNaN : 1.0; };
  check_rejects([&] { kata::bayes_error(not_finite, f, 0.5, -1.0, 1.0, 4); }, "bayes_error()",
                "a density f0 that returns NaN", "f0");
  check_rejects([&] { kata::bayes_error(f, f, 0.5, -1.0, kInf, 4); }, "bayes_error()", "b = inf");
  check_rejects([&] { kata::bayes_error(f, f, 0.5, kNaN, 1.0, 4); }, "bayes_error()", "a = NaN");
  check_rejects([&] { kata::bayes_error(f, f, 0.5, -1.0, 1.0, 3); }, "bayes_error()", "odd n = 3");
  check_rejects([&] { kata::bayes_error(f, f, 1.5, -1.0, 1.0, 2); }, "bayes_error()", "prior0 = 1.5 with n = 2",
                "prior0");
  check_rejects([&] { kata::bayes_error(f, f, kNaN, -1.0, 1.0, 2); }, "bayes_error()", "prior0 = NaN with n = 2",
                "prior0");
}

BOOST_AUTO_TEST_CASE(bayes_error_checks_the_densities_at_every_node) {
  // Bad values at one node only — the last one (x_n = b) or an inner one — and in f1 as well as f0. A
  // check of the final sum cannot see them: std::min(a, NaN) is a, and one small negative value barely
  // moves the total. Nodes on [-1, 1] with n = 4: -1, -0.5, 0, 0.5, 1. The message names the density.
  const auto& f = epanechnikov;
  const kata::Density negative_at_b = [](double x) { return x > 0.9 ? -1e-3 : epanechnikov(x); };
  const kata::Density nan_near_0 = [](double x) { return std::abs(x) < 0.1 ? kNaN : epanechnikov(x); };
  const kata::Density inf_near_half = [](double x) { return std::abs(x - 0.5) < 0.1 ? kInf : epanechnikov(x); };
  const kata::Density negative_near_minus_half = [](double x) { return std::abs(x + 0.5) < 0.1 ? -0.2 : epanechnikov(x); };
  check_rejects([&] { kata::bayes_error(negative_at_b, f, 0.5, -1.0, 1.0, 4); }, "bayes_error()",
                "f0(b) = -0.001 (negative at the last node only)", "f0");
  check_rejects([&] { kata::bayes_error(f, negative_at_b, 0.5, -1.0, 1.0, 2); }, "bayes_error()",
                "f1(b) = -0.001 with n = 2", "f1");
  check_rejects([&] { kata::bayes_error(f, nan_near_0, 0.5, -1.0, 1.0, 4); }, "bayes_error()",
                "f1(0) = NaN (std::min(a, NaN) returns a: check each density value, not the result)", "f1");
  check_rejects([&] { kata::bayes_error(nan_near_0, f, 0.5, -1.0, 1.0, 4); }, "bayes_error()", "f0(0) = NaN", "f0");
  check_rejects([&] { kata::bayes_error(f, inf_near_half, 0.5, -1.0, 1.0, 4); }, "bayes_error()", "f1(0.5) = inf",
                "f1");
  check_rejects([&] { kata::bayes_error(f, negative_near_minus_half, 0.3, -1.0, 1.0, 4); }, "bayes_error()",
                "f1(-0.5) = -0.2 at an odd node", "f1");
  // The first node x_0 = a is a node too: g(a) gets the same checks as every other node, the endpoint
  // is no exception (std::min(prior0 f0(a), NaN) would quietly drop the NaN).
  const kata::Density nan_at_a = [](double x) { return x <= -0.99 ? kNaN : epanechnikov(x); };
  const kata::Density negative_at_a = [](double x) { return x <= -0.99 ? -1e-3 : epanechnikov(x); };
  check_rejects([&] { kata::bayes_error(f, nan_at_a, 0.5, -1.0, 1.0, 4); }, "bayes_error()",
                "f1(a) = f1(-1) = NaN at the first node only", "f1(-1)");
  check_rejects([&] { kata::bayes_error(negative_at_a, f, 0.5, -1.0, 1.0, 4); }, "bayes_error()",
                "f0(a) = f0(-1) = -0.001 at the first node only", "f0(-1)");
}

BOOST_AUTO_TEST_CASE(bayes_error_gaussian_rejects) {
  check_rejects([] { kata::bayes_error_gaussian(0.0, 1.0, 0.0, 0.5); }, "bayes_error_gaussian()", "sigma = 0", "sigma");
  check_rejects([] { kata::bayes_error_gaussian(0.0, 1.0, -1.0, 0.5); }, "bayes_error_gaussian()", "sigma = -1",
                "sigma");
  check_rejects([] { kata::bayes_error_gaussian(0.0, 1.0, kNaN, 0.5); }, "bayes_error_gaussian()", "sigma = NaN",
                "sigma");
  check_rejects([] { kata::bayes_error_gaussian(kInf, 1.0, 1.0, 0.5); }, "bayes_error_gaussian()", "mu0 = inf", "mu0");
  check_rejects([] { kata::bayes_error_gaussian(0.0, kNaN, 1.0, 0.5); }, "bayes_error_gaussian()", "mu1 = NaN", "mu1");
  check_rejects([] { kata::bayes_error_gaussian(0.0, 1.0, 1.0, 0.0); }, "bayes_error_gaussian()", "prior0 = 0",
                "prior0");
  check_rejects([] { kata::bayes_error_gaussian(0.0, 1.0, 1.0, 1.0); }, "bayes_error_gaussian()", "prior0 = 1",
                "prior0");
  check_rejects([] { kata::bayes_error_gaussian(0.0, 1.0, 1.0, 0.5, 0); }, "bayes_error_gaussian()", "n = 0");
  check_rejects([] { kata::bayes_error_gaussian(0.0, 1.0, 1.0, 0.5, 99); }, "bayes_error_gaussian()", "odd n = 99",
                "99");
  check_rejects([] { kata::bayes_error_gaussian(0.0, 1.0, kInf, 0.5); }, "bayes_error_gaussian()", "sigma = inf",
                "sigma");
  check_rejects([] { kata::bayes_error_gaussian(-kInf, 1.0, 1.0, 0.5); }, "bayes_error_gaussian()", "mu0 = -inf",
                "mu0");
  check_rejects([] { kata::bayes_error_gaussian(0.0, 1.0, 1.0, kNaN); }, "bayes_error_gaussian()", "prior0 = NaN",
                "prior0");
  check_rejects([] { kata::bayes_error_gaussian(0.0, 1.0, 1.0, 1.5); }, "bayes_error_gaussian()", "prior0 = 1.5",
                "prior0");
  check_rejects([] { kata::bayes_error_gaussian(0.0, 1.0, 1.0, 0.5, 1); }, "bayes_error_gaussian()", "n = 1");
  check_rejects([] { kata::bayes_error_gaussian(0.0, 1.0, 1.0, 0.5, 3); }, "bayes_error_gaussian()", "odd n = 3");
  // Equal means are a special case of the formula, and valid; they must not skip the checks, and a
  // rejection must be for the bad argument, not for the equal means.
  check_rejects([] { kata::bayes_error_gaussian(1.0, 1.0, 0.0, 0.3); }, "bayes_error_gaussian()",
                "sigma = 0 with equal means", "sigma");
  check_rejects([] { kata::bayes_error_gaussian(1.0, 1.0, kInf, 0.3); }, "bayes_error_gaussian()",
                "sigma = inf with equal means", "sigma");
  check_rejects([] { kata::bayes_error_gaussian(1.0, 1.0, 1.0, 1.0); }, "bayes_error_gaussian()",
                "prior0 = 1 with equal means", "prior0");
  check_rejects([] { kata::bayes_error_gaussian(1.0, 1.0, 1.0, 0.5, 7); }, "bayes_error_gaussian()",
                "odd n = 7 with equal means", "7");
}

BOOST_AUTO_TEST_CASE(bayes_error_closed_form_rejects) {
  check_rejects([] { kata::bayes_error_closed_form(0.0, 1.0, 0.0); }, "bayes_error_closed_form()", "sigma = 0",
                "sigma");
  check_rejects([] { kata::bayes_error_closed_form(0.0, 1.0, -2.0); }, "bayes_error_closed_form()", "sigma = -2",
                "sigma");
  check_rejects([] { kata::bayes_error_closed_form(0.0, 1.0, kInf); }, "bayes_error_closed_form()", "sigma = inf",
                "sigma");
  check_rejects([] { kata::bayes_error_closed_form(kNaN, 1.0, 1.0); }, "bayes_error_closed_form()", "mu0 = NaN", "mu0");
  check_rejects([] { kata::bayes_error_closed_form(0.0, -kInf, 1.0); }, "bayes_error_closed_form()", "mu1 = -inf",
                "mu1");
  check_rejects([] { kata::bayes_error_closed_form(0.0, 1.0, kNaN); }, "bayes_error_closed_form()", "sigma = NaN",
                "sigma");
  check_rejects([] { kata::bayes_error_closed_form(2.0, 2.0, 0.0); }, "bayes_error_closed_form()",
                "sigma = 0 with equal means (check before any shortcut to 0.5)", "sigma");
  check_rejects([] { kata::bayes_error_closed_form(2.0, 2.0, -kInf); }, "bayes_error_closed_form()",
                "sigma = -inf with equal means", "sigma");
}

BOOST_AUTO_TEST_SUITE_END()
