// The learner's helpers around a lesson: hints, the reference solution and a diff against it, resetting
// a lesson to its stub (with a backup), and coverage of the learner's code.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <cctype>
#include <sstream>

#include "build_lock.hpp"
#include "commands.hpp"
#include "lesson_check.hpp"
#include "messages.hpp"
#include "process.hpp"
#include "result_printer.hpp"
#include "results_store.hpp"
#include "shipped_stubs.hpp"
#include "text.hpp"
#include "ui.hpp"

namespace kata::cli {

namespace {

fs::path hint_state(Workspace& ws, const Lesson& lesson) {
  return ws.build_dir() / "kata-state" / (lesson.name + ".hints");
}

// The learner's file and the reference file with the same name, for each source of the lesson.
std::vector<std::pair<std::string, std::string>> source_pairs(const Lesson& lesson) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& mine : lesson.learner_sources) {
    const std::string base = fs::path(mine).filename().string();
    for (const auto& ref : lesson.solution_sources)
      if (fs::path(ref).filename().string() == base) pairs.emplace_back(mine, ref);
  }
  return pairs;
}

bool ask(const std::string& question) {
  std::cout << question << " [y/N] " << std::flush;  // y or yes in both languages
  std::string answer;
  if (!std::getline(std::cin, answer)) return false;
  return answer == "y" || answer == "Y" || answer == "yes";
}

std::string timestamp() {
  const std::time_t t = std::time(nullptr);
  std::tm local{};
  ::localtime_r(&t, &local);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &local);
  return buf;
}

}  // namespace

namespace {
// "## Hint 3" (spaces around the words and after the number allowed).
bool is_hint_heading(const std::string& line) {
  std::istringstream in(line);
  std::string hashes, word, number, rest;
  if (!(in >> hashes >> word >> number) || hashes != "##" || word != "Hint" || (in >> rest)) return false;
  return std::all_of(number.begin(), number.end(), [](unsigned char c) { return std::isdigit(c); });
}
}  // namespace

std::vector<std::string> read_hints(const fs::path& hints_md) {
  std::ifstream in(hints_md);
  std::vector<std::string> hints;
  std::string line;
  bool in_hint = false;
  while (std::getline(in, line)) {
    if (is_hint_heading(line)) {
      hints.emplace_back();
      in_hint = true;
      continue;
    }
    if (line.rfind("## ", 0) == 0 || line.rfind("# ", 0) == 0) {
      in_hint = false;
      continue;
    }
    if (in_hint) hints.back() += line + "\n";
  }
  for (auto& h : hints) {
    while (!h.empty() && (h.back() == '\n' || h.back() == ' ')) h.pop_back();
    while (!h.empty() && h.front() == '\n') h.erase(0, 1);
  }
  return hints;
}

int show_next_hint(Workspace& ws, const Lesson& lesson) {
  // In Korean the lesson's HINTS.ko.md (the selftest keeps its hints numbered like HINTS.md's, so the count of
  // hints seen means the same in both languages); HINTS.md for a lesson that has no Korean hints.
  fs::path file = lesson.folder("lessons") / "HINTS.md";
  bool english_fallback = false;
  if (korean()) {
    std::error_code ec;
    if (fs::exists(lesson.folder("lessons") / "HINTS.ko.md", ec)) file = lesson.folder("lessons") / "HINTS.ko.md";
    else english_fallback = true;
  }
  const auto hints = read_hints(file);
  if (hints.empty()) {
    std::cout << tr("hint.none", {lesson.name, lesson.shown(file, ws.root())}) << "\n";
    return 1;
  }
  const fs::path state = hint_state(ws, lesson);
  int shown = 0;
  std::ifstream(state) >> shown;
  const int total = static_cast<int>(hints.size());
  if (shown >= total) {
    std::cout << tr("hint.no_more", {lesson.name, total, lesson.shown(file, ws.root()), lesson.number}) << "\n";
    return 0;
  }
  std::cout << ui::bold(tr("hint.heading", {shown + 1, total, lesson.name})) << "\n";
  if (english_fallback) std::cout << ui::dim(tr("hint.english_fallback")) << "\n";
  std::cout << "\n" << hints[static_cast<std::size_t>(shown)] << "\n\n";
  ++shown;
  std::string why;
  if (!write_file_atomically(state, std::to_string(shown) + "\n", &why))
    std::cerr << tr("hint.not_saved", {why, lesson.number}) << "\n";
  if (shown < total)
    std::cout << ui::dim(tr("hint.more", {total - shown, lesson.number})) << "\n";
  else
    std::cout << ui::dim(tr("hint.last")) << "\n";
  return 0;
}

int cmd_hint(Workspace& ws, const std::string& spec, bool reset) {
  const Lesson& lesson = lesson_for(ws, spec);
  if (reset) {
    fs::remove(hint_state(ws, lesson));
    std::cout << tr("hint.reset", {lesson.name}) << "\n";
    return 0;
  }
  return show_next_hint(ws, lesson);
}

int cmd_diff(Workspace& ws, const std::string& spec) {
  const Lesson& lesson = lesson_for(ws, spec);
  const bool use_git = on_path("git");
  for (const auto& [mine, ref] : source_pairs(lesson)) {
    std::cout << ui::bold(tr("diff.heading", {mine})) << "\n" << std::flush;
    std::vector<std::string> argv;
    if (use_git)
      argv = {"git", "--no-pager", "diff", "--no-index", ui::color() ? "--color=always" : "--color=never",
              "--", mine, ref};
    else
      argv = {"diff", "-u", mine, ref};
    const auto r = run_process(argv, {.working_dir = ws.root().string(), .inherit_output = true});
    if (r.exit_code == 0) std::cout << tr("diff.identical") << "\n";
    else if (r.exit_code != 1) return r.exit_code;  // 1 only means "they differ"
  }
  return 0;
}

int cmd_solution(Workspace& ws, const std::string& spec) {
  const Lesson& lesson = lesson_for(ws, spec);
  // No spoilers by default: like rustlings, the reference is shown without asking only for a finished
  // lesson; naming the lesson is asking.
  if (spec.empty()) {
    const auto saved = load_result(ws, lesson);
    if (!saved || saved->stale || saved->status != "done") {
      std::cout << tr("solution.not_done", {lesson.name, lesson.number}) << "\n";
      return 1;
    }
  }
  for (const auto& ref : lesson.solution_sources) {
    std::cout << ui::bold(tr("solution.heading", {ref})) << "\n"
              << read_text(ws.root() / ref) << "\n";
  }
  return 0;
}

int cmd_reset(Workspace& ws, const std::string& spec, bool yes) {
  const Lesson& lesson = ws.find(spec);
  const fs::path root = ws.root();
  // The shipped stub of each learner file (not git's HEAD, which may hold the learner's committed work),
  // and which files differ from it.
  std::vector<std::pair<std::string, std::string>> changed;  // path, stub text
  // The lesson's files as CMake last saw them, and as shipped: a deleted file may be gone from the first.
  std::vector<std::string> paths = lesson.learner_sources;
  for (const auto& recorded : shipped_stub_files(lesson)) {
    // written like learner_sources: relative to the root, or absolute for a pack outside it
    const fs::path file = (lesson.home / recorded).lexically_normal();
    const fs::path inside = file.lexically_relative(root);
    const std::string path = !inside.empty() && *inside.begin() != ".." ? inside.string() : file.string();
    if (std::find(paths.begin(), paths.end(), path) == paths.end()) paths.push_back(path);
  }
  for (const auto& path : paths) {
    std::string why;
    // A pack's stubs are recorded in the pack's own tests/stubs.sha256, by paths relative to the pack.
    const auto stub = shipped_stub_text(lesson.home, lesson.home_relative(path, root), &why);
    if (!stub) {
      std::cout << tr("reset.no_stub", {path, why}) << "\n" << tr("reset.nothing_changed") << "\n";
      return 1;
    }
    std::error_code ec;
    if (!fs::exists(root / path, ec) || read_text(root / path) != *stub) changed.emplace_back(path, *stub);
  }
  if (changed.empty()) {
    std::cout << tr("reset.already_stub", {lesson.name}) << "\n";
    return 0;
  }
  const fs::path backup_dir = lesson.folder("lessons") / ".backup";
  if (!yes) {
    if (!::isatty(STDIN_FILENO)) {
      std::cout << tr("reset.not_a_terminal", {lesson.shown(lesson.folder("lessons"), root)}) << "\n"
                << tr("reset.nothing_changed") << "\n";
      return 2;
    }
    std::string what;
    for (const auto& [path, stub] : changed) what += "  " + path + "\n";
    std::cout << tr("reset.restores") << "\n" << what << tr("reset.kept_in", {backup_dir.string()}) << "\n";
    if (!ask(tr("reset.ask", {lesson.name}))) {
      std::cout << tr("reset.nothing_changed") << "\n";
      return 1;
    }
  }
  const std::string stamp = timestamp();
  for (const auto& [path, stub] : changed) {
    const fs::path source = root / path;
    std::error_code ec;
    if (fs::exists(source, ec)) {
      fs::create_directories(backup_dir);
      fs::path backup = backup_dir / (source.filename().string() + "." + stamp);
      for (int n = 1; fs::exists(backup); ++n)
        backup = backup_dir / (source.filename().string() + "." + stamp + "-" + std::to_string(n));
      // The backup must exist, whole, before the learner's file is touched.
      fs::copy_file(source, backup);
      if (read_text(backup) != read_text(source))
        throw std::runtime_error(tr("reset.backup_failed", {source.string()}));
      std::cout << tr("reset.restored", {path, lesson.shown(backup, root)}) << "\n";
    } else {
      std::cout << tr("reset.restored_deleted", {path}) << "\n";
    }
    std::string why;
    if (!write_file_atomically(source, stub, &why)) throw std::runtime_error(tr("reset.write_failed", {why}));
  }
  std::error_code ec;
  fs::remove(hint_state(ws, lesson), ec);
  return 0;
}

int cmd_coverage(const std::string& spec) {
  if (!on_path("gcovr")) {
    std::cout << tr("coverage.no_gcovr") << "\n";
    return 1;
  }
  Workspace ws("coverage");
  const Lesson& lesson = lesson_for(ws, spec);
  // Counters from an earlier run would add up with this one.
  if (fs::exists(ws.build_dir()))
    for (const auto& e : fs::recursive_directory_iterator(ws.build_dir()))
      if (e.path().extension() == ".gcda") fs::remove(e.path());
  BuildLock lock(ws.build_dir(), "kata coverage " + lesson.number);
  CheckOptions options;
  options.memory_check = false;  // coverage counts the lines the checks run; the memory check adds nothing
  const auto result = check_lesson(ws, lesson, options);
  if (!result.built) {
    print_result(lesson, result);
    return 1;
  }
  std::cout << tr("coverage.summary", {lesson.name, result.passed(), result.total()}) << "\n\n";
  const fs::path html = ws.build_dir() / "coverage-report" / lesson.name / "index.html";
  fs::create_directories(html.parent_path());
  std::vector<std::string> argv = {"gcovr", "--root", ws.root().string()};
  for (const auto& arg : ws.gcov_arguments()) argv.push_back(arg);
  for (const auto& src : lesson.learner_sources) {
    argv.push_back("--filter");
    argv.push_back(regex_literal((ws.root() / src).string()));
  }
  for (const std::string& extra : {std::string("--txt"), std::string("--html-details"), html.string(),
                                   std::string("--print-summary")})
    argv.push_back(extra);
  // Only the learner objects' counters (the tests' and the solution's are not reported).
  argv.push_back((ws.build_dir() / "CMakeFiles" / ("kata_" + lesson.number + "_learner.dir")).string());
  auto out = run_process(argv, {.working_dir = ws.root().string()});
  if (out.exit_code != 0) {
    // gcovr before 5.0 has no --txt; its default output is the same table.
    argv.erase(std::find(argv.begin(), argv.end(), "--txt"));
    out = run_process(argv, {.working_dir = ws.root().string()});
  }
  std::cout << out.output;
  if (out.exit_code != 0) return out.exit_code;
  std::cout << "\n" << tr("coverage.html", {html.string()}) << "\n";
  return 0;
}

}  // namespace kata::cli
