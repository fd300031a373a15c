// Experiment 07: why normalize inputs. (1) Logistic regression by batch gradient descent on breast_cancer
// (feature scales from ~1e-3 to ~4e3), raw vs normalized with the lesson's fit_normalizer()/transform():
// the largest stable learning rate, iterations to a target cost, accuracy. (2) Gradient descent on a 2-D
// least-squares problem with elongated contours: the zig-zag path, raw vs normalized.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <vector>

#include "input_normalization.hpp"
#include "kata/dataset.hpp"
#include "kata/experiment.hpp"
#include "kata/plot.hpp"
#include "kata/rng.hpp"
#include "kata/vmath.hpp"

namespace {

// ---- logistic regression, examples as columns ----

struct Model {
  arma::vec w;
  double b = 0.0;
};

// Per-example cross-entropy from the logits z, in a form that never overflows: log(1 + e^-|z|) + max(z, 0)
// - y z, with e^-|z| left in `e` (kata::exp_n and log1p_n: four at a time, this experiment's inner loop).
void logistic_loss(const arma::rowvec& z, const arma::rowvec& y, arma::rowvec& loss, arma::rowvec& e) {
  const arma::uword n = z.n_elem;
  loss.set_size(n);
  e = -arma::abs(z);
  kata::exp_n(e.memptr(), e.memptr(), n);
  kata::log1p_n(e.memptr(), loss.memptr(), n);
  for (arma::uword i = 0; i < n; ++i) loss(i) += (z(i) < 0.0 ? 0.0 : z(i)) - y(i) * z(i);
}

double cost(const Model& model, const arma::mat& X, const arma::rowvec& y) {
  const arma::rowvec z = model.w.t() * X + model.b;
  arma::rowvec loss, e;
  logistic_loss(z, y, loss, e);
  return arma::mean(loss);
}

double accuracy_of(const Model& model, const arma::mat& X, const arma::rowvec& y) {
  const arma::rowvec z = model.w.t() * X + model.b;
  double right = 0.0;
  for (arma::uword i = 0; i < y.n_elem; ++i) right += ((z(i) > 0.0) == (y(i) > 0.5)) ? 1.0 : 0.0;
  return right / static_cast<double>(y.n_elem);
}

// One gradient descent step, a = σ(z), w -= lr X (a - y)' / m, b -= lr mean(a - y), which also returns the
// cost at the weights before the step: both come from the same logits z = w'X + b, computed once (an
// iteration of `train` and `stable` needs the cost after every step, which is the next step's "before").
// σ(z) from the loss's e = e^-|z|: 1 / (1 + e) where z >= 0, e / (1 + e) where z < 0 (no overflow).
double cost_and_step(Model& model, const arma::mat& X, const arma::rowvec& y, double lr, arma::rowvec& z,
                     arma::rowvec& loss, arma::rowvec& dz) {
  z = model.w.t() * X + model.b;
  logistic_loss(z, y, loss, dz);
  for (arma::uword i = 0; i < z.n_elem; ++i) dz(i) = (z(i) >= 0.0 ? 1.0 : dz(i)) / (1.0 + dz(i)) - y(i);  // σ(z) - y
  const double J = arma::mean(loss);
  model.w -= lr * (X * dz.t()) / static_cast<double>(X.n_cols);
  model.b -= lr * arma::mean(dz);
  return J;
}

// "Stable" = the cost is finite at every iteration and never goes up (beyond rounding) over `iters` steps.
bool stable(const arma::mat& X, const arma::rowvec& y, double lr, int iters) {
  Model model{arma::vec(X.n_rows, arma::fill::zeros), 0.0};
  arma::rowvec z, loss, dz;
  double previous = cost_and_step(model, X, y, lr, z, loss, dz);
  for (int t = 1; t <= iters; ++t) {
    // the cost after step t is the one computed before step t + 1 (the last one needs its own)
    const double c = t < iters ? cost_and_step(model, X, y, lr, z, loss, dz) : cost(model, X, y);
    if (!std::isfinite(c) || c > previous * (1.0 + 1e-12)) return false;
    previous = c;
  }
  return true;
}

struct Run {
  arma::vec costs;    // cost after each iteration (index 0 = before the first step)
  std::vector<int> reached;  // per target: first iteration with cost <= target, -1 if never
  Model model;
};

Run train(const arma::mat& X, const arma::rowvec& y, double lr, int iters, const std::vector<double>& targets) {
  Run run{arma::vec(static_cast<arma::uword>(iters) + 1), std::vector<int>(targets.size(), -1),
          Model{arma::vec(X.n_rows, arma::fill::zeros), 0.0}};
  arma::rowvec z, loss, dz;
  run.costs(0) = cost_and_step(run.model, X, y, lr, z, loss, dz);
  for (int t = 1; t <= iters; ++t) {
    // the cost after step t; step t + 1 starts from the same logits (no step after the last one)
    const double c = run.costs(static_cast<arma::uword>(t)) =
        t < iters ? cost_and_step(run.model, X, y, lr, z, loss, dz) : cost(run.model, X, y);
    for (std::size_t k = 0; k < targets.size(); ++k)
      if (run.reached[k] < 0 && c <= targets[k]) run.reached[k] = t;
  }
  return run;
}

// ---- the 2-D quadratic: J(w) = (1/2m) ||w' X - y||², Hessian H = X X' / m ----

struct Quadratic {
  arma::mat H;
  arma::vec w_star;
};

Quadratic least_squares(const arma::mat& X, const arma::rowvec& y) {
  const double m = static_cast<double>(X.n_cols);
  const arma::mat H = X * X.t() / m;
  return {H, arma::solve(H, X * y.t() / m)};
}

// Ellipse {w : ½ (w − w*)' H (w − w*) = level} as a closed line.
void add_contour(kata::Figure& fig, const Quadratic& q, double level, const std::string& label) {
  arma::vec eigval;
  arma::mat eigvec;
  arma::eig_sym(eigval, eigvec, q.H);
  const arma::uword n = 200;
  arma::vec x(n + 1), y(n + 1);
  for (arma::uword i = 0; i <= n; ++i) {
    const double t = 2.0 * arma::datum::pi * static_cast<double>(i) / static_cast<double>(n);
    const arma::vec u{std::cos(t) * std::sqrt(2.0 * level / eigval(0)), std::sin(t) * std::sqrt(2.0 * level / eigval(1))};
    const arma::vec w = q.w_star + eigvec * u;
    x(i) = w(0);
    y(i) = w(1);
  }
  fig.line(label, x, y);
}

// Gradient descent from w = 0 with the best fixed step for a quadratic, 2 / (λmin + λmax): the two
// eigen-directions then shrink at the same rate (κ − 1)/(κ + 1), κ = λmax/λmin, the steep one by flipping sign.
// Returns the path (2 × (steps + 1)) and prints how many steps reach ||w − w*|| <= 1e-6 ||w*||.
arma::mat descend(const Quadratic& q, const std::string& name, const std::string& fig_name) {
  const arma::vec eigval = arma::eig_sym(q.H);
  const double lr = 2.0 / (eigval.min() + eigval.max());
  const int steps = 2000;
  arma::mat path(2, steps + 1, arma::fill::zeros);
  int reached = -1;
  for (int t = 1; t <= steps; ++t) {
    const arma::vec w = path.col(static_cast<arma::uword>(t - 1));
    path.col(static_cast<arma::uword>(t)) = w - lr * q.H * (w - q.w_star);
    if (reached < 0 && arma::norm(path.col(static_cast<arma::uword>(t)) - q.w_star) <= 1e-6 * arma::norm(q.w_star))
      reached = t;
  }
  std::printf("  %-11s eigenvalues of H %9.3f %9.3f  condition %7.1f  step 2/(lmin+lmax) = %.5f  steps to 1e-6: %d\n",
              name.c_str(), eigval.min(), eigval.max(), eigval.max() / eigval.min(), lr, reached);

  kata::Figure fig(fig_name, "Gradient descent on J(w), " + name + " inputs");
  fig.xlabel("w1").ylabel("w2");
  // Same scale on both axes only when the contours are not too elongated (normalized inputs): the raw
  // ellipse is ~10 times longer than wide, and at equal scale it would be a thin strip in which the
  // zig-zag is a solid wedge. There w2 is stretched instead, and the caption says so.
  const bool equal = eigval.max() / eigval.min() < 10;
  if (equal) fig.equal_axes();
  const double start = 0.5 * arma::as_scalar(q.w_star.t() * q.H * q.w_star);  // J(0) − J*
  add_contour(fig, q, start, "contour J - J* = J(0) - J*");
  add_contour(fig, q, 0.1 * start, "0.1 x (J(0) - J*)");
  add_contour(fig, q, 0.01 * start, "0.01 x (J(0) - J*)");
  const arma::uword shown = std::min<arma::uword>(40, static_cast<arma::uword>(steps));
  fig.line_points("gradient descent, first 40 steps", path.row(0).cols(0, shown).t(), path.row(1).cols(0, shown).t());
  fig.points("minimum w*", arma::vec{q.w_star(0)}, arma::vec{q.w_star(1)});
  fig.caption(equal ? "With normalized inputs the contours of J are nearly round, and gradient descent heads "
                      "almost straight for the minimum (both axes at the same scale)."
                    : "With raw inputs the contours of J are long thin ellipses: with the best fixed step, gradient "
                      "descent zig-zags across the steep direction while creeping along the shallow one (w2 "
                      "stretched relative to w1 so the steps show).");
  fig.save();
  return path;
}

}  // namespace

int main() {
  return kata::run_experiment("07 normalizing inputs", [] {
    // ---- 1. breast_cancer ----
    const kata::Dataset data = kata::load_dataset("breast_cancer");
    kata::Rng rng(0);
    const arma::uvec p = rng.permutation(data.n_examples());
    const arma::uword m_train = 398;  // 70% of 569
    const arma::uvec tr = p.head(m_train), te = p.tail(data.n_examples() - m_train);
    const arma::mat X_train = data.X.cols(tr), X_test = data.X.cols(te);
    const arma::rowvec y_train = arma::conv_to<arma::rowvec>::from(data.y.cols(tr));
    const arma::rowvec y_test = arma::conv_to<arma::rowvec>::from(data.y.cols(te));

    const kata::Normalizer norm = kata::fit_normalizer(X_train);
    const arma::mat Z_train = kata::transform(norm, X_train), Z_test = kata::transform(norm, X_test);
    std::printf("breast_cancer: %llu features, %llu train / %llu test examples (shuffled with Rng(0)).\n",
                static_cast<unsigned long long>(data.n_features()), static_cast<unsigned long long>(m_train),
                static_cast<unsigned long long>(te.n_elem));
    std::printf("Per-feature standard deviation (train): raw from %.2e (%s) to %.2e (%s); means up to %.0f.\n",
                norm.sigma.min(), data.feature_names[norm.sigma.index_min()].c_str(), norm.sigma.max(),
                data.feature_names[norm.sigma.index_max()].c_str(), norm.mu.max());
    const arma::vec test_means = arma::mean(Z_test, 1), test_sd = arma::stddev(Z_test, 1, 1);
    std::printf("After transform(): train means 0 and sd 1; TEST means in [%.3f, %.3f] and sd in [%.3f, %.3f]\n"
                "(the test set goes through the training statistics, so it is close to, not exactly, standard).\n",
                test_means.min(), test_means.max(), test_sd.min(), test_sd.max());

    // Largest stable learning rate on the grid 1e-9, 3e-9, 1e-8, ..., 30.
    const int probe_iters = 300;
    std::vector<double> grid;
    for (int k = -9; k <= 1; ++k) {
      grid.push_back(std::pow(10.0, k));
      grid.push_back(3.0 * std::pow(10.0, k));
    }
    auto largest_stable = [&](const arma::mat& X) {
      double best = 0.0;
      for (const double lr : grid)
        if (stable(X, y_train, lr, probe_iters)) best = lr;
      return best;
    };
    const double lr_raw = largest_stable(X_train), lr_norm = largest_stable(Z_train);

    const int iters = 20000;
    const std::vector<double> targets{0.25, 0.1};
    const Run raw = train(X_train, y_train, lr_raw, iters, targets);
    const Run nrm = train(Z_train, y_train, lr_norm, iters, targets);
    std::printf("\nLogistic regression, batch gradient descent from w = 0. 'Stable' = over %d iterations the\n"
                "cost stays finite and never increases; grid 1e-9, 3e-9, 1e-8, ..., 10, 30.\n",
                probe_iters);
    std::printf("  %-11s %10s %15s %15s %10s %10s %10s %9s\n", "inputs", "largest lr", "iters to J=0.25",
                "iters to J=0.1", "J @ 1000", "J @ 20000", "train acc", "test acc");
    auto row = [&](const char* name, double lr, const Run& r, const arma::mat& Xtr, const arma::mat& Xte) {
      auto when = [](int t) { return t < 0 ? std::string("not in 20000") : std::to_string(t); };
      std::printf("  %-11s %10.0e %15s %15s %10.4f %10.4f %9.1f%% %8.1f%%\n", name, lr, when(r.reached[0]).c_str(),
                  when(r.reached[1]).c_str(), r.costs(1000),
                  r.costs(iters), 100 * accuracy_of(r.model, Xtr, y_train), 100 * accuracy_of(r.model, Xte, y_test));
    };
    row("raw", lr_raw, raw, X_train, X_test);
    row("normalized", lr_norm, nrm, Z_train, Z_test);

    kata::Figure costs("logreg_cost", "breast cancer: training cost vs iteration at the largest stable rate");
    costs.xlabel("iteration").ylabel("cost").log_x().log_y();
    const arma::vec it = arma::regspace(1.0, static_cast<double>(iters));
    char label_raw[64], label_norm[64];
    std::snprintf(label_raw, sizeof label_raw, "raw inputs, lr %.0e", lr_raw);
    std::snprintf(label_norm, sizeof label_norm, "normalized inputs, lr %.0e", lr_norm);
    costs.line(label_raw, it, raw.costs.tail(iters)).line(label_norm, it, nrm.costs.tail(iters));
    costs.save();

    // ---- 2. the elongated quadratic ----
    // Two features with standard deviations 1 and 10 and correlation 0.3; y = 1.5 x1 + 0.2 x2 + noise.
    kata::Rng qrng(7);
    const arma::uword m = 500;
    const arma::mat G = qrng.randn(3, m);
    arma::mat X(2, m);
    X.row(0) = G.row(0);
    X.row(1) = 10.0 * (0.3 * G.row(0) + std::sqrt(1.0 - 0.09) * G.row(1));
    const arma::rowvec y = 1.5 * X.row(0) + 0.2 * X.row(1) + 0.5 * G.row(2);
    const kata::Normalizer qn = kata::fit_normalizer(X);
    const arma::rowvec yc = y - arma::mean(y);  // centre y too, so no intercept is needed after centring X
    std::cout << "\nLeast squares J(w) = (1/2m)||w'X - y||^2 with feature sds 1 and 10 (correlation 0.3), gradient\n"
                 "descent from w = 0 with the best fixed step for a quadratic, 2/(lambda_min + lambda_max):\n";
    descend(least_squares(X, yc), "raw", "zigzag_raw");
    descend(least_squares(kata::transform(qn, X), yc), "normalized", "zigzag_normalized");

    std::cout << "\nWhat this shows: on raw breast_cancer inputs the features with the largest values (the areas, in\n"
                 "the hundreds and thousands) force a tiny learning rate, and at that rate the small features barely\n"
                 "move: the cost crawls and accuracy lags. Normalized with the TRAINING statistics, every feature has\n"
                 "unit scale, the largest stable learning rate is about a million times larger, and the target costs\n"
                 "are reached in a handful of iterations. The 2-D plots show why (the raw one with w2 stretched: at\n"
                 "equal scale its ellipse, ~10 times longer than wide, would be a thin strip): on the raw, elongated\n"
                 "contours the step that the steep direction allows makes gradient descent bounce across the valley\n"
                 "while it creeps along it; on the normalized, nearly round contours it heads almost straight for the\n"
                 "minimum. The remaining tilt is the correlation of the features, which normalization does not remove.\n";
  });
}
