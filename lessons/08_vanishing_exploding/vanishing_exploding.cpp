// Lesson 08 — your implementation. Read README.md next to this file, then replace each KATA_TODO()
// with working code. Run `./kata check 08` to see which checks pass.
#include "vanishing_exploding.hpp"

#include "kata/errors.hpp"

namespace kata {

std::vector<arma::mat> deep_linear_forward(const arma::mat& X, const std::vector<arma::mat>& Ws,
                                           Activation activation) {
  KATA_TODO();
}

arma::vec activation_scales(const std::vector<arma::mat>& layers) {
  KATA_TODO();
}

DeepGradients deep_linear_backward(const std::vector<arma::mat>& A, const std::vector<arma::mat>& Ws,
                                   const arma::mat& dAL, Activation activation) {
  KATA_TODO();
}

}  // namespace kata
