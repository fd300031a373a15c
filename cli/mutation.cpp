#include "mutation.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "build.hpp"
#include "build_lock.hpp"
#include "hashing.hpp"
#include "messages.hpp"
#include "process.hpp"
#include "text.hpp"
#include "ui.hpp"

namespace kata::cli {

namespace {

constexpr double threshold = 95.0;     // % of the countable mutants a lesson's checks must kill
constexpr double run_limit = 10.0;     // s for one mutant's whole test executable (the solution's: < 0.5 s)
constexpr int mutants_per_lesson = 25;
constexpr const char* equivalent_list = "tests/mutation/equivalent.txt";
// A mutant that allocates without bound (a size turned huge) meets this address-space limit and fails
// with bad_alloc instead of pushing a shared machine into swap. The checks need well under 1 GiB.
constexpr std::size_t memory_limit_mb = 4096;

struct Mutant {
  std::string id, file, kind, change, line_text, function;
  int line = 0, occurrence = 1;
  fs::path source;            // the mutated copy, in the build tree
  std::string compile, link;  // shell commands, run in the build folder
  std::string cache_key;
  std::string verdict;        // "killed", "survived", "stillborn"
  std::string how;            // killed: "a check failed", "crashed", "timed out"
  bool equivalent = false;
};

struct LessonRun {
  const Lesson* lesson = nullptr;
  std::vector<Mutant> mutants;
  std::string error;  // the stage could not run this lesson
};

struct Equivalent {
  std::string file, line, change, reason;  // file: relative to `home`
  int occurrence = 1;
  int at_line = 0;  // in equivalent.txt
  bool matched = false;
  fs::path home;     // the workspace's root, or a lesson pack's folder (which keeps its own list)
  std::string list;  // the list's path, for messages
};

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const auto tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) return out;
    start = tab + 1;
  }
}

std::string trim(const std::string& s) {
  const auto a = s.find_first_not_of(" \t\r");
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(" \t\r") - a + 1);
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

// tests/mutation/equivalent.txt (of the root, or of a lesson pack: `home`): blocks of "file:", "line:",
// "change:", optional "occurrence:" and "reason:" lines, separated by blank lines; '#' starts a comment line.
std::vector<Equivalent> load_equivalents(const fs::path& home, const std::string& list,
                                         std::vector<MutationItem>& problems) {
  std::vector<Equivalent> out;
  Equivalent e;
  e.home = home, e.list = list;
  int n = 0;
  auto flush = [&] {
    if (e.at_line == 0) return;
    if (e.file.empty() || e.line.empty() || e.change.empty() || e.reason.empty())
      problems.push_back({false, tr("mutation.entry_incomplete", {list, e.at_line})});
    else out.push_back(e);
    e = Equivalent{};
    e.home = home, e.list = list;
  };
  for (const auto& raw : lines_of(read_text(home / equivalent_list))) {
    ++n;
    const std::string line = trim(raw);
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') continue;
    const auto colon = line.find(':');
    const std::string key = colon == std::string::npos ? "" : line.substr(0, colon);
    const std::string value = colon == std::string::npos ? "" : trim(line.substr(colon + 1));
    if (e.at_line == 0) e.at_line = n;
    if (key == "file") e.file = value;
    else if (key == "line") e.line = value;
    else if (key == "change") e.change = value;
    else if (key == "occurrence") e.occurrence = std::atoi(value.c_str());
    else if (key == "reason") e.reason = value;
    else if (!e.reason.empty()) e.reason += " " + line;  // a reason may go on over several lines
    else
      problems.push_back({false, tr("mutation.unknown_line", {list, n, line})});
  }
  flush();
  return out;
}

// The value after " -o " in a command line.
std::string output_of(const std::string& command) {
  const auto at = command.find(" -o ");
  if (at == std::string::npos) return "";
  const auto start = at + 4;
  return command.substr(start, command.find(' ', start) - start);
}

// The mutants of one lesson, with the commands that build each: ninja's own compile command for the
// solution object and link command for test_NN_solution, pointed at the mutant's files.
LessonRun plan_lesson(Workspace& ws, const Lesson& lesson, const fs::path& mutate_tool) {
  LessonRun run;
  run.lesson = &lesson;
  const fs::path dir = ws.build_dir() / "mutation" / lesson.name;
  fs::remove_all(dir / "src");
  fs::create_directories(dir / "obj");
  // Mutants name their file relative to the lesson's home (the root, or its pack's folder), as the list of
  // equivalent mutants there does.
  std::vector<std::string> argv = {mutate_tool.string(), "--count", std::to_string(mutants_per_lesson), "--root",
                                   lesson.home.string(), "--out", (dir / "src").string()};
  for (const auto& s : lesson.solution_sources) argv.push_back((ws.root() / s).string());
  const auto listed = run_process(argv);
  if (listed.exit_code != 0) {
    run.error = tr("mutation.tool_failed", {listed.output});
    return run;
  }
  const std::string target = "test_" + lesson.number + "_solution";
  std::error_code ec;
  if (!fs::exists(ws.build_dir() / target, ec)) {
    run.error = tr("mutation.not_built", {target});
    return run;
  }
  const auto commands = run_process({"ninja", "-C", ws.build_dir().string(), "-t", "commands", target});
  std::map<std::string, std::string> compile_of;  // solution file (relative to the home) -> its compile command
  std::map<std::string, fs::path> path_of;         // and its full path
  std::string link;
  for (const auto& s : lesson.solution_sources) path_of[lesson.home_relative(s, ws.root())] = ws.root() / s;
  for (const auto& c : lines_of(commands.output)) {
    for (const auto& [file, path] : path_of)
      if (c.find(" -c " + path.string()) != std::string::npos) compile_of[file] = c;
    if (c.find(" -o " + target + " ") != std::string::npos) link = c;
  }
  if (link.empty() || compile_of.size() != lesson.solution_sources.size()) {
    run.error = tr("mutation.no_commands", {target});
    return run;
  }
  const auto built = fs::last_write_time(ws.build_dir() / target, ec);
  if (ec) {
    run.error = tr("mutation.not_built_gate", {target});
    return run;
  }
  const auto exe_time = built.time_since_epoch().count();
  for (const auto& row : lines_of(listed.output)) {
    const auto f = split_tabs(row);
    if (f.size() < 8) continue;
    Mutant m;
    m.id = f[0], m.file = f[1], m.line = std::atoi(f[2].c_str()), m.kind = f[3], m.change = f[4];
    m.occurrence = std::atoi(f[5].c_str()), m.line_text = f[6], m.function = f[7];
    m.source = dir / "src" / m.id / fs::path(m.file).filename();
    const std::string original_object = output_of(compile_of[m.file]);
    const std::string object = (dir / "obj" / (m.id + ".o")).string();
    m.compile = compile_of[m.file];
    replace_all(m.compile, " -c " + path_of[m.file].string(), " -c " + m.source.string());
    replace_all(m.compile, original_object, object);
    replace_all(m.compile, " -Werror", "");  // a mutant may leave a variable unused; only errors make it stillborn
    m.link = link;
    replace_all(m.link, " " + original_object + " ", " " + object + " ");
    replace_all(m.link, " -o " + target + " ", " -o " + (dir / "obj" / m.id).string() + " ");
    m.cache_key = sha256_of(read_text(m.source) + "\n" + m.compile + "\n" + m.link + "\n" +
                           std::to_string(exe_time) + "\n" + std::to_string(run_limit));
    run.mutants.push_back(std::move(m));
  }
  return run;
}

// Runs a test executable the way the gate judges it: exit status 0 within the time limit, or not.
ProcessResult run_mutant_checks(Workspace& ws, const std::string& exe) {
  ProcessOptions opts;
  opts.working_dir = ws.root().string();
  opts.timeout_seconds = run_limit;
  opts.memory_limit_mb = memory_limit_mb;
  opts.keep_bytes = 4096;  // the output is not read; only the exit status counts
  // The mutants' coverage counters go to a scratch folder, not into the coverage gate's.
  opts.env = {{"GCOV_PREFIX", (ws.build_dir() / "mutation" / "gcda").string()}};
  return run_process({exe, "--log_level=nothing", "--report_level=no"}, opts);
}

// Boost.Test's exit statuses: 201 a check failed, 200 an exception or a system error (a crash it caught).
std::string how_killed(const ProcessResult& r) {
  if (r.exit_code == 0 && !r.timed_out) return "";
  if (r.timed_out) return "timed out";
  if (r.exit_code == 201) return "a check failed";
  if (r.exit_code == 200) return "an exception or a crash";
  if (r.exit_code > 128) return "killed by signal " + std::to_string(r.exit_code - 128);
  return "exit status " + std::to_string(r.exit_code);
}

void judge(Workspace& ws, Mutant& m) {
  const fs::path object = fs::path(output_of(m.compile));
  const std::string exe = output_of(m.link);
  ProcessOptions build;
  build.working_dir = ws.build_dir().string();
  build.timeout_seconds = 300;
  if (run_process({"sh", "-c", m.compile}, build).exit_code != 0 ||
      run_process({"sh", "-c", m.link}, build).exit_code != 0) {
    m.verdict = "stillborn";
  } else {
    const auto result = run_mutant_checks(ws, exe);
    m.verdict = result.exit_code == 0 && !result.timed_out ? "survived" : "killed";
    m.how = how_killed(result);
  }
  for (const auto& f : {object.string(), object.string() + ".d", fs::path(object).replace_extension(".gcno").string(), exe})
    fs::remove(f);
}

std::map<std::string, std::pair<std::string, std::string>> load_cache(const fs::path& path) {
  std::map<std::string, std::pair<std::string, std::string>> cache;
  for (const auto& row : lines_of(read_text(path))) {
    const auto f = split_tabs(row);
    if (f.size() == 3) cache[f[0]] = {f[1], f[2]};
  }
  return cache;
}

std::string shorten(const std::string& s, std::size_t n) { return s.size() <= n ? s : s.substr(0, n - 3) + "..."; }

std::string describe(const Mutant& m) {
  return tr("mutation.describe", {m.id, m.file, m.line, m.function, m.kind, m.change}) +
         (m.occurrence > 1 ? tr("mutation.occurrence", {m.occurrence}) : "") + "\n        " + shorten(m.line_text, 110);
}

}  // namespace

std::vector<MutationItem> mutation_stage(Workspace& ws, const std::string& lesson_spec) {
  const auto start = std::chrono::steady_clock::now();
  std::cout << "\n"
            << ui::bold(tr("mutation.heading", {static_cast<int>(threshold)}))
            << "\n";
  std::vector<MutationItem> items;
  std::vector<const Lesson*> lessons;
  if (lesson_spec.empty())
    for (const auto& l : ws.lessons()) lessons.push_back(&l);
  else
    lessons.push_back(&ws.find(lesson_spec));
  // The root's list of equivalent mutants, and each lesson pack's own.
  std::vector<Equivalent> equivalents;
  std::set<fs::path> homes;
  for (const Lesson* l : lessons)
    if (homes.insert(l->home).second) {
      const std::string list = l->shown(l->home / equivalent_list, ws.root());
      for (auto& e : load_equivalents(l->home, list, items)) equivalents.push_back(std::move(e));
    }
  const fs::path tool = ws.build_dir() / "tests" / "support" / "kata_mutate";
  const fs::path scratch = ws.build_dir() / "mutation";
  fs::remove_all(scratch / "gcda");

  std::vector<LessonRun> runs;
  for (const Lesson* l : lessons) {
    runs.push_back(plan_lesson(ws, *l, tool));
    // The unmutated solution must pass, or every mutant would look killed.
    if (runs.back().error.empty()) {
      const auto base = run_mutant_checks(ws, (ws.build_dir() / ("test_" + l->number + "_solution")).string());
      if (base.exit_code != 0 || base.timed_out)
        runs.back().error = tr("mutation.base_fails", {static_cast<int>(run_limit)});
    }
  }

  // Every mutant of every lesson in one queue, on all cores; verdicts of unchanged mutants come from
  // the cache (same mutated source, same commands, same test executable).
  std::vector<Mutant*> queue;
  int cached = 0;
  for (auto& r : runs) {
    if (!r.error.empty()) continue;
    const auto cache = load_cache(scratch / r.lesson->name / "cache.tsv");
    for (auto& m : r.mutants) {
      if (const auto hit = cache.find(m.cache_key); hit != cache.end()) {
        m.verdict = hit->second.first, m.how = hit->second.second;
        ++cached;
      } else {
        queue.push_back(&m);
      }
    }
  }
  const unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  ui::Progress progress(tr("mutation.progress", {queue.size(), cached, jobs}));
  std::mutex lock;
  std::atomic<std::size_t> next{0};
  long done = 0;
  auto worker = [&] {
    for (std::size_t k = next++; k < queue.size(); k = next++) {
      judge(ws, *queue[k]);
      const std::lock_guard<std::mutex> guard(lock);
      progress.update(++done, static_cast<long>(queue.size()));
    }
  };
  std::vector<std::thread> threads;
  for (unsigned j = 0; j < jobs; ++j) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  progress.finish("");

  // Padded by display width, for the Korean column names.
  std::printf("%s %s %s %s %s %s %s\n", ui::pad(tr("mutation.col.lesson"), 28).c_str(),
              ui::pad_left(tr("mutation.col.generated"), 9).c_str(), ui::pad_left(tr("mutation.col.stillborn"), 9).c_str(),
              ui::pad_left(tr("mutation.col.killed"), 6).c_str(), ui::pad_left(tr("mutation.col.survived"), 8).c_str(),
              ui::pad_left(tr("mutation.col.equivalent"), 10).c_str(), ui::pad_left(tr("mutation.col.score"), 7).c_str());
  std::vector<std::string> details;
  for (auto& r : runs) {
    const std::string name = r.lesson->name;
    if (!r.error.empty()) {
      std::printf("%-28s %s\n", name.c_str(), r.error.c_str());
      items.push_back({false, name + ": " + r.error});
      continue;
    }
    std::ofstream cache(scratch / name / "cache.tsv");
    int stillborn = 0, killed = 0, survived = 0, equivalent = 0;
    std::vector<const Mutant*> survivors;
    for (auto& m : r.mutants) {
      cache << m.cache_key << '\t' << m.verdict << '\t' << m.how << '\n';
      Equivalent* listed = nullptr;
      for (auto& e : equivalents)
        if (e.home == r.lesson->home && e.file == m.file && e.line == trim(m.line_text) && e.change == m.change &&
            e.occurrence == m.occurrence)
          listed = &e;
      if (listed != nullptr) {
        listed->matched = true;
        if (m.verdict != "survived")
          items.push_back({false, m.verdict == "killed"
                                      ? tr("mutation.equivalent_killed", {listed->list, listed->at_line, m.file, m.line, m.change})
                                      : tr("mutation.equivalent_stillborn",
                                           {listed->list, listed->at_line, m.file, m.line, m.change})});
      }
      if (m.verdict == "stillborn") ++stillborn;
      else if (m.verdict == "killed") ++killed;
      else if (listed != nullptr) ++equivalent, m.equivalent = true;
      else ++survived, survivors.push_back(&m);
    }
    const int generated = static_cast<int>(r.mutants.size());
    const int countable = generated - stillborn - equivalent;
    const double score = countable > 0 ? 100.0 * killed / countable : 0.0;
    const bool ok = countable > 0 && score >= threshold;
    std::printf("%-28s %9d %9d %6d %8d %10d %6.1f%%%s\n", name.c_str(), generated, stillborn, killed, survived,
                equivalent, score, ok ? "" : "  <-");
    char percent[32], limit[32];
    std::snprintf(percent, sizeof percent, "%.1f", score);
    std::snprintf(limit, sizeof limit, "%.0f", threshold);
    items.push_back({ok, tr("mutation.score", {name, killed, countable, percent, limit}) +
                             (ok ? "" : tr("mutation.survivors_above"))});
    if (!survivors.empty()) {
      details.push_back(tr("mutation.survived", {name, survivors.size(), (scratch / name / "src").string()}));
      for (const Mutant* m : survivors) details.push_back("  " + describe(*m));
    }
  }
  // Entries for the lessons that ran whose mutant is no longer generated.
  for (const auto& e : equivalents) {
    bool ours = false;
    for (const auto& r : runs)
      for (const auto& s : r.lesson->solution_sources)
        ours = ours || (e.home == r.lesson->home && r.lesson->home_relative(s, ws.root()) == e.file);
    if (ours && !e.matched)
      items.push_back({false, tr("mutation.equivalent_gone", {e.list, e.at_line, e.file, shorten(e.line, 60), e.change})});
  }
  if (!details.empty()) std::cout << "\n" << tr("mutation.survivors") << "\n";
  for (const auto& d : details) std::cout << d << "\n";
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << tr("mutation.took", {static_cast<long>(seconds + 0.5), queue.size(), jobs, cached}) << "\n";
  return items;
}

int cmd_mutation(const std::string& lesson_spec) {
  Workspace ws("ci");
  ws.ensure_configured();
  // -k 0: a lesson (a pack's, say) that does not compile must not keep the others from being tested.
  std::vector<std::string> targets = {"-k", "0", "kata_mutate"};
  if (lesson_spec.empty())
    for (const auto& l : ws.lessons()) targets.push_back("test_" + l.number + "_solution");
  else
    targets.push_back("test_" + ws.find(lesson_spec).number + "_solution");
  BuildLock lock(ws.build_dir(), "kata selftest --mutation-only");
  const auto build = build_targets(ws, targets, tr("mutation.building"));
  if (build.broken) {
    std::cout << ui::red(tr("mutation.build_failed")) << "\n" << build.problem << "\n0 passed, 1 failed\n";
    return 1;
  }
  int passed = 0, failed = 0;
  if (!build.ok) {  // a lesson that does not compile: its item fails below, the others are tested
    std::cout << ui::red(tr("mutation.build_partly_failed")) << "\n" << build.errors << "\n";
    ++failed;
  }
  for (const auto& item : mutation_stage(ws, lesson_spec)) {
    if (item.ok) ++passed;
    else {
      ++failed;
      std::cout << ui::red("  ✗ ") << item.what << "\n";
    }
  }
  std::printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}

}  // namespace kata::cli
