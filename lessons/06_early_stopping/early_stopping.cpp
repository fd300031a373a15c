// Lesson 06 — your implementation. Read README.md next to this file, then replace each KATA_TODO()
// with working code. Run `./kata check 06` to see which checks pass.
//
// The data members you need (best_epoch_, best_loss_, best_params_, wait_, last_epoch_, stop_epoch_,
// patience_, min_delta_) are declared in early_stopping.hpp; the accessors there just return them.
#include "early_stopping.hpp"

#include "kata/errors.hpp"

namespace kata {

EarlyStopping::EarlyStopping(long long patience, double min_delta) {
  KATA_TODO();
}

bool EarlyStopping::update(long long epoch, double dev_loss, const ParamList& params) {
  KATA_TODO();
}

void EarlyStopping::reset() {
  KATA_TODO();
}

}  // namespace kata
