// Experiment 06: early stopping on a small part of digits. The support network trains far too long;
// after every epoch the lesson's EarlyStopping monitor sees the dev cost (through the network's on_epoch
// hook). Best-epoch weights vs last-epoch weights on the test set; a monitor fed the TRAINING cost;
// a small L2 sweep for comparison.
#include <cmath>
#include <cstdio>
#include <iostream>

#include "early_stopping.hpp"
#include "kata/dataset.hpp"
#include "kata/experiment.hpp"
#include "kata/network.hpp"
#include "kata/plot.hpp"

namespace {

// The monitor stores a plain list of matrices: W[0..L-1], then b[0..L-1].
kata::ParamList to_list(const kata::Params& p) {
  kata::ParamList list(p.W.begin(), p.W.end());
  for (const arma::vec& b : p.b) list.push_back(b);
  return list;
}

kata::Params from_list(const kata::ParamList& list) {
  kata::Params p;
  const std::size_t L = list.size() / 2;
  for (std::size_t l = 0; l < L; ++l) p.W.push_back(list[l]);
  for (std::size_t l = 0; l < L; ++l) p.b.push_back(arma::vec(list[L + l]));
  return p;
}

struct Data {
  arma::mat X_train, Y_train, X_dev, Y_dev, X_test;
  arma::urowvec y_train, y_dev, y_test;
};

}  // namespace

int main() {
  return kata::run_experiment("06 early stopping", [] {
    // digits: 1797 8x8 images, pixels 0..16 scaled to [0, 1]. Shuffle once, then 200 train / 200 dev /
    // the rest (1397) test: a small training set, so the network overfits quickly.
    const kata::Dataset digits = kata::load_dataset("digits");
    kata::Rng split_rng(0);
    const arma::uvec p = split_rng.permutation(digits.n_examples());
    const arma::uvec tr = p.subvec(0, 199), dv = p.subvec(200, 399), te = p.subvec(400, p.n_elem - 1);
    Data d;
    const arma::mat X = digits.X / 16.0;
    d.X_train = X.cols(tr), d.X_dev = X.cols(dv), d.X_test = X.cols(te);
    d.y_train = digits.y.cols(tr), d.y_dev = digits.y.cols(dv), d.y_test = digits.y.cols(te);
    // Label noise: each training label is replaced, with probability 0.2, by a random class (which may
    // be the right one). A large network memorizes these wrong labels in the end — exactly the
    // overfitting early stopping guards against. Dev and test labels stay clean.
    kata::Rng noise_rng(5);
    arma::uword corrupted = 0;
    for (arma::uword i = 0; i < d.y_train.n_elem; ++i)
      if (noise_rng.rand() < 0.2) {
        const auto wrong = static_cast<arma::uword>(noise_rng.randint(0, 10));
        corrupted += wrong != d.y_train(i);
        d.y_train(i) = wrong;
      }
    d.Y_train = kata::one_hot(d.y_train, 10), d.Y_dev = kata::one_hot(d.y_dev, 10);
    std::printf("training labels replaced by a wrong class: %llu of 200\n", static_cast<unsigned long long>(corrupted));

    const std::vector<arma::uword> dims{64, 64, 10};
    kata::TrainOptions options;
    options.learning_rate = 0.5;
    options.epochs = 1500;
    options.batch_size = 0;  // full batch: the training cost then falls smoothly
    options.X_dev = d.X_dev;
    options.Y_dev = d.Y_dev;
    const long long patience = 10;
    const double min_delta = 0.0;

    // One long run. The monitor on the dev cost decides when training WOULD stop; we keep training
    // anyway (the hook returns false) only to draw the rest of the curves and to get the last weights.
    kata::EarlyStopping on_dev(patience, min_delta), on_train(patience, min_delta);
    long long stopped_at = -1, best_at_stop = -1;
    double best_loss_at_stop = 0.0;
    kata::ParamList restored;
    kata::Hooks hooks;
    hooks.on_epoch = [&](const kata::EpochReport& r, const kata::Params& params) {
      const auto epoch = static_cast<long long>(r.epoch);
      const kata::ParamList list = to_list(params);
      if (on_dev.update(epoch, r.dev_cost, list) && stopped_at < 0) {
        stopped_at = epoch;
        best_at_stop = on_dev.best_epoch();
        best_loss_at_stop = on_dev.best_loss();
        restored = on_dev.best_params();
      }
      on_train.update(epoch, r.train_cost, list);  // the classic slip: watching the training cost
      return false;
    };
    kata::Progress progress("training 4 networks, epochs", 4 * options.epochs);
    kata::Rng rng(1);
    const kata::TrainResult run =
        kata::fit(dims, d.X_train, d.Y_train, options, kata::counting_epochs(hooks, progress), rng);
    const auto& h = run.history;
    if (stopped_at < 0) throw std::runtime_error("the dev monitor never said stop: train longer");

    std::printf("network 64 -> 64 -> 10 (ReLU, softmax), full-batch gradient descent, learning rate %.2f, %zu epochs\n",
                options.learning_rate, options.epochs);
    std::printf("digits: 200 train / 200 dev / %llu test images; EarlyStopping(patience %lld, min_delta %g)\n\n",
                static_cast<unsigned long long>(te.n_elem), patience, min_delta);
    std::printf("  %6s %12s %12s\n", "epoch", "train cost", "dev cost");
    for (std::size_t e = 0; e < h.train_cost.size(); e += h.train_cost.size() / 15)
      std::printf("  %6zu %12.5f %12.5f\n", e, h.train_cost[e], h.dev_cost[e]);
    std::printf("  %6zu %12.5f %12.5f\n\n", h.train_cost.size() - 1, h.train_cost.back(), h.dev_cost.back());

    const kata::Params best = from_list(restored);
    std::printf("monitor on the DEV cost:   said stop at epoch %lld; best epoch %lld (dev cost %.4f)\n", stopped_at,
                best_at_stop, best_loss_at_stop);
    std::printf("monitor on the TRAIN cost: %s; its best epoch is %lld of %zu\n\n",
                on_train.stop_epoch() < 0 ? "never said stop" : ("said stop at epoch " + std::to_string(on_train.stop_epoch())).c_str(), on_train.best_epoch(),
                h.train_cost.size());
    std::printf("  %-34s %10s %10s %10s\n", "weights", "train acc", "dev acc", "test acc");
    std::printf("  %-34s %9.1f%% %9.1f%% %9.1f%%\n", ("best epoch " + std::to_string(best_at_stop) + " (restored)").c_str(),
                100 * kata::accuracy(best, d.X_train, d.y_train), 100 * kata::accuracy(best, d.X_dev, d.y_dev),
                100 * kata::accuracy(best, d.X_test, d.y_test));
    std::printf("  %-34s %9.1f%% %9.1f%% %9.1f%%\n", ("last epoch " + std::to_string(h.train_cost.size() - 1)).c_str(),
                100 * kata::accuracy(run.params, d.X_train, d.y_train), 100 * kata::accuracy(run.params, d.X_dev, d.y_dev),
                100 * kata::accuracy(run.params, d.X_test, d.y_test));

    const arma::vec epochs = arma::regspace(0, double(h.train_cost.size()) - 1);
    kata::Figure fig("costs", "Train and dev cost per epoch; the monitor watches the dev cost");
    fig.xlabel("epoch").ylabel("cross-entropy cost").log_y();
    fig.caption("The training cost keeps falling while the dev cost turns up: the monitor stops once the dev "
                "cost has not improved for its patience, and keeps the parameters of the best epoch.");
    fig.line("train cost", epochs, arma::vec(h.train_cost)).line("dev cost", epochs, arma::vec(h.dev_cost));
    fig.vline(double(stopped_at),
              "stop at epoch " + std::to_string(stopped_at) + " (best " + std::to_string(best_at_stop) + ")");
    fig.save();

    // The alternative the course mentions: no early stopping, train the full length with L2
    // regularization, and choose lambda on the dev set — one full training run per lambda.
    std::printf("\nL2 instead: train all %zu epochs with J + (lambda / 2m) sum ||W||^2, pick lambda by dev cost\n",
                options.epochs);
    std::printf("  %8s %10s %10s %10s\n", "lambda", "dev cost", "dev acc", "test acc");
    kata::TrainOptions plain = options;
    plain.X_dev.reset();
    plain.Y_dev.reset();
    double best_dev = 1e300, best_lambda = 0.0, best_test = 0.0;
    for (const double lambda : {1.0, 3.0, 10.0}) {
      kata::Hooks l2;
      l2.penalty = [lambda](const std::vector<arma::mat>& W, double m) {
        double s = 0.0;
        for (const arma::mat& w : W) s += arma::accu(arma::square(w));
        return lambda / (2.0 * m) * s;
      };
      l2.penalty_gradient = [lambda](const arma::mat& W, double m) -> arma::mat { return (lambda / m) * W; };
      kata::Rng l2_rng(1);
      const kata::TrainResult r =
          kata::fit(dims, d.X_train, d.Y_train, plain, kata::counting_epochs(l2, progress), l2_rng);
      const double dev_cost = kata::cost(r.params, d.X_dev, d.Y_dev, {});
      const double test_acc = kata::accuracy(r.params, d.X_test, d.y_test);
      std::printf("  %8g %10.4f %9.1f%% %9.1f%%\n", lambda, dev_cost, 100 * kata::accuracy(r.params, d.X_dev, d.y_dev),
                  100 * test_acc);
      if (dev_cost < best_dev) best_dev = dev_cost, best_lambda = lambda, best_test = test_acc;
    }
    std::printf("  chosen lambda %g: test accuracy %.1f%% after %zu training epochs in total (early stopping: one run)\n",
                best_lambda, 100 * best_test, 3 * options.epochs);

    std::cout << "\nWhat this shows: with about one training label in seven wrong, the training cost keeps falling\n"
                 "for all epochs while the dev cost turns upward after a few dozen: from there on the network\n"
                 "memorizes the wrong labels. Your monitor stops `patience` epochs after the dev minimum, and\n"
                 "the restored best weights score far better on the untouched test set than the last ones.\n"
                 "Fed the training cost instead, the same monitor never stops. L2 with a well-chosen lambda\n"
                 "does as well or better, but choosing lambda took one full training run per candidate value,\n"
                 "where early stopping needed a single run (at the price of mixing optimization and\n"
                 "regularization in one knob).\n";
  });
}
