// Running a test program's checks: all in one process first (milliseconds), then each check that run did
// not settle in a process of its own, several at a time. The rules for what a run proves are in
// verdicts.hpp.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "checks.hpp"

namespace kata::cli {

struct RunnerOptions {
  std::filesystem::path working_dir;       // where the checks run (the workspace root)
  std::filesystem::path report_dir;        // where Boost.Test writes its reports
  std::string report_stem;                 // report file names start with this
  double time_limit = 10;                  // seconds per check
  std::size_t memory_limit_mb = 0;         // address-space limit per process, 0 = none
  std::map<std::string, std::string> env;  // e.g. ASAN_OPTIONS
  bool isolate_all = false;                // skip the one-process run (KATA_ISOLATE=1, the agreement gate)
  std::function<void(const std::string& check)> on_check_started;  // for progress displays
  std::function<void()> on_tick;           // about every 50 ms while checks run (from several threads)
};

// One case of a test program, and the task it belongs to: the nearest enclosing unit (or the case itself)
// whose Boost.Test description reads "task N: <title>" (/work/shared/DESIGN.md, "Tasks"; 0 when none).
struct ListedCheck {
  std::string name;        // "suite/case"
  int task = 0;
  std::string task_title;
};

// The cases of a test program (Boost.Test's --list_content), or nothing with `*problem` set when the
// program does not start (or lists its checks but does not end normally); `*pseudo_name`, when given, is
// then the name of the one failing check that stands for it: "(the test program does not start)" or
// "(the test program does not end cleanly)".
std::vector<ListedCheck> list_checks(const std::filesystem::path& exe, const RunnerOptions& options,
                                     std::string* problem, std::string* pseudo_name = nullptr);

// "task 3: harden it" -> 3 and "harden it"; false for any other description.
bool parse_task(const std::string& description, int* number, std::string* title);

// Runs every case of `exe` and returns one verdict per case, in the program's order. A program that does
// not start gives one failing check named "(the test program does not start)".
std::vector<Check> run_checks(const std::filesystem::path& exe, const RunnerOptions& options);

}  // namespace kata::cli
