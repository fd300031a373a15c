// Lesson 02 — your implementation. Read README.md next to this file, then replace each KATA_TODO()
// with working code. Run `./kata check 02` to see which checks pass.
#include "bias_variance.hpp"

#include "kata/errors.hpp"

namespace kata {

Diagnosis diagnose(double train_err, double dev_err, double bayes_err, double threshold) {
  KATA_TODO();
}

std::vector<Action> basic_recipe(const Diagnosis& diagnosis) {
  KATA_TODO();
}

double bayes_error(const Density& f0, const Density& f1, double prior0, double a, double b, arma::uword n) {
  KATA_TODO();
}

double bayes_error_gaussian(double mu0, double mu1, double sigma, double prior0, arma::uword n) {
  KATA_TODO();
}

double bayes_error_closed_form(double mu0, double mu1, double sigma) {
  KATA_TODO();
}

}  // namespace kata
