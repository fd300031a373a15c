// Lesson 12 — Momentum (the example lesson pack). The contract: the stub next to this file and the
// reference solution both implement exactly these functions. A sequence is a column vector, one value per
// step t = 1 .. n; weights and gradients are matrices of any shape (W[l] is n_l × n_(l-1)).
#pragma once

#include <armadillo>

namespace kata {

// ewa(theta, beta): the exponentially weighted average of theta_1 .. theta_n, started at v_0 = 0:
//   v_t = beta · v_(t-1) + (1 - beta) · theta_t,   t = 1 .. n.
// Returns v_1 .. v_n (n × 1; empty for an empty theta). beta = 0 gives theta itself; a larger beta averages
// over about 1 / (1 - beta) steps.
// Throws std::invalid_argument ("ewa(): ...") unless 0 <= beta < 1 (NaN is rejected); the message names it.
arma::vec ewa(const arma::vec& theta, double beta);

// ewa_corrected(theta, beta): the same average with bias correction, v_t / (1 - beta^t) for t = 1 .. n,
// where v_t is ewa()'s. The correction only divides the result: the recursion itself runs on the
// uncorrected v. A constant sequence c gives c at every step (ewa() gives (1 - beta^t) · c).
// Throws std::invalid_argument ("ewa_corrected(): ...") unless 0 <= beta < 1.
arma::vec ewa_corrected(const arma::vec& theta, double beta);

// What momentum_step() returns: the updated weights and the updated velocity.
struct MomentumStep {
  arma::mat W;  // W - alpha · V
  arma::mat V;  // beta · V_before + (1 - beta) · dW
};

// momentum_step(W, dW, V, alpha, beta): one step of gradient descent with momentum,
//   V' = beta · V + (1 - beta) · dW     (the exponentially weighted average of the gradients)
//   W' = W - alpha · V'                 (the step uses the NEW velocity)
// W, dW and V have the same shape (any; empty too); V starts at zeros. beta = 0 is plain gradient descent.
// Throws std::invalid_argument ("momentum_step(): ...") when dW's or V's shape differs from W's, unless
// alpha > 0 and finite, and unless 0 <= beta < 1; the message names the bad value.
MomentumStep momentum_step(const arma::mat& W, const arma::mat& dW, const arma::mat& V, double alpha, double beta);

}  // namespace kata
