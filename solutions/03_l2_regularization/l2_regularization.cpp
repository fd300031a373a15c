// Lesson 03 — reference solution.
#include "l2_regularization.hpp"

#include <cmath>

#include "kata/errors.hpp"

namespace kata {
namespace {

void validate_lambda_m(const char* fn, double lambda, arma::uword m) {
  require(std::isfinite(lambda) && lambda >= 0.0, str(fn, ": lambda must be finite and >= 0, got ", lambda));
  require(m > 0, str(fn, ": m (number of examples) must be >= 1, got 0"));
}

void validate_finite(const char* fn, const arma::mat& W, const char* what) {
  require(W.is_finite(), str(fn, ": ", what, " contains NaN or Inf"));
}

void validate_weights(const char* fn, const std::vector<arma::mat>& weights) {
  for (std::size_t l = 0; l < weights.size(); ++l)
    require(weights[l].is_finite(), str(fn, ": weights[", l, "] contains NaN or Inf"));
}

}  // namespace

double frobenius_squared(const arma::mat& W) {
  validate_finite("frobenius_squared()", W, "W");
  return arma::accu(arma::square(W));
}

double l2_penalty(const std::vector<arma::mat>& weights, double lambda, arma::uword m) {
  validate_lambda_m("l2_penalty()", lambda, m);
  validate_weights("l2_penalty()", weights);
  double sum_squares = 0.0;
  for (const arma::mat& W : weights) sum_squares += frobenius_squared(W);
  return lambda / (2.0 * static_cast<double>(m)) * sum_squares;
}

double l1_penalty(const std::vector<arma::mat>& weights, double lambda, arma::uword m) {
  validate_lambda_m("l1_penalty()", lambda, m);
  validate_weights("l1_penalty()", weights);
  double sum_abs = 0.0;
  for (const arma::mat& W : weights) sum_abs += arma::accu(arma::abs(W));
  return lambda / (2.0 * static_cast<double>(m)) * sum_abs;  // the notes' lambda/2m (some texts: lambda/m)
}

arma::mat l2_gradient(const arma::mat& W, double lambda, arma::uword m) {
  validate_lambda_m("l2_gradient()", lambda, m);
  validate_finite("l2_gradient()", W, "W");
  return lambda / static_cast<double>(m) * W;
}

arma::mat l1_subgradient(const arma::mat& W, double lambda, arma::uword m) {
  validate_lambda_m("l1_subgradient()", lambda, m);
  validate_finite("l1_subgradient()", W, "W");
  return lambda / (2.0 * static_cast<double>(m)) * arma::sign(W);  // arma::sign(0) == 0
}

double regularized_cost(double data_cost, const std::vector<arma::mat>& weights, double lambda,
                        arma::uword m) {
  require(std::isfinite(data_cost), str("regularized_cost(): data_cost must be finite, got ", data_cost));
  validate_lambda_m("regularized_cost()", lambda, m);
  // Validated here too, so a bad weight is reported as regularized_cost()'s, not l2_penalty()'s.
  validate_weights("regularized_cost()", weights);
  return data_cost + l2_penalty(weights, lambda, m);
}

arma::mat weight_decay_step(const arma::mat& W, const arma::mat& dW_data, double alpha, double lambda,
                            arma::uword m) {
  validate_lambda_m("weight_decay_step()", lambda, m);
  require(std::isfinite(alpha) && alpha > 0.0,
          str("weight_decay_step(): alpha must be finite and > 0, got ", alpha));
  require(arma::size(W) == arma::size(dW_data),
          str("weight_decay_step(): dW_data must have W's shape ", W.n_rows, " x ", W.n_cols, ", got ",
              dW_data.n_rows, " x ", dW_data.n_cols));
  validate_finite("weight_decay_step()", W, "W");
  validate_finite("weight_decay_step()", dW_data, "dW_data");
  const double decay = 1.0 - alpha * lambda / static_cast<double>(m);
  return decay * W - alpha * dW_data;
}

}  // namespace kata
