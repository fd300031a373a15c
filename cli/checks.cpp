#include "checks.hpp"

#include <algorithm>

namespace kata::cli {

int LessonResult::passed() const {
  return static_cast<int>(std::count_if(checks.begin(), checks.end(), [](const Check& c) { return c.passed; }));
}

std::vector<TaskProgress> LessonResult::tasks() const {
  std::vector<TaskProgress> tasks;
  for (const auto& c : checks) {
    auto it = std::find_if(tasks.begin(), tasks.end(), [&](const TaskProgress& t) { return t.number == c.task; });
    if (it == tasks.end()) {
      tasks.push_back({c.task, c.task_title, 0, 0});
      it = tasks.end() - 1;
    }
    ++it->total;
    it->passed += c.passed ? 1 : 0;
  }
  std::sort(tasks.begin(), tasks.end(), [](const TaskProgress& a, const TaskProgress& b) { return a.number < b.number; });
  return tasks;
}

std::string LessonResult::status() const {
  if (!built) return build_broken ? "build failed" : "does not compile";
  if (checks.empty()) return "no checks";
  if (passed() == total()) return !memory_check_required || memory_checked ? "done" : "not verified";
  const bool untouched = passed() == 0 && std::all_of(checks.begin(), checks.end(),
                                                      [](const Check& c) { return c.not_implemented; });
  return untouched ? "not started" : "failing";
}

}  // namespace kata::cli
