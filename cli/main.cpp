// kata — the learner's and the instructor's command. See README.md, "Commands".
#include <CLI/CLI.hpp>
#include <iostream>

#include "commands.hpp"

int main(int argc, char** argv) {
  using namespace kata::cli;
  CLI::App app{"dl-practice-kata: learn the practical side of deep learning by making checks pass.\n"
               "Without a command: the list of lessons and your progress."};
  app.require_subcommand(0, 1);

  auto* list = app.add_subcommand("list", "every lesson, its status and checks passed, and what to do next");
  std::string lesson;
  auto* check = app.add_subcommand("check", "build and run one lesson's checks (default: the first unfinished)");
  check->add_option("lesson", lesson, "lesson number or name, e.g. 04 or dropout");
  bool reference = false;
  auto* run = app.add_subcommand("run", "the lesson's experiment on real data, with your code");
  run->add_option("lesson", lesson, "lesson number or name");
  run->add_flag("--reference", reference, "run it with the reference solution instead");
  SelftestOptions selftest_options;
  auto* selftest = app.add_subcommand("selftest", "prove the workspace: solutions pass, stubs fail, mistakes are "
                                                  "caught, coverage >= 95%; ends with 'N passed, M failed'");
  selftest->add_flag("--skip-coverage", selftest_options.skip_coverage, "skip the gcovr gate");
  selftest->add_flag("--sanitize", selftest_options.sanitize, "also run the solutions under ASan + UBSan");
  bool yes = false;
  auto* setup = app.add_subcommand("setup", "install the system packages the workspace needs");
  setup->add_flag("--yes,-y", yes, "do not ask before installing");

  CLI11_PARSE(app, argc, argv);
  try {
    if (*selftest) return cmd_selftest(selftest_options);
    Workspace ws;
    if (*check) return cmd_check(ws, lesson);
    if (*run) return cmd_run(ws, lesson, reference);
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
