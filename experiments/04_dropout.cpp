// Experiment 04: the support network with and without (your) inverted dropout on a noisy 2-D problem.
// The dropout hooks call the lesson's dropout_forward / dropout_backward; predictions use no dropout.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "dropout.hpp"
#include "kata/experiment.hpp"
#include "kata/network.hpp"
#include "kata/plot.hpp"

namespace {

constexpr double kKeepProb = 0.86;

// m points uniform in [-1, 1]²; the true class is 1 above the curve x2 = 0.5 sin(3 x1), and each label
// is flipped with probability `flip` (the noise a large network can memorize).
void make_data(arma::uword m, double flip, kata::Rng& rng, arma::mat& X, arma::mat& Y) {
  X = 2.0 * rng.rand(2, m) - 1.0;
  Y.set_size(1, m);
  for (arma::uword i = 0; i < m; ++i) {
    const bool above = X(1, i) > 0.5 * std::sin(3.0 * X(0, i));
    const bool flipped = rng.rand() < flip;
    Y(0, i) = (above != flipped) ? 1.0 : 0.0;
  }
}

arma::urowvec labels(const arma::mat& Y) { return arma::conv_to<arma::urowvec>::from(Y > 0.5); }

// The predicted class on the grid t × t: row i at x2 = t(i), column j at x1 = t(j) (the layout of
// Figure::regions, the filled regions of the boundary figures).
arma::umat regions(const kata::Params& params, const arma::vec& t) {
  const arma::uword n = t.n_elem;
  arma::mat G(2, n * n);
  for (arma::uword i = 0; i < n; ++i)
    for (arma::uword j = 0; j < n; ++j) G.col(i * n + j) = arma::vec{t(j), t(i)};
  return arma::reshape(kata::predict(params, G), n, n).t();
}

}  // namespace

int main() {
  return kata::run_experiment("04 dropout", [] {
    // 1. The mask is numpy's. Expected values produced with numpy 1.24:
    //    np.random.seed(1); (np.random.rand(4, 6) < 0.5).astype(int)
    const arma::mat numpy_mask = {{1, 0, 1, 1, 1, 1}, {1, 1, 1, 0, 1, 0}, {1, 0, 1, 0, 1, 0}, {1, 1, 0, 0, 1, 0}};
    kata::Rng mask_rng(1);
    const arma::mat mask = kata::dropout_forward(arma::mat(4, 6, arma::fill::ones), 0.5, mask_rng).mask;
    std::cout << "dropout_forward(ones(4, 6), keep_prob 0.5) after Rng(1):   numpy, np.random.seed(1):\n";
    for (arma::uword r = 0; r < 4; ++r) {
      std::printf("  ");
      for (arma::uword c = 0; c < 6; ++c) std::printf(" %g", mask(r, c));
      std::printf("                                   ");
      for (arma::uword c = 0; c < 6; ++c) std::printf(" %g", numpy_mask(r, c));
      std::printf("\n");
    }
    const bool same = arma::approx_equal(mask, numpy_mask, "absdiff", 0.0);
    std::printf("  mask matches numpy for the same seed: %s\n\n", same ? "yes" : "NO");

    // 2. A noisy 2-D problem: 150 training points with 15% flipped labels, 2000 test points.
    kata::Rng data_rng(2);
    arma::mat X_train, Y_train, X_test, Y_test;
    make_data(150, 0.15, data_rng, X_train, Y_train);
    make_data(2000, 0.15, data_rng, X_test, Y_test);
    const std::vector<arma::uword> dims{2, 40, 40, 1};

    kata::TrainOptions options;
    options.learning_rate = 0.2;
    options.epochs = 5000;

    kata::Hooks plain;
    kata::Hooks with_dropout;
    with_dropout.dropout_forward = [](const arma::mat& A, kata::Rng& rng) {
      kata::DropoutResult r = kata::dropout_forward(A, kKeepProb, rng);
      return std::make_pair(std::move(r.output), std::move(r.mask));
    };
    with_dropout.dropout_backward = [](const arma::mat& dA, const arma::mat& mask) {
      return kata::dropout_backward(dA, mask, kKeepProb);
    };

    const auto start = std::chrono::steady_clock::now();
    kata::Rng rng_a(3), rng_b(3);  // same initial weights for both runs
    kata::Progress progress("training 2 networks, epochs", 2 * options.epochs);
    const kata::TrainResult a =
        kata::fit(dims, X_train, Y_train, options, kata::counting_epochs(plain, progress), rng_a);
    const kata::TrainResult b =
        kata::fit(dims, X_train, Y_train, options, kata::counting_epochs(with_dropout, progress), rng_b);

    // Dropout left ON at prediction time (the mistake): average accuracy over 20 random masks, and how
    // many test points get a different label from one call to the next.
    kata::Rng on_rng(4);
    double on_acc = 0.0, flipping = 0.0;
    arma::urowvec previous;
    for (int k = 0; k < 20; ++k) {
      const kata::Cache c = kata::forward(b.params, X_test, with_dropout, &on_rng);
      const arma::urowvec p = labels(c.A.back());
      on_acc += kata::accuracy(p, labels(Y_test)) / 20.0;
      if (k > 0) flipping += arma::mean(arma::conv_to<arma::rowvec>::from(p != previous)) / 19.0;
      previous = p;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    std::printf("network 2 -> 40 -> 40 -> 1 (ReLU, sigmoid), full-batch GD, learning rate %.2f, %zu epochs\n",
                options.learning_rate, options.epochs);
    std::printf("data: 150 train / 2000 test points, 15%% of labels flipped (so the best possible test accuracy is ~85%%)\n\n");
    std::printf("  %-32s %10s %10s %12s\n", "", "train acc", "test acc", "final cost");
    std::printf("  %-32s %9.1f%% %9.1f%% %12.4f\n", "no regularization", 100 * kata::accuracy(a.params, X_train, labels(Y_train)),
                100 * kata::accuracy(a.params, X_test, labels(Y_test)), a.history.train_cost.back());
    std::printf("  %-32s %9.1f%% %9.1f%% %12.4f\n", "dropout, keep_prob 0.86", 100 * kata::accuracy(b.params, X_train, labels(Y_train)),
                100 * kata::accuracy(b.params, X_test, labels(Y_test)), b.history.train_cost.back());
    std::printf("  %-32s %10s %9.1f%%   (mean of 20 calls; %.1f%% of test labels change between calls)\n",
                "  same, dropout left on at test", "", 100 * on_acc, 100 * flipping);

    // How noisy is the cost curve? Mean |J(t) - J(t-1)| over the last 1000 epochs.
    auto roughness = [](const std::vector<double>& J) {
      double s = 0.0;
      for (std::size_t t = J.size() - 1000; t < J.size(); ++t) s += std::abs(J[t] - J[t - 1]);
      return s / 1000.0;
    };
    std::printf("\n  epoch-to-epoch change of the train cost (last 1000 epochs): %.2e without, %.2e with dropout\n",
                roughness(a.history.train_cost), roughness(b.history.train_cost));
    std::printf("  training time for both runs: %.1f s\n\n", seconds);

    const arma::vec epochs = arma::regspace(0, double(options.epochs) - 1);
    kata::Figure cost("cost", "Training cost per epoch (with dropout it is the cost of a random thinned net)");
    cost.xlabel("epoch").ylabel("cost J").log_y();
    cost.caption("Both runs' training cost: the dropout curve is noisy because every epoch evaluates a "
                 "different random thinned network, and it stays higher.");
    cost.line("no regularization", epochs, arma::vec(a.history.train_cost))
        .line("dropout, keep-prob 0.86", epochs, arma::vec(b.history.train_cost));
    cost.save();

    const arma::urowvec y = labels(Y_train);
    const arma::mat P = X_train.cols(arma::find(y == 1)), N = X_train.cols(arma::find(y == 0));
    const arma::vec t = arma::linspace(-1.2, 1.2, 241), tx = arma::linspace(-1.0, 1.0, 200);
    auto boundary_figure = [&](const std::string& name, const std::string& title, const kata::Params& params,
                               const std::string& caption) {
      kata::Figure fig(name, title);
      fig.xlabel("x1").ylabel("x2").equal_axes().caption(caption);
      fig.regions(t, t, regions(params, t));  // class 0 in colour 0's tint, class 1 in colour 1's
      fig.points("train, class 0", N.row(0).t(), N.row(1).t())
          .points("train, class 1", P.row(0).t(), P.row(1).t())
          .line("true boundary x2 = 0.5 sin(3 x1)", tx, 0.5 * arma::sin(3.0 * tx));
      fig.save();
    };
    boundary_figure("boundary_no_regularization", "Decision regions, no regularization", a.params,
                    "Without regularization the predicted regions (light fill) wrap islands and spikes around "
                    "single flipped training labels, far from the true boundary.");
    boundary_figure("boundary_dropout", "Decision regions, dropout keep-prob 0.86", b.params,
                    "With dropout on both hidden layers the boundary between the regions mostly follows the "
                    "true curve; a few small islands remain.");

    std::cout << "\nWhat this shows: without regularization the large network bends its boundary around the\n"
                 "flipped labels, reaching a high training accuracy that does not carry over to the test set.\n"
                 "With inverted dropout on both hidden layers (your functions, in training only) no unit can\n"
                 "rely on a few others, the boundary stays closer to the true curve, training accuracy drops\n"
                 "and test accuracy rises. The training cost curve is noisier with dropout because every\n"
                 "epoch evaluates a different random thinned network. Left on at test time, dropout makes the\n"
                 "predictions random: the same point can get a different label on every call.\n";
  });
}
