// Lesson 06 — early stopping. The contract: the stub next to this file and the reference solution both
// implement exactly these member functions. The monitor knows nothing about networks: the parameters it
// keeps are a plain list of matrices (e.g. every W[l] and b[l] of a network, in a fixed order).
//
// Bad input throws std::invalid_argument whose message starts with the name of the function that was
// called ("EarlyStopping(): ...", "update(): ...") and names what is wrong, the setting or the epoch and its
// value ("EarlyStopping(): patience must be >= 0, got -1"). When your function delegates to another
// contract function, validate the arguments again under your own name first, so the message starts with
// your function's name.
#pragma once

#include <armadillo>
#include <limits>
#include <vector>

namespace kata {

// The parameters the monitor copies when the dev loss improves.
using ParamList = std::vector<arma::mat>;

// EarlyStopping: watches the DEV loss after every epoch and says when to stop training.
//
//   kata::EarlyStopping monitor(2);                      // patience 2, min_delta 0
//   for (long long epoch = 0; epoch < max_epochs; ++epoch) {
//     train_one_epoch(params);
//     if (monitor.update(epoch, dev_loss(params), params)) break;
//   }
//   params = monitor.best_params();                      // restore the best epoch's parameters
//
// The rule. An epoch IMPROVES when dev_loss < best_loss() − min_delta (strictly: a tie is not an
// improvement, and NaN never is; before the first improvement best_loss() is +infinity, so the first
// finite loss improves). min_delta is an absolute margin in the loss's own units (not a fraction of the
// best loss), and the comparison is the only test: −infinity, like any loss below the threshold, improves.
// On an improvement the monitor records the epoch, the loss and a copy of the parameters, and resets its
// count of epochs without improvement to 0. Otherwise the count grows by 1 — one per update() call,
// whatever the gap between epoch numbers. An improving epoch never stops, whatever the patience: update()
// returns true ("stop") exactly when this epoch did not improve and the count has reached patience
// (count >= patience).
// Example: losses 0.2, 0.15, 0.1, 0.11, 0.12 at epochs 0..4 with patience 2: epochs 0, 1, 2 improve;
// 3 and 4 do not; update() returns true at epoch 4 and best_epoch() == 2.
// Patience 0 stops at the first epoch that does not improve; an improving epoch goes on (its count, 0, has
// "reached" patience 0, but it improved).
class EarlyStopping {
 public:
  // patience   epochs without improvement to tolerate before stopping, >= 0
  // min_delta  how much lower than the best loss a new loss must be to count, finite and >= 0
  // Throws std::invalid_argument ("EarlyStopping(): ...", naming the setting) for patience < 0, or
  // min_delta < 0, NaN or infinite. A new monitor is in the reset() state.
  explicit EarlyStopping(long long patience, double min_delta = 0.0);

  // Reports the dev loss measured after `epoch` together with the parameters that produced it.
  //   epoch     0-based, >= 0, and greater than the epoch of the previous update() since construction
  //             or reset() (epochs may be skipped, never repeated or reordered)
  //   dev_loss  any double: NaN or +inf never improve (a diverged run keeps counting toward a stop)
  //   params    copied into best_params() when this epoch improves
  // Returns true when training should stop (see the rule above), false to continue. Calling update()
  // again after it returned true simply applies the same rule (the count keeps growing).
  // Throws std::invalid_argument ("update(): ...", naming the epoch) for a negative, repeated or decreasing
  // epoch, never for a loss; the monitor is unchanged then (also the epoch the next update() is compared
  // with: the last accepted one).
  bool update(long long epoch, double dev_loss, const ParamList& params);

  // Forgets everything learned from update(), for a new training run: best_epoch() = -1,
  // best_loss() = +infinity, best_params() empty, epochs_without_improvement() = 0, stop_epoch() = -1,
  // and any epoch >= 0 is accepted again. patience() and min_delta() stay.
  void reset();

  long long patience() const { return patience_; }
  double min_delta() const { return min_delta_; }
  // The epoch of the best (lowest, by the rule above) dev loss so far; -1 before any improvement.
  long long best_epoch() const { return best_epoch_; }
  // The best dev loss so far; +infinity before any improvement.
  double best_loss() const { return best_loss_; }
  // A copy of the parameters passed with best_epoch(); empty before any improvement.
  const ParamList& best_params() const { return best_params_; }
  // Consecutive update() calls without improvement since the last improvement (or reset); it keeps
  // growing after a stop.
  long long epochs_without_improvement() const { return wait_; }
  // The epoch at which update() first returned true since the last reset() (0 if that was epoch 0); -1 if
  // it has not. Later stops do not change it.
  long long stop_epoch() const { return stop_epoch_; }

 private:
  long long patience_ = 0;
  double min_delta_ = 0.0;
  long long best_epoch_ = -1;
  double best_loss_ = std::numeric_limits<double>::infinity();
  ParamList best_params_;
  long long wait_ = 0;
  long long last_epoch_ = -1;   // epoch of the previous update(), -1 after reset()
  long long stop_epoch_ = -1;
};

}  // namespace kata
