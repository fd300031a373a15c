// Lesson 03 — your implementation. Read README.md next to this file, then replace each KATA_TODO()
// with working code. Run `./kata check 03` to see which checks pass.
#include "l2_regularization.hpp"

#include "kata/errors.hpp"

namespace kata {

double frobenius_squared(const arma::mat& W) {
  KATA_TODO();
}

double l2_penalty(const std::vector<arma::mat>& weights, double lambda, arma::uword m) {
  KATA_TODO();
}

double l1_penalty(const std::vector<arma::mat>& weights, double lambda, arma::uword m) {
  KATA_TODO();
}

arma::mat l2_gradient(const arma::mat& W, double lambda, arma::uword m) {
  KATA_TODO();
}

arma::mat l1_subgradient(const arma::mat& W, double lambda, arma::uword m) {
  KATA_TODO();
}

double regularized_cost(double data_cost, const std::vector<arma::mat>& weights, double lambda,
                        arma::uword m) {
  KATA_TODO();
}

arma::mat weight_decay_step(const arma::mat& W, const arma::mat& dW_data, double alpha, double lambda,
                            arma::uword m) {
  KATA_TODO();
}

}  // namespace kata
