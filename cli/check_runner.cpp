#include "check_runner.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <atomic>
#include <chrono>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "junit_report.hpp"
#include "messages.hpp"
#include "process.hpp"
#include "verdicts.hpp"

namespace kata::cli {

namespace fs = std::filesystem;

namespace {

// What one check may keep of what the code under test printed.
constexpr std::size_t kOutputPerCheck = 4096;

const char* const kDoesNotStart = "(the test program does not start)";
const char* const kDoesNotEnd = "(the test program does not end cleanly)";

std::string format_seconds(double s) {
  std::ostringstream out;
  out << s;
  return out.str();
}

std::vector<std::string> base_arguments(const fs::path& exe, const fs::path& report) {
  return {exe.string(), "--logger=JUNIT,error," + report.string(), "--report_level=no", "--color_output=no"};
}

ProcessOptions process_options(const RunnerOptions& options) {
  ProcessOptions p;
  p.working_dir = options.working_dir.string();
  p.env = options.env;
  p.memory_limit_mb = options.memory_limit_mb;
  p.on_tick = options.on_tick;
  return p;
}

// Boost.Test's --list_content: one unit per line, four spaces of indent per level, '*' when enabled, and
// ": description" when the unit has one ("split_sizes*: task 1: exact split sizes").
std::vector<ListedCheck> parse_listing(const std::string& text) {
  struct Unit {
    int depth;
    std::string name, description;
  };
  std::vector<Unit> units;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::size_t spaces = 0;
    while (spaces < line.size() && line[spaces] == ' ') ++spaces;
    std::string rest = line.substr(spaces), description;
    const auto colon = rest.find(": ");
    if (colon != std::string::npos) {
      description = rest.substr(colon + 2);
      rest = rest.substr(0, colon);
    }
    if (!rest.empty() && rest.back() == '*') rest.pop_back();
    if (rest.empty() || rest.find(' ') != std::string::npos || rest.find(':') != std::string::npos) continue;
    units.push_back({static_cast<int>(spaces / 4), rest, description});
  }
  std::vector<ListedCheck> leaves;
  std::vector<const Unit*> path;
  for (std::size_t i = 0; i < units.size(); ++i) {
    const Unit& unit = units[i];
    path.resize(static_cast<std::size_t>(std::min<int>(unit.depth, static_cast<int>(path.size()))));
    path.push_back(&unit);
    const bool leaf = i + 1 == units.size() || units[i + 1].depth <= unit.depth;
    if (!leaf) continue;
    ListedCheck check;
    for (const Unit* p : path) {
      check.name += (check.name.empty() ? "" : "/") + p->name;
      int number = 0;
      std::string title;
      if (parse_task(p->description, &number, &title)) {  // the nearest one wins: later in the path
        check.task = number;
        check.task_title = title;
      }
    }
    leaves.push_back(std::move(check));
  }
  return leaves;
}

// What each check printed, told apart by the "start"/"finish" lines of the test program's progress
// descriptor (the code under test writes to stdout; the supervision in test_main.cpp flushes it at the
// start and the end of every check, so the two streams arrive in order).
class OutputByCheck {
 public:
  void progress(const std::string& line) {
    const auto space = line.find(' ');
    if (space == std::string::npos) return;
    const std::string event = line.substr(0, space), name = line.substr(space + 1);
    std::lock_guard<std::mutex> lock(mutex_);
    if (event == "passed" || event == "failed") {
      verdicts_[name].push_back(event == "passed");
    } else if (event == "start") {
      running_ = name;
      bytes_ = 0;
      started_ = std::chrono::steady_clock::now();
      if (on_started) on_started(name);
    } else if (event == "finish" && name == running_) {
      running_.clear();
      ++finished_;
      last_finish_ = std::chrono::steady_clock::now();
    }
  }
  void output(const std::string& line) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (running_.empty()) return;
    bytes_ += line.size() + 1;
    std::string& out = by_check_[running_];
    if (out.size() >= kOutputPerCheck) return;
    out += line.substr(0, kOutputPerCheck - out.size()) + "\n";
  }
  // The check running for longer than `limit` seconds, if any; or every check finished for longer than
  // that and the program still running (it hangs as it ends).
  bool over(double limit) {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    if (running_.empty()) return all_finished() && std::chrono::duration<double>(now - last_finish_).count() > limit;
    return std::chrono::duration<double>(now - started_).count() > limit;
  }
  bool finished_every_check() {
    std::lock_guard<std::mutex> lock(mutex_);
    return running_.empty() && all_finished();
  }
  std::size_t expected = 0;  // how many checks the run was asked to run
  bool flooded() {
    std::lock_guard<std::mutex> lock(mutex_);
    return !running_.empty() && bytes_ > kMaxOutputPerCheck;
  }
  std::string running() {
    std::lock_guard<std::mutex> lock(mutex_);
    return running_;
  }
  std::map<std::string, std::string> take() { return std::move(by_check_); }
  std::map<std::string, std::vector<bool>> take_verdicts() { return std::move(verdicts_); }
  std::function<void(const std::string&)> on_started;

 private:
  std::mutex mutex_;
  std::string running_;
  std::chrono::steady_clock::time_point started_;
  std::size_t bytes_ = 0;  // what the running check printed so far
  std::map<std::string, std::string> by_check_;
  std::map<std::string, std::vector<bool>> verdicts_;  // what the verdict channel said of each check
  std::size_t finished_ = 0;
  std::chrono::steady_clock::time_point last_finish_;
  bool all_finished() const { return expected > 0 && finished_ >= expected; }
};

RunOutcome one_process_run(const fs::path& exe, const std::vector<std::string>& cases, const RunnerOptions& options) {
  RunOutcome run;
  run.expected = cases;
  run.time_limit = options.time_limit;
  run.memory_limit_mb = options.memory_limit_mb;
  const fs::path report = options.report_dir / (options.report_stem + ".xml");
  std::error_code ec;
  fs::remove(report, ec);
  OutputByCheck tracker;
  tracker.expected = cases.size();
  tracker.on_started = options.on_check_started;
  ProcessOptions p = process_options(options);
  p.on_progress = [&](const std::string& line) { tracker.progress(line); };
  p.on_line = [&](const std::string& line) { tracker.output(line); };
  // The time limit is per check: the run is stopped when one check has run for longer than that.
  p.stop_now = [&] { return tracker.over(options.time_limit) || tracker.flooded(); };
  // And a bound on the whole run, for a program that never reports progress at all.
  p.timeout_seconds = options.time_limit * static_cast<double>(std::max<std::size_t>(1, cases.size())) + 5;
  run.process = run_process(base_arguments(exe, report), p);
  run.running = tracker.running();
  run.flooded = run.process.stopped && tracker.flooded();
  run.hung_at_exit = run.process.stopped && !run.flooded && tracker.finished_every_check();
  run.output = tracker.take();
  run.verdicts = tracker.take_verdicts();
  run.report = read_boost_report(report);
  return run;
}

Check isolated_run(const fs::path& exe, const std::string& name, std::size_t index, const RunnerOptions& options) {
  RunOutcome run;
  run.expected = {name};
  run.time_limit = options.time_limit;
  run.memory_limit_mb = options.memory_limit_mb;
  const fs::path report = options.report_dir / (options.report_stem + "-" + std::to_string(index) + ".xml");
  std::error_code ec;
  fs::remove(report, ec);
  ProcessOptions p = process_options(options);
  p.timeout_seconds = options.time_limit + 1;  // + the program's start
  p.keep_bytes = kOutputPerCheck / 2;
  p.output_limit = kMaxOutputPerCheck;
  OutputByCheck tracker;  // only for the verdict channel: the output is kept whole (above)
  p.on_progress = [&](const std::string& line) { tracker.progress(line); };
  auto argv = base_arguments(exe, report);
  argv.push_back("--run_test=" + name);
  if (options.on_check_started) options.on_check_started(name);
  run.process = run_process(argv, p);
  run.flooded = run.process.flooded;
  run.verdicts = tracker.take_verdicts();
  run.report = read_boost_report(report);
  Check c = settle_isolated_run(run);
  fs::remove(report, ec);
  return c;
}

// Runs each named check in its own process, a few at a time.
std::map<std::string, Check> isolated_runs(const fs::path& exe, const std::vector<std::string>& names,
                                           const RunnerOptions& options) {
  std::map<std::string, Check> results;
  std::mutex mutex;
  std::atomic<std::size_t> next{0};
  // The checks are small processes that mostly wait on the loader: more of them than cores keeps both busy.
  const std::size_t workers =
      std::min<std::size_t>(names.size(), 2 * std::max(1u, std::thread::hardware_concurrency()));
  auto work = [&] {
    for (std::size_t i; (i = next++) < names.size();) {
      Check c = isolated_run(exe, names[i], i, options);
      std::lock_guard<std::mutex> lock(mutex);
      results[names[i]] = std::move(c);
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t w = 1; w < workers; ++w) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  return results;
}

}  // namespace

bool parse_task(const std::string& description, int* number, std::string* title) {
  if (description.rfind("task ", 0) != 0) return false;
  std::size_t end = 5;
  while (end < description.size() && std::isdigit(static_cast<unsigned char>(description[end]))) ++end;
  if (end == 5 || description.compare(end, 2, ": ") != 0) return false;
  *number = std::atoi(description.c_str() + 5);
  *title = description.substr(end + 2);
  return *number > 0;
}

std::vector<ListedCheck> list_checks(const fs::path& exe, const RunnerOptions& options, std::string* problem,
                                     std::string* pseudo_name) {
  ProcessOptions p = process_options(options);
  p.timeout_seconds = options.time_limit;
  // Boost.Test writes the listing to its report stream, sent to a file of its own: what the code under
  // test prints while the program starts (a static initializer's "loading..."), on stdout or stderr, does
  // not mix with it.
  std::error_code ec;
  fs::create_directories(options.report_dir, ec);
  const fs::path file = options.report_dir / (options.report_stem + "-list.txt");
  fs::remove(file, ec);
  bool test_main = false;
  p.on_progress = [&](const std::string& line) { test_main = test_main || line == "test-main"; };
  const auto listing = run_process({exe.string(), "--list_content", "--report_sink=" + file.string()}, p);
  std::string text;
  if (std::ifstream in(file); in) {
    std::ostringstream all;
    all << in.rdbuf();
    text = all.str();
  }
  fs::remove(file, ec);
  auto cases = parse_listing(text);
  if (cases.empty() || listing.exit_code != 0 || listing.timed_out) {
    const std::string program = exe.filename().string();
    RunOutcome run;
    run.expected = {kDoesNotStart};
    run.process = listing;
    run.time_limit = options.time_limit;
    if (pseudo_name != nullptr) *pseudo_name = cases.empty() ? kDoesNotStart : kDoesNotEnd;
    if (!test_main && cases.empty() && listing.exit_code == 0 && !listing.timed_out)
      *problem = tr("runner.defines_main", {program});
    else if (!cases.empty() && listing.timed_out)
      *problem = tr("runner.hangs_at_exit", {program, format_seconds(options.time_limit)});
    else if (!cases.empty())
      *problem = tr("runner.fails_at_exit", {program, settle_isolated_run(run).message});
    else
      *problem = tr("runner.does_not_start", {program, listing.exit_code == 0 ? tr("runner.lists_no_checks")
                                                                              : settle_isolated_run(run).message});
    return {};
  }
  return cases;
}

std::vector<Check> run_checks(const fs::path& exe, const RunnerOptions& options) {
  std::error_code ec;
  fs::create_directories(options.report_dir, ec);
  std::string problem, pseudo_name;
  const auto listed = list_checks(exe, options, &problem, &pseudo_name);
  if (listed.empty()) {
    Check c;
    c.name = pseudo_name;
    c.message = problem;
    return {c};
  }
  std::vector<std::string> cases;
  for (const auto& l : listed) cases.push_back(l.name);
  Settled settled;
  if (options.isolate_all) settled.unsettled = cases;
  else settled = settle_one_process_run(one_process_run(exe, cases, options));
  std::map<std::string, Check> by_name;
  for (auto& c : settled.checks) by_name[c.name] = std::move(c);
  if (!settled.unsettled.empty())
    for (auto& [name, c] : isolated_runs(exe, settled.unsettled, options)) by_name[name] = std::move(c);
  std::vector<Check> checks;
  for (const auto& l : listed) {
    checks.push_back(std::move(by_name[l.name]));
    checks.back().task = l.task;
    checks.back().task_title = l.task_title;
  }
  return checks;
}

}  // namespace kata::cli
