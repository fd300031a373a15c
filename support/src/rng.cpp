#include "kata/rng.hpp"

#include <cmath>

#include "kata/errors.hpp"

namespace kata {

void Rng::seed(std::uint32_t seed) {
  engine_.seed(seed);
  has_gauss_ = false;
  gauss_ = 0.0;
}

namespace {

// numpy's random_sample from two 32-bit draws: 53 random bits.
inline double uniform53(std::mt19937& engine) {
  const auto a = static_cast<std::uint32_t>(engine()) >> 5;
  const auto b = static_cast<std::uint32_t>(engine()) >> 6;
  return (a * 67108864.0 + b) / 9007199254740992.0;
}

}  // namespace

double Rng::rand() { return uniform53(engine_); }

// A dropout mask draws one of these per activation and per step: one tight loop, with the engine inlined.
arma::mat Rng::rand(arma::uword rows, arma::uword cols) {
  arma::mat out(rows, cols);
  double* mem = out.memptr();
  for (arma::uword i = 0; i < rows; ++i)
    for (arma::uword j = 0; j < cols; ++j) mem[i + j * rows] = uniform53(engine_);
  return out;
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
