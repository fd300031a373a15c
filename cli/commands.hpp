// The `kata` subcommands. Each returns the process exit status.
#pragma once

#include <string>

#include "workspace.hpp"

namespace kata::cli {

int cmd_list(Workspace& ws);
int cmd_check(Workspace& ws, const std::string& lesson);
int cmd_run(Workspace& ws, const std::string& lesson, bool reference);
int cmd_setup(Workspace& ws, bool yes);

struct SelftestOptions {
  bool skip_coverage = false;
  bool sanitize = false;
};
int cmd_selftest(const SelftestOptions& options);

// The lesson to work on: the first one whose saved result is not "done" (the first lesson if none).
const Lesson& current_lesson(Workspace& ws);

// Renders the gnuplot scripts an experiment wrote in `dir` to PNG and SVG, and shows them as ASCII
// on a terminal. Without gnuplot: a one-line notice and the CSV paths.
void render_figures(const fs::path& dir);

}  // namespace kata::cli
