// kata — the learner's and the instructor's command. See README.md, "Commands".
#include <CLI/CLI.hpp>
#include <iostream>

#include "commands.hpp"
#include "process.hpp"

int main(int argc, char** argv) {
  using namespace kata::cli;
  CLI::App app{"dl-practice-kata: learn the practical side of deep learning by making checks pass.\n"
               "Without a command: the list of lessons and your progress."};
  app.require_subcommand(0, 1);
  const std::string lesson_help = "lesson number or name, e.g. 04 or dropout (default: the first unfinished)";

  auto* list = app.add_subcommand("list", "every lesson, its status and checks passed, and what to do next");
  std::string lesson;
  bool sanitize = false;
  auto* check = app.add_subcommand("check", "build and run one lesson's checks (default: the first unfinished)");
  check->add_option("lesson", lesson, lesson_help);
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
  auto* mutation_only = selftest->add_flag("--mutation-only", selftest_options.mutation_only,
                                           "run only the mutation gate: do the checks kill the solutions' mutants?");
  selftest->add_option("--lesson", selftest_options.lesson, "with --mutation-only: just this lesson")
      ->needs(mutation_only);
  auto* setup = app.add_subcommand("setup", "install the system packages the workspace needs");
  setup->add_flag("--yes,-y", yes, "do not ask before installing");

  CLI11_PARSE(app, argc, argv);
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
    if (*coverage) return cmd_coverage(lesson);
    Workspace ws;
    if (*check && sanitize) return cmd_check_sanitized(ws, lesson);
    if (*check) return cmd_check(ws, lesson);
    if (*watch) return cmd_watch(ws, lesson);
    if (*hint) return cmd_hint(ws, lesson, reset_hints);
    if (*diff) return cmd_diff(ws, lesson);
    if (*solution) return cmd_solution(ws, lesson);
    if (*run) return cmd_run(ws, lesson, reference, both);
    if (*reset) return cmd_reset(ws, lesson, yes);
    if (*setup) return cmd_setup(ws, yes);
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
