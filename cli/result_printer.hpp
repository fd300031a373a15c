// Printing a lesson's result for the learner: a line per check, each failure's message, the verdict.
#pragma once

#include "checks.hpp"
#include "workspace.hpp"

namespace kata::cli {

// A line per check and the message of each failing one (at most `max_failures` messages).
void print_result(const Lesson& lesson, const LessonResult& result, int max_failures = 1000);

}  // namespace kata::cli
