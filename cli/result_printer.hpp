// Printing a lesson's result for the learner: a line per check, each failure's message, the verdict.
#pragma once

#include "checks.hpp"
#include "workspace.hpp"

namespace kata::cli {

// "task 2 of 5: inverted dropout, backward — 3 of 4 checks" (with a ✓ when done).
std::string task_line(const TaskProgress& task, int tasks);

// The number of the first task not done (0 when every task is done, or the lesson has no tasks).
int first_unfinished_task(const LessonResult& result);

// Grouped by task: every check of the tasks up to the first unfinished one, with the message of each
// failing one (at most `max_failures` messages); the later tasks in a line each.
// `every_task`: every check of every task (kata check --verbose).
void print_result(const Lesson& lesson, const LessonResult& result, int max_failures = 1000, bool every_task = false);

}  // namespace kata::cli
