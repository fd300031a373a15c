// The `kata` subcommands. Each returns the process exit status.
#pragma once

#include <string>
#include <vector>

#include "report_writer.hpp"
#include "workspace.hpp"

namespace kata::cli {

int cmd_list(Workspace& ws);
// Where machine-readable results go (kata check, kata grade); empty: not written.
struct ReportFiles {
  std::string json, junit;
  bool wanted() const { return !json.empty() || !junit.empty(); }
};
int cmd_check(Workspace& ws, const std::string& lesson, bool all, const ReportFiles& files, bool verbose = false);
int cmd_run(Workspace& ws, const std::string& lesson, bool reference, bool both);
int cmd_check_sanitized(Workspace& ws, const std::string& lesson);
int cmd_watch(Workspace& ws, const std::string& lesson);
int cmd_hint(Workspace& ws, const std::string& lesson, bool reset);
int cmd_diff(Workspace& ws, const std::string& lesson);
int cmd_solution(Workspace& ws, const std::string& lesson);
int cmd_reset(Workspace& ws, const std::string& lesson, bool yes);
int cmd_coverage(const std::string& lesson);

// The '## Hint N' sections of a HINTS.md, in order.
std::vector<std::string> read_hints(const fs::path& hints_md);
// Shows the lesson's next hint and remembers it; says so when none is left.
int show_next_hint(Workspace& ws, const Lesson& lesson);
int cmd_setup(Workspace& ws, bool yes);

struct SelftestOptions {
  bool skip_coverage = false;
  bool skip_sanitize = false;
  bool skip_mutation = false;
  bool mutation_only = false;  // just the mutation gate (cli/mutation.hpp), for `lesson` or every lesson
  std::string lesson;
};
int cmd_selftest(const SelftestOptions& options);

// The lesson to work on: the first one whose saved result is not "done" (the last lesson if all are).
const Lesson& current_lesson(Workspace& ws);
// The lesson a command means: the one named; without a name, the lesson whose folder the command runs in
// (lessons/NN_topic, solutions/NN_topic, tests/NN_topic); else current_lesson().
const Lesson& lesson_for(Workspace& ws, const std::string& spec);
// The first lesson after `after` (wrapping around) that is not done; nothing when every lesson is done.
const Lesson* next_unfinished(Workspace& ws, const Lesson& after);
// A lesson's result with the source of each check, for the machine-readable reports.
LessonReport report_for(Workspace& ws, const Lesson& lesson, LessonResult result, const std::string& variant);
void write_reports(const std::vector<LessonReport>& reports, const ReportFiles& files, const std::string& learner);
// What to do once a lesson turned green: diff, experiment, coverage, the next lesson.
void print_what_next(Workspace& ws, const Lesson& lesson);

// Renders the gnuplot scripts an experiment wrote in `dir` to PNG and SVG, and shows them as ASCII
// on a terminal. Without gnuplot: a one-line notice and the CSV paths. `heading` "": "figures".
void render_figures(const fs::path& dir, const std::string& heading = "");
// Writes OUT_ROOT/index.html (cli/gallery.cpp): the rendered figures of every lesson run so far, with
// their captions; yours and the reference's side by side. Returns the page's path.
fs::path write_gallery(const fs::path& out_root);

}  // namespace kata::cli
