// Lesson 08 — reference solution.
#include "vanishing_exploding.hpp"

#include <cmath>

#include "kata/errors.hpp"

namespace kata {
namespace {

void validate_weights(const char* fn, const std::vector<arma::mat>& Ws, arma::uword n0) {
  require(!Ws.empty(), str(fn, ": Ws must hold at least one layer, got 0"));
  arma::uword n_prev = n0;
  for (std::size_t l = 0; l < Ws.size(); ++l) {
    require(Ws[l].n_cols == n_prev, str(fn, ": W[", l + 1, "] (Ws[", l, "]) is ", Ws[l].n_rows, " x ",
                                        Ws[l].n_cols, " but layer ", l, " has ", n_prev,
                                        " units: W[l] must be n_l x n_(l-1)"));
    require(Ws[l].n_rows > 0, str(fn, ": W[", l + 1, "] has 0 rows"));
    require(Ws[l].is_finite(), str(fn, ": W[", l + 1, "] has a non-finite entry"));
    n_prev = Ws[l].n_rows;
  }
}

arma::mat apply(const arma::mat& Z, Activation activation) {
  return activation == Activation::relu ? arma::mat(arma::clamp(Z, 0.0, arma::datum::inf)) : Z;
}

}  // namespace

std::vector<arma::mat> deep_linear_forward(const arma::mat& X, const std::vector<arma::mat>& Ws,
                                           Activation activation) {
  require(X.n_rows > 0 && X.n_cols > 0,
          str("deep_linear_forward(): X must be non-empty, got ", X.n_rows, " x ", X.n_cols));
  require(X.is_finite(), "deep_linear_forward(): X has a non-finite entry");
  validate_weights("deep_linear_forward()", Ws, X.n_rows);
  std::vector<arma::mat> A{X};
  for (std::size_t l = 0; l < Ws.size(); ++l) A.push_back(apply(Ws[l] * A.back(), activation));
  return A;
}

arma::vec activation_scales(const std::vector<arma::mat>& layers) {
  require(!layers.empty(), "activation_scales(): layers must not be empty, got 0 matrices");
  arma::vec scales(layers.size());
  for (std::size_t l = 0; l < layers.size(); ++l) {
    const arma::mat& M = layers[l];
    require(M.n_elem > 0, str("activation_scales(): layers[", l, "] is empty (", M.n_rows, " x ", M.n_cols, ")"));
    require(M.is_finite(), str("activation_scales(): layers[", l, "] has a non-finite entry"));
    // Divided by a power of two near the largest |entry| first (so every entry is at most 2 in size): an
    // exploding layer (entries above ~1e154) would overflow the squares, a vanishing one (below ~1e-162)
    // underflow them, although the rms itself is a normal number. A power of two scales exactly, so
    // elsewhere this is the plain formula to the last bit. 2^(e - 1) for largest = f 2^e, f in [0.5, 1):
    // representable from the smallest subnormal (e = -1073) to the largest double (e = 1024).
    const double largest = arma::abs(M).max();
    if (largest == 0.0) {
      scales(l) = 0.0;
      continue;
    }
    int exponent = 0;
    std::frexp(largest, &exponent);
    const double unit = std::ldexp(1.0, exponent - 1);
    const double mean_square = arma::accu(arma::square(M / unit)) / static_cast<double>(M.n_elem);
    scales(l) = std::ldexp(std::sqrt(mean_square), exponent - 1);
  }
  return scales;
}

DeepGradients deep_linear_backward(const std::vector<arma::mat>& A, const std::vector<arma::mat>& Ws,
                                   const arma::mat& dAL, Activation activation) {
  const char* fn = "deep_linear_backward()";
  require(!A.empty(), "deep_linear_backward(): A must hold the L + 1 activations, got 0 matrices");
  // A[0] is X, which the forward pass requires to be non-empty: 0 examples (or 0 features) is no batch.
  require(A[0].n_rows > 0 && A[0].n_cols > 0,
          str(fn, ": A[0] (= X) must be non-empty, got ", A[0].n_rows, " x ", A[0].n_cols));
  // The weights fit each other (n_0 is W[1]'s column count); then every A[l], A[0] included, must have
  // the shape they give it, so a wrong A[0] is blamed on A[0], not on W[1].
  validate_weights(fn, Ws, Ws.empty() ? 0 : Ws[0].n_cols);
  require(A.size() == Ws.size() + 1, str(fn, ": A must hold Ws.size() + 1 = ", Ws.size() + 1,
                                         " activations (A[0] = X), got ", A.size()));
  const arma::uword m = A[0].n_cols;
  for (std::size_t l = 0; l < A.size(); ++l) {
    const arma::uword units = l == 0 ? Ws[0].n_cols : Ws[l - 1].n_rows;
    require(A[l].n_rows == units && A[l].n_cols == m,
            str(fn, ": A[", l, "] is ", A[l].n_rows, " x ", A[l].n_cols, ", expected ", units, " x ", m));
  }
  for (std::size_t l = 0; l < A.size(); ++l)
    require(A[l].is_finite(), str(fn, ": A[", l, "] has a non-finite entry"));
  require(dAL.n_rows == A.back().n_rows && dAL.n_cols == m,
          str(fn, ": dAL is ", dAL.n_rows, " x ", dAL.n_cols, " but A[L] is ", A.back().n_rows, " x ", m));
  require(dAL.is_finite(), str(fn, ": dAL has a non-finite entry"));

  const std::size_t L = Ws.size();
  DeepGradients g;
  g.dA.resize(L + 1);
  g.dW.resize(L);
  g.dA[L] = dAL;
  for (std::size_t l = L; l >= 1; --l) {
    arma::mat dZ = g.dA[l];
    if (activation == Activation::relu) dZ %= arma::conv_to<arma::mat>::from(A[l] > 0.0);
    g.dW[l - 1] = dZ * A[l - 1].t();
    g.dA[l - 1] = Ws[l - 1].t() * dZ;
  }
  return g;
}

}  // namespace kata
