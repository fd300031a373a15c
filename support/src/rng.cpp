#include "kata/rng.hpp"

#include <cmath>

#include "kata/errors.hpp"

namespace kata {

// init_genrand(seed) (Matsumoto and Nishimura's reference code, numpy's and std::mt19937's seeding).
void Rng::seed(std::uint32_t seed) {
  state_[0] = seed;
  for (std::uint32_t i = 1; i < kStateSize; ++i)
    state_[i] = 1812433253u * (state_[i - 1] ^ (state_[i - 1] >> 30)) + i;
  next_ = kStateSize;  // the first draw twists, as in the reference code
  has_gauss_ = false;
  gauss_ = 0.0;
}

namespace {

constexpr std::size_t kShift = 397;  // MT19937's middle word offset
constexpr std::uint32_t kMatrixA = 0x9908b0dfu, kUpper = 0x80000000u, kLower = 0x7fffffffu;

// One word of the twist: the top bit of `a` with the low 31 bits of `b`, shifted and mixed into `far`.
inline std::uint32_t twist(std::uint32_t a, std::uint32_t b, std::uint32_t far) {
  const std::uint32_t y = (a & kUpper) | (b & kLower);
  return far ^ (y >> 1) ^ ((0u - (y & 1u)) & kMatrixA);  // y odd: ^ kMatrixA, without a branch
}

// numpy's random_sample from two 32-bit draws: 53 random bits.
inline double uniform53(Rng& rng) {
  const auto a = rng.next_uint32() >> 5;
  const auto b = rng.next_uint32() >> 6;
  return (a * 67108864.0 + b) / 9007199254740992.0;
}

}  // namespace

namespace {

// numpy's random_sample of the word pairs w[2j], w[2j + 1], j < n, into out: (a 2^26 + b) / 2^53 with
// a = w[2j] >> 5 and b = w[2j + 1] >> 6, every step exact (a 2^26 + b < 2^53), so eight words at a time
// with AVX2 give the same doubles as one at a time.
__attribute__((target_clones("avx2", "default"))) void uniforms_from_pairs(const std::uint32_t* w, double* out,
                                                                         std::size_t n) {
  for (std::size_t j = 0; j < n; ++j)
    out[j] = (static_cast<double>(w[2 * j] >> 5) * 67108864.0 + static_cast<double>(w[2 * j + 1] >> 6)) *
             (1.0 / 9007199254740992.0);
}

}  // namespace

// The reference code's twist, split where word i + 397 wraps around; each loop only reads words that an
// earlier step already wrote or that no step has written yet, so it runs four words at a time.
void Rng::refill() {
  std::uint32_t* mt = state_.data();
  constexpr std::size_t n = kStateSize, wrap = kStateSize - kShift;
  for (std::size_t i = 0; i < wrap; ++i) mt[i] = twist(mt[i], mt[i + 1], mt[i + kShift]);
  for (std::size_t i = wrap; i < n - 1; ++i) mt[i] = twist(mt[i], mt[i + 1], mt[i - wrap]);
  mt[n - 1] = twist(mt[n - 1], mt[0], mt[kShift - 1]);
  for (std::size_t i = 0; i < n; ++i) {  // tempering
    std::uint32_t y = mt[i];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    output_[i] = y ^ (y >> 18);
  }
  next_ = 0;
}

double Rng::rand() { return uniform53(*this); }

// A dropout mask draws one of these per activation and per step. numpy fills the matrix row by row, so
// the draws go into the transpose, one after the other, and Armadillo's blocked transpose puts them in
// place (writing them straight into the column-major result jumps a whole column per draw: a cache miss
// each for a layer over many examples). A row of the transpose whose draws are all in the buffer is
// converted in one loop without a check per draw; the one that reaches the buffer's end goes through
// next_uint32(), which refills it.
arma::mat Rng::rand(arma::uword rows, arma::uword cols) {
  if (rows == 0 || cols == 0) return arma::mat(rows, cols);  // nothing to draw (and no column to fill)
  arma::mat transposed(cols, rows);
  for (arma::uword i = 0; i < rows; ++i) {
    double* mem = transposed.colptr(i);
    if (kStateSize - next_ >= 2 * cols) {
      uniforms_from_pairs(output_.data() + next_, mem, cols);
      next_ += 2 * cols;
      continue;
    }
    for (arma::uword j = 0; j < cols; ++j) mem[j] = uniform53(*this);
  }
  if (rows == 1 || cols == 1) return arma::reshape(transposed, rows, cols);  // same order either way
  return transposed.t();
}

double Rng::randn() {
  if (has_gauss_) {
    has_gauss_ = false;
    return gauss_;
  }
  double x1 = 0.0, x2 = 0.0, r2 = 0.0;
  do {
    x1 = 2.0 * rand() - 1.0;
    x2 = 2.0 * rand() - 1.0;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1.0 || r2 == 0.0);
  const double f = std::sqrt(-2.0 * std::log(r2) / r2);
  gauss_ = f * x1;  // numpy caches f * x1 and returns f * x2 first
  has_gauss_ = true;
  return f * x2;
}

arma::mat Rng::randn(arma::uword rows, arma::uword cols) {
  arma::mat out(rows, cols);
  for (arma::uword i = 0; i < rows; ++i)
    for (arma::uword j = 0; j < cols; ++j) out(i, j) = randn();
  return out;
}

std::uint64_t Rng::interval(std::uint64_t max) {
  if (max == 0) return 0;
  std::uint64_t mask = max;
  for (int shift = 1; shift < 64; shift <<= 1) mask |= mask >> shift;
  std::uint64_t value = 0;
  if (max <= 0xffffffffULL) {
    while ((value = (next_uint32() & mask)) > max) {
    }
  } else {
    do {
      const std::uint64_t hi = next_uint32();
      value = ((hi << 32) | next_uint32()) & mask;
    } while (value > max);
  }
  return value;
}

long long Rng::randint(long long low, long long high) {
  require(high > low, str("randint(): high must be greater than low, got low = ", low, ", high = ", high));
  // In unsigned 64-bit arithmetic, like numpy: high - low - 1 overflows a signed 64-bit integer for
  // ranges wider than 2^63 (randint(-2^63, 2^63 - 1) is one numpy accepts), and so may low + draw.
  // Unsigned wrap-around is defined, and the sum converted back is exactly low + draw (C++20: modulo 2^64).
  const std::uint64_t max = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low) - 1;
  return static_cast<long long>(static_cast<std::uint64_t>(low) + interval(max));
}

arma::uvec Rng::permutation(arma::uword n) {
  arma::uvec out = arma::regspace<arma::uvec>(0, n == 0 ? 0 : n - 1);
  if (n == 0) return arma::uvec();
  for (arma::uword i = n - 1; i >= 1; --i) {
    const auto j = static_cast<arma::uword>(interval(i));
    std::swap(out(i), out(j));
  }
  return out;
}

}  // namespace kata
