// Results in standard formats, from the same run a learner sees: Exercism's test-runner interface
// (version 3, results.json) and JUnit XML (for GitLab's and GitHub's test report viewers).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "checks.hpp"
#include "workspace.hpp"

namespace kata::cli {

struct LessonReport {
  const Lesson* lesson = nullptr;
  LessonResult result;
  std::map<std::string, std::string> test_code;  // check name -> its source
  std::string tampered;                          // kata grade: why the lesson scores 0 ("" when it does not)
  std::vector<Check> extra;                      // kata grade --extra-tests: the instructor's checks
};

// A lesson's score in [0, 1]: checks passed (its own and the instructor's extra ones) over all of them;
// 0 when tampered.
double lesson_score(const LessonReport& report);

// One lesson: a results.json of version 3 ("status", "message", "tests" in file order with "name",
// "test_code", "status", "message", "output" (at most 500 characters), "task_id"), plus a "kata" object
// with the lesson's summary. Several lessons: {"kata": {summary...}, "lessons": {name: results}}.
// Throws std::runtime_error when the file cannot be written.
void write_json(const std::filesystem::path& file, const std::vector<LessonReport>& reports,
                const std::string& learner = "");

// JUnit XML: a <testsuite> per lesson, a <testcase> per check with classname "NN_topic.task_N" and the
// failure's message. Throws std::runtime_error when the file cannot be written.
void write_junit(const std::filesystem::path& file, const std::vector<LessonReport>& reports);

}  // namespace kata::cli
