// The support network: see kata/network.hpp for the formulas and shapes.
#include "kata/network.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "kata/errors.hpp"
#include "kata/matmul.hpp"
#include "kata/vmath.hpp"

namespace kata {
namespace {

// kata::require(cond, str(...)) builds its message even when cond holds; the network checks every
// step, so it formats the message only on failure.
template <typename... Parts>
void ensure(bool condition, const Parts&... parts) {
  if (!condition) throw std::invalid_argument(str(parts...));
}

void require_dims(const std::vector<arma::uword>& dims, const char* fn) {
  ensure(dims.size() >= 2, fn, ": dims needs at least {n_x, n_y} (2 entries), got ", dims.size());
  for (std::size_t l = 0; l < dims.size(); ++l) ensure(dims[l] > 0, fn, ": layer ", l, " has size 0");
}

void require_params(const Params& p, const char* fn) {
  ensure(!p.W.empty() && p.W.size() == p.b.size(), fn, ": params need as many W as b (>= 1), got ",
         p.W.size(), " and ", p.b.size());
  for (std::size_t l = 0; l < p.W.size(); ++l) {
    ensure(p.W[l].n_elem > 0, fn, ": W[", l, "] is empty");
    ensure(p.b[l].n_elem == p.W[l].n_rows, fn, ": b[", l, "] has ", p.b[l].n_elem, " entries, W[", l,
           "] has ", p.W[l].n_rows, " rows");
    ensure(l == 0 || p.W[l].n_cols == p.W[l - 1].n_rows, fn, ": W[", l, "] has ", p.W[l].n_cols,
           " columns, layer ", l, " has ", p.W[l > 0 ? l - 1 : 0].n_rows, " units");
  }
}

void require_X(const Params& p, const arma::mat& X, const char* fn) {
  ensure(X.n_cols > 0, fn, ": X has no examples (0 columns)");
  ensure(X.n_rows == p.W.front().n_cols, fn, ": X has ", X.n_rows,
         " rows, the network expects n_x = ", p.W.front().n_cols);
}

void require_Y(const Params& p, const arma::mat& X, const arma::mat& Y, const char* fn) {
  ensure(Y.n_rows == p.W.back().n_rows && Y.n_cols == X.n_cols, fn, ": Y must be ", p.W.back().n_rows, " x ",
         X.n_cols, " (n_y x m), got ", Y.n_rows, " x ", Y.n_cols);
  ensure(Y.is_finite() && Y.min() >= 0.0 && Y.max() <= 1.0, fn, ": Y entries must be in [0, 1]");
}

void require_hooks(const Hooks& h, const char* fn) {
  ensure(static_cast<bool>(h.dropout_forward) == static_cast<bool>(h.dropout_backward), fn,
         ": set both dropout_forward and dropout_backward, or neither");
}

void require_all(const Params& p, const arma::mat& X, const arma::mat& Y, const Hooks& h, const char* fn) {
  require_params(p, fn);
  require_X(p, X, fn);
  require_Y(p, X, Y, fn);
  require_hooks(h, fn);
}

// ---- The arithmetic, on buffers ----
// Every pass writes into matrices that the caller keeps (Pass, Grads): when they already have the right
// size nothing is allocated, so train() runs its batches without touching the heap once each buffer has
// been used once (only hooks allocate: they take and return matrices by value). The operations are the
// same Armadillo expressions, in the same order, as the formulas in kata/network.hpp, so the results do
// not depend on whether a buffer was reused.

// What one pass over `m` examples needs: for layer l (0-based) Z[l], A[l] (its activation; A[L-1] is
// the output), dZ[l] and, for l >= 1, dA[l-1]; mask[l] for hidden layers when dropout ran. Scratch rows
// for the softmax and the cost.
struct Pass {
  std::vector<arma::mat> Z, A, dZ, dA, mask;
  std::vector<arma::mat> Wt;  // W[l].t() for dA (matmul.hpp)
  arma::rowvec row;  // softmax: column sums of e^(z - max) (forward), log of them (cost)
  arma::mat loss;    // n_y x m: what the output layer leaves for the cost (see softmax_into), then the loss
  bool dropped = false;
  bool output_kept = false;  // loss and row hold the output layer's intermediate values for Z.back()
};

void resize(std::vector<arma::mat>& v, std::size_t n) {
  if (v.size() != n) v.resize(n);
}

// The column loop below runs once per layer and step; the lessons' networks have narrow layers (1 to
// 64 units) over a few hundred examples, where Armadillo's version (a function call per column) costs
// more than the additions. Same additions in the same order, so the same results.

// Row sums of a matrix with R rows, R small: one running sum per row, in registers.
template <arma::uword R>
void row_sums_small(const double* __restrict d, arma::uword cols, double* __restrict out) {
  double sum[R];
  for (arma::uword i = 0; i < R; ++i) sum[i] = d[i];
  for (arma::uword j = 1; j < cols; ++j)
    for (arma::uword i = 0; i < R; ++i) sum[i] += d[j * R + i];
  for (arma::uword i = 0; i < R; ++i) out[i] = sum[i];
}

// row_sums_small<R> for R = rows, any rows in 1 .. N.
template <arma::uword N>
void row_sums_upto(arma::uword rows, const double* __restrict d, arma::uword cols, double* __restrict out) {
  if constexpr (N > 1) {
    if (rows < N) return row_sums_upto<N - 1>(rows, d, cols, out);
  }
  row_sums_small<N>(d, cols, out);
}

// db = arma::sum(dZ, 1) in Armadillo's order of additions: column 0, then + column 1, + column 2, ...
void row_sums_into(const arma::mat& dZ, arma::vec& db) {
  db.set_size(dZ.n_rows);
  double* __restrict out = db.memptr();
  const double* __restrict d = dZ.memptr();
  const arma::uword rows = dZ.n_rows, cols = dZ.n_cols;
  if (rows <= 16) return row_sums_upto<16>(rows, d, cols, out);
  std::copy_n(d, rows, out);
  for (arma::uword j = 1; j < cols; ++j)
    for (arma::uword i = 0; i < rows; ++i) out[i] += d[j * rows + i];
}

// σ(z) = 1 / (1 + e^-z) into A (of Z's shape); e^-z into E (exp_n: four at a time).
void sigmoid_into(const arma::mat& Z, arma::mat& A, arma::mat& E) {
  A.set_size(Z.n_rows, Z.n_cols);
  E.set_size(Z.n_rows, Z.n_cols);
  const double* z = Z.memptr();
  double* a = A.memptr();
  double* e = E.memptr();
  for (arma::uword i = 0; i < Z.n_elem; ++i) e[i] = -z[i];
  exp_n(e, e, Z.n_elem);
  for (arma::uword i = 0; i < Z.n_elem; ++i) a[i] = 1.0 / (1.0 + e[i]);
}

// Sum of n values with two running sums, even and odd positions, added at the end: Armadillo's order
// (arma::sum, arma::accu), so the results are the same as before.
double pairwise_sum(const double* x, arma::uword n) {
  double even = 0.0, odd = 0.0;
  arma::uword j = 1;
  for (; j < n; j += 2) {
    even += x[j - 1];
    odd += x[j];
  }
  if (j - 1 < n) even += x[j - 1];
  return even + odd;
}

// Column-wise softmax with the column maximum subtracted first. Leaves the shifted values z - max in
// `shifted` and the column sums of their exponentials in `row`, which the cost reuses (log-sum-exp of the
// same numbers: each exponential is computed once per step, not twice). The exponentials of the whole
// matrix in one exp_n call: an output layer has a handful of rows, too few for a vector per column.
void softmax_into(const arma::mat& Z, arma::mat& A, arma::mat& shifted, arma::rowvec& row) {
  A.set_size(Z.n_rows, Z.n_cols);
  shifted.set_size(Z.n_rows, Z.n_cols);
  row.set_size(Z.n_cols);
  const arma::uword n = Z.n_rows;
  for (arma::uword j = 0; j < Z.n_cols; ++j) {
    const double* z = Z.colptr(j);
    double* s = shifted.colptr(j);
    double top = -arma::datum::inf;  // arma::max's rule: NaN never wins
    for (arma::uword i = 0; i < n; ++i)
      if (z[i] > top) top = z[i];
    for (arma::uword i = 0; i < n; ++i) s[i] = z[i] - top;
  }
  exp_n(shifted.memptr(), A.memptr(), A.n_elem);
  for (arma::uword j = 0; j < Z.n_cols; ++j) {
    double* a = A.colptr(j);
    row[j] = pairwise_sum(a, n);
    for (arma::uword i = 0; i < n; ++i) a[i] /= row[j];
  }
}

// Cross-entropy of a sigmoid output layer, mean over the columns: -[y log σ(z) + (1-y) log(1-σ(z))] =
// max(z, 0) - z y + log(1 + e^-|z|), the exponentials and logarithms in two vector calls. `loss` (ZL's
// shape) and `row` are scratch.
double sigmoid_cross_entropy(const arma::mat& ZL, const arma::mat& Y, arma::mat& loss, arma::rowvec& row) {
  const arma::uword n = ZL.n_elem;
  loss.set_size(ZL.n_rows, ZL.n_cols);
  row.set_size(n);
  const double* z = ZL.memptr();
  const double* y = Y.memptr();
  double* e = row.memptr();
  double* l = loss.memptr();
  for (arma::uword i = 0; i < n; ++i) e[i] = -std::abs(z[i]);
  exp_n(e, e, n);
  log1p_n(e, e, n);
  for (arma::uword i = 0; i < n; ++i) l[i] = ((z[i] < 0.0 ? 0.0 : z[i]) - z[i] * y[i]) + e[i];
  return arma::accu(loss) / static_cast<double>(Y.n_cols);
}

// Cross-entropy of a softmax output layer from what softmax_into() left: the shifted values z - max in
// `shifted` (overwritten) and the column sums of their exponentials in `row`:
// log softmax(z)_k = (z_k - max) - log Σ_j e^(z_j - max).
double softmax_cross_entropy(const arma::mat& Y, arma::mat& shifted, const arma::rowvec& row) {
  for (arma::uword j = 0; j < shifted.n_cols; ++j) {
    const double log_sum = std::log(row[j]);
    double* l = shifted.colptr(j);
    for (arma::uword i = 0; i < shifted.n_rows; ++i) l[i] -= log_sum;
  }
  return -arma::accu(Y % shifted) / static_cast<double>(Y.n_cols);
}

// Cross-entropy from ZL, mean over the columns (see cross_entropy()); `loss` and `row` are scratch. The
// same operations as the cost of a forward pass (kept_cross_entropy), so cost() and cross_entropy() agree
// to the last bit.
double cross_entropy_into(const arma::mat& ZL, const arma::mat& Y, arma::mat& loss, arma::rowvec& row) {
  if (ZL.n_rows == 1) return sigmoid_cross_entropy(ZL, Y, loss, row);
  arma::mat probabilities;
  softmax_into(ZL, probabilities, loss, row);
  return softmax_cross_entropy(Y, loss, row);
}

// The cross-entropy of a forward pass whose softmax output layer left its intermediate values in s (see
// softmax_into): the same operations as cross_entropy_into, without computing the exponentials again.
double kept_cross_entropy(const arma::mat& ZL, const arma::mat& Y, Pass& s) {
  if (ZL.n_rows == 1) return sigmoid_cross_entropy(ZL, Y, s.loss, s.row);
  return softmax_cross_entropy(Y, s.loss, s.row);
}

// Forward pass of X (n_x x m) into s. Dropout (hooks.dropout_forward) on hidden layers when rng is set.
void forward_into(const Params& p, const arma::mat& X, const Hooks& h, Rng* rng, Pass& s) {
  const std::size_t L = p.W.size();
  resize(s.Z, L);
  resize(s.A, L);
  s.dropped = rng != nullptr && static_cast<bool>(h.dropout_forward);
  if (s.dropped) resize(s.mask, L - 1);
  for (std::size_t l = 0; l + 1 < L; ++l) {  // hidden layers
    multiply(p.W[l], l == 0 ? X : s.A[l - 1], s.Z[l], &p.b[l], &s.A[l]);  // Z = W in + b, A = ReLU(Z)
    if (!s.dropped) continue;
    auto [dropped, mask] = h.dropout_forward(s.A[l], *rng);
    ensure(dropped.n_rows == s.A[l].n_rows && dropped.n_cols == s.A[l].n_cols && mask.n_rows == s.A[l].n_rows &&
               mask.n_cols == s.A[l].n_cols,
           "forward(): dropout_forward must return A and mask of A's shape");
    s.A[l] = std::move(dropped);
    s.mask[l] = std::move(mask);
  }
  arma::mat& Z = s.Z[L - 1];
  multiply(p.W[L - 1], L == 1 ? X : s.A[L - 2], Z, &p.b[L - 1]);
  if (Z.n_rows == 1) sigmoid_into(Z, s.A[L - 1], s.loss);
  else softmax_into(Z, s.A[L - 1], s.loss, s.row);
  s.output_kept = true;
}

// Cross-entropy of a finished forward pass.
double data_cost(Pass& s, const arma::mat& Y) {
  if (!s.output_kept) return cross_entropy_into(s.Z.back(), Y, s.loss, s.row);
  s.output_kept = false;  // the loss overwrites what the output layer left
  return kept_cross_entropy(s.Z.back(), Y, s);
}

// Data cost + penalty of a finished forward pass.
double total_cost(const Params& p, Pass& s, const arma::mat& Y, const Hooks& h) {
  double J = data_cost(s, Y);
  if (h.penalty) J += h.penalty(p.W, static_cast<double>(Y.n_cols));
  return J;
}

void shape_like(const Params& p, Grads& g) {
  g.dW.resize(p.W.size());
  g.db.resize(p.b.size());
}

// Backward pass into g (dW, db of every layer) from the forward pass in s over input X.
void backward_into(const Params& p, const arma::mat& X, Pass& s, const arma::mat& Y, const Hooks& h, Grads& g) {
  const std::size_t L = p.W.size();
  const double m = static_cast<double>(Y.n_cols);
  shape_like(p, g);
  resize(s.dZ, L);
  resize(s.dA, L - 1);
  resize(s.Wt, L);
  s.dZ[L - 1] = (s.A[L - 1] - Y) / m;  // sigmoid + binary CE and softmax + categorical CE alike
  for (std::size_t l = L; l-- > 0;) {
    const arma::mat& in = l == 0 ? X : s.A[l - 1];
    multiply_bt(s.dZ[l], in, g.dW[l]);  // dZ in.t()
    if (h.penalty_gradient) g.dW[l] += h.penalty_gradient(p.W[l], m);
    row_sums_into(s.dZ[l], g.db[l]);
    if (l == 0) break;
    // dZ = dA ⊙ 1[Z > 0] with dA = W.t() dZ, as a product with 1 or 0 (so 0 · Inf is NaN, as the formula
    // says); without dropout in the same pass as the product, with it after the hook has seen dA
    if (!s.dropped) {
      multiply_at(p.W[l], s.dZ[l], s.dZ[l - 1], s.Wt[l], &s.Z[l - 1]);
      continue;
    }
    arma::mat& dA = s.dA[l - 1];
    multiply_at(p.W[l], s.dZ[l], dA, s.Wt[l]);
    dA = h.dropout_backward(dA, s.mask[l - 1]);
    const arma::mat& Z = s.Z[l - 1];
    arma::mat& dZ = s.dZ[l - 1];
    dZ.set_size(Z.n_rows, Z.n_cols);
    const double* z = Z.memptr();
    const double* da = dA.memptr();
    double* dz = dZ.memptr();
    for (arma::uword i = 0; i < Z.n_elem; ++i) dz[i] = da[i] * (z[i] > 0.0 ? 1.0 : 0.0);
  }
}

// A pass whose results the caller gets as a Cache (forward(), backward() from outside).
Cache to_cache(const arma::mat& X, Pass&& s) {
  Cache c;
  c.Z = std::move(s.Z);
  c.A.reserve(s.A.size() + 1);
  c.A.push_back(X);
  for (arma::mat& a : s.A) c.A.push_back(std::move(a));
  if (s.dropped) c.mask = std::move(s.mask);
  return c;
}

// A Cache as a Pass (copies: backward() on a cache from outside is not on the training path).
Pass from_cache(const Cache& c) {
  Pass s;
  s.Z = c.Z;
  s.A.assign(c.A.begin() + 1, c.A.end());
  s.mask = c.mask;
  s.dropped = !c.mask.empty();
  return s;
}

void step(Params& p, const Grads& g, double learning_rate) {
  for (std::size_t l = 0; l < p.W.size(); ++l) {
    p.W[l] -= learning_rate * g.dW[l];
    p.b[l] -= learning_rate * g.db[l];
  }
}

// ---- Training ----

// Buffers for batches of one width: the gathered examples, a pass and the gradients. An epoch of
// mini-batches has at most two widths (batch_size, and the remainder).
struct BatchBuffers {
  arma::mat X, Y;
  Pass pass;
  Grads grads;
};

struct Trainer {
  BatchBuffers full, rest;  // rest: the last, smaller batch of an epoch
  Pass dev;

  BatchBuffers& for_width(arma::uword width, arma::uword batch_size) { return width == batch_size ? full : rest; }
};

// Copies the columns idx[first .. first + n) of X into out (n columns), without temporaries.
void gather(const arma::mat& X, const arma::uvec& idx, arma::uword first, arma::uword n, arma::mat& out) {
  out.set_size(X.n_rows, n);
  for (arma::uword j = 0; j < n; ++j) std::copy_n(X.colptr(idx(first + j)), X.n_rows, out.colptr(j));
}

// One epoch of mini-batch updates; returns the example-weighted mean of the batch costs.
double run_epoch(Params& p, const arma::mat& X, const arma::mat& Y, const TrainOptions& o, const Hooks& h, Rng& rng,
                 Trainer& t) {
  const arma::uword m = X.n_cols;
  const bool full = o.batch_size == 0 || o.batch_size >= m;
  if (full) {
    BatchBuffers& b = t.full;
    forward_into(p, X, h, &rng, b.pass);
    const double J = total_cost(p, b.pass, Y, h);
    backward_into(p, X, b.pass, Y, h, b.grads);
    step(p, b.grads, o.learning_rate);
    return J;
  }
  const arma::uvec perm = rng.permutation(m);
  double sum = 0.0;
  for (arma::uword start = 0; start < m; start += o.batch_size) {
    const arma::uword n = std::min(start + o.batch_size, m) - start;
    BatchBuffers& b = t.for_width(n, o.batch_size);
    gather(X, perm, start, n, b.X);
    gather(Y, perm, start, n, b.Y);
    forward_into(p, b.X, h, &rng, b.pass);
    sum += total_cost(p, b.pass, b.Y, h) * static_cast<double>(n);
    backward_into(p, b.X, b.pass, b.Y, h, b.grads);
    step(p, b.grads, o.learning_rate);
  }
  return sum / static_cast<double>(m);
}

void require_options(const Params& p, const arma::mat& X, const arma::mat& Y, const TrainOptions& o,
                     const Hooks& h) {
  require_all(p, X, Y, h, "train()");
  ensure(std::isfinite(o.learning_rate) && o.learning_rate > 0.0, "train(): learning_rate must be > 0, got ",
         o.learning_rate);
  ensure(o.epochs >= 1, "train(): epochs must be >= 1, got 0");
  ensure(X.is_finite(), "train(): X contains NaN or Inf");
  if (o.X_dev.n_elem == 0 && o.Y_dev.n_elem == 0) return;
  require_X(p, o.X_dev, "train()");
  require_Y(p, o.X_dev, o.Y_dev, "train()");
}

}  // namespace

std::vector<arma::uword> layer_dims(const Params& params) {
  require_params(params, "layer_dims()");
  std::vector<arma::uword> dims{params.W.front().n_cols};
  for (const arma::mat& W : params.W) dims.push_back(W.n_rows);
  return dims;
}

Params initialize_he(const std::vector<arma::uword>& dims, Rng& rng) {
  require_dims(dims, "initialize_he()");
  Params p;
  for (std::size_t l = 1; l < dims.size(); ++l) {
    p.W.push_back(rng.randn(dims[l], dims[l - 1]) * std::sqrt(2.0 / static_cast<double>(dims[l - 1])));
    p.b.push_back(arma::zeros<arma::vec>(dims[l]));
  }
  return p;
}

Params initialize(const std::vector<arma::uword>& dims, const Hooks& hooks, Rng& rng) {
  require_dims(dims, "initialize()");
  if (!hooks.initialize) return initialize_he(dims, rng);
  Params p = hooks.initialize(dims, rng);
  require_params(p, "initialize()");
  ensure(layer_dims(p) == dims, "initialize(): hooks.initialize returned parameters of other shapes");
  return p;
}

Cache forward(const Params& params, const arma::mat& X, const Hooks& hooks, Rng* rng) {
  require_params(params, "forward()");
  require_X(params, X, "forward()");
  require_hooks(hooks, "forward()");
  Pass s;
  forward_into(params, X, hooks, rng, s);
  return to_cache(X, std::move(s));
}

arma::mat predict_proba(const Params& params, const arma::mat& X) {
  require_params(params, "predict_proba()");
  require_X(params, X, "predict_proba()");
  Pass s;
  forward_into(params, X, Hooks{}, nullptr, s);
  return std::move(s.A.back());
}

double cross_entropy(const arma::mat& ZL, const arma::mat& Y) {
  ensure(ZL.n_elem > 0 && ZL.n_rows == Y.n_rows && ZL.n_cols == Y.n_cols,
         "cross_entropy(): ZL and Y must have the same non-empty shape, got ", ZL.n_rows, " x ", ZL.n_cols,
         " and ", Y.n_rows, " x ", Y.n_cols);
  arma::mat loss;
  arma::rowvec row;
  return cross_entropy_into(ZL, Y, loss, row);
}

Grads backward(const Params& params, const Cache& cache, const arma::mat& Y, const Hooks& hooks) {
  require_params(params, "backward()");
  const std::size_t L = params.W.size();
  ensure(cache.Z.size() == L && cache.A.size() == L + 1 && (cache.mask.empty() || cache.mask.size() == L - 1),
         "backward(): the cache does not come from forward() on these params");
  require_Y(params, cache.A.front(), Y, "backward()");
  ensure(cache.mask.empty() || static_cast<bool>(hooks.dropout_backward),
         "backward(): the cache has dropout masks but hooks.dropout_backward is empty");
  Pass s = from_cache(cache);
  Grads g;
  backward_into(params, cache.A.front(), s, Y, hooks, g);
  return g;
}

double cost(const Params& params, const arma::mat& X, const arma::mat& Y, const Hooks& hooks,
            Rng* rng_for_dropout) {
  require_all(params, X, Y, hooks, "cost()");
  Pass s;
  forward_into(params, X, hooks, rng_for_dropout, s);
  return total_cost(params, s, Y, hooks);
}

Grads gradients(const Params& params, const arma::mat& X, const arma::mat& Y, const Hooks& hooks,
                Rng* rng_for_dropout) {
  require_all(params, X, Y, hooks, "gradients()");
  Pass s;
  forward_into(params, X, hooks, rng_for_dropout, s);
  Grads g;
  backward_into(params, X, s, Y, hooks, g);
  return g;
}

void gradient_descent_step(Params& params, const Grads& grads, double learning_rate) {
  ensure(std::isfinite(learning_rate) && learning_rate > 0.0,
         "gradient_descent_step(): learning_rate must be > 0, got ", learning_rate);
  ensure(grads.dW.size() == params.W.size() && grads.db.size() == params.b.size(),
         "gradient_descent_step(): grads and params have different numbers of layers");
  for (std::size_t l = 0; l < params.W.size(); ++l) {
    ensure(arma::size(grads.dW[l]) == arma::size(params.W[l]) &&
               arma::size(grads.db[l]) == arma::size(params.b[l]),
           "gradient_descent_step(): layer ", l, " gradient shape differs from its parameters");
  }
  step(params, grads, learning_rate);
}

History train(Params& params, const arma::mat& X, const arma::mat& Y, const TrainOptions& options,
              const Hooks& hooks, Rng& rng) {
  require_options(params, X, Y, options, hooks);
  const bool has_dev = options.X_dev.n_elem > 0;
  History history;
  Trainer buffers;  // kept across epochs: after the first epoch no batch allocates
  for (std::size_t epoch = 0; epoch < options.epochs; ++epoch) {
    EpochReport report{epoch, run_epoch(params, X, Y, options, hooks, rng, buffers), has_dev,
                       std::numeric_limits<double>::quiet_NaN()};
    history.train_cost.push_back(report.train_cost);
    if (has_dev) {
      Pass& dev = buffers.dev;
      forward_into(params, options.X_dev, Hooks{}, nullptr, dev);
      report.dev_cost = data_cost(dev, options.Y_dev);
      history.dev_cost.push_back(report.dev_cost);
    }
    if (hooks.on_epoch && hooks.on_epoch(report, params)) {
      history.stopped_early = true;
      break;
    }
  }
  return history;
}

TrainResult fit(const std::vector<arma::uword>& dims, const arma::mat& X, const arma::mat& Y,
                const TrainOptions& options, const Hooks& hooks, Rng& rng) {
  TrainResult r{initialize(dims, hooks, rng), {}};
  r.history = train(r.params, X, Y, options, hooks, rng);
  return r;
}

arma::urowvec predict(const Params& params, const arma::mat& X) {
  require_params(params, "predict()");
  require_X(params, X, "predict()");
  Pass s;
  forward_into(params, X, Hooks{}, nullptr, s);
  const arma::mat& A = s.A.back();
  if (A.n_rows == 1) return arma::conv_to<arma::urowvec>::from(A > 0.5);
  return arma::conv_to<arma::urowvec>::from(arma::index_max(A, 0));
}

double accuracy(const arma::urowvec& predicted, const arma::urowvec& truth) {
  ensure(predicted.n_elem > 0 && predicted.n_elem == truth.n_elem,
         "accuracy(): need two label rows of the same non-zero length, got ", predicted.n_elem, " and ",
         truth.n_elem);
  return static_cast<double>(arma::accu(predicted == truth)) / static_cast<double>(truth.n_elem);
}

double accuracy(const Params& params, const arma::mat& X, const arma::urowvec& truth) {
  return accuracy(predict(params, X), truth);
}

}  // namespace kata
