// Lesson 04 — inverted dropout. The contract: the stub next to this file and the reference solution
// both implement exactly these functions. A is a layer's activations, n_l × m (examples are columns).
//
// Bad input throws std::invalid_argument whose message starts with the name of the function that was
// called and names what is wrong, the argument and its value ("dropout_forward(): keep_prob must be in
// (0, 1], got 0"). When your function delegates to another contract function, validate the arguments
// again under your own name first, so the message starts with your function's name.
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
//   A          activations, n_l × m (any shape, also empty: output and mask then have A's shape)
//   keep_prob  probability of keeping a unit, in (0, 1] (every double in it, from the smallest positive
//              one to 1 itself)
//   rng        the generator; exactly A.n_rows · A.n_cols numbers are drawn, in one call (none for an
//              empty A, and none when the call throws: validate before drawing)
// mask   = (rng.rand(A.n_rows, A.n_cols) < keep_prob), as 0.0 / 1.0 — the same mask as numpy's
//          np.random.rand(*A.shape) < keep_prob after the same seed (the course's d3). Strictly below:
//          a draw equal to keep_prob is dropped.
// output = A ⊙ mask / keep_prob, so every kept entry is exactly a / keep_prob and every dropped one is 0
//          (for a finite a: a NaN or infinite activation times 0 stays NaN, as in numpy).
// Dividing by keep_prob keeps the expected value of each entry equal to a: E[output] = A.
// keep_prob = 1 gives an all-ones mask and output == A (the draws are still made).
// Throws std::invalid_argument ("dropout_forward(): ...", naming keep_prob) unless 0 < keep_prob <= 1 (NaN is
// rejected).
DropoutResult dropout_forward(const arma::mat& A, double keep_prob, Rng& rng);

// dropout_backward(dA, mask, keep_prob): the gradient through dropout, with the mask of the forward pass.
//   dA         gradient of the cost with respect to the forward OUTPUT, n_l × m
//   mask       DropoutResult::mask of the same forward pass, same shape as dA, entries 0 or 1
//   keep_prob  the same keep_prob as the forward pass, in (0, 1]
// Returns dA ⊙ mask / keep_prob: the gradient with respect to A. A dropped unit got no signal forward,
// so it gets no gradient back; a kept unit was scaled by 1/keep_prob, so its gradient is too.
// Empty dA and mask of the same shape give an empty result of that shape.
// Throws std::invalid_argument ("dropout_backward(): ...") for a bad keep_prob (the message names
// keep_prob), a mask whose shape differs from dA's (rows or columns), or a mask entry anywhere that is not
// exactly 0 or 1 — 0.5, -1 and NaN included, and the forward output passed by mistake (entries
// 1/keep_prob); the message names the mask, and for a bad entry the first one (in Armadillo's
// column-major order) and where it is, as "(row, col)" counted from 0: mask(0, 2) = 0.5 → "... at (0, 2)".
// These checks apply for every keep_prob, 1 included.
arma::mat dropout_backward(const arma::mat& dA, const arma::mat& mask, double keep_prob);

// dropout_inference(A, keep_prob): the same layer at test (prediction) time.
// Returns A unchanged: no units are dropped and no 1/keep_prob factor is applied. Inverted dropout
// already did the scaling during training, so the expected activations match without any correction.
// keep_prob is taken (and validated) only so that training and inference paths have the same inputs.
// Any shape, also empty. Throws std::invalid_argument ("dropout_inference(): ...", naming keep_prob) unless
// 0 < keep_prob <= 1.
arma::mat dropout_inference(const arma::mat& A, double keep_prob);

}  // namespace kata
