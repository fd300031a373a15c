// Products for narrow layers: see matmul.hpp for when they are used and why the results are the same.
#include "kata/matmul.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <limits>

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#define KATA_X86_PRODUCTS 1
#include <immintrin.h>
#else
#define KATA_X86_PRODUCTS 0
#endif

namespace kata {
namespace {

// What happens to each finished entry of a product before it is stored, in this order (every pointer
// optional; relu and gate point into matrices of the result's shape):
//   + bias[i];  stored;  relu: max(v, 0) stored there as well (arma::clamp(v, 0, DBL_MAX), the network's
//   ReLU);  gate: v * (gate > 0 ? 1 : 0) stored instead of v (the ReLU's derivative, 0 * Inf = NaN kept).
struct Epilogue {
  const double* bias = nullptr;
  double* relu = nullptr;
  const double* gate = nullptr;
};

// The epilogue on a result computed by Armadillo, element by element.
void finish(arma::mat& Z, const Epilogue& e) {
  if (e.bias != nullptr)
    for (arma::uword j = 0; j < Z.n_cols; ++j) {  // Z.each_col() += bias, column after column
      double* z = Z.colptr(j);
      for (arma::uword i = 0; i < Z.n_rows; ++i) z[i] += e.bias[i];
    }
  double* z = Z.memptr();
  if (e.gate != nullptr)
    for (arma::uword i = 0; i < Z.n_elem; ++i) z[i] = z[i] * (e.gate[i] > 0.0 ? 1.0 : 0.0);
  if (e.relu != nullptr)
    for (arma::uword i = 0; i < Z.n_elem; ++i)
      e.relu[i] = z[i] < 0.0 ? 0.0 : z[i] > std::numeric_limits<double>::max() ? std::numeric_limits<double>::max() : z[i];
}

#if KATA_X86_PRODUCTS

// OpenBLAS's Haswell/Zen GEMM sums at most 256 terms in one chain (GEMM_Q); a longer sum is split into
// chains of 256, the last two balanced to a multiple of 4 (GEMM_UNROLL_M), and the rounded partial sums
// are added to the result one after the other. depth_block() is that rule.
constexpr std::size_t kChain = 256, kUnroll = 4;

std::size_t depth_block(std::size_t remaining) {
  if (remaining >= 2 * kChain) return kChain;
  if (remaining > kChain) return (remaining / 2 + kUnroll - 1) / kUnroll * kUnroll;
  return remaining;
}

bool cpu_has_fma() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

// A shape this file computes itself (matmul.hpp: where the BLAS's order would differ, or Armadillo
// would not call the BLAS, Armadillo keeps the product).
bool ours(arma::uword M, arma::uword N, arma::uword K) {
  const bool tiny_square = M <= 4 && M == N && N == K;
  return fast_products() && M >= 2 && N >= 2 && K >= 1 && !tiny_square;
}

// Four doubles, or the rows `mask` selects of a partial vector.
__attribute__((target("avx2,fma"))) inline __m256d load(const double* p, bool partial, __m256i mask) {
  return partial ? _mm256_maskload_pd(p, mask) : _mm256_loadu_pd(p);
}
// Four doubles, or the first `rows` of them (1 to 3) for a partial vector: plain 128- and 64-bit stores,
// since a masked store (vmaskmovpd) costs about ten times as much on AMD's cores.
__attribute__((target("avx2,fma"))) inline void store(double* p, __m256d v, bool partial, std::size_t rows) {
  if (!partial) return _mm256_storeu_pd(p, v);
  const __m128d low = _mm256_castpd256_pd128(v);
  if (rows == 1) return _mm_store_sd(p, low);
  _mm_storeu_pd(p, low);
  if (rows == 3) _mm_store_sd(p + 2, _mm256_extractf128_pd(v, 1));
}

// The epilogue's steps as bits, so that each combination the network uses is its own straight-line code
// (a test per stored vector cost more than the arithmetic in the wide, shallow products of the lessons'
// networks); kAny decides each step at run time.
enum Steps : unsigned { kAdd = 1, kBias = 2, kRelu = 4, kGate = 8, kAny = 16 };

// Stores a finished block (R x C vectors of sums) with the steps S of the epilogue (see Epilogue).
template <int R, int C, bool Masked, unsigned S>
__attribute__((target("avx2,fma"))) inline void store_block(const __m256d (&acc)[R][C], double* c, std::size_t ldc,
                                                            __m256i mask, std::size_t tail, bool add,
                                                            const Epilogue& e) {
  const bool any = S == kAny;
  const bool do_add = any ? add : (S & kAdd) != 0, do_bias = any ? e.bias != nullptr : (S & kBias) != 0,
             do_relu = any ? e.relu != nullptr : (S & kRelu) != 0, do_gate = any ? e.gate != nullptr : (S & kGate) != 0;
  const __m256d zero = _mm256_setzero_pd(), one = _mm256_set1_pd(1.0),
                top = _mm256_set1_pd(std::numeric_limits<double>::max());
  for (int r = 0; r < R; ++r) {
    const bool partial = Masked && r == R - 1;
    // The bias is added after the sum is rounded, as a separate addition: what Z.each_col() += b did.
    const __m256d shift = do_bias ? load(e.bias + 4 * r, partial, mask) : zero;
    for (int q = 0; q < C; ++q) {
      const std::size_t at = 4 * r + q * ldc;
      __m256d v = acc[r][q];
      if (do_add) v = _mm256_add_pd(load(c + at, partial, mask), v);
      if (do_bias) v = _mm256_add_pd(v, shift);
      if (do_gate)  // * 1.0 where gate > 0, else * 0.0 (ordered compare: NaN gives 0.0)
        v = _mm256_mul_pd(v, _mm256_and_pd(_mm256_cmp_pd(load(e.gate + at, partial, mask), zero, _CMP_GT_OQ), one));
      store(c + at, v, partial, tail);
      if (do_relu) {  // v < 0 -> 0, v > DBL_MAX -> DBL_MAX, NaN stays NaN
        __m256d relu = _mm256_blendv_pd(v, zero, _mm256_cmp_pd(v, zero, _CMP_LT_OQ));
        relu = _mm256_blendv_pd(relu, top, _mm256_cmp_pd(v, top, _CMP_GT_OQ));
        store(e.relu + at, relu, partial, tail);
      }
    }
  }
}

// One block of the result: R vectors of 4 rows by C columns, C(i, j) = Σ_k A(i, k) B(k, j) as one FMA chain
// per entry, k in order. A is column-major (leading dimension lda); B's entry (k, j) is b[k * sk + j * sj],
// which covers B (sk = 1) and B transposed (sj = 1). With Masked, the last vector holds fewer than 4 rows
// (`mask` selects them, `tail` says how many; masked loads never touch memory outside the matrices). With
// `add`, the block's sums are added to what c holds (the next chain of a long sum, see depth_block()).
// `e` points at the block's first row and column like c (Epilogue).
template <int R, int C, bool Masked>
__attribute__((target("avx2,fma"))) inline void block(std::size_t K, const double* a, std::size_t lda,
                                                      const double* b, std::size_t sk, std::size_t sj, double* c,
                                                      std::size_t ldc, __m256i mask, std::size_t tail, bool add,
                                                      const Epilogue& e) {
  __m256d acc[R][C];
  for (int r = 0; r < R; ++r)
    for (int q = 0; q < C; ++q) acc[r][q] = _mm256_setzero_pd();
  for (std::size_t k = 0; k < K; ++k) {
    __m256d col[R];
    for (int r = 0; r < R; ++r)
      col[r] = Masked && r == R - 1 ? _mm256_maskload_pd(a + 4 * r + k * lda, mask) : _mm256_loadu_pd(a + 4 * r + k * lda);
    const double* bk = b + k * sk;
    for (int q = 0; q < C; ++q) {
      const __m256d x = _mm256_broadcast_sd(bk + q * sj);
      for (int r = 0; r < R; ++r) acc[r][q] = _mm256_fmadd_pd(col[r], x, acc[r][q]);
    }
  }
  const unsigned steps = (add ? kAdd : 0u) | (e.bias != nullptr ? kBias : 0u) | (e.relu != nullptr ? kRelu : 0u) |
                         (e.gate != nullptr ? kGate : 0u);
  switch (steps) {
    case 0: return store_block<R, C, Masked, 0>(acc, c, ldc, mask, tail, add, e);
    case kAdd: return store_block<R, C, Masked, kAdd>(acc, c, ldc, mask, tail, add, e);
    case kBias: return store_block<R, C, Masked, kBias>(acc, c, ldc, mask, tail, add, e);
    case kBias | kRelu: return store_block<R, C, Masked, kBias | kRelu>(acc, c, ldc, mask, tail, add, e);
    case kGate: return store_block<R, C, Masked, kGate>(acc, c, ldc, mask, tail, add, e);
    default: return store_block<R, C, Masked, kAny>(acc, c, ldc, mask, tail, add, e);
  }
}

template <int C, bool Masked>
__attribute__((target("avx2,fma"))) inline void blocks_of_rows(int R, std::size_t K, const double* a,
                                                                std::size_t lda, const double* b, std::size_t sk,
                                                                std::size_t sj, double* c, std::size_t ldc,
                                                                __m256i mask, std::size_t tail, bool add,
                                                                const Epilogue& e) {
  switch (R) {
    case 1: return block<1, C, Masked>(K, a, lda, b, sk, sj, c, ldc, mask, tail, add, e);
    case 2: return block<2, C, Masked>(K, a, lda, b, sk, sj, c, ldc, mask, tail, add, e);
    default: return block<3, C, Masked>(K, a, lda, b, sk, sj, c, ldc, mask, tail, add, e);
  }
}

// C (M x N) = A (M x K) times B (entry (k, j) at b[k * sk + j * sj]), added to C when `add`, then
// the epilogue. Blocks of up to 12 rows by 4 columns (12
// accumulators: enough independent chains to hide the FMA latency); a single row vector takes 8 columns
// at a time for the same reason.
__attribute__((target("avx2,fma"))) void chains(std::size_t M, std::size_t N, std::size_t K, const double* a,
                                                const double* b, std::size_t sk, std::size_t sj, double* c,
                                                bool add, const Epilogue& e) {
  const std::size_t vectors = (M + 3) / 4, tail = M % 4;
  const __m256i mask = _mm256_setr_epi64x(-1, tail == 0 || tail > 1 ? -1 : 0, tail == 0 || tail > 2 ? -1 : 0,
                                          tail == 0 ? -1 : 0);
  // Rows outside, columns inside: a block of rows of A (12 x K) stays in the L1 cache while it meets every
  // column of B, instead of all of A passing through it once per block of columns.
  for (std::size_t v = 0; v < vectors;) {
    // 3 vectors at a time, but 2 + 2 rather than 3 + 1 (one vector by 4 columns is only 4 chains)
    const std::size_t left = vectors - v;
    const int R = vectors == 1 ? 1 : left == 4 ? 2 : static_cast<int>(std::min<std::size_t>(3, left));
    const bool masked = tail != 0 && v + static_cast<std::size_t>(R) == vectors;
    for (std::size_t j = 0; j < N;) {
      const std::size_t width = vectors == 1 && N - j >= 8 ? 8 : N - j >= 4 ? 4 : N - j >= 2 ? 2 : 1;
      const double* av = a + 4 * v;
      const double* bj = b + j * sj;
      double* cv = c + 4 * v + j * M;
      const std::size_t at = 4 * v + j * M;  // the block's offset in the result (and in relu, gate)
      const Epilogue bv{e.bias == nullptr ? nullptr : e.bias + 4 * v, e.relu == nullptr ? nullptr : e.relu + at,
                        e.gate == nullptr ? nullptr : e.gate + at};
      if (width == 8) {
        if (masked) block<1, 8, true>(K, av, M, bj, sk, sj, cv, M, mask, tail, add, bv);
        else block<1, 8, false>(K, av, M, bj, sk, sj, cv, M, mask, tail, add, bv);
      } else if (width == 4) {
        if (masked) blocks_of_rows<4, true>(R, K, av, M, bj, sk, sj, cv, M, mask, tail, add, bv);
        else blocks_of_rows<4, false>(R, K, av, M, bj, sk, sj, cv, M, mask, tail, add, bv);
      } else if (width == 2) {
        if (masked) blocks_of_rows<2, true>(R, K, av, M, bj, sk, sj, cv, M, mask, tail, add, bv);
        else blocks_of_rows<2, false>(R, K, av, M, bj, sk, sj, cv, M, mask, tail, add, bv);
      } else {  // the last column of an odd count
        if (masked) blocks_of_rows<1, true>(R, K, av, M, bj, sk, sj, cv, M, mask, tail, add, bv);
        else blocks_of_rows<1, false>(R, K, av, M, bj, sk, sj, cv, M, mask, tail, add, bv);
      }
      j += width;
    }
    v += static_cast<std::size_t>(R);
  }
}

// The whole product: one chain per entry for a depth up to 256, else chains added as depth_block() says;
// the epilogue once the last chain is in.
void product(std::size_t M, std::size_t N, std::size_t K, const double* a, const double* b, std::size_t sk,
             std::size_t sj, double* c, const Epilogue& e) {
  for (std::size_t first = 0, len = 0; first < K; first += len) {
    len = depth_block(K - first);
    chains(M, N, len, a + first * M, b + first * sk, sk, sj, c, first > 0, first + len == K ? e : Epilogue{});
  }
}

#else

bool cpu_has_fma() { return false; }
bool ours(arma::uword, arma::uword, arma::uword) { return false; }
void product(std::size_t, std::size_t, std::size_t, const double*, const double*, std::size_t, std::size_t, double*,
             const Epilogue&) {}

#endif

}  // namespace

bool fast_products() {
  // KATA_BLAS_PRODUCTS=1 sends every product to Armadillo (to compare, or to rule this file out).
  static const bool on = cpu_has_fma() && std::getenv("KATA_BLAS_PRODUCTS") == nullptr;
  return on;
}

void multiply(const arma::mat& A, const arma::mat& B, arma::mat& out, const arma::vec* bias, arma::mat* relu) {
  const Epilogue e{bias == nullptr ? nullptr : bias->memptr(), nullptr, nullptr};
  if (&out == &A || &out == &B || relu == &A || relu == &B || relu == &out || !ours(A.n_rows, B.n_cols, A.n_cols)) {
    out = A * B;
    if (relu != nullptr) relu->set_size(out.n_rows, out.n_cols);
    finish(out, {e.bias, relu == nullptr ? nullptr : relu->memptr(), nullptr});
    return;
  }
  out.set_size(A.n_rows, B.n_cols);
  if (relu != nullptr) relu->set_size(A.n_rows, B.n_cols);
  product(A.n_rows, B.n_cols, A.n_cols, A.memptr(), B.memptr(), 1, B.n_rows, out.memptr(),
          {e.bias, relu == nullptr ? nullptr : relu->memptr(), nullptr});
}

void multiply_bt(const arma::mat& A, const arma::mat& B, arma::mat& out) {
  if (&out == &A || &out == &B || !ours(A.n_rows, B.n_rows, A.n_cols)) {
    out = A * B.t();
    return;
  }
  out.set_size(A.n_rows, B.n_rows);
  product(A.n_rows, B.n_rows, A.n_cols, A.memptr(), B.memptr(), B.n_rows, 1, out.memptr(), {});
}

void multiply_at(const arma::mat& A, const arma::mat& B, arma::mat& out, arma::mat& scratch, const arma::mat* gate) {
  const Epilogue e{nullptr, nullptr, gate == nullptr ? nullptr : gate->memptr()};
  if (&out == &A || &out == &B || &out == gate || !ours(A.n_cols, B.n_cols, A.n_rows)) {
    out = A.t() * B;
    finish(out, e);
    return;
  }
  scratch = A.t();  // exact: the same numbers, laid out for column loads
  out.set_size(A.n_cols, B.n_cols);
  product(A.n_cols, B.n_cols, A.n_rows, scratch.memptr(), B.memptr(), 1, B.n_rows, out.memptr(), e);
}

}  // namespace kata
