// Lesson 03 checks. Each case is one CTest test ("check"); messages say what was expected and why.
// Golden values are computed by hand in the comments next to them. The checks are grouped by the
// README's tasks (each top-level suite's description, "task N: ..."): the idea first, suite by suite;
// the bad-input checks form the last task, "harden it".
#include "l2_regularization.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kata/network.hpp"
#include "kata_test.hpp"

namespace utf = boost::unit_test;
using kata::test::check_close_rel;
using kata::test::check_mat_close;
using kata::test::check_rejects;

using kata::test::returns;

namespace {

using kata::test::kInf;
using kata::test::kNaN;
using kata::test::show;

// A 1 × 1 matrix ({{x}} alone is ambiguous for arma::mat's constructors).
arma::mat scalar(double x) {
  arma::mat s(1, 1);
  s(0, 0) = x;
  return s;
}

// Two layers with fan_in != fan_out, so a transpose or a wrong sum shows:
//   W1 = [1 2; 3 4]  (||W1||_F² = 1 + 4 + 9 + 16 = 30, ||W1||_1 = 10)
//   W2 = [1 -1 2]    (||W2||_F² = 1 + 1 + 4 = 6,        ||W2||_1 = 4)
// (W2 is 1 × 3 only to make the arithmetic easy; the functions accept any shapes.)
std::vector<arma::mat> two_layers() {
  return {arma::mat{{1.0, 2.0}, {3.0, 4.0}}, arma::mat{{1.0, -1.0, 2.0}}};
}

// A 3 × 4 weight matrix with no zero entries and no entry within 1e-3 of 0.
arma::mat random_weights(unsigned seed) {
  kata::Rng rng(seed);
  arma::mat W = rng.randn(3, 4);
  W.elem(arma::find(arma::abs(W) < 0.1)).fill(0.5);
  return W;
}

// Central differences of f at every entry of W: (f(W + ε e_ij) − f(W − ε e_ij)) / 2ε.
template <typename F>
arma::mat numeric_gradient(const arma::mat& W, F f) {
  const double eps = 1e-6;
  arma::mat g(arma::size(W));
  for (arma::uword i = 0; i < W.n_elem; ++i) {
    arma::mat plus = W, minus = W;
    plus(i) += eps;
    minus(i) -= eps;
    g(i) = (f(plus) - f(minus)) / (2.0 * eps);
  }
  return g;
}

// The checks of kata_test.hpp on what a call returned; a throw fails the check naming the call.
template <typename F>
void check_returns_close(const std::string& call, F&& f, double expected, double tol, const std::string& hint = "") {
  if (const auto got = returns(call, f)) kata::test::check_close(*got, expected, tol, call, hint);
}
template <typename F>
void check_returns_close_rel(const std::string& call, F&& f, double expected, double rel,
                             const std::string& hint = "") {
  if (const auto got = returns(call, f)) check_close_rel(*got, expected, rel, call, hint);
}
template <typename F>
void check_returns_mat(const std::string& call, F&& f, const arma::mat& expected, double tol,
                       const std::string& hint = "") {
  if (const auto got = returns(call, f)) check_mat_close(*got, expected, tol, call, hint);
}
// Exact equality, for results the contract fixes to the last bit (x + 0, nothing added).
template <typename F>
void check_returns_exactly(const std::string& call, F&& f, double expected, const std::string& hint) {
  if (const auto got = returns(call, f))
    BOOST_CHECK_MESSAGE(*got == expected, call << " must return " << show(expected) << " exactly, got " << show(*got)
                                               << kata::test::hint_suffix(hint));
}

// Rejections shared by every function that takes (lambda, m): call(input, lambda, m) runs the function
// on `usual` and on each of `empties` (no layers, 0 x n, n x 0: valid inputs with nothing to sum). An
// empty input is no reason to skip the checks, so a shortcut like `if (W.empty()) return ...;` placed
// before validation is caught for every function that uses this helper. The message must name lambda
// when lambda is bad (so a rejection of a valid argument next to it does not count).
template <typename Input, typename F>
void check_lambda_m_rejected(F call, const std::string& fn, const Input& usual,
                             const std::vector<std::pair<std::string, Input>>& empties) {
  check_rejects([&] { call(usual, -0.1, 5); }, fn, "lambda = -0.1", "lambda");
  check_rejects([&] { call(usual, kNaN, 5); }, fn, "lambda = NaN", "lambda");
  check_rejects([&] { call(usual, kInf, 5); }, fn, "lambda = Inf", "lambda");
  check_rejects([&] { call(usual, 0.7, 0); }, fn, "m = 0");
  check_rejects([&] { call(usual, -kInf, 5); }, fn, "lambda = -Inf", "lambda");
  check_rejects([&] { call(usual, -0.1, 1); }, fn, "lambda = -0.1 with m = 1", "lambda");
  check_rejects([&] { call(usual, 0.0, 0); }, fn, "m = 0 with lambda = 0 (validate before any lambda = 0 shortcut)");
  for (const auto& empty : empties) {
    const Input& input = empty.second;
    const std::string with = " with " + empty.first + " (validate before any shortcut for an empty input)";
    check_rejects([&] { call(input, -1.0, 5); }, fn, "lambda = -1" + with, "lambda");
    check_rejects([&] { call(input, kNaN, 1); }, fn, "lambda = NaN, m = 1" + with, "lambda");
    check_rejects([&] { call(input, 0.7, 0); }, fn, "m = 0" + with);
    check_rejects([&] { call(input, -1.0, 0); }, fn, "lambda = -1 and m = 0" + with);
    check_rejects([&] { call(input, 0.0, 0); }, fn, "m = 0 with lambda = 0" + with);
  }
}

using Layers = std::vector<arma::mat>;

// The empty inputs: for the functions that take a list of layers, and for those that take one matrix W.
const std::vector<std::pair<std::string, Layers>> empty_layer_lists = {
    {"no layers {}", {}},
    {"one empty layer 0 x 3", {arma::mat(0, 3)}},
    {"an empty last layer 3 x 0", {scalar(1.0), arma::mat(3, 0)}}};
const std::vector<std::pair<std::string, arma::mat>> empty_matrices = {
    {"an empty W 0 x 3", arma::mat(0, 3)}, {"an empty W 2 x 0", arma::mat(2, 0)}, {"an empty W 0 x 0", arma::mat()}};

}  // namespace

BOOST_AUTO_TEST_SUITE(frobenius_squared, *utf::description("task 1: the l2 penalty"))

BOOST_AUTO_TEST_CASE(golden_values) {
  // 30 and 6 from the comment on two_layers(); all exact in binary floating point.
  const auto W = two_layers();
  check_returns_close_rel("frobenius_squared([1 2; 3 4])", [&] { return kata::frobenius_squared(W[0]); }, 30.0, 1e-15,
                          "sum of the SQUARED entries: 1 + 4 + 9 + 16");
  check_returns_close_rel("frobenius_squared([1 -1 2])", [&] { return kata::frobenius_squared(W[1]); }, 6.0, 1e-15,
                          "square before summing, so -1 counts as +1");
  check_returns_close("frobenius_squared(0 x 3 matrix)", [] { return kata::frobenius_squared(arma::mat(0, 3)); }, 0.0,
                      0.0, "an empty matrix has no entries: 0");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(l2_penalty, *utf::description("task 1: the l2 penalty"))

BOOST_AUTO_TEST_CASE(golden_value) {
  // λ = 0.7, m = 5: (0.7 / 10) · (30 + 6) = 2.52. Relative 1e-12 allows rounding in the sums only.
  check_returns_close_rel("l2_penalty({[1 2; 3 4], [1 -1 2]}, 0.7, 5)", [] { return kata::l2_penalty(two_layers(), 0.7, 5); },
                          2.52, 1e-12,
                          "the notes' term is lambda/(2m) times the SUM over layers of ||W||_F^2 (5.04 means "
                          "lambda/m; 25.2 means no 1/m)");
  // One layer, λ = 2, m = 1: (2/2) · 30 = 30.
  check_returns_close_rel("l2_penalty({[1 2; 3 4]}, 2, 1)", [] { return kata::l2_penalty({two_layers()[0]}, 2.0, 1); },
                          30.0, 1e-12);
}

BOOST_AUTO_TEST_CASE(lambda_zero_and_no_layers_give_zero) {
  check_returns_close("l2_penalty({[1 2; 3 4], [1 -1 2]}, 0, 5)", [] { return kata::l2_penalty(two_layers(), 0.0, 5); },
                      0.0, 0.0, "lambda = 0: no penalty");
  check_returns_close("l2_penalty({}, 0.7, 5)", [] { return kata::l2_penalty({}, 0.7, 5); }, 0.0, 0.0,
                      "no layers: nothing to penalize");
}

BOOST_AUTO_TEST_CASE(empty_layers_and_one_example) {
  // An empty matrix adds nothing: (0.7 / 10) · (30 + 0 + 6) = 2.52 as before. m = 1, λ = 0.5, one layer:
  // (0.5 / 2) · 30 = 7.5 (15 would be λ/m). Relative 1e-12: rounding in the sums only.
  check_returns_close_rel("l2_penalty({[1 2; 3 4], 0 x 4, [1 -1 2]}, 0.7, 5)",
                          [] { return kata::l2_penalty({two_layers()[0], arma::mat(0, 4), two_layers()[1]}, 0.7, 5); },
                          2.52, 1e-12, "an empty layer is valid and adds 0");
  check_returns_close_rel("l2_penalty({[1 2; 3 4]}, 0.5, 1)", [] { return kata::l2_penalty({two_layers()[0]}, 0.5, 1); },
                          7.5, 1e-12, "lambda/(2m) with m = 1 is lambda/2");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(regularized_cost, *utf::description("task 2: the regularized cost"))

BOOST_AUTO_TEST_CASE(golden_value) {
  // 0.5 + (0.7 / 10) · 36 = 0.5 + 2.52 = 3.02.
  check_returns_close_rel("regularized_cost(0.5, {[1 2; 3 4], [1 -1 2]}, 0.7, 5)",
                          [] { return kata::regularized_cost(0.5, two_layers(), 0.7, 5); }, 3.02, 1e-12,
                          "J = data cost + (lambda/2m) sum ||W||_F^2 (0.5 means the penalty is missing)");
}

BOOST_AUTO_TEST_CASE(lambda_zero_changes_nothing) {
  check_returns_exactly("regularized_cost(log 2, {[1 2; 3 4], [1 -1 2]}, 0, 5)",
                        [] { return kata::regularized_cost(0.6931471805599453, two_layers(), 0.0, 5); },
                        0.6931471805599453, "lambda = 0 adds a penalty of exactly 0: J is the data cost");
}

BOOST_AUTO_TEST_CASE(no_layers_and_one_example) {
  check_returns_exactly("regularized_cost(0.25, {}, 0.7, 5)", [] { return kata::regularized_cost(0.25, {}, 0.7, 5); },
                        0.25, "no layers: the penalty is 0 and J is the data cost");
  // m = 1, λ = 0.5: 0.25 + (0.5 / 2) · 6 = 1.75.
  check_returns_close_rel("regularized_cost(0.25, {[1 -1 2]}, 0.5, 1)",
                          [] { return kata::regularized_cost(0.25, {two_layers()[1]}, 0.5, 1); }, 1.75, 1e-12);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(l2_gradient, *utf::description("task 3: the l2 gradient"))

BOOST_AUTO_TEST_CASE(golden_value) {
  // λ = 0.7, m = 5: (0.7 / 5) · W = 0.14 · [1 2; 3 4] = [0.14 0.28; 0.42 0.56]. Tolerance 1e-15: one
  // multiplication's rounding on numbers below 1.
  check_returns_mat("l2_gradient([1 2; 3 4], 0.7, 5)", [] { return kata::l2_gradient(two_layers()[0], 0.7, 5); },
                    arma::mat{{0.14, 0.28}, {0.42, 0.56}}, 1e-15,
                    "the notes add (lambda/m) W to dW; [1.4 ...] means the 1/m is missing, [0.07 ...] means "
                    "lambda/(2m)");
  // Shape follows W, including a non-square one.
  check_returns_mat("l2_gradient([1 -1 2], 2, 4)", [] { return kata::l2_gradient(two_layers()[1], 2.0, 4); },
                    arma::mat{{0.5, -0.5, 1.0}}, 1e-15);
}

// The penalty is quadratic, so central differences are exact up to rounding: |error| ≲ 1e-16·P/ε ≈ 1e-9.
BOOST_AUTO_TEST_CASE(gradient_equals_finite_difference_of_penalty) {
  const arma::mat W = random_weights(3);
  const double lambda = 0.7;
  const arma::uword m = 8;
  const auto numeric = returns("l2_penalty({W}, 0.7, 8) at W +- 1e-6 (for central differences)", [&] {
    return numeric_gradient(W, [&](const arma::mat& V) { return kata::l2_penalty({V}, lambda, m); });
  });
  if (!numeric) return;
  check_returns_mat("l2_gradient(W, 0.7, 8) vs central differences of l2_penalty({W}, 0.7, 8)",
                    [&] { return kata::l2_gradient(W, lambda, m); }, *numeric, 1e-8,
                    "d/dW of (lambda/2m)||W||^2 is (lambda/m) W: the 2 from the square cancels the 1/2");
}

BOOST_AUTO_TEST_CASE(lambda_zero_gives_zero) {
  check_returns_mat("l2_gradient(3 x 4 W, 0, 3)", [] { return kata::l2_gradient(random_weights(5), 0.0, 3); },
                    arma::zeros(3, 4), 0.0, "lambda = 0: the penalty adds nothing to dW");
}

BOOST_AUTO_TEST_CASE(empty_weights_and_one_example) {
  check_returns_mat("l2_gradient(0 x 3 matrix, 0.7, 5)", [] { return kata::l2_gradient(arma::mat(0, 3), 0.7, 5); },
                    arma::mat(0, 3), 0.0, "any shape is valid, an empty one too: the gradient has W's shape");
  // m = 1: λ W = 0.5 · [1 -1 2].
  check_returns_mat("l2_gradient([1 -1 2], 0.5, 1)", [] { return kata::l2_gradient(two_layers()[1], 0.5, 1); },
                    arma::mat{{0.5, -0.5, 1.0}}, 1e-15);
}

BOOST_AUTO_TEST_SUITE_END()

// The lesson's functions plugged into the support network (kata/network.hpp) as its L2 hooks, the way
// the experiment uses them. The hooks only ever see weights, so biases are never regularized: after one
// full-batch step from the same start, b is the same with and without λ, and W differs by exactly the
// decay α(λ/m)W.
BOOST_AUTO_TEST_SUITE(network_hooks, *utf::description("task 3: the l2 gradient"))

kata::Hooks l2_hooks(double lambda) {
  kata::Hooks h;
  h.penalty = [lambda](const std::vector<arma::mat>& W, double m) {
    return kata::l2_penalty(W, lambda, static_cast<arma::uword>(m));
  };
  h.penalty_gradient = [lambda](const arma::mat& W, double m) {
    return kata::l2_gradient(W, lambda, static_cast<arma::uword>(m));
  };
  return h;
}

BOOST_AUTO_TEST_CASE(one_step_decays_weights_and_leaves_biases_alone) {
  kata::Rng rng(31);
  const arma::mat X = rng.randn(2, 10);
  const arma::mat Y = arma::conv_to<arma::mat>::from(X.row(0) + X.row(1) > 0.0);
  kata::Params start = kata::initialize_he({2, 5, 3, 1}, rng);
  for (auto& b : start.b) b.fill(0.1);
  kata::TrainOptions opt;
  opt.learning_rate = 0.3;
  opt.epochs = 1;
  kata::Params plain = start, decayed = start;
  kata::Rng r1(1), r2(1);
  const kata::History h0 = kata::train(plain, X, Y, opt, {}, r1);
  const auto h1 = returns("one training step of the network [2, 5, 3, 1] with l2_penalty(W, 0.7, 10) and "
                          "l2_gradient(W, 0.7, 10) as its hooks",
                          [&] { return kata::train(decayed, X, Y, opt, l2_hooks(0.7), r2); });
  if (!h1) return;
  // The cost recorded before the step differs by exactly the penalty (1e-12: sums of ~10 terms).
  double sum_sq = 0.0;
  for (const auto& W : start.W) sum_sq += arma::accu(arma::square(W));
  kata::test::check_close(h1->train_cost[0] - h0.train_cost[0], 0.7 / 20.0 * sum_sq, 1e-12,
                          "network cost with the L2 hook minus without",
                          "the hook adds (lambda/2m) sum ||W||_F^2");
  for (std::size_t l = 0; l < start.W.size(); ++l) {
    const std::string layer = "layer " + std::to_string(l + 1);
    // Tolerance 1e-14: the two updates differ by one multiplication and subtraction.
    check_mat_close(decayed.W[l], plain.W[l] - 0.3 * (0.7 / 10.0) * start.W[l], 1e-14,
                    layer + " W after one step with lambda = 0.7", "dW gains (lambda/m) W");
    check_mat_close(decayed.b[l], plain.b[l], 0.0, layer + " b after one step", "biases are not regularized");
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(weight_decay_step, *utf::description("task 4: weight decay"))

BOOST_AUTO_TEST_CASE(golden_value) {
  // α = 0.5, λ = 0.7, m = 5: decay 1 − 0.5·0.7/5 = 0.93; W := 0.93 [1 2; 3 4] − 0.5 [0.1 0.2; 0.3 0.4]
  //   = [0.93 − 0.05, 1.86 − 0.1; 2.79 − 0.15, 3.72 − 0.2] = [0.88 1.76; 2.64 3.52]. Tolerance 1e-14:
  // a few roundings on numbers below 4.
  check_returns_mat("weight_decay_step([1 2; 3 4], [0.1 0.2; 0.3 0.4], 0.5, 0.7, 5)",
                    [] { return kata::weight_decay_step(two_layers()[0], arma::mat{{0.1, 0.2}, {0.3, 0.4}}, 0.5, 0.7, 5); },
                    arma::mat{{0.88, 1.76}, {2.64, 3.52}}, 1e-14,
                    "the decay factor is (1 - alpha*lambda/m), not (1 - lambda) or (1 - alpha*lambda)");
}

BOOST_AUTO_TEST_CASE(decay_step_equals_gradient_step_on_regularized_cost) {
  const arma::mat W = random_weights(6), dW = random_weights(7);
  const double alpha = 0.3, lambda = 0.7;
  const arma::uword m = 8;
  // The gradient of J = data + (λ/2m)||W||² is dW + (λ/m) W, written out here (not with l2_gradient).
  // Tolerance 1e-14: a few roundings on entries of size ~1.
  const arma::mat expected = W - alpha * (dW + lambda / 8.0 * W);
  check_returns_mat("weight_decay_step(W, dW, 0.3, 0.7, 8) vs W - 0.3 (dW + (0.7/8) W)",
                    [&] { return kata::weight_decay_step(W, dW, alpha, lambda, m); }, expected, 1e-14,
                    "weight decay is just gradient descent on the regularized cost");
}

BOOST_AUTO_TEST_CASE(lambda_zero_is_a_plain_step) {
  const arma::mat W = random_weights(8), dW = random_weights(9);
  // Tolerance 1e-15: one rounding on entries of size ~1.
  check_returns_mat("weight_decay_step(W, dW, 0.1, 0, 8)", [&] { return kata::weight_decay_step(W, dW, 0.1, 0.0, 8); },
                    W - 0.1 * dW, 1e-15, "with lambda = 0 nothing decays: W - alpha dW");
}

BOOST_AUTO_TEST_CASE(one_example_and_empty_weights) {
  // m = 1, α = 0.5, λ = 0.7: decay 1 − 0.35 = 0.65; 0.65 [1 -1 2] − 0.5 [0.2 0.4 -0.6] = [0.55 -0.85 1.6].
  // Tolerance 1e-15: two roundings on numbers below 2.
  check_returns_mat("weight_decay_step([1 -1 2], [0.2 0.4 -0.6], 0.5, 0.7, 1)",
                    [] { return kata::weight_decay_step(two_layers()[1], arma::mat{{0.2, 0.4, -0.6}}, 0.5, 0.7, 1); },
                    arma::mat{{0.55, -0.85, 1.6}}, 1e-15, "decay (1 - alpha*lambda/m) = 0.65 with m = 1");
  check_returns_mat("weight_decay_step(3 x 0, 3 x 0, 0.5, 0.7, 5)",
                    [] { return kata::weight_decay_step(arma::mat(3, 0), arma::mat(3, 0), 0.5, 0.7, 5); },
                    arma::mat(3, 0), 0.0, "empty matrices of the same shape are valid");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(l1_penalty, *utf::description("task 5: l1 instead of l2"))

BOOST_AUTO_TEST_CASE(golden_value) {
  // λ = 0.7, m = 5: (0.7 / 10) · (10 + 4) = 0.98 (the notes' λ/2m; 1.96 would be the λ/m convention).
  check_returns_close_rel("l1_penalty({[1 2; 3 4], [1 -1 2]}, 0.7, 5)", [] { return kata::l1_penalty(two_layers(), 0.7, 5); },
                          0.98, 1e-12, "sum of ABSOLUTE values times lambda/(2m) (the notes' scaling)");
  check_returns_close("l1_penalty({[1 2; 3 4], [1 -1 2]}, 0, 5)", [] { return kata::l1_penalty(two_layers(), 0.0, 5); },
                      0.0, 0.0, "lambda = 0: no penalty");
}

BOOST_AUTO_TEST_CASE(empty_layers_and_one_example) {
  // (0.5 / 2) · (10 + 0 + 4) = 3.5 with m = 1 (7 would be λ/m).
  check_returns_close_rel("l1_penalty({[1 2; 3 4], 3 x 0, [1 -1 2]}, 0.5, 1)",
                          [] { return kata::l1_penalty({two_layers()[0], arma::mat(3, 0), two_layers()[1]}, 0.5, 1); },
                          3.5, 1e-12, "sum of |w| over all layers (an empty one adds 0) times lambda/(2m)");
  check_returns_close("l1_penalty({}, 0.7, 5)", [] { return kata::l1_penalty({}, 0.7, 5); }, 0.0, 0.0,
                      "no layers: nothing to penalize");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(l1_subgradient, *utf::description("task 5: l1 instead of l2"))

BOOST_AUTO_TEST_CASE(golden_value_with_zeros) {
  // λ = 1, m = 2: (1/4) · sign([2 0 -3; -0 0.5 -1e-300]) = [0.25 0 -0.25; 0 0.25 -0.25].
  const arma::mat W{{2.0, 0.0, -3.0}, {-0.0, 0.5, -1e-300}};
  const auto got = returns("l1_subgradient([2 0 -3; -0 0.5 -1e-300], 1, 2)", [&] { return kata::l1_subgradient(W, 1.0, 2); });
  if (!got) return;
  BOOST_CHECK_MESSAGE(got->is_finite(), "l1_subgradient([2 0 -3; -0 0.5 -1e-300], 1, 2) returned NaN or Inf for a "
                                        "matrix with zero entries"
                                            << kata::test::hint_suffix("W / |W| is 0/0 = NaN at w = 0: use "
                                                                       "sign(w), with sign(0) = 0"));
  check_mat_close(*got, arma::mat{{0.25, 0.0, -0.25}, {0.0, 0.25, -0.25}}, 0.0,
                  "l1_subgradient([2 0 -3; -0 0.5 -1e-300], 1, 2)",
                  "(lambda/2m) sign(W), sign(0) = 0: a zero weight gets no push");
}

// Away from 0 the L1 penalty is linear in each weight: central differences are exact up to rounding.
BOOST_AUTO_TEST_CASE(subgradient_equals_finite_difference_away_from_zero) {
  const arma::mat W = random_weights(4);  // no |w| < 0.1, so w ± 1e-6 keeps its sign
  const auto numeric = returns("l1_penalty({W}, 0.7, 8) at W +- 1e-6 (for central differences)", [&] {
    return numeric_gradient(W, [](const arma::mat& V) { return kata::l1_penalty({V}, 0.7, 8); });
  });
  if (!numeric) return;
  check_returns_mat("l1_subgradient(W, 0.7, 8) vs central differences of l1_penalty({W}, 0.7, 8)",
                    [&] { return kata::l1_subgradient(W, 0.7, 8); }, *numeric, 1e-8,
                    "d/dw of (lambda/2m)|w| is (lambda/2m) sign(w)");
}

BOOST_AUTO_TEST_CASE(empty_weights_and_lambda_zero) {
  check_returns_mat("l1_subgradient(2 x 0 matrix, 0.7, 5)", [] { return kata::l1_subgradient(arma::mat(2, 0), 0.7, 5); },
                    arma::mat(2, 0), 0.0, "any shape is valid, an empty one too");
  check_returns_mat("l1_subgradient([2 0 -3], 0, 1)", [] { return kata::l1_subgradient(arma::mat{{2.0, 0.0, -3.0}}, 0.0, 1); },
                    arma::mat{{0.0, 0.0, 0.0}}, 0.0, "lambda = 0: no push at all (and no NaN at w = 0)");
}

BOOST_AUTO_TEST_SUITE_END()

// Harden it: every argument, layer and entry that can be bad, also next to special-but-valid values of
// the others (lambda = 0, m = 1, empty or non-square matrices). Validation never depends on lambda. Where
// a valid special value sits next to the bad one, the message must name the bad argument as the header
// calls it (lambda, weights, W, data_cost, alpha, dW_data), so a rejection of the valid one does not count.
BOOST_AUTO_TEST_SUITE(bad_input, *utf::description("task 6: harden it"))

BOOST_AUTO_TEST_CASE(frobenius_squared_rejects) {
  check_rejects([] { kata::frobenius_squared(arma::mat{{1.0, kNaN}}); }, "frobenius_squared()", "a NaN entry");
  check_rejects([] { kata::frobenius_squared(arma::mat{{kInf, 1.0}}); }, "frobenius_squared()", "an Inf entry");
  check_rejects([] { kata::frobenius_squared(arma::mat{{1.0, 2.0, 3.0}, {4.0, 5.0, -kInf}}); }, "frobenius_squared()",
                "-Inf in the last entry");
}

BOOST_AUTO_TEST_CASE(l2_penalty_rejects) {
  check_lambda_m_rejected([](const Layers& w, double l, arma::uword m) { kata::l2_penalty(w, l, m); }, "l2_penalty()",
                          two_layers(), empty_layer_lists);
  check_rejects([] { kata::l2_penalty({scalar(1.0), scalar(kNaN)}, 0.7, 5); }, "l2_penalty()",
                "a NaN weight in the second layer", "weights");
  check_rejects([] { kata::l2_penalty({two_layers()[0], arma::mat{{1.0, 2.0, kInf}}}, 0.7, 5); }, "l2_penalty()",
                "Inf in the last entry of the last layer", "weights");
  check_rejects([] { kata::l2_penalty({scalar(1.0), scalar(kNaN)}, 0.0, 5); }, "l2_penalty()",
                "a NaN weight with lambda = 0 (validate before any lambda = 0 shortcut)", "weights");
}

BOOST_AUTO_TEST_CASE(l1_penalty_rejects) {
  check_lambda_m_rejected([](const Layers& w, double l, arma::uword m) { kata::l1_penalty(w, l, m); }, "l1_penalty()",
                          two_layers(), empty_layer_lists);
  check_rejects([] { kata::l1_penalty({scalar(kInf)}, 0.7, 5); }, "l1_penalty()", "an Inf weight", "weights");
  check_rejects([] { kata::l1_penalty({two_layers()[0], arma::mat{{1.0, kNaN, 2.0}}}, 0.7, 5); }, "l1_penalty()",
                "a NaN in the second layer", "weights");
  check_rejects([] { kata::l1_penalty({scalar(1.0), scalar(-kInf)}, 0.0, 1); }, "l1_penalty()",
                "-Inf in the last layer with lambda = 0, m = 1", "weights");
}

BOOST_AUTO_TEST_CASE(l2_gradient_rejects) {
  check_lambda_m_rejected([](const arma::mat& W, double l, arma::uword m) { kata::l2_gradient(W, l, m); },
                          "l2_gradient()", two_layers()[0], empty_matrices);
  check_rejects([] { kata::l2_gradient(scalar(kNaN), 0.7, 5); }, "l2_gradient()", "a NaN weight", "W");
  check_rejects([] { kata::l2_gradient(arma::mat{{1.0, 2.0}, {3.0, kInf}}, 0.7, 5); }, "l2_gradient()",
                "Inf in the last entry", "W");
  check_rejects([] { kata::l2_gradient(arma::mat{{1.0, kNaN}}, 0.0, 5); }, "l2_gradient()",
                "a NaN weight with lambda = 0", "W");
}

BOOST_AUTO_TEST_CASE(l1_subgradient_rejects) {
  check_lambda_m_rejected([](const arma::mat& W, double l, arma::uword m) { kata::l1_subgradient(W, l, m); },
                          "l1_subgradient()", two_layers()[0], empty_matrices);
  check_rejects([] { kata::l1_subgradient(arma::mat{{kNaN, 0.0}}, 0.7, 5); }, "l1_subgradient()", "a NaN weight", "W");
  check_rejects([] { kata::l1_subgradient(arma::mat{{1.0, 0.0}, {0.0, kInf}}, 0.7, 5); }, "l1_subgradient()",
                "Inf in the last entry", "W");
  check_rejects([] { kata::l1_subgradient(arma::mat{{0.0, kNaN}}, 0.0, 1); }, "l1_subgradient()",
                "a NaN weight with lambda = 0, m = 1", "W");
}

BOOST_AUTO_TEST_CASE(regularized_cost_rejects) {
  check_lambda_m_rejected([](const Layers& w, double l, arma::uword m) { kata::regularized_cost(0.5, w, l, m); },
                          "regularized_cost()", two_layers(), empty_layer_lists);
  check_rejects([] { kata::regularized_cost(kNaN, two_layers(), 0.7, 5); }, "regularized_cost()", "data_cost = NaN",
                "data_cost");
  check_rejects([] { kata::regularized_cost(kInf, two_layers(), 0.7, 5); }, "regularized_cost()", "data_cost = Inf",
                "data_cost");
  check_rejects([] { kata::regularized_cost(-kInf, two_layers(), 0.7, 5); }, "regularized_cost()",
                "data_cost = -Inf", "data_cost");
  check_rejects([] { kata::regularized_cost(kNaN, two_layers(), 0.0, 5); }, "regularized_cost()",
                "data_cost = NaN with lambda = 0", "data_cost");
  check_rejects([] { kata::regularized_cost(kNaN, {}, 0.7, 1); }, "regularized_cost()",
                "data_cost = NaN with no layers and m = 1", "data_cost");
  // Its own name, not l2_penalty()'s, even where it delegates the sum to l2_penalty().
  check_rejects([] { kata::regularized_cost(0.5, {scalar(kNaN)}, 0.7, 5); }, "regularized_cost()",
                "a NaN weight (the message must name regularized_cost(), not l2_penalty())", "weights");
  check_rejects([] { kata::regularized_cost(0.5, {two_layers()[0], arma::mat{{1.0, kInf}}}, 0.7, 1); },
                "regularized_cost()", "Inf in the second layer, m = 1", "weights");
  check_rejects([] { kata::regularized_cost(0.5, {scalar(kNaN)}, 0.0, 5); }, "regularized_cost()",
                "a NaN weight with lambda = 0", "weights");
}

BOOST_AUTO_TEST_CASE(weight_decay_step_rejects) {
  const arma::mat W = two_layers()[0];
  check_lambda_m_rejected(
      [](const arma::mat& w, double l, arma::uword m) { kata::weight_decay_step(w, w, 0.1, l, m); },
      "weight_decay_step()", W, empty_matrices);
  check_rejects([&] { kata::weight_decay_step(W, W, 0.0, 0.7, 5); }, "weight_decay_step()", "alpha = 0", "alpha");
  check_rejects([&] { kata::weight_decay_step(W, W, -0.1, 0.7, 5); }, "weight_decay_step()", "alpha = -0.1", "alpha");
  check_rejects([&] { kata::weight_decay_step(W, W, kNaN, 0.7, 5); }, "weight_decay_step()", "alpha = NaN", "alpha");
  const arma::mat W2 = two_layers()[1];
  check_rejects([&] { kata::weight_decay_step(W2, W2.t(), 0.1, 0.7, 5); }, "weight_decay_step()",
                "dW_data 3 x 1 (transposed) for W 1 x 3", "dW_data");
  check_rejects([&] { kata::weight_decay_step(W, arma::mat(2, 3, arma::fill::zeros), 0.1, 0.7, 5); },
                "weight_decay_step()", "dW_data 2 x 3 for W 2 x 2", "dW_data");
  check_rejects([&] { kata::weight_decay_step(W, arma::mat{{kNaN, 0}, {0, 0}}, 0.1, 0.7, 5); }, "weight_decay_step()",
                "a NaN in dW_data", "dW_data");
  check_rejects([&] { kata::weight_decay_step(arma::mat{{kInf, 0}, {0, 0}}, W, 0.1, 0.7, 5); }, "weight_decay_step()",
                "an Inf in W");
  check_rejects([&] { kata::weight_decay_step(W, W, kInf, 0.7, 5); }, "weight_decay_step()", "alpha = Inf", "alpha");
  // lambda = 0 is a plain gradient step, but the same checks apply.
  check_rejects([&] { kata::weight_decay_step(W2, W2.t(), 0.1, 0.0, 5); }, "weight_decay_step()",
                "dW_data 3 x 1 for W 1 x 3 with lambda = 0", "dW_data");
  check_rejects([&] { kata::weight_decay_step(arma::mat{{1.0, 2.0}, {3.0, kNaN}}, W, 0.1, 0.0, 5); },
                "weight_decay_step()", "a NaN in the last entry of W with lambda = 0", "W");
  check_rejects([&] { kata::weight_decay_step(W, arma::mat{{0.0, 0.0}, {0.0, kInf}}, 0.1, 0.0, 1); },
                "weight_decay_step()", "Inf in the last entry of dW_data with lambda = 0, m = 1", "dW_data");
  check_rejects([&] { kata::weight_decay_step(W, W, kInf, 0.0, 5); }, "weight_decay_step()",
                "alpha = Inf with lambda = 0", "alpha");
  // An empty W is valid, but no reason to skip the alpha check.
  for (const auto& empty : empty_matrices)
    for (const double alpha : {0.0, kNaN})
      check_rejects([&] { kata::weight_decay_step(empty.second, empty.second, alpha, 0.7, 5); },
                    "weight_decay_step()", "alpha = " + show(alpha) + " with " + empty.first, "alpha");
  check_rejects([&] { kata::weight_decay_step(arma::mat(2, 0), arma::mat(0, 2), 0.1, 0.7, 5); },
                "weight_decay_step()", "empty W 2 x 0 with dW_data 0 x 2", "dW_data");
}

// lambda = -0.0 is a lambda of 0: -0.0 < 0 is false (its sign bit is set, but it compares equal to 0), so
// the contract's "lambda < 0" does not reject it. Every function must give its lambda = 0 result. By hand:
// no penalty, no gradient, J = data_cost = 0.5, and a plain step W - 0.1 dW_data; exact, since every
// product with -0.0 is ±0 and x ± 0 is x (tolerance 0; -0.0 compares equal to 0).
BOOST_AUTO_TEST_CASE(lambda_minus_zero_is_a_valid_zero) {
  const double minus_zero = -0.0;
  const std::string why = "lambda = -0.0 is valid: it equals 0 (-0.0 < 0 is false), so check lambda < 0, not the "
                          "sign bit (std::signbit)";
  const Layers w = two_layers();
  const arma::mat W = w[0], dW{{1.0, -2.0}, {0.5, 4.0}};
  check_returns_close("l2_penalty({[1 2; 3 4], [1 -1 2]}, -0.0, 5)", [&] { return kata::l2_penalty(w, minus_zero, 5); },
                      0.0, 0.0, why);
  check_returns_close("l1_penalty({[1 2; 3 4], [1 -1 2]}, -0.0, 5)", [&] { return kata::l1_penalty(w, minus_zero, 5); },
                      0.0, 0.0, why);
  check_returns_close("regularized_cost(0.5, {[1 2; 3 4], [1 -1 2]}, -0.0, 5)",
                      [&] { return kata::regularized_cost(0.5, w, minus_zero, 5); }, 0.5, 0.0, why);
  check_returns_mat("l2_gradient([1 2; 3 4], -0.0, 5)", [&] { return kata::l2_gradient(W, minus_zero, 5); },
                    arma::mat(2, 2, arma::fill::zeros), 0.0, why);
  check_returns_mat("l1_subgradient([1 2; 3 4], -0.0, 5)", [&] { return kata::l1_subgradient(W, minus_zero, 5); },
                    arma::mat(2, 2, arma::fill::zeros), 0.0, why);
  // [1 2; 3 4] - 0.1 [1 -2; 0.5 4] = [0.9 2.2; 2.95 3.6], computed as the same two roundings.
  check_returns_mat("weight_decay_step([1 2; 3 4], [1 -2; 0.5 4], 0.1, -0.0, 5)",
                    [&] { return kata::weight_decay_step(W, dW, 0.1, minus_zero, 5); }, arma::mat(W - 0.1 * dW), 0.0,
                    why);
}

BOOST_AUTO_TEST_SUITE_END()
