// `kata selftest`: the workspace proves itself (DESIGN.md, "Quality gates").
//   1. every reference solution passes every check, built with warnings as errors;
//   2. when lessons/ is as committed, every check FAILS against the stubs (no check passes by accident);
//   3. every mistakes-catalog entry is caught by at least one check, and each lesson has >= 4 entries;
//   4. gcovr line coverage of solutions/ and support/ is >= 95%;
//   5. the solution checks run clean under ASan + UBSan (skip with --skip-sanitize);
//   6. kata check's one-process run gives the same verdicts as one process per check (stubs, solutions);
//   7. the checks kill >= 95% of the solutions' operator mutants in every lesson (cli/mutation.hpp; skip
//      with --skip-mutation, run alone with --mutation-only);
//   and the kata command's own tests (tests/cli, label "cli"): it survives learner code that crashes, hangs,
//   returns NaN or throws something odd. They run with everything else in the one ctest call.
// Ends with the plain line "N passed, M failed".
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <regex>
#include <thread>

#include "checks.hpp"
#include "commands.hpp"
#include "mutation.hpp"
#include "process.hpp"
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
  std::string note;

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

bool lessons_pristine(const fs::path& root, std::string* why) {
  const auto git = run_process({"git", "-C", root.string(), "status", "--porcelain", "--", "lessons/"});
  if (git.exit_code != 0) {
    *why = "not a git checkout";
    return false;
  }
  if (!git.output.empty()) {
    *why = "lessons/ differs from git HEAD (learner work present)";
    return false;
  }
  return true;
}

// Line coverage of solutions/ and support/ over everything the tests ran. Returns -1 on failure.
double measure_coverage(Workspace& ws, std::string* detail) {
  if (!on_path("gcovr")) {
    *detail = "gcovr is not installed (./kata setup installs it)";
    return -1;
  }
  const fs::path html = ws.build_dir() / "coverage" / "index.html";
  fs::create_directories(html.parent_path());
  std::vector<std::string> argv = {"gcovr", "-j", std::to_string(std::max(1u, std::thread::hardware_concurrency())),
                                   "--root", ws.root().string(), "--filter", (ws.root() / "solutions/").string(),
                                   "--filter", (ws.root() / "support/").string(), "--html-details", html.string(),
                                   "--print-summary"};
  const auto gcov = ws.gcov_arguments();
  argv.insert(argv.end(), gcov.begin(), gcov.end());
  // Search only the measured objects' folders: the whole tree also holds the counters of 74 mistake
  // variants, the learner stubs and the tests, and reading those took gcovr a minute.
  argv.push_back((ws.build_dir() / "support").string());
  for (const auto& l : ws.lessons())
    argv.push_back((ws.build_dir() / "CMakeFiles" / ("kata_" + l.number + "_solution.dir")).string());
  const auto out = run_process(argv, {.working_dir = ws.root().string()});
  std::smatch m;
  static const std::regex lines(R"(lines: ([0-9.]+)%)");
  if (out.exit_code != 0 || !std::regex_search(out.output, m, lines)) {
    *detail = "gcovr failed:" + first_lines(out.output, 10);
    return -1;
  }
  *detail = "report: " + html.string();
  return std::stod(m[1]);
}

// kata check runs a lesson's checks in one process and falls back to one process per check (CTest) only
// when that run is not clean. Both must give the same verdicts: compared for every lesson's stub and
// solution against the CTest results of this selftest.
void one_process_gate(Gate& gate, Workspace& ws, const std::vector<Check>& isolated, bool stubs_pristine) {
  for (const auto& lesson : ws.lessons())
    for (const std::string variant : {"learner", "solution"}) {
      if (variant == "learner" && !stubs_pristine) continue;  // a learner's code may hang; not a defect
      const std::string prefix = lesson.name + "/" + variant + "/";
      std::map<std::string, bool> expected;
      for (const auto& c : isolated)
        if (c.name.rfind(prefix, 0) == 0) expected[c.name.substr(prefix.size())] = c.passed;
      const auto fast = run_in_one_process(ws, lesson, variant);
      if (!fast) {
        gate.add(false, prefix + ": the one-process run was not clean (crash, hang or no report)");
        continue;
      }
      std::string why;
      for (const auto& c : *fast) {
        const auto it = expected.find(c.name);
        if (it == expected.end()) why = c.name + " is not a CTest check";
        else if (it->second != c.passed)
          why = c.name + (c.passed ? " passes" : " fails") + " in one process but " +
                (it->second ? "passes" : "fails") + " on its own";
        if (!why.empty()) break;
      }
      if (why.empty() && fast->size() != expected.size())
        why = std::to_string(fast->size()) + " checks in one process, " + std::to_string(expected.size()) + " under CTest";
      gate.add(why.empty(), prefix + ": " + why);
    }
}

void sanitize_gate(Gate& gate) {
  Workspace ws("sanitize");
  ws.configure();
  std::vector<std::string> targets = {"test_support"};
  for (const auto& l : ws.lessons()) targets.push_back("test_" + l.number + "_solution");
  std::string errors;
  if (!build_targets(ws, targets, "building (sanitize preset)", &errors)) {
    gate.add(false, "sanitize build failed:" + first_lines(errors, 15));
    return;
  }
  for (const auto& c : run_ctest(ws, "/solution/", "", "selftest-sanitize"))
    gate.add(c.passed, c.name + ":" + first_lines(c.message, 6));
}

}  // namespace

int cmd_selftest(const SelftestOptions& options) {
  if (options.mutation_only) return cmd_mutation(options.lesson);
  const auto start = std::chrono::steady_clock::now();
  Workspace ws("ci");
  ws.configure();
  std::vector<Gate> gates;
  std::string errors;
  if (!build_targets(ws, {"all"}, "building everything (ci preset: -Werror, coverage, mistakes)", &errors)) {
    std::cout << ui::red("The ci build failed:") << "\n" << errors << "\n0 passed, 1 failed\n";
    return 1;
  }
  // Stale coverage counters from an earlier run would inflate the numbers.
  for (const auto& e : fs::recursive_directory_iterator(ws.build_dir()))
    if (e.path().extension() == ".gcda") fs::remove(e.path());

  std::cout << "running every check (solutions, stubs, mistakes, support)...\n";
  const auto checks = run_ctest(ws, ".", "", "selftest");

  Gate solutions{"solutions pass every check (-Werror)"};
  Gate support{"support library checks pass"};
  Gate stubs{"stubs fail every check"};
  Gate mistakes{"mistakes catalog: each entry caught"};
  Gate catalog{"mistakes catalog: >= 4 entries per lesson"};
  Gate cli{"CLI survives broken learner code"};
  std::string why_not_pristine;
  const bool pristine = lessons_pristine(ws.root(), &why_not_pristine);
  if (!pristine) stubs.note = "skipped: " + why_not_pristine;
  for (const auto& c : checks) {
    if (c.name.rfind("cli/", 0) == 0) cli.add(c.passed, c.name + ":" + first_lines(c.message, 12));
    else if (c.name.rfind("support/", 0) == 0) support.add(c.passed, c.name + ":" + first_lines(c.message, 6));
    else if (c.name.find("/solution/") != std::string::npos) solutions.add(c.passed, c.name + ":" + first_lines(c.message, 6));
    else if (c.name.find("/mistake/") != std::string::npos)
      mistakes.add(c.passed, c.name + ": no check failed with this mistake applied" +
                                 (c.timed_out ? std::string(" (it timed out instead)") : ""));
    else if (c.name.find("/learner/") != std::string::npos && pristine)
      stubs.add(!c.passed, c.name + ": passes against the stub — a check that cannot fail");
  }
  for (const auto& l : ws.lessons())
    catalog.add(l.mistakes >= mistakes_per_lesson,
                l.name + ": " + std::to_string(l.mistakes) + " entries in tests/mistakes/" + l.name);
  Gate one_process{"one-process runs agree with isolated checks"};
  one_process_gate(one_process, ws, checks, pristine);
  gates = {solutions, support, stubs, mistakes, catalog, one_process, cli};

  if (!options.skip_coverage) {
    Gate coverage{"coverage of solutions/ and support/ >= 95% lines"};
    std::string detail;
    const double pct = measure_coverage(ws, &detail);
    char what[128];
    std::snprintf(what, sizeof what, "line coverage %.1f%% (threshold %.0f%%)", pct, coverage_threshold);
    coverage.add(pct >= coverage_threshold, pct < 0 ? detail : what);
    coverage.note = pct < 0 ? "" : std::string(what) + ", " + detail;
    gates.push_back(coverage);
  }
  if (!options.skip_sanitize) {
    Gate sanitize{"solutions clean under ASan + UBSan"};
    sanitize_gate(sanitize);
    gates.push_back(sanitize);
  }
  if (!options.skip_mutation) {
    Gate mutation{"mutants killed >= 95% in every lesson"};
    for (const auto& item : mutation_stage(ws)) mutation.add(item.ok, item.what);
    gates.push_back(mutation);
  }

  int passed = 0, failed = 0;
  std::cout << "\n" << ui::bold("gate                                              passed  failed") << "\n";
  for (const auto& g : gates) {
    std::printf("%-48s %7d %7d%s\n", g.name.c_str(), g.passed, g.failed, g.failed ? "  <-" : "");
    if (!g.note.empty()) std::printf("    %s\n", g.note.c_str());
    passed += g.passed;
    failed += g.failed;
  }
  for (const auto& g : gates)
    for (std::size_t i = 0; i < g.failures.size() && i < 30; ++i)
      std::cout << ui::red("  ✗ ") << g.failures[i] << "\n";
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("\nselftest took %.0f s\n%d passed, %d failed\n", seconds, passed, failed);
  return failed == 0 ? 0 : 1;
}

}  // namespace kata::cli
