// Lesson 11 — your implementation. Read README.md next to this file, then replace each KATA_TODO()
// with working code. Run `./kata check 11` to see which checks pass.
#include "gradient_checking.hpp"

#include "kata/errors.hpp"

namespace kata {

arma::vec params_to_vector(const std::vector<NamedBlock>& params) {
  KATA_TODO();
}

std::vector<NamedBlock> vector_to_params(const arma::vec& theta, const std::vector<NamedBlock>& like) {
  KATA_TODO();
}

arma::vec gradients_to_vector(const std::vector<NamedBlock>& grads, const std::vector<NamedBlock>& params) {
  KATA_TODO();
}

arma::vec approximate_gradient(const CostOfTheta& J, arma::vec& theta, double eps) {
  KATA_TODO();
}

double relative_difference(const arma::vec& approx, const arma::vec& grad) {
  KATA_TODO();
}

double gradient_check(const CostOfTheta& J, arma::vec& theta, const arma::vec& dtheta, double eps) {
  KATA_TODO();
}

Verdict verdict(double difference) {
  KATA_TODO();
}

std::vector<BlockDifference> worst_parameters(const arma::vec& approx, const arma::vec& dtheta,
                                              const std::vector<NamedBlock>& layout) {
  KATA_TODO();
}

}  // namespace kata
