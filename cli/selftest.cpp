// `kata selftest`: the workspace proves itself (DESIGN.md, "Quality gates").
//   1. every reference solution passes every check, built with warnings as errors;
//   2. every check FAILS against the shipped stubs (no check passes by accident) — for each lesson whose
//      stub files are the shipped ones (tests/stubs.sha256); a lesson holding learner work is named and
//      left out, never failed;
//   3. every mistakes-catalog entry is caught by at least one check, and each lesson has >= 4 entries;
//   4. gcovr line coverage of solutions/ and support/ is >= 95%;
//   5. the solution checks run clean under ASan + UBSan (skip with --skip-sanitize);
//   6. kata check's one-process run gives the same verdicts as one process per check (stubs, solutions);
//   7. the checks kill >= 95% of the solutions' operator mutants in every lesson (cli/mutation.hpp; skip
//      with --skip-mutation, run alone with --mutation-only);
//   and the kata command's own tests (tests/cli, label "cli"). A lesson that does not compile is one
//   failing gate with the compiler's message; every other gate still runs. Lesson packs' lessons are gated
//   like core lessons, and a pack lesson that could not be added is one failing item of "lesson packs load".
// `kata selftest --lesson NN` runs every gate that concerns one lesson (build, solution, stub, stub record,
// its protected files, mistakes, tasks, one-process agreement, coverage of its solution, sanitizers,
// mutation) and leaves out the workspace-wide ones (support/, the CLI's own tests): an author's loop.
// Verdicts come from the same runner `kata check` uses (a check passes only when Boost.Test reported it
// passed); the mistakes catalog and the CLI tests run under CTest. Ends with "N passed, M failed".
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <future>
#include <iostream>
#include <map>
#include <thread>

#include "build.hpp"
#include "build_lock.hpp"
#include "check_runner.hpp"
#include "commands.hpp"
#include "junit_report.hpp"
#include "lesson_check.hpp"
#include "messages.hpp"
#include "mutation.hpp"
#include "process.hpp"
#include "shipped_stubs.hpp"
#include "tamper.hpp"
#include "text.hpp"
#include "translations.hpp"
#include "ui.hpp"

namespace kata::cli {

namespace {

constexpr double coverage_threshold = 95.0;
constexpr int mistakes_per_lesson = 4;

struct Gate {
  explicit Gate(std::string gate_name) : name(std::move(gate_name)) {}

  std::string name;
  int passed = 0;
  int failed = 0;
  std::vector<std::string> failures;  // "what: why"
  std::vector<std::string> notes;

  void add(bool ok, const std::string& what) {
    if (ok) ++passed;
    else {
      ++failed;
      failures.push_back(what);
    }
  }
};

std::string first_lines(const std::string& text, int n) {
  std::string out;
  std::size_t pos = 0;
  for (int i = 0; i < n && pos < text.size(); ++i) {
    const auto nl = text.find('\n', pos);
    out += "\n      " + text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return out;
}

bool under_ci() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && (std::string(ci) == "true" || std::string(ci) == "1");
}

RunnerOptions runner_options(Workspace& ws, const std::string& stem) {
  RunnerOptions o;
  o.working_dir = ws.root();
  o.report_dir = ws.build_dir() / "kata-reports" / "selftest";
  o.report_stem = stem;
  o.time_limit = check_time_limit(ws);
  o.memory_limit_mb = learner_memory_limit_mb();
  return o;
}

// The checks of one test program, or one failing pseudo-check when it was not built.
std::vector<Check> checks_of(Workspace& ws, const std::string& target, const RunnerOptions& options) {
  const fs::path exe = ws.build_dir() / target;
  std::error_code ec;
  if (!fs::exists(exe, ec)) {
    Check c;
    c.name = "(not built)";
    c.message = tr("selftest.not_built", {target});
    return {c};
  }
  return run_checks(exe, options);
}

// Which lessons' stubs are the shipped ones; the others hold learner work (or the record is stale).
std::map<std::string, std::string> lessons_with_learner_work(Workspace& ws, const std::vector<const Lesson*>& lessons) {
  std::map<std::string, std::string> work;  // lesson -> the first file that is not the shipped stub
  for (const Lesson* l : lessons)
    for (const auto& path : l->learner_sources)
      if (!holds_shipped_stub(l->home, l->home_relative(path, ws.root())) && !work.count(l->name))
        work[l->name] = path;
  return work;
}

// Line coverage of solutions/ and support/ over everything the tests ran (with `only`: of that lesson's
// solution). Returns -1 on failure.
double measure_coverage(Workspace& ws, const Lesson* only, std::string* detail) {
  if (!on_path("gcovr")) {
    *detail = tr("selftest.no_gcovr");
    return -1;
  }
  const fs::path html = ws.build_dir() / "coverage" / (only ? only->name : std::string()) / "index.html";
  fs::create_directories(html.parent_path());
  std::vector<std::string> argv = {"gcovr", "-j", std::to_string(std::max(1u, std::thread::hardware_concurrency())),
                                   "--root", ws.root().string(), "--html-details", html.string(), "--print-summary"};
  auto filter = [&](const std::string& path) {
    argv.push_back("--filter");
    argv.push_back(regex_literal(path));
  };
  if (only != nullptr) {
    for (const auto& s : only->solution_sources) filter((ws.root() / s).lexically_normal().string());
  } else {
    filter((ws.root() / "solutions/").string());
    filter((ws.root() / "support/").string());
    // A lesson pack's solutions are measured like the core lessons'.
    for (const auto& l : ws.lessons())
      if (!l.pack.empty()) filter(l.folder("solutions").lexically_normal().string() + "/");
  }
  const auto gcov = ws.gcov_arguments();
  argv.insert(argv.end(), gcov.begin(), gcov.end());
  // Search only the measured objects' folders: the whole tree also holds the counters of the mistake
  // variants, the learner stubs and the tests, and reading those took gcovr a minute.
  if (only == nullptr) argv.push_back((ws.build_dir() / "support").string());
  for (const auto& l : ws.lessons())
    if (only == nullptr || only->name == l.name)
      argv.push_back((ws.build_dir() / "CMakeFiles" / ("kata_" + l.number + "_solution.dir")).string());
  const auto out = run_process(argv, {.working_dir = ws.root().string()});
  // gcovr's summary: "lines: 99.9% (2345 out of 2347)".
  const auto at = out.output.find("lines: ");
  if (out.exit_code != 0 || at == std::string::npos) {
    *detail = tr("selftest.gcovr_failed") + first_lines(out.output, 10);
    return -1;
  }
  *detail = tr("selftest.coverage_report", {html.string()});
  return std::atof(out.output.c_str() + at + 7);
}

// The numbered items of a README's "## Your task" section ("1. ...", "2. ...").
int readme_task_items(const fs::path& readme) {
  std::ifstream in(readme);
  std::string line;
  bool inside = false;
  int items = 0;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) {
      inside = line.rfind("## Your task", 0) == 0;
      continue;
    }
    std::size_t digits = 0;
    while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
    if (inside && digits > 0 && line.compare(digits, 2, ". ") == 0) ++items;
  }
  return items;
}

// Tasks (DESIGN.md, "Tasks"): every check in exactly one task "task N: title", tasks 1..T, the bad-input
// checks last ("harden it"), and the README's "Your task" list with T items.
void tasks_gate(Gate& gate, Workspace& ws, const Lesson& lesson) {
  const fs::path exe = ws.build_dir() / ("test_" + lesson.number + "_solution");
  std::string problem;
  RunnerOptions o = runner_options(ws, lesson.name + "-tasks");
  const auto listed = list_checks(exe, o, &problem);
  std::string why = problem;
  int tasks = 0;
  for (const auto& c : listed) {
    if (!why.empty()) break;
    if (c.task == 0) why = tr("selftest.tasks.no_task", {c.name});
    else if (c.task > tasks + 1) why = tr("selftest.tasks.gap", {tasks + 1, c.task});
    else if (c.task < tasks) why = tr("selftest.tasks.order", {c.name, c.task, tasks});
    tasks = std::max(tasks, c.task);
  }
  if (why.empty() && !listed.empty()) {
    const auto& last = listed.back();
    if (last.task_title.rfind("harden it", 0) != 0)
      why = tr("selftest.tasks.last", {last.task_title});
    for (const auto& c : listed)
      if (why.empty() && c.name.rfind("bad_input/", 0) == 0 && c.task != tasks)
        why = tr("selftest.tasks.bad_input", {c.name, c.task});
  }
  if (why.empty()) {
    const int items = readme_task_items(lesson.folder("lessons") / "README.md");
    if (items != tasks)
      why = tr("selftest.tasks.readme", {items, tasks});
  }
  gate.add(why.empty(), lesson.name + ": " + why);
}

// `only`: just that lesson's solution (no support checks), in a build folder configured only when it has
// no manifest yet (an author's loop); else everything, configured afresh.
void sanitize_gate(Gate& gate, const std::string& only) {
  Workspace ws("sanitize");
  if (only.empty()) ws.configure();
  else ws.ensure_configured();
  std::vector<std::string> programs;
  if (only.empty()) {
    programs.push_back("test_support");
    for (const auto& l : ws.lessons()) programs.push_back("test_" + l.number + "_solution");
  } else {
    programs.push_back("test_" + ws.find(only).number + "_solution");
  }
  // -k 0: one lesson that fails to build must not keep the others from being checked.
  std::vector<std::string> targets = {"-k", "0"};
  targets.insert(targets.end(), programs.begin(), programs.end());
  const auto build = build_targets(ws, targets, tr("selftest.building_sanitize"));
  if (!build.ok) gate.add(false, tr("selftest.sanitize_build") + first_lines(build.broken ? build.problem : build.errors, 15));
  RunnerOptions o = runner_options(ws, "sanitize");
  o.memory_limit_mb = 0;  // RLIMIT_AS and AddressSanitizer's shadow memory do not mix
  o.time_limit *= 3;
  o.env = {{"ASAN_OPTIONS", "detect_leaks=0:halt_on_error=1"}, {"UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1"}};
  for (const auto& program : programs)
    for (const auto& c : checks_of(ws, program, o)) gate.add(c.passed, program + "/" + c.name + ":" + first_lines(c.message, 6));
}

// The ci build's targets that concern one lesson: its checks with the solution and the stub, its mistakes
// and its experiment, and the mutation gate's generator.
std::vector<std::string> lesson_targets(const Lesson& l) {
  std::vector<std::string> targets = {"test_" + l.number + "_solution", "test_" + l.number + "_learner", "kata_mutate"};
  std::error_code ec;
  for (auto it = fs::directory_iterator(l.folder("tests/mistakes"), ec); !ec && it != fs::directory_iterator();
       it.increment(ec))
    if (it->path().extension() == ".mistake")
      targets.push_back("test_" + l.number + "_mistake_" + it->path().stem().string());
  if (l.has_experiment)
    for (const char* variant : {"_learner", "_solution"}) targets.push_back("experiment_" + l.number + variant);
  return targets;
}

}  // namespace

int cmd_selftest(const SelftestOptions& options) {
  if (options.mutation_only) return cmd_mutation(options.lesson);
  const auto start = std::chrono::steady_clock::now();
  const bool one_lesson = !options.lesson.empty();
  set_activity("kata selftest");
  Workspace ws("ci");
  // The whole selftest configures afresh; one lesson's, in an author's loop, only when the build folder has
  // no manifest yet or the lessons changed (new sources and mistakes are found by the build anyway).
  if (!one_lesson) ws.configure();
  std::vector<const Lesson*> chosen;
  if (one_lesson) chosen.push_back(&ws.find(options.lesson));
  else
    for (const auto& l : ws.lessons()) chosen.push_back(&l);
  BuildLock lock(ws.build_dir(), "kata selftest");
  std::vector<Gate> gates;
  if (one_lesson)
    std::cout << tr("selftest.one_lesson", {chosen.front()->label()}) << "\n";

  // 0. Build everything that builds (-k 0): a lesson that does not compile is one failing gate.
  Gate build_gate{one_lesson ? tr("gate.builds_lesson") : tr("gate.builds")};
  std::vector<std::string> targets = {"-k", "0"};
  if (one_lesson) {
    const auto own = lesson_targets(*chosen.front());
    targets.insert(targets.end(), own.begin(), own.end());
  } else {
    targets.push_back("all");
  }
  const auto build = build_targets(ws, targets, one_lesson ? tr("selftest.building_lesson", {chosen.front()->name})
                                                           : tr("selftest.building_all"));
  build_gate.add(build.ok, tr("selftest.build_failed") + first_lines(build.broken ? build.problem : build.errors, 40));
  // Stale coverage counters from an earlier run would inflate the numbers.
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(ws.build_dir(), ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->path().extension() == ".gcda") fs::remove(it->path(), ec);

  // The mistakes catalog and the CLI's own tests run under CTest, beside the checks below.
  std::cout << (one_lesson ? tr("selftest.running_lesson") : tr("selftest.running_all")) << "\n" << std::flush;
  auto ctest = std::async(std::launch::async, [&] {
    const fs::path junit = ws.build_dir() / "kata-reports" / "selftest-ctest.xml";
    fs::create_directories(junit.parent_path());
    std::error_code e;
    fs::remove(junit, e);
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::string> argv = {"ctest", "--test-dir", ws.build_dir().string(), "-j", std::to_string(cores),
                                     "--no-tests=ignore", "--output-junit", junit.string()};
    if (one_lesson) argv.insert(argv.end(), {"-L", "mistake", "-R", "^" + chosen.front()->name + "/mistake/"});
    else argv.insert(argv.end(), {"-L", "mistake|cli"});
    run_process(argv);
    return read_ctest_report(junit);
  });

  Gate solutions{tr("gate.solutions")};
  Gate support{tr("gate.support")};
  Gate stubs{tr("gate.stubs")};
  Gate recorded{tr("gate.stubs_recorded")};
  Gate mistakes{tr("gate.mistakes")};
  Gate catalog{tr("gate.catalog")};
  Gate one_process{tr("gate.one_process")};
  Gate cli{tr("gate.cli")};
  Gate packs{tr("gate.packs")};

  for (const Lesson* l : chosen) {
    // A pack's stubs are recorded in its own tests/stubs.sha256, by paths relative to the pack.
    const auto stub_hashes = shipped_stub_hashes(l->home);
    const std::string record = l->shown(l->home / "tests" / "stubs.sha256", ws.root());
    for (const auto& path : l->learner_sources)
      recorded.add(stub_hashes.count(l->home_relative(path, ws.root())) > 0,
                   tr("selftest.stub_not_recorded",
                      {path, record, l->pack.empty() ? "" : "cd " + l->shown(l->home, ws.root()) + " && "}));
  }
  // The manifest kata grade compares with must describe the protected files as they are.
  Gate manifest{one_lesson ? tr("gate.manifest_lesson") : tr("gate.manifest")};
  {
    const auto t = detect_tampering(ws.root(), ws.root() / "tests" / "protected.sha256", ws.lessons());
    manifest.add(t.manifest_readable, t.problem);
    std::vector<std::string> changed = t.changed;
    if (one_lesson) {
      const auto own = t.own.find(chosen.front()->name);
      changed = own == t.own.end() ? std::vector<std::string>{} : own->second;
      const Lesson& l = *chosen.front();
      if (l.shown(l.home, ws.root()) == l.home.generic_string())  // not under the root
        manifest.notes.push_back(tr("selftest.pack_outside"));
    }
    for (const auto& c : changed) manifest.add(false, tr("selftest.manifest_changed", {c}));
  }
  const auto learner_work = lessons_with_learner_work(ws, chosen);
  for (const auto& [lesson, file] : learner_work) {
    if (under_ci())
      recorded.add(false, tr("selftest.stub_differs_ci", {file}));
    else
      stubs.notes.push_back(tr("selftest.left_out", {lesson, file}));
  }

  if (!one_lesson)
    for (const auto& c : checks_of(ws, "test_support", runner_options(ws, "support")))
      support.add(c.passed, "support/" + c.name + ":" + first_lines(c.message, 6));
  for (const Lesson* lp : chosen) {
    const Lesson& l = *lp;
    for (const std::string variant : {"solution", "learner"}) {
      const bool stub = variant == "learner";
      if (stub && learner_work.count(l.name)) continue;
      const std::string program = "test_" + l.number + "_" + variant;
      RunnerOptions o = runner_options(ws, l.name + "-" + variant);
      const auto fast = checks_of(ws, program, o);
      const std::string prefix = l.name + "/" + variant + "/";
      for (const auto& c : fast) {
        const bool pseudo = c.name.front() == '(';  // "(not built)", "(the test program does not start)"
        if (stub && pseudo) stubs.add(false, prefix + c.name + ": " + c.message);
        else if (stub) stubs.add(!c.passed, tr("selftest.passes_against_stub", {prefix + c.name}));
        else solutions.add(c.passed, prefix + c.name + ":" + first_lines(c.message, 6));
      }
      // The same program with every check in its own process must agree, check by check.
      o.isolate_all = true;
      o.report_stem += "-isolated";
      const auto isolated = checks_of(ws, program, o);
      std::string why;
      if (isolated.size() != fast.size())
        why = tr("selftest.one_process.count", {fast.size(), isolated.size()});
      for (std::size_t i = 0; why.empty() && i < fast.size(); ++i)
        if (fast[i].name != isolated[i].name || fast[i].passed != isolated[i].passed)
          why = tr("selftest.one_process.differs",
                   {fast[i].name, fast[i].passed ? tr("selftest.passes") : tr("selftest.fails"),
                    isolated[i].passed ? tr("selftest.passes") : tr("selftest.fails"),
                    first_lines((fast[i].passed ? isolated[i] : fast[i]).message, 4)});
      one_process.add(why.empty(), prefix + ": " + why);
    }
  }
  // The Korean documents in step with the English ones (issue 16).
  Gate korean{tr("gate.korean")};
  {
    std::vector<std::string> problems;
    if (!one_lesson) problems = compare_readmes(ws.root() / "README.md", ws.root() / "README.ko.md");
    for (const Lesson* lp : chosen) {
      const Lesson& l = *lp;
      if (!l.pack.empty()) continue;  // a pack's lessons may come in one language
      const fs::path dir = l.folder("lessons");
      for (auto p : compare_readmes(dir / "README.md", dir / "README.ko.md")) problems.push_back(std::move(p));
      for (auto p : compare_hints(dir / "HINTS.md", dir / "HINTS.ko.md")) problems.push_back(std::move(p));
    }
    const std::string root = ws.root().string() + "/";
    for (auto& p : problems) korean.add(false, p.rfind(root, 0) == 0 ? p.substr(root.size()) : p);
    if (problems.empty()) korean.add(true, "");  // one pass; each problem above is already one failure
  }
  // Every line the CLI prints in both languages: the catalogue complete, every key the sources use in it.
  Gate messages{tr("gate.messages")};
  if (!one_lesson) {
    int fine = 0;
    const auto problems = message_problems(ws.root() / "cli", &fine);
    messages.passed = fine;
    for (const auto& p : problems) messages.add(false, p);
  }
  Gate tasks{tr("gate.tasks")};
  for (const Lesson* l : chosen) tasks_gate(tasks, ws, *l);
  for (const Lesson* l : chosen) {
    // Counted in the folder, not taken from the manifest: the build may have added entries since it was read.
    int entries = 0;
    for (auto it = fs::directory_iterator(l->folder("tests/mistakes"), ec); !ec && it != fs::directory_iterator();
         it.increment(ec))
      entries += it->path().extension() == ".mistake" ? 1 : 0;
    ec.clear();
    catalog.add(entries >= mistakes_per_lesson,
                tr("selftest.catalog", {l->name, entries, l->shown(l->folder("tests/mistakes"), ws.root())}));
  }
  for (const auto& c : ctest.get()) {
    if (c.name.rfind("cli/", 0) == 0) cli.add(c.passed, c.name + ":" + first_lines(c.output, 20));
    else if (c.name.find("/mistake/") != std::string::npos)
      mistakes.add(c.passed, c.timed_out ? tr("selftest.mistake_timed_out", {c.name}) : tr("selftest.mistake_missed", {c.name}));
  }
  // A pack's lesson that could not be added is one failing item, with the reason; the rest was gated above.
  for (const auto& p : ws.pack_problems())
    if (!one_lesson) packs.add(false, p.what());
  for (const auto& l : ws.lessons())
    if (!one_lesson && !l.pack.empty()) packs.add(true, "");
  if (one_lesson)
    gates = {build_gate, solutions, stubs, recorded, manifest, mistakes, catalog, tasks, korean, one_process};
  else
    gates = {build_gate, solutions, support, stubs, recorded, manifest, mistakes, catalog, tasks, korean, messages,
             one_process, cli};
  if (packs.passed + packs.failed > 0) gates.push_back(packs);

  if (!options.skip_coverage) {
    Gate coverage{one_lesson ? tr("gate.coverage_lesson") : tr("gate.coverage")};
    std::string detail;
    const double pct = measure_coverage(ws, one_lesson ? chosen.front() : nullptr, &detail);
    char percent[32], threshold[32];
    std::snprintf(percent, sizeof percent, "%.1f", pct);
    std::snprintf(threshold, sizeof threshold, "%.0f", coverage_threshold);
    const std::string what = tr("selftest.coverage", {percent, threshold});
    coverage.add(pct >= coverage_threshold, pct < 0 ? detail : what);
    if (pct >= 0) coverage.notes.push_back(what + ", " + detail);
    gates.push_back(coverage);
  }
  if (!options.skip_sanitize) {
    Gate sanitize{tr("gate.sanitize")};
    sanitize_gate(sanitize, options.lesson);
    gates.push_back(sanitize);
  }
  if (!options.skip_mutation) {
    Gate mutation{tr("gate.mutation")};
    for (const auto& item : mutation_stage(ws, options.lesson)) mutation.add(item.ok, item.what);
    gates.push_back(mutation);
  }

  int passed = 0, failed = 0;
  // Padded by display width: a Korean gate name takes 2 columns a syllable (printf's %-48s counts bytes).
  std::cout << "\n"
            << ui::bold(ui::pad(tr("selftest.col.gate"), 48) + " " + ui::pad_left(tr("selftest.col.passed"), 7) + " " +
                        ui::pad_left(tr("selftest.col.failed"), 7))
            << "\n";
  for (const auto& g : gates) {
    std::printf("%s %7d %7d%s\n", ui::pad(g.name, 48).c_str(), g.passed, g.failed, g.failed ? "  <-" : "");
    for (const auto& note : g.notes) std::printf("    %s\n", note.c_str());
    passed += g.passed;
    failed += g.failed;
  }
  for (const auto& g : gates)
    for (std::size_t i = 0; i < g.failures.size() && i < 30; ++i)
      std::cout << ui::red("  ✗ ") << g.failures[i] << "\n";
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::string took = std::to_string(static_cast<long>(seconds + 0.5));
  std::cout << "\n" << (one_lesson ? tr("selftest.took_lesson", {chosen.front()->name, took}) : tr("selftest.took", {took}))
            << "\n";
  // The last line is the same in both languages: scripts read it.
  std::printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}

}  // namespace kata::cli
