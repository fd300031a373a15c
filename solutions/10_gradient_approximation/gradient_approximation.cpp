// Lesson 10 — reference solution.
#include "gradient_approximation.hpp"

#include <cmath>

#include "kata/errors.hpp"

namespace kata {
namespace {

void validate_step(const char* fn, double theta, double eps) {
  require(std::isfinite(eps) && eps > 0.0, str(fn, ": eps must be finite and > 0, got ", eps));
  require(std::isfinite(theta), str(fn, ": theta must be finite, got ", theta));
}

double evaluate(const std::function<double(const arma::vec&)>& J, arma::vec& theta, arma::uword i,
                double original) {
  const double value = J(theta);
  if (!std::isfinite(value)) {
    theta(i) = original;
    throw std::invalid_argument(str("numerical_gradient(): J returned ", value, " with theta[", i, "] perturbed"));
  }
  return value;
}

}  // namespace

double one_sided_difference(const std::function<double(double)>& f, double theta, double eps) {
  validate_step("one_sided_difference()", theta, eps);
  return (f(theta + eps) - f(theta)) / eps;
}

double two_sided_difference(const std::function<double(double)>& f, double theta, double eps) {
  validate_step("two_sided_difference()", theta, eps);
  return (f(theta + eps) - f(theta - eps)) / (2.0 * eps);
}

arma::vec numerical_gradient(const std::function<double(const arma::vec&)>& J, arma::vec& theta, double eps) {
  require(std::isfinite(eps) && eps > 0.0, str("numerical_gradient(): eps must be finite and > 0, got ", eps));
  require(theta.n_elem > 0, "numerical_gradient(): theta is empty (0 parameters)");
  for (arma::uword i = 0; i < theta.n_elem; ++i)
    require(std::isfinite(theta(i)), str("numerical_gradient(): theta[", i, "] = ", theta(i), " is not finite"));
  arma::vec grad(theta.n_elem);
  for (arma::uword i = 0; i < theta.n_elem; ++i) {
    const double original = theta(i);
    theta(i) = original + eps;
    const double plus = evaluate(J, theta, i, original);
    theta(i) = original - eps;
    const double minus = evaluate(J, theta, i, original);
    theta(i) = original;
    grad(i) = (plus - minus) / (2.0 * eps);
  }
  return grad;
}

double convergence_order(const arma::vec& eps, const arma::vec& errors) {
  require(eps.n_elem == errors.n_elem,
          str("convergence_order(): eps has ", eps.n_elem, " values but errors has ", errors.n_elem));
  require(eps.n_elem >= 2, str("convergence_order(): need at least 2 points, got ", eps.n_elem));
  for (arma::uword k = 0; k < eps.n_elem; ++k) {
    require(std::isfinite(eps(k)) && eps(k) > 0.0,
            str("convergence_order(): eps must be finite and > 0, got eps[", k, "] = ", eps(k)));
    require(std::isfinite(errors(k)) && errors(k) > 0.0,
            str("convergence_order(): errors must be finite and > 0, got errors[", k, "] = ", errors(k)));
  }
  const arma::vec x = arma::log(eps), y = arma::log(errors);
  // Equal x compared as such: their mean can round to a value next to them (3 x log 2e-3), and then
  // x - mean(x) is a spread of rounding noise, not of data.
  require(x.max() > x.min(), "convergence_order(): all eps values are equal (or so close that their logarithms "
                             "are), the slope is undefined");
  const arma::vec dx = x - arma::mean(x);
  const double sxx = arma::dot(dx, dx);
  return arma::dot(dx, y - arma::mean(y)) / sxx;
}

}  // namespace kata
