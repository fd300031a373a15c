// `kata grade`: the score of a learner's workspace, for a class. It detects tampering first, builds in a
// fresh folder, runs every check of every lesson in a process of its own (and an instructor's extra
// checks), and prints a score table per lesson and task. The score is the result: it exits 0 whatever the
// checks say, and non-zero only when grading itself could not run.
#pragma once

#include <string>

#include "commands.hpp"

namespace kata::cli {

struct GradeOptions {
  std::string extra_tests;   // a folder DIR/NN_topic/*.cpp of the instructor's checks
  std::string manifest;      // the protected files' hashes (default tests/protected.sha256)
  std::string learner;       // who, for the class roll-up (default: $KATA_LEARNER, git's user.name)
  ReportFiles files;
  bool github_annotations = false;  // also print failures as GitHub Actions annotations
};

int cmd_grade(const GradeOptions& options);

// kata grade --class DIR: a folder of learners' --json results -> a CSV of learner, lesson, score,
// tampered; and each check's pass rate over the class, the least passed first.
int cmd_grade_class(const std::string& dir, const std::string& csv);

// kata grade --record-manifest: writes tests/protected.sha256 (for authors, after changing a check).
int cmd_record_manifest();

}  // namespace kata::cli
