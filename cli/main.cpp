// kata — the learner's and the instructor's command. See README.md, "Commands".
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <iostream>
#include <string>
#include <vector>

#include "authoring.hpp"
#include "commands.hpp"
#include "grade.hpp"
#include "process.hpp"

namespace {

// Levenshtein distance, for "did you mean" (names are a few letters long).
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// A corrected command line when the arguments look like a misspelled or misplaced command:
// "./kata 04 chek" -> "./kata check 04"; "./kata 04" -> "./kata check 04". "" when nothing fits.
std::string suggest_command(CLI::App& app, int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string best;
  std::size_t best_at = args.size(), best_distance = 3;
  for (std::size_t i = 0; i < args.size(); ++i)
    for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
      const std::size_t d = edit_distance(args[i], sub->get_name());
      if (d < best_distance) {
        best_distance = d;
        best = sub->get_name();
        best_at = i;
      }
    }
  if (best.empty()) {
    // A lesson alone ("./kata 04"): the command most likely meant.
    if (args.size() == 1 && !args[0].empty() && std::isdigit(static_cast<unsigned char>(args[0][0])))
      return "./kata check " + args[0];
    return "";
  }
  std::string line = "./kata " + best;
  for (std::size_t i = 0; i < args.size(); ++i)
    if (i != best_at) line += " " + args[i];
  return line;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace kata::cli;
  // The name the learner types (the launcher runs build/dev/cli/kata; --help should not show that path).
  CLI::App app{"dl-practice-kata: learn the practical side of deep learning by making checks pass.\n"
               "Without a command: the list of lessons and your progress.",
               "./kata"};
  app.require_subcommand(0, 1);
  const std::string lesson_help = "lesson number or name, e.g. 04 or dropout (default: the first unfinished)";

  auto* list = app.add_subcommand("list", "every lesson, its status and checks passed, and what to do next");
  std::string lesson;
  bool sanitize = false;
  auto* check = app.add_subcommand("check", "build and run one lesson's checks (default: the first unfinished)");
  check->add_option("lesson", lesson, lesson_help);
  bool all = false;
  ReportFiles reports;
  check->add_flag("--all", all, "every lesson, in order (one line each)");
  bool verbose = false;
  check->add_flag("--verbose,-v", verbose, "every check of every task (by default the tasks after the first "
                                           "unfinished one are shown in a line each)");
  check->add_option("--json", reports.json, "also write the results to this file, in Exercism's test-runner format "
                                            "(version 3)");
  check->add_option("--junit", reports.junit, "also write the results to this file as JUnit XML");
  check->add_flag("--sanitize", sanitize, "build and run them under AddressSanitizer + UBSan (build/sanitize)");
  auto* watch = app.add_subcommand("watch", "re-check the lesson you are working on whenever you save a file "
                                            "(h hint, q quit)");
  watch->add_option("lesson", lesson, "the lesson to start with (default: the first unfinished)");
  bool reset_hints = false;
  auto* hint = app.add_subcommand("hint", "reveal the lesson's next hint");
  hint->add_option("lesson", lesson, lesson_help);
  hint->add_flag("--reset", reset_hints, "start again from the first hint");
  auto* diff = app.add_subcommand("diff", "your code against the reference solution");
  diff->add_option("lesson", lesson, lesson_help);
  auto* solution = app.add_subcommand("solution", "print the reference solution");
  solution->add_option("lesson", lesson, lesson_help);
  bool reference = false, both = false;
  auto* run = app.add_subcommand("run", "the lesson's experiment on real data, with your code");
  run->add_option("lesson", lesson, lesson_help);
  run->add_flag("--reference", reference, "run it with the reference solution instead");
  run->add_flag("--both", both, "run it with your code and the reference, side by side");
  auto* coverage = app.add_subcommand("coverage", "which lines of your code the checks run (gcovr summary + HTML)");
  coverage->add_option("lesson", lesson, lesson_help);
  bool yes = false;
  auto* reset = app.add_subcommand("reset", "restore a lesson's stub, keeping your code in lessons/NN_topic/.backup/");
  reset->add_option("lesson", lesson, "lesson number or name")->required();
  reset->add_flag("--yes,-y", yes, "do not ask first");
  SelftestOptions selftest_options;
  auto* selftest = app.add_subcommand("selftest", "prove the workspace: solutions pass, stubs fail, mistakes are "
                                                  "caught, coverage >= 95%, mutants killed >= 95%; ends with "
                                                  "'N passed, M failed'");
  selftest->add_flag("--skip-coverage", selftest_options.skip_coverage, "skip the gcovr gate");
  selftest->add_flag("--skip-sanitize", selftest_options.skip_sanitize,
                     "skip the ASan + UBSan run of the solutions (a second build, ~3 min)");
  selftest->add_flag("--skip-mutation", selftest_options.skip_mutation, "skip the mutation gate");
  selftest->add_flag("--mutation-only", selftest_options.mutation_only,
                     "run only the mutation gate: do the checks kill the solutions' mutants?");
  selftest->add_option("--lesson", selftest_options.lesson,
                       "every gate for this one lesson only (with --mutation-only: just its mutation gate)");
  GradeOptions grade_options;
  std::string class_dir, class_csv;
  bool record_manifest = false;
  auto* grade = app.add_subcommand("grade", "the score of this workspace, for a class: tamper check, a fresh build, every "
                                            "check in its own process; exits 0 whatever the checks say");
  grade->add_option("--extra-tests", grade_options.extra_tests, "a folder of the instructor's checks, DIR/NN_topic/*.cpp");
  grade->add_option("--manifest", grade_options.manifest, "the protected files' hashes (default tests/protected.sha256)");
  grade->add_option("--learner", grade_options.learner, "who is graded (default: $KATA_LEARNER, else git's user.name)");
  grade->add_option("--json", grade_options.files.json, "write the results here (Exercism's format, version 3)");
  grade->add_option("--junit", grade_options.files.junit, "write the results here as JUnit XML");
  grade->add_flag("--github-annotations", grade_options.github_annotations,
                  "also print each failure as a GitHub Actions annotation");
  grade->add_option("--class", class_dir, "roll up a folder of learners' --json results instead of grading");
  grade->add_option("--csv", class_csv, "with --class: write the learner, lesson, score table here (default: stdout)");
  grade->add_flag("--record-manifest", record_manifest,
                  "for authors: record the protected files' hashes in tests/protected.sha256");
  NewLessonOptions new_lesson;
  auto* add = app.add_subcommand("new", "for authors: write a new lesson from tools/lesson-template/ (docs/authoring.md)");
  add->add_option("name", new_lesson.name, "the lesson's folder name, NN_topic (e.g. 21_momentum)")->required();
  add->add_option("title", new_lesson.title, "its title, e.g. \"Momentum\"")->required();
  add->add_option("--pack", new_lesson.pack, "write it into this lesson pack's folder instead of the workspace");
  auto* setup = app.add_subcommand("setup", "install the system packages the workspace needs");
  setup->add_flag("--yes,-y", yes, "do not ask before installing");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);
    if (const std::string hint = suggest_command(app, argc, argv); !hint.empty())
      std::cerr << "did you mean: " << hint << " ?\n";
    return status;
  }
  install_interrupt_handling();
  try {
    // `check ""` (an empty variable in a script, say) must not quietly mean "the first unfinished lesson".
    for (auto* sub : app.get_subcommands())
      for (auto* opt : sub->get_options())
        if (opt->get_name() == "lesson" && opt->count() > 0 && lesson.empty())
          throw UsageError("an empty lesson name was given to `" + sub->get_name() +
                           "`: give a number such as 04 or a name such as dropout, or leave it out for the first "
                           "unfinished lesson\n");
    if (*selftest) return cmd_selftest(selftest_options);
    if (*grade) {
      if (record_manifest) return cmd_record_manifest();
      if (!class_dir.empty()) return cmd_grade_class(class_dir, class_csv);
      return cmd_grade(grade_options);
    }
    if (*coverage) return cmd_coverage(lesson);
    Workspace ws;
    if (*check && sanitize) return cmd_check_sanitized(ws, lesson);
    if (*check) {
      if (all && !lesson.empty()) throw UsageError("check takes a lesson or --all, not both\n");
      return cmd_check(ws, lesson, all, reports, verbose);
    }
    if (*watch) return cmd_watch(ws, lesson);
    if (*hint) return cmd_hint(ws, lesson, reset_hints);
    if (*diff) return cmd_diff(ws, lesson);
    if (*solution) return cmd_solution(ws, lesson);
    if (*run) return cmd_run(ws, lesson, reference, both);
    if (*reset) return cmd_reset(ws, lesson, yes);
    if (*setup) return cmd_setup(ws, yes);
    if (*add) return cmd_new(ws, new_lesson);
    (void)list;
    return cmd_list(ws);
  } catch (const UsageError& e) {
    std::cerr << "kata: " << e.what();
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "kata: " << e.what() << "\n";
    return 1;
  }
}
