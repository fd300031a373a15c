// Lesson 10 checks. Each case is one CTest test ("check"); messages say what was expected and why.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <vector>

#include "gradient_approximation.hpp"
#include "kata_test.hpp"

using kata::test::check_rejects;

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

}  // namespace

BOOST_AUTO_TEST_SUITE(one_sided_difference)

BOOST_AUTO_TEST_CASE(error_of_cube_at_1_is_3eps_plus_eps2) {
  // Exact algebra: ((1 + ε)³ − 1) / ε − 3 = 3ε + ε², i.e. 0.0301, 0.003001, 0.00030001.
  for (const double eps : {1e-2, 1e-3, 1e-4}) {
    const double error = kata::one_sided_difference(cube, 1.0, eps) - 3.0;
    kata::test::check_close(error, 3 * eps + eps * eps, roundoff_tol(eps),
                            "one-sided error for f = theta^3 at 1, eps = " + std::to_string(eps),
                            "(f(theta + eps) - f(theta)) / eps: error 3 eps + eps^2, first order in eps");
  }
}

BOOST_AUTO_TEST_CASE(rejects_bad_input) {
  check_rejects([] { kata::one_sided_difference(cube, 1.0, 0.0); }, "one_sided_difference()", "eps = 0");
  check_rejects([] { kata::one_sided_difference(cube, 1.0, -1e-3); }, "one_sided_difference()", "eps = -1e-3");
  check_rejects([] { kata::one_sided_difference(cube, 1.0, kNaN); }, "one_sided_difference()", "eps = NaN");
  check_rejects([] { kata::one_sided_difference(cube, 1.0, kInf); }, "one_sided_difference()", "eps = Inf");
  check_rejects([] { kata::one_sided_difference(cube, kNaN, 1e-3); }, "one_sided_difference()", "theta = NaN");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(two_sided_difference)

BOOST_AUTO_TEST_CASE(error_of_cube_at_1_is_eps2) {
  // Exact algebra: ((1 + ε)³ − (1 − ε)³) / (2ε) − 3 = (6ε + 2ε³) / (2ε) − 3 = ε²: 1e-4, 1e-6, 1e-8.
  for (const double eps : {1e-2, 1e-3, 1e-4}) {
    const double error = kata::two_sided_difference(cube, 1.0, eps) - 3.0;
    kata::test::check_close(error, eps * eps, roundoff_tol(eps),
                            "two-sided error for f = theta^3 at 1, eps = " + std::to_string(eps),
                            "(f(theta + eps) - f(theta - eps)) / (2 eps): error eps^2. An error of 3 eps means "
                            "a one-sided difference; a result near 6 means dividing by eps instead of 2 eps");
  }
}

BOOST_AUTO_TEST_CASE(orders_are_1_and_2) {
  // Slopes of log error against log ε over ε = 1e-2 .. 1e-4: one-sided log(100.33)/log(100) = 1.0007,
  // two-sided exactly 2 up to round-off (< 1% of each error, so < 0.005 in the slope). Tolerance 0.01.
  const arma::vec eps{1e-2, 1e-3, 1e-4};
  arma::vec one(3), two(3);
  for (arma::uword k = 0; k < 3; ++k) {
    one(k) = std::abs(kata::one_sided_difference(cube, 1.0, eps(k)) - 3.0);
    two(k) = std::abs(kata::two_sided_difference(cube, 1.0, eps(k)) - 3.0);
  }
  kata::test::check_close(kata::convergence_order(eps, one), 1.0, 0.01, "order of the one-sided difference",
                          "halving eps halves the one-sided error: order 1");
  kata::test::check_close(kata::convergence_order(eps, two), 2.0, 0.01, "order of the two-sided difference",
                          "the eps f''/2 terms cancel in the centred difference: order 2");
}

BOOST_AUTO_TEST_CASE(rejects_bad_input) {
  check_rejects([] { kata::two_sided_difference(cube, 1.0, 0.0); }, "two_sided_difference()", "eps = 0");
  check_rejects([] { kata::two_sided_difference(cube, 1.0, -1e-3); }, "two_sided_difference()", "eps = -1e-3");
  check_rejects([] { kata::two_sided_difference(cube, 1.0, kNaN); }, "two_sided_difference()", "eps = NaN");
  check_rejects([] { kata::two_sided_difference(cube, kInf, 1e-3); }, "two_sided_difference()", "theta = Inf");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(numerical_gradient)

BOOST_AUTO_TEST_CASE(matches_the_gradient_of_a_quadratic) {
  // The centred difference of a quadratic is exact: (J(θ + ε e_i) − J(θ − ε e_i)) / 2ε = (Aθ + b)_i.
  // Only round-off remains: ~1e-16 · |J| / ε ~ 1e-10 for |J| ~ 10 and ε = 1e-5. Tolerance 1e-8; a one-sided
  // difference would be off by ε A_ii / 2 >= 7.5e-6.
  arma::vec theta{0.1, 0.7, -1.3, 3.3};
  const arma::vec expected = A_quad * theta + b_quad;
  const arma::vec got = kata::numerical_gradient(quadratic, theta, 1e-5);
  kata::test::check_mat_close(got, expected, 1e-8, "numerical_gradient() of 1/2 theta'A theta + b'theta",
                              "one coordinate at a time: (J(theta + eps e_i) - J(theta - eps e_i)) / (2 eps)");
}

BOOST_AUTO_TEST_CASE(perturbs_one_coordinate_at_a_time_and_restores_theta_exactly) {
  const arma::vec original{0.1, 0.7, -1.3, 3.3};
  arma::vec theta = original;
  const double eps = 1e-7;
  std::vector<arma::vec> seen;
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

BOOST_AUTO_TEST_CASE(j_may_read_theta_by_reference) {
  // J ignores its argument and reads theta through a reference: this works only when the perturbation is made
  // in theta itself, as the contract says. Quadratic again, so tolerance 1e-8 as above.
  arma::vec theta{0.1, 0.7, -1.3, 3.3};
  const arma::vec expected = A_quad * theta + b_quad;
  const arma::vec& live = theta;
  const arma::vec got = kata::numerical_gradient([&](const arma::vec&) { return quadratic(live); }, theta, 1e-5);
  kata::test::check_mat_close(got, expected, 1e-8, "numerical_gradient() with J reading theta by reference",
                              "perturb theta in place (theta(i) = original + eps) rather than a copy");
}

BOOST_AUTO_TEST_CASE(rejects_bad_input) {
  arma::vec theta{1.0, 2.0};
  check_rejects([&] { kata::numerical_gradient(quadratic, theta, 0.0); }, "numerical_gradient()", "eps = 0");
  check_rejects([&] { kata::numerical_gradient(quadratic, theta, -1e-7); }, "numerical_gradient()", "eps = -1e-7");
  check_rejects([&] { kata::numerical_gradient(quadratic, theta, kNaN); }, "numerical_gradient()", "eps = NaN");
  arma::vec empty;
  check_rejects([&] { kata::numerical_gradient(quadratic, empty, 1e-7); }, "numerical_gradient()", "an empty theta");
  arma::vec bad{1.0, kNaN};
  check_rejects([&] { kata::numerical_gradient(quadratic, bad, 1e-7); }, "numerical_gradient()", "theta with a NaN");
  // J blows up only when theta_1 is perturbed; theta must still come back unchanged.
  arma::vec t{1.0, 2.0};
  const arma::vec before = t;
  check_rejects([&] { kata::numerical_gradient([](const arma::vec& v) { return v(1) > 2.0 ? kInf : 0.0; }, t, 1e-3); },
                "numerical_gradient()", "J returning Inf");
  kata::test::check_mat_close(t, before, 0.0, "theta after J returned Inf", "restore theta before throwing");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(convergence_order)

BOOST_AUTO_TEST_CASE(golden_slopes) {
  // errors = 5 ε^1.5 exactly: slope 1.5 (tolerance 1e-12, a few logs and sums).
  const arma::vec eps{1e-1, 1e-2, 1e-3, 1e-4};
  kata::test::check_close(kata::convergence_order(eps, 5.0 * arma::pow(eps, 1.5)), 1.5, 1e-12,
                          "convergence_order() of 5 eps^1.5", "the slope of log(error) against log(eps)");
  // Not on a line: log ε = {0, 1, 2}, log error = {0, 1, 4}. Least squares by hand:
  // slope = Σ(x − 1)(y − 5/3) / Σ(x − 1)² = (5/3 + 7/3) / 2 = 2. (Regressing log ε on log error instead gives 0.46.)
  const arma::vec e{1.0, std::exp(1.0), std::exp(2.0)}, err{1.0, std::exp(1.0), std::exp(4.0)};
  kata::test::check_close(kata::convergence_order(e, err), 2.0, 1e-12, "convergence_order() through 3 points",
                          "least-squares slope of y = log(error) on x = log(eps): sum(dx dy) / sum(dx^2)");
}

BOOST_AUTO_TEST_CASE(rejects_bad_input) {
  const arma::vec eps{1e-1, 1e-2};
  check_rejects([&] { kata::convergence_order(eps, arma::vec{1.0, 2.0, 3.0}); }, "convergence_order()",
                "2 eps and 3 errors");
  check_rejects([] { kata::convergence_order(arma::vec{1e-1}, arma::vec{1.0}); }, "convergence_order()", "1 point");
  check_rejects([&] { kata::convergence_order(eps, arma::vec{1.0, 0.0}); }, "convergence_order()", "an error of 0");
  check_rejects([] { kata::convergence_order(arma::vec{-1e-1, 1e-2}, arma::vec{1.0, 2.0}); }, "convergence_order()",
                "a negative eps");
  check_rejects([&] { kata::convergence_order(eps, arma::vec{kNaN, 1.0}); }, "convergence_order()", "a NaN error");
  check_rejects([] { kata::convergence_order(arma::vec{1e-3, 1e-3}, arma::vec{1.0, 2.0}); }, "convergence_order()",
                "all eps equal");
}

BOOST_AUTO_TEST_SUITE_END()
