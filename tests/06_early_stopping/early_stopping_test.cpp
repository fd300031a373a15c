// Lesson 06 checks. Each case is one CTest test ("check"); messages say what was expected and why.
// Losses are scripted, so every expected epoch below follows from the rule by hand.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "early_stopping.hpp"
#include "kata_test.hpp"

using kata::test::check_rejects;
using kata::test::hint_suffix;

namespace {

using kata::test::kInf;
using kata::test::kNaN;

// Parameters that say which epoch they came from: every entry of the first matrix is the epoch, of the
// second minus the epoch.
kata::ParamList tagged(long long epoch) {
  return {arma::mat(2, 2, arma::fill::value(double(epoch))), arma::mat(1, 3, arma::fill::value(-double(epoch)))};
}

std::string show(const std::vector<double>& losses) {
  std::ostringstream out;
  out << "[";
  for (std::size_t i = 0; i < losses.size(); ++i) out << (i ? ", " : "") << losses[i];
  return out.str() + "]";
}

// Feeds losses at epochs 0, 1, ... until update() says stop (or the losses run out).
// Returns the epoch at which it said stop, or -1.
long long run(kata::EarlyStopping& monitor, const std::vector<double>& losses) {
  for (std::size_t e = 0; e < losses.size(); ++e) {
    const auto epoch = static_cast<long long>(e);
    if (monitor.update(epoch, losses[e], tagged(epoch))) return epoch;
  }
  return -1;
}

void check_stop(long long got, long long expected, const std::string& what, const std::string& hint) {
  BOOST_CHECK_MESSAGE(got == expected, what << ": update() should return true first at epoch " << expected
                                            << (expected < 0 ? " (i.e. never)" : "") << ", got "
                                            << (got < 0 ? std::string("never") : std::to_string(got))
                                            << hint_suffix(hint));
}

void check_best_epoch(const kata::EarlyStopping& monitor, long long expected, const std::string& what,
                      const std::string& hint) {
  BOOST_CHECK_MESSAGE(monitor.best_epoch() == expected,
                      what << ": best_epoch() expected " << expected << ", got " << monitor.best_epoch()
                           << hint_suffix(hint));
}

// best_params() must be exactly the parameters passed at `epoch`.
void check_best_params(const kata::EarlyStopping& monitor, long long epoch, const std::string& what) {
  const kata::ParamList& got = monitor.best_params();
  const kata::ParamList expected = tagged(epoch);
  BOOST_REQUIRE_MESSAGE(got.size() == expected.size(),
                        what << ": best_params() should hold " << expected.size() << " matrices, got "
                             << got.size() << hint_suffix("copy the params passed to update() on an improvement"));
  for (std::size_t k = 0; k < got.size(); ++k)
    kata::test::check_mat_close(got[k], expected[k], 0.0,
                                what + ": best_params()[" + std::to_string(k) + "] (should come from epoch " +
                                    std::to_string(epoch) + "; entries tell the epoch they came from)",
                                "copy the parameters only when the loss improves, and restore those: "
                                "the last epoch's weights are the overfitted ones");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(construction)

BOOST_AUTO_TEST_CASE(starts_empty) {
  const kata::EarlyStopping monitor(3, 0.01);
  BOOST_CHECK_MESSAGE(monitor.patience() == 3 && monitor.min_delta() == 0.01,
                      "EarlyStopping(3, 0.01): patience() and min_delta() should be 3 and 0.01, got "
                          << monitor.patience() << " and " << monitor.min_delta());
  BOOST_CHECK_MESSAGE(monitor.best_epoch() == -1 && monitor.best_loss() == kInf && monitor.best_params().empty() &&
                          monitor.epochs_without_improvement() == 0 && monitor.stop_epoch() == -1,
                      "a new monitor should have best_epoch -1, best_loss +inf, no best_params, 0 epochs "
                      "without improvement and stop_epoch -1; got best_epoch "
                          << monitor.best_epoch() << ", best_loss " << monitor.best_loss() << ", "
                          << monitor.best_params().size() << " best_params, "
                          << monitor.epochs_without_improvement() << " epochs without improvement, stop_epoch "
                          << monitor.stop_epoch());
}

BOOST_AUTO_TEST_CASE(rejects_bad_settings) {
  check_rejects([] { kata::EarlyStopping(-1); }, "EarlyStopping()", "patience = -1");
  check_rejects([] { kata::EarlyStopping(2, -0.001); }, "EarlyStopping()", "min_delta = -0.001");
  check_rejects([] { kata::EarlyStopping(2, kNaN); }, "EarlyStopping()", "min_delta = NaN");
  check_rejects([] { kata::EarlyStopping(2, kInf); }, "EarlyStopping()", "min_delta = +inf");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(update)

BOOST_AUTO_TEST_CASE(course_example_stops_after_epoch_4_and_restores_epoch_2) {
  // Epochs 0, 1, 2 improve (0.2 > 0.15 > 0.1); 3 and 4 do not: 2 epochs without improvement = patience 2.
  kata::EarlyStopping monitor(2);
  const std::vector<double> losses{0.2, 0.15, 0.1, 0.11, 0.12};
  std::vector<bool> said;
  for (std::size_t e = 0; e < losses.size(); ++e)
    said.push_back(monitor.update(static_cast<long long>(e), losses[e], tagged(static_cast<long long>(e))));
  const std::vector<bool> expected{false, false, false, false, true};
  std::ostringstream got;
  for (std::size_t e = 0; e < said.size(); ++e) got << (e ? ", " : "") << (said[e] ? "stop" : "go");
  BOOST_CHECK_MESSAGE(said == expected,
                      "patience 2, losses " << show(losses) << ": update() should say go, go, go, go, stop; got "
                                            << got.str()
                                            << hint_suffix("count the epochs without improvement since the best one "
                                                           "and stop when the count REACHES patience (>=, not >)"));
  check_best_epoch(monitor, 2, "patience 2, losses " + show(losses), "the lowest dev loss, 0.1, is at epoch 2");
  kata::test::check_close(monitor.best_loss(), 0.1, 0.0, "best_loss()", "the loss of the best epoch, unchanged");
  check_best_params(monitor, 2, "patience 2, losses " + show(losses));
  BOOST_CHECK_MESSAGE(monitor.stop_epoch() == 4 && monitor.epochs_without_improvement() == 2,
                      "after the run: stop_epoch() should be 4 and epochs_without_improvement() 2, got "
                          << monitor.stop_epoch() << " and " << monitor.epochs_without_improvement());
}

BOOST_AUTO_TEST_CASE(patience_zero_stops_at_the_first_epoch_without_improvement) {
  kata::EarlyStopping monitor(0);
  check_stop(run(monitor, {0.5, 0.4, 0.45, 0.3}), 2, "patience 0, losses [0.5, 0.4, 0.45, 0.3]",
             "with patience 0, no epoch without improvement is tolerated; an improving epoch never stops");
  check_best_epoch(monitor, 1, "patience 0", "0.4 at epoch 1 is the best before the stop");
}

BOOST_AUTO_TEST_CASE(patience_counts_consecutive_epochs_without_improvement) {
  // Never two bad epochs in a row: with patience 2 this run must not stop.
  kata::EarlyStopping monitor(2);
  const std::vector<double> losses{1.0, 1.1, 0.9, 1.0, 0.8, 0.85, 0.7, 0.75};
  check_stop(run(monitor, losses), -1, "patience 2, losses " + show(losses),
             "reset the count to 0 on every improvement: patience counts epochs since the best one, not in total");
  check_best_epoch(monitor, 6, "patience 2, losses " + show(losses), "0.7 at epoch 6");
}

BOOST_AUTO_TEST_CASE(improvement_is_measured_against_the_best_not_the_previous_epoch) {
  // 0.15, 0.14, 0.13 each beat the epoch before, but none beats the best, 0.1 at epoch 1.
  kata::EarlyStopping monitor(2);
  const std::vector<double> losses{0.2, 0.1, 0.15, 0.14, 0.13};
  check_stop(run(monitor, losses), 3, "patience 2, losses " + show(losses),
             "compare each loss with best_loss(), not with the previous epoch's loss");
  check_best_epoch(monitor, 1, "patience 2, losses " + show(losses), "0.1 at epoch 1");
}

BOOST_AUTO_TEST_CASE(ties_are_not_improvements) {
  kata::EarlyStopping monitor(2);
  check_stop(run(monitor, {0.5, 0.5, 0.5, 0.5}), 2, "patience 2, losses [0.5, 0.5, 0.5, 0.5]",
             "an equal loss is not an improvement: use <, not <=");
  check_best_epoch(monitor, 0, "patience 2, losses [0.5, 0.5, 0.5, 0.5]",
                   "the first 0.5 stays the best: a tie must not move best_epoch");
  check_best_params(monitor, 0, "ties");
}

BOOST_AUTO_TEST_CASE(min_delta_boundaries) {
  // min_delta 0.25 and best 1.0: improvement means loss < 0.75. All values are exact in binary, so
  // 1.0 - 0.25 is exactly 0.75, and std::nextafter gives the closest double on either side.
  kata::EarlyStopping monitor(10, 0.25);
  BOOST_REQUIRE(!monitor.update(0, 1.0, tagged(0)));
  monitor.update(1, 0.8, tagged(1));
  check_best_epoch(monitor, 0, "min_delta 0.25: 1.0 then 0.8",
                   "0.8 is lower, but not by min_delta: compare loss < best_loss - min_delta");
  monitor.update(2, 0.75, tagged(2));
  check_best_epoch(monitor, 0, "min_delta 0.25: 1.0 then exactly 0.75",
                   "exactly best - min_delta is a tie with the threshold, not an improvement (strict <)");
  monitor.update(3, std::nextafter(0.75, 0.0), tagged(3));
  check_best_epoch(monitor, 3, "min_delta 0.25: 1.0 then the double just below 0.75",
                   "anything strictly below best - min_delta is an improvement");
  BOOST_CHECK_MESSAGE(monitor.epochs_without_improvement() == 0,
                      "after an improvement epochs_without_improvement() should be 0, got "
                          << monitor.epochs_without_improvement());
  // The threshold moves with the best loss: now best ~0.75, improvement means loss < ~0.5.
  monitor.update(4, 0.6, tagged(4));
  check_best_epoch(monitor, 3, "min_delta 0.25: best ~0.75, then 0.6",
                   "the threshold is the BEST loss minus min_delta, measured from the new best");
}

BOOST_AUTO_TEST_CASE(min_delta_zero_counts_any_strict_decrease) {
  kata::EarlyStopping monitor(1);
  monitor.update(0, 1.0, tagged(0));
  const bool stop = monitor.update(1, std::nextafter(1.0, 0.0), tagged(1));
  check_best_epoch(monitor, 1, "min_delta 0: 1.0 then the double just below 1.0", "any strictly lower loss improves");
  BOOST_CHECK_MESSAGE(!stop, "min_delta 0, patience 1: an improving epoch must not stop training");
}

BOOST_AUTO_TEST_CASE(nan_is_never_an_improvement) {
  // A NaN loss (a diverged step) counts as an epoch without improvement and never becomes the best.
  kata::EarlyStopping monitor(2);
  const std::vector<double> losses{kNaN, 0.3, kNaN, kNaN};
  check_stop(run(monitor, losses), 3, "patience 2, losses [nan, 0.3, nan, nan]",
             "every comparison with NaN is false: write the test as `loss < best - min_delta` so NaN fails it");
  check_best_epoch(monitor, 1, "patience 2, losses [nan, 0.3, nan, nan]", "NaN must never become the best loss");
  kata::test::check_close(monitor.best_loss(), 0.3, 0.0, "best_loss() after NaN losses", "NaN must not replace it");
  kata::EarlyStopping only_bad(2);
  check_stop(run(only_bad, {kInf, kNaN}), 1, "patience 2, losses [inf, nan]",
             "+inf is not below the initial best (+inf), and NaN never improves");
  check_best_epoch(only_bad, -1, "patience 2, losses [inf, nan]", "no finite loss: nothing to restore");
}

BOOST_AUTO_TEST_CASE(keeps_a_copy_of_the_best_parameters) {
  kata::EarlyStopping monitor(3);
  const std::vector<double> losses{0.9, 0.5, 0.2, 0.3, 0.25, 0.4};
  check_stop(run(monitor, losses), 5, "patience 3, losses " + show(losses), "3 epochs without improvement after 2");
  check_best_params(monitor, 2, "patience 3, losses " + show(losses));
  // The copy must not change when the caller's parameters do (the network keeps training them).
  kata::EarlyStopping single(1);
  kata::ParamList params = tagged(0);
  single.update(0, 1.0, params);
  params[0].fill(99.0);
  BOOST_REQUIRE(single.best_params().size() == 2);
  BOOST_CHECK_MESSAGE(single.best_params()[0](0, 0) == 0.0,
                      "best_params() changed when the caller's matrices changed: keep a COPY");
}

BOOST_AUTO_TEST_CASE(keeps_counting_after_a_stop) {
  kata::EarlyStopping monitor(2);
  check_stop(run(monitor, {0.2, 0.15, 0.1, 0.11, 0.12}), 4, "patience 2, course example", "see the course example");
  BOOST_CHECK_MESSAGE(monitor.update(5, 0.13, tagged(5)),
                      "called again after a stop, with no improvement, update() should still say stop");
  BOOST_CHECK_MESSAGE(!monitor.update(6, 0.05, tagged(6)), "an improvement after a stop should say go again");
  BOOST_CHECK_MESSAGE(monitor.stop_epoch() == 4, "stop_epoch() is the FIRST epoch that said stop: expected 4, got "
                                                     << monitor.stop_epoch());
  check_best_epoch(monitor, 6, "after the stop, 0.05 at epoch 6", "the same rule applies after a stop");
}

BOOST_AUTO_TEST_CASE(rejects_bad_epochs_and_stays_unchanged) {
  kata::EarlyStopping monitor(2);
  check_rejects([&] { monitor.update(-1, 0.5, tagged(0)); }, "update()", "epoch = -1");
  monitor.update(0, 0.5, tagged(0));
  monitor.update(3, 0.4, tagged(3));  // skipping epochs is allowed (e.g. evaluating every 3rd epoch)
  check_rejects([&] { monitor.update(3, 0.1, tagged(3)); }, "update()", "epoch 3 twice");
  check_rejects([&] { monitor.update(1, 0.1, tagged(1)); }, "update()", "epoch 1 after epoch 3");
  check_best_epoch(monitor, 3, "after rejected updates", "check the epoch BEFORE changing any state");
  kata::test::check_close(monitor.best_loss(), 0.4, 0.0, "best_loss() after rejected updates",
                          "a rejected update must leave the monitor unchanged");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(reset)

BOOST_AUTO_TEST_CASE(state_is_reset_between_runs) {
  kata::EarlyStopping monitor(2, 0.01);
  check_stop(run(monitor, {0.05, 0.06, 0.07}), 2, "first run, patience 2", "two epochs without improvement");
  monitor.reset();
  BOOST_CHECK_MESSAGE(monitor.best_epoch() == -1 && monitor.best_loss() == kInf && monitor.best_params().empty() &&
                          monitor.epochs_without_improvement() == 0 && monitor.stop_epoch() == -1,
                      "after reset(): expected best_epoch -1, best_loss +inf, no best_params, 0 epochs without "
                      "improvement, stop_epoch -1; got "
                          << monitor.best_epoch() << ", " << monitor.best_loss() << ", "
                          << monitor.best_params().size() << " matrices, " << monitor.epochs_without_improvement()
                          << ", " << monitor.stop_epoch());
  BOOST_CHECK_MESSAGE(monitor.patience() == 2 && monitor.min_delta() == 0.01,
                      "reset() must keep patience and min_delta (2, 0.01), got " << monitor.patience() << ", "
                                                                                 << monitor.min_delta());
  // A second run, worse than the first one's best: it must be judged on its own.
  check_stop(run(monitor, {0.3, 0.2, 0.25}), -1, "second run after reset(), losses [0.3, 0.2, 0.25]",
             "reset() must forget the first run's best loss and counters; epoch 0 must be accepted again");
  check_best_epoch(monitor, 1, "second run after reset()", "0.2 at epoch 1 of the second run");
  check_best_params(monitor, 1, "second run after reset()");
}

BOOST_AUTO_TEST_SUITE_END()
