// Lesson 04 — inverted dropout. The contract: the stub next to this file and the reference solution
// both implement exactly these functions. A is a layer's activations, n_l × m (examples are columns).
#pragma once

#include <armadillo>

#include "kata/rng.hpp"

namespace kata {

// What dropout_forward() returns: the dropped-out activations and the mask it drew, so that the
// backward pass (and a test) can use exactly the same units.
struct DropoutResult {
  arma::mat output;  // n_l × m: A ⊙ mask / keep_prob
  arma::mat mask;    // n_l × m: 1.0 where the unit is kept, 0.0 where it is dropped
};

// dropout_forward(A, keep_prob, rng): inverted dropout during training.
//   A          activations, n_l × m (any shape, also empty)
//   keep_prob  probability of keeping a unit, in (0, 1]
//   rng        the generator; exactly A.n_rows · A.n_cols numbers are drawn, in one call
// mask   = (rng.rand(A.n_rows, A.n_cols) < keep_prob), as 0.0 / 1.0 — the same mask as numpy's
//          np.random.rand(*A.shape) < keep_prob after the same seed (the course's d3).
// output = A ⊙ mask / keep_prob, so every kept entry is exactly a / keep_prob and every dropped one is 0.
// Dividing by keep_prob keeps the expected value of each entry equal to a: E[output] = A.
// keep_prob = 1 gives an all-ones mask and output == A (the draws are still made).
// Throws std::invalid_argument ("dropout_forward(): ...") unless 0 < keep_prob <= 1 (NaN is rejected).
DropoutResult dropout_forward(const arma::mat& A, double keep_prob, Rng& rng);

// dropout_backward(dA, mask, keep_prob): the gradient through dropout, with the mask of the forward pass.
//   dA         gradient of the cost with respect to the forward OUTPUT, n_l × m
//   mask       DropoutResult::mask of the same forward pass, same shape as dA, entries 0 or 1
//   keep_prob  the same keep_prob as the forward pass, in (0, 1]
// Returns dA ⊙ mask / keep_prob: the gradient with respect to A. A dropped unit got no signal forward,
// so it gets no gradient back; a kept unit was scaled by 1/keep_prob, so its gradient is too.
// Throws std::invalid_argument ("dropout_backward(): ...") for a bad keep_prob, a mask whose shape
// differs from dA's, or a mask entry that is not 0 or 1 (e.g. the forward output passed by mistake).
arma::mat dropout_backward(const arma::mat& dA, const arma::mat& mask, double keep_prob);

// dropout_inference(A, keep_prob): the same layer at test (prediction) time.
// Returns A unchanged: no units are dropped and no 1/keep_prob factor is applied. Inverted dropout
// already did the scaling during training, so the expected activations match without any correction.
// keep_prob is taken (and validated) only so that training and inference paths have the same inputs.
// Throws std::invalid_argument ("dropout_inference(): ...") unless 0 < keep_prob <= 1.
arma::mat dropout_inference(const arma::mat& A, double keep_prob);

}  // namespace kata
