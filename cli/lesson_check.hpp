// Checking one lesson: build it (one kata per build folder at a time), run its checks, run them again
// under AddressSanitizer + UBSan once they all pass (the memory check), and remember the verdict.
#pragma once

#include <string>

#include "checks.hpp"
#include "workspace.hpp"

namespace kata::cli {

struct CheckOptions {
  std::string variant = "learner";  // or "solution"
  bool memory_check = true;         // a learner's lesson is done only after a clean memory check
  bool memory_check_always = false; // run it even when some checks fail (kata check --sanitize)
  bool save = true;                 // remember a learner verdict for `kata list`
  bool isolate_all = false;         // every check in its own process (KATA_ISOLATE=1 sets it too)
};

LessonResult check_lesson(Workspace& ws, const Lesson& lesson, const CheckOptions& options = {});

// The per-check time limit of the build tree (KATA_TEST_TIMEOUT, default 10 s).
double check_time_limit(Workspace& ws);

}  // namespace kata::cli
