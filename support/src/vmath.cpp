// Vector exponentials and logarithms: see kata/vmath.hpp.
#include "kata/vmath.hpp"

#include <cmath>
#include <cstdlib>

#if defined(__x86_64__) && defined(__GLIBC__) && (defined(__clang__) || defined(__GNUC__))
#define KATA_LIBMVEC 1
#include <dlfcn.h>
#include <immintrin.h>
#else
#define KATA_LIBMVEC 0
#endif

namespace kata {
namespace {

#if KATA_LIBMVEC

// libmvec's AVX2 variants take and return four doubles in a ymm register (the x86-64 vector function ABI).
using Vector4 = __m256d (*)(__m256d);

struct Library {
  Vector4 exp = nullptr, log1p = nullptr;
};

// Looked up once. libmvec ships with glibc (log1p since 2.35); dlopen rather than linking it, so that a
// system without it (or an older glibc) builds and runs the scalar loop instead.
const Library& library() {
  static const Library lib = [] {
    Library l;
    __builtin_cpu_init();
    if (!__builtin_cpu_supports("avx2") || !__builtin_cpu_supports("fma") || std::getenv("KATA_SCALAR_MATH") != nullptr)
      return l;
    void* handle = dlopen("libmvec.so.1", RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) return l;
    auto* e = reinterpret_cast<Vector4>(dlsym(handle, "_ZGVdN4v_exp"));
    auto* g = reinterpret_cast<Vector4>(dlsym(handle, "_ZGVdN4v_log1p"));
    if (e != nullptr && g != nullptr) l = {e, g};
    return l;
  }();
  return lib;
}

// f on x[0 .. n) into y, four at a time; the last 1-3 values go through a padded vector (the padding
// is 0, harmless for both functions) so that every value gets the same function.
__attribute__((target("avx2,fma"))) void apply(Vector4 f, const double* x, double* y, std::size_t n) {
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) _mm256_storeu_pd(y + i, f(_mm256_loadu_pd(x + i)));
  if (i == n) return;
  alignas(32) double rest[4] = {0.0, 0.0, 0.0, 0.0};
  for (std::size_t k = 0; i + k < n; ++k) rest[k] = x[i + k];
  _mm256_store_pd(rest, f(_mm256_load_pd(rest)));
  for (std::size_t k = 0; i + k < n; ++k) y[i + k] = rest[k];
}

#endif

}  // namespace

bool vector_math() {
#if KATA_LIBMVEC
  return library().exp != nullptr;
#else
  return false;
#endif
}

void exp_n(const double* x, double* y, std::size_t n) {
#if KATA_LIBMVEC
  if (const Vector4 f = library().exp) return apply(f, x, y, n);
#endif
  for (std::size_t i = 0; i < n; ++i) y[i] = std::exp(x[i]);
}

void log1p_n(const double* x, double* y, std::size_t n) {
#if KATA_LIBMVEC
  if (const Vector4 f = library().log1p) return apply(f, x, y, n);
#endif
  for (std::size_t i = 0; i < n; ++i) y[i] = std::log1p(x[i]);
}

}  // namespace kata
