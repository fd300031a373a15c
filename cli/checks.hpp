// A lesson's checks and their verdicts: the types every part of the CLI shares.
#pragma once

#include <string>
#include <vector>

namespace kata::cli {

struct Check {
  std::string name;              // "split_sizes/golden_sizes/_2": Boost.Test's full name of the case
  bool passed = false;           // only ever true when Boost.Test reported this case passed, once
  bool not_implemented = false;  // failed only because a stub threw kata::NotImplemented
  bool timed_out = false;
  double seconds = 0;
  std::string message;           // why it failed, in words for the learner
  std::string output;            // what the code under test printed during the check (capped)
  int task = 0;                  // the lesson's task it belongs to (1..T), 0 when the lesson has no tasks
  std::string task_title;        // "inverted dropout, backward"
};

// One task of a lesson and how far the learner is with it.
struct TaskProgress {
  int number = 0;
  std::string title;
  int passed = 0, total = 0;
  bool done() const { return total > 0 && passed == total; }
};

struct LessonResult {
  bool built = true;
  std::string build_errors;      // the compiler's errors when !built
  bool build_broken = false;     // the build failed for a reason that is not the learner's code
  std::vector<Check> checks;
  // The memory check: once every check passes, they run again under AddressSanitizer + UBSan, and a
  // lesson is done only when that run is clean too. Failures there are folded into `checks`.
  bool memory_check_required = false;
  bool memory_checked = false;
  std::string memory_note;       // why the memory check could not run, when it could not (English: the reports)
  std::string memory_note_shown; // the same in the learner's language, for the screen
  std::string toolbox;           // for a lesson with a toolbox: whose implementations it linked (toolbox.hpp)

  int passed() const;
  // The tasks in order (one unnamed task 0 when the lesson's checks carry no task descriptions).
  std::vector<TaskProgress> tasks() const;
  int total() const { return static_cast<int>(checks.size()); }
  // "done", "failing", "not started", "does not compile", "not verified" (checks pass, memory check
  // could not run), "build failed" (not the learner's fault), "no checks"
  std::string status() const;
};

}  // namespace kata::cli
