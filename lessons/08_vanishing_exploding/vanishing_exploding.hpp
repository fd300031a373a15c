// Lesson 08 — vanishing and exploding activations and gradients in a deep network. The contract: the stub
// next to this file and the reference solution both implement exactly these functions.
// Examples are columns (X is n_0 × m); Ws[l - 1] holds the notes' W[l], of shape n_l × n_(l-1); b = 0.
//
// Bad input throws std::invalid_argument whose message starts with the function's name and names the
// argument and its position: X, Ws, W[l] (the notes' 1-based index), A[l], dAL, layers[k]. NaN and Inf are
// found in the inputs, not in the results (a NaN in W[2] is W[2]'s fault, not A[2]'s). When your function
// delegates to another contract function, validate the arguments again under your own name first, so the
// message starts with your function's name.
#pragma once

#include <armadillo>
#include <vector>

namespace kata {

// The activation g applied after every layer.
//   linear: g(z) = z          (the notes' thought experiment: ŷ = W[L] ··· W[2] W[1] X)
//   relu:   g(z) = max(z, 0)
enum class Activation { linear, relu };

// deep_linear_forward(X, Ws, activation): the forward pass of an L-layer network with no biases.
//   X   n_0 × m input, m >= 1 examples, finite
//   Ws  L >= 1 weight matrices, Ws[l - 1] = W[l] of shape n_l × n_(l-1), finite
// Returns L + 1 matrices A: A[0] = X and A[l] = g(W[l] A[l-1]) for l = 1 .. L (A[l] is n_l × m).
// So A.back() is the output, and with W[l] = a·I and g(z) = z it equals a^L · X.
// Throws std::invalid_argument ("deep_linear_forward(): ...") for an empty X (0 rows or 0 columns), an
// empty Ws, a W[l] whose column count differs from n_(l-1), a W[l] with 0 rows (a layer of 0 units), or
// a NaN/Inf entry in X or in any W[l].
std::vector<arma::mat> deep_linear_forward(const arma::mat& X, const std::vector<arma::mat>& Ws,
                                           Activation activation = Activation::linear);

// activation_scales(layers): the root mean square of each matrix over ALL its entries (every unit and
// every example of the batch):  rms(M) = sqrt( (1 / (rows · cols)) · Σ_ij M_ij² ).
// Works for any list of matrices: activations from deep_linear_forward(), or gradients dA / dW from
// deep_linear_backward(). Returns a vector with one entry per matrix. The result must not overflow or
// underflow where the rms itself is a normal double: entries above ~1e154 (an exploded layer) would give
// squares of Inf, entries below ~1e-162 (a vanished one) squares of 0, so scale the matrix by its largest
// |entry| before squaring (by a power of two, the result is the formula's to the last bit elsewhere).
// Throws std::invalid_argument ("activation_scales(): ...") for an empty list, an empty matrix (0 rows or
// 0 columns) anywhere in the list, or a NaN/Inf entry in any matrix. A matrix of zeros is fine: rms 0.
arma::vec activation_scales(const std::vector<arma::mat>& layers);

// The gradients of one backward pass, indexed like the forward pass.
struct DeepGradients {
  std::vector<arma::mat> dA;  // L + 1 matrices: dA[l] = ∂J/∂A[l] (shape of A[l]); dA[L] is the given dAL
  std::vector<arma::mat> dW;  // L matrices: dW[l - 1] = ∂J/∂W[l] (shape of Ws[l - 1])
};

// deep_linear_backward(A, Ws, dAL, activation): back-propagation through the network of
// deep_linear_forward(), from the upstream gradient dAL = ∂J/∂A[L]. For l = L down to 1:
//   dZ[l]   = dA[l] ⊙ g'(Z[l])        (g' = 1 for linear; for relu 1 where A[l] > 0, else 0)
//   dW[l]   = dZ[l] A[l-1]ᵀ            (no 1/m here: if J averages over m, that 1/m is already in dAL)
//   dA[l-1] = W[l]ᵀ dZ[l]
// With W[l] = a·I and g(z) = z: dA[l] = a^(L-l) dAL and dW[1] = a^(L-1) dAL Xᵀ — the gradient of the
// FIRST layer passes through the L − 1 layers above it.
//   A    the L + 1 activations returned by deep_linear_forward(X, Ws, activation)
//   Ws   the same weights
//   dAL  n_L × m, finite
// Throws std::invalid_argument ("deep_linear_backward(): ...") for an empty Ws or one that
// deep_linear_forward() would reject; if A does not hold exactly Ws.size() + 1 matrices of the forward
// shapes (A[0] = X non-empty, n_0 × m with n_0 = W[1]'s column count; EVERY A[l] n_l × m, the middle ones
// too; a wrong A[l] is named as A[l]); if dAL's shape differs from A[L]'s; or for a NaN/Inf entry in A or
// dAL.
DeepGradients deep_linear_backward(const std::vector<arma::mat>& A, const std::vector<arma::mat>& Ws,
                                   const arma::mat& dAL, Activation activation = Activation::linear);

}  // namespace kata
