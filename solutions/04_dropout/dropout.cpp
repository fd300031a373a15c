// Lesson 04 — reference solution.
#include "dropout.hpp"

#include "kata/errors.hpp"

namespace kata {
namespace {

// 0 < keep_prob <= 1. Written so that NaN fails too (every comparison with NaN is false).
void validate_keep_prob(const char* fn, double keep_prob) {
  require(keep_prob > 0.0 && keep_prob <= 1.0, str(fn, ": keep_prob must be in (0, 1], got ", keep_prob));
}

}  // namespace

DropoutResult dropout_forward(const arma::mat& A, double keep_prob, Rng& rng) {
  validate_keep_prob("dropout_forward()", keep_prob);
  DropoutResult result;
  // Like the course's d3 = np.random.rand(a3.shape[0], a3.shape[1]) < keep_prob.
  result.mask = arma::conv_to<arma::mat>::from(rng.rand(A.n_rows, A.n_cols) < keep_prob);
  result.output = A % result.mask / keep_prob;
  return result;
}

arma::mat dropout_backward(const arma::mat& dA, const arma::mat& mask, double keep_prob) {
  validate_keep_prob("dropout_backward()", keep_prob);
  require(mask.n_rows == dA.n_rows && mask.n_cols == dA.n_cols,
          str("dropout_backward(): mask is ", mask.n_rows, " x ", mask.n_cols, " but dA is ", dA.n_rows, " x ",
              dA.n_cols));
  // The first entry that is neither 0 nor 1 (NaN is neither), named in the message.
  const arma::uvec bad = arma::find((mask != 0.0) % (mask != 1.0));
  if (!bad.is_empty())
    require(false, str("dropout_backward(): mask entries must be 0 or 1, got ", mask(bad(0)), " at (",
                       bad(0) % mask.n_rows, ", ", bad(0) / mask.n_rows,
                       ") (pass DropoutResult::mask, not the forward output)"));
  return dA % mask / keep_prob;
}

arma::mat dropout_inference(const arma::mat& A, double keep_prob) {
  validate_keep_prob("dropout_inference()", keep_prob);
  return A;
}

}  // namespace kata
