// Running child processes: captured, streamed line by line, or with a time limit.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace kata::cli {

struct ProcessResult {
  int exit_code = -1;   // the child's exit status; 128 + signal when killed by a signal
  bool timed_out = false;
  std::string output;   // stdout and stderr, interleaved as written
};

struct ProcessOptions {
  std::string working_dir;                    // empty: inherit
  std::map<std::string, std::string> env;     // added to the environment
  double timeout_seconds = 0;                 // 0: no limit
  std::function<void(const std::string&)> on_line;  // called for each output line as it arrives
  std::function<void()> on_tick;              // called about every 100 ms while the child runs
  bool inherit_output = false;                // let the child write to our terminal directly
};

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});

// Whether an executable is found on PATH.
bool on_path(const std::string& program);

// The width of the terminal on stdout (COLUMNS, else 80 when it is not a terminal).
int terminal_width();

}  // namespace kata::cli
