// The support network: see kata/network.hpp for the formulas and shapes.
#include "kata/network.hpp"

#include <cmath>
#include <limits>

#include "kata/errors.hpp"

namespace kata {
namespace {

void require_dims(const std::vector<arma::uword>& dims, const char* fn) {
  require(dims.size() >= 2, str(fn, ": dims needs at least {n_x, n_y} (2 entries), got ", dims.size()));
  for (std::size_t l = 0; l < dims.size(); ++l)
    require(dims[l] > 0, str(fn, ": layer ", l, " has size 0"));
}

void require_params(const Params& p, const char* fn) {
  require(!p.W.empty() && p.W.size() == p.b.size(),
          str(fn, ": params need as many W as b (>= 1), got ", p.W.size(), " and ", p.b.size()));
  for (std::size_t l = 0; l < p.W.size(); ++l) {
    require(p.W[l].n_elem > 0, str(fn, ": W[", l, "] is empty"));
    require(p.b[l].n_elem == p.W[l].n_rows,
            str(fn, ": b[", l, "] has ", p.b[l].n_elem, " entries, W[", l, "] has ", p.W[l].n_rows, " rows"));
    require(l == 0 || p.W[l].n_cols == p.W[l - 1].n_rows,
            str(fn, ": W[", l, "] has ", p.W[l].n_cols, " columns, layer ", l, " has ", p.W[l > 0 ? l - 1 : 0].n_rows,
                " units"));
  }
}

void require_X(const Params& p, const arma::mat& X, const char* fn) {
  require(X.n_cols > 0, str(fn, ": X has no examples (0 columns)"));
  require(X.n_rows == p.W.front().n_cols,
          str(fn, ": X has ", X.n_rows, " rows, the network expects n_x = ", p.W.front().n_cols));
}

void require_Y(const Params& p, const arma::mat& X, const arma::mat& Y, const char* fn) {
  require(Y.n_rows == p.W.back().n_rows && Y.n_cols == X.n_cols,
          str(fn, ": Y must be ", p.W.back().n_rows, " x ", X.n_cols, " (n_y x m), got ", Y.n_rows, " x ",
              Y.n_cols));
  require(Y.is_finite() && Y.min() >= 0.0 && Y.max() <= 1.0, str(fn, ": Y entries must be in [0, 1]"));
}

void require_hooks(const Hooks& h, const char* fn) {
  require(static_cast<bool>(h.dropout_forward) == static_cast<bool>(h.dropout_backward),
          str(fn, ": set both dropout_forward and dropout_backward, or neither"));
}

void require_all(const Params& p, const arma::mat& X, const arma::mat& Y, const Hooks& h, const char* fn) {
  require_params(p, fn);
  require_X(p, X, fn);
  require_Y(p, X, Y, fn);
  require_hooks(h, fn);
}

arma::mat relu(const arma::mat& Z) { return arma::clamp(Z, 0.0, std::numeric_limits<double>::max()); }

// 1 / (1 + e^-z), stable for large |z|.
arma::mat sigmoid(const arma::mat& Z) { return 1.0 / (1.0 + arma::exp(-Z)); }

// Column-wise softmax with the column maximum subtracted first.
arma::mat softmax(const arma::mat& Z) {
  arma::mat E = arma::exp(Z.each_row() - arma::max(Z, 0));
  E.each_row() /= arma::sum(E, 0);
  return E;
}

arma::mat output_activation(const arma::mat& ZL) { return ZL.n_rows == 1 ? sigmoid(ZL) : softmax(ZL); }

// Data cost + penalty from a finished forward pass.
double total_cost(const Params& p, const Cache& c, const arma::mat& Y, const Hooks& h) {
  double J = cross_entropy(c.Z.back(), Y);
  if (h.penalty) J += h.penalty(p.W, static_cast<double>(Y.n_cols));
  return J;
}

// One layer l (0-based) forward: appends Z and A (and the dropout mask for hidden layers).
void forward_layer(const Params& p, std::size_t l, Cache& c, const Hooks& h, Rng* rng) {
  c.Z.push_back(p.W[l] * c.A.back());
  c.Z.back().each_col() += p.b[l];
  if (l + 1 == p.W.size()) {
    c.A.push_back(output_activation(c.Z.back()));
    return;
  }
  arma::mat A = relu(c.Z.back());
  if (rng != nullptr && h.dropout_forward) {
    auto [dropped, mask] = h.dropout_forward(A, *rng);
    require(dropped.n_rows == A.n_rows && dropped.n_cols == A.n_cols && mask.n_rows == A.n_rows &&
                mask.n_cols == A.n_cols,
            "forward(): dropout_forward must return A and mask of A's shape");
    A = std::move(dropped);
    c.mask.push_back(std::move(mask));
  }
  c.A.push_back(std::move(A));
}

Cache forward_unchecked(const Params& p, const arma::mat& X, const Hooks& h, Rng* rng) {
  Cache c;
  c.A.push_back(X);
  for (std::size_t l = 0; l < p.W.size(); ++l) forward_layer(p, l, c, h, rng);
  return c;
}

Grads backward_unchecked(const Params& p, const Cache& c, const arma::mat& Y, const Hooks& h) {
  const std::size_t L = p.W.size();
  const double m = static_cast<double>(Y.n_cols);
  Grads g;
  g.dW.resize(L);
  g.db.resize(L);
  arma::mat dZ = (c.A.back() - Y) / m;  // sigmoid + binary CE and softmax + categorical CE alike
  for (std::size_t l = L; l-- > 0;) {
    g.dW[l] = dZ * c.A[l].t();
    if (h.penalty_gradient) g.dW[l] += h.penalty_gradient(p.W[l], m);
    g.db[l] = arma::sum(dZ, 1);
    if (l == 0) break;
    arma::mat dA = p.W[l].t() * dZ;
    if (!c.mask.empty()) dA = h.dropout_backward(dA, c.mask[l - 1]);
    dZ = dA % arma::conv_to<arma::mat>::from(c.Z[l - 1] > 0.0);
  }
  return g;
}

// One epoch of mini-batch updates; returns the example-weighted mean of the batch costs.
double run_epoch(Params& p, const arma::mat& X, const arma::mat& Y, const TrainOptions& o, const Hooks& h,
                 Rng& rng) {
  const arma::uword m = X.n_cols;
  const bool full = o.batch_size == 0 || o.batch_size >= m;
  if (full) {
    const Cache c = forward_unchecked(p, X, h, &rng);
    const double J = total_cost(p, c, Y, h);
    gradient_descent_step(p, backward_unchecked(p, c, Y, h), o.learning_rate);
    return J;
  }
  const arma::uvec perm = rng.permutation(m);
  double sum = 0.0;
  for (arma::uword start = 0; start < m; start += o.batch_size) {
    const arma::uvec idx = perm.subvec(start, std::min(start + o.batch_size, m) - 1);
    const arma::mat Xb = X.cols(idx), Yb = Y.cols(idx);
    const Cache c = forward_unchecked(p, Xb, h, &rng);
    sum += total_cost(p, c, Yb, h) * static_cast<double>(idx.n_elem);
    gradient_descent_step(p, backward_unchecked(p, c, Yb, h), o.learning_rate);
  }
  return sum / static_cast<double>(m);
}

void require_options(const Params& p, const arma::mat& X, const arma::mat& Y, const TrainOptions& o,
                     const Hooks& h) {
  require_all(p, X, Y, h, "train()");
  require(std::isfinite(o.learning_rate) && o.learning_rate > 0.0,
          str("train(): learning_rate must be > 0, got ", o.learning_rate));
  require(o.epochs >= 1, "train(): epochs must be >= 1, got 0");
  require(X.is_finite(), "train(): X contains NaN or Inf");
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
  require(layer_dims(p) == dims, "initialize(): hooks.initialize returned parameters of other shapes");
  return p;
}

Cache forward(const Params& params, const arma::mat& X, const Hooks& hooks, Rng* rng) {
  require_params(params, "forward()");
  require_X(params, X, "forward()");
  require_hooks(hooks, "forward()");
  return forward_unchecked(params, X, hooks, rng);
}

arma::mat predict_proba(const Params& params, const arma::mat& X) {
  require_params(params, "predict_proba()");
  require_X(params, X, "predict_proba()");
  return forward_unchecked(params, X, Hooks{}, nullptr).A.back();
}

double cross_entropy(const arma::mat& ZL, const arma::mat& Y) {
  require(ZL.n_elem > 0 && ZL.n_rows == Y.n_rows && ZL.n_cols == Y.n_cols,
          str("cross_entropy(): ZL and Y must have the same non-empty shape, got ", ZL.n_rows, " x ", ZL.n_cols,
              " and ", Y.n_rows, " x ", Y.n_cols));
  const double m = static_cast<double>(Y.n_cols);
  if (ZL.n_rows == 1) {
    // -[y log σ(z) + (1-y) log(1-σ(z))] = max(z, 0) - z y + log(1 + e^-|z|)
    const arma::mat loss = arma::clamp(ZL, 0.0, arma::datum::inf) - ZL % Y + arma::log1p(arma::exp(-arma::abs(ZL)));
    return arma::accu(loss) / m;
  }
  // log softmax(z)_k = z_k - max(z) - log Σ_j e^(z_j - max(z))
  const arma::rowvec mx = arma::max(ZL, 0);
  const arma::mat shifted = ZL.each_row() - mx;
  const arma::rowvec lse = arma::log(arma::sum(arma::exp(shifted), 0));
  const arma::mat logp = shifted.each_row() - lse;
  return -arma::accu(Y % logp) / m;
}

Grads backward(const Params& params, const Cache& cache, const arma::mat& Y, const Hooks& hooks) {
  require_params(params, "backward()");
  const std::size_t L = params.W.size();
  require(cache.Z.size() == L && cache.A.size() == L + 1 && (cache.mask.empty() || cache.mask.size() == L - 1),
          "backward(): the cache does not come from forward() on these params");
  require_Y(params, cache.A.front(), Y, "backward()");
  require(cache.mask.empty() || static_cast<bool>(hooks.dropout_backward),
          "backward(): the cache has dropout masks but hooks.dropout_backward is empty");
  return backward_unchecked(params, cache, Y, hooks);
}

double cost(const Params& params, const arma::mat& X, const arma::mat& Y, const Hooks& hooks,
            Rng* rng_for_dropout) {
  require_all(params, X, Y, hooks, "cost()");
  return total_cost(params, forward_unchecked(params, X, hooks, rng_for_dropout), Y, hooks);
}

Grads gradients(const Params& params, const arma::mat& X, const arma::mat& Y, const Hooks& hooks,
                Rng* rng_for_dropout) {
  require_all(params, X, Y, hooks, "gradients()");
  return backward_unchecked(params, forward_unchecked(params, X, hooks, rng_for_dropout), Y, hooks);
}

void gradient_descent_step(Params& params, const Grads& grads, double learning_rate) {
  require(std::isfinite(learning_rate) && learning_rate > 0.0,
          str("gradient_descent_step(): learning_rate must be > 0, got ", learning_rate));
  require(grads.dW.size() == params.W.size() && grads.db.size() == params.b.size(),
          "gradient_descent_step(): grads and params have different numbers of layers");
  for (std::size_t l = 0; l < params.W.size(); ++l) {
    require(arma::size(grads.dW[l]) == arma::size(params.W[l]) && arma::size(grads.db[l]) == arma::size(params.b[l]),
            str("gradient_descent_step(): layer ", l, " gradient shape differs from its parameters"));
    params.W[l] -= learning_rate * grads.dW[l];
    params.b[l] -= learning_rate * grads.db[l];
  }
}

History train(Params& params, const arma::mat& X, const arma::mat& Y, const TrainOptions& options,
              const Hooks& hooks, Rng& rng) {
  require_options(params, X, Y, options, hooks);
  const bool has_dev = options.X_dev.n_elem > 0;
  History history;
  for (std::size_t epoch = 0; epoch < options.epochs; ++epoch) {
    EpochReport report{epoch, run_epoch(params, X, Y, options, hooks, rng), has_dev,
                       std::numeric_limits<double>::quiet_NaN()};
    history.train_cost.push_back(report.train_cost);
    if (has_dev) {
      report.dev_cost = cross_entropy(forward_unchecked(params, options.X_dev, Hooks{}, nullptr).Z.back(),
                                      options.Y_dev);
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
  const arma::mat A = forward_unchecked(params, X, Hooks{}, nullptr).A.back();
  if (A.n_rows == 1) return arma::conv_to<arma::urowvec>::from(A > 0.5);
  return arma::conv_to<arma::urowvec>::from(arma::index_max(A, 0));
}

double accuracy(const arma::urowvec& predicted, const arma::urowvec& truth) {
  require(predicted.n_elem > 0 && predicted.n_elem == truth.n_elem,
          str("accuracy(): need two label rows of the same non-zero length, got ", predicted.n_elem, " and ",
              truth.n_elem));
  return static_cast<double>(arma::accu(predicted == truth)) / static_cast<double>(truth.n_elem);
}

double accuracy(const Params& params, const arma::mat& X, const arma::urowvec& truth) {
  return accuracy(predict(params, X), truth);
}

}  // namespace kata
