// Lesson 07 — your implementation. Read README.md next to this file, then replace each KATA_TODO()
// with working code. Run `./kata check 07` to see which checks pass.
#include "input_normalization.hpp"

#include "kata/errors.hpp"

namespace kata {

Normalizer fit_normalizer(const arma::mat& X_train) {
  KATA_TODO();
}

arma::mat transform(const Normalizer& normalizer, const arma::mat& X) {
  KATA_TODO();
}

arma::mat inverse_transform(const Normalizer& normalizer, const arma::mat& Z) {
  KATA_TODO();
}

}  // namespace kata
