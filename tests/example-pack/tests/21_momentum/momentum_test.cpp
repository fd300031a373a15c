// Lesson 12 checks (the example lesson pack). Each case is one CTest test ("check"); a failure says what
// was expected, what came out, the tolerance and the likely mistake (tests/support/kata_test.hpp).
//
// Golden values: by hand where the numbers are exact in binary (beta = 0.5), else computed with numpy 1.24
// by the plain loop of the course, v = beta * v + (1 - beta) * theta_t, printed with repr(); never taken from
// the reference solution. Tolerances: an implementation may order the same arithmetic differently
// (v + (1 - beta)(theta_t - v) is the same average); on these inputs that moves entries by at most 4e-15
// (measured with numpy), so 1e-12 leaves room, while every mistake of tests/mistakes/21_momentum that changes
// a value moves some entry by more than 1e-2.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <string>

#include "kata_test.hpp"
#include "momentum.hpp"

using kata::test::check_close;
using kata::test::check_mat_close;
using kata::test::check_rejects;
using kata::test::show;

namespace {

constexpr double kTol = 1e-12;  // see the top of the file

// Ten "daily temperatures", the course's running example of an average over about 1 / (1 - beta) days.
const arma::vec temperatures = {10, 12, 9, 14, 15, 11, 13, 16, 12, 10};

// numpy: v = 0; for x in theta: v = 0.9 * v + 0.1 * x  (repr of each v)
const arma::vec ewa_09 = {0.9999999999999998, 2.0999999999999996, 2.7899999999999996, 3.9109999999999996, 5.0199,
                          5.617909999999999,  6.356119,           7.3205070999999995, 7.788456389999999,
                          8.009610750999999};

// numpy: the same v divided by (1 - 0.9 ** t), t = 1 .. 10
const arma::vec ewa_corrected_09 = {10.0, 11.05263157894737, 10.295202952029522, 11.372492003489386,
                                    12.258308710410004, 11.989760094246401, 12.183402782157133,
                                    12.853530522799224, 12.714196688174901, 12.297475232095413};

// beta must be in [0, 1): 1 itself, the double just above it, negatives, and what is no number at all.
const double bad_betas[] = {1.0,
                            std::nextafter(1.0, 2.0),
                            1.5,
                            -0.1,
                            -std::numeric_limits<double>::denorm_min(),
                            kata::test::kNaN,
                            kata::test::kInf,
                            -kata::test::kInf};

std::string shape(const arma::mat& M) { return std::to_string(M.n_rows) + " x " + std::to_string(M.n_cols); }

}  // namespace

BOOST_AUTO_TEST_SUITE(ewa, *boost::unit_test::description("task 1: exponentially weighted averages"))

BOOST_AUTO_TEST_CASE(averages_ten_days_with_beta_0_9) {
  const arma::vec v = kata::ewa(temperatures, 0.9);
  BOOST_REQUIRE_MESSAGE(v.n_elem == 10, "ewa() of 10 values must return 10 averages, got " << v.n_elem);
  // The first average tells the most common slip apart: v_0 = 0, not theta_1.
  check_close(v(0), ewa_09(0), kTol, "ewa(theta, 0.9): v_1",
              v(0) == temperatures(0) ? "v starts at 0 (v_0 = 0), not at the first value: v_1 = (1 - beta) * theta_1"
                                      : "v_1 = beta * 0 + (1 - beta) * theta_1");
  check_mat_close(v, ewa_09, kTol, "ewa(theta, 0.9)", "v_t = beta * v_(t-1) + (1 - beta) * theta_t, from v_0 = 0");
}

BOOST_AUTO_TEST_CASE(averages_by_hand_with_beta_one_half) {
  // By hand: v = 0.5 * 0 + 0.5 * 4 = 2; 0.5 * 2 + 0.5 * 8 = 5; 0.5 * 5 + 0.5 * 2 = 3.5; 0.5 * 3.5 + 0.5 * 6 = 4.75.
  // Tolerance 0: every intermediate is a multiple of 1/8 below 16, exact in binary in any order of operations.
  check_mat_close(kata::ewa(arma::vec{4, 8, 2, 6}, 0.5), arma::vec{2, 5, 3.5, 4.75}, 0.0, "ewa({4, 8, 2, 6}, 0.5)",
                  "each step keeps beta of the previous average and adds (1 - beta) of the new value");
}

BOOST_AUTO_TEST_CASE(beta_zero_is_the_sequence_itself) {
  // Tolerance 0: 0 * v + 1 * theta_t is theta_t exactly.
  check_mat_close(kata::ewa(temperatures, 0.0), temperatures, 0.0, "ewa(theta, 0)",
                  "with beta = 0 nothing of the past is kept: v_t = theta_t");
}

BOOST_AUTO_TEST_CASE(an_empty_sequence_has_an_empty_average) {
  const arma::vec v = kata::ewa(arma::vec(), 0.9);
  BOOST_CHECK_MESSAGE(v.n_elem == 0, "ewa() of an empty sequence must be empty, got " << v.n_elem << " values");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ewa_corrected, *boost::unit_test::description("task 2: bias correction"))

BOOST_AUTO_TEST_CASE(corrects_ten_days_with_beta_0_9) {
  const arma::vec v = kata::ewa_corrected(temperatures, 0.9);
  BOOST_REQUIRE_MESSAGE(v.n_elem == 10, "ewa_corrected() of 10 values must return 10 averages, got " << v.n_elem);
  check_mat_close(v, ewa_corrected_09, kTol, "ewa_corrected(theta, 0.9)",
                  "divide v_t by 1 - beta^t, counting t from 1; the recursion itself runs on the uncorrected v");
}

BOOST_AUTO_TEST_CASE(the_first_corrected_average_is_the_first_value) {
  // v_1 / (1 - beta) = (1 - beta) * theta_1 / (1 - beta): the correction undoes the start at 0.
  const arma::vec v = kata::ewa_corrected(temperatures, 0.98);
  BOOST_REQUIRE_MESSAGE(v.n_elem == 10, "ewa_corrected() of 10 values must return 10 averages, got " << v.n_elem);
  check_close(v(0), 10.0, kTol, "ewa_corrected(theta, 0.98): the first average",
              std::isinf(v(0)) ? "the first step is t = 1: 1 - beta^0 = 0 divides by zero"
                               : "the first step divides by 1 - beta^1");
}

BOOST_AUTO_TEST_CASE(a_constant_sequence_is_its_own_average) {
  // Every corrected average of c, c, c, ... is c (the uncorrected ones are (1 - beta^t) * c); 50 steps.
  const arma::vec v = kata::ewa_corrected(arma::vec(50, arma::fill::value(3.7)), 0.98);
  check_mat_close(v, arma::vec(50, arma::fill::value(3.7)), kTol, "ewa_corrected(50 times 3.7, 0.98)",
                  "divide each v_t by 1 - beta^t with the t of that step, and do not feed corrected values back "
                  "into the recursion");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(momentum_step, *boost::unit_test::description("task 3: momentum"))

BOOST_AUTO_TEST_CASE(one_step_with_alpha_0_1_and_beta_0_9) {
  const arma::mat W = {{0.5, -1.0, 2.0}, {1.5, 0.25, -0.75}};
  const arma::mat dW = {{0.2, -0.4, 1.0}, {-0.6, 0.8, 0.1}};
  const arma::mat V = {{0.1, 0.0, -0.3}, {0.05, -0.2, 0.4}};
  // numpy: Vn = 0.9 * V + 0.1 * dW; Wn = W - 0.1 * Vn
  const arma::mat V_expected = {{0.11000000000000001, -0.03999999999999999, -0.17000000000000004},
                                {-0.01499999999999998, -0.10000000000000003, 0.37000000000000005}};
  const arma::mat W_expected = {{0.489, -0.996, 2.017}, {1.5015, 0.26, -0.787}};
  const kata::MomentumStep step = kata::momentum_step(W, dW, V, 0.1, 0.9);
  check_mat_close(step.V, V_expected, kTol, "momentum_step(): the new velocity V",
                  "V' = beta * V + (1 - beta) * dW, the average of the gradients");
  std::string hint = "W' = W - alpha * V', with the NEW velocity";
  if (arma::approx_equal(step.W, W - 0.1 * dW, "absdiff", kTol)) hint = "the step goes along V', not the raw gradient dW";
  else if (arma::approx_equal(step.W, W - 0.1 * V, "absdiff", kTol)) hint = "update V first, then step with the new V'";
  check_mat_close(step.W, W_expected, kTol, "momentum_step(): the new weights W", hint);
}

BOOST_AUTO_TEST_CASE(beta_zero_is_plain_gradient_descent) {
  const arma::mat W = {{1.0, 2.0}, {3.0, 4.0}};
  const arma::mat dW = {{0.5, -0.25}, {1.0, 2.0}};
  const arma::mat V = {{9.0, 9.0}, {9.0, 9.0}};  // forgotten entirely with beta = 0
  const kata::MomentumStep step = kata::momentum_step(W, dW, V, 0.5, 0.0);
  // Tolerance 0: 0 * V + 1 * dW is dW exactly, and W - 0.5 * dW is exact for these numbers (by hand).
  check_mat_close(step.V, dW, 0.0, "momentum_step(beta = 0): V", "with beta = 0 the velocity is the gradient");
  check_mat_close(step.W, arma::mat{{0.75, 2.125}, {2.5, 3.0}}, 0.0, "momentum_step(beta = 0): W",
                  "with beta = 0 the step is W - alpha * dW");
}

BOOST_AUTO_TEST_CASE(empty_weights_give_empty_results) {
  const arma::mat E(0, 3);
  const kata::MomentumStep step = kata::momentum_step(E, E, E, 0.1, 0.9);
  BOOST_CHECK_MESSAGE(step.W.n_rows == 0 && step.W.n_cols == 3 && step.V.n_rows == 0 && step.V.n_cols == 3,
                      "momentum_step() of 0 x 3 matrices must return 0 x 3 matrices, got W " << shape(step.W)
                                                                                              << " and V "
                                                                                              << shape(step.V));
}

BOOST_AUTO_TEST_SUITE_END()

// Harden it: every argument that can be wrong; each rejection is a std::invalid_argument whose message
// starts with the function's name and names what is wrong.
BOOST_AUTO_TEST_SUITE(bad_input, *boost::unit_test::description("task 4: harden it"))

BOOST_AUTO_TEST_CASE(ewa_rejects_a_beta_outside_0_to_1) {
  for (const double beta : bad_betas) {
    check_rejects([&] { kata::ewa(temperatures, beta); }, "ewa()", "beta = " + show(beta), "beta");
    check_rejects([&] { kata::ewa(arma::vec(), beta); }, "ewa()", "beta = " + show(beta) + " with an empty theta",
                  "beta");
  }
}

BOOST_AUTO_TEST_CASE(ewa_corrected_rejects_a_beta_outside_0_to_1_under_its_own_name) {
  for (const double beta : bad_betas)
    check_rejects([&] { kata::ewa_corrected(temperatures, beta); }, "ewa_corrected()", "beta = " + show(beta),
                  "beta");
}

BOOST_AUTO_TEST_CASE(momentum_step_rejects_shapes_that_differ) {
  const arma::mat W(2, 3, arma::fill::ones);
  const arma::mat wrong[] = {arma::mat(3, 2, arma::fill::ones), arma::mat(2, 4, arma::fill::ones),
                             arma::mat(1, 3, arma::fill::ones), arma::mat()};
  for (const arma::mat& M : wrong) {
    check_rejects([&] { kata::momentum_step(W, M, W, 0.1, 0.9); }, "momentum_step()",
                  "a " + shape(M) + " dW for a 2 x 3 W", "dW");
    check_rejects([&] { kata::momentum_step(W, W, M, 0.1, 0.9); }, "momentum_step()",
                  "a " + shape(M) + " V for a 2 x 3 W", "V");
  }
}

BOOST_AUTO_TEST_CASE(momentum_step_rejects_a_bad_alpha_or_beta) {
  const arma::mat W(2, 3, arma::fill::ones);
  for (const double alpha : {0.0, -0.1, kata::test::kNaN, kata::test::kInf})
    check_rejects([&] { kata::momentum_step(W, W, W, alpha, 0.9); }, "momentum_step()", "alpha = " + show(alpha),
                  "alpha");
  for (const double beta : bad_betas)
    check_rejects([&] { kata::momentum_step(W, W, W, 0.1, beta); }, "momentum_step()", "beta = " + show(beta),
                  "beta");
}

BOOST_AUTO_TEST_SUITE_END()
