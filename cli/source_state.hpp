// Verdicts and rebuilds follow file *contents*, not time stamps. A learner who restores an older file
// (mv'ing a backup back keeps its old mtime) must get a rebuild and a fresh verdict, though ninja, which
// compares times, sees nothing to do.
#pragma once

#include <string>

#include "workspace.hpp"

namespace kata::cli {

// A digest of everything a lesson's verdict depends on that a learner or a `git pull` may change: the
// code files under lessons/NN_topic/, the lesson's checks under tests/NN_topic/, and for a lesson with a
// toolbox (lesson 12) which toolbox lessons are the learner's and their code (toolbox.hpp).
std::string lesson_fingerprint(Workspace& ws, const Lesson& lesson);

// Digests of the lesson's code files as they are now (to pass to record_built_sources after a build).
std::string lesson_source_digests(Workspace& ws, const Lesson& lesson);

// Removes the objects built from a lesson file whose contents differ from what the last successful build
// recorded, so the next build compiles them again whatever the time stamps say.
void forget_stale_objects(Workspace& ws, const Lesson& lesson);

// After a successful build: what its lesson files held when it started.
void record_built_sources(Workspace& ws, const Lesson& lesson, const std::string& digests);

}  // namespace kata::cli
