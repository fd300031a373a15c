#include "commands.hpp"

#include <cstdio>
#include <iostream>

#include "checks.hpp"
#include "process.hpp"
#include "ui.hpp"

namespace kata::cli {

const Lesson& current_lesson(Workspace& ws) {
  for (const auto& l : ws.lessons()) {
    const auto saved = load_result(ws, l);
    if (!saved || saved->stale || saved->status != "done") return l;
  }
  return ws.lessons().back();
}

int cmd_list(Workspace& ws) {
  const auto& lessons = ws.lessons();
  int done = 0, passed = 0, total = 0;
  const Lesson* next = nullptr;
  std::vector<std::pair<const Lesson*, SavedResult>> rows;
  for (const auto& l : lessons) {
    auto saved = load_result(ws, l);
    if (!saved || saved->stale) {
      // Never checked, or edited since: check it now (a second or so once the tree is built).
      const auto result = check_lesson(ws, l);
      saved = SavedResult{result.passed(), result.total(), result.status(), false};
    }
    rows.emplace_back(&l, *saved);
  }
  std::cout << ui::bold("dl-practice-kata — the practical side of deep learning") << "\n\n";
  for (const auto& [l, r] : rows) {
    std::string status = r.status;
    if (status == "done") status = ui::green("done           ");
    else if (status == "not started") status = ui::dim("not started    ");
    else status = ui::yellow(status + std::string(15 - std::min<std::size_t>(15, status.size()), ' '));
    std::printf("  %s  %-28s %s %3d/%-3d %s\n", l->number.c_str(), l->name.c_str() + 3, status.c_str(),
                r.passed, r.total, ui::bar(r.passed, r.total, 12).c_str());
    if (r.status == "done") ++done;
    else if (next == nullptr) next = l;
    passed += r.passed;
    total += r.total;
  }
  std::printf("\n  progress %s %d of %zu lessons, %d of %d checks\n", ui::bar(done, lessons.size()).c_str(),
              done, lessons.size(), passed, total);
  if (next != nullptr)
    std::cout << "  next: read lessons/" << next->name << "/README.md, then run ./kata check " << next->number
              << "  (or ./kata watch)\n";
  else
    std::cout << ui::green("  every lesson is done. Try ./kata run NN for the experiments.") << "\n";
  return 0;
}

int cmd_check(Workspace& ws, const std::string& spec) {
  const Lesson& lesson = spec.empty() ? current_lesson(ws) : ws.find(spec);
  const auto result = check_lesson(ws, lesson);
  print_result(lesson, result);
  if (result.status() == "done") {
    const auto& all = ws.lessons();
    for (std::size_t i = 0; i + 1 < all.size(); ++i)
      if (all[i].name == lesson.name)
        std::cout << "next: lessons/" << all[i + 1].name << "/README.md  (./kata check " << all[i + 1].number
                  << ")\n";
    return 0;
  }
  if (result.status() == "not started")
    std::cout << "start with lessons/" << lesson.name << "/README.md; stuck? ./kata hint " << lesson.number << "\n";
  return 1;
}

void render_figures(const fs::path& dir) {
  std::vector<fs::path> scripts;
  if (fs::exists(dir))
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".gp") scripts.push_back(e.path());
  std::sort(scripts.begin(), scripts.end());
  if (scripts.empty()) return;
  if (!on_path("gnuplot")) {
    std::cout << "\n(gnuplot is not installed: no pictures. The data is in CSV files:)\n";
    for (const auto& s : scripts) std::cout << "  " << s.parent_path().string() << "/" << s.stem().string() << ".*.csv\n";
    return;
  }
  std::cout << "\nfigures:\n";
  for (const auto& s : scripts) {
    const std::string stem = s.stem().string();
    for (const auto& [term, ext] : {std::pair{"pngcairo size 900,560", "png"}, std::pair{"svg size 900,560", "svg"}}) {
      const auto out = run_process({"gnuplot", "-e", std::string("set terminal ") + term + "; set output '" + stem +
                                    "." + ext + "'", s.filename().string()},
                                   {.working_dir = dir.string(), .timeout_seconds = 30});
      if (out.exit_code != 0) std::cout << "  gnuplot could not draw " << s.string() << ":\n" << out.output;
    }
    std::cout << "  " << (dir / (stem + ".png")).string() << "  (and .svg)\n";
    if (ui::interactive()) {
      const auto ascii = run_process({"gnuplot", "-e", "set terminal dumb size 100,28; set output", s.filename().string()},
                                     {.working_dir = dir.string(), .timeout_seconds = 30});
      if (ascii.exit_code == 0) std::cout << ascii.output;
    }
  }
}

int cmd_run(Workspace& ws, const std::string& spec, bool reference) {
  const Lesson& lesson = spec.empty() ? current_lesson(ws) : ws.find(spec);
  if (!lesson.has_experiment) {
    std::cout << lesson.name << " has no experiment yet.\n";
    return 1;
  }
  const std::string variant = reference ? "solution" : "learner";
  const std::string target = "experiment_" + lesson.number + "_" + variant;
  std::string errors;
  if (!build_targets(ws, {target}, "building " + target, &errors)) {
    std::cout << ui::red("✗ the experiment does not compile:") << "\n" << errors << "\n";
    return 1;
  }
  const fs::path out = ws.build_dir() / "out" / lesson.name / variant;
  fs::remove_all(out);
  fs::create_directories(out);
  const auto result = run_process({(ws.build_dir() / target).string()},
                                  {.working_dir = ws.root().string(),
                                   .env = {{"KATA_OUT_DIR", out.string()}, {"KATA_VARIANT", variant}},
                                   .inherit_output = true});
  if (result.exit_code == 0) render_figures(out);
  return result.exit_code;
}

int cmd_setup(Workspace& ws, bool yes) {
  std::vector<std::string> argv = {"sh", (ws.root() / "kata").string(), "setup"};
  if (yes) argv.push_back("--yes");
  return run_process(argv, {.inherit_output = true}).exit_code;
}

}  // namespace kata::cli
