// Lesson 12 — your implementation. Read README.md next to this file, then replace each KATA_TODO()
// with working code. Run `./kata check 12` to see which checks pass.
//
// The toolbox: include the headers of the lessons you call (they are on the include path), e.g.
//   #include "train_dev_test.hpp"         01: stratified_split
//   #include "l2_regularization.hpp"      03: l2_penalty, l2_gradient
//   #include "dropout.hpp"                04: dropout_forward, dropout_backward
//   #include "data_augmentation.hpp"      05: augment, AugmentPolicy
//   #include "early_stopping.hpp"         06: EarlyStopping, ParamList
//   #include "weight_initialization.hpp"  09: init::initialize_he
// (02, 07 and 11 come with ml_recipe.hpp.)
#include "ml_recipe.hpp"

#include "kata/errors.hpp"

namespace kata {

PreparedData prepare_data(const Problem& problem, double dev_fraction, Rng& rng) {
  KATA_TODO();
}

GradientCheck check_gradients(const Model& model, const Params& params, const arma::mat& X, const arma::mat& Y,
                              double lambda) {
  KATA_TODO();
}

LabelledSet round_training_set(const PreparedData& data, const Problem& problem, const Config& config, Rng& rng) {
  KATA_TODO();
}

RoundResult train_round(const Model& model, const Config& config, const Params& initial, const LabelledSet& train,
                        const LabelledSet& dev, arma::uword n_classes, long long patience, Rng& rng) {
  KATA_TODO();
}

Decision decide(double train_error, double dev_error, const Config& current, const Problem& problem,
                const RecipeSettings& settings) {
  KATA_TODO();
}

RecipeReport run_recipe(const Problem& problem, SealedTestSet& test, const RecipeSettings& settings, std::uint32_t seed,
                        const Model& model) {
  KATA_TODO();
}

}  // namespace kata
