// kata/vmath.hpp — e^x and log(1 + x) of many doubles at once: the exponentials and logarithms of the
// networks' output layers and costs (a third of some experiments' time when computed one by one).
//
//   kata::exp_n(x, y, n);    // y[i] = e^x[i],         i < n (y may be x)
//   kata::log1p_n(x, y, n);  // y[i] = log(1 + x[i]),  i < n (y may be x)
//
// On x86-64 with AVX2 + FMA, four values at a time through glibc's vector math library (libmvec, found at
// run time: `_ZGVdN4v_exp`, `_ZGVdN4v_log1p`); documented to within 4 units in the last place (ulp) of the
// exact result, measured here within 2 ulp of the scalar std::exp / std::log1p (which are within 1), and
// exact where the scalar ones are (e^0 = 1, log1p(0) = 0, Inf, NaN, underflow to 0). Elsewhere, or with
// KATA_SCALAR_MATH set, std::exp and std::log1p one by one. So a result may differ from the scalar one in
// the last bits, as results computed with another BLAS or another libm already do.
#pragma once

#include <cstddef>

namespace kata {

void exp_n(const double* x, double* y, std::size_t n);
void log1p_n(const double* x, double* y, std::size_t n);

// Whether exp_n and log1p_n use the vector library (for `kata run`'s header and the benchmarks).
bool vector_math();

}  // namespace kata
