// Lesson 11 checks. Each case is one CTest test ("check"); messages say what was expected and why.
//
// The cost functions here are hand-made (quadratics, a cubic) with gradients known in closed form, so
// every expected value is computed independently of the solution.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstring>
#include <functional>
#include <memory>
#include <iomanip>
#include <limits>
#include <string>
#include <vector>

#include "gradient_checking.hpp"
#include "kata/rng.hpp"
#include "kata_test.hpp"

namespace bdata = boost::unit_test::data;
using kata::NamedBlock;
using kata::test::check_close;
using kata::test::check_rejects;
using kata::test::message_of;
using kata::test::show;

namespace {

using kata::test::kInf;
using kata::test::kNaN;

// A vector in full precision, "(0.1, 0.33333333333333331, -2.7)": 1 - 1e-7 must not print as 1.
std::string show_vec(const arma::vec& v) {
  std::string out = "(";
  for (arma::uword i = 0; i < v.n_elem; ++i) out += (i ? ", " : "") + show(v(i));
  return out + ")";
}

// relative_difference(a, b), with its arguments recorded for the report in case it throws.
double rel_diff(const arma::vec& a, const arma::vec& b) {
  BOOST_TEST_INFO("relative_difference(" << show_vec(a) << ", " << show_vec(b) << ")");
  return kata::relative_difference(a, b);
}

// Same shape and the same bits in every entry (no tolerance at all).
bool bitwise_equal(const arma::mat& a, const arma::mat& b) {
  return a.n_rows == b.n_rows && a.n_cols == b.n_cols &&
         std::memcmp(a.memptr(), b.memptr(), a.n_elem * sizeof(double)) == 0;
}

// A small two-layer layout: W1 3×2, b1 3×1, W2 1×3, b2 1×1 (13 entries), filled from a seeded Rng.
std::vector<NamedBlock> small_params(std::uint32_t seed) {
  kata::Rng rng(seed);
  return {{"W1", rng.randn(3, 2)}, {"b1", rng.randn(3, 1)}, {"W2", rng.randn(1, 3)}, {"b2", rng.randn(1, 1)}};
}

// J(θ) = ½ θᵀ A θ + cᵀ θ with A symmetric and NOT diagonal, so every entry's derivative depends on the
// others: ∇J = A θ + c. A two-sided difference is exact for a quadratic up to round-off.
struct Quadratic {
  arma::mat A;
  arma::vec c;
  explicit Quadratic(arma::uword n, std::uint32_t seed = 7) {
    kata::Rng rng(seed);
    const arma::mat M = rng.randn(n, n);
    A = M * M.t() / static_cast<double>(n) + arma::eye(n, n);
    c = arma::vec(rng.randn(n, 1));
  }
  double operator()(const arma::vec& t) const { return 0.5 * arma::dot(t, A * t) + arma::dot(c, t); }
  arma::vec gradient(const arma::vec& t) const { return A * t + c; }
};

// Records every θ that J was called with.
struct Recorder {
  std::vector<arma::vec> calls;
  kata::CostOfTheta as_cost() {
    return [this](const arma::vec& t) {
      calls.push_back(t);
      return arma::accu(arma::square(t));
    };
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(params_to_vector, *boost::unit_test::description("task 1: unroll the parameters"))

BOOST_AUTO_TEST_CASE(unrolls_block_after_block_column_major) {
  // Hand-unrolled: W = [1 2; 3 4] column by column is 1, 3, 2, 4; then b = (5, 6).
  const std::vector<NamedBlock> p{{"W1", arma::mat{{1.0, 2.0}, {3.0, 4.0}}}, {"b1", arma::mat(arma::vec{5.0, 6.0})}};
  kata::test::check_mat_close(kata::params_to_vector(p), arma::vec{1.0, 3.0, 2.0, 4.0, 5.0, 6.0}, 0.0,
                              "params_to_vector({W = [1 2; 3 4], b = [5; 6]})",
                              "blocks in list order, each block column by column (arma::vectorise)");
}

BOOST_AUTO_TEST_CASE(length_is_the_total_number_of_parameters) {
  const auto p = small_params(1);
  const arma::vec theta = kata::params_to_vector(p);
  BOOST_CHECK_MESSAGE(theta.n_elem == 13, "params_to_vector(): W1 3x2 + b1 3x1 + W2 1x3 + b2 1x1 hold 13 "
                                          "entries, got a vector of length " << theta.n_elem);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(vector_to_params, *boost::unit_test::description("task 1: unroll the parameters"))

BOOST_AUTO_TEST_CASE(round_trip_is_exact) {
  const auto p = small_params(2);
  const auto back = kata::vector_to_params(kata::params_to_vector(p), p);
  BOOST_REQUIRE_MESSAGE(back.size() == p.size(), "vector_to_params(): expected " << p.size() << " blocks, got "
                                                                                 << back.size());
  for (std::size_t k = 0; k < p.size(); ++k) {
    BOOST_CHECK_MESSAGE(back[k].name == p[k].name, "vector_to_params(): block " << k << " should be named '"
                                                                                << p[k].name << "', got '"
                                                                                << back[k].name << "'");
    BOOST_CHECK_MESSAGE(bitwise_equal(back[k].value, p[k].value),
                        "vector_to_params(params_to_vector(p), p): block '"
                            << p[k].name << "' is not bit-for-bit the original (shape " << back[k].value.n_rows
                            << " x " << back[k].value.n_cols << ", expected " << p[k].value.n_rows << " x "
                            << p[k].value.n_cols << ")"
                            << kata::test::hint_suffix("copy the entries back with the shape of `like`, in "
                                                       "the same (column-major) order params_to_vector used"));
  }
}

BOOST_AUTO_TEST_CASE(fills_shapes_of_like_in_order) {
  // θ = 1..6 into a 2×2 and a 2×1 block: column-major gives W = [1 3; 2 4], b = [5; 6] (by hand).
  const std::vector<NamedBlock> like{{"W1", arma::mat(2, 2, arma::fill::zeros)}, {"b1", arma::mat(2, 1)}};
  const auto p = kata::vector_to_params(arma::vec{1.0, 2.0, 3.0, 4.0, 5.0, 6.0}, like);
  BOOST_REQUIRE(p.size() == 2);
  kata::test::check_mat_close(p[0].value, arma::mat{{1.0, 3.0}, {2.0, 4.0}}, 0.0, "vector_to_params(1..6) W1",
                              "fill each block column by column, like arma::reshape");
  kata::test::check_mat_close(p[1].value, arma::mat(arma::vec{5.0, 6.0}), 0.0, "vector_to_params(1..6) b1",
                              "the second block starts right after the first one's 4 entries");
}

BOOST_AUTO_TEST_CASE(only_the_shapes_of_like_are_used) {
  // `like` only lends names and shapes: its values may be anything, NaN included (a layout made from
  // placeholder matrices). θ = (1, 2, 3) into a 1 x 2 and a 1 x 1 block, by hand: [1 2] and [3].
  const std::vector<NamedBlock> like{{"W1", arma::mat(1, 2, arma::fill::value(kNaN))}, {"b1", arma::mat(1, 1, arma::fill::value(kInf))}};
  const auto p = kata::vector_to_params(arma::vec{1.0, 2.0, 3.0}, like);
  BOOST_REQUIRE_MESSAGE(p.size() == 2, "vector_to_params(): expected 2 blocks, got " << p.size());
  kata::test::check_mat_close(p[0].value, arma::mat{{1.0, 2.0}}, 0.0, "vector_to_params() W1 from a NaN-filled like",
                              "the values inside `like` are ignored: only its names and shapes are used");
  kata::test::check_mat_close(p[1].value, arma::mat(1, 1, arma::fill::value(3.0)), 0.0, "vector_to_params() b1",
                              "the values inside `like` are ignored");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(gradients_to_vector, *boost::unit_test::description("task 1: unroll the parameters"))

BOOST_AUTO_TEST_CASE(unrolls_like_the_parameters) {
  const std::vector<NamedBlock> params{{"W1", arma::mat(2, 2, arma::fill::zeros)}, {"b1", arma::mat(2, 1)}};
  const std::vector<NamedBlock> grads{{"dW1", arma::mat{{1.0, 2.0}, {3.0, 4.0}}}, {"db1", arma::mat(arma::vec{5.0, 6.0})}};
  kata::test::check_mat_close(kata::gradients_to_vector(grads, params), arma::vec{1.0, 3.0, 2.0, 4.0, 5.0, 6.0}, 0.0,
                              "gradients_to_vector({dW = [1 2; 3 4], db = [5; 6]})",
                              "unroll dθ exactly like θ, or dθ_i is not the derivative for θ_i");
}

BOOST_AUTO_TEST_CASE(only_the_shapes_of_params_are_used) {
  // The parameter blocks lend their shapes only; their values may be NaN (placeholders) without an error.
  const std::vector<NamedBlock> params{{"W1", arma::mat(2, 1, arma::fill::value(kNaN))}, {"b1", arma::mat(1, 1, arma::fill::value(kInf))}};
  const std::vector<NamedBlock> grads{{"dW1", arma::mat(arma::vec{-1.5, 2.0})}, {"db1", arma::mat(1, 1, arma::fill::value(0.25))}};
  kata::test::check_mat_close(kata::gradients_to_vector(grads, params), arma::vec{-1.5, 2.0, 0.25}, 0.0,
                              "gradients_to_vector() with NaN-valued parameter blocks",
                              "only the parameters' SHAPES are used: do not validate their values");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(approximate_gradient, *boost::unit_test::description("task 2: estimate each component"))

BOOST_AUTO_TEST_CASE(matches_the_gradient_of_a_quadratic) {
  const Quadratic q(6);
  arma::vec theta{0.3, -1.2, 2.0, 0.7, -0.4, 1.1};
  const arma::vec expected = q.gradient(theta);
  // eps = 1e-4: a two-sided difference of a quadratic is exact in exact arithmetic; round-off is about
  // 1e-16 · |J| / 1e-4 ≈ 1e-11. A one-sided difference would be off by A_ii · eps / 2 ≈ 1e-4.
  BOOST_TEST_INFO("approximate_gradient(quadratic, theta = " << show_vec(theta) << ", 1e-4)");
  kata::test::check_mat_close(kata::approximate_gradient(q, theta, 1e-4), expected, 1e-8,
                              "approximate_gradient(quadratic, eps = 1e-4)",
                              "two-sided: (J(θ + ε e_i) − J(θ − ε e_i)) / (2ε), one entry i at a time");
}

BOOST_AUTO_TEST_CASE(is_two_sided_on_a_cubic) {
  // J(θ) = Σ θ_i³. Exactly: (( x+ε)³ − (x−ε)³) / 2ε = 3x² + ε², so with ε = 1e-3 the two-sided estimate is
  // 3x² + 1e-6, while a one-sided one would be 3x² + 3xε + ε² (off by ≈ 3e-3 here).
  const kata::CostOfTheta cube = [](const arma::vec& t) { return arma::accu(arma::pow(t, 3)); };
  arma::vec theta{1.0, -0.5, 2.0};
  const double eps = 1e-3;
  const arma::vec expected = 3.0 * arma::square(theta) + eps * eps;
  // Round-off: |J| ≈ 10, so ≈ 1e-15 / 2e-3 ≈ 1e-12 per entry; 1e-9 leaves room.
  BOOST_TEST_INFO("approximate_gradient(sum of cubes, theta = (1, -0.5, 2), 1e-3)");
  kata::test::check_mat_close(kata::approximate_gradient(cube, theta, eps), expected, 1e-9,
                              "approximate_gradient(Σ θ³, eps = 1e-3)",
                              "error ≈ 3θε means a one-sided difference (J(θ+ε) − J(θ)) / ε: use both sides");
}

BOOST_AUTO_TEST_CASE(each_call_changes_exactly_one_entry) {
  Recorder rec;
  arma::vec theta{0.1, 1.0 / 3.0, -2.7};
  const arma::vec original = theta;
  const double eps = 1e-7;
  BOOST_TEST_INFO("approximate_gradient(sum of squares, theta = " << show_vec(theta) << ", 1e-7)");
  kata::approximate_gradient(rec.as_cost(), theta, eps);
  BOOST_REQUIRE_MESSAGE(rec.calls.size() == 6, "approximate_gradient(): expected 2n = 6 calls of J for n = 3, got "
                                                   << rec.calls.size());
  for (arma::uword c = 0; c < 6; ++c) {
    const arma::uword i = c / 2;
    arma::vec expected = original;
    expected(i) = c % 2 == 0 ? original(i) + eps : original(i) - eps;
    BOOST_CHECK_MESSAGE(bitwise_equal(rec.calls[c], expected),
                        "approximate_gradient(): call " << c + 1 << " of J should see θ with only entry " << i
                                                        << " changed, to θ_" << i << (c % 2 ? " - " : " + ")
                                                        << "eps: expected θ = " << show_vec(expected) << ", got "
                                                        << show_vec(rec.calls[c])
                                                        << kata::test::hint_suffix(
                                                               "save θ_i, set θ_i = saved + ε, then saved − ε, "
                                                               "then put the saved value back before moving on"));
  }
}

BOOST_AUTO_TEST_CASE(restores_theta_bit_for_bit) {
  // Values where x + ε − 2ε + ε is NOT x in floating point, and small ones (3e-12, −2.5e-10) where even
  // (x − ε) + ε and (x + ε) − ε are not x (numpy: (3e-12 − 1e-7) + 1e-7 = 3.0000000000034018e-12), so every
  // way of restoring by arithmetic shows up. (For most entries of order 1, (x − ε) + ε is x again by luck.)
  arma::vec theta{0.1, 1.0 / 3.0, -2.7, 1e3 + 0.3, 7.0 / 9.0, 0.2, 3e-12, -2.5e-10};
  const arma::vec original = theta;
  const Quadratic q(8);
  BOOST_TEST_INFO("approximate_gradient(quadratic, theta = " << show_vec(theta) << ", 1e-7)");
  kata::approximate_gradient(q, theta, 1e-7);
  BOOST_CHECK_MESSAGE(bitwise_equal(theta, original),
                      "approximate_gradient(): θ must come back bit for bit: expected " << show_vec(original) << ", got "
                                                                                           << show_vec(theta)
                                                                   << kata::test::hint_suffix(
                                                                          "restore the SAVED value: θ_i + ε − ε is "
                                                                          "not always θ_i in floating point"));
}

BOOST_AUTO_TEST_CASE(the_default_eps_is_1e_7) {
  // Called without eps, J sees θ_i ± 1e-7 exactly (the course's ε).
  Recorder rec;
  arma::vec theta{0.25, -1.5};
  const arma::vec original = theta;
  BOOST_TEST_INFO("approximate_gradient(sum of squares, theta = (0.25, -1.5)) without eps");
  kata::approximate_gradient(rec.as_cost(), theta);
  BOOST_REQUIRE_MESSAGE(rec.calls.size() == 4, "approximate_gradient(): expected 4 calls of J, got " << rec.calls.size());
  arma::vec first = original;
  first(0) += 1e-7;
  BOOST_CHECK_MESSAGE(bitwise_equal(rec.calls[0], first), "approximate_gradient() without eps: the first call of J "
                                                              "should see θ_0 + 1e-7, got θ = "
                                                              << show_vec(rec.calls[0]) << ", expected "
                                                              << show_vec(first)
                                                              << kata::test::hint_suffix("use the eps you are given "
                                                                                         "(the header's default is 1e-7)"));
}

BOOST_AUTO_TEST_CASE(a_subnormal_eps_is_valid) {
  // eps = 4.9e-324 (denorm_min) is > 0 and finite. J = 3 theta_0 - 2 theta_1 at theta = 0: by hand
  // (3d - (-3d)) / (2d) = 3 and (-2d - 2d) / (2d) = -2, exact on the subnormal grid. Tolerance 0; and
  // gradient_check against the exact (3, -2) gives 0.
  const double d = std::numeric_limits<double>::denorm_min();
  const kata::CostOfTheta J = [](const arma::vec& t) { return 3.0 * t(0) - 2.0 * t(1); };
  const std::string hint = "eps > 0 and finite is all the contract asks, subnormal eps included: compare with 0, "
                           "not with std::numeric_limits<double>::min() (the smallest NORMAL double)";
  arma::vec theta{0.0, 0.0};
  const auto approx = kata::test::returns("approximate_gradient(3 theta_0 - 2 theta_1, (0, 0), eps = 4.9e-324)",
                                          [&] { return kata::approximate_gradient(J, theta, d); });
  if (approx) kata::test::check_mat_close(*approx, arma::vec{3.0, -2.0}, 0.0, "approximate_gradient() with eps = denorm_min", hint);
  const auto difference = kata::test::returns("gradient_check(3 theta_0 - 2 theta_1, (0, 0), (3, -2), eps = 4.9e-324)",
                                              [&] { return kata::gradient_check(J, theta, arma::vec{3.0, -2.0}, d); });
  if (difference) check_close(*difference, 0.0, 0.0, "gradient_check() with eps = denorm_min and the exact gradient", hint);
}

BOOST_AUTO_TEST_CASE(one_entry) {
  // n = 1, the smallest θ: J(θ) = θ³ at θ = −0.6 with ε = 1e-3; exactly 3θ² + ε² = 1.08 + 1e-6 (one-sided:
  // off by 3θε = −1.8e-3). Round-off ~1e-16 / 1e-3: tolerance 1e-11.
  arma::vec theta{-0.6};
  BOOST_TEST_INFO("approximate_gradient(theta^3, theta = (-0.6), 1e-3)");
  const arma::vec got = kata::approximate_gradient([](const arma::vec& t) { return t(0) * t(0) * t(0); }, theta, 1e-3);
  kata::test::check_mat_close(got, arma::vec{1.08 + 1e-6}, 1e-11, "approximate_gradient(theta^3) at theta = -0.6",
                              "a single parameter is a valid θ: one two-sided difference");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(relative_difference, *boost::unit_test::description("task 3: compare with a relative difference"))

BOOST_AUTO_TEST_CASE(uses_l2_norms_and_the_symmetric_denominator) {
  // By hand: a = (3, 4), b = (4, 3): a − b = (−1, 1), ‖a − b‖₂ = √2, ‖a‖₂ = ‖b‖₂ = 5 → √2 / 10.
  // L1 norms would give 2 / 14 = 0.142857...; dividing by ‖a‖₂ alone would give √2 / 5.
  check_close(rel_diff({3.0, 4.0}, {4.0, 3.0}), std::sqrt(2.0) / 10.0, 1e-15,
              "relative_difference((3, 4), (4, 3))",
              "‖a − b‖₂ / (‖a‖₂ + ‖b‖₂) with Euclidean norms (0.142857 would be L1 norms, 0.2828 means "
              "dividing by ‖a‖₂ only)");
  // By hand: a = (1, 0, 0), b = (0, 2, 2): ‖a − b‖₂ = 3, ‖a‖₂ = 1, ‖b‖₂ = √8 → 3 / (1 + 2√2).
  // L1 norms: 5 / (1 + 4) = 1; ‖a − b‖₂ / ‖a‖₂ = 3.
  check_close(rel_diff({1.0, 0.0, 0.0}, {0.0, 2.0, 2.0}), 3.0 / (1.0 + 2.0 * std::sqrt(2.0)), 1e-15,
              "relative_difference((1, 0, 0), (0, 2, 2))",
              "expected 0.78361; 1 would be L1 norms, 3 would be ‖a − b‖₂ / ‖a‖₂");
}

BOOST_AUTO_TEST_CASE(is_symmetric) {
  // a = (3, 4), b = (6, 8): ‖a − b‖₂ = 5, ‖a‖₂ = 5, ‖b‖₂ = 10 → 5 / 15 = 1/3 in both orders.
  // Dividing by one vector's norm gives 1 one way and 0.5 the other.
  check_close(rel_diff({3.0, 4.0}, {6.0, 8.0}), 1.0 / 3.0, 1e-15, "relative_difference((3, 4), (6, 8))",
              "the denominator is ‖a‖₂ + ‖b‖₂, the same whichever vector comes first");
  check_close(rel_diff({6.0, 8.0}, {3.0, 4.0}), 1.0 / 3.0, 1e-15, "relative_difference((6, 8), (3, 4))",
              "the denominator is ‖a‖₂ + ‖b‖₂, the same whichever vector comes first");
}

BOOST_AUTO_TEST_CASE(two_zero_vectors_agree) {
  // 0/0: both gradients are zero, they agree exactly → 0, not NaN.
  check_close(rel_diff(arma::vec(4, arma::fill::zeros), arma::vec(4, arma::fill::zeros)), 0.0, 0.0,
              "relative_difference(0, 0)", "guard the 0/0 case: two zero vectors agree, return 0");
  // One zero and one not: ‖b‖ / (0 + ‖b‖) = 1 exactly.
  check_close(rel_diff(arma::vec(2, arma::fill::zeros), {1e-9, 0}), 1.0, 1e-15,
              "relative_difference(0, (1e-9, 0))", "a zero and a non-zero gradient disagree completely: 1");
}

BOOST_AUTO_TEST_CASE(is_scale_free) {
  // ‖ka − kb‖ / (‖ka‖ + ‖kb‖) = ‖a − b‖ / (‖a‖ + ‖b‖): tiny gradients are judged like big ones, at every scale
  // a double holds. At 1e-170 the squares (1e-340) underflow to 0 and at 1e200 they overflow to Inf, so
  // sqrt(sum of squares) by hand gives 0/0 or Inf/Inf there; arma::norm rescales and stays exact. At 1e-13
  // the norms are ~1e-12: a guard like "denominator < 1e-12 → 0" calls them equal. Tolerance 1e-15 relative
  // to √2/10: a few roundings.
  for (const double k : {1e-170, 1e-13, 3e-8, 1.0, 1e200}) {
    const std::string shown = show(k);
    check_close(rel_diff({3 * k, 4 * k}, {4 * k, 3 * k}), std::sqrt(2.0) / 10.0, 1e-15,
                "relative_difference((3, 4) * " + shown + ", (4, 3) * " + shown + ")",
                "the difference is relative: scale does not matter. Use arma::norm (sqrt of a sum of squares "
                "underflows or overflows), and guard only the exact 0/0");
    // One zero vector and one non-zero: 1, however small the non-zero one is.
    check_close(rel_diff({0.0, 0.0}, {k, 0.0}), 1.0, 1e-15,
                "relative_difference(0, (" + shown + ", 0))",
                "only two EXACTLY zero vectors give 0; a zero and a non-zero vector disagree completely: 1");
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(gradient_check, *boost::unit_test::description("task 4: the whole check"))

BOOST_AUTO_TEST_CASE(passes_a_correct_gradient) {
  const Quadratic q(8);
  kata::Rng rng(3);
  arma::vec theta(rng.randn(8, 1));
  const arma::vec dtheta = q.gradient(theta);
  // Default eps = 1e-7: the two-sided difference of a quadratic is exact but for round-off, about
  // 1e-16 · |J| / 1e-7 ≈ 1e-8 per entry against entries of size ≈ 1: well below 2e-7.
  BOOST_TEST_INFO("gradient_check(quadratic, theta = " << show_vec(theta) << ", dtheta = " << show_vec(dtheta) << ")");
  const double d = kata::gradient_check(q, theta, dtheta);
  BOOST_CHECK_MESSAGE(d < 2e-7, "gradient_check(quadratic, its exact gradient): expected < 2e-7, got "
                                    << show(d) << kata::test::hint_suffix("a correct gradient must pass; check the formula "
                                                                    "and that ε is 1e-7 by default"));
}

BOOST_AUTO_TEST_CASE(flags_a_wrong_gradient) {
  const Quadratic q(8);
  kata::Rng rng(3);
  arma::vec theta(rng.randn(8, 1));
  arma::vec dtheta = q.gradient(theta);
  dtheta(5) *= 2.0;  // a planted bug in one entry
  BOOST_TEST_INFO("gradient_check(quadratic, theta = " << show_vec(theta) << ", dtheta = " << show_vec(dtheta) << ")");
  const double d = kata::gradient_check(q, theta, dtheta);
  BOOST_CHECK_MESSAGE(d > 1e-3, "gradient_check(): entry 5 of dθ is doubled, the difference should be > 1e-3, got "
                                    << show(d));
}

BOOST_AUTO_TEST_CASE(regularization_must_be_in_both_J_and_dtheta) {
  // J(θ) = data term + (λ/2)‖θ‖², so dθ = ∇(data term) + λθ. Leaving the penalty out of either side fails.
  const Quadratic q(6);
  const double lambda = 0.7;
  const kata::CostOfTheta J = [&](const arma::vec& t) { return q(t) + 0.5 * lambda * arma::dot(t, t); };
  const kata::CostOfTheta J_without = [&](const arma::vec& t) { return q(t); };
  kata::Rng rng(5);
  arma::vec theta(rng.randn(6, 1));
  const arma::vec dtheta = q.gradient(theta) + lambda * theta;
  BOOST_TEST_INFO("gradient_check(quadratic + L2, theta = " << show_vec(theta) << ", dtheta with L2)");
  const double both = kata::gradient_check(J, theta, dtheta);
  BOOST_TEST_INFO("gradient_check(quadratic without L2, theta = " << show_vec(theta) << ", dtheta with L2)");
  const double forgotten = kata::gradient_check(J_without, theta, dtheta);
  BOOST_CHECK_MESSAGE(both < 2e-7, "gradient_check(J with L2, dθ with L2): expected < 2e-7, got " << show(both));
  BOOST_CHECK_MESSAGE(forgotten > 1e-3, "gradient_check(J WITHOUT L2, dθ with L2): expected > 1e-3, got "
                                            << show(forgotten));
}

BOOST_AUTO_TEST_CASE(leaves_theta_unchanged) {
  // As in approximate_gradient: entries where every arithmetic restore fails, the small ones included.
  const Quadratic q(8);
  arma::vec theta{0.1, 1.0 / 3.0, -2.7, 1e3 + 0.3, 7.0 / 9.0, 0.2, 3e-12, -2.5e-10};
  const arma::vec original = theta;
  BOOST_TEST_INFO("gradient_check(quadratic, theta = " << show_vec(theta) << ", its gradient)");
  kata::gradient_check(q, theta, q.gradient(theta));
  BOOST_CHECK_MESSAGE(bitwise_equal(theta, original),
                      "gradient_check(): θ must come back bit for bit: expected " << show_vec(original) << ", got "
                                                                                     << show_vec(theta)
                                                             << kata::test::hint_suffix("restore each entry to its "
                                                                                        "saved value"));
}

BOOST_AUTO_TEST_CASE(a_constant_cost_with_zero_gradient_passes) {
  // J constant, dθ = 0: dθ_approx is exactly 0 too, so the difference is the 0/0 case → 0.
  arma::vec theta{1.0, -2.0, 3.0};
  BOOST_TEST_INFO("gradient_check(J = 4.2, theta = (1, -2, 3), dtheta = (0, 0, 0))");
  const double d = kata::gradient_check([](const arma::vec&) { return 4.2; }, theta, arma::vec(3, arma::fill::zeros));
  check_close(d, 0.0, 0.0, "gradient_check(constant J, dθ = 0)", "0/0 means perfect agreement: return 0, not NaN");
}

BOOST_AUTO_TEST_CASE(uses_the_given_eps_and_1e_7_by_default) {
  // J sees θ_i ± eps with the eps passed in (1e-3 here), and ± 1e-7 when none is passed.
  for (const double eps : {1e-3, 0.0}) {
    Recorder rec;
    arma::vec theta{0.25, -1.5};
    const arma::vec dtheta{0.5, -3.0};  // ∇ Σ θ² = 2θ
    BOOST_TEST_INFO("gradient_check(sum of squares, theta = (0.25, -1.5), dtheta = (0.5, -3), eps = "
                    << (eps > 0.0 ? show(eps) : std::string("default")) << ")");
    if (eps > 0.0)
      kata::gradient_check(rec.as_cost(), theta, dtheta, eps);
    else
      kata::gradient_check(rec.as_cost(), theta, dtheta);
    const double used = eps > 0.0 ? eps : 1e-7;
    BOOST_REQUIRE_MESSAGE(rec.calls.size() == 4, "gradient_check(): expected 4 calls of J, got " << rec.calls.size());
    const arma::vec want{0.25, -1.5 - used};
    BOOST_CHECK_MESSAGE(bitwise_equal(rec.calls[3], want),
                        "gradient_check(eps = " << (eps > 0.0 ? show(eps) : std::string("default")) << "): the last call "
                        "of J should see θ_1 - " << show(used) << " = " << show_vec(want) << ", got θ = "
                                                 << show_vec(rec.calls[3])
                        << kata::test::hint_suffix("pass gradient_check's eps on to the two-sided differences"));
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(verdict, *boost::unit_test::description("task 5: read the number"))

struct VerdictCase {
  double difference;
  kata::Verdict expected;
};
std::ostream& operator<<(std::ostream& out, const VerdictCase& c) {
  return out << "difference = " << show(c.difference);
}

// The borders are the contract's: < 1e-6 great, < 1e-4 look closer, else worry.
const VerdictCase verdict_cases[] = {
    {0.0, kata::Verdict::great},         {1e-9, kata::Verdict::great},       {1e-7, kata::Verdict::great},
    {9.99e-7, kata::Verdict::great},     {1e-6, kata::Verdict::look_closer}, {1e-5, kata::Verdict::look_closer},
    {9.99e-5, kata::Verdict::look_closer}, {1e-4, kata::Verdict::worry},     {1e-3, kata::Verdict::worry},
    {1.0, kata::Verdict::worry},
    // The borders to the last bit, and valid values beyond the relative difference's [0, 1]: verdict takes
    // any difference >= 0 (a sum of block differences, another formula), +Inf included.
    {std::numeric_limits<double>::denorm_min(), kata::Verdict::great},
    {std::nextafter(1e-6, 0.0), kata::Verdict::great},          // the double just below 1e-6
    {std::nextafter(1e-4, 0.0), kata::Verdict::look_closer},    // the double just below 1e-4
    {2.0, kata::Verdict::worry},
    {kInf, kata::Verdict::worry},
};

BOOST_DATA_TEST_CASE(follows_the_rule_of_thumb, bdata::make(verdict_cases), c) {
  const kata::Verdict got = kata::verdict(c.difference);
  BOOST_CHECK_MESSAGE(got == c.expected, "verdict(" << show(c.difference) << "): expected '" << kata::verdict_name(c.expected)
                                                    << "', got '" << kata::verdict_name(got) << "'"
                                                    << kata::test::hint_suffix("< 1e-6 great, < 1e-4 look closer, "
                                                                               "anything from 1e-4 up: worry"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(worst_parameters, *boost::unit_test::description("task 6: find the bug"))

BOOST_AUTO_TEST_CASE(localizes_planted_bugs) {
  const auto layout = small_params(6);  // W1 (6 entries), b1 (3), W2 (3), b2 (1)
  kata::Rng rng(8);
  const arma::vec approx(rng.randn(13, 1));
  arma::vec dtheta = approx;
  dtheta.subvec(6, 8) *= 4.0;   // db1 × 4: |4g − g| / (|g| + |4g|) = 3/5, whatever g is
  dtheta.subvec(9, 11) *= 2.0;  // dW2 × 2: |2g − g| / (|g| + |2g|) = 1/3
  BOOST_TEST_INFO("worst_parameters(approx, dtheta = approx with db1 x 4 and dW2 x 2, layout W1 3x2, b1 3x1, W2 1x3, b2 1x1)");
  const auto rows = kata::worst_parameters(approx, dtheta, layout);
  BOOST_REQUIRE_MESSAGE(rows.size() == 4, "worst_parameters(): expected one row per block (4), got " << rows.size());
  const char* expected_names[] = {"b1", "W2", "W1", "b2"};
  const double expected_diff[] = {0.6, 1.0 / 3.0, 0.0, 0.0};
  const arma::uword expected_size[] = {3, 3, 6, 1};
  for (std::size_t k = 0; k < 4; ++k) {
    BOOST_CHECK_MESSAGE(rows[k].name == expected_names[k],
                        "worst_parameters(): row " << k << " should be '" << expected_names[k] << "', got '"
                                                   << rows[k].name << "'"
                                                   << kata::test::hint_suffix("largest difference first; equal "
                                                                              "ones keep the layout order (stable sort)"));
    check_close(rows[k].difference, expected_diff[k], 1e-14, "worst_parameters(): difference of row " + std::to_string(k),
                "each block's ‖a − b‖₂ / (‖a‖₂ + ‖b‖₂) on its own slice");
    BOOST_CHECK_MESSAGE(rows[k].size == expected_size[k], "worst_parameters(): row " << k << " size expected "
                                                                                     << expected_size[k] << ", got "
                                                                                     << rows[k].size);
  }
}

BOOST_AUTO_TEST_CASE(a_block_of_zeros_agrees) {
  const std::vector<NamedBlock> layout{{"W1", arma::mat(1, 2)}, {"b1", arma::mat(1, 1)}};
  BOOST_TEST_INFO("worst_parameters((1, 2, 0), (1, 3, 0), layout W1 1x2, b1 1x1)");
  const auto rows = kata::worst_parameters({1.0, 2.0, 0.0}, {1.0, 3.0, 0.0}, layout);
  BOOST_REQUIRE(rows.size() == 2);
  BOOST_CHECK_MESSAGE(rows[0].name == "W1" && rows[1].name == "b1",
                      "worst_parameters(): expected W1 then b1, got " << rows[0].name << ", " << rows[1].name);
  check_close(rows[1].difference, 0.0, 0.0, "worst_parameters(): b1 with both gradients 0",
              "0/0 inside a block also means agreement: 0, not NaN");
}

BOOST_AUTO_TEST_CASE(block_differences_are_scale_free) {
  // Each block's difference is relative_difference's formula (header), so it is the same at every scale a
  // double holds: W1 = (3, 4) * k against (4, 3) * k gives sqrt(2) / 10 and b1 = (1) * k against (2) * k gives
  // 1/3 (by hand: |1 - 2| / (1 + 2)), for k = 1e-170 (squares underflow to 0) and 1e200 (squares overflow to
  // inf). Tolerance 1e-15: a few roundings of numbers below 1.
  const std::vector<NamedBlock> layout{{"W1", arma::mat(1, 2)}, {"b1", arma::mat(1, 1)}};
  for (const double k : {1e-170, 1e200}) {
    const std::string shown = show(k);
    BOOST_TEST_INFO("worst_parameters((3, 4, 1) * " << shown << ", (4, 3, 2) * " << shown << ", layout W1 1x2, b1 1x1)");
    const auto rows = kata::worst_parameters(arma::vec{3.0, 4.0, 1.0} * k, arma::vec{4.0, 3.0, 2.0} * k, layout);
    BOOST_REQUIRE_MESSAGE(rows.size() == 2, "worst_parameters(): expected 2 rows, got " << rows.size());
    const std::string hint = "each block's difference is relative_difference's formula: use arma::norm, which "
                             "does not underflow or overflow; sqrt of a sum of squares gives 0 or NaN at this scale";
    BOOST_CHECK_MESSAGE(rows[0].name == "b1" && rows[1].name == "W1",
                        "worst_parameters() at scale " << shown << ": expected b1 (1/3) before W1 (0.1414), got "
                                                       << rows[0].name << ", " << rows[1].name << kata::test::hint_suffix(hint));
    for (const auto& row : rows)
      check_close(row.difference, row.name == "b1" ? 1.0 / 3.0 : std::sqrt(2.0) / 10.0, 1e-15,
                  "worst_parameters(): the difference of block " + row.name + " at scale " + shown, hint);
  }
}

BOOST_AUTO_TEST_CASE(ties_keep_layout_order_in_a_long_report) {
  // 40 blocks (W1, b1, ..., W20, b20) of 2 entries each, approx = (3, 4) in every block and dθ = approx ×
  // factor, with factor 4 (difference 3/5), 2 (1/3) or 1 (0) in a scrambled pattern. Tied blocks have
  // bit-identical slices, so their differences are exactly equal, and the contract says they keep their
  // layout order. (libstdc++'s std::sort is stable up to 16 elements by accident; at 40 it is not.)
  // Expected order, built here class by class: every factor-4 block in layout order, then factor 2, then 1.
  const std::size_t n_blocks = 40;
  std::vector<NamedBlock> layout;
  std::vector<double> factor(n_blocks);
  arma::vec approx(2 * n_blocks), dtheta(2 * n_blocks);
  for (std::size_t k = 0; k < n_blocks; ++k) {
    layout.push_back({(k % 2 ? "b" : "W") + std::to_string(k / 2 + 1), arma::mat(2, 1)});
    factor[k] = (k * 7 + k / 5) % 3 == 0 ? 4.0 : (k * 7 + k / 5) % 3 == 1 ? 2.0 : 1.0;
    approx.subvec(2 * k, 2 * k + 1) = arma::vec{3.0, 4.0};
    dtheta.subvec(2 * k, 2 * k + 1) = arma::vec{3.0, 4.0} * factor[k];
  }
  std::vector<std::string> expected;
  for (const double f : {4.0, 2.0, 1.0})
    for (std::size_t k = 0; k < n_blocks; ++k)
      if (factor[k] == f) expected.push_back(layout[k].name);
  BOOST_TEST_INFO("worst_parameters() on 40 blocks of 2 entries");
  const auto rows = kata::worst_parameters(approx, dtheta, layout);
  BOOST_REQUIRE_MESSAGE(rows.size() == n_blocks, "worst_parameters(): expected 40 rows, got " << rows.size());
  std::string got_order, expected_order;
  for (std::size_t k = 0; k < n_blocks; ++k) {
    got_order += rows[k].name + " ";
    expected_order += expected[k] + " ";
  }
  BOOST_CHECK_MESSAGE(got_order == expected_order,
                      "worst_parameters() on 40 blocks with three tied groups:\n  expected " << expected_order << "\n  got      "
                          << got_order
                          << kata::test::hint_suffix("equal differences keep their layout order: std::stable_sort, not "
                                                     "std::sort (which is stable only for short lists, by accident)"));
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------------------------------
// The real thing: gradient checking the support network's backprop (kata/network.hpp). The L2 penalty
// and dropout hooks are written out here, so these checks depend on no other lesson.
namespace {

// A small binary problem: 3 features, 12 examples, labels from a fixed rule; network 3 → 5 → 4 → 1.
struct NetProblem {
  arma::mat X, Y;
  kata::Params params;
  explicit NetProblem(std::uint32_t seed, std::vector<arma::uword> dims = {3, 5, 4, 1}) {
    kata::Rng rng(seed);
    X = rng.randn(dims.front(), 12);
    if (dims.back() == 1) {
      Y = arma::conv_to<arma::mat>::from(arma::sum(X, 0) > 0.0);
    } else {
      Y = arma::zeros(dims.back(), 12);
      for (arma::uword i = 0; i < 12; ++i) Y(i % dims.back(), i) = 1.0;
    }
    params = kata::initialize_he(dims, rng);
    for (auto& b : params.b) b = 0.1 * arma::vec(rng.randn(b.n_elem, 1));  // non-zero biases, so db matters
  }
};

// J(θ) of the network with the given hooks; with a non-null rng, dropout draws a fresh mask every call.
kata::CostOfTheta network_cost(const NetProblem& p, const kata::Hooks& hooks, kata::Rng* rng = nullptr) {
  const auto layout = kata::named_blocks(p.params);
  return [&p, hooks, rng, layout](const arma::vec& theta) {
    return kata::cost(kata::params_from_blocks(kata::vector_to_params(theta, layout)), p.X, p.Y, hooks, rng);
  };
}

arma::vec network_dtheta(const NetProblem& p, const kata::Grads& g) {
  return kata::gradients_to_vector(kata::named_blocks(g), kata::named_blocks(p.params));
}

// L2 regularization as the course writes it: J += (λ / 2m) Σ ‖W[l]‖²_F, dW[l] += (λ / m) W[l].
void add_l2(kata::Hooks& hooks, double lambda, bool in_cost, bool in_gradient) {
  if (in_cost)
    hooks.penalty = [lambda](const std::vector<arma::mat>& W, double m) {
      double sum = 0.0;
      for (const auto& w : W) sum += arma::accu(arma::square(w));
      return lambda / (2.0 * m) * sum;
    };
  if (in_gradient) hooks.penalty_gradient = [lambda](const arma::mat& W, double m) { arma::mat g = lambda / m * W; return g; };
}

// Inverted dropout with keep_prob 0.8 on hidden layers.
void add_dropout(kata::Hooks& hooks) {
  const double keep = 0.8;
  hooks.dropout_forward = [keep](const arma::mat& A, kata::Rng& rng) {
    const arma::mat mask = arma::conv_to<arma::mat>::from(rng.rand(A.n_rows, A.n_cols) < keep);
    return std::pair<arma::mat, arma::mat>{A % mask / keep, mask};
  };
  hooks.dropout_backward = [keep](const arma::mat& dA, const arma::mat& mask) {
    arma::mat out = dA % mask / keep;
    return out;
  };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(support_network, *boost::unit_test::description("task 7: check a real network"))

BOOST_AUTO_TEST_CASE(correct_backprop_passes) {
  // The support network's backprop is correct, so the only disagreement is the two-sided difference's
  // O(ε²) error and round-off (≈ 1e-16 · |J| / 1e-7 per entry): the course expects ≈ 1e-7; we require < 2e-7.
  const kata::Hooks hooks;
  for (const auto& dims : {std::vector<arma::uword>{3, 5, 4, 1}, std::vector<arma::uword>{3, 6, 3}}) {
    NetProblem p(21, dims);
    BOOST_TEST_INFO("gradient_check() of the support network " << (dims.size() == 4 ? "3-5-4-1" : "3-6-3")
                                                                << ", correct backprop");
    arma::vec theta = kata::params_to_vector(kata::named_blocks(p.params));
    const arma::vec dtheta = network_dtheta(p, kata::gradients(p.params, p.X, p.Y, hooks));
    const double d = kata::gradient_check(network_cost(p, hooks), theta, dtheta);
    BOOST_CHECK_MESSAGE(d < 2e-7, "gradient_check(support network " << dims.size() - 1 << " layers, correct backprop): "
                                      "expected < 2e-7, got " << show(d)
                                      << kata::test::hint_suffix("J(θ) must rebuild the parameters from θ with "
                                                                 "vector_to_params, in the same order as dθ"));
    BOOST_CHECK_MESSAGE(kata::verdict(d) == kata::Verdict::great, "verdict(" << show(d) << ") should be 'great'");
  }
}

BOOST_AUTO_TEST_CASE(passes_again_after_some_training) {
  // The notes: check at random initialization and again after some training.
  const kata::Hooks hooks;
  NetProblem p(22);
  for (int step = 0; step < 50; ++step)
    kata::gradient_descent_step(p.params, kata::gradients(p.params, p.X, p.Y, hooks), 0.5);
  arma::vec theta = kata::params_to_vector(kata::named_blocks(p.params));
  const arma::vec dtheta = network_dtheta(p, kata::gradients(p.params, p.X, p.Y, hooks));
  const double d = kata::gradient_check(network_cost(p, hooks), theta, dtheta);
  BOOST_CHECK_MESSAGE(d < 2e-7, "gradient_check(support network after 50 steps): expected < 2e-7, got " << show(d));
}

BOOST_AUTO_TEST_CASE(planted_bug_is_flagged_and_localized) {
  const kata::Hooks hooks;
  NetProblem p(23);
  kata::Grads g = kata::gradients(p.params, p.X, p.Y, hooks);
  g.dW[1] *= 2.0;  // the bug: dW2 doubled ...
  g.db[0] *= 4.0;  // ... and db1 four times too big
  arma::vec theta = kata::params_to_vector(kata::named_blocks(p.params));
  const arma::vec dtheta = network_dtheta(p, g);
  const double d = kata::gradient_check(network_cost(p, hooks), theta, dtheta);
  BOOST_CHECK_MESSAGE(d > 1e-3, "gradient_check(dW2 doubled, db1 x4): expected > 1e-3, got " << show(d));
  BOOST_CHECK_MESSAGE(kata::verdict(d) == kata::Verdict::worry, "verdict(" << show(d) << ") should be 'worry'");

  const arma::vec approx = kata::approximate_gradient(network_cost(p, hooks), theta);
  const auto rows = kata::worst_parameters(approx, dtheta, kata::named_blocks(p.params));
  BOOST_REQUIRE(rows.size() == 6);
  // Per block: db1 × 4 gives 3/5 and dW2 × 2 gives 1/3 (up to the ≈1e-8 error of dθ_approx); the
  // untouched blocks stay near 1e-8, so the report must name b1 first, then W2.
  BOOST_CHECK_MESSAGE(rows[0].name == "b1" && rows[1].name == "W2",
                      "worst_parameters(): expected b1 then W2 on top, got " << rows[0].name << " ("
                                                                           << show(rows[0].difference) << "), "
                                                                           << rows[1].name << " ("
                                                                           << show(rows[1].difference) << ")");
  check_close(rows[0].difference, 0.6, 1e-6, "worst_parameters(): b1 (db1 x 4)", "|4g - g| / (|4g| + |g|) = 3/5");
  check_close(rows[1].difference, 1.0 / 3.0, 1e-6, "worst_parameters(): W2 (dW2 x 2)", "|2g - g| / (|2g| + |g|) = 1/3");
  for (std::size_t k = 2; k < rows.size(); ++k)
    BOOST_CHECK_MESSAGE(rows[k].difference < 2e-7, "worst_parameters(): untouched block " << rows[k].name
                                                                                         << " should agree (< 2e-7), got "
                                                                                         << show(rows[k].difference));
}

BOOST_AUTO_TEST_CASE(l2_term_must_be_in_both_J_and_dtheta) {
  NetProblem p(24);
  const double lambda = 0.7;
  kata::Hooks both, cost_only, grad_only;
  add_l2(both, lambda, true, true);
  add_l2(cost_only, lambda, true, false);
  add_l2(grad_only, lambda, false, true);
  arma::vec theta = kata::params_to_vector(kata::named_blocks(p.params));
  const arma::vec dtheta_l2 = network_dtheta(p, kata::gradients(p.params, p.X, p.Y, both));
  const arma::vec dtheta_plain = network_dtheta(p, kata::gradients(p.params, p.X, p.Y, cost_only));

  const double ok = kata::gradient_check(network_cost(p, both), theta, dtheta_l2);
  const double forgot_in_J = kata::gradient_check(network_cost(p, grad_only), theta, dtheta_l2);
  const double forgot_in_dtheta = kata::gradient_check(network_cost(p, both), theta, dtheta_plain);
  BOOST_CHECK_MESSAGE(ok < 2e-7, "gradient_check(L2 in J and in dθ): expected < 2e-7, got " << show(ok));
  BOOST_CHECK_MESSAGE(forgot_in_J > 1e-3, "gradient_check(L2 in dθ but NOT in J): expected > 1e-3, got "
                                              << show(forgot_in_J));
  BOOST_CHECK_MESSAGE(forgot_in_dtheta > 1e-3, "gradient_check(L2 in J but NOT in dθ): expected > 1e-3, got "
                                                   << show(forgot_in_dtheta));
}

BOOST_AUTO_TEST_CASE(dropout_makes_the_check_fail) {
  // With dropout on, every evaluation of J draws a fresh mask: J is not a function of θ alone, and the
  // differences (J(θ+ε) − J(θ−ε)) / 2ε are dominated by the change of mask, not of θ.
  NetProblem p(25);
  kata::Hooks hooks;
  add_dropout(hooks);
  kata::Rng grad_rng(1), cost_rng(2);
  arma::vec theta = kata::params_to_vector(kata::named_blocks(p.params));
  const arma::vec dtheta = network_dtheta(p, kata::gradients(p.params, p.X, p.Y, hooks, &grad_rng));
  const double with_dropout = kata::gradient_check(network_cost(p, hooks, &cost_rng), theta, dtheta);
  BOOST_CHECK_MESSAGE(with_dropout > 1e-3, "gradient_check(dropout on): expected > 1e-3, got " << show(with_dropout));
  // Turned off (rng = nullptr: no dropout applied), the same network passes.
  const arma::vec dtheta_off = network_dtheta(p, kata::gradients(p.params, p.X, p.Y, hooks));
  const double without = kata::gradient_check(network_cost(p, hooks), theta, dtheta_off);
  BOOST_CHECK_MESSAGE(without < 2e-7, "gradient_check(dropout off): expected < 2e-7, got " << show(without));
}

BOOST_AUTO_TEST_CASE(network_parameters_survive_the_round_trip) {
  NetProblem p(26);
  const auto blocks = kata::named_blocks(p.params);
  const kata::Params back = kata::params_from_blocks(kata::vector_to_params(kata::params_to_vector(blocks), blocks));
  BOOST_REQUIRE(back.W.size() == p.params.W.size() && back.b.size() == p.params.b.size());
  for (std::size_t l = 0; l < back.W.size(); ++l) {
    BOOST_CHECK_MESSAGE(bitwise_equal(back.W[l], p.params.W[l]), "round trip changed W" << l + 1);
    BOOST_CHECK_MESSAGE(bitwise_equal(back.b[l], p.params.b[l]), "round trip changed b" << l + 1);
  }
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------------------------------
// Harden it: bad input. Every argument and every position (first, middle, last block or entry), next to
// valid special values (one entry, NaN-valued placeholder blocks whose values are ignored); no J is called
// before the arguments are checked, and θ is unchanged by every rejection.
namespace {

// `v` with entry k set to `value`.
arma::vec with_entry(arma::vec v, arma::uword k, double value) {
  v(k) = value;
  return v;
}

// The blocks with block k's value replaced.
std::vector<NamedBlock> with_block(std::vector<NamedBlock> blocks, std::size_t k, const arma::mat& value) {
  blocks[k].value = value;
  return blocks;
}

// The blocks with entry i of block k set to `value`.
std::vector<NamedBlock> with_block_entry(std::vector<NamedBlock> blocks, std::size_t k, arma::uword i, double value) {
  blocks[k].value(i) = value;
  return blocks;
}

// A cost that is finite for every θ (even with NaN/Inf entries: atan of NaN is NaN, so NaN entries are
// skipped) and counts its calls, so a rejection that comes only from "J returned NaN" is not one, and a
// call before the validation is seen.
struct CountingCost {
  std::shared_ptr<int> calls = std::make_shared<int>(0);
  double operator()(const arma::vec& t) const {
    ++*calls;
    double sum = 0.0;
    for (const double x : t)
      if (!std::isnan(x)) sum += std::atan(x);
    return sum;
  }
};

const double kBadSteps[] = {0.0, -0.0, -1e-7, -kInf, kInf, kNaN};

// Bad θ vectors of length 3 (an empty one as well), each named.
std::vector<std::pair<std::string, arma::vec>> bad_thetas() {
  const arma::vec ok{0.5, -1.0, 2.0};
  return {{"an empty theta", arma::vec()},
          {"NaN in theta[0]", with_entry(ok, 0, kNaN)},
          {"-Inf in theta[1]", with_entry(ok, 1, -kInf)},
          {"Inf in theta[2] (the last entry)", with_entry(ok, 2, kInf)}};
}

void check_no_call(const CountingCost& J, const std::string& function, const std::string& what) {
  BOOST_CHECK_MESSAGE(*J.calls == 0, function << " called J " << *J.calls << " times before rejecting " << what
                                              << kata::test::hint_suffix("check every argument before the first "
                                                                         "evaluation of J: each one can cost a "
                                                                         "forward pass of a network"));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bad_input, *boost::unit_test::description("task 8: harden it"))

BOOST_AUTO_TEST_CASE(params_to_vector_rejects_empty_or_non_finite_blocks_anywhere) {
  const auto p = small_params(3);  // W1 3x2, b1 3x1, W2 1x3, b2 1x1
  check_rejects([] { kata::params_to_vector({}); }, "params_to_vector()", "an empty parameter list");
  check_rejects([&] { kata::params_to_vector(with_block(p, 0, arma::mat())); }, "params_to_vector()",
                "an empty first block W1 (0 x 0)", "W1");
  check_rejects([&] { kata::params_to_vector(with_block(p, 1, arma::mat(3, 0))); }, "params_to_vector()",
                "an empty block b1 (3 x 0)", "b1");
  check_rejects([&] { kata::params_to_vector(with_block(p, 3, arma::mat(0, 1))); }, "params_to_vector()",
                "an empty last block b2 (0 x 1)", "b2");
  check_rejects([&] { kata::params_to_vector(with_block_entry(p, 0, 0, kNaN)); }, "params_to_vector()",
                "NaN in the first entry of W1", "W1");
  check_rejects([&] { kata::params_to_vector(with_block_entry(p, 2, 2, -kInf)); }, "params_to_vector()",
                "-Inf in the last entry of W2 (a middle block)", "W2");
  check_rejects([&] { kata::params_to_vector(with_block_entry(p, 3, 0, kInf)); }, "params_to_vector()",
                "Inf in b2, the last block", "b2");
}

BOOST_AUTO_TEST_CASE(vector_to_params_rejects_bad_theta_or_layout) {
  const auto like = small_params(3);  // 13 entries
  const arma::vec ok(13, arma::fill::ones);
  // A NaN-valued `like` is valid (values ignored), so it is used with every bad θ: the θ is what is wrong.
  auto placeholder = like;
  for (auto& block : placeholder) block.value.fill(kNaN);
  check_rejects([&] { kata::vector_to_params(arma::vec(12, arma::fill::ones), like); }, "vector_to_params()",
                "theta of length 12 for blocks holding 13 entries", "theta");
  check_rejects([&] { kata::vector_to_params(arma::vec(14, arma::fill::ones), like); }, "vector_to_params()",
                "theta of length 14 for blocks holding 13 entries", "theta");
  check_rejects([&] { kata::vector_to_params(arma::vec(), like); }, "vector_to_params()", "an empty theta", "theta");
  check_rejects([] { kata::vector_to_params(arma::vec{1.0}, {}); }, "vector_to_params()", "an empty `like`", "like");
  check_rejects([&] { kata::vector_to_params(ok.head(12), with_block(like, 3, arma::mat(1, 0))); }, "vector_to_params()",
                "an empty last block in `like`", "b2");
  check_rejects([&] { kata::vector_to_params(ok.head(7), with_block(like, 0, arma::mat(0, 2))); }, "vector_to_params()",
                "an empty first block in `like`", "W1");
  check_rejects([&] { kata::vector_to_params(with_entry(ok, 0, kNaN), placeholder); }, "vector_to_params()",
                "NaN in theta[0]", "theta");
  check_rejects([&] { kata::vector_to_params(with_entry(ok, 12, kInf), placeholder); }, "vector_to_params()",
                "Inf in theta[12] (the last entry)", "theta");
  check_rejects([&] { kata::vector_to_params(with_entry(ok, 6, -kInf), placeholder); }, "vector_to_params()",
                "-Inf in theta[6]", "theta");
}

BOOST_AUTO_TEST_CASE(gradients_to_vector_rejects_blocks_that_do_not_match) {
  const auto params = small_params(4);  // W1 3x2, b1 3x1, W2 1x3, b2 1x1
  const std::vector<NamedBlock> grads{{"dW1", arma::mat(3, 2, arma::fill::ones)}, {"db1", arma::mat(3, 1, arma::fill::ones)},
                                      {"dW2", arma::mat(1, 3, arma::fill::ones)}, {"db2", arma::mat(1, 1, arma::fill::ones)}};
  auto extra = grads;
  extra.push_back({"dW3", arma::mat(1, 1, arma::fill::ones)});
  auto missing = grads;
  missing.pop_back();
  check_rejects([&] { kata::gradients_to_vector(with_block(grads, 0, arma::ones(2, 3)), params); }, "gradients_to_vector()",
                "dW1 of 2 x 3 for W1 of 3 x 2 (transposed: same number of entries)", "dW1");
  check_rejects([&] { kata::gradients_to_vector(with_block(grads, 2, arma::ones(3, 1)), params); }, "gradients_to_vector()",
                "dW2 of 3 x 1 for W2 of 1 x 3 (a transposed middle block)", "dW2");
  check_rejects([&] { kata::gradients_to_vector(with_block(grads, 3, arma::ones(2, 1)), params); }, "gradients_to_vector()",
                "db2 of 2 x 1 for b2 of 1 x 1 (the last block)", "db2");
  check_rejects([&] { kata::gradients_to_vector(missing, params); }, "gradients_to_vector()",
                "3 gradient blocks for 4 parameter blocks");
  check_rejects([&] { kata::gradients_to_vector(extra, params); }, "gradients_to_vector()",
                "5 gradient blocks for 4 parameter blocks");
  check_rejects([&] { kata::gradients_to_vector({}, params); }, "gradients_to_vector()", "an empty gradient list", "grads");
  check_rejects([&] { kata::gradients_to_vector(grads, {}); }, "gradients_to_vector()", "an empty parameter list", "params");
  check_rejects([&] { kata::gradients_to_vector(with_block(grads, 1, arma::mat()), with_block(params, 1, arma::mat())); },
                "gradients_to_vector()", "an empty block b1 with an empty db1", "b1");
  check_rejects([&] { kata::gradients_to_vector(with_block_entry(grads, 0, 0, kInf), params); }, "gradients_to_vector()",
                "Inf in the first entry of dW1", "dW1");
  check_rejects([&] { kata::gradients_to_vector(with_block_entry(grads, 2, 1, kNaN), params); }, "gradients_to_vector()",
                "NaN in dW2", "dW2");
  check_rejects([&] { kata::gradients_to_vector(with_block_entry(grads, 3, 0, -kInf), params); }, "gradients_to_vector()",
                "-Inf in db2, the last block", "db2");
}

BOOST_AUTO_TEST_CASE(approximate_gradient_rejects_bad_arguments_before_calling_J) {
  // J here is finite for every θ, so a missing check cannot hide behind "J returned NaN"; it is never
  // called, and θ comes back untouched. Bad steps with a normal θ and with a one-entry θ.
  for (const arma::vec& theta0 : {arma::vec{0.5, -1.0, 2.0}, arma::vec{0.0}})
    for (const double eps : kBadSteps) {
      arma::vec theta = theta0;
      const CountingCost J;
      const std::string what = "eps = " + show(eps) + " with " + std::to_string(theta0.n_elem) + " entries";
      check_rejects([&] { kata::approximate_gradient(J, theta, eps); }, "approximate_gradient()", what, "eps");
      check_no_call(J, "approximate_gradient()", what);
      BOOST_CHECK_MESSAGE(bitwise_equal(theta, theta0), "approximate_gradient(): θ changed although " << what
                                                            << " was rejected: expected " << show_vec(theta0)
                                                            << ", got " << show_vec(theta));
    }
  for (const auto& [what, theta0] : bad_thetas()) {
    arma::vec theta = theta0;
    const CountingCost J;
    check_rejects([&] { kata::approximate_gradient(J, theta); }, "approximate_gradient()", what, "theta");
    check_no_call(J, "approximate_gradient()", what);
  }
  arma::vec theta{1.0, 2.0};
  check_rejects([&] { kata::approximate_gradient(kata::CostOfTheta(), theta); }, "approximate_gradient()", "an empty J", "J");
}

BOOST_AUTO_TEST_CASE(approximate_gradient_restores_theta_when_J_fails_anywhere) {
  // J fails on the first call (θ_0 + ε), on a minus call in the middle (θ_1 − ε) or on the last call
  // (θ_2 − ε): it throws, and θ (with small entries that arithmetic does not restore) is bit for bit back.
  const arma::vec original{3e-12, 0.7, -2.5e-10};
  const std::pair<std::string, kata::CostOfTheta> cases[] = {
      {"J returning NaN at theta_0 + eps (the first call)", [&](const arma::vec& t) { return t(0) > original(0) ? kNaN : 1.0; }},
      {"J returning Inf at theta_1 - eps", [&](const arma::vec& t) { return t(1) < original(1) ? kInf : 1.0; }},
      {"J returning -Inf at theta_2 - eps (the last call)", [&](const arma::vec& t) { return t(2) < original(2) ? -kInf : 1.0; }},
  };
  for (const auto& c : cases) {
    const std::string& what = c.first;
    const kata::CostOfTheta& J = c.second;
    arma::vec theta = original;
    check_rejects([&] { kata::approximate_gradient(J, theta); }, "approximate_gradient()", what, "J");
    BOOST_CHECK_MESSAGE(bitwise_equal(theta, original), "approximate_gradient(): after " << what
                                                            << ", θ must be restored bit for bit: expected "
                                                            << show_vec(original) << ", got " << show_vec(theta)
                                                                                        << kata::test::hint_suffix(
                                                                                               "put θ_i back to its saved "
                                                                                               "value before throwing"));
  }
}

BOOST_AUTO_TEST_CASE(gradient_check_restores_theta_when_J_fails_anywhere) {
  // The same three failures through gradient_check (dθ valid, of the right length).
  const arma::vec original{3e-12, 0.7, -2.5e-10};
  const std::pair<std::string, kata::CostOfTheta> cases[] = {
      {"J returning NaN at theta_0 + eps (the first call)", [&](const arma::vec& t) { return t(0) > original(0) ? kNaN : 1.0; }},
      {"J returning Inf at theta_1 - eps", [&](const arma::vec& t) { return t(1) < original(1) ? kInf : 1.0; }},
      {"J returning -Inf at theta_2 - eps (the last call)", [&](const arma::vec& t) { return t(2) < original(2) ? -kInf : 1.0; }},
  };
  for (const auto& c : cases) {
    arma::vec theta = original;
    check_rejects([&] { kata::gradient_check(c.second, theta, arma::vec(3, arma::fill::ones)); }, "gradient_check()",
                  c.first, "J");
    BOOST_CHECK_MESSAGE(bitwise_equal(theta, original), "gradient_check(): after " << c.first
                                                            << ", θ must be restored bit for bit: expected "
                                                            << show_vec(original) << ", got " << show_vec(theta)
                                                                                   << kata::test::hint_suffix(
                                                                                          "put θ_i back to its saved "
                                                                                          "value before throwing"));
  }
}

BOOST_AUTO_TEST_CASE(relative_difference_rejects_bad_vectors_at_every_position) {
  const arma::vec a{1.0, 2.0, 3.0}, b{1.5, 2.0, -1.0};
  check_rejects([&] { kata::relative_difference(a, b.head(2)); }, "relative_difference()", "lengths 3 and 2");
  check_rejects([&] { kata::relative_difference(a.head(2), b); }, "relative_difference()", "lengths 2 and 3");
  check_rejects([&] { kata::relative_difference(arma::vec(), b); }, "relative_difference()", "an empty approx", "approx");
  check_rejects([] { kata::relative_difference(arma::vec(), arma::vec()); }, "relative_difference()", "two empty vectors");
  for (arma::uword k : {0u, 2u})
    for (const double bad : {kNaN, kInf, -kInf}) {
      const std::string where = "[" + std::to_string(k) + "] = " + show(bad);
      check_rejects([&] { kata::relative_difference(with_entry(a, k, bad), b); }, "relative_difference()", "approx" + where,
                    "approx");
      check_rejects([&] { kata::relative_difference(a, with_entry(b, k, bad)); }, "relative_difference()", "grad" + where, "grad");
    }
  check_rejects([] { kata::relative_difference(arma::vec{kNaN}, arma::vec{kNaN}); }, "relative_difference()",
                "two one-entry vectors of NaN");
}

BOOST_AUTO_TEST_CASE(gradient_check_rejects_bad_arguments_before_calling_J) {
  const arma::vec theta0{0.5, -1.0, 2.0}, dtheta{1.0, 1.0, 1.0};
  // `names`: what the message must name (the argument at fault), so that a rejection for another reason does
  // not count.
  const auto reject = [&](const std::string& what, const arma::vec& t0, const arma::vec& dt, double eps,
                          const std::string& names) {
    arma::vec theta = t0;
    const CountingCost J;
    check_rejects([&] { kata::gradient_check(J, theta, dt, eps); }, "gradient_check()", what, names);
    check_no_call(J, "gradient_check()", what);
    BOOST_CHECK_MESSAGE(bitwise_equal(theta, t0), "gradient_check(): θ changed although " << what << " was rejected: expected "
                                                      << show_vec(t0) << ", got " << show_vec(theta));
  };
  reject("theta of length 3 and dtheta of length 4", theta0, arma::vec(4, arma::fill::ones), 1e-7, "dtheta");
  reject("theta of length 3 and dtheta of length 2", theta0, arma::vec(2, arma::fill::ones), 1e-7, "dtheta");
  reject("a one-entry theta and dtheta of length 2", arma::vec{0.0}, arma::vec(2, arma::fill::ones), 1e-7, "dtheta");
  reject("an empty theta and an empty dtheta", arma::vec(), arma::vec(), 1e-7, "theta");
  for (const double eps : kBadSteps) reject("eps = " + show(eps), theta0, dtheta, eps, "eps");
  for (const auto& [what, bad] : bad_thetas())
    if (bad.n_elem == 3) reject(what, bad, dtheta, 1e-7, "theta");
  reject("NaN in dtheta[0]", theta0, with_entry(dtheta, 0, kNaN), 1e-7, "dtheta");
  reject("Inf in dtheta[2] (the last entry)", theta0, with_entry(dtheta, 2, kInf), 1e-7, "dtheta");
  reject("-Inf in a one-entry dtheta", arma::vec{0.0}, arma::vec{-kInf}, 1e-7, "dtheta");
  arma::vec theta = theta0;
  check_rejects([&] { kata::gradient_check(kata::CostOfTheta(), theta, dtheta); }, "gradient_check()", "an empty J", "J");
}

BOOST_AUTO_TEST_CASE(verdict_rejects_negative_or_nan) {
  for (const double bad : {-1e-9, -std::numeric_limits<double>::denorm_min(), -1.0, -kInf, kNaN})
    check_rejects([&] { kata::verdict(bad); }, "verdict()", "difference = " + show(bad));
}

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Whether `message` gives the shape r x c ("3 x 2", "3x2" or "(3, 2)").
bool names_shape(const std::string& message, arma::uword r, arma::uword c) {
  const std::string R = std::to_string(r), C = std::to_string(c);
  return contains(message, R + " x " + C) || contains(message, R + "x" + C) || contains(message, "(" + R + ", " + C + ")");
}

}  // namespace

// What the header says the messages name: both lengths for a theta that does not fit `like`, both blocks
// and both shapes for a gradient block that does not fit its parameter, and the entry around which J
// returned NaN/Inf. Names that do not contain each other, and numbers that appear nowhere else in the
// message, so that only the asked-for content passes.
BOOST_AUTO_TEST_CASE(messages_give_both_sides_and_the_entry) {
  const auto layout = small_params(4);  // W1 3x2, b1 3x1, W2 1x3, b2 1x1: 13 entries
  const auto short_theta = [&] { kata::vector_to_params(arma::vec(12, arma::fill::ones), layout); };
  check_rejects(short_theta, "vector_to_params()", "a theta of 12 entries for blocks holding 13");
  const std::string length = message_of(short_theta);
  BOOST_CHECK_MESSAGE(length.empty() || (contains(length, "12") && contains(length, "13")),
                      "vector_to_params() rejected a theta of 12 entries for blocks holding 13, but its message should "
                      "name both lengths, 12 and 13: got '" << length << "'");
  const std::vector<NamedBlock> params{{"weights", arma::mat(3, 2, arma::fill::ones)}, {"bias", arma::mat(3, 1, arma::fill::ones)}};
  const std::vector<NamedBlock> grads{{"g_first", arma::mat(2, 3, arma::fill::ones)}, {"g_second", arma::mat(3, 1, arma::fill::ones)}};
  const auto transposed = [&] { kata::gradients_to_vector(grads, params); };
  check_rejects(transposed, "gradients_to_vector()", "g_first of 2 x 3 for weights of 3 x 2", "g_first");
  const std::string shapes = message_of(transposed);
  BOOST_CHECK_MESSAGE(shapes.empty() || (contains(shapes, "weights") && names_shape(shapes, 2, 3) && names_shape(shapes, 3, 2)),
                      "gradients_to_vector() rejected g_first (2 x 3) for its parameter weights (3 x 2), but its "
                      "message should name both blocks and both shapes: got '" << shapes << "'");
  // J returns Inf only around the LAST entry of θ = (0.5, -1, 4): entry 2 counted from 0 (3 from 1). No other
  // number in play contains a 2 or a 3.
  const arma::vec original{0.5, -1.0, 4.0};
  const kata::CostOfTheta J = [](const arma::vec& t) { return t(2) == 4.0 ? 1.0 : kInf; };
  const auto names_entry = [](const std::string& message) {
    for (const std::string& k : {"2", "3"})
      for (const std::string& form : {"[" + k + "]", "entry " + k, "theta_" + k, "(" + k + ")", "theta " + k})
        if (contains(message, form)) return true;
    return false;
  };
  const std::pair<std::string, std::function<void(arma::vec&)>> calls[] = {
      {"approximate_gradient()", [&](arma::vec& t) { kata::approximate_gradient(J, t); }},
      {"gradient_check()", [&](arma::vec& t) { kata::gradient_check(J, t, arma::vec{1.0, 1.0, 1.0}); }}};
  for (const auto& [name, call] : calls) {
    arma::vec theta = original;
    const auto failing = [&, c = call] { c(theta); };
    check_rejects(failing, name, "J returning Inf around the last entry of theta");
    theta = original;
    const std::string message = message_of(failing);
    BOOST_CHECK_MESSAGE(message.empty() || names_entry(message),
                        name << " rejected J returning Inf around theta[2] (the last entry), but its message should "
                             << "name that entry (theta[2]): got '" << message << "'"
                             << kata::test::hint_suffix("the header: J returning NaN/Inf throws, naming the entry"));
  }
}

BOOST_AUTO_TEST_CASE(worst_parameters_rejects_bad_vectors_or_layout) {
  const auto layout = small_params(9);  // 13 entries
  const arma::vec ok(13, arma::fill::ones);
  auto placeholder = layout;  // NaN values are fine in a layout (ignored), so bad vectors are tried with it
  for (auto& block : placeholder) block.value.fill(kNaN);
  for (const arma::uword n : {12u, 14u}) {
    const arma::vec wrong(n, arma::fill::ones);
    check_rejects([&] { kata::worst_parameters(wrong, ok, layout); }, "worst_parameters()",
                  "approx of length " + std::to_string(n) + " for a layout of 13 entries");
    check_rejects([&] { kata::worst_parameters(ok, wrong, layout); }, "worst_parameters()",
                  "dtheta of length " + std::to_string(n) + " for a layout of 13 entries");
  }
  check_rejects([&] { kata::worst_parameters(ok, ok, {}); }, "worst_parameters()", "an empty layout", "layout");
  check_rejects([&] { kata::worst_parameters(ok.head(7), ok.head(7), with_block(layout, 0, arma::mat(3, 0))); },
                "worst_parameters()", "an empty first block in the layout", "W1");
  check_rejects([&] { kata::worst_parameters(ok.head(12), ok.head(12), with_block(layout, 3, arma::mat())); },
                "worst_parameters()", "an empty last block in the layout", "b2");
  check_rejects([&] { kata::worst_parameters(with_entry(ok, 0, kNaN), ok, placeholder); }, "worst_parameters()",
                "NaN in approx[0]", "approx");
  check_rejects([&] { kata::worst_parameters(with_entry(ok, 12, kInf), ok, placeholder); }, "worst_parameters()",
                "Inf in approx[12] (the last entry)", "approx");
  check_rejects([&] { kata::worst_parameters(ok, with_entry(ok, 3, kNaN), placeholder); }, "worst_parameters()",
                "NaN in dtheta[3]", "dtheta");
  check_rejects([&] { kata::worst_parameters(ok, with_entry(ok, 12, -kInf), placeholder); }, "worst_parameters()",
                "-Inf in dtheta[12] (the last entry)", "dtheta");
}

BOOST_AUTO_TEST_SUITE_END()
