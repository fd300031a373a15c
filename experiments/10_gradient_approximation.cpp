// Lesson 10 experiment: how the error of one- and two-sided differences depends on ε.
//
// For f(θ) = θ³ at θ = 1 (f' = 3) and f(θ) = sin θ at θ = 1 (f' = cos 1) we sweep ε from 1e-1 down to
// 1e-12, print the absolute errors, fit the orders on the large-ε part, and plot log error against log ε:
// straight lines of slope 1 (one-sided) and 2 (two-sided) until floating-point round-off (~1e-16 / ε)
// takes over and the error climbs again — the V shape.
#include <cmath>
#include <functional>
#include <iomanip>
#include <iostream>
#include <string>

#include "gradient_approximation.hpp"
#include "kata/experiment.hpp"
#include "kata/plot.hpp"

namespace {

struct Case {
  std::string name;
  std::function<double(double)> f;
  double derivative;
};

}  // namespace

int main() {
  return kata::run_experiment("10 numerical approximation of gradients", [] {
    const double theta = 1.0;
    const Case cases[] = {{"theta^3", [](double t) { return t * t * t; }, 3.0},
                          {"sin(theta)", [](double t) { return std::sin(t); }, std::cos(1.0)}};
    arma::vec eps(12);
    for (arma::uword k = 0; k < eps.n_elem; ++k) eps(k) = std::pow(10.0, -double(k + 1));

    for (const Case& c : cases) {
      arma::vec one(eps.n_elem), two(eps.n_elem);
      for (arma::uword k = 0; k < eps.n_elem; ++k) {
        one(k) = std::abs(kata::one_sided_difference(c.f, theta, eps(k)) - c.derivative);
        two(k) = std::abs(kata::two_sided_difference(c.f, theta, eps(k)) - c.derivative);
      }
      // A difference can land exactly on the answer by luck; log plots and fits need error > 0.
      one.clamp(1e-17, arma::datum::inf);
      two.clamp(1e-17, arma::datum::inf);

      std::cout << "\nf = " << c.name << " at theta = 1, exact f' = " << std::setprecision(10) << c.derivative << "\n";
      std::cout << std::setw(10) << "eps" << std::setw(16) << "one-sided err" << std::setw(16) << "two-sided err"
                << "\n";
      for (arma::uword k = 0; k < eps.n_elem; ++k)
        std::cout << std::setw(10) << std::setprecision(0) << std::scientific << eps(k) << std::setw(16)
                  << std::setprecision(3) << one(k) << std::setw(16) << two(k) << "\n";
      std::cout << std::defaultfloat;

      const arma::uword best = two.index_min(), best_one = one.index_min();
      const arma::span truncation(0, 2);  // ε = 1e-1 .. 1e-3: truncation error dominates
      std::cout << "fitted order on eps = 1e-1 .. 1e-3:  one-sided " << std::setprecision(3)
                << kata::convergence_order(eps(truncation), one(truncation)) << ",  two-sided "
                << kata::convergence_order(eps(truncation), two(truncation)) << "\n";
      std::cout << "best eps: two-sided " << eps(best) << " (error " << two(best) << "),  one-sided "
                << eps(best_one) << " (error " << one(best_one) << ")\n";

      const std::string slug = c.name == "theta^3" ? "cube" : "sin";
      kata::Figure fig("error_vs_eps_" + slug, "|difference quotient - f'(1)| for f = " + c.name);
      fig.xlabel("eps").ylabel("absolute error").log_x().log_y();
      fig.caption("Error of the one-sided and two-sided difference quotients for f = " + c.name +
                  ": on the right truncation error (slopes 1 and 2), on the left round-off (about 1e-16 / eps); "
                  "the V's bottom is the best eps.");
      fig.line("one-sided", eps, one).line("two-sided", eps, two);
      fig.vline(eps(best), "best two-sided eps");
      fig.save();
    }

    // The vector version on a quadratic J(θ) = ½ θᵀAθ + bᵀθ, where the centred difference is exact up to
    // round-off, with the course's gradient-checking ε = 1e-7.
    const arma::mat A{{2.0, 0.5, 0.0}, {0.5, 3.0, 1.0}, {0.0, 1.0, 1.5}};
    const arma::vec b{1.0, -2.0, 0.5};
    arma::vec t{0.1, 0.7, -1.3};
    const arma::vec saved = t;
    const arma::vec g = kata::numerical_gradient(
        [&](const arma::vec& v) { return 0.5 * arma::dot(v, A * v) + arma::dot(b, v); }, t, 1e-7);
    std::cout << "\nnumerical_gradient of a 3-D quadratic, eps = 1e-7: max |g - (A theta + b)| = "
              << arma::abs(g - (A * t + b)).max() << ", theta unchanged: " << (arma::all(t == saved) ? "yes" : "NO")
              << "\n";

    std::cout << "\nWhat this shows: for large eps the error is truncation error, a straight line on the log-log "
                 "plot with slope 1 for\nthe one-sided difference and slope 2 for the two-sided one (for theta^3 "
                 "at 1 exactly 3 eps + eps^2 and eps^2). Below\nthe best eps the lines turn around: f(theta + eps) "
                 "and f(theta - eps) agree in almost all their digits, their difference\nkeeps only round-off "
                 "(~1e-16 / eps), and the error GROWS as eps shrinks: the V shape. The two-sided difference is "
                 "best,\n~1e-11, at eps = 1e-5 .. 1e-6 (where eps^2 meets 1e-16 / eps, eps ~ 5e-6); the one-sided "
                 "one only reaches ~3e-9, at\neps = 1e-8 (where eps meets 1e-16 / eps). Two function calls per "
                 "coordinate buy a hundred to a thousand times\nmore accuracy, which is why gradient checking uses "
                 "the two-sided difference.\n";
  });
}
