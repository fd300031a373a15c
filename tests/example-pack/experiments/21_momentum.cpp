// Experiment 12 (the example lesson pack): exponentially weighted averages of a year of noisy daily
// temperatures, then logistic regression on the breast cancer data set by gradient descent with and
// without momentum. Both parts call the lesson's functions (ewa, ewa_corrected, momentum_step).
#include <cmath>
#include <cstdio>
#include <iostream>
#include <numbers>

#include "kata/dataset.hpp"
#include "kata/experiment.hpp"
#include "kata/plot.hpp"
#include "kata/rng.hpp"
#include "momentum.hpp"

namespace {

// Logistic regression's cost and gradient, with the bias as a last row of ones in Xb (n × m), w n × 1.
// Probabilities are kept inside [1e-12, 1 - 1e-12] so a wild step shows as a large cost, not as NaN.
double cost_and_gradient(const arma::mat& Xb, const arma::rowvec& y, const arma::vec& w, arma::vec& grad) {
  const arma::rowvec a = arma::clamp(1.0 / (1.0 + arma::exp(-(w.t() * Xb))), 1e-12, 1.0 - 1e-12);
  grad = Xb * (a - y).t() / double(Xb.n_cols);
  return -arma::mean(y % arma::log(a) + (1.0 - y) % arma::log(1.0 - a));
}

struct Run {
  const char* name;
  double alpha;
  double beta;  // 0: plain gradient descent (momentum_step with beta = 0)
  arma::vec cost;
};

void train(const arma::mat& Xb, const arma::rowvec& y, Run& run, arma::uword steps) {
  arma::mat w(Xb.n_rows, 1, arma::fill::zeros), V(Xb.n_rows, 1, arma::fill::zeros);
  run.cost.set_size(steps);
  arma::vec grad;
  for (arma::uword s = 0; s < steps; ++s) {
    run.cost(s) = cost_and_gradient(Xb, y, w, grad);
    const kata::MomentumStep step = kata::momentum_step(w, grad, V, run.alpha, run.beta);
    w = step.W;
    V = step.V;
  }
}

}  // namespace

int main() {
  return kata::run_experiment("21 momentum", [] {
    // 1. A year of daily temperatures: a seasonal curve plus noise (sd 4 degrees), fixed seed.
    kata::Rng rng(12);
    const arma::vec day = arma::regspace(1, 365);
    const arma::vec theta = 12.0 + 10.0 * arma::sin(2.0 * std::numbers::pi * (day - 110.0) / 365.0) + 4.0 * rng.randn(365, 1);
    const arma::vec v90 = kata::ewa(theta, 0.9), v98 = kata::ewa(theta, 0.98);
    const arma::vec c98 = kata::ewa_corrected(theta, 0.98);
    std::printf("a year of noisy daily temperatures (°C): the averages over the first days\n\n");
    std::printf("  %5s %8s %12s %12s %16s\n", "day", "theta", "ewa 0.9", "ewa 0.98", "corrected 0.98");
    for (const arma::uword d : {1, 2, 3, 5, 10, 20, 50, 100, 200})
      std::printf("  %5u %8.2f %12.2f %12.2f %16.2f\n", unsigned(d), theta(d - 1), v90(d - 1), v98(d - 1),
                  c98(d - 1));

    kata::Figure year("temperatures", "Exponentially weighted averages of a year of daily temperatures");
    year.xlabel("day").ylabel("temperature (°C)");
    year.points("daily", day, theta).line("ewa, beta 0.9", day, v90).line("ewa, beta 0.98", day, v98);
    year.line("ewa corrected, beta 0.98", day, c98);
    year.save();

    // 2. Logistic regression on breast cancer: 30 features on very different scales (a long, narrow valley).
    const kata::Dataset data = kata::load_dataset("breast_cancer");
    arma::mat Xb = arma::join_cols(data.X, arma::mat(1, data.n_examples(), arma::fill::ones));
    const arma::rowvec y = arma::conv_to<arma::rowvec>::from(data.y);
    // The cost's curvature is at most the largest eigenvalue of 0.25 · Xb Xb^T / m: plain gradient descent is
    // stable for alpha below 2 / that.
    const double curvature = arma::eig_sym(0.25 * Xb * Xb.t() / double(Xb.n_cols)).max();
    const double alpha = 1.9 / curvature;
    const arma::uword steps = 3000;
    Run runs[] = {{"gradient descent, alpha", alpha, 0.0, {}},
                  {"gradient descent, 20 alpha", 20 * alpha, 0.0, {}},
                  {"momentum 0.9, 20 alpha", 20 * alpha, 0.9, {}}};
    for (Run& run : runs) train(Xb, y, run, steps);

    std::printf("\nlogistic regression on breast_cancer (%u examples, %u features, not normalized); alpha = 1.9 / "
                "largest curvature = %.3g\n\n",
                unsigned(data.n_examples()), unsigned(data.n_features()), alpha);
    std::printf("  %-28s %9s %9s %9s %9s %9s %12s\n", "cost J after step", "1", "100", "300", "1000", "3000",
                "J < 0.25 at");
    for (const Run& run : runs) {
      const arma::uvec below = arma::find(run.cost < 0.25, 1);
      std::printf("  %-28s %9.4f %9.4f %9.4f %9.4f %9.4f %12s\n", run.name, run.cost(0), run.cost(99), run.cost(299),
                  run.cost(999), run.cost(steps - 1),
                  below.is_empty() ? "never" : std::to_string(below(0) + 1).c_str());
    }

    const arma::vec step = arma::regspace(1, double(steps));
    kata::Figure curves("cost", "Training cost of logistic regression on breast_cancer");
    curves.xlabel("step").ylabel("cost J").log_y();
    for (const Run& run : runs) curves.line(run.name, step, run.cost);
    curves.save();

    std::cout << "\nWhat this shows: an exponentially weighted average follows a noisy sequence more smoothly the\n"
                 "larger beta is, and lags behind it more; started at 0 it is far too small for the first\n"
                 "1 / (1 - beta) steps, which bias correction repairs. On a cost with very different curvatures\n"
                 "plain gradient descent must keep its learning rate below 2 / (largest curvature) and then crawls\n"
                 "along the flat directions; at twenty times that rate it overshoots across the valley and the cost\n"
                 "jumps. Momentum averages the gradients, so the back-and-forth parts cancel: it stays stable at\n"
                 "the larger rate and gets far down the valley in a few hundred steps.\n";
  });
}
