// Lesson 12 — reference solution.
#include "ml_recipe.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "data_augmentation.hpp"
#include "dropout.hpp"
#include "early_stopping.hpp"
#include "kata/errors.hpp"
#include "l2_regularization.hpp"
#include "train_dev_test.hpp"
#include "weight_initialization.hpp"

namespace kata {
namespace {

// ---- validation, shared so that every message starts with the name of the function called ----

void check_problem(const char* fn, const Problem& p) {
  require(p.X.n_rows > 0 && p.X.n_cols > 0,
          str(fn, ": problem.X must not be empty, got ", p.X.n_rows, " x ", p.X.n_cols));
  require(p.X.is_finite(), str(fn, ": problem.X must be finite (a NaN or Inf feature)"));
  require(p.y.n_elem == p.X.n_cols, str(fn, ": problem.y has ", p.y.n_elem, " labels for ", p.X.n_cols, " examples"));
  require(p.n_classes >= 2, str(fn, ": n_classes must be >= 2, got ", p.n_classes));
  require(p.y.max() < p.n_classes, str(fn, ": label ", p.y.max(), " is not below n_classes = ", p.n_classes));
}

void check_fraction(const char* fn, double dev_fraction) {
  require(dev_fraction > 0.0 && dev_fraction < 1.0, str(fn, ": dev_fraction must be in (0, 1), got ", dev_fraction));
}

bool finite_nonnegative(double x) { return std::isfinite(x) && x >= 0.0; }

void check_config(const char* fn, const Config& c) {
  require(c.max_epochs >= 1, str(fn, ": max_epochs must be >= 1, got 0"));
  require(std::isfinite(c.learning_rate) && c.learning_rate > 0.0,
          str(fn, ": learning_rate must be finite and > 0, got ", c.learning_rate));
  require(finite_nonnegative(c.lambda), str(fn, ": lambda must be finite and >= 0, got ", c.lambda));
  require(c.keep_prob > 0.0 && c.keep_prob <= 1.0, str(fn, ": keep_prob must be in (0, 1], got ", c.keep_prob));
}

void check_set(const char* fn, const char* name, const LabelledSet& s, arma::uword n_x, arma::uword n_classes) {
  require(s.X.n_cols > 0, str(fn, ": the ", name, " set is empty"));
  require(s.X.n_rows == n_x, str(fn, ": the ", name, " set has ", s.X.n_rows, " features, the network expects ", n_x));
  require(s.y.n_elem == s.X.n_cols,
          str(fn, ": the ", name, " set has ", s.y.n_elem, " labels for ", s.X.n_cols, " examples"));
  require(s.y.max() < n_classes, str(fn, ": a ", name, " label is ", s.y.max(), ", not below n_classes = ", n_classes));
  require(s.augmented < s.X.n_cols, str(fn, ": the ", name, " set has ", s.augmented, " augmented copies among ",
                                        s.X.n_cols, " examples: no real one"));
}

void check_settings(const char* fn, const RecipeSettings& s) {
  check_fraction(fn, s.dev_fraction);
  require(s.patience >= 0, str(fn, ": patience must be >= 0, got ", s.patience));
  require(s.threshold > 0.0 && s.threshold <= 1.0, str(fn, ": threshold must be in (0, 1], got ", s.threshold));
  require(s.max_rounds >= 1, str(fn, ": max_rounds must be >= 1, got 0"));
  require(s.check_examples >= 1, str(fn, ": check_examples must be >= 1, got 0"));
  require(s.max_hidden_units >= 1, str(fn, ": max_hidden_units must be >= 1, got 0"));
  require(s.max_epochs_limit >= 1, str(fn, ": max_epochs_limit must be >= 1, got 0"));
  require(std::isfinite(s.l2_lambda) && s.l2_lambda > 0.0,
          str(fn, ": l2_lambda must be finite and > 0, got ", s.l2_lambda));
  require(s.dropout_keep_prob > 0.0 && s.dropout_keep_prob < 1.0,
          str(fn, ": dropout_keep_prob must be in (0, 1), got ", s.dropout_keep_prob));
  require(s.augment_copies >= 1, str(fn, ": augment_copies must be >= 1, got ", s.augment_copies));
  require(!s.start.hidden.empty(), str(fn, ": start.hidden must name at least one hidden layer"));
  for (const arma::uword units : s.start.hidden) require(units >= 1, str(fn, ": start.hidden has a layer of 0 units"));
  require(s.start.augment_copies >= 0, str(fn, ": start.augment_copies must be >= 0, got ", s.start.augment_copies));
  check_config(fn, s.start);
}

void check_bayes(const char* fn, double bayes_error) {
  require(bayes_error >= 0.0 && bayes_error < 1.0, str(fn, ": bayes_error must be in [0, 1), got ", bayes_error));
}

// ---- the hooks that plug lessons 03 and 04 into the network ----

void add_l2(Hooks& hooks, double lambda) {
  hooks.penalty = [lambda](const std::vector<arma::mat>& W, double m) {
    return l2_penalty(W, lambda, static_cast<arma::uword>(m));
  };
  hooks.penalty_gradient = [lambda](const arma::mat& W, double m) {
    return l2_gradient(W, lambda, static_cast<arma::uword>(m));
  };
}

void add_dropout(Hooks& hooks, double keep_prob) {
  hooks.dropout_forward = [keep_prob](const arma::mat& A, Rng& rng) {
    DropoutResult r = dropout_forward(A, keep_prob, rng);
    return std::make_pair(std::move(r.output), std::move(r.mask));
  };
  hooks.dropout_backward = [keep_prob](const arma::mat& dA, const arma::mat& mask) {
    return dropout_backward(dA, mask, keep_prob);
  };
}

// The early-stopping monitor keeps a plain list of matrices: W[0], b[0], W[1], b[1], ...
ParamList to_list(const Params& p) {
  ParamList list;
  for (std::size_t l = 0; l < p.W.size(); ++l) {
    list.push_back(p.W[l]);
    list.push_back(p.b[l]);
  }
  return list;
}

Params from_list(const ParamList& list) {
  Params p;
  for (std::size_t k = 0; k < list.size(); k += 2) {
    p.W.push_back(list[k]);
    p.b.push_back(arma::vec(list[k + 1]));
  }
  return p;
}

// One epoch of mini-batch gradient descent, every gradient through the model.
void run_epoch(const Model& model, const Config& c, const Hooks& hooks, Params& params, const arma::mat& X,
               const arma::mat& Y, Rng& rng) {
  const arma::uword m = X.n_cols;
  if (c.batch_size == 0 || c.batch_size >= m) {
    gradient_descent_step(params, model.gradients(params, X, Y, hooks, &rng), c.learning_rate);
    return;
  }
  const arma::uvec order = rng.permutation(m);
  for (arma::uword start = 0; start < m; start += c.batch_size) {
    const arma::uvec batch = order.subvec(start, std::min(start + c.batch_size, m) - 1);
    gradient_descent_step(params, model.gradients(params, X.cols(batch), Y.cols(batch), hooks, &rng), c.learning_rate);
  }
}

double error_rate(const Params& params, const arma::mat& X, const arma::urowvec& y) {
  return 1.0 - accuracy(params, X, y);
}

}  // namespace

PreparedData prepare_data(const Problem& problem, double dev_fraction, Rng& rng) {
  check_problem("prepare_data()", problem);
  check_fraction("prepare_data()", dev_fraction);
  const DataSplit split = stratified_split(problem.X, problem.y, {1.0 - dev_fraction, dev_fraction}, rng);
  PreparedData d;
  d.train_indices = split.indices[0];
  d.dev_indices = split.indices[1];
  // Statistics of the training set alone: dev (and test) are transformed with them, never refitted.
  if (problem.image_height > 0 && problem.image_width > 0) {
    const Normalizer pixel = fit_normalizer(arma::vectorise(split.X[0]).t());
    d.normalizer.mu = arma::vec(split.X[0].n_rows).fill(pixel.mu(0));
    d.normalizer.sigma = arma::vec(split.X[0].n_rows).fill(pixel.sigma(0));
  } else {
    d.normalizer = fit_normalizer(split.X[0]);
  }
  d.X_train_raw = split.X[0];
  d.X_train = transform(d.normalizer, split.X[0]);
  d.X_dev = transform(d.normalizer, split.X[1]);
  d.y_train = split.y[0];
  d.y_dev = split.y[1];
  return d;
}

GradientCheck check_gradients(const Model& model, const Params& params, const arma::mat& X, const arma::mat& Y,
                              double lambda) {
  require(finite_nonnegative(lambda), str("check_gradients(): lambda must be finite and >= 0, got ", lambda));
  const std::vector<arma::uword> dims = layer_dims(params);
  require(X.n_cols > 0 && X.n_rows == dims.front(),
          str("check_gradients(): X must be ", dims.front(), " x k with k >= 1, got ", X.n_rows, " x ", X.n_cols));
  require(Y.n_rows == dims.back() && Y.n_cols == X.n_cols,
          str("check_gradients(): Y must be ", dims.back(), " x ", X.n_cols, ", got ", Y.n_rows, " x ", Y.n_cols));
  // L2 in both J and dθ; dropout off (a fresh mask per evaluation of J would make J random).
  Hooks hooks;
  add_l2(hooks, lambda);
  const std::vector<NamedBlock> layout = named_blocks(params);
  const CostOfTheta J = [&](const arma::vec& theta) {
    return model.cost(params_from_blocks(vector_to_params(theta, layout)), X, Y, hooks, nullptr);
  };
  arma::vec theta = params_to_vector(layout);
  const arma::vec dtheta = gradients_to_vector(named_blocks(model.gradients(params, X, Y, hooks, nullptr)), layout);
  const arma::vec approx = approximate_gradient(J, theta, 1e-7);
  GradientCheck check;
  check.difference = relative_difference(approx, dtheta);
  check.verdict = verdict(check.difference);
  check.blocks = worst_parameters(approx, dtheta, layout);
  return check;
}

LabelledSet round_training_set(const PreparedData& data, const Problem& problem, const Config& config, Rng& rng) {
  const char* fn = "round_training_set()";
  require(config.augment_copies >= 0, str(fn, ": augment_copies must be >= 0, got ", config.augment_copies));
  if (config.augment_copies > 0)
    require(problem.image_height > 0 && problem.image_width > 0 &&
                problem.image_height * problem.image_width == data.X_train_raw.n_rows,
            str(fn, ": augmentation needs images: image_height x image_width = ", problem.image_height, " x ",
                problem.image_width, " for ", data.X_train_raw.n_rows, " features"));
  arma::mat X = data.X_train_raw;
  arma::urowvec y = data.y_train;
  if (config.more_data) {
    require(problem.X_more.n_cols > 0, str(fn, ": more_data, but problem.X_more holds no examples"));
    require(problem.X_more.n_rows == X.n_rows,
            str(fn, ": problem.X_more has ", problem.X_more.n_rows, " features, problem.X has ", X.n_rows));
    require(problem.y_more.n_elem == problem.X_more.n_cols, str(fn, ": problem.y_more has ", problem.y_more.n_elem,
                                                                " labels for ", problem.X_more.n_cols, " examples"));
    require(
        problem.y_more.max() < problem.n_classes,
        str(fn, ": label ", problem.y_more.max(), " in problem.y_more is not below n_classes = ", problem.n_classes));
    X = arma::join_rows(X, problem.X_more);
    y = arma::join_rows(y, problem.y_more);
  }
  if (config.augment_copies > 0) {
    AugmentPolicy policy;
    policy.copies = config.augment_copies;
    policy.max_degrees = kAugmentMaxDegrees;
    policy.max_shift = kAugmentMaxShift;
    const arma::uword real = X.n_cols;
    AugmentedSet a = augment(X, y, problem.image_height, problem.image_width, policy, rng);
    // The training split's statistics, not refitted on the extra or augmented examples.
    return {transform(data.normalizer, a.X), a.y, a.X.n_cols - real};
  }
  return {transform(data.normalizer, X), y};
}

RoundResult train_round(const Model& model, const Config& config, const Params& initial, const LabelledSet& train,
                        const LabelledSet& dev, arma::uword n_classes, long long patience, Rng& rng) {
  const char* fn = "train_round()";
  check_config(fn, config);
  require(patience >= 0, str(fn, ": patience must be >= 0, got ", patience));
  require(n_classes >= 2, str(fn, ": n_classes must be >= 2, got ", n_classes));
  require(!initial.W.empty(), str(fn, ": initial params have no layers"));
  const std::vector<arma::uword> dims = layer_dims(initial);
  require(dims.back() == (n_classes == 2 ? 1 : n_classes),
          str(fn, ": the network has ", dims.back(), " outputs, ", n_classes, " classes need ",
              n_classes == 2 ? 1 : n_classes));
  check_set(fn, "training", train, dims.front(), n_classes);
  check_set(fn, "dev", dev, dims.front(), n_classes);
  require(dev.augmented == 0,
          str(fn, ": the dev set has ", dev.augmented, " augmented copies: it must measure real examples"));

  Hooks hooks;
  if (config.lambda > 0.0) add_l2(hooks, config.lambda);
  if (config.keep_prob < 1.0) add_dropout(hooks, config.keep_prob);
  const arma::mat Y = targets(train.y, n_classes), Y_dev = targets(dev.y, n_classes);
  EarlyStopping monitor(patience);
  RoundResult r;
  Params params = initial;
  for (std::size_t epoch = 0; epoch < config.max_epochs; ++epoch) {
    run_epoch(model, config, hooks, params, train.X, Y, rng);
    // Data costs only (no penalty, no dropout): the dev set is looked at, never trained on.
    r.train_cost.push_back(model.cost(params, train.X, Y, Hooks{}, nullptr));
    r.dev_cost.push_back(model.cost(params, dev.X, Y_dev, Hooks{}, nullptr));
    if (monitor.update(static_cast<long long>(epoch), r.dev_cost.back(), to_list(params))) {
      r.stopped_early = true;
      break;
    }
  }
  if (monitor.best_epoch() < 0)
    throw std::runtime_error(
        "train_round(): no epoch improved the dev cost (every one was NaN or infinite): training "
        "diverged; try a smaller learning_rate");
  r.params = from_list(monitor.best_params());
  r.best_epoch = monitor.best_epoch();
  // The training error of the task's examples: augmented copies (the last train.augmented columns) left out.
  const arma::uword real = train.X.n_cols - train.augmented;
  r.train_error = error_rate(r.params, train.X.head_cols(real), train.y.head(real));
  r.dev_error = error_rate(r.params, dev.X, dev.y);
  return r;
}

Decision decide(double train_error, double dev_error, const Config& current, const Problem& problem,
                const RecipeSettings& settings) {
  const char* fn = "decide()";
  for (const double e : {train_error, dev_error})
    require(e >= 0.0 && e <= 1.0, str(fn, ": errors must be in [0, 1], got train ", train_error, ", dev ", dev_error));
  check_bayes(fn, problem.bayes_error);
  require(settings.threshold > 0.0 && settings.threshold <= 1.0,
          str(fn, ": threshold must be in (0, 1], got ", settings.threshold));
  Decision d;
  d.diagnosis = diagnose(train_error, dev_error, problem.bayes_error, settings.threshold);
  d.recipe = basic_recipe(d.diagnosis);
  d.next = current;
  if (d.recipe.front() == Action::Done) return d;  // d.action is Done
  const bool images = problem.image_height > 0 && problem.image_width > 0;
  for (const Action step : d.recipe) {
    Config& n = d.next;
    bool taken = false;
    switch (step) {
      case Action::BiggerNetwork:
        if (2 * *std::max_element(n.hidden.begin(), n.hidden.end()) <= settings.max_hidden_units) {
          for (arma::uword& units : n.hidden) units *= 2;
          taken = true;
        }
        break;
      case Action::TrainLonger:
        if (2 * n.max_epochs <= settings.max_epochs_limit) {
          n.max_epochs *= 2;
          taken = true;
        }
        break;
      case Action::MoreData:
        if (!n.more_data && problem.X_more.n_cols > 0) {
          n.more_data = true;
          taken = true;
        } else if (images && n.augment_copies == 0) {
          n.augment_copies = settings.augment_copies;
          taken = true;
        }
        break;
      case Action::Regularization:
        if (n.lambda == 0.0) {
          n.lambda = settings.l2_lambda;
          taken = true;
        } else if (n.keep_prob == 1.0) {
          n.keep_prob = settings.dropout_keep_prob;
          taken = true;
        }
        break;
      default:  // NewArchitecture needs a person; Done does not occur next to other steps
        break;
    }
    if (taken) {
      d.action = step;
      return d;
    }
  }
  d.action = Action::NewArchitecture;  // the recipe has run out of steps
  return d;
}

RecipeReport run_recipe(const Problem& problem, SealedTestSet& test, const RecipeSettings& settings, std::uint32_t seed,
                        const Model& model) {
  const char* fn = "run_recipe()";
  check_problem(fn, problem);
  check_bayes(fn, problem.bayes_error);
  check_settings(fn, settings);

  Rng rng(seed);
  RecipeReport report;
  const PreparedData data = prepare_data(problem, settings.dev_fraction, rng);
  report.train_indices = data.train_indices;
  report.dev_indices = data.dev_indices;
  report.normalizer = data.normalizer;
  const arma::uword K = problem.n_classes, n_x = problem.X.n_rows, m_dev = data.X_dev.n_cols;
  report.trace.push_back({"normalize", Split::train, data.X_train.n_cols});

  Config config = settings.start;
  Params initial = init::initialize_he(network_dims(n_x, config.hidden, K), rng);
  const arma::uword k = std::min<arma::uword>(settings.check_examples, data.X_train.n_cols);
  report.gradient_check = check_gradients(model, initial, data.X_train.cols(0, k - 1),
                                          targets(data.y_train.cols(0, k - 1), K), config.lambda);
  report.trace.push_back({"gradient check", Split::train, k});
  if (report.gradient_check.verdict == Verdict::worry) {
    // Backprop disagrees with the cost: whatever training did would mean nothing. The test set stays sealed.
    report.test_error = std::numeric_limits<double>::quiet_NaN();
    return report;
  }
  report.trained = true;

  const LabelledSet dev{data.X_dev, data.y_dev};
  for (std::size_t r = 1; r <= settings.max_rounds; ++r) {
    if (r > 1) initial = init::initialize_he(network_dims(n_x, config.hidden, K), rng);
    const LabelledSet train = round_training_set(data, problem, config, rng);
    Round round{config, train_round(model, config, initial, train, dev, K, settings.patience, rng), {}};
    round.decision = decide(round.result.train_error, round.result.dev_error, config, problem, settings);
    const std::string name = "round " + std::to_string(r);
    report.trace.push_back({name + ": gradient steps", Split::train, train.X.n_cols});
    report.trace.push_back({name + ": early stopping", Split::dev, m_dev});
    report.rounds.push_back(round);
    if (round.decision.action == Action::Done || round.decision.action == Action::NewArchitecture) break;
    config = round.decision.next;
  }

  // The final model is chosen on dev. Only then is the test set opened, once.
  for (std::size_t r = 1; r < report.rounds.size(); ++r)
    if (report.rounds[r].result.dev_error < report.rounds[report.final_round].result.dev_error) report.final_round = r;
  const SealedTestSet::Contents& t = test.open();
  const Params& final_params = report.rounds[report.final_round].result.params;
  const arma::urowvec predicted = predict(final_params, transform(data.normalizer, t.X));
  report.test_error = 1.0 - accuracy(predicted, t.y);
  report.confusion.zeros(K, K);
  for (arma::uword i = 0; i < t.y.n_elem; ++i) ++report.confusion(t.y(i), predicted(i));
  report.trace.push_back({"test", Split::test, t.X.n_cols});
  return report;
}

}  // namespace kata
