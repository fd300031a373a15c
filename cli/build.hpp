// Building targets with ninja, with progress, and telling a learner's compile error from a build that
// failed for another reason (a read-only or vanished build folder, a full disk, a crashed linker).
#pragma once

#include <string>
#include <vector>

#include "workspace.hpp"

namespace kata::cli {

struct BuildOutcome {
  bool ok = false;
  bool broken = false;   // failed, and not because of the code: see `problem`
  std::string errors;    // the compiler's diagnostics (at most 40 lines) when the code does not compile
  std::string problem;   // what went wrong when `broken`
};

BuildOutcome build_targets(Workspace& ws, const std::vector<std::string>& targets, const std::string& label);

// The compiler's diagnostics in a build log, without ninja's command lines (at most 40 lines).
std::string compiler_errors(const std::string& log);

// When a failed build's log shows a cause other than the code, that cause in one line; else "".
std::string build_infrastructure_problem(const std::string& log);

}  // namespace kata::cli
