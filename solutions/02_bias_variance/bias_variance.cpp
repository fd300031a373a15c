// Lesson 02 — reference solution.
#include "bias_variance.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

#include "kata/errors.hpp"

namespace kata {
namespace {

// NaN fails both comparisons, so it is rejected too.
void require_error_rate(const char* name, double value) {
  require(value >= 0.0 && value <= 1.0,
          str("diagnose(): ", name, " must be an error rate in [0, 1], got ", value));
}

void require_prior(const char* fn, double prior0) {
  require(prior0 > 0.0 && prior0 < 1.0, str(fn, ": prior0 must be in (0, 1), got ", prior0));
}

void require_panels(const char* fn, arma::uword n) {
  require(n >= 2 && n % 2 == 0, str(fn, ": n must be an even number of panels >= 2, got ", n));
}

void require_gaussian(const char* fn, double mu0, double mu1, double sigma) {
  require(std::isfinite(mu0), str(fn, ": mu0 must be finite, got ", mu0));
  require(std::isfinite(mu1), str(fn, ": mu1 must be finite, got ", mu1));
  require(std::isfinite(sigma) && sigma > 0.0, str(fn, ": sigma must be finite and > 0, got ", sigma));
}

// Runs at every node, so the message is only built when the value is bad (formatting it each time
// would cost more than the integration).
double checked(const Density& f, const char* name, double x) {
  const double value = f(x);
  if (!(std::isfinite(value) && value >= 0.0))
    throw std::invalid_argument(
        str("bayes_error(): density ", name, " must be finite and >= 0, got ", name, "(", x, ") = ", value));
  return value;
}

}  // namespace

Diagnosis diagnose(double train_err, double dev_err, double bayes_err, double threshold) {
  require_error_rate("train_err", train_err);
  require_error_rate("dev_err", dev_err);
  require_error_rate("bayes_err", bayes_err);
  require(threshold > 0.0 && threshold <= 1.0,
          str("diagnose(): threshold must be in (0, 1], got ", threshold));
  Diagnosis d;
  d.avoidable_bias = train_err - bayes_err;
  d.variance = dev_err - train_err;
  d.high_bias = d.avoidable_bias > threshold;
  d.high_variance = d.variance > threshold;
  return d;
}

std::vector<Action> basic_recipe(const Diagnosis& diagnosis) {
  std::vector<Action> steps;
  auto add = [&steps](Action a) {
    if (std::find(steps.begin(), steps.end(), a) == steps.end()) steps.push_back(a);
  };
  if (diagnosis.high_bias) {
    add(Action::BiggerNetwork);
    add(Action::TrainLonger);
    add(Action::NewArchitecture);
  }
  if (diagnosis.high_variance) {
    add(Action::MoreData);
    add(Action::Regularization);
    add(Action::NewArchitecture);
  }
  if (steps.empty()) steps.push_back(Action::Done);
  return steps;
}

double bayes_error(const Density& f0, const Density& f1, double prior0, double a, double b, arma::uword n) {
  require_prior("bayes_error()", prior0);
  require(std::isfinite(a) && std::isfinite(b) && a < b,
          str("bayes_error(): need finite a < b, got a = ", a, ", b = ", b));
  require_panels("bayes_error()", n);
  const double prior1 = 1.0 - prior0;
  const double h = (b - a) / static_cast<double>(n);
  // The notes' integrand: min over classes of P(y|x) p(x) = P(y) p(x|y).
  auto g = [&](double x) { return std::min(prior0 * checked(f0, "f0", x), prior1 * checked(f1, "f1", x)); };
  double sum = g(a) + g(b);
  for (arma::uword i = 1; i < n; ++i) {
    const double weight = (i % 2 == 1) ? 4.0 : 2.0;
    sum += weight * g(a + static_cast<double>(i) * h);
  }
  return sum * h / 3.0;
}

double bayes_error_gaussian(double mu0, double mu1, double sigma, double prior0, arma::uword n) {
  require_gaussian("bayes_error_gaussian()", mu0, mu1, sigma);
  require_prior("bayes_error_gaussian()", prior0);
  require_panels("bayes_error_gaussian()", n);
  const double prior1 = 1.0 - prior0;
  // Where prior0·f0 = prior1·f1: the kink of min[...]. Splitting there keeps each half smooth.
  const double x_star =
      mu0 == mu1 ? mu0 : 0.5 * (mu0 + mu1) + sigma * sigma * std::log(prior0 / prior1) / (mu1 - mu0);
  const double L = std::max(std::abs(x_star - mu0), std::abs(x_star - mu1)) + 10.0 * sigma;
  const double norm = 1.0 / (sigma * std::sqrt(2.0 * std::numbers::pi));
  const Density f0 = [=](double x) { return norm * std::exp(-0.5 * std::pow((x - mu0) / sigma, 2)); };
  const Density f1 = [=](double x) { return norm * std::exp(-0.5 * std::pow((x - mu1) / sigma, 2)); };
  return bayes_error(f0, f1, prior0, x_star - L, x_star, n) + bayes_error(f0, f1, prior0, x_star, x_star + L, n);
}

double bayes_error_closed_form(double mu0, double mu1, double sigma) {
  require_gaussian("bayes_error_closed_form()", mu0, mu1, sigma);
  const double z = -std::abs(mu1 - mu0) / (2.0 * sigma);
  return 0.5 * std::erfc(-z / std::numbers::sqrt2);  // Φ(z)
}

}  // namespace kata
