#include "lesson_check.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <mutex>

#include "build.hpp"
#include "build_lock.hpp"
#include "check_runner.hpp"
#include "messages.hpp"
#include "process.hpp"
#include "results_store.hpp"
#include "source_state.hpp"
#include "toolbox.hpp"
#include "ui.hpp"

namespace kata::cli {

namespace {

RunnerOptions runner_options(Workspace& ws, const Lesson& lesson, const std::string& variant) {
  RunnerOptions o;
  o.working_dir = ws.root();
  o.report_dir = ws.build_dir() / "kata-reports";
  o.report_stem = lesson.name + "-" + variant;
  o.time_limit = check_time_limit(ws);
  o.memory_limit_mb = learner_memory_limit_mb();
  const char* isolate = std::getenv("KATA_ISOLATE");
  o.isolate_all = isolate != nullptr && std::string(isolate) == "1";
  return o;
}

// Whether LeakSanitizer works here: it stops the world with ptrace-like means that some containers
// forbid, and then every process would fail. Asked once per kata run, of a program that does nothing.
bool leaks_detectable(const fs::path& exe) {
  static int known = -1;
  if (known < 0) {
    ProcessOptions p;
    p.env = {{"ASAN_OPTIONS", "detect_leaks=1"}};
    p.timeout_seconds = 20;
    const auto r = run_process({exe.string(), "--list_content"}, p);
    known = r.output.find("LeakSanitizer has encountered a fatal error") == std::string::npos ? 1 : 0;
  }
  return known == 1;
}

// A lesson whose checks all passed in one program: each check again in a program of its own, as `kata
// grade` runs them. Code that keeps state between calls (a static or global variable) can pass only after
// the checks before it ran; then `kata check` would say done and the grade would not.
void isolation_check(Workspace& ws, const Lesson& lesson, const fs::path& exe, LessonResult& result) {
  RunnerOptions o = runner_options(ws, lesson, "isolated");
  o.isolate_all = true;
  ui::Progress progress(tr("check.isolating", {lesson.name}));
  std::mutex progress_mutex;
  o.on_tick = [&] {
    std::lock_guard<std::mutex> lock(progress_mutex);
    progress.tick();
  };
  const auto checks = run_checks(exe, o);
  progress.finish("");
  for (const auto& alone : checks) {
    if (alone.passed) continue;
    auto it = std::find_if(result.checks.begin(), result.checks.end(), [&](const Check& c) { return c.name == alone.name; });
    if (it == result.checks.end() || !it->passed) continue;
    it->passed = false;
    it->timed_out = alone.timed_out;
    it->message = tr_english("check.fails_alone", {alone.message});
    it->output = alone.output;
  }
}

void memory_check(Workspace& ws, const Lesson& lesson, LessonResult& result) {
  if (ws.config("memcheck", "0") != "1") {
    result.memory_note = tr_english("memcheck.no_asan");
    result.memory_note_shown = tr("memcheck.no_asan");
    return;
  }
  const std::string target = "test_" + lesson.number + "_learner_memcheck";
  const auto build = build_targets(ws, {target}, tr("memcheck.building", {lesson.name}));
  if (!build.ok) {
    const std::string why = build.broken ? build.problem : build.errors;
    result.memory_note = tr_english("memcheck.not_built", {why});
    result.memory_note_shown = tr("memcheck.not_built", {why});
    return;
  }
  RunnerOptions o = runner_options(ws, lesson, "memcheck");
  // Sanitized code runs 2-3x slower; the address-space limit would break AddressSanitizer's shadow
  // memory, so its own allocation limits take over.
  o.time_limit *= 3;
  const std::size_t limit = o.memory_limit_mb;
  o.memory_limit_mb = 0;
  const fs::path exe = ws.build_dir() / target;
  std::string asan = "halt_on_error=1:detect_stack_use_after_return=0:print_summary=1";
  asan += std::string(":detect_leaks=") + (leaks_detectable(exe) ? "1" : "0");
  if (limit > 0) asan += ":max_allocation_size_mb=" + std::to_string(limit) + ":hard_rss_limit_mb=" + std::to_string(limit);
  o.env = {{"ASAN_OPTIONS", asan}, {"UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1"}};
  ui::Progress progress(tr("memcheck.running", {lesson.name}));
  o.on_check_started = [&](const std::string&) { progress.tick(); };
  const auto checks = run_checks(exe, o);
  progress.finish("");
  for (const auto& m : checks) {
    if (m.passed) continue;
    auto it = std::find_if(result.checks.begin(), result.checks.end(), [&](const Check& c) { return c.name == m.name; });
    if (it == result.checks.end()) {
      result.checks.push_back(m);
      result.checks.back().message = "in the memory check: " + m.message;
      continue;
    }
    if (it->passed) {
      it->passed = false;
      it->timed_out = m.timed_out;
      it->message = "passes, but fails the memory check (AddressSanitizer + UBSan): " + m.message;
      it->output = m.output;
    } else if (m.message != it->message) {
      it->message += "\nand in the memory check (AddressSanitizer + UBSan): " + m.message;
    }
  }
  result.memory_checked = true;
}

// KATA_TIMINGS=1: where a check's time went ("build 0.61 s, checks 0.04 s, memory check 2.3 s"), on
// stderr; bench/memcheck_speed.sh reads it.
class Timings {
 public:
  Timings() : on_(std::getenv("KATA_TIMINGS") != nullptr), last_(std::chrono::steady_clock::now()) {}
  ~Timings() {
    if (on_ && !text_.empty()) std::cerr << "timings: " << text_ << "\n";
  }
  void lap(const std::string& phase) {
    const auto now = std::chrono::steady_clock::now();
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s %.2f s", phase.c_str(), std::chrono::duration<double>(now - last_).count());
    text_ += (text_.empty() ? "" : ", ") + std::string(buf);
    last_ = now;
  }

 private:
  bool on_;
  std::chrono::steady_clock::time_point last_;
  std::string text_;
};

void warn_unsaved(const std::string& why) {
  static bool warned = false;
  if (warned) return;
  warned = true;
  std::cerr << tr("check.not_saved", {why}) << "\n";
}

}  // namespace

double check_time_limit(Workspace& ws) {
  const double limit = std::atof(ws.config("test_timeout", "10").c_str());
  return limit > 0 ? limit : 10;
}

LessonResult check_lesson(Workspace& ws, const Lesson& lesson, const CheckOptions& options) {
  Timings timings;
  LessonResult result;
  result.memory_check_required = options.variant == "learner" && options.memory_check;
  set_activity(tr("activity.checking", {lesson.name}));
  BuildLock lock(ws.build_dir(), "kata check " + lesson.number);
  const bool learner = options.variant == "learner";
  if (learner) forget_stale_objects(ws, lesson);
  // Lesson 12: the done lessons' objects, else the reference's (written before the build links them).
  if (learner) result.toolbox = prepare_toolbox(ws, lesson, ToolboxUse::checks).summary();
  const std::string digests = lesson_source_digests(ws, lesson);
  const std::string target = "test_" + lesson.number + "_" + options.variant;
  const auto build = build_targets(ws, {target}, tr("build.building", {lesson.name}));
  timings.lap("build");
  if (!build.ok) {
    result.built = false;
    result.build_broken = build.broken;
    result.build_errors = build.broken ? build.problem : build.errors;
  } else {
    if (learner) record_built_sources(ws, lesson, digests);
    RunnerOptions o = runner_options(ws, lesson, options.variant);
    o.isolate_all = o.isolate_all || options.isolate_all;
    // A check that takes its time (a loop, a hang until the limit) shows that kata is still at work.
    ui::Progress progress(tr("check.running", {lesson.name}));
    std::mutex progress_mutex;
    o.on_tick = [&] {
      std::lock_guard<std::mutex> lock(progress_mutex);
      progress.tick();
    };
    result.checks = run_checks(ws.build_dir() / target, o);
    progress.finish("");
    timings.lap("checks");
    // Everything passed in one program: each check on its own too (unless that is how they just ran).
    if (learner && !o.isolate_all && result.total() > 0 && result.passed() == result.total()) {
      isolation_check(ws, lesson, ws.build_dir() / target, result);
      timings.lap("isolated checks");
    }
    if ((result.memory_check_required && result.total() > 0 && result.passed() == result.total()) ||
        (learner && options.memory_check_always)) {
      memory_check(ws, lesson, result);
      timings.lap("memory check");
    }
  }
  // Abandoned half-way (kata watch saw a newer save): what it found is not the learner's verdict.
  if (runs_cancelled()) throw RunCancelled();
  // A build that broke for another reason says nothing about the learner's code: not remembered.
  if (learner && options.save && !result.build_broken) {
    std::string why;
    if (!save_result(ws, lesson, result, &why)) warn_unsaved(why);
  }
  return result;
}

}  // namespace kata::cli
