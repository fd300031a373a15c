#include "verdicts.hpp"

#include <algorithm>
#include <csignal>
#include <cstring>
#include <sstream>

#include "messages.hpp"
#include "text.hpp"

namespace kata::cli {

namespace {

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

std::string shorten(const std::string& s, std::size_t n) { return s.size() <= n ? s : s.substr(0, n) + "…"; }

std::string signal_words(int sig) {
  switch (sig) {
    case SIGSEGV: return tr("verdict.sigsegv");
    case SIGBUS: return "crashed with a bus error (SIGBUS): memory that is gone, e.g. a file truncated under a mapping?";
    case SIGABRT: return tr("verdict.sigabrt");
    case SIGFPE: return "crashed with an arithmetic error (SIGFPE): an integer division by zero?";
    case SIGKILL: return "was killed (SIGKILL): out of memory, or ended from outside?";
    case SIGILL: return "crashed on an illegal instruction (SIGILL): a function that should return a value reached its end without a return?";
    default: return "was ended by signal " + std::to_string(sig) + " (" + std::string(strsignal(sig)) + ")";
  }
}

// The line of `text` that contains position `at`.
std::string line_at(const std::string& text, std::size_t at) {
  const auto begin = text.rfind('\n', at);
  const auto end = text.find('\n', at);
  return text.substr(begin == std::string::npos ? 0 : begin + 1,
                     (end == std::string::npos ? text.size() : end) - (begin == std::string::npos ? 0 : begin + 1));
}

// "    #1 0x55d3 in kata::dropout_backward(arma::Mat<double> const&, ...) /w/lessons/04_dropout/dropout.cpp:17:5"
// -> "kata::dropout_backward(…) at lessons/04_dropout/dropout.cpp:17"; "" when no frame is in lessons/.
std::string first_lesson_frame(const std::string& text, std::size_t from) {
  std::size_t at = from;
  while ((at = text.find("/lessons/", at)) != std::string::npos) {
    const std::string line = line_at(text, at);
    at += 9;
    const auto in = line.find(" in ");
    const auto path = line.find("/lessons/");
    if (in == std::string::npos || path == std::string::npos || path < in) continue;
    std::string function = line.substr(in + 4, path - in - 4);
    const auto space = function.rfind(' ');
    if (space != std::string::npos) function = function.substr(0, space);
    const auto paren = function.find('(');
    if (paren != std::string::npos) function = function.substr(0, paren) + "()";
    std::string where = line.substr(path + 1);
    // lessons/04_dropout/dropout.cpp:17:5 -> lessons/04_dropout/dropout.cpp:17
    const auto last_colon = where.rfind(':');
    if (last_colon != std::string::npos && where.find(':') != last_colon) where = where.substr(0, last_colon);
    return shorten(function, 100) + " at " + where;
  }
  return "";
}

// What the verdict channel (test_main.cpp) says of a case the report says passed: "" when it agrees,
// else why the check fails. It agrees when it reported the case, and passed every time it did.
std::string channel_disagrees(const RunOutcome& run, const std::string& name) {
  const auto it = run.verdicts.find(name);
  if (it == run.verdicts.end() || it->second.empty()) return tr("verdict.unconfirmed");
  for (const bool passed : it->second)
    if (!passed) return tr("verdict.report_changed");
  return "";
}

// The messages of a case's problems, each capped, in the learner's words.
std::string explain_problems(const ReportedCase& rc, std::size_t memory_limit_mb, bool* all_stub) {
  std::vector<std::string> lines;
  *all_stub = !rc.problems.empty();
  for (const auto& p : rc.problems) {
    bool stub = false;
    lines.push_back(explain_problem(capped(p, kLearnerTextLimit), memory_limit_mb, &stub));
    *all_stub = *all_stub && stub;
  }
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return lines.empty() ? tr("verdict.failed_without_message") : out;
}

// A verdict as kata keeps it: what the code under test controls made printable.
void make_printable(Check& c) {
  c.message = printable(c.message);
  c.output = printable(c.output);
}

std::string timed_out_seconds(double limit_seconds) {
  std::ostringstream out;
  out << limit_seconds;
  return out.str();
}

}  // namespace

std::string timed_out_message(double limit_seconds) {
  std::ostringstream out;
  out << "did not finish within the time limit of " << limit_seconds
      << " s for one check (an infinite loop, or far too slow?)";
  return out.str();
}

std::string flooded_message() {
  return "printed more than " + std::to_string(kMaxOutputPerCheck / (1024 * 1024)) +
         " MiB of output and was stopped (printing inside a loop? remove debug output when you are done)";
}

std::string explain_problem(const std::string& full, std::size_t memory_limit_mb, bool* not_implemented) {
  // "...\n  while: <context>" (junit_report.cpp): explain the problem, keep the context after it.
  const auto context_at = full.find("\n  while: ");
  if (context_at != std::string::npos)
    return explain_problem(full.substr(0, context_at), memory_limit_mb, not_implemented) + full.substr(context_at);
  const std::string& problem = full;
  *not_implemented = false;
  if (starts_with(problem, "kata::NotImplemented: ")) {
    *not_implemented = true;
    return problem.substr(std::strlen("kata::NotImplemented: "));
  }
  if (problem.find("SIGABRT") != std::string::npos && starts_with(problem, "signal: "))
    return tr("verdict.sigabrt");
  if (starts_with(problem, "memory access violation")) return tr("verdict.crashed_memory", {problem});
  if (starts_with(problem, "signal: ") ||
      problem.find("floating point error") != std::string::npos || starts_with(problem, "system error"))
    return "crashed: " + problem + " (a null or dangling pointer, or an index out of range?)";
  if (problem == "unknown type") return "threw something that is not a std::exception (e.g. `throw 42;`)";
  if (starts_with(problem, "std::bad_alloc")) {
    std::string limit = memory_limit_mb > 0 ? "processes of your code may use at most " +
                                                  std::to_string(memory_limit_mb) + " MiB (KATA_MEMORY_LIMIT_MB)"
                                            : "there is no memory limit set";
    return "used too much memory: an allocation failed (std::bad_alloc); " + limit +
           ". A size far too large, e.g. a negative number turned unsigned?";
  }
  if (starts_with(problem, "std::invalid_argument: "))
    return "threw std::invalid_argument: \"" + problem.substr(23) + "\" (was a valid input rejected?)";
  if (starts_with(problem, "std::") && problem.find(": ") != std::string::npos) {
    const auto colon = problem.find(": ");
    return "threw an unexpected " + problem.substr(0, colon) + ": \"" + problem.substr(colon + 2) + "\"";
  }
  return problem;
}

std::string sanitizer_summary(const std::string& output) {
  if (const auto at = output.find("ERROR: AddressSanitizer: "); at != std::string::npos) {
    std::string kind = line_at(output, at).substr(line_at(output, at).find("AddressSanitizer: ") + 18);
    if (const auto on = kind.find(" on "); on != std::string::npos) kind = kind.substr(0, on);
    std::string access;
    for (const char* what : {"WRITE of size", "READ of size"})
      if (const auto a = output.find(what, at); a != std::string::npos) {
        access = line_at(output, a);
        if (const auto at_addr = access.find(" at "); at_addr != std::string::npos) access = access.substr(0, at_addr);
        break;
      }
    const std::string frame = first_lesson_frame(output, at);
    std::string msg = "memory error found by AddressSanitizer: " + shorten(kind, 80);
    if (!access.empty()) msg += " (" + access + ")";
    if (!frame.empty()) msg += " in " + frame;
    if (kind.find("overflow") != std::string::npos)
      msg += "\n  hint: an index past the end of a matrix or vector? .at(), [] and raw pointers do no bounds "
             "checks; (i, j) and .col(j) do";
    else if (kind.find("use-after") != std::string::npos)
      msg += "\n  hint: memory used after it was freed: a pointer or reference to a temporary, or to a "
             "matrix that was resized?";
    else if (kind.find("allocation-size-too-big") != std::string::npos || kind.find("out of memory") != std::string::npos)
      msg += "\n  hint: a size far too large, e.g. a negative number turned unsigned?";
    return msg;
  }
  if (const auto at = output.find("ERROR: LeakSanitizer: detected memory leaks"); at != std::string::npos) {
    std::string amount;
    if (const auto d = output.find("leak of ", at); d != std::string::npos) {
      amount = line_at(output, d);
      if (const auto a = amount.find(" allocated from"); a != std::string::npos) amount = amount.substr(0, a);
    }
    const std::string frame = first_lesson_frame(output, at);
    return "memory leak found by LeakSanitizer" + (amount.empty() ? std::string() : ": " + amount) +
           (frame.empty() ? "" : ", allocated in " + frame) +
           "\n  hint: memory from new or malloc that is never freed; use arma::mat, std::vector or a local "
           "variable instead";
  }
  if (const auto at = output.find(": runtime error: "); at != std::string::npos) {
    const std::string line = line_at(output, at);
    std::string where = line.substr(0, line.find(": runtime error: "));
    if (const auto l = where.find("/lessons/"); l != std::string::npos) where = where.substr(l + 1);
    return "undefined behaviour found by UBSan at " + shorten(where, 120) + ": " +
           shorten(line.substr(line.find(": runtime error: ") + 17), 200);
  }
  return "";
}

Settled settle_one_process_run(const RunOutcome& run) {
  Settled settled;
  if (run.hung_at_exit) {
    // Every check ran; the program then hung as it ended. A run of its own would hang the same way.
    for (const auto& name : run.expected) {
      Check c;
      c.name = name;
      c.message = tr("verdict.hangs_at_exit", {timed_out_seconds(run.time_limit)});
      settled.checks.push_back(std::move(c));
    }
    return settled;
  }
  if (run.process.timed_out || run.process.stopped) {
    for (const auto& name : run.expected) {
      if (name != run.running) {
        settled.unsettled.push_back(name);
        continue;
      }
      Check c;
      c.name = name;
      c.timed_out = !run.flooded;
      c.message = run.flooded ? flooded_message() : timed_out_message(run.time_limit);
      if (const auto out = run.output.find(name); out != run.output.end()) c.output = out->second;
      make_printable(c);
      settled.checks.push_back(std::move(c));
    }
    return settled;
  }
  std::map<std::string, int> reported;
  bool crashed_inside = false;
  for (const auto& c : run.report.cases) {
    if (c.status == ReportedCase::Status::skipped) continue;
    ++reported[c.name];
    crashed_inside = crashed_inside || c.system_error;
  }
  bool clean = run.report.readable && (run.process.exit_code == 0 || run.process.exit_code == 201) &&
               run.running.empty() && !run.process.left_processes && !crashed_inside &&
               sanitizer_summary(run.process.output).empty() &&
               reported.size() == run.expected.size();
  for (const auto& name : run.expected) clean = clean && reported.count(name) && reported[name] == 1;
  if (!clean) {
    settled.unsettled = run.expected;
    return settled;
  }
  for (const auto& name : run.expected)
    for (const auto& rc : run.report.cases) {
      if (rc.name != name || rc.status == ReportedCase::Status::skipped) continue;
      Check c;
      c.name = name;
      c.seconds = rc.seconds;
      c.passed = rc.status == ReportedCase::Status::passed;
      if (const auto out = run.output.find(name); out != run.output.end()) c.output = out->second;
      if (c.passed) {
        c.message = channel_disagrees(run, name);
        c.passed = c.message.empty();
      } else {
        bool all_stub = false;
        c.message = explain_problems(rc, run.memory_limit_mb, &all_stub);
        c.not_implemented = all_stub;
      }
      make_printable(c);
      settled.checks.push_back(std::move(c));
    }
  return settled;
}

namespace {

Check settle_isolated_run_raw(const RunOutcome& run) {
  Check c;
  c.name = run.expected.empty() ? std::string() : run.expected.front();
  c.output = run.process.output;
  const auto& p = run.process;
  if (run.flooded) {
    c.message = flooded_message();
    return c;
  }
  if (p.timed_out || p.stopped) {
    c.timed_out = true;
    c.message = timed_out_message(run.time_limit);
    return c;
  }
  std::vector<const ReportedCase*> entries;
  for (const auto& rc : run.report.cases)
    if (rc.name == c.name && rc.status != ReportedCase::Status::skipped) entries.push_back(&rc);
  const std::string sanitizer = sanitizer_summary(p.output);
  bool ended_early = false;  // the program ended on its own before or after the check: show its last output
  const std::string leftovers =
      "it left processes running after it ended (fork()?); a check must run in one process, and they were "
      "ended";
  if (!sanitizer.empty()) {
    c.message = sanitizer;
    // What the code printed before the sanitizer's report (the report itself is summarized above).
    std::size_t report = c.output.find("=================");
    for (const char* marker : {"ERROR: LeakSanitizer", ": runtime error: "})
      report = std::min(report, c.output.find(marker));
    if (report != std::string::npos) c.output = c.output.substr(0, c.output.rfind('\n', report) == std::string::npos ? 0 : c.output.rfind('\n', report));
  } else if (p.exit_code == kOutputClosed) {
    c.message = tr("verdict.output_closed");
  } else if (entries.size() > 1) {
    c.message = "Boost.Test reported this check " + std::to_string(entries.size()) +
                " times: your code started a second copy of the program (fork()?), which ran it again";
  } else if (entries.size() == 1) {
    const ReportedCase& rc = *entries.front();
    c.seconds = rc.seconds;
    if (rc.status == ReportedCase::Status::passed) {
      const std::string disagreement = channel_disagrees(run, c.name);
      if (!disagreement.empty()) c.message = disagreement;
      else if (p.exit_code == 0 && !p.left_processes) c.passed = true;
      else if (p.left_processes) c.message = leftovers;
      else if (p.signal != 0) c.message = "Boost.Test reported it passed, but the program then " + signal_words(p.signal);
      else {
        c.message = "Boost.Test reported it passed, but the program then ended with status " +
                    std::to_string(p.exit_code) + " (something failed after the check: a static destructor?)";
        ended_early = true;
      }
    } else {
      bool all_stub = false;
      c.message = explain_problems(rc, run.memory_limit_mb, &all_stub);
      c.not_implemented = all_stub && !p.left_processes;
      if (p.left_processes) c.message += "\n" + leftovers;
    }
  } else if (p.exit_code == kExitDuringCheck) {
    c.message = "your code called exit() during this check: a function must return or throw, never end the "
                "program (Boost.Test could not report the check)";
  } else if (p.signal != 0) {
    c.message = signal_words(p.signal);
  } else if (p.exit_code == 0) {
    c.message = tr("verdict.ended_status_0");
    ended_early = true;
  } else if (p.exit_code == 127 && p.output.find("cannot run ") != std::string::npos) {
    c.message = "the test program could not be started: " + shorten(p.output, 300);
  } else {
    c.message = "the program ended with status " + std::to_string(p.exit_code) +
                " during this check, before Boost.Test reported it";
    ended_early = true;
  }
  if (!c.passed && !c.output.empty() && ended_early)
    c.message += "\n  " + tr("verdict.last_output", {shorten(c.output.substr(c.output.size() > 300 ? c.output.size() - 300 : 0), 300)});
  return c;
}

}  // namespace

Check settle_isolated_run(const RunOutcome& run) {
  Check c = settle_isolated_run_raw(run);
  make_printable(c);
  return c;
}

}  // namespace kata::cli
