// Lesson 03 — L2 (and L1) regularization. The contract: the stub next to this file and the reference
// solution both implement exactly these functions. W[l] is n_l × n_(l-1); m is the number of examples
// the data cost averages over (the mini-batch size when training on mini-batches).
//
// Validate under your own name: when your function delegates to another contract function
// (regularized_cost() uses l2_penalty()), validate the arguments again under your own name first, so the
// message starts with your function's name ("regularized_cost(): ...", never "l2_penalty(): ..." from a
// call of regularized_cost()).
//
// Only WEIGHTS are regularized: every function takes weight matrices, never biases (the notes: b has
// n_l numbers against W's n_l · n_(l-1), so penalizing it changes almost nothing; by convention it is
// left out).
//
// Common errors: each function throws std::invalid_argument whose message starts with its name and names
// the bad argument as this header calls it (lambda, m, weights, W, data_cost, alpha, dW_data), e.g.
// "l2_penalty(): lambda must be finite and >= 0, got -1", for lambda < 0 or not finite, m = 0, and
// matrices or numbers that contain NaN or Inf (in any layer, at any entry). Validation does not depend on
// lambda: with lambda = 0 a NaN weight, m = 0 or a mismatched shape is rejected all the same (check before
// any lambda = 0 shortcut).
// Matrices may have any shape, empty ones included (an empty matrix adds 0; its gradient is empty).
#pragma once

#include <armadillo>
#include <vector>

namespace kata {

// frobenius_squared(W): ||W||_F² = Σ_i Σ_j w_ij², the squared Frobenius norm (any shape; 0 when empty).
// Throws if W contains NaN or Inf.
double frobenius_squared(const arma::mat& W);

// l2_penalty(weights, lambda, m): the L2 term the notes add to the cost,
//   (λ / 2m) · Σ_l ||W[l]||_F²
// weights holds W[1] .. W[L] (any shapes; an empty list gives 0). lambda >= 0, m >= 1.
double l2_penalty(const std::vector<arma::mat>& weights, double lambda, arma::uword m);

// l1_penalty(weights, lambda, m): the L1 term with the notes' scaling,
//   (λ / 2m) · Σ_l ||W[l]||_1,   ||W||_1 = Σ_i Σ_j |w_ij|
// (some texts scale it by λ/m instead; this contract follows the notes). Same arguments as l2_penalty.
double l1_penalty(const std::vector<arma::mat>& weights, double lambda, arma::uword m);

// l2_gradient(W, lambda, m): ∂/∂W of (λ/2m) ||W||_F², i.e. (λ / m) · W, same shape as W. This is what
// backprop adds to dW[l]: dW[l] = (from backprop) + (λ/m) W[l].
arma::mat l2_gradient(const arma::mat& W, double lambda, arma::uword m);

// l1_subgradient(W, lambda, m): a subgradient of (λ/2m) ||W||_1, i.e. (λ / 2m) · sign(W), same shape as
// W, with sign(0) = 0 (|w| has no derivative at 0; 0 is the subgradient that keeps a zero weight at
// zero). Never NaN.
arma::mat l1_subgradient(const arma::mat& W, double lambda, arma::uword m);

// regularized_cost(data_cost, weights, lambda, m): the notes' regularized cost
//   J = data_cost + (λ / 2m) · Σ_l ||W[l]||_F²
// where data_cost = (1/m) Σ_i L(ŷ(i), y(i)) was computed by the caller (any finite value). Throws
// ("regularized_cost(): ...") if data_cost is NaN or ±Inf, and for the common errors above.
double regularized_cost(double data_cost, const std::vector<arma::mat>& weights, double lambda,
                        arma::uword m);

// weight_decay_step(W, dW_data, alpha, lambda, m): one gradient descent step on the regularized cost,
// written in the notes' "weight decay" form
//   W := (1 − αλ/m) · W − α · dW_data
// where dW_data is the gradient of the data cost alone ("from backprop"). Returns the new W (W's shape).
// Equal to W − α (dW_data + l2_gradient(W, λ, m)). alpha > 0 and finite; dW_data must have W's shape
// (rows and columns, not just the number of entries), and must be finite like W.
arma::mat weight_decay_step(const arma::mat& W, const arma::mat& dW_data, double alpha, double lambda,
                            arma::uword m);

}  // namespace kata
