// Lesson 10 checks. Each case is one CTest test ("check"); messages say what was expected and why.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "gradient_approximation.hpp"
#include "kata_test.hpp"

using kata::test::check_rejects;
using kata::test::show;

namespace {

double cube(double t) { return t * t * t; }

using kata::test::kInf;
using kata::test::kNaN;

// Round-off allowance for a difference quotient of f = θ³ near θ = 1: f(1 ± ε) is computed with an error of a
// few ulps (~4 · 1.1e-16 · |f| + 3 · 1.1e-16 from rounding 1 ± ε), so the numerator is off by < 1e-15 and the
// quotient by < 1e-15 / ε. We allow 1e-14 / ε (at ε = 1e-4 that is 1e-10: 1% of the smallest expected error).
double roundoff_tol(double eps) { return 1e-14 / eps; }

// J(θ) = ½ θᵀ A θ + bᵀ θ, gradient A θ + b. A is symmetric and not diagonal.
const arma::mat A_quad{{2.0, 0.5, 0.0, -1.0}, {0.5, 3.0, 1.0, 0.0}, {0.0, 1.0, 1.5, 0.25}, {-1.0, 0.0, 0.25, 4.0}};
const arma::vec b_quad{1.0, -2.0, 0.5, 3.0};
double quadratic(const arma::vec& t) { return 0.5 * arma::dot(t, A_quad * t) + arma::dot(b_quad, t); }

// A vector in full precision, "(3e-12, 0.7, -2.5e-10)": 1 - 1e-7 must not print as 1.
std::string show_vec(const arma::vec& v) {
  std::string out = "(";
  for (arma::uword i = 0; i < v.n_elem; ++i) out += (i ? ", " : "") + show(v(i));
  return out + ")";
}

// convergence_order(eps, errors), with its arguments recorded for the report in case it throws.
double order_of(const arma::vec& eps, const arma::vec& errors) {
  BOOST_TEST_INFO("convergence_order(eps = " << show_vec(eps) << ", errors = " << show_vec(errors) << ")");
  return kata::convergence_order(eps, errors);
}

}  // namespace

// The steps of the "any eps is valid" checks: f(θ) = 3θ at θ = 0 with steps that are powers of 2, so 3ε, 6ε
// and 2ε are exact in floating point, even for the smallest positive double (2^-1074 = 4.9e-324, subnormal)
// and for 2^1000 = 1.07e301. The quotient is exactly 3 (tolerance 0), and neither a "too small" nor a "too
// large" eps may be rejected: the contract asks for finite and > 0, nothing else.
const double kValidSteps[] = {std::numeric_limits<double>::denorm_min(), 0x1p-1000, 0.5, 0x1p1000};
double three_theta(double t) { return 3.0 * t; }

BOOST_AUTO_TEST_SUITE(one_sided_difference, *boost::unit_test::description("task 1: one-sided difference"))

BOOST_AUTO_TEST_CASE(error_of_cube_at_1_is_3eps_plus_eps2) {
  // Exact algebra: ((1 + ε)³ − 1) / ε − 3 = 3ε + ε², i.e. 0.0301, 0.003001, 0.00030001.
  for (const double eps : {1e-2, 1e-3, 1e-4}) {
    BOOST_TEST_INFO("one_sided_difference(theta^3, 1, " << show(eps) << ")");
    const double error = kata::one_sided_difference(cube, 1.0, eps) - 3.0;
    kata::test::check_close(error, 3 * eps + eps * eps, roundoff_tol(eps),
                            "one-sided error for f = theta^3 at 1, eps = " + show(eps),
                            "(f(theta + eps) - f(theta)) / eps: error 3 eps + eps^2, first order in eps");
  }
}

BOOST_AUTO_TEST_CASE(any_finite_positive_eps_is_valid) {
  for (const double eps : kValidSteps) {
    const std::string call = "one_sided_difference(3 theta, 0, eps = " + show(eps) + ")";
    BOOST_TEST_INFO(call);
    kata::test::check_close(kata::one_sided_difference(three_theta, 0.0, eps), 3.0, 0.0, call,
                            "every finite eps > 0 is valid, however small or large");
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(two_sided_difference, *boost::unit_test::description("task 2: two-sided difference"))

BOOST_AUTO_TEST_CASE(error_of_cube_at_1_is_eps2) {
  // Exact algebra: ((1 + ε)³ − (1 − ε)³) / (2ε) − 3 = (6ε + 2ε³) / (2ε) − 3 = ε²: 1e-4, 1e-6, 1e-8.
  for (const double eps : {1e-2, 1e-3, 1e-4}) {
    BOOST_TEST_INFO("two_sided_difference(theta^3, 1, " << show(eps) << ")");
    const double error = kata::two_sided_difference(cube, 1.0, eps) - 3.0;
    kata::test::check_close(error, eps * eps, roundoff_tol(eps),
                            "two-sided error for f = theta^3 at 1, eps = " + show(eps),
                            "(f(theta + eps) - f(theta - eps)) / (2 eps): error eps^2. An error of 3 eps means "
                            "a one-sided difference; a result near 6 means dividing by eps instead of 2 eps");
  }
}

BOOST_AUTO_TEST_CASE(any_finite_positive_eps_is_valid) {
  for (const double eps : kValidSteps) {
    const std::string call = "two_sided_difference(3 theta, 0, eps = " + show(eps) + ")";
    BOOST_TEST_INFO(call);
    kata::test::check_close(kata::two_sided_difference(three_theta, 0.0, eps), 3.0, 0.0, call,
                            "every finite eps > 0 is valid, however small or large");
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(convergence_order, *boost::unit_test::description("task 3: order of convergence"))

BOOST_AUTO_TEST_CASE(orders_are_1_and_2) {
  // Slopes of log error against log ε over ε = 1e-2 .. 1e-4: one-sided log(100.33)/log(100) = 1.0007,
  // two-sided exactly 2 up to round-off (< 1% of each error, so < 0.005 in the slope). Tolerance 0.01.
  const arma::vec eps{1e-2, 1e-3, 1e-4};
  arma::vec one(3), two(3);
  for (arma::uword k = 0; k < 3; ++k) {
    BOOST_TEST_INFO("one_sided_difference and two_sided_difference(theta^3, 1, " << show(eps(k)) << ")");
    one(k) = std::abs(kata::one_sided_difference(cube, 1.0, eps(k)) - 3.0);
    two(k) = std::abs(kata::two_sided_difference(cube, 1.0, eps(k)) - 3.0);
  }
  kata::test::check_close(order_of(eps, one), 1.0, 0.01, "order of the one-sided difference",
                          "halving eps halves the one-sided error: order 1");
  kata::test::check_close(order_of(eps, two), 2.0, 0.01, "order of the two-sided difference",
                          "the eps f''/2 terms cancel in the centred difference: order 2");
}

BOOST_AUTO_TEST_CASE(golden_slopes) {
  // errors = 5 ε^1.5 exactly: slope 1.5 (tolerance 1e-12, a few logs and sums).
  const arma::vec eps{1e-1, 1e-2, 1e-3, 1e-4};
  kata::test::check_close(order_of(eps, 5.0 * arma::pow(eps, 1.5)), 1.5, 1e-12,
                          "convergence_order() of 5 eps^1.5", "the slope of log(error) against log(eps)");
  // Not on a line: log ε = {0, 1, 2}, log error = {0, 1, 4}. Least squares by hand:
  // slope = Σ(x − 1)(y − 5/3) / Σ(x − 1)² = (5/3 + 7/3) / 2 = 2. (Regressing log ε on log error instead gives 0.46.)
  const arma::vec e{1.0, std::exp(1.0), std::exp(2.0)}, err{1.0, std::exp(1.0), std::exp(4.0)};
  kata::test::check_close(order_of(e, err), 2.0, 1e-12, "convergence_order() through 3 points",
                          "least-squares slope of y = log(error) on x = log(eps): sum(dx dy) / sum(dx^2)");
}

BOOST_AUTO_TEST_CASE(least_squares_on_uneven_points) {
  // A sweep ε = 1e-1, 1e-2, 1e-4 (unevenly spaced, largest first) with errors 1e-2, 10^-4.5, 1e-5: not on a
  // line. In log10 (the slope does not depend on the base): x = (−1, −2, −4), y = (−2, −4.5, −5);
  // x̄ = −7/3, ȳ = −23/6; Σ dx dy = 4/3·11/6 + 1/3·(−2/3) + (−5/3)(−7/6) = 25/6, Σ dx² = 14/3: slope 25/28.
  // The other "slopes" differ: first-to-last 1, mean of the two steps 1.375, no centring 1.15, x on y 0.81.
  const arma::vec eps{1e-1, 1e-2, 1e-4}, errors{1e-2, 3.1622776601683795e-05, 1e-5};
  kata::test::check_close(order_of(eps, errors), 25.0 / 28.0, 1e-12, "convergence_order() on uneven points",
                          "least squares through ALL points: sum((x - mean x)(y - mean y)) / sum((x - mean x)^2), "
                          "not the first and last point or the average of the steps");
}

BOOST_AUTO_TEST_CASE(valid_corner_cases) {
  // Two points (the minimum): the slope of the one line through them, log(3e-3 / 2e-7) / log(1e-2 / 1e-4)
  // = log(15000) / log(100) = 2.0880456295278407.
  kata::test::check_close(order_of({1e-2, 1e-4}, {3e-3, 2e-7}), 2.0880456295278407, 1e-12,
                          "convergence_order() of 2 points", "2 points are enough: the line through both");
  // A repeated eps is fine as long as not ALL are equal: x = log10 ε = (−2, −2, −3), y = log10 error =
  // (log10 4e-4, −4, −6). By hand the slope is (mean(y1, y2) − y3) / (−2 − (−3)) = log10(2e-4) + 6 =
  // 2 + log10 2 = 2.3010299956639813 (numpy's polyfit agrees).
  kata::test::check_close(order_of({1e-2, 1e-2, 1e-3}, {4e-4, 1e-4, 1e-6}), 2.3010299956639813, 1e-12,
                          "convergence_order() with eps 1e-2 twice and 1e-3",
                          "eps values may repeat; only ALL equal (no spread in log eps) is undefined");
  // The round-off side of the V (see the experiment): errors ≈ 1e-16 / ε GROW as ε shrinks, a negative
  // slope. log(error) = log(1e-16) − log(ε) exactly on a line: order −1, sign included.
  kata::test::check_close(order_of({1e-8, 1e-10, 1e-12}, {1e-8, 1e-6, 1e-4}), -1.0, 1e-12,
                          "convergence_order() on the round-off side (error = 1e-16 / eps)",
                          "the slope keeps its sign: errors that grow as eps shrinks have a negative order");
  // eps and errors above 1 are valid too (finite and > 0 is all the contract asks): error = 2 ε² at
  // ε = 4, 1, 0.25 is 32, 2, 0.125, exactly on a line of slope 2.
  kata::test::check_close(order_of({4.0, 1.0, 0.25}, {32.0, 2.0, 0.125}), 2.0, 1e-12,
                          "convergence_order() of 2 eps^2 at eps = 4, 1, 0.25",
                          "any finite eps > 0 and error > 0 is valid, also above 1");
  // Errors that do not change with eps (a round-off floor): order 0.
  kata::test::check_close(order_of({1e-6, 1e-8, 1e-9}, {3e-9, 3e-9, 3e-9}), 0.0, 1e-12,
                          "convergence_order() of constant errors", "errors that do not shrink have order 0");
}

BOOST_AUTO_TEST_CASE(eps_close_together_are_valid) {
  // Only ALL log ε equal is undefined; ε close together are a valid (if short) sweep, however small their spread
  // Σ (x − x̄)² is. ε = 1e-4 and 2e-4 with errors 3e-8 and 1.2e-7 (= 3 ε²): by hand the slope is
  // log(1.2e-7 / 3e-8) / log(2) = log 4 / log 2 = 2, and Σ (x − x̄)² = (log 2)² / 2 = 0.24. ε = 1e-3 and 1.01e-3
  // with errors 7 ε² (7e-6 and 7.1407e-6): slope 2, Σ (x − x̄)² = 5e-5. Tolerance 1e-12 and 1e-9: the inputs are
  // rounded to doubles (relative 1e-16), which moves a slope over log 1.01 = 0.00995 by up to ~4e-14.
  kata::test::check_close(order_of({1e-4, 2e-4}, {3e-8, 1.2e-7}), 2.0, 1e-12,
                          "convergence_order() of eps 1e-4 and 2e-4 (a factor of 2 apart)",
                          "any spread in log eps is enough; compare the spread with 0, not with some threshold");
  kata::test::check_close(order_of({1e-3, 1.01e-3}, {7e-6, 7.1407e-6}), 2.0, 1e-9,
                          "convergence_order() of eps 1e-3 and 1.01e-3 (1% apart)",
                          "any spread in log eps is enough; compare the spread with 0, not with some threshold");
  // Closer still: ε = 1e-3 and 1e-3 (1 + 1e-9), errors 7 ε² (slope 2 by hand). Σ (x − x̄)² = 5e-19 is far below
  // the rounding error of Σ x² ≈ 95 (about 1e-14), so the one-pass formula (n Σxy − Σx Σy) / (n Σx² − (Σx)²)
  // cancels to noise (or to 0, and rejects). Centred sums keep it: each log ε carries ~7e-16 of rounding
  // against a spread of 1e-9 (relative 1e-6), so tolerance 1e-5.
  kata::test::check_close(order_of({1e-3, 1.000000001e-3}, {7e-6, 7.0 * 1.000000001e-3 * 1.000000001e-3}), 2.0, 1e-5,
                          "convergence_order() of eps 1e-3 and 1.000000001e-3 (1e-9 apart, relative)",
                          "centre first: sum((x - mean x)(y - mean y)) / sum((x - mean x)^2); the one-pass form "
                          "n sum(x^2) - (sum x)^2 subtracts two numbers of ~190 that agree to 1e-18");
}

BOOST_AUTO_TEST_CASE(subnormal_eps_and_errors_are_valid) {
  // "finite and > 0" includes subnormal values (below DBL_MIN = 2.2e-308, which is what
  // std::numeric_limits<double>::min() returns). Powers of two are exact there: eps = 2^-1040 and 2^-1050,
  // errors = 2^-1045 and 2^-1065: by hand the slope is (-1045 + 1065) / (-1040 + 1050) = 2 (tolerance 1e-12:
  // two logarithms of exact powers of two).
  const arma::vec eps{std::ldexp(1.0, -1040), std::ldexp(1.0, -1050)};
  const arma::vec errors{std::ldexp(1.0, -1045), std::ldexp(1.0, -1065)};
  kata::test::check_close(order_of(eps, errors), 2.0, 1e-12, "convergence_order(eps 2^-1040, 2^-1050; errors 2^-1045, 2^-1065)",
                          "subnormal eps and errors are finite and > 0: valid. Compare with 0, not with "
                          "std::numeric_limits<double>::min() (the smallest NORMAL double)");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(numerical_gradient, *boost::unit_test::description("task 4: numerical gradient"))

BOOST_AUTO_TEST_CASE(matches_the_gradient_of_a_quadratic) {
  // The centred difference of a quadratic is exact: (J(θ + ε e_i) − J(θ − ε e_i)) / 2ε = (Aθ + b)_i.
  // Only round-off remains: ~1e-16 · |J| / ε ~ 1e-10 for |J| ~ 10 and ε = 1e-5. Tolerance 1e-8; a one-sided
  // difference would be off by ε A_ii / 2 >= 7.5e-6.
  arma::vec theta{0.1, 0.7, -1.3, 3.3};
  const arma::vec expected = A_quad * theta + b_quad;
  BOOST_TEST_INFO("numerical_gradient(quadratic, theta = " << show_vec(theta) << ", eps = 1e-05)");
  const arma::vec got = kata::numerical_gradient(quadratic, theta, 1e-5);
  kata::test::check_mat_close(got, expected, 1e-8, "numerical_gradient() of 1/2 theta'A theta + b'theta",
                              "one coordinate at a time: (J(theta + eps e_i) - J(theta - eps e_i)) / (2 eps)");
}

BOOST_AUTO_TEST_CASE(perturbs_one_coordinate_at_a_time_and_restores_theta_exactly) {
  const arma::vec original{0.1, 0.7, -1.3, 3.3};
  arma::vec theta = original;
  const double eps = 1e-7;
  std::vector<arma::vec> seen;
  BOOST_TEST_INFO("numerical_gradient(quadratic, theta = " << show_vec(theta) << ", eps = 1e-07)");
  kata::numerical_gradient([&](const arma::vec& t) { seen.push_back(t); return quadratic(t); }, theta, eps);
  BOOST_REQUIRE_MESSAGE(seen.size() == 8, "J must be called 2n = 8 times (+eps and -eps per coordinate), got "
                                              << seen.size());
  for (std::size_t call = 0; call < seen.size(); ++call) {
    const arma::uword i = call / 2;
    arma::vec want = original;
    want(i) = call % 2 == 0 ? original(i) + eps : original(i) - eps;
    // Exact (tolerance 0): the contract sets theta_i = original + eps, then original - eps.
    kata::test::check_mat_close(seen[call], want, 0.0, "theta seen by J in call " + std::to_string(call),
                                "call 2i sees theta_i + eps, call 2i+1 sees theta_i - eps, and every OTHER "
                                "coordinate at its original value: restore theta_i before moving on, and "
                                "perturb one coordinate, not all");
  }
  // Bit for bit: 0.7 + 1e-7 - 2e-7 + 1e-7 != 0.7 in floating point, so restore the saved value.
  kata::test::check_mat_close(theta, original, 0.0, "theta after numerical_gradient()",
                              "save theta_i before perturbing it and put the saved value back "
                              "(adding eps back is not exact)");
}

BOOST_AUTO_TEST_CASE(restores_small_entries_bit_for_bit) {
  // Entries much smaller than eps: (3e-12 − 1e-7) + 1e-7 is 3.0000000000034018e-12, not 3e-12 (numpy), and
  // likewise for −2.5e-10 and for (θ + ε) − ε. Entries of order 1 usually survive such arithmetic by luck,
  // so they cannot show it. The contract: restore the SAVED value, and J sees exactly θ_i ± ε.
  const arma::vec original{3e-12, -2.5e-10, 0.7, 1e3 + 0.3};
  arma::vec theta = original;
  const double eps = 1e-7;
  std::vector<arma::vec> seen;
  BOOST_TEST_INFO("numerical_gradient(sum of squares, theta = " << show_vec(theta) << ", eps = 1e-07)");
  kata::numerical_gradient([&](const arma::vec& t) { seen.push_back(t); return arma::accu(arma::square(t)); }, theta, eps);
  BOOST_REQUIRE_MESSAGE(seen.size() == 8, "J must be called 2n = 8 times, got " << seen.size());
  for (std::size_t call = 0; call < seen.size(); ++call) {
    const arma::uword i = call / 2;
    arma::vec want = original;
    want(i) = call % 2 == 0 ? original(i) + eps : original(i) - eps;
    kata::test::check_mat_close(seen[call], want, 0.0, "theta seen by J in call " + std::to_string(call),
                                "only theta_i moves, to exactly original + eps, then original - eps; every other "
                                "entry is back at its saved value");
  }
  kata::test::check_mat_close(theta, original, 0.0, "theta (3e-12, -2.5e-10, 0.7, 1000.3) after numerical_gradient()",
                              "put back the SAVED value: (theta_i - eps) + eps is not theta_i for small entries");
}

BOOST_AUTO_TEST_CASE(one_coordinate) {
  // n = 1, the smallest theta. J(θ) = θ³ + 2θ at θ = 0.4: exactly, the centred difference is 3θ² + 2 + ε²
  // = 2.48 + 1e-8 for ε = 1e-4 (a one-sided one would be off by 3θε = 1.2e-4). Round-off ~1e-16 / 1e-4:
  // tolerance 1e-10.
  arma::vec theta{0.4};
  BOOST_TEST_INFO("numerical_gradient(theta^3 + 2 theta, theta = (0.4), eps = 0.0001)");
  const arma::vec got =
      kata::numerical_gradient([](const arma::vec& t) { return t(0) * t(0) * t(0) + 2.0 * t(0); }, theta, 1e-4);
  kata::test::check_mat_close(got, arma::vec{2.48 + 1e-8}, 1e-10, "numerical_gradient(theta^3 + 2 theta) at 0.4",
                              "one parameter is a valid theta: one two-sided difference, 3 theta^2 + 2 + eps^2");
}

BOOST_AUTO_TEST_CASE(a_subnormal_eps_is_valid) {
  // eps = 4.9e-324 (denorm_min, the smallest double > 0) is finite and > 0. J = 3 theta_0 - 2 theta_1 at
  // theta = 0: by hand (3d - (-3d)) / (2d) = 3 and (-2d - 2d) / (2d) = -2, every step exact on the subnormal
  // grid (small multiples of d). Tolerance 0.
  arma::vec theta{0.0, 0.0};
  const double d = std::numeric_limits<double>::denorm_min();
  BOOST_TEST_INFO("numerical_gradient(3 theta_0 - 2 theta_1, theta = (0, 0), eps = " << show(d) << ")");
  const auto got = kata::test::returns("numerical_gradient(3 theta_0 - 2 theta_1, (0, 0), eps = 4.9e-324)", [&] {
    return kata::numerical_gradient([](const arma::vec& t) { return 3.0 * t(0) - 2.0 * t(1); }, theta, d);
  });
  if (got)
    kata::test::check_mat_close(*got, arma::vec{3.0, -2.0}, 0.0, "numerical_gradient() with eps = denorm_min",
                                "every finite eps > 0 is valid, subnormal ones too: compare with 0, not with "
                                "std::numeric_limits<double>::min()");
}

BOOST_AUTO_TEST_CASE(j_may_read_theta_by_reference) {
  // J ignores its argument and reads theta through a reference: this works only when the perturbation is made
  // in theta itself, as the contract says. Quadratic again, so tolerance 1e-8 as above.
  arma::vec theta{0.1, 0.7, -1.3, 3.3};
  const arma::vec expected = A_quad * theta + b_quad;
  const arma::vec& live = theta;
  BOOST_TEST_INFO("numerical_gradient(J reading theta by reference, theta = " << show_vec(theta) << ", eps = 1e-05)");
  const arma::vec got = kata::numerical_gradient([&](const arma::vec&) { return quadratic(live); }, theta, 1e-5);
  kata::test::check_mat_close(got, expected, 1e-8, "numerical_gradient() with J reading theta by reference",
                              "perturb theta in place (theta(i) = original + eps) rather than a copy");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------------------------------
// Harden it: bad input. Every argument, at every position, next to valid special values (θ = 0, one
// coordinate); the gradient is never estimated (J never called) from arguments that are invalid, and θ
// comes back bit for bit even when J returns NaN or Inf in the middle of the sweep.
namespace {

// Same shape and the same bits (NaN included).
bool same_bits(const arma::vec& a, const arma::vec& b) {
  return a.n_elem == b.n_elem && std::memcmp(a.memptr(), b.memptr(), a.n_elem * sizeof(double)) == 0;
}

// A cost that is finite for every input (even ±Inf), and counts its calls: a rejection that happens only
// because J returned NaN does not count, and a call before validation is seen.
struct CountingCost {
  int calls = 0;
  double operator()(const arma::vec& t) {
    ++calls;
    return arma::accu(arma::atan(t));
  }
};

const double kBadSteps[] = {0.0, -0.0, -1e-3, -kInf, kInf, kNaN};

}  // namespace

BOOST_AUTO_TEST_SUITE(bad_input, *boost::unit_test::description("task 5: harden it"))

BOOST_AUTO_TEST_CASE(difference_quotients_reject_bad_eps_and_theta) {
  // Both difference quotients, every kind of bad step, at θ = 1 and at the special-but-valid θ = 0; then
  // every kind of non-finite θ with a valid step.
  using Quotient = std::function<double(const std::function<double(double)>&, double, double)>;
  const std::pair<std::string, Quotient> quotients[] = {{"one_sided_difference()", kata::one_sided_difference},
                                                        {"two_sided_difference()", kata::two_sided_difference}};
  for (const auto& [name, quotient] : quotients) {
    for (const double eps : kBadSteps)
      for (const double theta : {1.0, 0.0})
        check_rejects([&, q = quotient] { q(cube, theta, eps); }, name,
                      "eps = " + show(eps) + " at theta = " + show(theta), "eps");
    // A theta that is not finite makes f(theta) NaN too: the message must blame theta, not the result.
    for (const double theta : {kNaN, kInf, -kInf})
      check_rejects([&, q = quotient] { q(cube, theta, 1e-3); }, name, "theta = " + show(theta), "theta");
  }
}

BOOST_AUTO_TEST_CASE(numerical_gradient_rejects_bad_eps_and_theta_before_calling_J) {
  // The contract validates θ and ε before J is called even once. J here is finite everywhere, so a check that
  // is missing cannot hide behind "J returned NaN"; θ must come back untouched.
  const arma::vec good{0.5, -1.0, 2.0};
  std::vector<std::pair<std::string, arma::vec>> thetas{{"theta (3 entries)", good}, {"a one-entry theta", arma::vec{0.0}}};
  for (const auto& [what, theta0] : thetas)
    for (const double eps : kBadSteps) {
      arma::vec theta = theta0;
      CountingCost J;
      check_rejects([&] { kata::numerical_gradient(std::ref(J), theta, eps); }, "numerical_gradient()",
                    "eps = " + show(eps) + " with " + what, "eps");
      BOOST_CHECK_MESSAGE(J.calls == 0, "numerical_gradient(): J was called " << J.calls << " times for eps = "
                                                                              << show(eps)
                                                                              << "; validate eps before the first call");
      BOOST_CHECK_MESSAGE(same_bits(theta, theta0), "numerical_gradient(): theta changed although eps was rejected: expected "
                                                        << show_vec(theta0) << ", got " << show_vec(theta));
    }
  const std::pair<std::string, arma::vec> bad_thetas[] = {
      {"an empty theta", arma::vec()},
      {"NaN in the first entry", arma::vec{kNaN, -1.0, 2.0}},
      {"-Inf in a middle entry", arma::vec{0.5, -kInf, 2.0}},
      {"Inf in the last entry", arma::vec{0.5, -1.0, kInf}},
      {"a one-entry theta of NaN", arma::vec{kNaN}},
  };
  for (const auto& [what, theta0] : bad_thetas) {
    arma::vec theta = theta0;
    CountingCost J;
    check_rejects([&] { kata::numerical_gradient(std::ref(J), theta, 1e-7); }, "numerical_gradient()", what, "theta");
    BOOST_CHECK_MESSAGE(J.calls == 0, "numerical_gradient(): J was called " << J.calls << " times for " << what
                                                                            << "; validate theta before the first call");
    BOOST_CHECK_MESSAGE(same_bits(theta, theta0), "numerical_gradient(): theta changed although it was rejected (" << what
                                                      << "): expected " << show_vec(theta0) << ", got " << show_vec(theta));
  }
}

BOOST_AUTO_TEST_CASE(numerical_gradient_restores_theta_when_J_fails_anywhere) {
  // J returns a non-finite value on the FIRST call (θ_0 + ε), or only on the LAST one (θ_2 − ε): either way
  // numerical_gradient throws, and θ — with small entries that arithmetic does not restore — is bit for bit
  // the original.
  const arma::vec original{3e-12, 0.7, -2.5e-10};
  const double eps = 1e-7;
  struct Case {
    std::string what;
    std::function<double(const arma::vec&)> J;
  };
  const Case cases[] = {
      {"J returning NaN at theta_0 + eps (the first call)",
       [&](const arma::vec& t) { return t(0) > original(0) ? kNaN : 1.0; }},
      {"J returning -Inf at theta_2 - eps (the last call)",
       [&](const arma::vec& t) { return t(2) < original(2) ? -kInf : 1.0; }},
      {"J returning Inf at theta_1 - eps (a minus call in the middle)",
       [&](const arma::vec& t) { return t(1) < original(1) ? kInf : 1.0; }},
  };
  for (const auto& c : cases) {
    arma::vec theta = original;
    check_rejects([&] { kata::numerical_gradient(c.J, theta, eps); }, "numerical_gradient()", c.what);
    BOOST_CHECK_MESSAGE(same_bits(theta, original),
                        "numerical_gradient(): after " << c.what << ", theta must be restored bit for bit: expected "
                                                       << show_vec(original) << ", got " << show_vec(theta)
                                                       << kata::test::hint_suffix(
                                                              "restore theta_i to its saved value before throwing, "
                                                              "after the + call AND after the - call"));
  }
}

BOOST_AUTO_TEST_CASE(convergence_order_rejects_bad_points_at_every_position) {
  const arma::vec eps{1e-1, 1e-2, 1e-3}, errors{1e-2, 1e-4, 1e-6};
  check_rejects([&] { kata::convergence_order(eps.head(2), errors); }, "convergence_order()", "2 eps and 3 errors");
  check_rejects([&] { kata::convergence_order(eps, errors.head(2)); }, "convergence_order()", "3 eps and 2 errors");
  check_rejects([] { kata::convergence_order(arma::vec(), arma::vec()); }, "convergence_order()", "0 points");
  check_rejects([] { kata::convergence_order(arma::vec{1e-1}, arma::vec{1.0}); }, "convergence_order()", "1 point");
  for (arma::uword k = 0; k < 3; ++k)
    for (const double bad : {0.0, -1e-3, kNaN, kInf, -kInf}) {
      arma::vec e = eps, err = errors;
      e(k) = bad;
      // A bad eps also makes log(eps) NaN or -Inf, so the spread in log eps is NaN: a function that only
      // checks the spread rejects it too, for the wrong reason ("all eps are equal"). The message must name
      // the bad entry, eps[k] (errors[k]), as the contract says.
      const std::string e_k = "eps[" + std::to_string(k) + "]", err_k = "errors[" + std::to_string(k) + "]";
      check_rejects([&] { kata::convergence_order(e, errors); }, "convergence_order()", e_k + " = " + show(bad), e_k);
      err(k) = bad;
      check_rejects([&] { kata::convergence_order(eps, err); }, "convergence_order()", err_k + " = " + show(bad), err_k);
    }
}

BOOST_AUTO_TEST_CASE(convergence_order_rejects_eps_without_spread) {
  // All ε equal: every point has the same x = log ε, the slope is undefined. Also when the ε differ only in
  // their last bit, so that their logarithms round to the same double (log 1e-3 and log of the next double
  // after 1e-3 are both -6.907755278982137): no spread in x is no spread.
  check_rejects([] { kata::convergence_order(arma::vec{1e-3, 1e-3}, arma::vec{1.0, 2.0}); }, "convergence_order()",
                "2 equal eps");
  check_rejects([] { kata::convergence_order(arma::vec{1e-3, 1e-3, 1e-3}, arma::vec{1.0, 2.0, 4.0}); },
                "convergence_order()", "3 equal eps");
  const double next = std::nextafter(1e-3, 1.0);
  check_rejects([&] { kata::convergence_order(arma::vec{1e-3, next}, arma::vec{1.0, 2.0}); }, "convergence_order()",
                "eps 1e-3 and the next double " + show(next) + ", whose logarithms are equal");
  // Equal ε whose logarithms' mean need not round back to that logarithm (numpy: np.mean(np.log([2e-3] * 3))
  // != np.log(2e-3); Armadillo's mean misses for some of these four values at each count 3-6): x - mean(x)
  // is then a tiny non-zero spread, and a check of sum((x - mean(x))^2) > 0 lets a made-up slope through.
  for (const double e : {2e-3, 3e-3, 5e-4, 0.3})
    for (arma::uword n = 3; n <= 6; ++n)
      check_rejects([&] { kata::convergence_order(arma::vec(n, arma::fill::value(e)), arma::regspace(1.0, double(n))); },
                    "convergence_order()",
                    std::to_string(n) + " equal eps " + show(e) +
                        " (all their logs are equal, though their mean may round next to them: compare the log "
                        "eps with each other, not their spread around the mean with 0)");
}

BOOST_AUTO_TEST_SUITE_END()
