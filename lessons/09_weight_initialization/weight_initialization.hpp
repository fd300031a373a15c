// Lesson 09 — weight initialization. The contract: the stub next to this file and the reference solution
// both implement exactly these functions.
//
// The parameters are the support network's kata::Params (kata/network.hpp): W[l - 1] is the notes' W[l], of
// shape n_l × n_(l-1); b[l - 1] is b[l], n_l × 1. dims = {n_0 = n_x, n_1, ..., n_L}.
// So any of these functions can be plugged into the network: hooks.initialize = kata::init::initialize_he.
//
// Why a nested namespace: the support library already has its own kata::initialize_he() (the network's
// default). Yours lives in kata::init, so the two never clash and the tests always call yours.
//
// Every random initializer draws in layer order, ONE rng.randn(n_l, n_(l-1)) per layer and nothing else,
// then multiplies it by the layer's factor. So for the same seed the result equals numpy's
//   np.random.seed(s)
//   for l in 1..L:  W[l] = np.random.randn(n_l, n_(l-1)) * factor(l);  b[l] = np.zeros((n_l, 1))
// and the CALLER's rng has advanced by exactly those draws (draw from `rng` itself, not a copy): its next
// draw continues numpy's stream. Every argument is validated before the first draw, so a call that throws
// leaves the rng untouched.
//
// Bad input throws std::invalid_argument whose message starts with the function's name and names the
// argument, dims or scale. When your function delegates to another contract function, validate the
// arguments again under your own name first, so the message starts with your function's name (an
// initialize_he() built on initialize_random() must not report bad dims as "initialize_random(): ...").
#pragma once

#include <armadillo>
#include <vector>

#include "kata/network.hpp"
#include "kata/rng.hpp"

namespace kata::init {

// initialize_zeros(dims): every W[l] and b[l] zero. (A bad idea: every hidden unit of a layer computes the
// same function and receives the same gradient, forever. The symmetry never breaks.)
// Throws std::invalid_argument ("initialize_zeros(): ...") for fewer than 2 dims or a zero entry anywhere
// (n_x, a hidden layer or the output). dims = {1, 1} (one input, one unit) is valid.
Params initialize_zeros(const std::vector<arma::uword>& dims);

// initialize_random(dims, rng, scale): W[l] = randn(n_l, n_(l-1)) · scale, b[l] = 0 (the course's
// "random" initialization uses scale = 10: far too large).
//   scale  finite, > 0 (however small: 1e-300 is valid)
// Throws std::invalid_argument ("initialize_random(): ...") for bad dims (as initialize_zeros) or a scale
// that is 0, negative, NaN or ±Inf.
Params initialize_random(const std::vector<arma::uword>& dims, Rng& rng, double scale);

// initialize_he(dims, rng): W[l] = randn(n_l, n_(l-1)) · sqrt(2 / n_(l-1)), b[l] = 0.
// Var(w) = 2 / fan_in, for ReLU layers (He, Zhang, Ren & Sun 2015, "Delving deep into rectifiers").
// Throws std::invalid_argument ("initialize_he(): ...") for bad dims.
Params initialize_he(const std::vector<arma::uword>& dims, Rng& rng);

// initialize_xavier(dims, rng): W[l] = randn(n_l, n_(l-1)) · sqrt(1 / n_(l-1)), b[l] = 0.
// Var(w) = 1 / fan_in, what the course notes call "Xavier" initialization for tanh. Strictly, this is
// LeCun's initialization (LeCun, Bottou, Orr & Müller 1998, "Efficient BackProp"); Glorot & Bengio's own
// rule is initialize_glorot() below.
// Throws std::invalid_argument ("initialize_xavier(): ...") for bad dims.
Params initialize_xavier(const std::vector<arma::uword>& dims, Rng& rng);

// initialize_glorot(dims, rng): W[l] = randn(n_l, n_(l-1)) · sqrt(2 / (n_(l-1) + n_l)), b[l] = 0.
// Var(w) = 2 / (fan_in + fan_out) (Glorot & Bengio 2010, "Understanding the difficulty of training deep
// feedforward neural networks", in its normal-distribution form).
// Throws std::invalid_argument ("initialize_glorot(): ...") for bad dims.
Params initialize_glorot(const std::vector<arma::uword>& dims, Rng& rng);

}  // namespace kata::init
