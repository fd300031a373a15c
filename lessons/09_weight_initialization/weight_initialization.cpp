// Lesson 09 — your implementation. Read README.md next to this file, then replace each KATA_TODO()
// with working code. Run `./kata check 09` to see which checks pass.
#include "weight_initialization.hpp"

#include "kata/errors.hpp"

namespace kata::init {

Params initialize_zeros(const std::vector<arma::uword>& dims) {
  KATA_TODO();
}

Params initialize_random(const std::vector<arma::uword>& dims, Rng& rng, double scale) {
  KATA_TODO();
}

Params initialize_he(const std::vector<arma::uword>& dims, Rng& rng) {
  KATA_TODO();
}

Params initialize_xavier(const std::vector<arma::uword>& dims, Rng& rng) {
  KATA_TODO();
}

Params initialize_glorot(const std::vector<arma::uword>& dims, Rng& rng) {
  KATA_TODO();
}

}  // namespace kata::init
