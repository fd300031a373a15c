// Experiment 12: the basic recipe, end to end, on digits and on breast_cancer, with the toolbox of lessons
// 01-11 (yours where you finished the lesson). For each data set: a sealed test set is held out first; the
// recipe splits the rest, normalizes, checks the gradient, trains rounds with early stopping, diagnoses each
// round and takes the recipe's next step, and opens the test set once at the end. Writes report.md next to
// the figures: the rounds, the learning curves, bias and variance per round, the confusion matrix, and which
// parts of the toolbox were yours.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "kata/dataset.hpp"
#include "kata/experiment.hpp"
#include "kata/plot.hpp"
#include "ml_recipe.hpp"
#include "vanishing_exploding.hpp"

namespace {

// What the recipe runs on, and how it is set up.
struct Study {
  std::string name, title;
  kata::Problem problem;
  arma::mat X_test;
  arma::urowvec y_test;
  kata::RecipeSettings settings;
  std::uint32_t seed = 1;
  std::string notes;  // how the data were set up, for the report
};

std::string fmt(const char* format, double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, value);
  return buf;
}

std::string dims(const std::vector<arma::uword>& hidden) {
  std::string s;
  for (std::size_t i = 0; i < hidden.size(); ++i) s += (i ? "-" : "") + std::to_string(hidden[i]);
  return s;
}

std::string verdict_of(const kata::Diagnosis& d) {
  if (d.high_bias && d.high_variance) return "high bias + high variance";
  if (d.high_bias) return "high bias";
  if (d.high_variance) return "high variance";
  return "fine";
}

// Holds out a test set (the first `fraction` of a seeded permutation) and, optionally, a share of the rest
// as examples the recipe may "collect" later (Problem::X_more).
Study make_study(const std::string& name, const kata::Dataset& d, double test_fraction, double more_fraction,
                 std::uint32_t seed) {
  Study s;
  s.name = name;
  kata::Rng rng(seed);
  const arma::uvec p = rng.permutation(d.n_examples());
  const auto m = static_cast<double>(d.n_examples());
  const auto m_test = static_cast<arma::uword>(std::round(test_fraction * m));
  const auto m_more = static_cast<arma::uword>(std::round(more_fraction * m));
  s.X_test = d.X.cols(p.head(m_test));
  s.y_test = d.y.cols(p.head(m_test));
  if (m_more > 0) {
    const arma::uvec more = p.subvec(m_test, m_test + m_more - 1);
    s.problem.X_more = d.X.cols(more);
    s.problem.y_more = d.y.cols(more);
  }
  const arma::uvec rest = p.tail(p.n_elem - m_test - m_more);
  s.problem.X = d.X.cols(rest);
  s.problem.y = d.y.cols(rest);
  s.problem.n_classes = d.n_classes();
  return s;
}

// The toolbox as the CLI linked it ($KATA_TOOLBOX: "01_train_dev_test=yours 02_bias_variance=reference ...").
std::vector<std::pair<std::string, std::string>> toolbox() {
  std::vector<std::pair<std::string, std::string>> parts;
  const char* env = std::getenv("KATA_TOOLBOX");
  if (kata::experiment_variant() == "solution") return {{"every lesson", "reference"}};
  if (env == nullptr) return {{"every lesson", "unknown (run it with ./kata run 12)"}};
  std::istringstream in(env);
  std::string item;
  while (in >> item) {
    const auto eq = item.find('=');
    if (eq != std::string::npos) parts.emplace_back(item.substr(0, eq), item.substr(eq + 1));
  }
  return parts;
}

// Bars as outlines: one rectangle per round at x = round + offset, width 0.3; NaN between rectangles breaks
// the line (gnuplot), so one series draws all of them.
void bars(kata::Figure& fig, const std::string& label, const std::vector<double>& heights, double offset) {
  std::vector<double> x, y;
  for (std::size_t r = 0; r < heights.size(); ++r) {
    const double left = static_cast<double>(r + 1) + offset, right = left + 0.3;
    for (const auto& [px, py] : {std::pair{left, 0.0}, {left, heights[r]}, {right, heights[r]}, {right, 0.0}}) {
      x.push_back(px);
      y.push_back(py);
    }
    x.push_back(arma::datum::nan);
    y.push_back(arma::datum::nan);
  }
  fig.line(label, arma::vec(x), arma::vec(y));
}

void figures(const Study& s, const kata::RecipeReport& r, std::ostream& md) {
  // Learning curves, one figure per round: train and dev cost per epoch, and the epoch early stopping kept.
  for (std::size_t k = 0; k < r.rounds.size(); ++k) {
    const auto& round = r.rounds[k];
    const std::string name = s.name + "_round_" + std::to_string(k + 1);
    kata::Figure curves(name, s.name + ", round " + std::to_string(k + 1) + ": train and dev cost");
    curves.xlabel("epoch").ylabel("cross-entropy (data cost)").log_y();
    curves.caption("Round " + std::to_string(k + 1) + " of the recipe on " + s.name + ": hidden " +
                   dims(round.config.hidden) + ", lambda " + fmt("%g", round.config.lambda) + ", keep_prob " +
                   fmt("%g", round.config.keep_prob) + ", augmented copies " +
                   std::to_string(round.config.augment_copies) + (round.config.more_data ? ", more data" : "") +
                   "; the dashed line is the epoch early stopping kept.");
    const arma::vec epochs = arma::regspace(0, static_cast<double>(round.result.dev_cost.size()) - 1);
    curves.line("train", epochs, arma::vec(round.result.train_cost))
        .line("dev", epochs, arma::vec(round.result.dev_cost));
    curves.vline(static_cast<double>(round.result.best_epoch),
                 "kept: epoch " + std::to_string(round.result.best_epoch));
    curves.save();
    md << "![round " << k + 1 << "](" << name << ".png)\n\n";
  }
  // Avoidable bias and variance per round, against the threshold.
  std::vector<double> bias, variance;
  for (const auto& round : r.rounds) {
    bias.push_back(round.decision.diagnosis.avoidable_bias);
    variance.push_back(round.decision.diagnosis.variance);
  }
  const double n = static_cast<double>(r.rounds.size());
  kata::Figure bv(s.name + "_bias_variance", s.name + ": avoidable bias (train - Bayes) and variance (dev - train)");
  bv.xlabel("round").ylabel("error gap").x_step(1);
  bv.caption("Per round of the recipe on " + s.name + ": the avoidable bias (train error - Bayes error) and the "
             "variance (dev error - train error) against the threshold that decides the next step.");
  bars(bv, "avoidable bias", bias, -0.32);
  bars(bv, "variance", variance, 0.02);
  bv.line("threshold " + fmt("%.3f", s.settings.threshold), arma::vec{0.5, n + 0.5},
          arma::vec{s.settings.threshold, s.settings.threshold});
  bv.line("0", arma::vec{0.5, n + 0.5}, arma::vec{0.0, 0.0});
  bv.save();
  // The confusion matrix, log(1 + count) so that a few mistakes show next to a full diagonal.
  kata::Figure cm(s.name + "_confusion", s.name + ": test confusion (row: true, column: predicted; lighter = more)");
  cm.caption("Test-set confusion matrix on " + s.name + " (row: true class, column: predicted), shaded by "
             "log(1 + count) so that a few mistakes show next to the full diagonal.");
  cm.xlabel("predicted class").ylabel("true class");
  cm.image(arma::log1p(arma::conv_to<arma::mat>::from(r.confusion)));
  cm.save();
  md << "![bias and variance](" << s.name << "_bias_variance.png)\n\n"
     << "![confusion matrix](" << s.name << "_confusion.png)\n\n";
}

void report(const Study& s, const kata::RecipeReport& r, double seconds, std::ostream& md) {
  const auto& g = r.gradient_check;
  std::printf("\n== %s ==\n%s\n", s.title.c_str(), s.notes.c_str());
  std::printf("gradient check of the first network: difference %.2e (%s); worst block %s (%.2e)\n", g.difference,
              kata::verdict_name(g.verdict), g.blocks.empty() ? "-" : g.blocks[0].name.c_str(),
              g.blocks.empty() ? 0.0 : g.blocks[0].difference);
  md << "## " << s.title << "\n\n"
     << s.notes << "\n\n"
     << "Gradient check of the first round's initial network (lesson 11, with its L2): difference "
     << fmt("%.2e", g.difference) << ", **" << kata::verdict_name(g.verdict) << "**; worst block "
     << (g.blocks.empty() ? "-" : g.blocks[0].name + " (" + fmt("%.2e", g.blocks[0].difference) + ")") << ".\n\n";
  if (!r.trained) {
    std::printf("the gradient check said worry: nothing was trained, the test set stays sealed\n");
    md << "The check said *worry*: nothing was trained and the test set stays sealed.\n\n";
    return;
  }
  std::printf("%-5s %-8s %6s %6s %5s %4s %4s %9s %9s %9s %9s  %-26s %s\n", "round", "hidden", "epochs", "lambda",
              "keep", "aug", "more", "stop/best", "train err", "dev err", "bias/var", "diagnosis", "next step");
  md << "| round | hidden | max epochs | λ | keep_prob | aug. copies | more data | epochs run (best) | train error | "
        "dev error | avoidable bias | variance | diagnosis | next step "
        "|\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
  for (std::size_t k = 0; k < r.rounds.size(); ++k) {
    const auto& round = r.rounds[k];
    const auto& c = round.config;
    const auto& res = round.result;
    const auto& d = round.decision.diagnosis;
    const std::string mark = k == r.final_round ? "*" : "";
    std::printf("%-5s %-8s %6zu %6g %5g %4d %4s %4zu/%-4lld %8.2f%% %8.2f%% %+5.1f/%+5.1f  %-26s %s\n",
                (std::to_string(k + 1) + mark).c_str(), dims(c.hidden).c_str(), c.max_epochs, c.lambda, c.keep_prob,
                c.augment_copies, c.more_data ? "yes" : "no", res.dev_cost.size(), res.best_epoch,
                100 * res.train_error, 100 * res.dev_error, 100 * d.avoidable_bias, 100 * d.variance,
                verdict_of(d).c_str(), kata::action_name(round.decision.action));
    md << "| " << k + 1 << mark << " | " << dims(c.hidden) << " | " << c.max_epochs << " | " << c.lambda << " | "
       << c.keep_prob << " | " << c.augment_copies << " | " << (c.more_data ? "yes" : "no") << " | "
       << res.dev_cost.size() << " (" << res.best_epoch << ") | " << fmt("%.2f%%", 100 * res.train_error) << " | "
       << fmt("%.2f%%", 100 * res.dev_error) << " | " << fmt("%+.2f", 100 * d.avoidable_bias) << " | "
       << fmt("%+.2f", 100 * d.variance) << " | " << verdict_of(d) << " | " << kata::action_name(round.decision.action)
       << " |\n";
  }
  // Lesson 08's question about the trained networks: do activations keep their scale through the layers?
  const arma::mat Z_dev = kata::transform(r.normalizer, s.problem.X.cols(r.dev_indices));
  const kata::Cache cache = kata::forward(r.rounds[r.final_round].result.params, Z_dev, {}, nullptr);
  const arma::vec rms = kata::activation_scales(cache.A);
  std::string scales;
  for (arma::uword l = 0; l < rms.n_elem; ++l) scales += (l ? ", " : "") + fmt("%.2f", rms(l));
  const double accuracy = 1.0 - r.test_error;
  std::printf(
      "final model: round %zu (lowest dev error); test accuracy %.2f%% on %llu examples (the test set's only "
      "reading); %.1f s\n",
      r.final_round + 1, 100 * accuracy, static_cast<unsigned long long>(s.y_test.n_elem), seconds);
  std::printf("activation RMS per layer of the final network on dev (lesson 08): %s\n", scales.c_str());
  std::cout << "confusion matrix (rows: true class, columns: predicted):\n" << r.confusion;
  md << "\n\\* the final model: the round with the lowest dev error.\n\n"
     << "**Test accuracy " << fmt("%.2f%%", 100 * accuracy) << "** on " << s.y_test.n_elem
     << " examples, measured once, after the last round (" << fmt("%.1f", seconds) << " s for the whole recipe).\n\n"
     << "Activation RMS per layer of the final network on the dev set (lesson 08: input, hidden..., output): " << scales
     << ".\n\nConfusion matrix on the test set (rows: true class, columns: predicted):\n\n|   |";
  for (arma::uword c = 0; c < r.confusion.n_cols; ++c) md << " " << c << " |";
  md << "\n|---|";
  for (arma::uword c = 0; c < r.confusion.n_cols; ++c) md << "---|";
  md << "\n";
  for (arma::uword t = 0; t < r.confusion.n_rows; ++t) {
    md << "| **" << t << "** |";
    for (arma::uword c = 0; c < r.confusion.n_cols; ++c) md << " " << r.confusion(t, c) << " |";
    md << "\n";
  }
  md << "\nWhich data each step read (the recipe's trace):\n\n";
  for (const auto& t : r.trace)
    md << "- " << t.step << ": "
       << (t.data == kata::Split::train ? "train"
           : t.data == kata::Split::dev ? "dev"
                                        : "**test**")
       << " (" << t.examples << " examples)\n";
  md << "\n";
  figures(s, r, md);
}

kata::RecipeReport run(const Study& s, std::ostream& md) {
  kata::SealedTestSet test(s.X_test, s.y_test);
  const auto start = std::chrono::steady_clock::now();
  const kata::RecipeReport r = kata::run_recipe(s.problem, test, s.settings, s.seed);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  report(s, r, seconds, md);
  return r;
}

}  // namespace

int main() {
  return kata::run_experiment("12 the basic recipe, end to end", [] {
    std::ofstream md(kata::output_dir() + "/report.md");
    md << "# The basic recipe, end to end\n\n";
    md << "The toolbox (lessons 01-11, called through their contracts):\n\n| lesson | implementation |\n|---|---|\n";
    std::string yours, reference;
    for (const auto& [lesson, whose] : toolbox()) {
      md << "| " << lesson << " | " << (whose == "yours" ? "**yours**" : whose) << " |\n";
      (whose == "yours" ? yours : reference) += " " +
                                                (lesson.size() > 2 && lesson[2] == '_' ? lesson.substr(0, 2) : lesson) +
                                                (whose == "yours" || whose == "reference" ? "" : " (" + whose + ")");
    }
    std::cout << "toolbox: yours:" << (yours.empty() ? " none" : yours)
              << "; reference:" << (reference.empty() ? " none" : reference) << "\n";
    md << "\n";

    // digits: 1797 8x8 images, 10 classes. 20% is the sealed test set and 30% is held back as data the recipe
    // may collect later (MoreData), so the first round trains on less.
    Study digits = make_study("digits", kata::load_dataset("digits"), 0.2, 0.3, 12);
    digits.title = "digits (8 x 8 images, 10 classes)";
    digits.problem.image_height = 8;
    digits.problem.image_width = 8;
    digits.problem.bayes_error = 0.01;
    digits.settings.start.hidden = {32};
    digits.settings.start.max_epochs = 60;
    digits.settings.start.learning_rate = 0.1;
    digits.settings.start.batch_size = 32;
    digits.settings.patience = 10;
    digits.settings.threshold = 0.015;
    digits.settings.max_rounds = 5;
    digits.seed = 12;
    digits.notes = "1797 images: " + std::to_string(digits.y_test.n_elem) + " sealed for the test, " +
                   std::to_string(digits.problem.X_more.n_cols) + " held back as data the recipe may collect, " +
                   std::to_string(digits.problem.X.n_cols) +
                   " to split into train and dev (75/25). Bayes error "
                   "estimate 1% (8 x 8 digits are sometimes ambiguous even to people), threshold 1.5 points.";
    run(digits, md);

    // breast_cancer: 569 tumours, 30 features from 1e-3 to 4e3 (normalization matters), 2 classes.
    Study cancer = make_study("breast_cancer", kata::load_dataset("breast_cancer"), 0.2, 0.0, 12);
    cancer.title = "breast_cancer (30 features, 2 classes)";
    cancer.problem.bayes_error = 0.02;
    cancer.settings.start.hidden = {16};
    cancer.settings.start.max_epochs = 100;
    cancer.settings.start.learning_rate = 0.05;
    cancer.settings.start.batch_size = 32;
    cancer.settings.patience = 10;
    cancer.settings.threshold = 0.02;
    cancer.settings.max_rounds = 4;
    cancer.seed = 12;
    cancer.notes =
        "569 tumours: " + std::to_string(cancer.y_test.n_elem) + " sealed for the test, " +
        std::to_string(cancer.problem.X.n_cols) +
        " to split into train and dev (75/25). Bayes error "
        "estimate 2% (an assumption: the best published models are about 97-98% accurate), threshold 2 points. "
        "The dev set holds 114 examples: one of them is 0.9 points, and a dev error's standard error "
        "is about 2 points, so gaps of that size are noise as much as signal.";
    run(cancer, md);

    md << "## What to look for\n\n"
          "- The test set is read once, last (the trace). Every choice — the stopping epoch, the next step, the final "
          "round — was made on dev.\n"
          "- A round whose avoidable bias bar passes the threshold asks for a bigger network or longer training; a "
          "variance bar asks for more data (collected, or augmented images) or regularization, bias first.\n"
          "- The final round is the one with the lowest dev error, not always the last: the recipe's next step is a "
          "hypothesis, and the dev set tests it.\n";
    std::cout << "\nreport: " << kata::output_dir() << "/report.md (with the figures below)\n";
  });
}
