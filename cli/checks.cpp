#include "checks.hpp"

#include <algorithm>

namespace kata::cli {

int LessonResult::passed() const {
  return static_cast<int>(std::count_if(checks.begin(), checks.end(), [](const Check& c) { return c.passed; }));
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
