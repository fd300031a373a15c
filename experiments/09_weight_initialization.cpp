// Lesson 09 experiment: the course's circles task with three initializations.
//
// Two noisy concentric circles in 2-D (outer radius 1 = class 0, inner radius 0.8 = class 1, Gaussian noise
// 0.05, like sklearn's make_circles(noise=.05) used in the course; generated here with kata::Rng): 300
// training and 100 test points. A [2, 10, 5, 1] ReLU network with a sigmoid output is trained by full-batch
// gradient descent (learning rate 0.01, 15,000 epochs, as in the course) from zeros, from randn × 10 and
// from He initialization. Your initializers are plugged into the support network through hooks.initialize.
#include <cmath>
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

#include "kata/experiment.hpp"
#include "kata/network.hpp"
#include "kata/plot.hpp"
#include "kata/rng.hpp"
#include "weight_initialization.hpp"

namespace {

struct Circles {
  arma::mat X;
  arma::mat Y;          // 1 × m of 0/1, for training
  arma::urowvec labels; // the same, for accuracy
};

Circles make_circles(arma::uword m, kata::Rng& rng) {
  Circles c{arma::mat(2, m), arma::mat(1, m), arma::urowvec(m)};
  for (arma::uword i = 0; i < m; ++i) {
    const arma::uword label = i % 2;
    const double angle = 2.0 * arma::datum::pi * rng.rand();
    const double radius = label == 0 ? 1.0 : 0.8;
    c.X(0, i) = radius * std::cos(angle) + 0.05 * rng.randn();
    c.X(1, i) = radius * std::sin(angle) + 0.05 * rng.randn();
    c.Y(0, i) = static_cast<double>(label);
    c.labels(i) = label;
  }
  return c;
}

// Largest difference between any hidden unit's incoming weights and those of unit 0, per hidden layer.
double spread_of_units(const arma::mat& W) {
  return arma::abs(W - arma::repmat(W.row(0), W.n_rows, 1)).max();
}

}  // namespace

int main() {
  return kata::run_experiment("09 weight initialization", [] {
    kata::Rng data_rng(1);
    const Circles train = make_circles(300, data_rng);
    const Circles test = make_circles(100, data_rng);
    const std::vector<arma::uword> dims{2, 10, 5, 1};

    struct Run {
      std::string name, slug;
      std::function<kata::Params(const std::vector<arma::uword>&, kata::Rng&)> init;
    };
    const Run runs[] = {
        {"zeros", "zeros", [](const std::vector<arma::uword>& d, kata::Rng&) { return kata::init::initialize_zeros(d); }},
        {"randn x 10", "random10",
         [](const std::vector<arma::uword>& d, kata::Rng& r) { return kata::init::initialize_random(d, r, 10.0); }},
        {"He", "he", [](const std::vector<arma::uword>& d, kata::Rng& r) { return kata::init::initialize_he(d, r); }},
    };

    kata::TrainOptions opt;
    opt.learning_rate = 0.01;
    opt.epochs = 15000;
    kata::Figure costs("circles_cost", "Training cost, [2, 10, 5, 1] on circles, learning rate 0.01");
    costs.xlabel("epoch").ylabel("cost J").log_y();

    std::cout << "circles: " << train.X.n_cols << " train, " << test.X.n_cols << " test; network [2, 10, 5, 1], "
              << opt.epochs << " epochs\n\n";
    std::cout << std::left << std::setw(12) << "init" << std::right << std::setw(12) << "cost @0" << std::setw(12)
              << "cost @1000" << std::setw(12) << "final cost" << std::setw(12) << "train acc" << std::setw(12)
              << "test acc" << std::setw(16) << "unit spread W1" << std::setw(16) << "unit spread W2" << "\n";
    kata::Progress progress("training 3 networks, epochs", 3 * opt.epochs);
    for (const Run& run : runs) {
      kata::Hooks hooks;
      hooks.initialize = run.init;
      kata::Rng rng(3);
      const kata::TrainResult r = kata::fit(dims, train.X, train.Y, opt, kata::counting_epochs(hooks, progress), rng);
      const auto& J = r.history.train_cost;
      arma::vec epochs, curve;
      for (std::size_t e = 0; e < J.size(); e += 50) {
        epochs.resize(epochs.n_elem + 1);
        curve.resize(curve.n_elem + 1);
        epochs(epochs.n_elem - 1) = double(e);
        curve(curve.n_elem - 1) = J[e];
      }
      costs.line(run.name, epochs, curve);
      std::cout << std::left << std::setw(12) << run.name << std::right << std::fixed << std::setprecision(4)
                << std::setw(12) << J.front() << std::setw(12) << J[1000] << std::setw(12) << J.back()
                << std::setprecision(3) << std::setw(12) << kata::accuracy(r.params, train.X, train.labels)
                << std::setw(12) << kata::accuracy(r.params, test.X, test.labels) << std::scientific
                << std::setprecision(2) << std::setw(16) << spread_of_units(r.params.W[0]) << std::setw(16)
                << spread_of_units(r.params.W[1]) << std::defaultfloat << "\n";

      // Decision boundary: the grid points the trained network calls class 1, over the test points.
      const arma::vec g = arma::linspace(-1.5, 1.5, 61);
      arma::mat grid(2, g.n_elem * g.n_elem);
      for (arma::uword i = 0; i < g.n_elem; ++i)
        for (arma::uword j = 0; j < g.n_elem; ++j) grid.col(i * g.n_elem + j) = arma::vec{g(i), g(j)};
      const arma::uvec inside = arma::find(kata::predict(r.params, grid) == 1);
      kata::Figure fig("circles_boundary_" + run.slug, "Region predicted as the inner circle (class 1), init " + run.name);
      fig.xlabel("x1").ylabel("x2");
      const arma::mat region = grid.cols(inside);
      if (region.n_cols > 0) fig.points("predicted class 1", region.row(0).t(), region.row(1).t());
      for (arma::uword label = 0; label < 2; ++label) {
        const arma::mat pts = test.X.cols(arma::find(test.labels == label));
        fig.points("test, class " + std::to_string(label), pts.row(0).t(), pts.row(1).t());
      }
      fig.save();
    }
    costs.save();

    std::cout << "\n'unit spread' = the largest difference between a hidden unit's incoming weights and unit 1's.\n"
                 "\nWhat this shows: from zeros every hidden unit computes the same thing and receives the same "
                 "gradient, so the\nunits stay identical (spread exactly 0) and the network is no better than a "
                 "coin toss (~50%: with ReLU, zero\nweights even give zero gradients, so only the output bias "
                 "learns). Random weights x 10 break the symmetry but\nstart with huge pre-activations: the "
                 "sigmoid output saturates, the first costs are enormous, and learning is slow.\nHe "
                 "initialization (Var = 2/n_(l-1)) starts at a sensible scale and learns the circles fastest and "
                 "best.\n";
  });
}
