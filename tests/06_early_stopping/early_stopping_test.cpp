// Lesson 06 checks. Each case is one CTest test ("check"); messages say what was expected and why.
// Losses are scripted, so every expected epoch below follows from the rule by hand.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <climits>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "early_stopping.hpp"
#include "kata_test.hpp"

namespace bdata = boost::unit_test::data;
using kata::test::check_rejects;
using kata::test::hint_suffix;
using kata::test::show;

namespace {

using kata::test::kInf;
using kata::test::kNaN;

// Parameters that say which epoch they came from: every entry of the first matrix is the epoch, of the
// second minus the epoch.
kata::ParamList tagged(long long epoch) {
  return {arma::mat(2, 2, arma::fill::value(double(epoch))), arma::mat(1, 3, arma::fill::value(-double(epoch)))};
}

using kata::test::show;  // one double; the overload below shows a list of them

// [0.2, 0.15, nan]: every loss as the shortest text that reads back exactly.
std::string show(const std::vector<double>& losses) {
  std::string out = "[";
  for (std::size_t i = 0; i < losses.size(); ++i) out += (i ? ", " : "") + show(losses[i]);
  return out + "]";
}

// Feeds losses at epochs 0, 1, ... until update() says stop (or the losses run out).
// Returns the epoch at which it said stop, or -1. Every one of these calls is valid (increasing epochs, any
// loss): a rejection fails the check and names the call.
long long run(kata::EarlyStopping& monitor, const std::vector<double>& losses) {
  for (std::size_t e = 0; e < losses.size(); ++e) {
    const auto epoch = static_cast<long long>(e);
    try {
      if (monitor.update(epoch, losses[e], tagged(epoch))) return epoch;
    } catch (const std::invalid_argument& error) {
      BOOST_FAIL("update(" << epoch << ", " << show(losses[e]) << ", params) threw std::invalid_argument (\""
                           << error.what() << "\"), but the epochs 0, 1, 2, ... increase and any loss is valid"
                           << hint_suffix("NaN and +-inf losses are allowed: they just do not improve"));
    }
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

// Everything the monitor reports, for messages.
std::string state(const kata::EarlyStopping& m) {
  std::ostringstream out;
  out << "best_epoch " << m.best_epoch() << ", best_loss " << show(m.best_loss()) << ", " << m.best_params().size()
      << " best_params, epochs_without_improvement " << m.epochs_without_improvement() << ", stop_epoch "
      << m.stop_epoch();
  return out.str();
}

// The monitor's state must be exactly this (best_params present exactly when best_epoch >= 0). best_loss is
// compared exactly (tolerance 0): it is one of the scripted losses, stored unchanged.
void check_state(const kata::EarlyStopping& m, long long best_epoch, double best_loss, long long without,
                 long long stop_epoch, const std::string& what, const std::string& hint) {
  const bool ok = m.best_epoch() == best_epoch && m.best_loss() == best_loss &&
                  m.epochs_without_improvement() == without && m.stop_epoch() == stop_epoch &&
                  m.best_params().empty() == (best_epoch < 0);
  BOOST_CHECK_MESSAGE(ok, what << ": expected best_epoch " << best_epoch << ", best_loss " << show(best_loss) << ", "
                               << (best_epoch < 0 ? "no" : "the") << " best_params, epochs_without_improvement "
                               << without << ", stop_epoch " << stop_epoch << "; got " << state(m)
                               << hint_suffix(hint));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(construction, *boost::unit_test::description("task 1: start in the reset state"))

BOOST_AUTO_TEST_CASE(starts_empty) {
  const kata::EarlyStopping monitor(3, 0.01);
  BOOST_CHECK_MESSAGE(monitor.patience() == 3 && monitor.min_delta() == 0.01,
                      "EarlyStopping(3, 0.01): patience() and min_delta() should be 3 and 0.01, got "
                          << monitor.patience() << " and " << show(monitor.min_delta()));
  BOOST_CHECK_MESSAGE(monitor.best_epoch() == -1 && monitor.best_loss() == kInf && monitor.best_params().empty() &&
                          monitor.epochs_without_improvement() == 0 && monitor.stop_epoch() == -1,
                      "a new monitor should have best_epoch -1, best_loss +inf, no best_params, 0 epochs "
                      "without improvement and stop_epoch -1; got best_epoch "
                          << monitor.best_epoch() << ", best_loss " << show(monitor.best_loss()) << ", "
                          << monitor.best_params().size() << " best_params, "
                          << monitor.epochs_without_improvement() << " epochs without improvement, stop_epoch "
                          << monitor.stop_epoch());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(update, *boost::unit_test::description("task 2: the stopping rule"))

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

BOOST_AUTO_TEST_CASE(an_empty_parameter_list_is_fine) {
  // The monitor does not care what the parameters are, not even whether there are any: "nothing improved
  // yet" is best_epoch() == -1, not an empty best_params().
  kata::EarlyStopping monitor(1);
  BOOST_TEST_INFO("EarlyStopping(1), then update(0, 0.5, {}) and update(1, 0.6, {}): an empty list is valid");
  BOOST_CHECK_MESSAGE(!monitor.update(0, 0.5, {}), "patience 1, 0.5 with no parameters at epoch 0: go on");
  BOOST_CHECK_MESSAGE(monitor.update(1, 0.6, {}), "patience 1, then 0.6 (worse) with no parameters: stop");
  BOOST_CHECK_MESSAGE(monitor.best_epoch() == 0 && monitor.best_loss() == 0.5 && monitor.best_params().empty() &&
                          monitor.stop_epoch() == 1,
                      "with empty parameter lists: expected best_epoch 0, best_loss 0.5, no best_params, stop_epoch 1; "
                      "got " << state(monitor)
                             << hint_suffix("decide 'no improvement yet' by best_epoch_ == -1 (or just by the "
                                            "comparison with best_loss_ = +inf), never by best_params_.empty()"));
}

BOOST_AUTO_TEST_CASE(keeps_counting_after_a_stop) {
  kata::EarlyStopping monitor(2);
  check_stop(run(monitor, {0.2, 0.15, 0.1, 0.11, 0.12}), 4, "patience 2, course example", "see the course example");
  BOOST_CHECK_MESSAGE(monitor.update(5, 0.13, tagged(5)),
                      "called again after a stop, with no improvement, update() should still say stop");
  check_state(monitor, 2, 0.1, 3, 4, "after the stop at epoch 4 and one more bad epoch",
              "the count keeps growing after a stop (3 epochs without improvement since epoch 2), and stop_epoch() "
              "stays the FIRST epoch that said stop");
  BOOST_CHECK_MESSAGE(!monitor.update(6, 0.05, tagged(6)), "an improvement after a stop should say go again");
  check_state(monitor, 6, 0.05, 0, 4, "after the improvement at epoch 6", "the same rule applies after a stop");
  // A second stop: two more bad epochs. stop_epoch() still names the first one.
  BOOST_CHECK_MESSAGE(!monitor.update(7, 0.06, tagged(7)), "one bad epoch after the new best: go on (patience 2)");
  BOOST_CHECK_MESSAGE(monitor.update(8, 0.07, tagged(8)), "two bad epochs after the new best: stop again");
  check_state(monitor, 6, 0.05, 2, 4, "after a second stop at epoch 8",
              "stop_epoch() is the epoch at which update() FIRST returned true since the last reset(), not the "
              "latest one");
  check_best_params(monitor, 6, "after a second stop at epoch 8");
}

BOOST_AUTO_TEST_CASE(patience_counts_updates_not_epoch_numbers) {
  // Evaluating every 5th epoch: the count is of update() calls without improvement, whatever the gap
  // between their epoch numbers. Improvements at epochs 0 and 10; then 15 and 20 are the two bad ones.
  kata::EarlyStopping monitor(2);
  const std::vector<std::pair<long long, double>> evaluations{{0, 0.5}, {5, 0.6}, {10, 0.4}, {15, 0.45}, {20, 0.5}};
  long long stopped = -1;
  for (const auto& [epoch, loss] : evaluations) {
    BOOST_TEST_INFO("update(" << epoch << ", " << show(loss) << ", params)");  // the calls so far, in order
    if (monitor.update(epoch, loss, tagged(epoch))) {
      stopped = epoch;
      break;
    }
  }
  check_stop(stopped, 20, "patience 2, losses 0.5, 0.6, 0.4, 0.45, 0.5 at epochs 0, 5, 10, 15, 20",
             "count the update() calls without improvement (+1 each), not the epochs since the best one "
             "(epoch - best_epoch): with gaps those differ");
  check_state(monitor, 10, 0.4, 2, 20, "evaluating every 5th epoch", "two update() calls without improvement");
}

BOOST_AUTO_TEST_CASE(the_first_update_may_be_at_any_epoch) {
  // Evaluation may start late (e.g. after a warm-up): the first epoch need not be 0.
  kata::EarlyStopping monitor(1);
  BOOST_TEST_INFO("EarlyStopping(1), then update(7, 0.3, params) as the first call: any epoch >= 0 is valid");
  BOOST_CHECK_MESSAGE(!monitor.update(7, 0.3, tagged(7)), "first update() at epoch 7 improves: go on");
  check_state(monitor, 7, 0.3, 0, -1, "first update() at epoch 7", "any epoch >= 0 may come first");
  check_best_params(monitor, 7, "first update() at epoch 7");
}

BOOST_AUTO_TEST_SUITE_END()

// Task 3: what counts as an improvement beyond "lower": the min_delta margin and losses that are no number.
BOOST_AUTO_TEST_SUITE(improvement,
                      *boost::unit_test::description("task 3: min_delta and losses that never improve"))

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

BOOST_AUTO_TEST_CASE(a_decrease_smaller_than_min_delta_counts_toward_the_stop) {
  // min_delta 0.25, patience 2: 1.0, 0.875, 0.8125 (exact in binary). The last two are below the best, but
  // not below 1.0 - 0.25 = 0.75: neither improves, so each adds 1 to the count and epoch 2 stops. By hand:
  // best_epoch 0, best_loss 1.0, epochs_without_improvement 2, stop_epoch 2.
  kata::EarlyStopping monitor(2, 0.25);
  const std::vector<double> losses{1.0, 0.875, 0.8125};
  const std::string what = "patience 2, min_delta 0.25, losses " + show(losses);
  const std::string hint = "a loss below the best but not below best - min_delta is NOT an improvement: it adds 1 "
                           "to the count like any other such epoch (do not reset the count because the loss went "
                           "down a little)";
  check_stop(run(monitor, losses), 2, what, hint);
  check_state(monitor, 0, 1.0, 2, 2, what, hint);
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

BOOST_AUTO_TEST_CASE(the_first_stop_can_be_at_epoch_0) {
  // Patience 0 and a diverged first epoch: stop at once, at epoch 0, with nothing to restore. 0 is a real
  // epoch, not "no stop yet" (that is -1).
  kata::EarlyStopping monitor(0);
  BOOST_TEST_INFO("EarlyStopping(0), then update(0, nan, params): a NaN loss is valid, it just never improves");
  BOOST_CHECK_MESSAGE(monitor.update(0, kNaN, tagged(0)), "patience 0, NaN at epoch 0: update() should say stop");
  check_state(monitor, -1, kInf, 1, 0, "patience 0 after NaN at epoch 0",
              "a NaN never improves; the first stop is at epoch 0, so stop_epoch() is 0");
  BOOST_CHECK_MESSAGE(monitor.update(1, kNaN, tagged(1)), "patience 0, NaN again at epoch 1: stop");
  BOOST_CHECK_MESSAGE(!monitor.update(2, 0.5, tagged(2)), "patience 0, 0.5 at epoch 2 improves: go on");
  BOOST_CHECK_MESSAGE(monitor.update(3, 0.6, tagged(3)), "patience 0, 0.6 at epoch 3 does not improve: stop");
  check_state(monitor, 2, 0.5, 1, 0, "patience 0 after NaN, NaN, 0.5, 0.6",
              "stop_epoch() keeps the FIRST stop, epoch 0: do not use 0 as the 'no stop yet' value (-1 is)");
}

// min_delta is an ABSOLUTE margin: improvement means loss < best - min_delta. From a best of 1.0 the
// absolute threshold 1 - d and the relative one 1·(1 - d) agree, so these cases start elsewhere: losses
// above 1, below 1, and negative ones (a log-likelihood can be), each decided differently by the
// relative rule loss < best·(1 - min_delta). All values are far from the threshold (no rounding question).
struct DeltaCase {
  double best, min_delta, loss;
  bool improves;
};
std::ostream& operator<<(std::ostream& out, const DeltaCase& c) {
  return out << "best " << show(c.best) << ", min_delta " << show(c.min_delta) << ", then " << show(c.loss);
}
const DeltaCase delta_cases[] = {
    {0.2, 0.05, 0.18, false},   // absolute threshold 0.15; relative 0.19 would call 0.18 an improvement
    {4.0, 0.5, 3.0, true},      // absolute 3.5; relative 2.0 would not
    {10.0, 5.0, 4.9, true},     // min_delta > 1 is valid: absolute 5.0; relative -40 would not
    {10.0, 5.0, 6.0, false},    // 6 is lower, but not by 5
    {-1.0, 0.25, -1.2, false},  // absolute -1.25; relative -0.75 would call -1.2 an improvement
    {-1.0, 0.25, -1.5, true},
};

BOOST_DATA_TEST_CASE(min_delta_is_an_absolute_margin, bdata::make(delta_cases), c) {
  BOOST_TEST_INFO("EarlyStopping(5, " << show(c.min_delta) << "), then update(0, " << show(c.best)
                                       << ", params) and update(1, " << show(c.loss) << ", params)");
  kata::EarlyStopping monitor(5, c.min_delta);
  monitor.update(0, c.best, tagged(0));
  monitor.update(1, c.loss, tagged(1));
  std::ostringstream what;
  what << "min_delta " << show(c.min_delta) << ": " << show(c.best) << " then " << show(c.loss);
  check_best_epoch(monitor, c.improves ? 1 : 0, what.str(),
                   std::string(c.improves ? "" : "not ") + "an improvement: loss < best_loss - min_delta = " +
                       show(c.best - c.min_delta) +
                       " (an absolute margin in the loss's units, not a fraction of the best loss)");
}

BOOST_AUTO_TEST_CASE(minus_infinity_is_below_every_threshold) {
  // The rule is loss < best - min_delta, nothing else: -inf satisfies it (NaN and +inf never do), and then
  // nothing can beat it.
  kata::EarlyStopping monitor(3, 0.01);
  const std::vector<double> losses{0.3, -kInf, 0.1, -1e300};
  check_stop(run(monitor, losses), -1, "patience 3, losses [0.3, -inf, 0.1, -1e300]", "two bad epochs only");
  check_state(monitor, 1, -kInf, 2, -1, "patience 3, losses [0.3, -inf, 0.1, -1e300]",
              "do not filter losses with isfinite(): only the comparison decides, and -inf < 0.3 - 0.01");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(reset, *boost::unit_test::description("task 4: a new run"))

BOOST_AUTO_TEST_CASE(state_is_reset_between_runs) {
  kata::EarlyStopping monitor(2, 0.01);
  check_stop(run(monitor, {0.05, 0.06, 0.07}), 2, "first run, patience 2", "two epochs without improvement");
  monitor.reset();
  BOOST_CHECK_MESSAGE(monitor.best_epoch() == -1 && monitor.best_loss() == kInf && monitor.best_params().empty() &&
                          monitor.epochs_without_improvement() == 0 && monitor.stop_epoch() == -1,
                      "after reset(): expected best_epoch -1, best_loss +inf, no best_params, 0 epochs without "
                      "improvement, stop_epoch -1; got "
                          << monitor.best_epoch() << ", " << show(monitor.best_loss()) << ", "
                          << monitor.best_params().size() << " matrices, " << monitor.epochs_without_improvement()
                          << ", " << monitor.stop_epoch());
  BOOST_CHECK_MESSAGE(monitor.patience() == 2 && monitor.min_delta() == 0.01,
                      "reset() must keep patience and min_delta (2, 0.01), got " << monitor.patience() << ", "
                                                                                 << show(monitor.min_delta()));
  // A second run, worse than the first one's best: it must be judged on its own.
  check_stop(run(monitor, {0.3, 0.2, 0.25}), -1, "second run after reset(), losses [0.3, 0.2, 0.25]",
             "reset() must forget the first run's best loss and counters; epoch 0 must be accepted again");
  check_best_epoch(monitor, 1, "second run after reset()", "0.2 at epoch 1 of the second run");
  check_best_params(monitor, 1, "second run after reset()");
}

BOOST_AUTO_TEST_SUITE_END()

// Harden it: bad settings and bad epochs, also next to special-but-valid values (patience 0, a monitor that
// has already stopped), and a rejected call must leave every part of the monitor as it was.
BOOST_AUTO_TEST_SUITE(bad_input, *boost::unit_test::description("task 5: harden it"))

BOOST_AUTO_TEST_CASE(constructor_rejects_bad_settings) {
  for (const long long patience : {-1LL, LLONG_MIN})
    check_rejects([=] { (void)kata::EarlyStopping(patience); }, "EarlyStopping()",
                  "patience = " + std::to_string(patience), "patience");
  // The message must name min_delta: next to the valid patience 0 a rejection of patience would be the
  // wrong reason.
  const double bad_deltas[] = {-0.001, -std::numeric_limits<double>::denorm_min(), kNaN, kInf, -kInf};
  for (const long long patience : {2LL, 0LL})
    for (const double min_delta : bad_deltas) {
      check_rejects([=] { (void)kata::EarlyStopping(patience, min_delta); }, "EarlyStopping()",
                    "min_delta = " + show(min_delta) + " (patience " + std::to_string(patience) + ")", "min_delta");
    }
  check_rejects([] { kata::EarlyStopping(-1, kNaN); }, "EarlyStopping()", "patience = -1 and min_delta = NaN");
}

BOOST_AUTO_TEST_CASE(constructor_accepts_the_edges) {
  // patience 0 and a huge patience; min_delta 0, the smallest positive double, and values above 1; -0.0 is
  // a min_delta of 0 (-0.0 < 0 is false: reject by comparing with 0, not by the sign bit).
  for (const auto& [patience, min_delta] : std::vector<std::pair<long long, double>>{
           {0, 0.0}, {LLONG_MAX, std::numeric_limits<double>::denorm_min()}, {3, 5.0}, {1, 1e300}, {2, -0.0}}) {
    try {
      const kata::EarlyStopping monitor(patience, min_delta);
      BOOST_CHECK_MESSAGE(monitor.patience() == patience && monitor.min_delta() == min_delta,
                          "EarlyStopping(" << patience << ", " << show(min_delta) << "): patience() and min_delta() "
                                           << "should return them, got " << monitor.patience() << " and "
                                           << show(monitor.min_delta()));
    } catch (const std::invalid_argument& e) {
      BOOST_ERROR("EarlyStopping(" << patience << ", " << show(min_delta) << ") threw, but patience >= 0 and a finite "
                                   << "min_delta >= 0 are valid: " << e.what());
    }
  }
}

BOOST_AUTO_TEST_CASE(update_rejects_bad_epochs_and_stays_unchanged) {
  kata::EarlyStopping monitor(2);
  check_rejects([&] { monitor.update(-1, 0.5, tagged(0)); }, "update()", "epoch = -1 on a new monitor", "epoch");
  check_state(monitor, -1, kInf, 0, -1, "after a rejected first update()", "check the epoch BEFORE changing any state");
  BOOST_TEST_INFO("update(0, 0.5, params), update(3, 0.4, params), update(4, 0.45, params): all valid");
  monitor.update(0, 0.5, tagged(0));
  monitor.update(3, 0.4, tagged(3));  // skipping epochs is allowed (e.g. evaluating every 3rd epoch)
  monitor.update(4, 0.45, tagged(4));
  // Rejected: repeated, decreasing, negative; with an improving, a worse and a NaN loss each. Each message
  // must name the epoch (the loss is never a reason to reject).
  for (const double loss : {0.1, 0.9, kNaN}) {
    check_rejects([&] { monitor.update(4, loss, tagged(4)); }, "update()", "epoch 4 twice", "epoch");
    check_rejects([&] { monitor.update(1, loss, tagged(1)); }, "update()", "epoch 1 after epoch 4", "epoch");
    check_rejects([&] { monitor.update(-5, loss, tagged(5)); }, "update()", "epoch -5 after epoch 4", "epoch");
  }
  check_state(monitor, 3, 0.4, 1, -1, "after rejected updates",
              "validate the epoch BEFORE comparing losses or counting: a rejected update() changes nothing");
  check_best_params(monitor, 3, "after rejected updates");
  // The last ACCEPTED epoch is still 4: a rejected epoch 1 must not have become "the previous epoch".
  check_rejects([&] { monitor.update(2, 0.9, tagged(2)); }, "update()",
                "epoch 2 after epoch 4 (and after a rejected epoch 1)", "epoch");
  // And the run goes on where it was: epoch 5 is the second bad epoch after epoch 3 -> stop.
  BOOST_CHECK_MESSAGE(monitor.update(5, 0.5, tagged(5)),
                      "after the rejected calls, epoch 5 without improvement is the 2nd in a row: stop; got go on ("
                          << state(monitor) << ")");
  check_rejects([&] { monitor.update(5, 0.1, tagged(5)); }, "update()", "epoch 5 twice, after the stop", "epoch");
  check_state(monitor, 3, 0.4, 2, 5, "after a rejected update() following the stop", "a rejected update() changes nothing");
}

BOOST_AUTO_TEST_CASE(reset_accepts_epoch_0_again_but_not_negative_epochs) {
  kata::EarlyStopping monitor(1);
  run(monitor, {0.3, 0.4});
  monitor.reset();
  check_rejects([&] { monitor.update(-1, 0.5, tagged(0)); }, "update()", "epoch = -1 after reset()", "epoch");
  BOOST_CHECK_MESSAGE(!monitor.update(0, 0.5, tagged(0)), "after reset(), epoch 0 with a finite loss improves: go on");
}

BOOST_AUTO_TEST_SUITE_END()
