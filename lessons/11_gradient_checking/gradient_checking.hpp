// Lesson 11 — gradient checking. The contract: the stub next to this file and the reference solution
// both implement exactly these functions.
//
// A network's parameters W[1], b[1], ..., W[L], b[L] are a list of named blocks (W[l] is n_l × n_(l-1),
// b[l] is n_l × 1). Gradient checking unrolls them into one long column θ, unrolls backprop's dW[l], db[l]
// into dθ the same way, estimates every ∂J/∂θ_i with a two-sided difference, and compares the two vectors.
//
// Bad input throws std::invalid_argument whose message starts with the function's name and names what is
// wrong: the argument (theta, dtheta, eps, J, approx, grad, like, layout, grads, params) or, for a block,
// the block's name ("W2", "db1"). Check the inputs, not the result (a NaN in approx makes the difference
// NaN, but "the difference is NaN" does not say which vector is broken). When your function delegates to
// another contract function, validate the arguments again under your own name first, so the message starts
// with your function's name (gradient_check() must not let "approximate_gradient(): ..." out).
#pragma once

#include <armadillo>
#include <functional>
#include <string>
#include <vector>

#include "kata/errors.hpp"
#include "kata/network.hpp"

namespace kata {

// One named parameter (or gradient) block, e.g. {"W1", W1} or {"db2", db2}.
struct NamedBlock {
  std::string name;
  arma::mat value;
};

// Provided (not part of the exercise): the support network's Params and Grads as named blocks, in the
// course's order W1, b1, W2, b2, ..., and back.
//   named_blocks(params) → {{"W1", W[0]}, {"b1", b[0]}, {"W2", W[1]}, ...}
//   named_blocks(grads)  → {{"dW1", dW[0]}, {"db1", db[0]}, ...}
//   params_from_blocks(blocks) → Params from blocks in that order (W, b, W, b, ...; every b one column).
inline std::vector<NamedBlock> named_blocks(const Params& params) {
  require(params.W.size() == params.b.size(), "named_blocks(): params.W and params.b differ in length");
  std::vector<NamedBlock> out;
  for (std::size_t l = 0; l < params.W.size(); ++l) {
    out.push_back({str("W", l + 1), params.W[l]});
    out.push_back({str("b", l + 1), params.b[l]});
  }
  return out;
}

inline std::vector<NamedBlock> named_blocks(const Grads& grads) {
  require(grads.dW.size() == grads.db.size(), "named_blocks(): grads.dW and grads.db differ in length");
  std::vector<NamedBlock> out;
  for (std::size_t l = 0; l < grads.dW.size(); ++l) {
    out.push_back({str("dW", l + 1), grads.dW[l]});
    out.push_back({str("db", l + 1), grads.db[l]});
  }
  return out;
}

inline Params params_from_blocks(const std::vector<NamedBlock>& blocks) {
  require(blocks.size() % 2 == 0, str("params_from_blocks(): expected W, b pairs, got ", blocks.size(), " blocks"));
  Params params;
  for (std::size_t k = 0; k < blocks.size(); k += 2) {
    require(blocks[k + 1].value.n_cols == 1,
            str("params_from_blocks(): bias block '", blocks[k + 1].name, "' must be one column"));
    params.W.push_back(blocks[k].value);
    params.b.push_back(arma::vec(blocks[k + 1].value));
  }
  return params;
}

// A cost function of the unrolled parameter vector: J(θ) → a finite number.
using CostOfTheta = std::function<double(const arma::vec&)>;

// params_to_vector(params): θ, all blocks unrolled into one column, block after block in list order;
// inside a block, entries in Armadillo's column-major order (arma::vectorise). So W = [1 2; 3 4] and
// b = [5; 6] give θ = (1, 3, 2, 4, 5, 6). (numpy's reshape(-1, 1) unrolls row by row instead; the order
// does not matter for a gradient check as long as θ and dθ use the same one.)
//   params  at least one block; every block non-empty and finite
// Returns a column of length Σ n_rows · n_cols.
// Throws std::invalid_argument ("params_to_vector(): ...") for an empty list, an empty block, or a
// NaN/Inf entry (naming the block).
arma::vec params_to_vector(const std::vector<NamedBlock>& params);

// vector_to_params(theta, like): the inverse of params_to_vector. Returns blocks with the names and
// shapes of `like`, filled from θ in the same order, so vector_to_params(params_to_vector(p), p) == p
// exactly (entries are copied, never recomputed). The values inside `like` are ignored.
//   theta  length Σ size of the blocks of `like`; finite
//   like   at least one block, none empty
// Throws std::invalid_argument ("vector_to_params(): ...") for an empty `like`, an empty block, a length
// mismatch (naming both lengths) or a NaN/Inf entry in θ.
std::vector<NamedBlock> vector_to_params(const arma::vec& theta, const std::vector<NamedBlock>& like);

// gradients_to_vector(grads, params): dθ, the gradient blocks (dW1, db1, ...) unrolled exactly like
// params_to_vector(params), so dθ_i is the derivative with respect to θ_i.
//   grads   one block per parameter block, in the same order, each with the same shape as its parameter
//   params  the parameters the gradients belong to (only their shapes are used)
// Throws std::invalid_argument ("gradients_to_vector(): ...") when the block counts differ, a block's
// shape differs from its parameter's (naming both blocks and shapes), a list is empty, or a gradient
// entry is NaN/Inf.
arma::vec gradients_to_vector(const std::vector<NamedBlock>& grads, const std::vector<NamedBlock>& params);

// approximate_gradient(J, theta, eps): dθ_approx, one two-sided difference per entry,
//   dθ_approx_i = (J(θ + ε e_i) − J(θ − ε e_i)) / (2ε)        error O(ε²); one-sided would be O(ε).
// θ is perturbed IN PLACE, one entry at a time, and that entry is restored to its exact original value
// (saved, not recomputed as θ_i + ε − ε, which is not always θ_i in floating point) before the next
// entry is touched. So J always sees θ with exactly one entry changed, and on return θ is bitwise
// unchanged. Calls J exactly 2n times, in the order θ_1 + ε, θ_1 − ε, θ_2 + ε, ...
//   J      the cost; must return finite values
//   theta  length n >= 1, finite
//   eps    > 0 and finite; the course uses 1e-7
// Throws std::invalid_argument ("approximate_gradient(): ...") for an empty J or θ, eps <= 0 (-0
// included) or non-finite, a NaN/Inf in any entry of θ — all checked before J is called even once — or
// when J returns NaN/Inf on any call (naming the entry; θ is restored first, bit for bit).
arma::vec approximate_gradient(const CostOfTheta& J, arma::vec& theta, double eps = 1e-7);

// relative_difference(approx, grad): how far apart two gradients are, relative to their size:
//   ‖approx − grad‖₂ / (‖approx‖₂ + ‖grad‖₂)
// Euclidean (L2) norms, and the symmetric denominator: the result is in [0, 1], does not favour either
// vector, and is 1 when one of them is zero and the other not. When BOTH are exactly zero the ratio is 0/0:
// the gradients agree perfectly, so the result is 0 (never NaN) — and only then: tiny but different
// vectors are not "zero". The result does not depend on a common scale of the two vectors, at any scale
// a double holds ((3, 4)·1e-170 against (4, 3)·1e-170 is still √2/10; squares of such entries underflow,
// so compute the norms the way arma::norm does, not as sqrt of a sum of squares).
// Example: approx = (3, 4), grad = (4, 3) → √2 / 10 ≈ 0.141421.
// Throws std::invalid_argument ("relative_difference(): ...") for different lengths, empty vectors or
// NaN/Inf entries.
double relative_difference(const arma::vec& approx, const arma::vec& grad);

// gradient_check(J, theta, dtheta, eps): the whole check in one call,
//   relative_difference(approximate_gradient(J, theta, eps), dtheta)   (with the eps given, 1e-7 by default).
// θ is perturbed in place and restored exactly, as in approximate_gradient.
// Throws std::invalid_argument ("gradient_check(): ...") when θ and dθ have different lengths, for an empty
// J or θ, eps <= 0 or non-finite, NaN/Inf in θ or dθ — all checked before J is called even once — or J
// returning NaN/Inf on any call (θ restored first).
double gradient_check(const CostOfTheta& J, arma::vec& theta, const arma::vec& dtheta, double eps = 1e-7);

// What a difference means (the course's rule of thumb, eps = 1e-7): ≈1e-7 great, ≈1e-5 look closer,
// ≈1e-3 worry. The exact borders are the geometric midpoints of those decades:
//   difference <  1e-6          → Verdict::great        backprop is almost certainly right
//   1e-6 <= difference < 1e-4   → Verdict::look_closer  maybe fine, look at the components
//   difference >= 1e-4          → Verdict::worry        very likely a bug
enum class Verdict { great, look_closer, worry };

// verdict(difference): the class of a difference, by the borders above. Any difference >= 0 is valid,
// also above 1 and +Inf (a sum of block differences, another formula): those are a worry.
// Throws std::invalid_argument ("verdict(): ...") for a negative (-Inf included) or NaN difference.
Verdict verdict(double difference);

// Printable name of a verdict: "great", "look closer", "worry". (Provided; not part of the exercise.)
inline const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::great: return "great";
    case Verdict::look_closer: return "look closer";
    case Verdict::worry: return "worry";
  }
  return "?";
}

// One row of the per-block report: which parameter block, how many entries, and the relative difference
// of its part of dθ_approx and dθ (the same formula as relative_difference, 0 when both parts are zero).
struct BlockDifference {
  std::string name;   // the parameter block's name from `layout`, e.g. "W2"
  arma::uword size;   // its number of entries
  double difference;  // relative_difference of its slices
};

// worst_parameters(approx, dtheta, layout): when a check fails, which blocks are to blame.
// Cuts both vectors into the blocks of `layout` (same order and sizes as params_to_vector(layout)),
// computes each block's relative difference, and returns one row per block sorted by difference, largest
// first; blocks with equal differences keep their layout order (a stable sort).
//   approx, dtheta  the numerical and the backprop gradient, both of length Σ size of layout's blocks
//   layout          the parameter blocks (only names and shapes are used); at least one, none empty
// Throws std::invalid_argument ("worst_parameters(): ...") for an empty layout or block, lengths that
// do not match the layout, or NaN/Inf entries in approx or dtheta (the layout's values are never looked at).
std::vector<BlockDifference> worst_parameters(const arma::vec& approx, const arma::vec& dtheta,
                                              const std::vector<NamedBlock>& layout);

}  // namespace kata
