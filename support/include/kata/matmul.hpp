// kata/matmul.hpp — matrix products for narrow matrices: the support network's layers, and experiments
// that multiply small matrices in a loop.
//
//   kata::multiply(W, A, Z, &b);        // Z = W * A, then b added to every column
//   kata::multiply_bt(dZ, A, dW);       // dW = dZ * A.t()
//   kata::multiply_at(W, dZ, dA, tmp);  // dA = W.t() * dZ  (tmp: a scratch matrix kept between calls)
//
// Why not just Armadillo's `*`: the lessons' networks multiply matrices with a handful of rows or columns
// (a layer of 3 units over 200 examples, 2 inputs, ...), where a BLAS call costs more than its arithmetic:
// OpenBLAS zeroes the result, packs both operands and runs a kernel built for large blocks (half of
// experiment 03's time). These functions compute the same products in place, with AVX2 + FMA code chosen
// at run time:
//   - every entry is one fused multiply-add chain over k = 0, 1, ..., K-1, starting from +0 (a depth
//     above 256: chains of at most 256 whose rounded sums are added in order): the order of OpenBLAS's
//     Haswell/Zen GEMM, so on such a machine the results are the same bits as Armadillo's `*`, except in
//     the last column of a product with an odd number of columns (OpenBLAS finishes that one with a kernel
//     of another order; here it gets the same chains as the others, so it may differ in the last place);
//     another BLAS rounds differently in the last place, as BLAS libraries already differ from each other;
//   - where Armadillo does not call gemm (a result with one row or column, 4 x 4 and smaller square
//     products), and on a CPU without AVX2 + FMA, they use Armadillo's `*`.
// `out` is resized only when its shape differs, so a buffer reused step after step is never reallocated.
// `out` may be A or B (then Armadillo computes it).
#pragma once

#include <armadillo>

namespace kata {

// out = A * B + (bias added to every column when bias is not null; n_rows entries); with `relu`, also
// relu = arma::clamp(out, 0, DBL_MAX) (the network's ReLU), written in the same pass.
void multiply(const arma::mat& A, const arma::mat& B, arma::mat& out, const arma::vec* bias = nullptr,
              arma::mat* relu = nullptr);
// out = A * B.t()
void multiply_bt(const arma::mat& A, const arma::mat& B, arma::mat& out);
// out = A.t() * B; `scratch` holds A.t() between calls. With `gate` (out's shape), each entry is then
// multiplied by 1 where gate > 0 and by 0 elsewhere (dZ = dA ⊙ 1[Z > 0] for a ReLU layer).
void multiply_at(const arma::mat& A, const arma::mat& B, arma::mat& out, arma::mat& scratch,
                 const arma::mat* gate = nullptr);

// Whether the AVX2 + FMA products are in use (this CPU has them and KATA_BLAS_PRODUCTS is not set).
bool fast_products();

}  // namespace kata
