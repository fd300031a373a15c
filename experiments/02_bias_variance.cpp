// Experiment 02: bias and variance of k-nearest-neighbour classifiers, from very flexible (k = 1) to very
// rigid (k = m), on two Gaussian classes whose Bayes error is known exactly. Every model is diagnosed
// with the lesson's diagnose() and basic_recipe(); the Bayes error comes from the lesson's Simpson
// integration and is checked against the closed form.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iostream>

#include "bias_variance.hpp"
#include "kata/experiment.hpp"
#include "kata/plot.hpp"
#include "kata/rng.hpp"

namespace {

constexpr double kSigma = 1.0;     // both classes: N(mean_y, sigma² I) in 2-D
constexpr double kDistance = 2.0;  // mean0 = (0, 0), mean1 = (2, 0): d/sigma = 2
constexpr double kThreshold = 0.05;

struct Data {
  arma::mat X;      // 2 × m
  arma::urowvec y;  // 1 × m
};

// m examples: label y ~ Bernoulli(1/2), then x ~ N(mean_y, sigma² I). Drawn in a fixed order from rng.
Data sample(arma::uword m, kata::Rng& rng) {
  Data d{arma::mat(2, m), arma::urowvec(m)};
  for (arma::uword i = 0; i < m; ++i) {
    d.y(i) = rng.rand() < 0.5 ? 0 : 1;
    d.X(0, i) = (d.y(i) == 1 ? kDistance : 0.0) + kSigma * rng.randn();
    d.X(1, i) = kSigma * rng.randn();
  }
  return d;
}

// A tiny k-NN: for each query, the training labels ordered by distance (ties by index), so the vote of
// every k comes from one ordering. Returns the error rate of each k in ks on (queries, labels).
// The ordering is the one std::stable_sort by distance gives, in two cheap steps instead of a general
// sort (which took 95% of this experiment): a counting sort into 256 buckets of distance (stable, so
// indices stay in order inside a bucket), then an insertion sort that only has to fix the few pairs
// inside a bucket that are out of order.
struct Neighbour {
  double dist;
  arma::uword index;
  bool operator<(const Neighbour& o) const { return dist < o.dist || (dist == o.dist && index < o.index); }
};

void order_by_distance(const std::vector<double>& dist, std::vector<Neighbour>& out) {
  constexpr std::size_t buckets = 1024;
  const double far = *std::max_element(dist.begin(), dist.end());
  // bucket(d) = floor(d * scale) never decreases as d grows, so bucket order agrees with distance order.
  const double scale = far > 0.0 ? (buckets - 1) / far : 0.0;
  std::vector<std::size_t> start(buckets + 1, 0);
  std::vector<std::uint16_t> bucket(dist.size());
  for (std::size_t i = 0; i < dist.size(); ++i) {
    bucket[i] = static_cast<std::uint16_t>(dist[i] * scale);
    ++start[bucket[i] + 1];
  }
  for (std::size_t b = 1; b <= buckets; ++b) start[b] += start[b - 1];
  for (std::size_t i = 0; i < dist.size(); ++i) out[start[bucket[i]]++] = {dist[i], i};
  for (std::size_t i = 1; i < out.size(); ++i) {
    const Neighbour x = out[i];
    std::size_t j = i;
    for (; j > 0 && x < out[j - 1]; --j) out[j] = out[j - 1];
    out[j] = x;
  }
}

std::vector<double> knn_errors(const Data& train, const Data& query, const std::vector<arma::uword>& ks) {
  const arma::uword m = train.X.n_cols;
  std::vector<double> errors(ks.size(), 0.0);
  std::vector<double> dist(m);
  std::vector<Neighbour> order(m);
  for (arma::uword q = 0; q < query.X.n_cols; ++q) {
    for (arma::uword i = 0; i < m; ++i) {
      const double dx = train.X(0, i) - query.X(0, q), dy = train.X(1, i) - query.X(1, q);
      dist[i] = dx * dx + dy * dy;
    }
    order_by_distance(dist, order);
    arma::uword ones = 0, taken = 0;
    for (std::size_t j = 0; j < ks.size(); ++j) {
      while (taken < ks[j]) ones += train.y(order[taken++].index);
      const arma::uword vote = 2 * ones > ks[j] ? 1 : 0;  // k is odd: no ties
      if (vote != query.y(q)) errors[j] += 1.0;
    }
  }
  for (double& e : errors) e /= static_cast<double>(query.X.n_cols);
  return errors;
}

std::string recipe_text(const kata::Diagnosis& d) {
  const auto steps = kata::basic_recipe(d);
  std::string out = kata::action_name(steps.front());
  if (steps.size() > 1) out += std::string(", ") + kata::action_name(steps[1]);
  return out;
}

}  // namespace

int main() {
  return kata::run_experiment("02 bias / variance", [] {
    // 1. The course's table.
    std::cout << "The course's table (Bayes error ~ 0, threshold " << kThreshold << "):\n";
    std::printf("  %6s %6s %6s  %-14s %-14s  %s\n", "train", "dev", "Bayes", "avoidable bias", "variance",
                "diagnosis -> first steps of the recipe");
    const double table[][3] = {{0.01, 0.11, 0.0}, {0.15, 0.16, 0.0}, {0.15, 0.30, 0.0}, {0.005, 0.01, 0.0},
                               {0.15, 0.16, 0.15}};
    for (const auto& row : table) {
      const kata::Diagnosis d = kata::diagnose(row[0], row[1], row[2], kThreshold);
      std::printf("  %5.1f%% %5.1f%% %5.1f%%  %13.1f%% %13.1f%%  %-22s -> %s\n", 100 * row[0], 100 * row[1],
                  100 * row[2], 100 * d.avoidable_bias, 100 * d.variance,
                  d.high_bias && d.high_variance ? "high bias & variance"
                  : d.high_bias                  ? "high bias"
                  : d.high_variance              ? "high variance"
                                                 : "fine",
                  recipe_text(d).c_str());
    }

    // 2. Simpson against the closed form.
    std::cout << "\nBayes error of two equal-variance Gaussians, equal priors: Simpson (split at the\n"
                 "crossing, n panels per half) against the closed form Phi(-d/(2 sigma)):\n";
    std::printf("  %5s  %-20s %12s %12s %12s\n", "d/s", "closed form", "|err| n=4", "|err| n=16", "|err| n=1000");
    for (const double r : {0.5, 1.0, 2.0, 3.0, 4.0}) {
      const double exact = kata::bayes_error_closed_form(0.0, r, 1.0);
      std::printf("  %5.1f  %-20.17f %12.2e %12.2e %12.2e\n", r, exact,
                  std::abs(kata::bayes_error_gaussian(0.0, r, 1.0, 0.5, 4) - exact),
                  std::abs(kata::bayes_error_gaussian(0.0, r, 1.0, 0.5, 16) - exact),
                  std::abs(kata::bayes_error_gaussian(0.0, r, 1.0, 0.5, 1000) - exact));
    }

    // 3. k-NN from flexible to rigid. Only the first coordinate separates the classes, so the 2-D Bayes
    //    error is the 1-D one along the line joining the means.
    const double bayes = kata::bayes_error_gaussian(0.0, kDistance, kSigma, 0.5);
    const arma::uword m = 401, m_dev = 4000, repeats = 20;
    const std::vector<arma::uword> ks{1, 3, 5, 9, 15, 25, 41, 71, 121, 201, 301, 351, 381, 401};
    kata::Rng rng(2);
    const Data train = sample(m, rng);
    const Data dev = sample(m_dev, rng);
    const auto train_err = knn_errors(train, train, ks);
    const auto dev_err = knn_errors(train, dev, ks);

    // The same k on 20 independent training sets: how much the dev error moves with the training sample.
    arma::mat dev_rep(ks.size(), repeats);
    for (arma::uword r = 0; r < repeats; ++r) {
      kata::Rng rep_rng(100 + static_cast<std::uint32_t>(r));
      const auto e = knn_errors(sample(m, rep_rng), dev, ks);
      for (std::size_t j = 0; j < ks.size(); ++j) dev_rep(j, r) = e[j];
    }

    std::printf("\nk-NN on two 2-D Gaussian classes, d/sigma = %.0f: Bayes error %.4f (Simpson) vs %.4f (closed\n"
                "form). %llu training examples (a point counts as its own neighbour), %llu dev examples;\n"
                "the last two columns: dev error over %llu fresh training sets (mean, standard deviation).\n",
                kDistance / kSigma, bayes, kata::bayes_error_closed_form(0.0, kDistance, kSigma),
                static_cast<unsigned long long>(m), static_cast<unsigned long long>(m_dev),
                static_cast<unsigned long long>(repeats));
    std::printf("  %4s %7s %7s %8s %8s  %-24s %-32s %7s %6s\n", "k", "train", "dev", "bias", "var", "diagnosis",
                "recipe: first steps", "dev avg", "sd");
    arma::vec kv(ks.size()), tr(ks.size()), dv(ks.size());
    std::size_t best = 0;
    for (std::size_t j = 0; j < ks.size(); ++j) {
      const kata::Diagnosis d = kata::diagnose(train_err[j], dev_err[j], bayes, kThreshold);
      std::printf("  %4llu %6.2f%% %6.2f%% %+7.2f%% %+7.2f%%  %-24s %-32s %6.2f%% %5.2f%%\n",
                  static_cast<unsigned long long>(ks[j]), 100 * train_err[j], 100 * dev_err[j],
                  100 * d.avoidable_bias, 100 * d.variance,
                  d.high_bias && d.high_variance ? "high bias & variance"
                  : d.high_bias                  ? "high bias (k too large)"
                  : d.high_variance              ? "high variance (k small)"
                                                 : "fine",
                  recipe_text(d).c_str(), 100 * arma::mean(dev_rep.row(j)), 100 * arma::stddev(dev_rep.row(j)));
      kv(j) = static_cast<double>(ks[j]);
      tr(j) = train_err[j];
      dv(j) = dev_err[j];
      if (dev_err[j] < dev_err[best]) best = j;
    }
    const double se = std::sqrt(bayes * (1.0 - bayes) / static_cast<double>(m_dev));
    const double lowest_avg = arma::min(arma::mean(dev_rep, 1));
    std::printf("\nLowest dev error: %.2f%% at k = %llu; Bayes error %.2f%%; difference %+.2f points = %+.1f standard\n"
                "errors of a %llu-example dev estimate (sd %.2f points). Lowest mean over %llu training sets: %.2f%%.\n",
                100 * dev_err[best], static_cast<unsigned long long>(ks[best]), 100 * bayes,
                100 * (dev_err[best] - bayes), (dev_err[best] - bayes) / se, static_cast<unsigned long long>(m_dev),
                100 * se, static_cast<unsigned long long>(repeats), 100 * lowest_avg);

    kata::Figure fig("knn_bias_variance", "k-NN: training and dev error vs k (small k = flexible)");
    fig.xlabel("k (neighbours)").ylabel("error").log_x();
    fig.caption("Training error rises and dev error falls, then rises, as k grows: small k over-fits (high "
                "variance), large k under-fits (high bias); near the best k the dev error meets the Bayes error, "
                "the floor for every classifier.");
    fig.line("train error", kv, tr).line("dev error", kv, dv);
    fig.line("Bayes error", kv, arma::vec(ks.size(), arma::fill::value(bayes)));
    fig.save();

    std::cout << "\nWhat this shows: k = 1 memorizes the training set (training error 0, below the Bayes error, "
                 "which\nis allowed) but its dev error is far higher: high variance, and the recipe asks for "
                 "more data or\nregularization (for k-NN: a larger k). k = m predicts the majority class for "
                 "everyone: both\nerrors near 50%, high bias, and the recipe asks for a more flexible model "
                 "(a smaller k). In\nbetween the two errors meet close to the Bayes error, and no k gets "
                 "below it beyond what\nsampling noise of the dev estimate allows: the Bayes error is a floor "
                 "for every classifier.\n";
  });
}
