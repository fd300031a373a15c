// Lesson 06 — reference solution.
#include "early_stopping.hpp"

#include <cmath>

#include "kata/errors.hpp"

namespace kata {

EarlyStopping::EarlyStopping(long long patience, double min_delta) : patience_(patience), min_delta_(min_delta) {
  require(patience >= 0, str("EarlyStopping(): patience must be >= 0, got ", patience));
  require(std::isfinite(min_delta) && min_delta >= 0.0,
          str("EarlyStopping(): min_delta must be finite and >= 0, got ", min_delta));
  reset();
}

bool EarlyStopping::update(long long epoch, double dev_loss, const ParamList& params) {
  require(epoch >= 0, str("update(): epoch must be >= 0, got ", epoch));
  require(epoch > last_epoch_, str("update(): epoch must increase, got ", epoch, " after ", last_epoch_,
                                   " (call reset() before a new run)"));
  last_epoch_ = epoch;
  // Strictly below best - min_delta: a tie is not an improvement, and a NaN comparison is false.
  const bool improved = dev_loss < best_loss_ - min_delta_;
  if (improved) {
    best_loss_ = dev_loss;
    best_epoch_ = epoch;
    best_params_ = params;
    wait_ = 0;
  } else {
    ++wait_;
  }
  const bool stop = !improved && wait_ >= patience_;
  if (stop && stop_epoch_ < 0) stop_epoch_ = epoch;
  return stop;
}

void EarlyStopping::reset() {
  best_epoch_ = -1;
  best_loss_ = std::numeric_limits<double>::infinity();
  best_params_.clear();
  wait_ = 0;
  last_epoch_ = -1;
  stop_epoch_ = -1;
}

}  // namespace kata
