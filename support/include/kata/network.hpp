// kata::network — the small fully connected network the lessons train (ReLU hidden layers, sigmoid or
// softmax output), written the way the course notes write it (forward with caches, backward, update).
//
//   kata::Rng rng(1);
//   kata::TrainOptions opt;  opt.learning_rate = 0.3;  opt.epochs = 2000;
//   kata::Hooks hooks;       // every hook empty = plain network
//   kata::TrainResult r = kata::fit({2, 20, 3, 1}, X, Y, opt, hooks, rng);
//   arma::urowvec labels = kata::predict(r.params, X_test);
//
// Conventions (DESIGN.md, like the course and mlpack):
//   - examples are columns: X is n_x × m; Y is 1 × m of 0/1 when n_y = 1 (sigmoid output), or
//     K × m one-hot when n_y = K >= 2 (softmax output);
//   - dims = {n_x, n_1, ..., n_y}; L = dims.size() - 1 layers; index l = 0 is layer 1;
//   - W[l] is n_(l+1) × n_l (the notes' W[l] is n_l × n_(l-1)); b[l] is n_(l+1) × 1.
//
// Forward (the notes' notation, layer l = 1 .. L):
//   Z[l] = W[l] A[l-1] + b[l],   A[l] = relu(Z[l]) for l < L,   A[L] = sigmoid(Z[L]) or softmax(Z[L]).
// Cost (mean over the m examples):
//   binary       J = -(1/m) Σ_i [ y log a + (1 - y) log(1 - a) ]      (computed stably from Z[L])
//   multi-class  J = -(1/m) Σ_i Σ_k y_k log softmax(z)_k             (log-sum-exp)
//   plus hooks.penalty(W, m) when set (lesson 03: (λ/2m) Σ ||W[l]||_F²).
// Backward: dZ[L] = (A[L] - Y)/m for both outputs; dW[l] = dZ[l] A[l-1]ᵀ (+ penalty_gradient),
//   db[l] = Σ_columns dZ[l], dA[l-1] = W[l]ᵀ dZ[l], dZ[l-1] = dA[l-1] ⊙ 1[Z[l-1] > 0].
//
// Lessons plug in through Hooks (each std::function optional; empty = off), so the learner's own
// function is the one the network calls. Invalid input throws std::invalid_argument whose message starts
// with the function name, e.g. "train(): learning_rate must be > 0, got -1".
#pragma once

#include <armadillo>
#include <cstddef>
#include <functional>
#include <utility>
#include <vector>

#include "kata/rng.hpp"

namespace kata {

// Weights and biases; index 0 is layer 1. W[l]: n_(l+1) × n_l, b[l]: n_(l+1) × 1.
struct Params {
  std::vector<arma::mat> W;
  std::vector<arma::vec> b;
};

// Gradients of the cost with the same shapes as Params: dW[l] like W[l], db[l] like b[l].
struct Grads {
  std::vector<arma::mat> dW;
  std::vector<arma::vec> db;
};

// What one forward pass keeps for the backward pass.
//   Z[l]    : n_(l+1) × m pre-activation of layer l+1 (L entries);
//   A[l]    : activation entering layer l+1; A[0] = X, A[L] = the output (L + 1 entries);
//             for hidden layers this is the activation AFTER dropout when dropout was applied;
//   mask[l] : the dropout mask of hidden layer l+1 (L - 1 entries), empty when no dropout was applied.
struct Cache {
  std::vector<arma::mat> Z;
  std::vector<arma::mat> A;
  std::vector<arma::mat> mask;
};

// Passed to Hooks::on_epoch after every epoch.
struct EpochReport {
  std::size_t epoch = 0;        // 0-based
  double train_cost = 0.0;      // J on the training set (see History::train_cost)
  bool has_dev = false;         // a dev set was given in TrainOptions
  double dev_cost = 0.0;        // data cost on the dev set (no penalty, no dropout); NaN without one
};

// The lessons' plug-in points. Every member is optional; an empty std::function means "off".
struct Hooks {
  // Lesson 03: added to the data cost. W holds every layer's weights; m = examples in the batch.
  std::function<double(const std::vector<arma::mat>& W, double m)> penalty;
  // Lesson 03: added to each dW[l] (shape of W). Biases are never regularized.
  std::function<arma::mat(const arma::mat& W, double m)> penalty_gradient;
  // Lesson 04: applied to each HIDDEN layer's activation, in training only (never in predict or for the
  // dev cost). Returns {dropped A, mask}; both of A's shape. Set both or neither.
  std::function<std::pair<arma::mat, arma::mat>(const arma::mat& A, Rng& rng)> dropout_forward;
  std::function<arma::mat(const arma::mat& dA, const arma::mat& mask)> dropout_backward;
  // Lesson 06: called after every epoch; return true to stop training (ensmallen's callback shape).
  std::function<bool(const EpochReport& report, const Params& params)> on_epoch;
  // Lesson 09: builds the initial parameters for dims; default initialize_he().
  std::function<Params(const std::vector<arma::uword>& dims, Rng& rng)> initialize;
};

struct TrainOptions {
  double learning_rate = 0.01;   // α > 0
  std::size_t epochs = 100;      // >= 1 passes over the training set
  arma::uword batch_size = 0;    // 0 (or >= m) = full batch gradient descent
  arma::mat X_dev;               // optional dev set (empty = none), n_x × m_dev
  arma::mat Y_dev;               // n_y × m_dev, same label format as Y
};

struct History {
  // Per epoch: the example-weighted mean of the mini-batch costs J (data cost + penalty) computed
  // during that epoch's forward passes, i.e. BEFORE each batch's update and WITH dropout when it is on
  // (what the course's notebooks record; noisier with mini-batches and dropout).
  std::vector<double> train_cost;
  // Per epoch, after the epoch's updates: the data cost on the dev set (no penalty, no dropout).
  // Empty when no dev set was given.
  std::vector<double> dev_cost;
  bool stopped_early = false;    // on_epoch returned true
};

struct TrainResult {
  Params params;
  History history;
};

// dims = {n_x, n_1, ..., n_y} as stored in params. Throws if params are inconsistent.
std::vector<arma::uword> layer_dims(const Params& params);

// He initialization (He et al. 2015; the notes' choice for ReLU): for l = 1 .. L in order,
// W[l] = rng.randn(n_l, n_(l-1)) · sqrt(2 / n_(l-1)), b[l] = 0. Matches numpy's
// np.random.randn(n_l, n_(l-1)) * np.sqrt(2. / n_(l-1)) for the same seed.
// Throws if dims has fewer than 2 entries or a zero entry.
Params initialize_he(const std::vector<arma::uword>& dims, Rng& rng);

// hooks.initialize(dims, rng) when set (its result's shapes are checked), else initialize_he().
Params initialize(const std::vector<arma::uword>& dims, const Hooks& hooks, Rng& rng);

// Forward pass. Dropout (hooks.dropout_forward) is applied to hidden layers only when `rng` is not null
// and the hook is set (pass nullptr for inference). X: n_x × m.
Cache forward(const Params& params, const arma::mat& X, const Hooks& hooks, Rng* rng);

// Output activations A[L] (n_y × m) with no dropout: sigmoid probabilities or softmax columns.
arma::mat predict_proba(const Params& params, const arma::mat& X);

// Cross-entropy from the output layer's pre-activation ZL (n_y × m) and labels Y (same shape), mean
// over m: binary for n_y = 1 via max(z,0) - z y + log(1 + e^-|z|); categorical for n_y >= 2 via
// log-sum-exp. Never log(0): finite for any finite ZL.
double cross_entropy(const arma::mat& ZL, const arma::mat& Y);

// Backward pass from a forward cache (the cache's dropout masks are reused). m = Y.n_cols.
Grads backward(const Params& params, const Cache& cache, const arma::mat& Y, const Hooks& hooks);

// J(params) on (X, Y): cross_entropy + hooks.penalty(W, m). With dropout hooks and a non-null rng every
// call draws a fresh mask (so J is not a fixed function of θ: gradient checking fails, as the notes say);
// with rng == nullptr it is deterministic. These two take Params explicitly for gradient checking.
double cost(const Params& params, const arma::mat& X, const arma::mat& Y, const Hooks& hooks,
            Rng* rng_for_dropout = nullptr);
// ∂J/∂θ from one forward + backward pass (same dropout rule as cost()).
Grads gradients(const Params& params, const arma::mat& X, const arma::mat& Y, const Hooks& hooks,
                Rng* rng_for_dropout = nullptr);

// θ := θ - α dθ for every W[l] and b[l]. Throws if shapes differ or α <= 0.
void gradient_descent_step(Params& params, const Grads& grads, double learning_rate);

// Trains params in place: every epoch draws rng.permutation(m) and runs mini-batches of batch_size
// (the last may be smaller; full batch draws no permutation), then reports to hooks.on_epoch.
History train(Params& params, const arma::mat& X, const arma::mat& Y, const TrainOptions& options,
              const Hooks& hooks, Rng& rng);

// initialize(dims, hooks, rng) followed by train().
TrainResult fit(const std::vector<arma::uword>& dims, const arma::mat& X, const arma::mat& Y,
                const TrainOptions& options, const Hooks& hooks, Rng& rng);

// Labels 1 × m: binary 1 where the sigmoid output > 0.5 (the notes' rule), else the row of the largest
// softmax output. No dropout.
arma::urowvec predict(const Params& params, const arma::mat& X);

// Fraction of equal entries, in [0, 1]. Throws if sizes differ or are 0.
double accuracy(const arma::urowvec& predicted, const arma::urowvec& truth);
// accuracy(predict(params, X), truth).
double accuracy(const Params& params, const arma::mat& X, const arma::urowvec& truth);

}  // namespace kata
