// Experiment 03: the support network [2, 20, 3, 1] on two noisy interleaved moons, without
// regularization, with L2 (λ = 0.7, the course notebook's value) and with L1, all through the network's
// hooks calling the lesson's functions. Accuracy, weight norms, sparsity, decision boundaries, a λ sweep.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>

#include "kata/experiment.hpp"
#include "kata/network.hpp"
#include "kata/plot.hpp"
#include "l2_regularization.hpp"

namespace {

const std::vector<arma::uword> dims{2, 20, 3, 1};
constexpr double learning_rate = 0.3;
constexpr std::size_t epochs = 8000;

// Two interleaved half circles ("moons"), labels alternating 0/1, Gaussian noise of std `noise` on
// each coordinate: class 0 on (cos t, sin t), class 1 on (1 − cos t, 0.5 − sin t), t ~ U(0, π).
void moons(kata::Rng& rng, arma::uword m, double noise, arma::mat& X, arma::urowvec& y) {
  X.set_size(2, m);
  y.set_size(m);
  for (arma::uword i = 0; i < m; ++i) {
    const double t = arma::datum::pi * rng.rand();
    y(i) = i % 2;
    X(0, i) = y(i) == 0 ? std::cos(t) : 1.0 - std::cos(t);
    X(1, i) = y(i) == 0 ? std::sin(t) : 0.5 - std::sin(t);
  }
  X += noise * rng.randn(2, m);
}

enum class Penalty { none, l2, l1 };

kata::Hooks hooks_for(Penalty kind, double lambda) {
  kata::Hooks h;
  const auto count = [](double m) { return static_cast<arma::uword>(m); };
  if (kind == Penalty::l2) {
    h.penalty = [=](const std::vector<arma::mat>& W, double m) {
      return kata::l2_penalty(W, lambda, count(m));
    };
    h.penalty_gradient = [=](const arma::mat& W, double m) { return kata::l2_gradient(W, lambda, count(m)); };
  } else if (kind == Penalty::l1) {
    h.penalty = [=](const std::vector<arma::mat>& W, double m) {
      return kata::l1_penalty(W, lambda, count(m));
    };
    h.penalty_gradient = [=](const arma::mat& W, double m) {
      return kata::l1_subgradient(W, lambda, count(m));
    };
  }
  return h;
}

struct Data {
  arma::mat X, X_test;
  arma::urowvec y, y_test;
  arma::mat Y() const { return arma::conv_to<arma::mat>::from(y); }
};

struct Run {
  std::string name;
  kata::TrainResult result;
  double train_acc, test_acc;
};

Run train(const Data& d, const std::string& name, Penalty kind, double lambda, kata::Progress& progress) {
  kata::Rng rng(3);  // the same initial weights for every run
  kata::TrainOptions opt;
  opt.learning_rate = learning_rate;
  opt.epochs = epochs;
  Run r{name, kata::fit(dims, d.X, d.Y(), opt, kata::counting_epochs(hooks_for(kind, lambda), progress), rng), 0.0,
        0.0};
  r.train_acc = kata::accuracy(r.result.params, d.X, d.y);
  r.test_acc = kata::accuracy(r.result.params, d.X_test, d.y_test);
  return r;
}

double near_zero_fraction(const kata::Params& p) {
  double near = 0.0, total = 0.0;
  for (const arma::mat& W : p.W) {
    near += static_cast<double>(arma::accu(arma::abs(W) < 1e-3));
    total += static_cast<double>(W.n_elem);
  }
  return near / total;
}

// Hidden units whose ReLU output is 0 on every training example ("dead": they get no data gradient, so
// only the penalty acts on their weights).
arma::uword dead_units(const kata::Params& p, const arma::mat& X) {
  const kata::Cache c = kata::forward(p, X, {}, nullptr);
  arma::uword dead = 0;
  for (std::size_t l = 1; l + 1 < c.A.size(); ++l) dead += arma::accu(arma::max(c.A[l], 1) == 0.0);
  return dead;
}

void print_row(const Run& r, const Data& d, double lambda) {
  const kata::Params& p = r.result.params;
  const double data_cost = kata::cost(p, d.X, d.Y(), {});
  std::printf("  %-11s %6.1f %% %6.1f %%  %7.3f %7.3f %7.3f   %6.1f %%  %4llu/23  %8.4f %8.4f\n",
              r.name.c_str(), 100 * r.train_acc, 100 * r.test_acc, std::sqrt(kata::frobenius_squared(p.W[0])),
              std::sqrt(kata::frobenius_squared(p.W[1])), std::sqrt(kata::frobenius_squared(p.W[2])),
              100 * near_zero_fraction(p), static_cast<unsigned long long>(dead_units(p, d.X)), data_cost,
              kata::regularized_cost(data_cost, p.W, lambda, d.X.n_cols));
}

// Decision regions on a grid (filled with the predicted class) with the training data on top.
void plot_boundary(const Run& r, const Data& d, const std::string& file, const std::string& caption) {
  const arma::vec gx = arma::linspace(-1.6, 2.6, 211), gy = arma::linspace(-1.2, 1.7, 146);
  arma::mat grid(2, gx.n_elem * gy.n_elem);
  for (arma::uword i = 0; i < gy.n_elem; ++i)  // row i of the picture is y = gy(i)
    for (arma::uword j = 0; j < gx.n_elem; ++j) grid.col(i * gx.n_elem + j) = arma::vec{gx(j), gy(i)};
  const arma::urowvec predicted = kata::predict(r.result.params, grid);
  const arma::umat classes = arma::reshape(predicted, gx.n_elem, gy.n_elem).t();
  kata::Figure fig(file, "Decision regions, " + r.name);
  fig.xlabel("x1").ylabel("x2").caption(caption);
  fig.regions(gx, gy, classes);
  for (arma::uword c = 0; c < 2; ++c) {
    const arma::uvec in = arma::find(d.y == c);
    const arma::mat pts = d.X.cols(in);
    fig.points("train, class " + std::to_string(c), pts.row(0).t(), pts.row(1).t());
  }
  fig.save();
}

// One step of the network with the L2 hook vs the lesson's weight_decay_step on the data gradient.
double decay_form_difference(const Run& r, const Data& d, double lambda) {
  const kata::Params& p = r.result.params;
  const kata::Grads data = kata::gradients(p, d.X, d.Y(), {});
  const kata::Grads full = kata::gradients(p, d.X, d.Y(), hooks_for(Penalty::l2, lambda));
  double worst = 0.0;
  for (std::size_t l = 0; l < p.W.size(); ++l) {
    const arma::mat decayed = kata::weight_decay_step(p.W[l], data.dW[l], learning_rate, lambda, d.X.n_cols);
    worst = std::max(worst, arma::abs(decayed - (p.W[l] - learning_rate * full.dW[l])).max());
  }
  return worst;
}

}  // namespace

int main() {
  return kata::run_experiment("03 L2 regularization", [] {
    Data d;
    kata::Rng data_rng(1);
    moons(data_rng, 200, 0.3, d.X, d.y);
    moons(data_rng, 1000, 0.3, d.X_test, d.y_test);
    std::printf(
        "Two noisy moons (noise std 0.3): %llu training and %llu test examples. Network [2, 20, 3, 1],\n"
        "ReLU + sigmoid, He initialization (same seed for every run), full-batch gradient descent,\n"
        "learning rate %.1f, %zu epochs. Penalties enter through the network's hooks, which call\n"
        "your l2_penalty/l2_gradient (or l1_penalty/l1_subgradient).\n\n",
        static_cast<unsigned long long>(d.X.n_cols), static_cast<unsigned long long>(d.X_test.n_cols),
        learning_rate, epochs);

    kata::Progress progress("training 6 networks, epochs", 6 * epochs);
    const Run none = train(d, "lambda = 0", Penalty::none, 0.0, progress);
    const Run l2 = train(d, "L2 0.7", Penalty::l2, 0.7, progress);
    const Run l1 = train(d, "L1 0.7", Penalty::l1, 0.7, progress);
    std::printf("  %-11s %8s %8s  %-25s  %8s  %7s  %8s %8s\n", "model", "train", "test",
                "||W1||_F ||W2||_F ||W3||_F", "|w|<1e-3", "dead", "data J", "J (L2)");
    print_row(none, d, 0.0);
    print_row(l2, d, 0.7);
    print_row(l1, d, 0.7);
    std::printf("\n(\"dead\" = hidden units whose ReLU output is 0 on every training example; \"J (L2)\" =\n"
                "regularized_cost(data J, W, lambda, m) with the row's lambda.)\n");
    std::printf("Weight decay form: max |weight_decay_step(W, dW_data) - (W - alpha dW_hook)| = %.2e\n",
                decay_form_difference(l2, d, 0.7));

    std::printf("\nL2 sweep (same data and start):\n  %8s %8s %8s   %10s\n", "lambda", "train", "test",
                "sum ||W||^2");
    for (const double lambda : {0.0, 0.7, 3.0, 10.0, 30.0}) {
      const Run r = lambda == 0.0 ? none : lambda == 0.7 ? l2 : train(d, "sweep", Penalty::l2, lambda, progress);
      double sum_sq = 0.0;
      for (const arma::mat& W : r.result.params.W) sum_sq += kata::frobenius_squared(W);
      std::printf("  %8.1f %6.1f %% %6.1f %%   %10.3f\n", lambda, 100 * r.train_acc, 100 * r.test_acc,
                  sum_sq);
    }

    plot_boundary(none, d, "boundary_lambda0",
                  "Without a penalty the predicted regions (light fill) bend around single noisy training points.");
    plot_boundary(l2, d, "boundary_l2", "With L2 (lambda = 0.7) the boundary between the regions is smoother.");
    plot_boundary(l1, d, "boundary_l1", "With L1 the regions are bounded by few, nearly straight pieces.");
    kata::Figure cost("cost", "Training cost J (data + penalty) per epoch");
    cost.xlabel("epoch").ylabel("J").log_y();
    cost.caption("The cost each run minimizes, penalty included: the regularized runs level off higher, as they "
                 "trade training fit for smaller weights.");
    for (const Run* r : {&none, &l2, &l1}) {
      const auto& h = r->result.history.train_cost;
      const arma::uvec every = arma::regspace<arma::uvec>(0, 50, h.size() - 1);
      const arma::vec J(h);
      cost.line(r->name, arma::conv_to<arma::vec>::from(every), J.elem(every));
    }
    cost.save();

    std::cout << "\nWhat this shows: without a penalty the network bends its boundary around the noisy\n"
                 "training points (best train accuracy, worst test accuracy: high variance). L2 with lambda =\n"
                 "0.7 shrinks every weight matrix (norms about 3 instead of 5 to 10) and smooths the boundary,\n"
                 "giving up a little train accuracy for test accuracy. Its small weights sit mostly on hidden\n"
                 "units the network has nearly switched off (the notes: units are not removed, their effect\n"
                 "shrinks), yet no weight is exactly 0 and no unit is dead. L1 instead parks most individual\n"
                 "weights in a band of +-alpha*lambda/2m (about 5e-4) around 0 (each subgradient step jumps\n"
                 "over 0 and back) and kills about half of the hidden units: a sparse network. As lambda grows\n"
                 "the weights keep shrinking and the network drifts towards a simple, nearly linear function\n"
                 "(high bias: at lambda = 10 even the training accuracy falls); at lambda = 30 every weight has\n"
                 "decayed to 0 and the network answers the same class for every input.\n";
  });
}
