// Lesson 11 — reference solution.
#include "gradient_checking.hpp"

#include <algorithm>
#include <cmath>

#include "kata/errors.hpp"

namespace kata {
namespace {

std::string shape(const arma::mat& m) { return str(m.n_rows, " x ", m.n_cols); }

// Every block present, non-empty and (when check_values) finite. Returns the total number of entries.
arma::uword validate_blocks(const char* fn, const char* what, const std::vector<NamedBlock>& blocks,
                            bool check_values) {
  require(!blocks.empty(), str(fn, ": ", what, " must hold at least one block, got an empty list"));
  arma::uword total = 0;
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    const NamedBlock& block = blocks[k];
    require(block.value.n_elem > 0, str(fn, ": ", what, "[", k, "] ('", block.name, "') is empty (",
                                        shape(block.value), ")"));
    require(!check_values || block.value.is_finite(),
            str(fn, ": ", what, "[", k, "] ('", block.name, "') contains NaN or Inf"));
    total += block.value.n_elem;
  }
  return total;
}

void validate_vector(const char* fn, const char* what, const arma::vec& v) {
  require(v.n_elem > 0, str(fn, ": ", what, " is empty"));
  if (!v.is_finite()) {
    const arma::uword i = arma::uvec(arma::find_nonfinite(v))(0);
    require(false, str(fn, ": ", what, " contains NaN or Inf: entry ", i, " is ", v(i)));
  }
}

void validate_eps(const char* fn, double eps) {
  require(std::isfinite(eps) && eps > 0.0, str(fn, ": eps must be > 0 and finite, got ", eps));
}

// Unrolls the blocks one after the other (column-major inside each block).
arma::vec unroll(const std::vector<NamedBlock>& blocks, arma::uword total) {
  arma::vec out(total);
  arma::uword start = 0;
  for (const NamedBlock& block : blocks) {
    out.subvec(start, start + block.value.n_elem - 1) = arma::vectorise(block.value);
    start += block.value.n_elem;
  }
  return out;
}

// The formula, without validation: ‖a − b‖₂ / (‖a‖₂ + ‖b‖₂), and 0 for two zero vectors.
double difference_of(const arma::vec& approx, const arma::vec& grad) {
  const double numerator = arma::norm(approx - grad, 2);
  const double denominator = arma::norm(approx, 2) + arma::norm(grad, 2);
  if (denominator == 0.0) return 0.0;  // both zero: they agree (0/0 would be NaN)
  return numerator / denominator;
}

// dθ_approx, one two-sided difference per entry of θ, perturbing θ in place and restoring each entry
// to its saved value. `fn` names the public function for error messages.
arma::vec two_sided(const char* fn, const CostOfTheta& J, arma::vec& theta, double eps) {
  arma::vec approx(theta.n_elem);
  for (arma::uword i = 0; i < theta.n_elem; ++i) {
    const double original = theta(i);
    theta(i) = original + eps;
    const double plus = J(theta);
    theta(i) = original - eps;
    const double minus = J(theta);
    theta(i) = original;
    require(std::isfinite(plus) && std::isfinite(minus),
            str(fn, ": J returned a non-finite value (", plus, ", ", minus, ") around theta[", i, "] = ",
                original));
    approx(i) = (plus - minus) / (2.0 * eps);
  }
  return approx;
}

}  // namespace

arma::vec params_to_vector(const std::vector<NamedBlock>& params) {
  const arma::uword total = validate_blocks("params_to_vector()", "params", params, true);
  return unroll(params, total);
}

std::vector<NamedBlock> vector_to_params(const arma::vec& theta, const std::vector<NamedBlock>& like) {
  const arma::uword total = validate_blocks("vector_to_params()", "like", like, false);
  require(theta.n_elem == total, str("vector_to_params(): theta has ", theta.n_elem,
                                     " entries but the blocks of `like` hold ", total));
  validate_vector("vector_to_params()", "theta", theta);
  std::vector<NamedBlock> out;
  arma::uword start = 0;
  for (const NamedBlock& block : like) {
    const arma::uword n = block.value.n_elem;
    out.push_back({block.name, arma::reshape(theta.subvec(start, start + n - 1), block.value.n_rows,
                                             block.value.n_cols)});
    start += n;
  }
  return out;
}

arma::vec gradients_to_vector(const std::vector<NamedBlock>& grads, const std::vector<NamedBlock>& params) {
  const arma::uword total = validate_blocks("gradients_to_vector()", "params", params, false);
  validate_blocks("gradients_to_vector()", "grads", grads, true);
  require(grads.size() == params.size(), str("gradients_to_vector(): ", grads.size(),
                                             " gradient blocks for ", params.size(), " parameter blocks"));
  for (std::size_t k = 0; k < grads.size(); ++k) {
    const arma::mat& g = grads[k].value;
    const arma::mat& p = params[k].value;
    require(g.n_rows == p.n_rows && g.n_cols == p.n_cols,
            str("gradients_to_vector(): grads[", k, "] ('", grads[k].name, "') is ", shape(g), " but params[",
                k, "] ('", params[k].name, "') is ", shape(p)));
  }
  return unroll(grads, total);
}

arma::vec approximate_gradient(const CostOfTheta& J, arma::vec& theta, double eps) {
  require(static_cast<bool>(J), "approximate_gradient(): J is empty (no function given)");
  validate_eps("approximate_gradient()", eps);
  validate_vector("approximate_gradient()", "theta", theta);
  return two_sided("approximate_gradient()", J, theta, eps);
}

double relative_difference(const arma::vec& approx, const arma::vec& grad) {
  require(approx.n_elem == grad.n_elem, str("relative_difference(): approx has ", approx.n_elem,
                                            " entries but grad has ", grad.n_elem));
  validate_vector("relative_difference()", "approx", approx);
  validate_vector("relative_difference()", "grad", grad);
  return difference_of(approx, grad);
}

double gradient_check(const CostOfTheta& J, arma::vec& theta, const arma::vec& dtheta, double eps) {
  require(theta.n_elem == dtheta.n_elem, str("gradient_check(): theta has ", theta.n_elem,
                                             " entries but dtheta has ", dtheta.n_elem));
  require(static_cast<bool>(J), "gradient_check(): J is empty (no function given)");
  validate_eps("gradient_check()", eps);
  validate_vector("gradient_check()", "theta", theta);
  validate_vector("gradient_check()", "dtheta", dtheta);
  return difference_of(two_sided("gradient_check()", J, theta, eps), dtheta);
}

Verdict verdict(double difference) {
  require(difference >= 0.0, str("verdict(): difference must be >= 0 (and not NaN), got ", difference));
  if (difference < 1e-6) return Verdict::great;
  if (difference < 1e-4) return Verdict::look_closer;
  return Verdict::worry;
}

std::vector<BlockDifference> worst_parameters(const arma::vec& approx, const arma::vec& dtheta,
                                              const std::vector<NamedBlock>& layout) {
  const arma::uword total = validate_blocks("worst_parameters()", "layout", layout, false);
  require(approx.n_elem == total && dtheta.n_elem == total,
          str("worst_parameters(): approx has ", approx.n_elem, " and dtheta ", dtheta.n_elem,
              " entries, but the layout's blocks hold ", total));
  validate_vector("worst_parameters()", "approx", approx);
  validate_vector("worst_parameters()", "dtheta", dtheta);
  std::vector<BlockDifference> rows;
  arma::uword start = 0;
  for (const NamedBlock& block : layout) {
    const arma::uword n = block.value.n_elem;
    const arma::span span(start, start + n - 1);
    rows.push_back({block.name, n, difference_of(approx(span), dtheta(span))});
    start += n;
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const BlockDifference& a, const BlockDifference& b) { return a.difference > b.difference; });
  return rows;
}

}  // namespace kata
