// Lesson 02 — bias, variance, the Bayes error and the basic recipe. The contract: the stub next to this
// file and the reference solution both implement exactly these functions. Errors are fractions in
// [0, 1] (0.11 means 11%).
//
// Validate under your own name: when your function delegates to another contract function
// (bayes_error_gaussian() calls bayes_error()), validate the arguments again under your own name first,
// so the message starts with your function's name ("bayes_error_gaussian(): ...", never
// "bayes_error(): ..." from a call of bayes_error_gaussian()).
// Every std::invalid_argument's message starts with the called function's name and names the bad
// argument as this header calls it (train_err, threshold, prior0, sigma, f0 or f1, ...) and its value.
#pragma once

#include <armadillo>
#include <functional>
#include <vector>

namespace kata {

// What diagnose() concludes from a model's training and dev errors.
struct Diagnosis {
  double avoidable_bias = 0.0;  // train_err − bayes_err (may be negative, see diagnose())
  double variance = 0.0;        // dev_err − train_err   (may be negative by sampling noise)
  bool high_bias = false;       // avoidable_bias > threshold
  bool high_variance = false;   // variance > threshold
};

// diagnose(train_err, dev_err, bayes_err, threshold): bias/variance analysis of one model.
//   train_err   error on the training set, in [0, 1]
//   dev_err     error on the dev set, in [0, 1]
//   bayes_err   the optimal (Bayes) error of the task, in [0, 1]; 0 when humans (or the best
//               possible classifier) make essentially no mistakes
//   threshold   how large a gap counts as "high", > 0 and <= 1 (e.g. 0.05 = five percentage points)
// Returns avoidable_bias = train_err − bayes_err, variance = dev_err − train_err, and the flags
// high_bias = avoidable_bias > threshold, high_variance = variance > threshold (strictly greater).
// Bias is measured from the Bayes error, not from 0: with bayes_err = 0.15, a training error of 15% is
// as good as it gets. Variance is measured from the training error, not from 0 and not from the Bayes
// error: it is the gap between seen and unseen examples.
// train_err < bayes_err is ALLOWED (a model that memorizes its training set, like 1-nearest-neighbour,
// has training error 0 even when the Bayes error is not 0): avoidable_bias is then negative and
// high_bias is false. dev_err < train_err (negative variance: a small or easy dev set) is allowed too;
// the flag compares the signed gap, so a negative variance is never high.
// The ends of the ranges are valid: error rates 0 and 1, threshold 1 (then no gap counts as high).
// Example (the course's table, Bayes ≈ 0, threshold 0.05): 1%/11% → high variance only; 15%/16% → high
// bias only; 15%/30% → both; 0.5%/1% → neither. With bayes_err = 0.15, 15%/16% → neither.
// Throws std::invalid_argument ("diagnose(): ...") when an error is outside [0, 1] or NaN, or when
// threshold is not in (0, 1] (or NaN).
Diagnosis diagnose(double train_err, double dev_err, double bayes_err, double threshold);

// The steps of the course's basic recipe for machine learning.
enum class Action {
  BiggerNetwork,    // high bias: more hidden units / layers
  TrainLonger,      // high bias: more iterations, or a better optimizer
  NewArchitecture,  // either problem: search for a better-suited network architecture
  MoreData,         // high variance
  Regularization,   // high variance
  Done,             // neither: the model is good enough
};

// A short name for printing: "bigger network", "train longer", "new architecture", "more data",
// "regularization", "done".
inline const char* action_name(Action a) {
  switch (a) {
    case Action::BiggerNetwork: return "bigger network";
    case Action::TrainLonger: return "train longer";
    case Action::NewArchitecture: return "new architecture";
    case Action::MoreData: return "more data";
    case Action::Regularization: return "regularization";
    case Action::Done: return "done";
  }
  return "?";
}

// basic_recipe(diagnosis): what to try next, in order. Bias comes FIRST: fix the training error before
// worrying about the dev error (more data does not help a model that cannot fit what it has).
//   high_bias      contributes {BiggerNetwork, TrainLonger, NewArchitecture}
//   high_variance  then contributes {MoreData, Regularization, NewArchitecture}
// The result is the concatenation with repeats removed (an action appears once, at its first place):
//   bias only      → {BiggerNetwork, TrainLonger, NewArchitecture}
//   variance only  → {MoreData, Regularization, NewArchitecture}
//   both           → {BiggerNetwork, TrainLonger, NewArchitecture, MoreData, Regularization}
//   neither        → {Done}
// Only the two flags are read. Every combination is valid, so it never throws.
std::vector<Action> basic_recipe(const Diagnosis& diagnosis);

// A class-conditional density: f(x) = p(x | y), finite and >= 0.
using Density = std::function<double(double)>;

// bayes_error(f0, f1, prior0, a, b, n): the optimal error of a two-class problem in one dimension,
//   Bayes error = ∫ min[P(y=0|x), P(y=1|x)] p(x) dx = ∫ min[prior0·f0(x), prior1·f1(x)] dx,
// with prior1 = 1 − prior0 (the notes' formula: P(y|x) p(x) = P(y) p(x|y)), integrated over [a, b] by
// the composite Simpson rule with n panels (n even), h = (b − a)/n, x_i = a + i·h:
//   ∫ g ≈ h/3 · [g(x_0) + 4 g(x_1) + 2 g(x_2) + 4 g(x_3) + … + 2 g(x_{n−2}) + 4 g(x_{n−1}) + g(x_n)].
// Mass of the densities outside [a, b] is ignored, so choose [a, b] wide enough. Simpson's rule is exact
// for quadratics; where the two curves cross, min[...] has a kink, and accuracy drops unless the kink
// falls on a panel boundary x_0, x_2, x_4, … (see bayes_error_gaussian()).
//   prior0  in (0, 1)
//   a, b    finite, a < b
//   n       even, >= 2
// Throws std::invalid_argument ("bayes_error(): ...") for a bad prior0, a, b or n, or when either density
// returns a negative or non-finite value at any node x_0 … x_n (the message names the density, f0 or f1,
// the node x_i and the value).
// Check each value as it is computed: the final sum cannot tell (std::min(a, NaN) returns a).
double bayes_error(const Density& f0, const Density& f1, double prior0, double a, double b, arma::uword n);

// bayes_error_gaussian(mu0, mu1, sigma, prior0, n): bayes_error() for two Gaussian classes with the same
// standard deviation sigma, f_k(x) = exp(−(x − mu_k)² / (2 sigma²)) / (sigma √(2π)).
// The curves prior0·f0 and prior1·f1 cross once, at
//   x* = (mu0 + mu1)/2 + sigma² · ln(prior0 / prior1) / (mu1 − mu0)      (x* = mu0 when mu0 == mu1).
// The integral is split there: bayes_error(f0, f1, prior0, x* − L, x*, n) +
// bayes_error(f0, f1, prior0, x*, x* + L, n), with L = max(|x* − mu0|, |x* − mu1|) + 10·sigma (beyond
// 10 sigma the tails hold less than 1e-23). Each half is smooth, so Simpson converges like h⁴: n = 1000
// panels per half gives an absolute error below 1e-10 (the reference: at most 4.2e-11 for |mu1 − mu0|/sigma
// from 0 to 40 and prior0 from 1e-6 to 1 − 1e-6; 3.3e-11 at d/sigma = 1). With n/2 panels per half the
// error is about 16 times larger.
//   mu0, mu1  finite;  sigma finite, > 0;  prior0 in (0, 1);  n even, >= 2
// Throws std::invalid_argument ("bayes_error_gaussian(): ...") for bad arguments, checked here before
// bayes_error() is called. mu0 == mu1 is valid, and no reason to skip a check: with equal means a bad
// sigma, prior0 or n is rejected all the same (validate before any shortcut for equal means).
double bayes_error_gaussian(double mu0, double mu1, double sigma, double prior0, arma::uword n = 1000);

// bayes_error_closed_form(mu0, mu1, sigma): the exact Bayes error for two equal-variance Gaussian
// classes with EQUAL priors: the boundary is the midpoint, each class spills |mu1 − mu0|/2 past it, so
//   Bayes error = Φ(−|mu1 − mu0| / (2 sigma)),   Φ(z) = ½ erfc(−z / √2).
// Golden: d/sigma = 1 → 0.3085375387259869, 2 → 0.15865525393145707, 3 → 0.06680720126885809.
//   mu0, mu1  finite;  sigma finite, > 0
// Throws std::invalid_argument ("bayes_error_closed_form(): ...") for bad arguments, equal means
// included (a bad sigma is rejected before any shortcut to 0.5).
double bayes_error_closed_form(double mu0, double mu1, double sigma);

}  // namespace kata
