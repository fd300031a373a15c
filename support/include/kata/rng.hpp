// kata::Rng — a random generator that reproduces numpy's legacy stream (np.random.seed / RandomState).
//
// With the same seed, these calls return the same numbers as numpy 1.17+'s legacy functions:
//
//   Rng rng(1);                      np.random.seed(1)
//   rng.rand()                       np.random.rand()
//   rng.randn()                      np.random.randn()
//   rng.rand(r, c), rng.randn(r, c)  np.random.rand(r, c), np.random.randn(r, c)   (filled row by row)
//   rng.randint(low, high)           np.random.randint(low, high)                 (high exclusive)
//   rng.permutation(n)               np.random.permutation(n)
//
// How (numpy's numpy/random/src/legacy and mt19937 sources describe the same algorithms):
//   - MT19937 seeded with init_genrand(seed), exactly std::mt19937's seeding;
//   - rand: 53-bit double from two 32-bit draws, ((a >> 5) * 67108864 + (b >> 6)) / 9007199254740992;
//   - randn: Marsaglia's polar method; each accepted pair yields two normals, the second is cached;
//   - randint and permutation: masked rejection sampling on 32-bit draws for ranges below 2^32, on 64-bit
//     draws (two 32-bit draws, high word first) above; randint computes in unsigned 64-bit, so every
//     range numpy's int64 randint accepts with these bounds works, up to randint(-2^63, 2^63 - 1).
// Verified against values generated with numpy 1.24 in tests/support/rng_test.cpp.
#pragma once

#include <armadillo>
#include <array>
#include <cstddef>
#include <cstdint>

namespace kata {

class Rng {
 public:
  explicit Rng(std::uint32_t seed = 0) { this->seed(seed); }

  // Restarts the stream, like np.random.seed(seed). Also forgets a cached normal.
  void seed(std::uint32_t seed);

  std::uint32_t next_uint32() {
    if (next_ == kStateSize) refill();
    return output_[next_++];
  }

  // Uniform on [0, 1).
  double rand();
  // rows × cols matrix of rand(), drawn in numpy's row-major (C) order.
  arma::mat rand(arma::uword rows, arma::uword cols);

  // Standard normal.
  double randn();
  arma::mat randn(arma::uword rows, arma::uword cols);

  // Uniform integer in [low, high), any low < high in the long long range (numpy's legacy
  // randint(low, high) with dtype int64). Throws std::invalid_argument when high <= low.
  long long randint(long long low, long long high);

  // A random permutation of 0 .. n-1 (numpy's legacy Fisher–Yates shuffle, from the end).
  arma::uvec permutation(arma::uword n);

 private:
  // Uniform integer in [0, max], numpy's random_interval (masked rejection).
  std::uint64_t interval(std::uint64_t max);

  // MT19937 (the generator of std::mt19937 and numpy's legacy RandomState), written out so that each
  // refill computes the next 624 outputs in two plain loops the compiler vectorizes: a dropout mask
  // draws two of them per activation and step, which made std::mt19937 a third of experiment 04's time.
  static constexpr std::size_t kStateSize = 624;
  void refill();  // the next state (the "twist"), and its 624 tempered outputs
  std::array<std::uint32_t, kStateSize> state_{};
  std::array<std::uint32_t, kStateSize> output_{};
  std::size_t next_ = kStateSize;
  bool has_gauss_ = false;
  double gauss_ = 0.0;
};

}  // namespace kata
