// Building lessons and running their checks through CTest; reading CTest's JUnit report; remembering
// each lesson's last result so `kata list` is instant.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "workspace.hpp"

namespace kata::cli {

struct Check {
  std::string name;      // "split_sizes/golden_sizes/_2" (the lesson/variant prefix removed)
  bool passed = false;
  bool not_implemented = false;  // failed only because a stub threw kata::NotImplemented
  bool timed_out = false;
  double seconds = 0;
  std::string message;   // what the check said, cleaned of Boost.Test's framing
};

struct LessonResult {
  bool built = true;
  std::string build_errors;  // compiler errors when !built
  std::vector<Check> checks;

  int passed() const;
  int total() const { return static_cast<int>(checks.size()); }
  // "done", "failing", "not started", "does not compile"
  std::string status() const;
};

// Builds targets, showing progress; on failure returns false and puts the compiler's errors in *errors.
bool build_targets(Workspace& ws, const std::vector<std::string>& targets, const std::string& label,
                   std::string* errors);

// Runs the CTest tests whose names match `regex` and returns one Check per test. The names lose
// `strip_prefix`. `junit_name` names the report file in the build folder.
std::vector<Check> run_ctest(Workspace& ws, const std::string& regex, const std::string& strip_prefix,
                             const std::string& junit_name, const std::string& exclude_regex = "");

// Runs every check of one lesson variant in ONE process (kata check's fast path). Returns nothing when
// the run was not clean (crash, hang, sanitizer report, incomplete report): then only isolation can say
// which check broke.
std::optional<std::vector<Check>> run_in_one_process(Workspace& ws, const Lesson& lesson,
                                                     const std::string& variant);

// Builds and runs one lesson's checks against the learner's code ("learner") or the reference
// ("solution"); a learner result is saved for `kata list`.
LessonResult check_lesson(Workspace& ws, const Lesson& lesson, const std::string& variant = "learner");

// `text` with every regular-expression metacharacter escaped (for ctest -R/-E and gcovr --filter).
std::string regex_escape(const std::string& text);

std::vector<Check> parse_junit(const std::string& xml, const std::string& strip_prefix);
std::string clean_message(const std::string& output);

// The last saved learner result of a lesson, if it is newer than the lesson's sources.
struct SavedResult {
  int passed = 0, total = 0;
  std::string status;
  bool stale = false;  // a source changed since
};
std::optional<SavedResult> load_result(Workspace& ws, const Lesson& lesson);
void save_result(Workspace& ws, const Lesson& lesson, const LessonResult& result);

// Prints a lesson result: a line per failing check with its message (at most `max_failures`).
void print_result(const Lesson& lesson, const LessonResult& result, int max_failures = 1000);

}  // namespace kata::cli
