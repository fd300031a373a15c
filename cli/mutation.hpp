// The mutation gate (README, "Quality gates"): operator mutants of each lesson's reference solution
// (tools/mutate.cpp picks ~25 per lesson), each compiled like the solution, linked with the lesson's checks
// and run. A mutant is killed when a check fails, the run crashes or it times out; it survives when every
// check passes. Gate per lesson: killed / (generated - stillborn - equivalent) >= 95%, where stillborn
// mutants do not compile and equivalent ones are listed, with the reason, in tests/mutation/equivalent.txt.
#pragma once

#include <string>
#include <vector>

#include "workspace.hpp"

namespace kata::cli {

struct MutationItem {
  bool ok = false;
  std::string what;
};

// Runs the stage in `ws` (the ci build tree, with kata_mutate and test_NN_solution already built), prints
// its report (a table per lesson, every survivor, stale equivalent entries, the wall time) and returns the
// gate's items: one per lesson, one per stale or malformed equivalent entry. `lesson_spec` empty: every
// lesson.
std::vector<MutationItem> mutation_stage(Workspace& ws, const std::string& lesson_spec = "");

// `kata selftest --mutation-only [--lesson NN]`: builds what the stage needs in build/ci, runs it, and
// ends with the plain line "N passed, M failed".
int cmd_mutation(const std::string& lesson_spec);

}  // namespace kata::cli
