// Lesson 12 — reference solution (the example lesson pack).
#include "momentum.hpp"

#include <cmath>

#include "kata/errors.hpp"

namespace kata {
namespace {

// 0 <= beta < 1. Written so that NaN fails too (every comparison with NaN is false).
void validate_beta(const char* fn, double beta) {
  require(beta >= 0.0 && beta < 1.0, str(fn, ": beta must be in [0, 1), got ", beta));
}

}  // namespace

arma::vec ewa(const arma::vec& theta, double beta) {
  validate_beta("ewa()", beta);
  arma::vec v(theta.n_elem);
  double previous = 0.0;  // v_0
  for (arma::uword t = 0; t < theta.n_elem; ++t) {
    previous = beta * previous + (1.0 - beta) * theta(t);
    v(t) = previous;
  }
  return v;
}

arma::vec ewa_corrected(const arma::vec& theta, double beta) {
  validate_beta("ewa_corrected()", beta);
  arma::vec v = ewa(theta, beta);
  // Step t = i + 1: the weights of v_t add up to 1 - beta^t, not 1.
  for (arma::uword i = 0; i < v.n_elem; ++i) v(i) /= 1.0 - std::pow(beta, static_cast<double>(i + 1));
  return v;
}

MomentumStep momentum_step(const arma::mat& W, const arma::mat& dW, const arma::mat& V, double alpha, double beta) {
  require(dW.n_rows == W.n_rows && dW.n_cols == W.n_cols,
          str("momentum_step(): dW is ", dW.n_rows, " x ", dW.n_cols, " but W is ", W.n_rows, " x ", W.n_cols));
  require(V.n_rows == W.n_rows && V.n_cols == W.n_cols,
          str("momentum_step(): V is ", V.n_rows, " x ", V.n_cols, " but W is ", W.n_rows, " x ", W.n_cols));
  require(alpha > 0.0 && std::isfinite(alpha), str("momentum_step(): alpha must be positive and finite, got ", alpha));
  validate_beta("momentum_step()", beta);
  MomentumStep step;
  step.V = beta * V + (1.0 - beta) * dW;
  step.W = W - alpha * step.V;
  return step;
}

}  // namespace kata
