// Lesson 12 — the basic recipe, end to end (the capstone). The contract: the stub next to this file and the
// reference solution both implement exactly these functions.
//
// The recipe calls lessons 01–11 through their contracts (its "toolbox"): stratified_split (01), diagnose
// and basic_recipe (02), l2_penalty and l2_gradient (03), dropout_forward and dropout_backward (04),
// augment (05), EarlyStopping (06), fit_normalizer and transform (07), init::initialize_he (09) and the
// gradient check (11); the experiment also uses activation_scales (08). Which implementation it gets is
// decided when it is built: yours for every lesson whose checks all pass (`./kata check NN` says "done"),
// the reference for the others. `./kata check 12` and `./kata run 12` print which.
//
// Examples are columns (X is n_x × m), labels are 1 × m rows of classes 0 .. K − 1. The network is the
// support network (kata/network.hpp): ReLU hidden layers, one sigmoid output for K = 2, softmax over K
// outputs for K >= 3.
//
// Provided (not part of the exercise): Model, SealedTestSet, targets(), network_dims(). Everything else is
// yours: prepare_data, check_gradients, round_training_set, train_round, decide and run_recipe.
//
// Every function that takes the Rng checks all of its arguments before its first draw: a call that throws
// std::invalid_argument leaves the rng untouched (as in lessons 01, 04, 05 and 09).
#pragma once

#include <armadillo>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "bias_variance.hpp"        // lesson 02: Diagnosis, Action
#include "gradient_checking.hpp"    // lesson 11: Verdict, BlockDifference
#include "input_normalization.hpp"  // lesson 07: Normalizer
#include "kata/dataset.hpp"
#include "kata/network.hpp"
#include "kata/rng.hpp"

namespace kata {

// ---------------------------------------------------------------------------------------------------------
// Provided: the model, the sealed test set, label encoding.

// The network as the recipe sees it: its cost and its gradients, with the signatures of the support
// network's kata::cost() and kata::gradients() (which are the defaults). Every cost and every gradient the
// recipe computes goes through these two members — never kata::cost(), kata::gradients() or kata::train()
// directly — so that a check can hand in a model that records each call (which examples, which hooks) or
// one with a planted bug in its backprop.
using CostFunction = std::function<double(const Params&, const arma::mat& X, const arma::mat& Y, const Hooks&, Rng*)>;
using GradientFunction =
    std::function<Grads(const Params&, const arma::mat& X, const arma::mat& Y, const Hooks&, Rng*)>;

struct Model {
  CostFunction cost = [](const Params& p, const arma::mat& X, const arma::mat& Y, const Hooks& h, Rng* rng) {
    return kata::cost(p, X, Y, h, rng);
  };
  GradientFunction gradients = [](const Params& p, const arma::mat& X, const arma::mat& Y, const Hooks& h,
                                  Rng* rng) { return kata::gradients(p, X, Y, h, rng); };
};

// The test set, sealed. Its examples can be read only through open(), and every call is counted (and
// reported to `on_open`, which checks use to see WHEN it happened). The recipe opens it exactly once, after
// its last training round, to measure the final model: a test error measured on data that influenced any
// decision (a stopping epoch, a round, a hyperparameter) is no longer an unbiased estimate.
class SealedTestSet {
 public:
  struct Contents {
    arma::mat X;      // n_x × m_test raw features (not normalized)
    arma::urowvec y;  // 1 × m_test labels
  };

  SealedTestSet(arma::mat X, arma::urowvec y, std::function<void()> on_open = {})
      : contents_{std::move(X), std::move(y)}, on_open_(std::move(on_open)) {}

  // The examples and labels. Every call is recorded.
  const Contents& open() {
    ++times_opened_;
    if (on_open_) on_open_();
    return contents_;
  }

  std::size_t times_opened() const { return times_opened_; }

 private:
  Contents contents_;
  std::function<void()> on_open_;
  std::size_t times_opened_ = 0;
};

// The network's label format: for K = 2 classes the 1 × m row of 0/1 labels (one sigmoid output); for
// K >= 3 the K × m one-hot matrix (softmax).
inline arma::mat targets(const arma::urowvec& y, arma::uword n_classes) {
  return n_classes == 2 ? arma::conv_to<arma::mat>::from(y) : one_hot(y, n_classes);
}

// The support network's dims for n_x inputs, the given hidden layers and K classes:
// {n_x, hidden..., 1} for K = 2, {n_x, hidden..., K} for K >= 3.
inline std::vector<arma::uword> network_dims(arma::uword n_x, const std::vector<arma::uword>& hidden,
                                             arma::uword n_classes) {
  std::vector<arma::uword> dims{n_x};
  dims.insert(dims.end(), hidden.begin(), hidden.end());
  dims.push_back(n_classes == 2 ? 1 : n_classes);
  return dims;
}

// Augmentation used by the MoreData step on images (lesson 05's augment): each copy is a random rotation
// within ±10 degrees followed by a random shift of at most 1 pixel; no flips (a mirrored 2 is not a 2) and
// no zoom.
inline constexpr double kAugmentMaxDegrees = 10.0;
inline constexpr int kAugmentMaxShift = 1;

// ---------------------------------------------------------------------------------------------------------
// The data the recipe gets, and the knobs it turns.

// A labelled problem, as handed to the recipe. The test set is NOT in here: it comes separately, sealed.
struct Problem {
  arma::mat X;                   // n_x × m raw features of the examples the recipe may use (train and dev)
  arma::urowvec y;               // 1 × m labels, each < n_classes
  arma::uword n_classes = 2;     // K >= 2
  double bayes_error = 0.0;      // the best error any model can reach (human level, or known by construction)
  arma::uword image_height = 0;  // both > 0 when every column is an image (row-major pixels, lesson 05):
  arma::uword image_width = 0;   //   then augmentation is one way to get more data
  arma::mat X_more;              // more labelled examples the recipe may "collect" (the MoreData step):
  arma::urowvec y_more;          //   n_x × m_more and 1 × m_more; empty when there are none
};

// One round's configuration.
struct Config {
  std::vector<arma::uword> hidden{16};  // hidden layer sizes (ReLU): at least one layer, each >= 1 unit
  std::size_t max_epochs = 100;         // >= 1; early stopping usually stops sooner
  double learning_rate = 0.1;           // > 0, finite
  arma::uword batch_size = 32;          // mini-batch size; 0 = full batch
  double lambda = 0.0;                  // L2 strength (lesson 03), finite, >= 0; 0 = off
  double keep_prob = 1.0;               // dropout on the hidden layers (lesson 04), in (0, 1]; 1 = off
  int augment_copies = 0;               // augmented copies of every training image (lesson 05), >= 0
  bool more_data = false;               // Problem::X_more joins the training set
};

// How the recipe runs, and the limits of its steps (see decide()).
struct RecipeSettings {
  Config start;                         // the first round's configuration
  double dev_fraction = 0.25;           // share of Problem::X that becomes the dev set, in (0, 1)
  long long patience = 10;              // early stopping patience (lesson 06), >= 0
  double threshold = 0.02;              // how large a gap is "high" (lesson 02's diagnose()), in (0, 1]
  std::size_t max_rounds = 4;           // >= 1
  arma::uword check_examples = 8;       // the gradient check uses the first k training examples, >= 1
  arma::uword max_hidden_units = 256;   // BiggerNetwork: no hidden layer wider than this, >= 1
  std::size_t max_epochs_limit = 1600;  // TrainLonger: max_epochs never above this, >= 1
  double l2_lambda = 0.1;               // Regularization, first step: this L2 strength, finite, > 0
  double dropout_keep_prob = 0.8;       // Regularization, second step: dropout with this keep_prob, in (0, 1)
  int augment_copies = 2;               // MoreData on images: this many augmented copies, >= 1
};

// ---------------------------------------------------------------------------------------------------------
// Task 1: split and normalize.

// The training and dev sets, normalized with the statistics of the training set alone.
struct PreparedData {
  arma::uvec train_indices;  // columns of Problem::X in the training set (split set 0, in its order)
  arma::uvec dev_indices;    // columns of Problem::X in the dev set (split set 1)
  Normalizer normalizer;     // fit_normalizer() of the TRAINING columns only (one pixel statistic for images)
  arma::mat X_train_raw;     // Problem::X.cols(train_indices), not normalized (augmentation works on pixels)
  arma::mat X_train;         // transform(normalizer, X_train_raw)
  arma::mat X_dev;           // transform(normalizer, Problem::X.cols(dev_indices)): the TRAINING statistics
  arma::urowvec y_train;     // Problem::y.cols(train_indices)
  arma::urowvec y_dev;       // Problem::y.cols(dev_indices)
};

// prepare_data(problem, dev_fraction, rng): the split (lesson 01) and the normalization (lesson 07).
//   split      = stratified_split(problem.X, problem.y, {1 − dev_fraction, dev_fraction}, rng): set 0 is the
//                training set, set 1 the dev set (one permutation drawn, nothing else)
//   normalizer = fit_normalizer(training columns)   — never the dev columns, never all of problem.X
//                For an image problem (image_height and image_width > 0) the pixels share one statistic,
//                like the channels of an image: fit_normalizer(every training pixel as ONE feature, i.e.
//                arma::vectorise(training columns).t()), whose mu(0) and sigma(0) are repeated for every
//                pixel (per-pixel statistics would divide by the tiny spread of a pixel that is almost
//                never inked, and turn a shifted stroke into z-scores of 100).
//   X_train, X_dev = transform(normalizer, ...)    — the same statistics for both
// Throws std::invalid_argument ("prepare_data(): ...") for a bad problem: X empty (no rows or no columns)
// or with a NaN/Inf entry, y's length != X's columns, n_classes < 2, a label >= n_classes; and for a
// dev_fraction not in (0, 1) (NaN included).
PreparedData prepare_data(const Problem& problem, double dev_fraction, Rng& rng);

// ---------------------------------------------------------------------------------------------------------
// Task 2: the gradient check before training.

// What the gradient check found (lesson 11).
struct GradientCheck {
  double difference = 0.0;              // relative_difference(approx, dtheta)
  Verdict verdict = Verdict::great;     // verdict(difference)
  std::vector<BlockDifference> blocks;  // worst_parameters(approx, dtheta, layout): worst block first
};

// check_gradients(model, params, X, Y, lambda): lesson 11's check of model.gradients against model.cost at
// `params`, on the examples X (n_x × k) with targets Y (n_y × k), with L2 in BOTH sides and dropout off:
//   hooks.penalty(W, m)          = l2_penalty(W, lambda, m)     (lesson 03; m arrives as a double)
//   hooks.penalty_gradient(W, m) = l2_gradient(W, lambda, m)
//   (no dropout hooks: dropout draws a new mask for every evaluation of J, and the check becomes meaningless)
//   layout = named_blocks(params), θ = params_to_vector(layout),
//   J(θ)   = model.cost(params_from_blocks(vector_to_params(θ, layout)), X, Y, hooks, nullptr)
//   dθ     = gradients_to_vector(named_blocks(model.gradients(params, X, Y, hooks, nullptr)), layout)
//   approx = approximate_gradient(J, θ, 1e-7)
// and returns {relative_difference(approx, dθ), its verdict(), worst_parameters(approx, dθ, layout)}.
// model.gradients is called once, model.cost 2n times (n = number of parameters); rng is always nullptr.
// Throws std::invalid_argument ("check_gradients(): ...") for lambda < 0 or not finite, an X with no
// columns or with a row count other than the network's n_x, or a Y that is not n_y × (X's columns).
GradientCheck check_gradients(const Model& model, const Params& params, const arma::mat& X, const arma::mat& Y,
                              double lambda);

// ---------------------------------------------------------------------------------------------------------
// Task 3: each round's training set.

// Examples and labels (normalized features, unless said otherwise).
struct LabelledSet {
  arma::mat X;
  arma::urowvec y;
  arma::uword augmented = 0;  // the LAST `augmented` columns are augmented copies (training sets only)
};

// round_training_set(data, problem, config, rng): the examples one round trains on.
//   1. the raw training columns data.X_train_raw with data.y_train;
//   2. if config.more_data: problem.X_more with problem.y_more appended after them (columns, in order);
//   3. if config.augment_copies > 0: augment(those, their labels, image_height, image_width, policy, rng)
//      (lesson 05) with policy {copies = config.augment_copies, flip = false, zoom_crop = 0,
//      max_degrees = kAugmentMaxDegrees, max_shift = kAugmentMaxShift};
//   4. X = transform(data.normalizer, the result): the statistics of the original training split, not
//      refitted on the extra or augmented examples; augmented = the number of augmented copies (augment()
//      puts them after the real examples), 0 without augmentation.
// Draws from rng only what augment() draws (nothing when augment_copies = 0). The dev set is never
// augmented and never gets the extra examples: it must measure the task as it is.
// Throws std::invalid_argument ("round_training_set(): ...") for augment_copies < 0; augment_copies > 0
// when the problem has no image shape (image_height or image_width 0) or image_height · image_width differs
// from the number of features; more_data when problem.X_more is empty, has another number of features than
// problem.X, has another number of columns than y_more has labels, or has a label >= n_classes.
LabelledSet round_training_set(const PreparedData& data, const Problem& problem, const Config& config, Rng& rng);

// ---------------------------------------------------------------------------------------------------------
// Task 4: one round of training.

// What one round of training produced.
struct RoundResult {
  Params params;                   // the parameters of the best epoch (early stopping restores them)
  std::vector<double> train_cost;  // per epoch run: the data cost on the training set after that epoch
  std::vector<double> dev_cost;    // per epoch run: the data cost on the dev set after that epoch
  long long best_epoch = -1;       // the epoch (0-based) whose parameters `params` are
  bool stopped_early = false;      // the monitor said stop before max_epochs
  double train_error = 0.0;        // 1 − accuracy of `params` on the round's REAL training examples
  double dev_error = 0.0;          // 1 − accuracy of `params` on the dev set
};

// train_round(model, config, initial, train, dev, n_classes, patience, rng): one training run.
//   hooks: if config.lambda > 0, penalty and penalty_gradient as in check_gradients() (lesson 03);
//          if config.keep_prob < 1, dropout_forward(A, rng) = {output, mask} of dropout_forward(A, keep_prob,
//          rng) and dropout_backward(dA, mask) = dropout_backward(dA, mask, keep_prob) (lesson 04).
//   Y = targets(train.y, n_classes), Y_dev = targets(dev.y, n_classes); params = initial;
//   monitor = EarlyStopping(patience) (lesson 06, min_delta 0).
//   For epoch = 0, 1, ..., config.max_epochs − 1:
//     batches: when batch_size is 0 or >= m (train's columns), one batch of all columns in order, drawing
//              nothing; otherwise p = rng.permutation(m) and batches p[0 .. b−1], p[b .. 2b−1], ... (the
//              last one may be smaller);
//     for each batch:  grads = model.gradients(params, X_batch, Y_batch, hooks, &rng);
//                      gradient_descent_step(params, grads, config.learning_rate);
//     then train_cost.push_back(model.cost(params, train.X, Y, Hooks{}, nullptr)) and
//          dev_cost.push_back(model.cost(params, dev.X, Y_dev, Hooks{}, nullptr))    (data costs only);
//     if monitor.update(epoch, dev cost, params as a list of matrices): stopped_early = true; stop.
//   params = the monitor's best parameters, best_epoch = its best_epoch(); then train_error and dev_error
//   from kata::accuracy() of params on the real training examples (train without its last train.augmented
//   columns: an augmented copy is a regularizer's invention, the training error is about the task's
//   examples) and on dev.
// The dev set is only ever LOOKED AT (costs, errors): it never enters a gradient step.
// Throws std::invalid_argument ("train_round(): ...") for a bad config (max_epochs 0; learning_rate <= 0 or
// not finite; lambda < 0 or not finite; keep_prob not in (0, 1]), patience < 0, n_classes < 2, an empty
// train or dev set, a set whose row count differs from initial's n_x or whose labels are not one per
// column or not all < n_classes, a training set with no real example (augmented >= its columns), a dev set
// with augmented copies (augmented > 0), initial params with no layers, or initial params whose output size
// does not fit n_classes.
// Throws std::runtime_error ("train_round(): ...") when no epoch improved at all (every dev cost NaN:
// training diverged; a smaller learning_rate helps).
RoundResult train_round(const Model& model, const Config& config, const Params& initial, const LabelledSet& train,
                        const LabelledSet& dev, arma::uword n_classes, long long patience, Rng& rng);

// ---------------------------------------------------------------------------------------------------------
// Task 5: the decision after a round.

// What the recipe concluded after a round, and what it does next.
struct Decision {
  Diagnosis diagnosis;         // diagnose(train_error, dev_error, problem.bayes_error, settings.threshold)
  std::vector<Action> recipe;  // basic_recipe(diagnosis)
  Action action = Action::Done;  // the step taken (see decide())
  Config next;                 // the next round's configuration; == current for Done and NewArchitecture
};

// decide(train_error, dev_error, current, problem, settings): lesson 02's diagnosis and basic recipe, turned
// into one concrete step. If the recipe is {Done}, the action is Done. Otherwise the recipe's steps are
// tried IN ITS ORDER (bias first) and the first one that can still be taken is taken:
//   BiggerNetwork    every hidden layer doubles its units, if the widest stays <= settings.max_hidden_units
//   TrainLonger      max_epochs doubles, if it stays <= settings.max_epochs_limit
//   NewArchitecture  never taken here: that needs a person (it is skipped)
//   MoreData         more_data = true, if it is false and problem.X_more has columns; else, for an image
//                    problem (image_height and image_width > 0), augment_copies = settings.augment_copies if
//                    it is 0
//   Regularization   lambda = settings.l2_lambda, if lambda is 0; else keep_prob =
//                    settings.dropout_keep_prob, if keep_prob is 1
// Nothing else in the configuration changes. When no step can be taken, the action is NewArchitecture
// (the recipe has run out of steps) and next == current.
// Throws std::invalid_argument ("decide(): ...") when train_error or dev_error is not in [0, 1] (NaN
// included), problem.bayes_error is not in [0, 1), or settings.threshold is not in (0, 1].
Decision decide(double train_error, double dev_error, const Config& current, const Problem& problem,
                const RecipeSettings& settings);

// ---------------------------------------------------------------------------------------------------------
// Task 6: the whole recipe.

// Which data a step read.
enum class Split { train, dev, test };

// One line of the trace.
struct TraceStep {
  std::string step;      // see run_recipe()
  Split data;            // which data it read
  arma::uword examples;  // how many examples
};

// One round of the recipe.
struct Round {
  Config config;       // what was trained
  RoundResult result;  // how it went
  Decision decision;   // what the recipe concluded
};

// Everything the recipe did, for the report a learner keeps.
struct RecipeReport {
  arma::uvec train_indices, dev_indices;  // from prepare_data()
  Normalizer normalizer;                  // from prepare_data(): the training set's statistics
  GradientCheck gradient_check;           // of the first round's initial network
  bool trained = false;                   // false: the gradient check said "worry", nothing was trained
  std::vector<Round> rounds;
  std::size_t final_round = 0;            // index into rounds of the model measured on the test set
  double test_error = 0.0;                // its error on the test set (NaN when not trained)
  arma::umat confusion;                   // K × K, confusion(true class, predicted class) on the test set
                                          // (empty when not trained)
  std::vector<TraceStep> trace;
};

// run_recipe(problem, test, settings, seed, model): the basic recipe for machine learning, end to end.
//   rng = Rng(seed); every draw below comes from it, in this order.
//   1. data = prepare_data(problem, settings.dev_fraction, rng).
//   2. config = settings.start; initial = init::initialize_he(network_dims(n_x, config.hidden, K), rng)
//      (lesson 09).
//   3. check = check_gradients(model, initial, first k columns of data.X_train, their targets,
//      config.lambda), k = min(settings.check_examples, training examples). If its verdict is worry: stop
//      here — trained = false, no rounds, test_error NaN, the test set stays sealed. ("look closer"
//      continues.)
//   4. For round r = 1 .. settings.max_rounds: (from round 2 on, initial = init::initialize_he(dims of
//      config, rng) first: every round, also when the network did not grow)
//        train = round_training_set(data, problem, config, rng);
//        result = train_round(model, config, initial, train, {data.X_dev, data.y_dev}, K, settings.patience, rng);
//        decision = decide(result.train_error, result.dev_error, config, problem, settings);
//        rounds.push_back({config, result, decision});
//        stop if decision.action is Done or NewArchitecture; else config = decision.next.
//   5. final_round = the round with the lowest dev error (the earliest of equal ones): chosen on dev,
//      never on test.
//   6. Now, and only now, test.open() (once): test_error = 1 − accuracy of the final round's params on
//      transform(data.normalizer, test X); confusion(y, predicted) counts every test example once.
//   trace, in this order: {"normalize", train, m_train}, {"gradient check", train, k}, then per round r
//   {"round r: gradient steps", train, that round's training examples} and {"round r: early stopping", dev,
//   m_dev}, and last {"test", test, m_test} (not when the check said worry).
// Throws std::invalid_argument ("run_recipe(): ...") before anything else happens (before the first draw)
// for: the bad problems of prepare_data(); a bayes_error not in [0, 1); in settings.start, hidden empty or
// with a 0, augment_copies < 0, or the bad configs of train_round(); and settings with dev_fraction not in
// (0, 1), patience < 0, threshold not in (0, 1], max_rounds 0, check_examples 0, max_hidden_units 0,
// max_epochs_limit 0, l2_lambda <= 0 or not finite, dropout_keep_prob not in (0, 1), augment_copies < 1.
// (Whether the problem allows the start's augmentation or extra data is round_training_set()'s to say.)
RecipeReport run_recipe(const Problem& problem, SealedTestSet& test, const RecipeSettings& settings,
                        std::uint32_t seed, const Model& model = {});

}  // namespace kata
