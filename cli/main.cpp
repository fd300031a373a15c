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
#include "messages.hpp"
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
  // The command is spelled right and in its place: what is wrong lies elsewhere (an extra argument, an
  // unknown option), and repeating the same line as a suggestion would only confuse.
  if (best_distance == 0 && best_at == 0) return "";
  std::string line = "./kata " + best;
  for (std::size_t i = 0; i < args.size(); ++i)
    if (i != best_at) line += " " + args[i];
  return line;
}

// CLI11's own messages for a command line it cannot parse, in the learner's language: the two a learner
// meets (an unexpected argument, a missing one) translated, any other as CLI11 words it.
std::string parse_failure(const CLI::App*, const CLI::Error& e) {
  const std::string what = e.what();
  std::string text = what;
  if (!kata::cli::korean()) return kata::cli::tr("usage.more", {text});  // CLI11's words as they are
  for (const char* prefix : {"The following arguments were not expected: ", "The following argument was not expected: "})
    if (what.rfind(prefix, 0) == 0) text = kata::cli::tr("usage.unexpected", {what.substr(std::string(prefix).size())});
  if (e.get_name() == "RequiredError" && what.size() > 12 && what.ends_with(" is required"))
    text = kata::cli::tr("usage.required", {what.substr(0, what.size() - 12)});
  return kata::cli::tr("usage.more", {text});
}

// The help's own words (Usage, Options, ...) and the -h flag's description in the learner's language.
void translate_help(CLI::App& app) {
  auto formatter = app.get_formatter();
  formatter->label("Usage", kata::cli::tr("help.label.usage"));
  formatter->label("OPTIONS", kata::cli::tr("help.label.options_word"));
  formatter->label("SUBCOMMAND", kata::cli::tr("help.label.command_word"));
  formatter->label("Positionals", kata::cli::tr("help.label.positionals"));
  formatter->label("REQUIRED", kata::cli::tr("help.label.required"));
  app.option_defaults()->group(kata::cli::tr("help.label.options"));
  app.group(kata::cli::tr("help.label.commands"));
  app.failure_message(parse_failure);
  app.set_help_flag("-h,--help", kata::cli::tr("help.flag"));
}

}  // namespace

int main(int argc, char** argv) {
  using namespace kata::cli;
  // The name the learner types (the launcher runs build/dev/cli/kata; --help should not show that path).
  CLI::App app{tr("help.app"), "./kata"};
  translate_help(app);
  app.require_subcommand(0, 1);
  const std::string lesson_help = tr("help.lesson");

  auto* list = app.add_subcommand("list", tr("help.list"));
  std::string lesson;
  bool sanitize = false;
  auto* check = app.add_subcommand("check", tr("help.check"));
  check->add_option("lesson", lesson, lesson_help);
  bool all = false;
  ReportFiles reports;
  check->add_flag("--all", all, tr("help.check.all"));
  bool verbose = false;
  check->add_flag("--verbose,-v", verbose, tr("help.check.verbose"));
  check->add_option("--json", reports.json, tr("help.check.json"));
  check->add_option("--junit", reports.junit, tr("help.check.junit"));
  check->add_flag("--sanitize", sanitize, tr("help.check.sanitize"));
  auto* watch = app.add_subcommand("watch", tr("help.watch"));
  watch->add_option("lesson", lesson, tr("help.watch.lesson"));
  bool reset_hints = false;
  auto* hint = app.add_subcommand("hint", tr("help.hint"));
  hint->add_option("lesson", lesson, lesson_help);
  hint->add_flag("--reset", reset_hints, tr("help.hint.reset"));
  auto* diff = app.add_subcommand("diff", tr("help.diff"));
  diff->add_option("lesson", lesson, lesson_help);
  auto* solution = app.add_subcommand("solution", tr("help.solution"));
  solution->add_option("lesson", lesson, lesson_help);
  bool reference = false, both = false;
  auto* run = app.add_subcommand("run", tr("help.run"));
  run->add_option("lesson", lesson, lesson_help);
  run->add_flag("--reference", reference, tr("help.run.reference"));
  run->add_flag("--both", both, tr("help.run.both"));
  auto* coverage = app.add_subcommand("coverage", tr("help.coverage"));
  coverage->add_option("lesson", lesson, lesson_help);
  bool yes = false;
  auto* reset = app.add_subcommand("reset", tr("help.reset"));
  reset->add_option("lesson", lesson, tr("help.reset.lesson"))->required();
  reset->add_flag("--yes,-y", yes, tr("help.reset.yes"));
  SelftestOptions selftest_options;
  auto* selftest = app.add_subcommand("selftest", tr("help.selftest"));
  selftest->add_flag("--skip-coverage", selftest_options.skip_coverage, tr("help.selftest.skip_coverage"));
  selftest->add_flag("--skip-sanitize", selftest_options.skip_sanitize, tr("help.selftest.skip_sanitize"));
  selftest->add_flag("--skip-mutation", selftest_options.skip_mutation, tr("help.selftest.skip_mutation"));
  selftest->add_flag("--mutation-only", selftest_options.mutation_only, tr("help.selftest.mutation_only"));
  selftest->add_option("--lesson", selftest_options.lesson, tr("help.selftest.lesson"));
  GradeOptions grade_options;
  std::string class_dir, class_csv;
  bool record_manifest = false;
  auto* grade = app.add_subcommand("grade", tr("help.grade"));
  grade->add_option("--extra-tests", grade_options.extra_tests, tr("help.grade.extra_tests"));
  grade->add_option("--manifest", grade_options.manifest, tr("help.grade.manifest"));
  grade->add_option("--learner", grade_options.learner, tr("help.grade.learner"));
  grade->add_option("--json", grade_options.files.json, tr("help.grade.json"));
  grade->add_option("--junit", grade_options.files.junit, tr("help.grade.junit"));
  grade->add_flag("--github-annotations", grade_options.github_annotations, tr("help.grade.github"));
  grade->add_option("--class", class_dir, tr("help.grade.class"));
  grade->add_option("--csv", class_csv, tr("help.grade.csv"));
  grade->add_flag("--record-manifest", record_manifest, tr("help.grade.record_manifest"));
  NewLessonOptions new_lesson;
  auto* add = app.add_subcommand("new", tr("help.new"));
  add->add_option("name", new_lesson.name, tr("help.new.name"))->required();
  add->add_option("title", new_lesson.title, tr("help.new.title"))->required();
  add->add_option("--pack", new_lesson.pack, tr("help.new.pack"));
  auto* setup = app.add_subcommand("setup", tr("help.setup"));
  setup->add_flag("--yes,-y", yes, tr("help.setup.yes"));
  // A subcommand made its -h before it took the translated option group over: move it there.
  for (auto* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    if (auto* help = sub->get_help_ptr()) help->group(tr("help.label.options"));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);
    // Only for a command line that failed: `./kata check --help` needs no correction.
    if (status != 0)
      if (const std::string hint = suggest_command(app, argc, argv); !hint.empty())
        std::cerr << tr("usage.did_you_mean", {hint}) << "\n";
    // CLI11 numbers its errors (106 a missing argument, 109 an extra one ...); kata's usage errors are 2,
    // like `kata check ""`, so scripts need one code.
    return status == 0 ? 0 : 2;
  }
  install_interrupt_handling();
  try {
    // `check ""` (an empty variable in a script, say) must not quietly mean "the first unfinished lesson".
    for (auto* sub : app.get_subcommands())
      for (auto* opt : sub->get_options())
        if (opt->get_name() == "lesson" && opt->count() > 0 && lesson.empty())
          throw UsageError(tr("usage.empty_lesson", {sub->get_name()}) + "\n");
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
      if (all && !lesson.empty()) throw UsageError(tr("usage.check_all_and_lesson") + "\n");
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
