// Lesson 04 — your implementation. Read README.md next to this file, then replace each KATA_TODO()
// with working code. Run `./kata check 04` to see which checks pass.
#include "dropout.hpp"

#include "kata/errors.hpp"

namespace kata {

DropoutResult dropout_forward(const arma::mat& A, double keep_prob, Rng& rng) {
  KATA_TODO();
}

arma::mat dropout_backward(const arma::mat& dA, const arma::mat& mask, double keep_prob) {
  KATA_TODO();
}

arma::mat dropout_inference(const arma::mat& A, double keep_prob) {
  KATA_TODO();
}

}  // namespace kata
