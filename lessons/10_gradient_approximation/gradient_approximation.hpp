// Lesson 10 — numerical approximation of gradients. The contract: the stub next to this file and the
// reference solution both implement exactly these functions.
//
// Bad input throws std::invalid_argument whose message starts with the function's name and names what is
// wrong (the argument, and for a bad entry its index: "convergence_order(): ... eps[1] = 0"). When your
// function delegates to another contract function, validate the arguments again under your own name first,
// so the message starts with your function's name (numerical_gradient() must not report a bad eps as
// "two_sided_difference(): ...").
#pragma once

#include <armadillo>
#include <functional>

namespace kata {

// one_sided_difference(f, theta, eps): the forward difference
//   (f(θ + ε) − f(θ)) / ε  ≈  f'(θ),   error O(ε)   (Taylor: = f'(θ) + ε f''(θ)/2 + O(ε²)).
//   f      any function R → R
//   theta  finite
//   eps    finite, > 0 (any such value, however small or large)
// Throws std::invalid_argument ("one_sided_difference(): ...") for eps <= 0 (-0 included), a NaN or
// infinite eps (the message names eps), or a NaN or infinite theta (the message names theta).
double one_sided_difference(const std::function<double(double)>& f, double theta, double eps);

// two_sided_difference(f, theta, eps): the centred difference
//   (f(θ + ε) − f(θ − ε)) / (2ε)  ≈  f'(θ),   error O(ε²)   (the ε f''/2 terms cancel: = f'(θ) + ε² f'''(θ)/6 + …).
// Costs two evaluations of f instead of one, and is far more accurate: the one to use for gradient checking.
// Throws std::invalid_argument ("two_sided_difference(): ...") for the same bad eps or theta.
double two_sided_difference(const std::function<double(double)>& f, double theta, double eps);

// numerical_gradient(J, theta, eps): the two-sided difference in every coordinate,
//   g_i = (J(θ + ε e_i) − J(θ − ε e_i)) / (2ε),   i = 0 .. n−1.
// θ is perturbed IN PLACE, one coordinate at a time (no copy of θ per coordinate — J may even hold a
// reference to it): set θ_i to its original value + ε, call J(theta); set it to the original − ε, call
// J(theta); then restore θ_i to the SAVED original value (adding ε back is not exact in floating point).
// So J always sees θ with exactly one coordinate changed, 2n calls in all, in the order i = 0, 1, ...
// (+ε before −ε), and θ is bit-for-bit unchanged on return.
//   J      cost function of θ; must return a finite value
//   theta  n >= 1 finite parameters (n × 1)
//   eps    finite, > 0 (gradient checking uses 1e-7)
// Returns g, n × 1.
// Throws std::invalid_argument ("numerical_gradient(): ...") for an empty θ or a NaN/Inf in any entry of θ
// (the message names theta), or eps <= 0 or non-finite (it names eps) — all checked before J is called
// even once — or when J returns a non-finite value, on any call (θ_i is restored to its saved value
// first, so θ is still bit-for-bit unchanged).
arma::vec numerical_gradient(const std::function<double(const arma::vec&)>& J, arma::vec& theta, double eps);

// convergence_order(eps, errors): the slope p of the least-squares line through ALL the points
// (log ε_k, log error_k): error ≈ C · ε^p. One-sided differences give p ≈ 1, two-sided p ≈ 2.
//   eps, errors  the same length k >= 2; all finite and > 0; the ε values not all equal (repeats are fine).
//                Exactly: the log ε values not all equal, since the slope needs a spread in x = log ε;
//                two ε that differ only in their last bits can have the same double logarithm.
//                ε values close together are valid, however small their spread.
// Throws std::invalid_argument ("convergence_order(): ...") otherwise; for a bad value the message names the
// entry, eps[k] or errors[k] (a bad ε also makes the spread of log ε NaN, so a message about equal ε would
// blame the wrong thing).
double convergence_order(const arma::vec& eps, const arma::vec& errors);

}  // namespace kata
