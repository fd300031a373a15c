// Running child processes: each in its own process group (in a session of its own, without a controlling
// terminal, unless it inherits kata's output), with a time limit, a memory limit and bounded output; every
// process kata starts (and everything those start) ends when kata is interrupted.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace kata::cli {

struct ProcessResult {
  int exit_code = -1;       // the child's exit status; 128 + signal when it was killed by a signal
  int signal = 0;           // the signal that ended it, 0 when it exited
  bool timed_out = false;   // killed at timeout_seconds
  bool stopped = false;     // killed because stop_now() said so
  bool flooded = false;     // killed because it wrote more than output_limit bytes
  std::string output;       // stdout and stderr as written, at most 2 * keep_bytes (the rest cut, marked)
  std::size_t output_bytes = 0;  // how much it wrote in all
  bool left_processes = false;   // processes it started were still running after it ended (now killed)
};

struct ProcessOptions {
  std::string working_dir;                    // empty: inherit
  std::map<std::string, std::string> env;     // added to the environment
  double timeout_seconds = 0;                 // 0: no limit
  std::size_t memory_limit_mb = 0;            // address-space limit (RLIMIT_AS); 0: none
  std::function<void(const std::string&)> on_line;      // each output line as it arrives (cut at 64 KiB)
  std::function<void(const std::string&)> on_progress;  // each line the child writes to $KATA_PROGRESS_FD
  std::function<void()> on_tick;              // about every 50 ms while the child runs
  std::function<bool()> stop_now;             // polled with on_tick: true ends the child (result.stopped)
  bool inherit_output = false;                // let the child write to our terminal directly (and keep
                                              // it as controlling terminal: git, kata setup; never the
                                              // learner's code)
  std::size_t keep_bytes = 64 * 1024;         // output kept: the first and the last keep_bytes
  std::size_t output_limit = 0;               // ends the child once it wrote more than this; 0: no limit
  std::string log_file;                       // when set, the output is also streamed there (up to 64 MiB)
};

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});

// Call once at start-up: kata becomes the reaper of orphaned descendants, and SIGINT, SIGTERM and SIGHUP
// end every process group kata started (politely, then with SIGKILL after 0.5 s), print
// "interrupted: <activity>" and exit with status 130.
void install_interrupt_handling();
// What kata is doing, for the interrupted message ("checking 03_l2_regularization"). Keep it short.
void set_activity(const std::string& activity);
// Called first on an interrupt, from the signal handler (async-signal-safe code only), e.g. to restore
// the terminal mode of `kata watch`.
void on_interrupt_restore(void (*restore)());

// Abandoning work that went stale (kata watch: a newer save, or the learner quits during a check). After
// cancel_runs(), every running run_process() ends its child's process group within ~50 ms and returns with
// result.stopped, and later calls return so at once without starting anything, until allow_runs().
// Thread-safe. Code that would remember a result checks runs_cancelled() and throws RunCancelled instead.
void cancel_runs();
void allow_runs();
bool runs_cancelled();
struct RunCancelled : std::runtime_error {
  RunCancelled() : std::runtime_error("the run was cancelled") {}
};

// Whether an executable is found on PATH.
bool on_path(const std::string& program);

// The width of the terminal on stdout (COLUMNS, else 80 when it is not a terminal).
int terminal_width();

// The default memory limit for learner processes in MiB: $KATA_MEMORY_LIMIT_MB, else half the physical
// memory, between 2 and 8 GiB. 0 (from the variable) means no limit.
std::size_t learner_memory_limit_mb();

}  // namespace kata::cli
