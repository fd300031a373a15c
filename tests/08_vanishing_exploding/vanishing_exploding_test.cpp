// Lesson 08 checks. Each case is one CTest test ("check"); messages say what was expected and why.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "kata/rng.hpp"
#include "kata_test.hpp"
#include "vanishing_exploding.hpp"

using kata::Activation;
using kata::test::check_rejects;
using kata::test::show;

namespace {

// L copies of a·I (n × n).
std::vector<arma::mat> scaled_identities(double a, arma::uword n, std::size_t L) {
  return std::vector<arma::mat>(L, a * arma::eye(n, n));
}

// A small input whose columns are all different, so "one example" and "the batch" differ.
arma::mat sample_input() { return arma::mat{{1.0, -2.0, 0.5, 3.0}, {0.25, 1.0, -1.5, 2.0}, {-1.0, 0.0, 2.0, 1.0}}; }

// A one-column matrix (one example), written as a list.
arma::mat column(std::initializer_list<double> values) { return arma::mat(arma::vec(values)); }

// The test's own forward pass (independent of the learner's), for finite differences.
arma::mat own_output(const arma::mat& X, const std::vector<arma::mat>& Ws, Activation g) {
  arma::mat A = X;
  for (const auto& W : Ws) {
    A = W * A;
    if (g == Activation::relu) A.clamp(0.0, arma::datum::inf);
  }
  return A;
}

// Laurent & Massart (2000), Lemma 1: for Z = Σ a_k (g_k² − 1), g_k iid N(0, 1), a_k >= 0,
//   P(Z >= 2 |a|₂ √x + 2 |a|_∞ x) <= e^(−x)   and   P(Z <= −2 |a|₂ √x) <= e^(−x).
struct Band {
  double low, high;
};

}  // namespace

// dims {1, 2, 1}: one input feature and an output of one unit, 3 examples (a valid corner: layers of one
// unit). X = [1 -2 0.5], W[1] = [2; -1], W[2] = [1 3]. By hand (numpy agrees):
//   linear: A[1] = W[1] X = [2 -4 1; -1 2 -0.5],  A[2] = W[2] A[1] = [-1 2 -0.5]
//   relu:   A[1] = [2 0 1; 0 2 0],                  A[2] = relu([2 6 1]) = [2 6 1]
// and with dAL = [1 -1 2]:
//   linear: dW[2] = [8 -4], dW[1] = [4; 12], dA[0] = [-1 1 -2]
//   relu:   dW[2] = [4 -2], dW[1] = [2; 6],  dA[0] = [2 3 4]
struct OneUnitCase {
  arma::mat X{{1.0, -2.0, 0.5}};
  std::vector<arma::mat> Ws{column({2.0, -1.0}), arma::mat{{1.0, 3.0}}};
  arma::mat dAL{{1.0, -1.0, 2.0}};
};

BOOST_AUTO_TEST_SUITE(deep_linear_forward, *boost::unit_test::description("task 1: deep linear forward"))

BOOST_AUTO_TEST_CASE(returns_input_and_every_layer) {
  // dims {3, 5, 2, 4}: non-square layers, so the order of the product matters.
  kata::Rng rng(8);
  const std::vector<arma::mat> Ws{rng.randn(5, 3), rng.randn(2, 5), rng.randn(4, 2)};
  const arma::mat X = sample_input();
  const auto A = kata::deep_linear_forward(X, Ws);
  BOOST_REQUIRE_MESSAGE(A.size() == 4, "deep_linear_forward() with L = 3 layers must return L + 1 = 4 matrices "
                                       "(A[0] = X, then one per layer), got "
                                           << A.size() << kata::test::hint_suffix("off by one in the layer count?"));
  kata::test::check_mat_close(A[0], X, 0.0, "A[0]", "A[0] is the input X itself");
  // Tolerance 1e-12: a few products of O(1) numbers, round-off ~1e-15.
  kata::test::check_mat_close(A[1], Ws[0] * X, 1e-12, "A[1]", "A[1] = W[1] X (g(z) = z, b = 0)");
  kata::test::check_mat_close(A[2], Ws[1] * Ws[0] * X, 1e-12, "A[2]", "A[2] = W[2] A[1]");
  kata::test::check_mat_close(A[3], Ws[2] * Ws[1] * Ws[0] * X, 1e-12, "A[3] (the output)",
                              "y_hat = W[L] ... W[2] W[1] X: apply W[1] first");
}

BOOST_AUTO_TEST_CASE(identity_times_1_5_explodes_as_1_5_to_the_L) {
  const arma::mat X = sample_input();
  const std::size_t L = 50;
  const auto A = kata::deep_linear_forward(X, scaled_identities(1.5, 3, L));
  BOOST_REQUIRE_MESSAGE(A.size() == L + 1, "expected L + 1 = 51 matrices, got " << A.size());
  // Relative 1e-12: each layer multiplies by 1.5 with one rounding (~1.1e-16), 50 layers ~6e-15.
  const double expected_factor = std::pow(1.5, 50);  // 637621500.2...
  kata::test::check_mat_close(A[L] / expected_factor, X, 1e-12, "output / 1.5^50 for W[l] = 1.5 I, L = 50",
                              "the output must be 1.5^50 X: all 50 layers applied, none twice");
  kata::test::check_mat_close(A[10] / std::pow(1.5, 10), X, 1e-12, "A[10] / 1.5^10",
                              "A[l] = 1.5^l X: layer l has been multiplied l times");
}

BOOST_AUTO_TEST_CASE(identity_times_0_5_vanishes_as_0_5_to_the_L) {
  const arma::mat X = sample_input();
  const auto A = kata::deep_linear_forward(X, scaled_identities(0.5, 3, 50));
  BOOST_REQUIRE_MESSAGE(A.size() == 51, "expected L + 1 = 51 matrices, got " << A.size());
  // Powers of 2 are exact in binary floating point; 1e-12 relative is generous.
  kata::test::check_mat_close(A[50] / std::pow(0.5, 50), X, 1e-12, "output / 0.5^50 for W[l] = 0.5 I, L = 50",
                              "0.5^50 = 8.9e-16: the signal vanishes exponentially in L");
}

BOOST_AUTO_TEST_CASE(relu_variant_matches_a_hand_computation) {
  // Z1 = W1 X = [[-2, -3], [5, -3]] -> relu -> [[0, 0], [5, 0]]; Z2 = [1 1] A1 = [5, 0].
  // Without ReLU the output would be [3, -6].
  const arma::mat X{{1.0, -2.0}, {3.0, 1.0}};
  const std::vector<arma::mat> Ws{arma::mat{{1.0, -1.0}, {2.0, 1.0}}, arma::mat{{1.0, 1.0}}};
  const auto A = kata::deep_linear_forward(X, Ws, Activation::relu);
  BOOST_REQUIRE_MESSAGE(A.size() == 3, "expected 3 matrices, got " << A.size());
  kata::test::check_mat_close(A[1], arma::mat{{0.0, 0.0}, {5.0, 0.0}}, 1e-15, "relu A[1]", "A = max(W A_prev, 0)");
  kata::test::check_mat_close(A[2], arma::mat{{5.0, 0.0}}, 1e-15, "relu output",
                              "apply the ReLU after every layer, the last one too");
  const auto linear = kata::deep_linear_forward(X, Ws);
  BOOST_REQUIRE(linear.size() == 3);
  kata::test::check_mat_close(linear[2], arma::mat{{3.0, -6.0}}, 1e-15, "linear output (default activation)",
                              "the default activation is g(z) = z");
}

BOOST_AUTO_TEST_CASE(one_layer_one_example) {
  // The smallest network the contract allows: L = 1, m = 1, a 3 x 2 layer. By hand:
  //   W x = (1·2 + 3·(−1), −2·2 + 1·(−1), 0.5·2 − 4·(−1)) = (−1, −5, 5); ReLU keeps (0, 0, 5).
  const arma::mat x = column({2.0, -1.0});
  const std::vector<arma::mat> Ws{arma::mat{{1.0, 3.0}, {-2.0, 1.0}, {0.5, -4.0}}};
  for (const Activation act : {Activation::linear, Activation::relu}) {
    const std::string name = act == Activation::linear ? "linear" : "relu";
    BOOST_TEST_INFO("deep_linear_forward(x = (2, -1), {W[1] = [1 3; -2 1; 0.5 -4]}, " << name << ")");
    const auto A = kata::deep_linear_forward(x, Ws, act);
    BOOST_REQUIRE_MESSAGE(A.size() == 2, name << ": one layer means 2 matrices (A[0] = x and A[1]), got " << A.size());
    kata::test::check_mat_close(A[0], x, 0.0, name + " A[0] for one example", "A[0] is the input itself");
    // Tolerance 0: every product and sum here is exact in binary floating point.
    kata::test::check_mat_close(A[1], act == Activation::linear ? column({-1.0, -5.0, 5.0}) : column({0.0, 0.0, 5.0}),
                                0.0, name + " A[1] for one layer and one example",
                                "one example is a batch of m = 1 columns: A[1] = g(W[1] x) is 3 x 1");
  }
}

BOOST_AUTO_TEST_CASE(one_input_feature_and_one_output_unit) {
  const OneUnitCase c;
  for (const Activation act : {Activation::linear, Activation::relu}) {
    const bool lin = act == Activation::linear;
    const std::string name = lin ? "linear" : "relu";
    BOOST_TEST_INFO("deep_linear_forward(X = [1 -2 0.5], {W[1] = [2; -1], W[2] = [1 3]}, " << name << ")");
    const auto A = kata::deep_linear_forward(c.X, c.Ws, act);
    BOOST_REQUIRE_MESSAGE(A.size() == 3, name << ": 2 layers means 3 matrices, got " << A.size());
    // Tolerance 0: small binary fractions, exact.
    kata::test::check_mat_close(A[1], lin ? arma::mat{{2.0, -4.0, 1.0}, {-1.0, 2.0, -0.5}}
                                          : arma::mat{{2.0, 0.0, 1.0}, {0.0, 2.0, 0.0}},
                                0.0, name + " A[1] with one input feature", "a 2 x 1 W[1] times a 1 x 3 X is 2 x 3");
    kata::test::check_mat_close(A[2], lin ? arma::mat{{-1.0, 2.0, -0.5}} : arma::mat{{2.0, 6.0, 1.0}}, 0.0,
                                name + " A[2], an output of one unit", "one input feature (n_0 = 1) is a valid X");
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(activation_scales, *boost::unit_test::description("task 2: measure the scale"))

BOOST_AUTO_TEST_CASE(rms_over_the_whole_batch) {
  // [[1, 3], [1, 3]]: mean square (1 + 9 + 1 + 9) / 4 = 5, rms sqrt(5). Column 0 alone would give 1;
  // forgetting the sqrt gives 5. [[-2]] -> 2 (squares, so signs do not cancel).
  // [[3, 0, 0], [0, 0, 4]] -> sqrt(25 / 6).
  const std::vector<arma::mat> layers{arma::mat{{1.0, 3.0}, {1.0, 3.0}}, arma::mat(1, 1, arma::fill::value(-2.0)),
                                      arma::mat{{3.0, 0.0, 0.0}, {0.0, 0.0, 4.0}}};
  const arma::vec got = kata::activation_scales(layers);
  BOOST_REQUIRE_MESSAGE(got.n_elem == 3, "activation_scales() of 3 matrices must return 3 numbers, got " << got.n_elem);
  // Tolerance 1e-15: a handful of exact sums and one sqrt.
  kata::test::check_close(got(0), std::sqrt(5.0), 1e-15, "rms of [[1, 3], [1, 3]]",
                          "average over ALL entries (every unit and every example), then take the sqrt; "
                          "1 means only the first example was measured, 5 means the sqrt is missing");
  kata::test::check_close(got(1), 2.0, 1e-15, "rms of [[-2]]", "square before averaging: rms is never negative");
  kata::test::check_close(got(2), std::sqrt(25.0 / 6.0), 1e-15, "rms of [[3, 0, 0], [0, 0, 4]]",
                          "divide by rows * cols = 6, not by the number of rows or columns");
}

BOOST_AUTO_TEST_CASE(a_dead_layer_has_scale_0) {
  // A layer whose activations are all 0 (every ReLU unit dead) is valid input: its rms is exactly 0, not an
  // error and not NaN. The other matrix, a 1 x 5 row, has rms sqrt((1 + 4 + 0 + 4 + 16) / 5) = sqrt(5).
  const arma::vec got = kata::activation_scales({arma::zeros(4, 3), arma::mat{{1.0, -2.0, 0.0, 2.0, -4.0}}});
  BOOST_REQUIRE_MESSAGE(got.n_elem == 2, "activation_scales() of 2 matrices must return 2 numbers, got " << got.n_elem);
  kata::test::check_close(got(0), 0.0, 0.0, "rms of a 4 x 3 matrix of zeros",
                          "all-zero activations are a valid (vanished) layer: sqrt(0 / 12) = 0");
  kata::test::check_close(got(1), std::sqrt(5.0), 1e-15, "rms of the row [1, -2, 0, 2, -4]",
                          "divide by rows * cols = 5 entries, zeros included");
}

// The rms of an exploded or vanished layer is an ordinary double even where the squares are not: by hand,
// rms([3a, -4a]) = a sqrt((9 + 16) / 2) = a sqrt(12.5) for any a, and (3e200)^2 overflows, (3e-200)^2
// underflows to 0. Relative tolerance 1e-15: a few roundings of a scaled sum.
BOOST_AUTO_TEST_CASE(exploded_and_vanished_layers_have_a_finite_nonzero_scale) {
  for (const double a : {1e200, 1e-200, 1e300, 1e-300, 1.0}) {
    const arma::vec got = kata::activation_scales({arma::mat{{3.0 * a, -4.0 * a}}});
    BOOST_REQUIRE_MESSAGE(got.n_elem == 1, "activation_scales() of 1 matrix must return 1 number, got " << got.n_elem);
    kata::test::check_close_rel(got(0), a * std::sqrt(12.5), 1e-15,
                                "rms of [3a, -4a] with a = " + kata::test::show(a),
                                "the squares of entries beyond ~1e154 overflow to Inf and those below ~1e-162 "
                                "underflow to 0: divide by the largest |entry| first, square, then multiply back");
  }
}

BOOST_AUTO_TEST_CASE(scales_of_an_exploding_network_grow_by_a_per_layer) {
  const auto A = kata::deep_linear_forward(sample_input(), scaled_identities(1.5, 3, 20));
  const arma::vec s = kata::activation_scales(A);
  BOOST_REQUIRE_MESSAGE(s.n_elem == 21, "expected 21 scales (A[0] .. A[20]), got " << s.n_elem);
  for (arma::uword l = 1; l < s.n_elem; ++l)
    kata::test::check_close_rel(s(l) / s(l - 1), 1.5, 1e-12, "rms(A[" + std::to_string(l) + "]) / rms(A[" +
                                                                 std::to_string(l - 1) + "]) for W = 1.5 I",
                                "every layer multiplies the scale by 1.5");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(random_weights, *boost::unit_test::description("task 2: measure the scale"))

BOOST_AUTO_TEST_CASE(second_moment_grows_by_n_s2_per_linear_layer) {
  // W[l] = s · randn(n, n), s² = 2/n, linear: E[mean(A[l]²)] = n s² · mean(A[l-1]²) = 2 · mean(A[l-1]²).
  // Given A[l-1], ||W A[l-1]||_F² / s² = Σ_rows z_iᵀ G z_i with G = A[l-1] A[l-1]ᵀ: a weighted chi-square
  // with weights λ_k(G), each repeated n times. Laurent–Massart (see Band above) gives a band per layer
  // computed from G; x = ln(2 L / 1e-9) makes the probability that ANY of the L layers leaves its band
  // (two sides each) at most 1e-9.
  const arma::uword n = 100, m = 50;
  const std::size_t L = 10;
  const double s2 = 2.0 / n;
  kata::Rng rng(2024);
  std::vector<arma::mat> Ws;
  for (std::size_t l = 0; l < L; ++l) Ws.push_back(rng.randn(n, n) * std::sqrt(s2));
  const arma::mat X = rng.randn(n, m);
  const auto A = kata::deep_linear_forward(X, Ws);
  BOOST_REQUIRE_MESSAGE(A.size() == L + 1, "expected " << L + 1 << " matrices, got " << A.size());
  const arma::vec scale = kata::activation_scales(A);
  BOOST_REQUIRE_MESSAGE(scale.n_elem == L + 1, "expected " << L + 1 << " scales, got " << scale.n_elem);
  const double x = std::log(2.0 * L / 1e-9);
  for (std::size_t l = 1; l <= L; ++l) {
    const arma::mat G = A[l - 1] * A[l - 1].t();
    const arma::vec lambda = arma::clamp(arma::eig_sym(G), 0.0, arma::datum::inf);
    const double total = n * arma::accu(lambda);  // E[Q / s²]
    const double l2 = std::sqrt(double(n)) * arma::norm(lambda, 2), linf = lambda.max();
    const Band band{1.0 - 2.0 * l2 * std::sqrt(x) / total, 1.0 + (2.0 * l2 * std::sqrt(x) + 2.0 * linf * x) / total};
    const double ratio = std::pow(scale(l) / scale(l - 1), 2) / (n * s2);  // 1 expected
    BOOST_CHECK_MESSAGE(ratio >= band.low && ratio <= band.high,
                        "layer " << l << ": mean(A[l]^2) / mean(A[l-1]^2) / (n s^2) = " << show(ratio)
                                 << ", expected 1 within [" << show(band.low) << ", " << show(band.high)
                                 << "] (false-failure probability < 1e-9)"
                                 << kata::test::hint_suffix("with variance s^2 each layer multiplies the second "
                                                            "moment by n s^2: rms over the whole batch, squared"));
  }
}

BOOST_AUTO_TEST_CASE(relu_halves_the_growth) {
  // X = I (n × n): layer 1 is relu(W) entrywise, N = n² iid entries s·z. mean(A[1]²)/mean(X²) = n · mean(A[1]²),
  // expected n s² / 2 = 1 for s² = 2/n (He). Exactly: n · mean(A[1]²) / (n s² / 2) = (2K/N) · (χ²_K / K), with
  // K ~ Binomial(N, 1/2) the positive entries. Hoeffding bounds K/N (probability 5e-10); Laurent–Massart bounds
  // χ²_K/K with x = ln(1 / 2.5e-10) per side. Total false-failure probability < 1e-9.
  const arma::uword n = 200;
  const double N = double(n) * n, s2 = 2.0 / n;
  kata::Rng rng(77);
  const auto A = kata::deep_linear_forward(arma::eye(n, n), {rng.randn(n, n) * std::sqrt(s2)}, Activation::relu);
  BOOST_REQUIRE_MESSAGE(A.size() == 2, "expected 2 matrices, got " << A.size());
  const arma::vec scale = kata::activation_scales(A);
  BOOST_REQUIRE(scale.n_elem == 2);
  const double t = kata::test::hoeffding_radius(N, 5e-10), x = std::log(1.0 / 2.5e-10);
  const double k_min = N * (0.5 - t);
  const Band band{2.0 * (0.5 - t) * (1.0 - 2.0 * std::sqrt(x / k_min)),
                  2.0 * (0.5 + t) * (1.0 + 2.0 * std::sqrt(x / k_min) + 2.0 * x / k_min)};
  const double ratio = std::pow(scale(1) / scale(0), 2) / (n * s2 / 2.0);
  BOOST_CHECK_MESSAGE(ratio >= band.low && ratio <= band.high,
                      "relu layer: mean(A[1]^2) / mean(A[0]^2) / (n s^2 / 2) = " << show(ratio) << ", expected 1 within ["
                                << show(band.low) << ", " << show(band.high) << "] (false-failure probability < 1e-9)"
                                << kata::test::hint_suffix("ReLU zeroes half of a symmetric z, so it keeps half the "
                                                           "second moment: the growth is n s^2 / 2 (this is why He "
                                                           "uses s^2 = 2/n)"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(deep_linear_backward, *boost::unit_test::description("task 3: backward pass"))

BOOST_AUTO_TEST_CASE(first_layer_gradient_scales_as_a_to_the_L_minus_1) {
  const arma::mat X = sample_input();
  const arma::mat dAL{{1.0, 0.5, -1.0, 2.0}, {0.0, 1.0, 1.0, -0.5}, {2.0, -1.0, 0.5, 1.0}};
  const std::size_t L = 50;
  for (const double a : {1.5, 0.5}) {
    const auto Ws = scaled_identities(a, 3, L);
    BOOST_TEST_INFO("deep_linear_backward(deep_linear_forward(X, Ws), Ws, dAL) with W[l] = " << show(a) << " I, L = 50");
    const auto g = kata::deep_linear_backward(kata::deep_linear_forward(X, Ws), Ws, dAL);
    BOOST_REQUIRE_MESSAGE(g.dW.size() == L && g.dA.size() == L + 1,
                          "expected " << L << " dW and " << L + 1 << " dA, got " << g.dW.size() << " and " << g.dA.size());
    const std::string tag = " for W = " + show(a) + " I, L = 50";
    // dW[1] = dZ[1] A[0]^T = a^(L-1) dAL X^T: the input X is not multiplied by W[1] yet (A[0] = X), and the
    // gradient has passed back through W[L] .. W[2] only. Relative 1e-12 as in the forward checks.
    const arma::mat base = dAL * X.t();
    kata::test::check_mat_close(g.dW[0] / std::pow(a, L - 1), base, 1e-12 * arma::abs(base).max(),
                                "dW[1] / a^(L-1)" + tag,
                                "dW[1] = dZ[1] A[0]^T scales as a^(L-1), not a^L like the output: "
                                "it uses dZ[1] (after L-1 layers) and A[0] = X (before any layer)");
    kata::test::check_mat_close(g.dA[0] / std::pow(a, L), dAL, 1e-12 * arma::abs(dAL).max(), "dA[0] / a^L" + tag,
                                "dA[0] = W[1]^T dZ[1]: through all L layers");
    kata::test::check_mat_close(g.dA[L], dAL, 0.0, "dA[L]" + tag, "dA[L] is the given dAL");
  }
}

BOOST_AUTO_TEST_CASE(matches_finite_differences_on_non_square_layers) {
  // J(W) = Σ dAL ⊙ A[L] has ∂J/∂A[L] = dAL. A[L] is linear in each single W[l] (and piecewise linear with
  // ReLU), so a central difference is exact up to round-off: |error| <= ~1e-15 · |J| / eps ~ 1e-9 here.
  kata::Rng rng(3);
  const std::vector<arma::mat> Ws{rng.randn(4, 3), rng.randn(2, 4), rng.randn(3, 2)};
  const arma::mat X = sample_input();
  const arma::mat dAL = rng.randn(3, 4);
  for (const Activation act : {Activation::linear, Activation::relu}) {
    const std::string name = act == Activation::linear ? "linear" : "relu";
    BOOST_TEST_INFO("deep_linear_backward() after deep_linear_forward(), dims {3, 4, 2, 3}, 4 examples, " << name);
    const auto g = kata::deep_linear_backward(kata::deep_linear_forward(X, Ws, act), Ws, dAL, act);
    BOOST_REQUIRE_MESSAGE(g.dW.size() == 3, "expected 3 dW, got " << g.dW.size());
    const double eps = 1e-6;
    for (std::size_t l = 0; l < Ws.size(); ++l) {
      arma::mat numeric(Ws[l].n_rows, Ws[l].n_cols);
      for (arma::uword k = 0; k < Ws[l].n_elem; ++k) {
        auto plus = Ws, minus = Ws;
        plus[l](k) += eps;
        minus[l](k) -= eps;
        numeric(k) = (arma::accu(dAL % own_output(X, plus, act)) - arma::accu(dAL % own_output(X, minus, act))) /
                     (2 * eps);
      }
      kata::test::check_mat_close(g.dW[l], numeric, 1e-6, name + " dW[" + std::to_string(l + 1) + "]",
                                  "dZ[l] = dA[l] * g'(Z[l]); dW[l] = dZ[l] A[l-1]^T; dA[l-1] = W[l]^T dZ[l] "
                                  "(the transpose of W, not W)");
    }
  }
}

BOOST_AUTO_TEST_CASE(every_dA_is_the_gradient_with_respect_to_that_layer) {
  // dA[l] = ∂J/∂A[l] for EVERY l, not only dA[0] and dA[L]: J = Σ dAL ⊙ A[L], where A[L] is computed from
  // A[l] by layers l+1 .. L (the test's own forward pass). Central differences in each entry of A[l]; the
  // map is linear (piecewise linear with ReLU), so only round-off remains, as in the dW check: tolerance 1e-6.
  // Seed 9: with ReLU every pre-activation is at least 0.156 away from the kink at 0 (computed with numpy for
  // the same draws), so a step of 1e-6 never crosses it. (Many seeds kill a whole column of a layer, which
  // puts the next layer exactly AT the kink, where a central difference averages the two slopes.)
  kata::Rng rng(9);
  const std::vector<arma::mat> Ws{rng.randn(4, 3), rng.randn(2, 4), rng.randn(3, 2)};
  const arma::mat X = sample_input();
  const arma::mat dAL = rng.randn(3, 4);
  for (const Activation act : {Activation::linear, Activation::relu}) {
    const std::string name = act == Activation::linear ? "linear" : "relu";
    BOOST_TEST_INFO("deep_linear_forward(), dims {3, 4, 2, 3}, 4 examples, " << name);
    const auto A = kata::deep_linear_forward(X, Ws, act);
    BOOST_REQUIRE_MESSAGE(A.size() == 4, "expected 4 activations, got " << A.size());
    BOOST_TEST_INFO("deep_linear_backward() of that pass, " << name);
    const auto g = kata::deep_linear_backward(A, Ws, dAL, act);
    BOOST_REQUIRE_MESSAGE(g.dA.size() == 4, "expected L + 1 = 4 dA, got " << g.dA.size());
    kata::test::check_mat_close(g.dA[3], dAL, 0.0, name + " dA[L]",
                                "dA[L] is the given dAL, untouched: apply g'(Z[L]) to a copy (dZ), not to dA[L]");
    const double eps = 1e-6;
    for (std::size_t l = 0; l < 3; ++l) {
      const std::vector<arma::mat> above(Ws.begin() + static_cast<long>(l), Ws.end());
      arma::mat numeric(A[l].n_rows, A[l].n_cols);
      for (arma::uword k = 0; k < A[l].n_elem; ++k) {
        arma::mat plus = A[l], minus = A[l];
        plus(k) += eps;
        minus(k) -= eps;
        numeric(k) = (arma::accu(dAL % own_output(plus, above, act)) - arma::accu(dAL % own_output(minus, above, act))) /
                     (2 * eps);
      }
      kata::test::check_mat_close(g.dA[l], numeric, 1e-6, name + " dA[" + std::to_string(l) + "]",
                                  "dA[l] = dJ/dA[l] = W[l+1]^T dZ[l+1]: the gradient BEFORE this layer's g'(Z[l]) "
                                  "is applied (that product is dZ[l], which is not returned)");
    }
  }
}

BOOST_AUTO_TEST_CASE(relu_derivative_is_0_where_z_is_exactly_0) {
  // One example, by hand. W[1] = [1 -1; 2 1], x = (1, 1): Z[1] = (0, 3) — the first unit sits EXACTLY at
  // ReLU's kink. W[2] = [1 1]: Z[2] = 3. dAL = 1.
  //   dZ[2] = 1, dW[2] = dZ[2] A[1]^T = (0, 3), dA[1] = W[2]^T dZ[2] = (1, 1)
  //   dZ[1] = dA[1] ⊙ 1[A[1] > 0] = (0, 1)   (the contract: g'(0) = 0)
  //   dW[1] = dZ[1] x^T = [0 0; 1 1],  dA[0] = W[1]^T dZ[1] = (2, 1)
  // With g'(0) = 1 instead: dW[1] = [1 1; 1 1] and dA[0] = (3, 0).
  const arma::mat x = column({1.0, 1.0});
  const std::vector<arma::mat> Ws{arma::mat{{1.0, -1.0}, {2.0, 1.0}}, arma::mat{{1.0, 1.0}}};
  const auto A = kata::deep_linear_forward(x, Ws, Activation::relu);
  BOOST_REQUIRE_MESSAGE(A.size() == 3, "expected 3 activations, got " << A.size());
  const auto g = kata::deep_linear_backward(A, Ws, arma::mat(1, 1, arma::fill::ones), Activation::relu);
  BOOST_REQUIRE_MESSAGE(g.dW.size() == 2 && g.dA.size() == 3,
                        "expected 2 dW and 3 dA, got " << g.dW.size() << " and " << g.dA.size());
  const std::string hint = "ReLU's derivative is 1 where A[l] > 0 and 0 elsewhere, also where z is exactly 0";
  // Tolerance 0: small integers only.
  kata::test::check_mat_close(g.dW[1], arma::mat{{0.0, 3.0}}, 0.0, "relu dW[2]", "dW[2] = dZ[2] A[1]^T");
  kata::test::check_mat_close(g.dW[0], arma::mat{{0.0, 0.0}, {1.0, 1.0}}, 0.0, "relu dW[1] with z = 0 in unit 1", hint);
  kata::test::check_mat_close(g.dA[0], column({2.0, 1.0}), 0.0, "relu dA[0] with z = 0 in unit 1", hint);
}

BOOST_AUTO_TEST_CASE(one_layer_one_example) {
  // L = 1, m = 1 (the forward case of the same name). dAL = (1, 2, -1). By hand:
  //   linear: dW = dAL x^T = [2 -1; 4 -2; -2 1],  dA[0] = W^T dAL = (1 - 4 - 0.5, 3 + 2 + 4) = (-3.5, 9)
  //   relu:   A[1] = (0, 0, 5), so dZ = (0, 0, -1): dW = [0 0; 0 0; -2 1],  dA[0] = W^T dZ = (-0.5, 4)
  const arma::mat x = column({2.0, -1.0});
  const std::vector<arma::mat> Ws{arma::mat{{1.0, 3.0}, {-2.0, 1.0}, {0.5, -4.0}}};
  const arma::mat dAL = column({1.0, 2.0, -1.0});
  for (const Activation act : {Activation::linear, Activation::relu}) {
    const bool lin = act == Activation::linear;
    const std::string name = lin ? "linear" : "relu";
    BOOST_TEST_INFO("deep_linear_backward() after deep_linear_forward(x = (2, -1), {W[1] = [1 3; -2 1; 0.5 -4]}), "
                    "dAL = (1, 2, -1), " << name);
    const auto g = kata::deep_linear_backward(kata::deep_linear_forward(x, Ws, act), Ws, dAL, act);
    BOOST_REQUIRE_MESSAGE(g.dW.size() == 1 && g.dA.size() == 2,
                          name << ": one layer means 1 dW and 2 dA, got " << g.dW.size() << " and " << g.dA.size()
                               << kata::test::hint_suffix("loop while l >= 1: layer 1 is the last one to visit"));
    // Tolerance 0: exact binary arithmetic.
    kata::test::check_mat_close(g.dW[0], lin ? arma::mat{{2.0, -1.0}, {4.0, -2.0}, {-2.0, 1.0}}
                                             : arma::mat{{0.0, 0.0}, {0.0, 0.0}, {-2.0, 1.0}},
                                0.0, name + " dW[1] for one layer and one example",
                                "dW[1] = dZ[1] A[0]^T: a 3 x 1 times a 1 x 2 gives W's shape 3 x 2");
    kata::test::check_mat_close(g.dA[0], lin ? column({-3.5, 9.0}) : column({-0.5, 4.0}), 0.0,
                                name + " dA[0] for one layer and one example", "dA[0] = W[1]^T dZ[1]");
  }
}

BOOST_AUTO_TEST_CASE(one_input_feature_and_one_output_unit) {
  // OneUnitCase (see the forward checks): n_0 = 1 and n_L = 1 are valid, and A is given by hand here, so
  // this check does not depend on the forward pass.
  const OneUnitCase c;
  for (const Activation act : {Activation::linear, Activation::relu}) {
    const bool lin = act == Activation::linear;
    const std::string name = lin ? "linear" : "relu";
    const std::vector<arma::mat> A{c.X,
                                   lin ? arma::mat{{2.0, -4.0, 1.0}, {-1.0, 2.0, -0.5}}
                                       : arma::mat{{2.0, 0.0, 1.0}, {0.0, 2.0, 0.0}},
                                   lin ? arma::mat{{-1.0, 2.0, -0.5}} : arma::mat{{2.0, 6.0, 1.0}}};
    BOOST_TEST_INFO("deep_linear_backward(A, {W[1] = [2; -1], W[2] = [1 3]}, dAL = [1 -1 2], " << name
                                                                                          << "), X = [1 -2 0.5]");
    const auto g = kata::deep_linear_backward(A, c.Ws, c.dAL, act);
    BOOST_REQUIRE_MESSAGE(g.dW.size() == 2 && g.dA.size() == 3,
                          name << ": expected 2 dW and 3 dA, got " << g.dW.size() << " and " << g.dA.size());
    // Tolerance 0: exact binary arithmetic.
    kata::test::check_mat_close(g.dW[1], lin ? arma::mat{{8.0, -4.0}} : arma::mat{{4.0, -2.0}}, 0.0,
                                name + " dW[2] for an output of one unit", "dW[2] = dZ[2] A[1]^T");
    kata::test::check_mat_close(g.dW[0], lin ? column({4.0, 12.0}) : column({2.0, 6.0}), 0.0,
                                name + " dW[1] for one input feature", "dW[1] = dZ[1] X^T is 2 x 1, like W[1]");
    kata::test::check_mat_close(g.dA[0], lin ? arma::mat{{-1.0, 1.0, -2.0}} : arma::mat{{2.0, 3.0, 4.0}}, 0.0,
                                name + " dA[0] for one input feature", "one input feature (n_0 = 1) is a valid A[0]");
  }
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------------------------------
// Harden it: bad input. Every argument and every position (first, middle, last layer or entry), each
// tried under both activations and next to valid corner cases (one example, non-square layers), so a
// check that only looks at X, W[1] or entry 0 is not enough.
namespace {

const char* activation_name(Activation act) { return act == Activation::linear ? "linear" : "relu"; }

// A 3-layer network with non-square layers, dims {3, 4, 2, 3}, so every shape mismatch is visible.
std::vector<arma::mat> non_square_weights() {
  kata::Rng rng(11);
  return {rng.randn(4, 3), rng.randn(2, 4), rng.randn(3, 2)};
}

// `m` with one entry replaced by `value`.
arma::mat with_entry(arma::mat m, arma::uword k, double value) {
  m(k) = value;
  return m;
}

// Ws with W[l] (1-based) replaced.
std::vector<arma::mat> replace_layer(std::vector<arma::mat> Ws, std::size_t l, const arma::mat& W) {
  Ws[l - 1] = W;
  return Ws;
}

// One bad call: what is wrong, the call, and what its message must name (the argument and its position, as
// the contract says: "X", "W[2]", "A[1]", "dAL"), so that a rejection for another reason does not count. A
// check that validates the OUTPUT instead of the inputs, for example, would blame A[2] for a NaN in W[2].
// Cases where two arguments are equally wrong (an empty X that only an empty W[1] fits) name nothing.
struct BadCall {
  std::string what;
  std::function<void(Activation)> call;
  std::string mentions = "";
};

void check_all_rejected(const std::vector<BadCall>& cases, const std::string& function) {
  for (const auto& c : cases)
    for (const Activation act : {Activation::linear, Activation::relu})
      check_rejects([&] { c.call(act); }, function, c.what + " (" + activation_name(act) + ")", c.mentions);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bad_input, *boost::unit_test::description("task 4: harden it"))

BOOST_AUTO_TEST_CASE(deep_linear_forward_rejects_empty_input_and_empty_layers) {
  const arma::mat X = sample_input();
  const auto Ws = non_square_weights();
  const auto f = [](const arma::mat& x, const std::vector<arma::mat>& w) {
    return [x, w](Activation act) { kata::deep_linear_forward(x, w, act); };
  };
  check_all_rejected({{"an empty Ws", f(X, {}), "Ws"},
                      {"X with 0 examples (3 x 0)", f(arma::mat(3, 0), Ws), "X"},
                      {"X with 0 features (0 x 4) and W[1] of 4 x 0", f(arma::mat(0, 4), {arma::mat(4, 0), Ws[1], Ws[2]})},
                      {"W[1] with 0 rows (0 x 3) and W[2] of 2 x 0", f(X, {arma::mat(0, 3), arma::mat(2, 0), Ws[2]})},
                      {"W[2] with 0 rows: a middle layer of 0 units", f(X, {Ws[0], arma::mat(0, 4), arma::mat(3, 0)})},
                      {"W[3] with 0 rows: an output layer of 0 units", f(X, {Ws[0], Ws[1], arma::mat(0, 2)}), "W[3]"}},
                     "deep_linear_forward()");
}

BOOST_AUTO_TEST_CASE(deep_linear_forward_rejects_a_weight_that_does_not_fit_at_any_layer) {
  const arma::mat X = sample_input(), x1 = X.col(0);
  const auto Ws = non_square_weights();
  const auto f = [](const arma::mat& x, const std::vector<arma::mat>& w) {
    return [x, w](Activation act) { kata::deep_linear_forward(x, w, act); };
  };
  check_all_rejected({{"W[1] of 3 x 4 for 3 input features (transposed)", f(X, replace_layer(Ws, 1, Ws[0].t())), "W[1]"},
                      {"W[2] of 2 x 3 after a layer of 4 units", f(X, replace_layer(Ws, 2, arma::ones(2, 3))), "W[2]"},
                      {"W[3] (the last) of 3 x 4 after a layer of 2 units", f(X, replace_layer(Ws, 3, arma::ones(3, 4))), "W[3]"},
                      {"W[3] of 3 x 4 after 2 units, one example", f(x1, replace_layer(Ws, 3, arma::ones(3, 4))), "W[3]"},
                      {"W[2] transposed (4 x 2 instead of 2 x 4)", f(X, replace_layer(Ws, 2, Ws[1].t())), "W[2]"}},
                     "deep_linear_forward()");
}

BOOST_AUTO_TEST_CASE(deep_linear_forward_rejects_nan_or_inf_anywhere) {
  const arma::mat X = sample_input(), x1 = X.col(0);
  const auto Ws = non_square_weights();
  const auto f = [](const arma::mat& x, const std::vector<arma::mat>& w) {
    return [x, w](Activation act) { kata::deep_linear_forward(x, w, act); };
  };
  using kata::test::kInf;
  using kata::test::kNaN;
  check_all_rejected({{"X with NaN in its first entry", f(with_entry(X, 0, kNaN), Ws), "X"},
                      {"X with Inf in its last entry", f(with_entry(X, X.n_elem - 1, kInf), Ws), "X"},
                      {"a one-example X with -Inf", f(with_entry(x1, 2, -kInf), Ws), "X"},
                      {"W[1] with NaN", f(X, replace_layer(Ws, 1, with_entry(Ws[0], 5, kNaN))), "W[1]"},
                      {"W[2] (a middle layer) with Inf", f(X, replace_layer(Ws, 2, with_entry(Ws[1], 7, kInf))), "W[2]"},
                      {"W[3] (the last layer) with NaN in its last entry",
                       f(X, replace_layer(Ws, 3, with_entry(Ws[2], Ws[2].n_elem - 1, kNaN))), "W[3]"},
                      {"W[3] with -Inf, one example", f(x1, replace_layer(Ws, 3, with_entry(Ws[2], 0, -kInf))), "W[3]"}},
                     "deep_linear_forward()");
}

BOOST_AUTO_TEST_CASE(activation_scales_rejects_an_empty_list_or_matrix_anywhere) {
  const arma::mat ok = arma::eye(2, 2);
  check_rejects([] { kata::activation_scales({}); }, "activation_scales()", "an empty list");
  check_rejects([] { kata::activation_scales({arma::mat()}); }, "activation_scales()", "a 0 x 0 matrix", "layers[0]");
  check_rejects([&] { kata::activation_scales({ok, arma::mat(2, 0)}); }, "activation_scales()",
                "a 2 x 0 matrix (no examples) in position 1", "layers[1]");
  check_rejects([&] { kata::activation_scales({ok, ok, arma::mat(0, 3)}); }, "activation_scales()",
                "a 0 x 3 matrix (no units) in the last position", "layers[2]");
}

BOOST_AUTO_TEST_CASE(activation_scales_rejects_nan_or_inf_in_any_matrix) {
  using kata::test::kInf;
  using kata::test::kNaN;
  const arma::mat ok = arma::eye(2, 2);
  check_rejects([] { kata::activation_scales({arma::mat{{1.0, kNaN}}}); }, "activation_scales()", "a NaN entry",
                "layers[0]");
  check_rejects([&] { kata::activation_scales({ok, with_entry(arma::ones(3, 2), 5, kInf), ok}); }, "activation_scales()",
                "Inf in the last entry of the middle matrix", "layers[1]");
  check_rejects([&] { kata::activation_scales({ok, ok, with_entry(arma::ones(2, 3), 0, -kInf)}); },
                "activation_scales()", "-Inf in the last matrix (an exploded layer)", "layers[2]");
}

namespace {

// The test's own forward pass, all L + 1 activations (so these checks do not depend on the learner's).
std::vector<arma::mat> own_forward(const arma::mat& X, const std::vector<arma::mat>& Ws, Activation g) {
  std::vector<arma::mat> A{X};
  for (const auto& W : Ws) A.push_back(own_output(A.back(), {W}, g));
  return A;
}

// The backward pass of non_square_weights() with each of A, Ws, dAL replaced by a bad version in turn.
// `edit` receives valid {A, Ws, dAL} for the activation and breaks one thing.
struct Pass {
  std::vector<arma::mat> A, Ws;
  arma::mat dAL;
};
std::function<void(Activation)> backward_with(const std::function<void(Pass&)>& edit, arma::uword m = 4) {
  return [edit, m](Activation act) {
    Pass p;
    p.Ws = non_square_weights();
    p.A = own_forward(sample_input().cols(0, m - 1), p.Ws, act);
    p.dAL = arma::ones(3, m);
    edit(p);
    kata::deep_linear_backward(p.A, p.Ws, p.dAL, act);
  };
}

}  // namespace

BOOST_AUTO_TEST_CASE(deep_linear_backward_rejects_missing_extra_or_empty_activations) {
  check_all_rejected(
      {{"an empty Ws", backward_with([](Pass& p) { p.Ws.clear(); }), "Ws"},
       {"an empty A", backward_with([](Pass& p) { p.A.clear(); })},
       {"L activations for L layers (A[0] = X missing)", backward_with([](Pass& p) { p.A.erase(p.A.begin()); })},
       {"L + 2 activations for L layers", backward_with([](Pass& p) { p.A.push_back(p.A.back()); })},
       {"A[0] with 0 examples (A and dAL all with 0 columns)", backward_with([](Pass& p) {
          p.A = {arma::mat(3, 0), arma::mat(4, 0), arma::mat(2, 0), arma::mat(3, 0)};
          p.dAL = arma::mat(3, 0);
        }), "A[0]"},
       {"A[0] with 0 features and W[1] of 4 x 0", backward_with([](Pass& p) {
          p.A[0] = arma::mat(0, 4);
          p.Ws[0] = arma::mat(4, 0);
        })}},
      "deep_linear_backward()");
}

BOOST_AUTO_TEST_CASE(deep_linear_backward_rejects_an_activation_of_the_wrong_shape_at_any_layer) {
  // Only ONE thing is wrong in each case; in particular dAL always matches A[L], so checking dAL against
  // A[L] alone does not find the others.
  check_all_rejected(
      {{"A[0] with 4 rows for W[1] of 3 columns", backward_with([](Pass& p) { p.A[0] = arma::ones(4, 4); }), "A[0]"},
       {"A[1] of 5 x 4 for a middle layer of 4 units", backward_with([](Pass& p) { p.A[1] = arma::ones(5, 4); }), "A[1]"},
       {"A[2] with 5 columns when X has 4 examples", backward_with([](Pass& p) { p.A[2] = arma::ones(2, 5); }), "A[2]"},
       {"A[3] of 4 x 4 (and dAL of 4 x 4) for an output layer of 3 units", backward_with([](Pass& p) {
          p.A[3] = arma::ones(4, 4);
          p.dAL = arma::ones(4, 4);
        }), "A[3]"},
       {"A[1] of 4 x 2 for one example", backward_with([](Pass& p) { p.A[1] = arma::ones(4, 2); }, 1), "A[1]"},
       // Transposed: the same number of entries, so only a check of rows AND columns finds them.
       {"A[2] transposed (4 x 2 instead of 2 x 4)", backward_with([](Pass& p) { p.A[2] = p.A[2].t(); }), "A[2]"},
       {"A[0] (= X) transposed (4 x 3 instead of 3 x 4)", backward_with([](Pass& p) { p.A[0] = p.A[0].t(); }), "A[0]"},
       {"A[3] and dAL transposed (4 x 3 instead of 3 x 4)", backward_with([](Pass& p) {
          p.A[3] = p.A[3].t();
          p.dAL = p.dAL.t();
        }), "A[3]"}},
      "deep_linear_backward()");
}

BOOST_AUTO_TEST_CASE(deep_linear_backward_rejects_a_bad_dAL_or_weight) {
  check_all_rejected(
      {{"dAL with 5 columns for 4 examples", backward_with([](Pass& p) { p.dAL = arma::ones(3, 5); }), "dAL"},
       {"dAL with 2 rows for an output of 3 units", backward_with([](Pass& p) { p.dAL = arma::ones(2, 4); }), "dAL"},
       {"dAL of 3 x 2 for one example", backward_with([](Pass& p) { p.dAL = arma::ones(3, 2); }, 1), "dAL"},
       // Transposed dAL: as many entries as A[L], so a check of n_elem alone lets it through.
       {"dAL transposed (4 x 3 for A[L] of 3 x 4)", backward_with([](Pass& p) { p.dAL = arma::ones(4, 3); }), "dAL"},
       {"W[2] transposed (4 x 2 instead of 2 x 4)", backward_with([](Pass& p) { p.Ws[1] = p.Ws[1].t(); }), "W[2]"},
       {"W[3] of 3 x 4 after a layer of 2 units", backward_with([](Pass& p) { p.Ws[2] = arma::ones(3, 4); }), "W[3]"},
       {"W[2] with 0 rows", backward_with([](Pass& p) { p.Ws[1] = arma::mat(0, 4); })}},
      "deep_linear_backward()");
}

BOOST_AUTO_TEST_CASE(deep_linear_backward_rejects_a_transposed_dAL_of_one_layer) {
  // X = [1 2; 3 4], one layer W[1] = [1 0; 0 1; 1 1]: A[1] = W[1] X = [1 2; 3 4; 4 6] is 3 x 2 (by hand),
  // and dAL must have that shape. A 2 x 3 dAL holds 6 entries too: compare rows and columns, not n_elem.
  const arma::mat X{{1.0, 2.0}, {3.0, 4.0}};
  const std::vector<arma::mat> Ws{arma::mat{{1.0, 0.0}, {0.0, 1.0}, {1.0, 1.0}}};
  const arma::mat A1{{1.0, 2.0}, {3.0, 4.0}, {4.0, 6.0}};
  check_all_rejected({{"dAL of 2 x 3 for A[1] of 3 x 2 (transposed)",
                       [&](Activation act) { kata::deep_linear_backward({X, A1}, Ws, arma::ones(2, 3), act); },
                       "dAL"}},
                     "deep_linear_backward()");
}

BOOST_AUTO_TEST_CASE(deep_linear_backward_rejects_nan_or_inf_anywhere) {
  using kata::test::kInf;
  using kata::test::kNaN;
  check_all_rejected(
      {{"dAL with NaN in its last entry", backward_with([](Pass& p) { p.dAL(p.dAL.n_elem - 1) = kNaN; }), "dAL"},
       {"dAL with Inf in its first entry", backward_with([](Pass& p) { p.dAL(0) = kInf; }), "dAL"},
       {"a one-example dAL with -Inf", backward_with([](Pass& p) { p.dAL(2) = -kInf; }, 1), "dAL"},
       {"A[0] (= X) with Inf", backward_with([](Pass& p) { p.A[0](3) = kInf; }), "A[0]"},
       {"A[2] (a middle layer) with NaN", backward_with([](Pass& p) { p.A[2](p.A[2].n_elem - 1) = kNaN; }), "A[2]"},
       {"W[2] (a middle layer) with Inf", backward_with([](Pass& p) { p.Ws[1](5) = kInf; }), "W[2]"},
       {"W[3] (the last layer) with NaN", backward_with([](Pass& p) { p.Ws[2](0) = kNaN; }), "W[3]"}},
      "deep_linear_backward()");
}

BOOST_AUTO_TEST_SUITE_END()
