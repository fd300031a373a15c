// Lesson 04 checks. Each case is one CTest test ("check"); messages say what was expected and why.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <iterator>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "dropout.hpp"
#include "kata_test.hpp"

namespace bdata = boost::unit_test::data;
using kata::test::check_rejects;
using kata::test::hint_suffix;
using kata::test::show;  // shortest exact text: 0.86 -> "0.86", the double above 1 -> "1.0000000000000002"

namespace {

// Activations with no zeros and distinct values in [1, 2): a zero in the output can only come from the mask.
arma::mat activations(arma::uword rows, arma::uword cols, std::uint32_t seed) {
  kata::Rng rng(seed);
  return 1.0 + rng.rand(rows, cols);
}

// Count of mask entries that are neither 0 nor 1.
arma::uword non_binary(const arma::mat& mask) {
  return arma::accu((mask != 0.0) % (mask != 1.0));
}

// Explains the most common ways the output goes wrong, from one kept entry a -> got.
std::string diagnose_kept(double a, double got, double keep_prob) {
  if (got == a) return "the kept entry was not scaled: divide by keep_prob (inverted dropout)";
  if (std::abs(got - a / (1.0 - keep_prob)) <= 1e-12 * std::abs(got))
    return "you divided by (1 - keep_prob), the DROP probability; divide by keep_prob";
  if (std::abs(got - a * keep_prob) <= 1e-12 * std::abs(got)) return "you multiplied by keep_prob; divide by it";
  return "a kept entry must be exactly a / keep_prob";
}

// The entries in memory order, separated by spaces: "nan 0 2".
std::string entries(const arma::mat& M) {
  std::string out;
  for (arma::uword i = 0; i < M.n_elem; ++i) out += (i ? " " : "") + show(M(i));
  return out;
}

std::string shape(const arma::mat& M) { return std::to_string(M.n_rows) + " x " + std::to_string(M.n_cols); }

// keep_prob must be in (0, 1]: both sides of both ends, and the values that are no number at all.
// -0.0 is 0 (it compares equal to 0); the neighbours of 1 and of 0 catch a tolerance in the test.
const double bad_keep_probs[] = {0.0,
                                 -0.0,
                                 -std::numeric_limits<double>::denorm_min(),
                                 -0.2,
                                 std::nextafter(1.0, 2.0),
                                 1.0000001,
                                 1.5,
                                 kata::test::kNaN,
                                 kata::test::kInf,
                                 -kata::test::kInf};

// Empty activations are valid ("any shape, also empty"): no units, no examples, or neither.
const arma::mat empty_shapes[] = {arma::mat(0, 0), arma::mat(0, 5), arma::mat(3, 0)};

}  // namespace

BOOST_AUTO_TEST_SUITE(dropout_forward, *boost::unit_test::description("task 1: inverted dropout forward"))

BOOST_AUTO_TEST_CASE(kept_entries_are_scaled_and_dropped_entries_are_zero) {
  const double keep_prob = 0.8;
  const arma::mat A = activations(5, 40, 11);
  kata::Rng rng(2);
  const kata::DropoutResult r = kata::dropout_forward(A, keep_prob, rng);
  BOOST_REQUIRE_MESSAGE(r.output.n_rows == 5 && r.output.n_cols == 40 && r.mask.n_rows == 5 && r.mask.n_cols == 40,
                        "dropout_forward(): output and mask must have A's shape 5 x 40, got output "
                            << r.output.n_rows << " x " << r.output.n_cols << " and mask " << r.mask.n_rows << " x "
                            << r.mask.n_cols);
  BOOST_REQUIRE_MESSAGE(non_binary(r.mask) == 0, "dropout_forward(): mask entries must be 0 or 1");
  // Exact equality (tolerance 0): a * 1.0 / keep_prob and a / keep_prob are the same rounded double.
  for (arma::uword i = 0; i < A.n_elem; ++i) {
    if (r.mask(i) == 1.0 && r.output(i) != A(i) / keep_prob) {
      BOOST_ERROR("dropout_forward(keep_prob = 0.8): kept entry "
                  << i << " with a = " << show(A(i)) << ": expected a / keep_prob = " << show(A(i) / keep_prob)
                  << " exactly, got " << show(r.output(i)) << " (tolerance 0)"
                  << hint_suffix(diagnose_kept(A(i), r.output(i), keep_prob)));
      return;
    }
    if (r.mask(i) == 0.0 && r.output(i) != 0.0) {
      BOOST_ERROR("dropout_forward(keep_prob = 0.8): dropped entry "
                  << i << " (mask 0) should be 0, got " << show(r.output(i))
                  << hint_suffix("multiply A by the mask element-wise (A % mask)"));
      return;
    }
  }
  BOOST_CHECK_MESSAGE(arma::accu(r.mask == 0.0) > 0,
                      "dropout_forward(keep_prob = 0.8): no entry of 200 was dropped (expected about 40)"
                          << hint_suffix("mask = rng.rand(rows, cols) < keep_prob"));
}

BOOST_AUTO_TEST_CASE(mask_entries_are_zero_or_one) {
  kata::Rng rng(3);
  const kata::DropoutResult r = kata::dropout_forward(activations(7, 9, 4), 0.5, rng);
  BOOST_CHECK_MESSAGE(r.mask.n_rows == 7 && r.mask.n_cols == 9,
                      "dropout_forward(): mask must have A's shape 7 x 9, got " << r.mask.n_rows << " x "
                                                                                << r.mask.n_cols);
  BOOST_CHECK_MESSAGE(non_binary(r.mask) == 0,
                      "dropout_forward(): " << non_binary(r.mask) << " mask entries are neither 0 nor 1"
                                            << hint_suffix("return the 0/1 mask itself, not the scaled mask or the "
                                                           "random numbers"));
  BOOST_CHECK_MESSAGE(arma::accu(r.mask == 0.0) > 0 && arma::accu(r.mask == 1.0) > 0,
                      "dropout_forward(keep_prob = 0.5): a 7 x 9 mask should hold both zeros and ones");
}

BOOST_AUTO_TEST_CASE(a_dropped_nan_or_inf_activation_becomes_nan) {
  // The header: output = A ⊙ mask / keep_prob, and a NaN or infinite activation times 0 stays NaN, as in
  // numpy — so a dropped NaN is NaN, not 0 (zeroing the dropped entries afterwards would hide it).
  // Rng(1), keep_prob 0.5 on 1 x 4: numpy's np.random.seed(1); np.random.rand(1, 4) is
  // [0.417, 0.720, 0.000114, 0.302] (numpy 1.24), so the mask is [1 0 1 1]: entry 1 is dropped.
  const double nan = kata::test::kNaN, inf = kata::test::kInf;
  struct Case {
    arma::rowvec A, expected;
  };
  const Case cases[] = {{{nan, nan, nan, nan}, {nan, nan, nan, nan}}, {{1.0, inf, -inf, 2.0}, {2.0, nan, -inf, 4.0}}};
  for (const Case& c : cases) {
    kata::Rng rng(1);
    const kata::DropoutResult r = kata::dropout_forward(arma::mat(c.A), 0.5, rng);
    bool same = r.output.n_rows == 1 && r.output.n_cols == 4;
    // Compared entry by entry, NaN matching NaN, the rest exactly (tolerance 0: x * 1 / 0.5 is exact).
    for (arma::uword i = 0; same && i < 4; ++i)
      same = std::isnan(c.expected(i)) ? std::isnan(r.output(i)) : r.output(i) == c.expected(i);
    BOOST_CHECK_MESSAGE(same, "dropout_forward([" << entries(c.A) << "], 0.5, Rng(1)), mask [1 0 1 1]: expected ["
                                                  << entries(c.expected) << "], got [" << entries(r.output)
                                                  << "] (tolerance 0)"
                                                  << hint_suffix("output = A % mask / keep_prob: NaN * 0 and Inf * 0 "
                                                                 "are NaN; do not overwrite dropped entries with 0"));
  }
}

BOOST_AUTO_TEST_CASE(keep_prob_one_is_the_identity) {
  const arma::mat A = activations(6, 8, 5);
  kata::Rng rng(6);
  const kata::DropoutResult r = kata::dropout_forward(A, 1.0, rng);
  kata::test::check_mat_close(r.mask, arma::mat(6, 8, arma::fill::ones), 0.0, "dropout_forward(keep_prob = 1) mask",
                              "rand() is always < 1, so every unit is kept");
  // Tolerance 0: a * 1 / 1 is exactly a.
  kata::test::check_mat_close(r.output, A, 0.0, "dropout_forward(keep_prob = 1) output",
                              "with keep_prob = 1 dropout must change nothing");
}

BOOST_AUTO_TEST_CASE(kept_fraction_is_close_to_keep_prob) {
  // Each mask entry is an independent Bernoulli(keep_prob) draw. For n = 100,000 entries Hoeffding gives
  // P(|kept fraction - keep_prob| >= t) <= 2 exp(-2 n t^2); with t = hoeffding_radius(n, 1e-9 / 3) each of
  // the three checks below fails by chance with probability < 1e-9 / 3, all together < 1e-9.
  const double n = 100'000;
  const double t = kata::test::hoeffding_radius(n, 1e-9 / 3);  // about 0.0107
  const arma::mat A(200, 500, arma::fill::ones);
  std::uint32_t seed = 20;
  for (const double keep_prob : {0.86, 0.5, 0.2}) {
    kata::Rng rng(seed);
    BOOST_TEST_INFO("dropout_forward(200 x 500 ones, keep_prob = " << show(keep_prob) << ", Rng(" << seed++ << "))");
    const kata::DropoutResult r = kata::dropout_forward(A, keep_prob, rng);
    BOOST_REQUIRE(r.mask.n_elem == A.n_elem);
    const double kept = arma::accu(r.mask == 1.0) / n;
    kata::test::check_close(kept, keep_prob, t,
                            "dropout_forward(): fraction of kept units with keep_prob = " + show(keep_prob),
                            "keep a unit when rand() < keep_prob (not > keep_prob, which keeps 1 - keep_prob)");
  }
}

BOOST_AUTO_TEST_CASE(mean_activation_is_preserved) {
  // Inverted dropout keeps E[output] = A. Given A (entries in [1, 2)), the output entries a·d/keep_prob are
  // independent and lie in [0, 2 / keep_prob], so by Hoeffding the mean of n = 100,000 of them is within
  // (2 / keep_prob) · hoeffding_radius(n, 1e-9) of mean(A) except with probability < 1e-9.
  const double keep_prob = 0.8;
  const arma::mat A = activations(100, 1000, 7);
  kata::Rng rng(8);
  const kata::DropoutResult r = kata::dropout_forward(A, keep_prob, rng);
  BOOST_REQUIRE(r.output.n_elem == A.n_elem);
  const double tol = (2.0 / keep_prob) * kata::test::hoeffding_radius(1e5, 1e-9);  // about 0.026
  const double expected = arma::mean(arma::vectorise(A)), got = arma::mean(arma::vectorise(r.output));
  std::string hint = "divide the kept entries by keep_prob so the expected value does not change";
  if (std::abs(got - keep_prob * expected) < tol) hint = "the mean shrank by keep_prob = 0.8: did you divide by keep_prob?";
  if (std::abs(got - keep_prob / (1 - keep_prob) * expected) < 4 * tol)
    hint = "the mean grew 4-fold: you divided by (1 - keep_prob) instead of keep_prob";
  kata::test::check_close(got, expected, tol, "dropout_forward(keep_prob = 0.8): mean of the output vs mean of A",
                          hint);
}

BOOST_AUTO_TEST_CASE(same_seed_same_mask) {
  const arma::mat A = activations(10, 30, 9);
  kata::Rng a(42), b(42), c(43);
  const arma::mat ma = kata::dropout_forward(A, 0.7, a).mask;
  const arma::mat mb = kata::dropout_forward(A, 0.7, b).mask;
  const arma::mat mc = kata::dropout_forward(A, 0.7, c).mask;
  BOOST_REQUIRE(ma.n_elem == A.n_elem && mb.n_elem == A.n_elem && mc.n_elem == A.n_elem);
  BOOST_CHECK_MESSAGE(arma::approx_equal(ma, mb, "absdiff", 0.0), "dropout_forward(): the same seed must give the same mask"
                                                                    << hint_suffix("draw only from the rng argument"));
  BOOST_CHECK_MESSAGE(!arma::approx_equal(ma, mc, "absdiff", 0.0),
                      "dropout_forward(): seeds 42 and 43 gave the same 10 x 30 mask: is the rng used at all?");
}

// The ends of (0, 1]: the smallest positive double, the double just below 1, and 1 itself are valid.
const double edge_keep_probs[] = {std::numeric_limits<double>::denorm_min(), 1e-3, std::nextafter(1.0, 0.0), 1.0};

BOOST_DATA_TEST_CASE(accepts_keep_prob_at_the_ends_of_the_interval, bdata::make(edge_keep_probs), keep_prob) {
  const arma::mat A = activations(6, 50, 21);
  kata::Rng rng(22);
  kata::DropoutResult r;
  try {
    r = kata::dropout_forward(A, keep_prob, rng);
  } catch (const std::invalid_argument& e) {
    BOOST_ERROR("dropout_forward(6 x 50 A, keep_prob = " << show(keep_prob)
                                               << ") threw, but keep_prob may be anything in (0, 1]: " << e.what()
                                               << hint_suffix("test keep_prob > 0.0 && keep_prob <= 1.0 exactly, "
                                                              "with no tolerance"));
    return;
  }
  BOOST_REQUIRE_MESSAGE(r.mask.n_rows == 6 && r.mask.n_cols == 50 && r.output.n_rows == 6 && r.output.n_cols == 50,
                        "dropout_forward(6 x 50 A): output " << shape(r.output) << ", mask " << shape(r.mask));
  // The same draws, made here from the same seed: the mask is exactly (draws < keep_prob), the output
  // exactly A % mask / keep_prob (tolerance 0, the contract's own formula).
  kata::Rng again(22);
  const arma::mat expected_mask = arma::conv_to<arma::mat>::from(again.rand(6, 50) < keep_prob);
  kata::test::check_mat_close(r.mask, expected_mask, 0.0,
                              "dropout_forward(keep_prob = " + show(keep_prob) + ") mask",
                              "mask = rng.rand(A.n_rows, A.n_cols) < keep_prob");
  kata::test::check_mat_close(r.output, A % expected_mask / keep_prob, 0.0,
                              "dropout_forward(keep_prob = " + show(keep_prob) + ") output",
                              "output = A % mask / keep_prob");
}

BOOST_DATA_TEST_CASE(accepts_empty_activations, bdata::make({0, 1, 2}), k) {
  // The contract: any shape, also empty. The results keep A's shape (a layer with 3 units and no
  // examples is 3 x 0, not 0 x 0).
  const arma::mat& A = empty_shapes[k];
  kata::Rng rng(0);
  BOOST_TEST_INFO("dropout_forward(an empty " << shape(A) << " A, keep_prob = 0.5)");
  const kata::DropoutResult r = kata::dropout_forward(A, 0.5, rng);
  BOOST_CHECK_MESSAGE(r.output.n_rows == A.n_rows && r.output.n_cols == A.n_cols && r.mask.n_rows == A.n_rows &&
                          r.mask.n_cols == A.n_cols,
                      "dropout_forward() on a " << shape(A) << " A: output and mask must be " << shape(A)
                                                << " too, got output " << shape(r.output) << " and mask "
                                                << shape(r.mask)
                                                << hint_suffix("no special case is needed: rng.rand(0, 5) is a 0 x 5 "
                                                               "matrix and A % mask / keep_prob keeps the shape"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(dropout_backward, *boost::unit_test::description("task 2: inverted dropout backward"))

BOOST_AUTO_TEST_CASE(reuses_the_forward_mask_and_scales) {
  const double keep_prob = 0.6;
  const arma::mat A = activations(6, 25, 12);
  kata::Rng rng(13);
  const kata::DropoutResult r = kata::dropout_forward(A, keep_prob, rng);
  const arma::mat dA = activations(6, 25, 14) - 1.5;  // a made-up upstream gradient, no zeros
  const arma::mat got = kata::dropout_backward(dA, r.mask, keep_prob);
  BOOST_REQUIRE_MESSAGE(got.n_rows == 6 && got.n_cols == 25,
                        "dropout_backward(): expected shape 6 x 25, got " << got.n_rows << " x " << got.n_cols);
  // Which mistake? Look at the entries the forward pass dropped and the ones it kept.
  const arma::uvec dropped = arma::find(r.mask == 0.0), kept = arma::find(r.mask == 1.0);
  BOOST_REQUIRE(dropped.n_elem > 0 && kept.n_elem > 0);
  BOOST_CHECK_MESSAGE(arma::all(got.elem(dropped) == 0.0),
                      "dropout_backward(): a unit dropped in the forward pass must get gradient 0, got "
                          << arma::accu(got.elem(dropped) != 0.0) << " non-zero of " << dropped.n_elem
                          << hint_suffix("multiply dA by the SAME mask the forward pass returned; never draw a new "
                                         "one in backward"));
  // Exact (tolerance 0): the same operations in the same order as dA % mask / keep_prob.
  const arma::mat expected = dA % r.mask / keep_prob;
  const std::string hint = arma::approx_equal(arma::mat(got.elem(kept)), arma::mat(dA.elem(kept)), "absdiff", 0.0)
                               ? "the kept gradients were not scaled: divide by keep_prob in backward too"
                               : "dA_prev = dA % mask / keep_prob, with the forward pass's mask";
  kata::test::check_mat_close(got, expected, 0.0, "dropout_backward(dA, mask, 0.6)", hint);
}

BOOST_AUTO_TEST_CASE(kept_gradients_are_exactly_dA_over_keep_prob) {
  // Like the forward pass: every kept entry is exactly dA / keep_prob (tolerance 0). keep_prob = 0.8 because
  // there multiplying by the reciprocal rounds differently: dA * (1 / 0.8) != dA / 0.8 for about a third of
  // the values in [1, 2) (numpy: np.mean(x * (1 / 0.8) != x / 0.8) = 0.33 on 1e5 uniform draws; with 0.6
  // the two agree on every value, so the check above cannot tell them apart).
  const double keep_prob = 0.8;
  const arma::mat dA = activations(5, 40, 18);
  kata::Rng rng(19);
  const arma::mat mask = kata::dropout_forward(activations(5, 40, 20), keep_prob, rng).mask;
  BOOST_REQUIRE(mask.n_rows == 5 && mask.n_cols == 40 && non_binary(mask) == 0);
  const arma::mat got = kata::dropout_backward(dA, mask, keep_prob);
  BOOST_REQUIRE_MESSAGE(got.n_rows == 5 && got.n_cols == 40,
                        "dropout_backward(): expected shape 5 x 40, got " << got.n_rows << " x " << got.n_cols);
  for (arma::uword i = 0; i < dA.n_elem; ++i)
    if (mask(i) == 1.0 && got(i) != dA(i) / keep_prob) {
      BOOST_ERROR("dropout_backward(keep_prob = 0.8): kept entry "
                  << i << " with dA = " << show(dA(i)) << ": expected dA / keep_prob = " << show(dA(i) / keep_prob)
                  << " exactly, got " << show(got(i)) << " (tolerance 0)"
                  << hint_suffix(got(i) == dA(i) * (1.0 / keep_prob)
                                     ? "that is dA * (1 / keep_prob), which rounds differently: divide by keep_prob"
                                     : "dA_prev = dA % mask / keep_prob, with the forward pass's mask"));
      return;
    }
  BOOST_TEST(true);
}

BOOST_AUTO_TEST_CASE(is_the_derivative_of_the_forward_pass) {
  // For a fixed mask, output = A % mask / keep_prob is linear in A, so the gradient of
  // J(A) = sum(G % output) with respect to A is G % mask / keep_prob. Compare with centred differences
  // on every entry: for a linear J they are exact up to rounding (~1e-16 / 1e-6 = 1e-10), tolerance 1e-8.
  const double keep_prob = 0.75, h = 1e-6;
  const arma::mat A = activations(3, 4, 15), G = activations(3, 4, 16);
  kata::Rng rng(17);
  const arma::mat mask = kata::dropout_forward(A, keep_prob, rng).mask;
  BOOST_REQUIRE(mask.n_rows == 3 && mask.n_cols == 4);
  auto J = [&](const arma::mat& X) { return arma::accu(G % (X % mask / keep_prob)); };
  arma::mat numeric(3, 4);
  for (arma::uword i = 0; i < A.n_elem; ++i) {
    arma::mat plus = A, minus = A;
    plus(i) += h;
    minus(i) -= h;
    numeric(i) = (J(plus) - J(minus)) / (2 * h);
  }
  kata::test::check_mat_close(kata::dropout_backward(G, mask, keep_prob), numeric, 1e-8,
                              "dropout_backward() vs numerical gradient of the forward pass",
                              "backward must undo exactly what forward did: mask, then / keep_prob");
}

BOOST_AUTO_TEST_CASE(keep_prob_one_passes_the_gradient_through) {
  const arma::mat dA = activations(4, 5, 18);
  kata::test::check_mat_close(kata::dropout_backward(dA, arma::mat(4, 5, arma::fill::ones), 1.0), dA, 0.0,
                              "dropout_backward(keep_prob = 1, all-ones mask)", "with nothing dropped, dA_prev = dA");
}

BOOST_DATA_TEST_CASE(accepts_empty_gradients, bdata::make({0, 1, 2}), k) {
  const arma::mat& dA = empty_shapes[k];
  BOOST_TEST_INFO("dropout_backward(an empty " << shape(dA) << " dA, a " << shape(dA) << " mask, keep_prob = 0.5)");
  const arma::mat got = kata::dropout_backward(dA, dA, 0.5);  // an empty mask of the same shape
  BOOST_CHECK_MESSAGE(got.n_rows == dA.n_rows && got.n_cols == dA.n_cols,
                      "dropout_backward() on a " << shape(dA) << " dA and mask: expected a " << shape(dA)
                                                 << " result, got " << shape(got)
                                                 << hint_suffix("an empty mask has no entry that is not 0 or 1; "
                                                                "mask.max() on an empty matrix throws, so check the "
                                                                "entries with arma::all(...) or a loop"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(dropout_inference, *boost::unit_test::description("task 3: no dropout at test time"))

BOOST_AUTO_TEST_CASE(is_the_identity) {
  const arma::mat A = activations(8, 30, 19);
  // Tolerance 0: at test time the activations pass through untouched.
  for (const double keep_prob : {0.5, 0.86, 1.0}) {
    BOOST_TEST_INFO("dropout_inference(8 x 30 A, keep_prob = " << show(keep_prob) << ")");
    const arma::mat got = kata::dropout_inference(A, keep_prob);
    std::string hint = "at test time: no dropout and no 1/keep_prob factor, return A as it is";
    if (got.n_elem == A.n_elem && arma::any(arma::vectorise(got) == 0.0))
      hint = "some units were dropped: never apply dropout at test time";
    kata::test::check_mat_close(got, A, 0.0, "dropout_inference(A, " + show(keep_prob) + ")", hint);
  }
}

BOOST_DATA_TEST_CASE(accepts_empty_activations, bdata::make({0, 1, 2}), k) {
  const arma::mat& A = empty_shapes[k];
  BOOST_TEST_INFO("dropout_inference(an empty " << shape(A) << " A, keep_prob = 0.8)");
  const arma::mat got = kata::dropout_inference(A, 0.8);
  BOOST_CHECK_MESSAGE(got.n_rows == A.n_rows && got.n_cols == A.n_cols,
                      "dropout_inference() on a " << shape(A) << " A: expected a " << shape(A) << " result, got "
                                                  << shape(got));
}

BOOST_AUTO_TEST_SUITE_END()

// Task 4: the exact stream. The checks compare with numpy's own draws after np.random.seed(seed).
BOOST_AUTO_TEST_SUITE(same_draws_as_numpy, *boost::unit_test::description("task 4: the same draws as numpy"))

BOOST_AUTO_TEST_CASE(mask_matches_numpy) {
  // Expected masks produced with numpy 1.24 (Debian python3-numpy) on the dev machine:
  //   np.random.seed(1); (np.random.rand(4, 6) < 0.5).astype(int)
  //   np.random.seed(3); (np.random.rand(3, 5) < 0.8).astype(int)
  // A 4 x 6 shape also catches drawing in column order: numpy fills row by row (rng.rand(r, c) does too).
  const arma::mat numpy_seed1 = {{1, 0, 1, 1, 1, 1},
                                 {1, 1, 1, 0, 1, 0},
                                 {1, 0, 1, 0, 1, 0},
                                 {1, 1, 0, 0, 1, 0}};
  const arma::mat numpy_seed3 = {{1, 1, 1, 1, 0},
                                 {0, 1, 1, 1, 1},
                                 {1, 1, 1, 1, 1}};
  kata::Rng rng1(1), rng3(3);
  kata::test::check_mat_close(kata::dropout_forward(activations(4, 6, 0), 0.5, rng1).mask, numpy_seed1, 0.0,
                              "dropout_forward() mask after Rng(1), 4 x 6, keep_prob 0.5 vs numpy",
                              "draw ONE matrix rng.rand(A.n_rows, A.n_cols) and compare it with < keep_prob");
  kata::test::check_mat_close(kata::dropout_forward(activations(3, 5, 0), 0.8, rng3).mask, numpy_seed3, 0.0,
                              "dropout_forward() mask after Rng(3), 3 x 5, keep_prob 0.8 vs numpy",
                              "draw ONE matrix rng.rand(A.n_rows, A.n_cols) and compare it with < keep_prob");
}

// How many numbers dropout_forward() draws. The contract: exactly A.n_rows * A.n_cols, in one
// rng.rand(rows, cols) call, whatever keep_prob is (also 1) and also for an empty A. So the NEXT number
// the generator gives is numpy's number n + 1 after the same seed. Expected values from numpy 1.24:
//   np.random.seed(seed); np.random.rand(n); np.random.rand()
struct DrawCase {
  arma::uword rows, cols;
  double keep_prob;
  std::uint32_t seed;
  double next;  // numpy's draw number rows * cols + 1
};
std::ostream& operator<<(std::ostream& out, const DrawCase& c) {
  return out << c.rows << " x " << c.cols << " A, keep_prob " << show(c.keep_prob) << ", Rng(" << c.seed << ")";
}
const DrawCase draw_cases[] = {
    {4, 6, 0.5, 5, 0.3275639476887341},   // seed 5, 24 draws
    {4, 6, 1.0, 6, 0.7091317507811673},   // keep_prob 1 still draws: seed 6, 24 draws
    {7, 1, 0.86, 7, 0.07205113335976154}, // one example (m = 1): seed 7, 7 draws
    {3, 5, 1.0, 9, 0.5727598155694092},   // seed 9, 15 draws
    {0, 5, 0.5, 8, 0.8734294027918162},   // empty A: no draw at all; seed 8, first number
};

BOOST_DATA_TEST_CASE(draws_one_number_per_entry, bdata::make(draw_cases), c) {
  const arma::mat A = 1.0 + arma::mat(c.rows, c.cols, arma::fill::ones);
  kata::Rng rng(c.seed);
  BOOST_TEST_INFO("dropout_forward(" << c << ")");
  (void)kata::dropout_forward(A, c.keep_prob, rng);
  const double next = rng.rand();
  // Tolerance 0: the same generator state gives bit-identical numbers.
  BOOST_CHECK_MESSAGE(next == c.next,
                      "after dropout_forward() on a " << c.rows << " x " << c.cols << " A (keep_prob "
                          << show(c.keep_prob) << ") with Rng(" << c.seed << "), the next rng.rand() should be numpy's "
                          << "number " << c.rows * c.cols + 1 << ", " << show(c.next) << ", got " << show(next)
                          << hint_suffix("draw exactly one number per entry with ONE rng.rand(A.n_rows, A.n_cols) "
                                         "call, also when keep_prob = 1 (the mask is then all ones, but the draws "
                                         "are still made) and nothing for an empty A"));
}

// A unit is kept when its draw is STRICTLY below keep_prob: a draw equal to keep_prob is dropped, as in
// numpy's rand() < keep_prob. (With <= the keep probability would be keep_prob + 2^-53, and the mask would
// differ from numpy's whenever a draw hits keep_prob.) keep_prob is set to one of the draws themselves;
// numpy 1.24: np.random.seed(1); r = np.random.rand(2, 3)
//   r = [[0.417022004702574, 0.7203244934421581, 0.00011437481734488664],
//        [0.30233257263183977, 0.14675589081711304, 0.0923385947687978]]
//   (r < r[0, 1]).astype(int) = [[1, 0, 1], [1, 1, 1]]   (keep_prob = the largest draw)
//   (r < r[1, 0]).astype(int) = [[0, 0, 1], [0, 1, 1]]   (keep_prob = a middle draw)
struct TieCase {
  double keep_prob;
  const char* which;
  arma::mat numpy_mask;
};
const TieCase tie_cases[] = {
    {0.7203244934421581, "the largest draw, entry (0, 1)", {{1, 0, 1}, {1, 1, 1}}},
    {0.30233257263183977, "the draw at entry (1, 0)", {{0, 0, 1}, {0, 1, 1}}},
};

BOOST_AUTO_TEST_CASE(a_draw_equal_to_keep_prob_is_dropped) {
  for (const TieCase& c : tie_cases) {
    kata::Rng rng(1);
    const std::string call = "dropout_forward(2 x 3 A, keep_prob = " + show(c.keep_prob) + ", Rng(1))";
    BOOST_TEST_INFO(call << ": keep_prob is " << c.which << " of numpy's np.random.seed(1); np.random.rand(2, 3)");
    const arma::mat mask = kata::dropout_forward(activations(2, 3, 0), c.keep_prob, rng).mask;
    kata::test::check_mat_close(mask, c.numpy_mask, 0.0, call + " mask vs numpy's rand(2, 3) < keep_prob",
                                "keep a unit when its draw is STRICTLY below keep_prob (rand < keep_prob, not <=): "
                                "the draw equal to keep_prob is dropped");
  }
}

BOOST_AUTO_TEST_SUITE_END()

// Harden it: every argument that can be wrong, on its own and next to special-but-valid values of the
// others (keep_prob = 1, an empty A). Each rejection must be a std::invalid_argument whose message starts
// with the function's name.
BOOST_AUTO_TEST_SUITE(bad_input, *boost::unit_test::description("task 5: harden it"))

// A valid A and every empty shape: an empty A is valid, but no reason to skip the keep_prob check.
std::vector<arma::mat> full_and_empty() {
  std::vector<arma::mat> out{arma::mat(2, 3, arma::fill::ones)};
  out.insert(out.end(), std::begin(empty_shapes), std::end(empty_shapes));
  return out;
}

BOOST_AUTO_TEST_CASE(dropout_forward_rejects_bad_keep_prob) {
  for (const arma::mat& A : full_and_empty()) {
    kata::Rng rng(0);
    for (const double kp : bad_keep_probs)
      check_rejects([&] { kata::dropout_forward(A, kp, rng); }, "dropout_forward()",
                    "keep_prob = " + show(kp) + " (A is " + shape(A) + ")", "keep_prob");
  }
}

BOOST_AUTO_TEST_CASE(dropout_forward_draws_nothing_when_it_rejects) {
  // The contract: a call that throws draws nothing. So the generator's next number is still numpy's first
  // after np.random.seed(8): 0.8734294027918162 (numpy 1.24).
  kata::Rng rng(8);
  const arma::mat A(4, 6, arma::fill::ones);
  for (const double kp : {0.0, 1.5, kata::test::kNaN})
    check_rejects([&] { kata::dropout_forward(A, kp, rng); }, "dropout_forward()", "keep_prob = " + show(kp),
                  "keep_prob");
  const double next = rng.rand();
  BOOST_CHECK_MESSAGE(next == 0.8734294027918162,
                      "after three rejected dropout_forward() calls on Rng(8), the next rng.rand() should still be "
                      "numpy's first number, 0.8734294027918162, got "
                          << show(next)
                          << hint_suffix("validate keep_prob BEFORE drawing the mask: a rejected call must not "
                                         "use up random numbers"));
}

BOOST_AUTO_TEST_CASE(dropout_backward_rejects_bad_keep_prob) {
  const arma::mat dA(2, 3, arma::fill::ones), mask(2, 3, arma::fill::ones);
  for (const double kp : bad_keep_probs) {
    // "keep_prob" in the message: the mask and dA are valid, so nothing else may be the reason.
    check_rejects([&] { kata::dropout_backward(dA, mask, kp); }, "dropout_backward()", "keep_prob = " + show(kp),
                  "keep_prob");
    for (const arma::mat& empty : empty_shapes)
      check_rejects([&] { kata::dropout_backward(empty, empty, kp); }, "dropout_backward()",
                    "keep_prob = " + show(kp) + " with an empty " + shape(empty) + " dA and mask", "keep_prob");
  }
}

BOOST_AUTO_TEST_CASE(dropout_backward_rejects_a_mask_of_another_shape) {
  // Every way the shapes can differ: transposed (same number of entries), other columns only, other rows
  // only, an empty mask for a full dA, and empty matrices of different shapes. Also with keep_prob = 1,
  // where the result would be dA whatever the mask is (no shortcut may skip the checks).
  const arma::mat dA(2, 3, arma::fill::ones);
  const arma::mat wrong[] = {arma::mat(3, 2, arma::fill::ones), arma::mat(2, 4, arma::fill::ones),
                             arma::mat(3, 3, arma::fill::ones), arma::mat(2, 0), arma::mat()};
  for (const double kp : {0.5, 1.0})
    for (const arma::mat& mask : wrong)
      check_rejects([&] { kata::dropout_backward(dA, mask, kp); }, "dropout_backward()",
                    "a " + shape(mask) + " mask for a 2 x 3 dA (keep_prob " + show(kp) + ")", "mask");
  check_rejects([] { kata::dropout_backward(arma::mat(0, 3), arma::mat(0, 2), 0.5); }, "dropout_backward()",
                "a 0 x 2 mask for a 0 x 3 dA", "mask");
}

BOOST_AUTO_TEST_CASE(dropout_backward_rejects_a_mask_that_is_not_0_or_1) {
  // One bad entry in an otherwise valid 0/1 mask, first or last (a check of the first row or column only
  // misses the last), of every kind: the forward output's 1/keep_prob = 2, a value between 0 and 1 (a range
  // check 0 <= m <= 1 lets it through), a negative one, the double just above 1, NaN and infinity.
  const arma::mat dA(3, 4, arma::fill::ones);
  arma::mat valid(3, 4, arma::fill::ones);
  valid(1, 2) = 0.0;
  const double bad_entries[] = {2.0, 0.5, -1.0, std::nextafter(1.0, 2.0), kata::test::kNaN, kata::test::kInf};
  for (const double kp : {0.5, 1.0})
    for (const double v : bad_entries)
      for (const arma::uword at : {arma::uword{0}, valid.n_elem - 1}) {
        arma::mat mask = valid;
        mask(at) = v;
        check_rejects([&] { kata::dropout_backward(dA, mask, kp); }, "dropout_backward()",
                      "a mask entry " + show(v) + " at (" + std::to_string(at % 3) + ", " + std::to_string(at / 3) +
                          ") (keep_prob " + show(kp) + ")",
                      "mask");
      }
}

BOOST_AUTO_TEST_CASE(dropout_backward_names_where_the_bad_mask_entry_is) {
  // The header: the message names the first bad entry and where it is, as (row, col) counted from 0. Off
  // the diagonal and off the corners, so swapping row and column, or splitting the column-major index
  // by the column count, (i / n_cols, i % n_cols), gives another position: mask(0, 2) is index 6 of a
  // 3 x 4 mask, and 6 / 4, 6 % 4 is (1, 2).
  const arma::mat dA(3, 4, arma::fill::ones);
  struct At {
    arma::uword row, col;
  };
  for (const At at : {At{0, 2}, At{2, 0}, At{1, 3}}) {
    arma::mat mask(3, 4, arma::fill::ones);
    mask(at.row, at.col) = 0.5;
    const std::string where = "(" + std::to_string(at.row) + ", " + std::to_string(at.col) + ")";
    check_rejects([&] { kata::dropout_backward(dA, mask, 0.5); }, "dropout_backward()",
                  "a mask entry 0.5 at " + where + " of a 3 x 4 mask (the message must say " + where + ")", where);
  }
  // Two bad entries: the first in Armadillo's column-major order is mask(2, 0) = 2 (index 2); reading row
  // by row, as numpy prints, would find mask(0, 2) = 0.5 (index 6) first.
  arma::mat mask(3, 4, arma::fill::ones);
  mask(0, 2) = 0.5;
  mask(2, 0) = 2.0;
  check_rejects([&] { kata::dropout_backward(dA, mask, 0.5); }, "dropout_backward()",
                "mask(0, 2) = 0.5 and mask(2, 0) = 2: the first bad entry in column-major order is (2, 0), not the "
                "first one row by row (the message must say (2, 0))",
                "(2, 0)");
}

BOOST_AUTO_TEST_CASE(dropout_inference_rejects_bad_keep_prob) {
  for (const arma::mat& A : full_and_empty())
    for (const double kp : bad_keep_probs)
      check_rejects([&] { kata::dropout_inference(A, kp); }, "dropout_inference()",
                    "keep_prob = " + show(kp) + " (A is " + shape(A) + ")", "keep_prob");
}

BOOST_AUTO_TEST_SUITE_END()
