// Lesson 12 — your implementation. Read README.md next to this file, then replace each KATA_TODO()
// with working code. Run `./kata check 12` to see which checks pass.
#include "momentum.hpp"

#include "kata/errors.hpp"

namespace kata {

arma::vec ewa(const arma::vec& theta, double beta) {
  KATA_TODO();
}

arma::vec ewa_corrected(const arma::vec& theta, double beta) {
  KATA_TODO();
}

MomentumStep momentum_step(const arma::mat& W, const arma::mat& dW, const arma::mat& V, double alpha, double beta) {
  KATA_TODO();
}

}  // namespace kata
