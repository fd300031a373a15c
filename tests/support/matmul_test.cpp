// The products of kata/matmul.hpp: what they compute, and the summation order
// they promise (one fused multiply-add chain per entry in k order, depths above 256 in chains whose
// rounded sums are added in order), on every shape class the dispatcher tells apart: row blocks of 1-3
// vectors, a partial last vector, 1/2/4/8 columns at a time (odd column counts), vector results (handed
// to Armadillo), depths 1 .. 700, the epilogues (bias, ReLU copy, ReLU gate) and aliasing.
#include "kata/matmul.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <string>

#include "kata/rng.hpp"
#include "kata_test.hpp"

namespace {

using kata::multiply;
using kata::multiply_at;
using kata::multiply_bt;

std::string shape(arma::uword M, arma::uword K, arma::uword N) {
  return std::to_string(M) + " x " + std::to_string(K) + " x " + std::to_string(N);
}

// The documented order, written plainly: entry (i, j) = Σ_k A(i, k) B(k, j) as std::fma chains of at most
// 256 terms from +0 (a longer sum: chains of 256, the last two balanced to a multiple of 4), each chain's
// rounded sum added to the previous ones in order.
arma::mat fma_chains(const arma::mat& A, const arma::mat& B) {
  const arma::uword K = A.n_cols;
  arma::mat C(A.n_rows, B.n_cols);
  for (arma::uword i = 0; i < A.n_rows; ++i)
    for (arma::uword j = 0; j < B.n_cols; ++j) {
      double total = 0.0;
      for (arma::uword first = 0, len = 0; first < K; first += len) {
        len = K - first;
        if (len >= 512) len = 256;
        else if (len > 256) len = (len / 2 + 3) / 4 * 4;
        double chain = 0.0;
        for (arma::uword k = first; k < first + len; ++k) chain = std::fma(A(i, k), B(k, j), chain);
        total = first == 0 ? chain : total + chain;
      }
      C(i, j) = total;
    }
  return C;
}

// |C - A B| <= 2 K u (|A| |B|) entry by entry (u = 2^-53): the usual bound for a sum of K products, for
// each of the two ways of summing. Any order a BLAS may use stays inside it; a wrong entry does not.
void check_product(const arma::mat& got, const arma::mat& A, const arma::mat& B, const std::string& what) {
  const arma::mat expected = A * B;
  BOOST_REQUIRE_MESSAGE(got.n_rows == expected.n_rows && got.n_cols == expected.n_cols,
                        what << ": shape " << got.n_rows << " x " << got.n_cols << ", expected " << expected.n_rows
                             << " x " << expected.n_cols);
  const arma::mat bound = 2.0 * static_cast<double>(A.n_cols) * std::ldexp(1.0, -53) * (arma::abs(A) * arma::abs(B));
  const arma::umat outside = arma::abs(got - expected) > bound;
  BOOST_CHECK_MESSAGE(!outside.is_empty() && arma::accu(outside) == 0,
                      what << ": " << arma::accu(outside) << " entries differ from Armadillo's A * B by more than "
                           << "2 K u |A| |B| (rounding of a " << A.n_cols << "-term sum)");
}

// Where the fast products run, they follow fma_chains() exactly (so the BLAS they replace, OpenBLAS on
// Haswell/Zen, gives the same bits but for the last of an odd number of columns); elsewhere Armadillo
// computes the product.
void check_order(const arma::mat& got, const arma::mat& A, const arma::mat& B, const std::string& what) {
  if (!kata::fast_products() || A.n_rows < 2 || B.n_cols < 2) return;
  if (A.n_rows <= 4 && A.n_rows == A.n_cols && A.n_cols == B.n_cols) return;  // Armadillo's tiny squares
  BOOST_CHECK_MESSAGE(arma::approx_equal(got, fma_chains(A, B), "absdiff", 0.0),
                      what << ": not the promised summation order (FMA chains of <= 256 terms in k order)");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(products)

BOOST_AUTO_TEST_CASE(every_shape_class_equals_the_product) {
  kata::Rng rng(7);
  for (const arma::uword M : {1u, 2u, 3u, 4u, 5u, 8u, 10u, 13u, 20u, 24u, 40u})
    for (const arma::uword K : {1u, 2u, 3u, 4u, 64u, 256u, 257u, 300u, 700u})
      for (const arma::uword N : {1u, 2u, 3u, 4u, 6u, 10u, 16u, 21u}) {
        const arma::mat A = rng.randn(M, K), B = rng.randn(K, N);
        arma::mat C, scratch;
        multiply(A, B, C);
        check_product(C, A, B, "multiply " + shape(M, K, N));
        check_order(C, A, B, "multiply " + shape(M, K, N));
        const arma::mat Bt = B.t(), At = A.t();
        multiply_bt(A, Bt, C);
        check_product(C, A, B, "multiply_bt " + shape(M, K, N));
        check_order(C, A, B, "multiply_bt " + shape(M, K, N));
        multiply_at(At, B, C, scratch);
        check_product(C, A, B, "multiply_at " + shape(M, K, N));
        check_order(C, A, B, "multiply_at " + shape(M, K, N));
      }
}

BOOST_AUTO_TEST_CASE(bias_then_relu_like_the_network) {
  // Z = A B + b (b added to the rounded product), R = arma::clamp(Z, 0, DBL_MAX): NaN stays NaN, +Inf
  // becomes DBL_MAX, -0 stays -0. Both on a shape the fast code takes (12 x 5 x 6) and one it leaves to
  // Armadillo (12 x 5 x 7).
  const double big = std::numeric_limits<double>::max();
  for (const arma::uword N : {6u, 7u}) {
    kata::Rng rng(3);
    arma::mat A = rng.randn(12, 5), B = rng.randn(5, N);
    B(0, 1) = kata::test::kInf;
    B(0, 2) = kata::test::kNaN;
    const arma::vec b = rng.randn(12, 1);
    arma::mat Z, R;
    multiply(A, B, Z, &b, &R);
    arma::mat expected = A * B;
    expected.each_col() += b;
    const arma::mat relu = arma::clamp(expected, 0.0, big);
    BOOST_CHECK_MESSAGE(arma::approx_equal(Z, expected, "absdiff", 0.0) ||
                            arma::all(arma::vectorise((Z == expected) || (Z != Z && expected != expected))),
                        "N = " << N << ": Z must be (A B) + b, each entry the product's then + b");
    for (arma::uword i = 0; i < R.n_elem; ++i) {
      const bool same = std::isnan(relu(i)) ? std::isnan(R(i)) : R(i) == relu(i) && std::signbit(R(i)) == std::signbit(relu(i));
      BOOST_CHECK_MESSAGE(same, "N = " << N << ": ReLU entry " << i << " is " << kata::test::show(R(i)) << ", expected "
                                       << kata::test::show(relu(i)) << " (clamp(z, 0, DBL_MAX) of z = "
                                       << kata::test::show(expected(i)) << ")");
    }
  }
}

BOOST_AUTO_TEST_CASE(gate_is_the_relu_derivative_as_a_product) {
  // out = (A.t() B) ⊙ 1[gate > 0], multiplied by 1.0 or 0.0: Inf * 0 = NaN, NaN gate counts as "not > 0".
  for (const arma::uword N : {8u, 9u}) {
    kata::Rng rng(5);
    arma::mat At = rng.randn(4, 10), B = rng.randn(4, N), gate = rng.randn(10, N), scratch, out;
    B(0, 0) = kata::test::kInf;
    gate(0, 1) = kata::test::kNaN;
    multiply_at(At, B, out, scratch, &gate);
    const arma::mat product = At.t() * B;
    for (arma::uword i = 0; i < out.n_elem; ++i) {
      const double expected = product(i) * (gate(i) > 0.0 ? 1.0 : 0.0);
      const bool same = std::isnan(expected) ? std::isnan(out(i)) : out(i) == expected;
      BOOST_CHECK_MESSAGE(same, "N = " << N << ": entry " << i << " is " << kata::test::show(out(i)) << ", expected "
                                       << kata::test::show(expected) << " (product " << kata::test::show(product(i))
                                       << ", gate " << kata::test::show(gate(i)) << ")");
    }
  }
}

BOOST_AUTO_TEST_CASE(an_output_that_is_an_input_is_still_the_product) {
  kata::Rng rng(9);
  arma::mat A = rng.randn(6, 6), B = rng.randn(6, 6), scratch;
  const arma::mat A0 = A, B0 = B;
  multiply(A, B, A);
  check_product(A, A0, B0, "multiply(A, B, A)");
  A = A0;
  multiply_bt(A, B, B);
  check_product(B, A0, B0.t(), "multiply_bt(A, B, B)");
  B = B0;
  multiply_at(A, B, A, scratch);
  check_product(A, A0.t(), B0, "multiply_at(A, B, A)");
}

BOOST_AUTO_TEST_CASE(a_reused_buffer_keeps_its_memory) {
  // The training loop's promise (network_alloc_test counts it): same shape, same memory.
  kata::Rng rng(2);
  const arma::mat A = rng.randn(10, 64), B = rng.randn(64, 32);
  arma::mat C;
  multiply(A, B, C);
  const double* memory = C.memptr();
  multiply(A, B, C);
  BOOST_CHECK_MESSAGE(C.memptr() == memory, "multiply() reallocated a result buffer of the right shape");
}

BOOST_AUTO_TEST_SUITE_END()
