// Lesson 10 — your implementation. Read README.md next to this file, then replace each KATA_TODO()
// with working code. Run `./kata check 10` to see which checks pass.
#include "gradient_approximation.hpp"

#include "kata/errors.hpp"

namespace kata {

double one_sided_difference(const std::function<double(double)>& f, double theta, double eps) {
  KATA_TODO();
}

double two_sided_difference(const std::function<double(double)>& f, double theta, double eps) {
  KATA_TODO();
}

arma::vec numerical_gradient(const std::function<double(const arma::vec&)>& J, arma::vec& theta, double eps) {
  KATA_TODO();
}

double convergence_order(const arma::vec& eps, const arma::vec& errors) {
  KATA_TODO();
}

}  // namespace kata
