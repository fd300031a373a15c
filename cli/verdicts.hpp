// The rules that turn one run of a test program into verdicts. A check passes only when Boost.Test's
// report says that exact case passed, once, in a run that ended normally, and the verdict channel
// (tests/support/test_main.cpp: "passed <case>" on the progress descriptor as the case ended) says so
// too: code that runs as the program ends can rewrite the report file, not what was already sent. Every
// other outcome (no report, a report twice, a crash, exit() during a check, a time limit, a sanitizer
// report, processes left behind, the two channels disagreeing) fails the check with a message that says
// what happened.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "checks.hpp"
#include "junit_report.hpp"
#include "process.hpp"

namespace kata::cli {

// Exit status of a test program whose check called exit() (tests/support/test_main.cpp).
constexpr int kExitDuringCheck = 86;
// Exit status of a test program whose check closed the progress descriptor (tests/support/test_main.cpp).
constexpr int kOutputClosed = 87;

// What kata keeps of one problem Boost.Test reported (an exception's message, an assertion's text): a
// few KiB is more than a learner reads, and a 20 MiB message printed whole floods the terminal. Every
// verdict's message and output are also made printable (printable() in text.hpp): no terminal control
// sequence from the code under test reaches the terminal, the JSON or the JUnit report.
constexpr std::size_t kLearnerTextLimit = 4096;

// What one check may print before it is stopped: a megabyte is thousands of lines, far beyond any debug
// output a learner reads, and a loop printing gigabytes would otherwise run until the time limit.
constexpr std::size_t kMaxOutputPerCheck = 1024 * 1024;

// Everything known about one run of a test program.
struct RunOutcome {
  std::vector<std::string> expected;          // the cases it was asked to run
  ProcessResult process;
  BoostReport report;
  std::string running;                        // the case started and not finished when the run ended
  std::map<std::string, std::string> output;  // what each case printed (from the progress lines)
  // What the verdict channel (test_main.cpp) said of each case as it ended: true = passed. A case passes
  // only when the report and this channel both say so, once.
  std::map<std::string, std::vector<bool>> verdicts;
  bool flooded = false;                       // stopped because `running` printed more than kMaxOutputPerCheck
  bool hung_at_exit = false;                  // stopped: every case finished, the program did not end
  double time_limit = 0;                      // per check, seconds
  std::size_t memory_limit_mb = 0;
};

struct Settled {
  std::vector<Check> checks;             // verdicts this run settles, in `expected` order
  std::vector<std::string> unsettled;    // cases that need a run of their own to say what happened
};

// A run of all of a lesson's cases in one process. Clean: every case settled from the report. Not
// clean: the case that hit the time limit is settled as timed out, every other case is unsettled.
Settled settle_one_process_run(const RunOutcome& run);

// A run of exactly one case: always settles it.
Check settle_isolated_run(const RunOutcome& run);

// The message for a problem Boost.Test reported ("kata::NotImplemented: ...", "memory access violation
// ...", "std::bad_alloc: ...", an assertion's text), in the learner's words; `not_implemented` is set for
// a stub's NotImplemented.
std::string explain_problem(const std::string& problem, std::size_t memory_limit_mb, bool* not_implemented);

// The part of a sanitizer's report a learner needs (kind, access, and the first frame in lessons/), or ""
// when `output` holds no sanitizer report.
std::string sanitizer_summary(const std::string& output);

std::string timed_out_message(double limit_seconds);
std::string flooded_message();

}  // namespace kata::cli
