#include "checks.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <regex>
#include <sstream>
#include <thread>

#include "process.hpp"
#include "ui.hpp"

namespace kata::cli {

int LessonResult::passed() const {
  return static_cast<int>(std::count_if(checks.begin(), checks.end(), [](const Check& c) { return c.passed; }));
}

std::string LessonResult::status() const {
  if (!built) return "does not compile";
  if (checks.empty()) return "no checks";
  if (passed() == total()) return "done";
  const bool untouched = passed() == 0 && std::all_of(checks.begin(), checks.end(),
                                                      [](const Check& c) { return c.not_implemented; });
  return untouched ? "not started" : "failing";
}

namespace {

// The compiler's diagnostics, without ninja's command lines: "file:line:col: error: ..." and the
// lines that explain it, at most 40 lines.
std::string compiler_errors(const std::string& log) {
  std::istringstream in(log);
  std::string line, out;
  int kept = 0;
  bool in_error = false;
  while (std::getline(in, line) && kept < 40) {
    if (line.rfind("FAILED:", 0) == 0 || line.rfind("ninja:", 0) == 0 || line.rfind("/usr/bin/c++", 0) == 0 ||
        line.rfind("[", 0) == 0) {
      in_error = false;
      continue;
    }
    if (line.find("error") != std::string::npos || line.find(": note:") != std::string::npos ||
        line.find("In function") != std::string::npos)
      in_error = true;
    if (in_error) {
      out += line + "\n";
      ++kept;
    }
  }
  return out.empty() ? log : out;
}

std::string attribute(const std::string& tag, const std::string& name) {
  const std::string key = " " + name + "=\"";
  const auto at = tag.find(key);
  if (at == std::string::npos) return "";
  const auto start = at + key.size();
  return tag.substr(start, tag.find('"', start) - start);
}

std::string decode_entities(std::string s) {
  static const std::pair<const char*, const char*> table[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&#10;", "\n"}, {"&#9;", "\t"}};
  for (const auto& [from, to] : table) {
    std::size_t at = 0;
    while ((at = s.find(from, at)) != std::string::npos) {
      s.replace(at, std::strlen(from), to);
      at += std::strlen(to);
    }
  }
  std::size_t at = 0;
  while ((at = s.find("&amp;", at)) != std::string::npos) {
    s.replace(at, 5, "&");
    ++at;
  }
  return s;
}

fs::path state_file(Workspace& ws, const Lesson& lesson) {
  return ws.build_dir() / "kata-state" / (lesson.name + ".txt");
}

fs::file_time_type newest_source(Workspace& ws, const Lesson& lesson) {
  // Not file_time_type{}: libstdc++'s file clock has its epoch in 2174, so zero is later than any file.
  auto newest = fs::file_time_type::min();
  for (const auto& s : lesson.learner_sources) {
    std::error_code ec;
    const auto t = fs::last_write_time(ws.root() / s, ec);
    if (!ec && t > newest) newest = t;
  }
  return newest;
}

std::string timed_out_message() {
  return "did not finish within the time limit (an infinite loop, or far too slow?)";
}

// Calls visit(tag, body) for each <testcase ...> element of a JUnit report (CTest's or Boost.Test's);
// body is empty for a self-closing element. False when the report is cut off inside an element.
bool for_each_testcase(const std::string& xml,
                       const std::function<void(const std::string& tag, const std::string& body)>& visit) {
  std::size_t pos = 0;
  while ((pos = xml.find("<testcase ", pos)) != std::string::npos) {
    const auto tag_end = xml.find('>', pos);
    if (tag_end == std::string::npos) return false;
    const std::string tag = xml.substr(pos, tag_end - pos);
    const bool self_closing = tag.back() == '/';
    const auto end = self_closing ? tag_end : xml.find("</testcase>", tag_end);
    if (end == std::string::npos) return false;
    visit(tag, self_closing ? std::string() : xml.substr(tag_end + 1, end - tag_end - 1));
    pos = end;
  }
  return true;
}

}  // namespace

std::string clean_message(const std::string& output) {
  // Boost.Test writes "path(line): error: in "suite/case": message" and continuation lines; keep the
  // messages and their continuation lines, drop the framing.
  static const std::regex framed(R"(^(.*?)\((\d+)\): (?:fatal )?error: in "[^"]*": (.*)$)");
  static const std::regex unknown(R"(^unknown location\(0\): fatal error: in "[^"]*": (.*)$)");
  std::istringstream in(output);
  std::string line, out;
  bool keep = false;
  while (std::getline(in, line)) {
    std::smatch m;
    if (line.rfind("Running ", 0) == 0 || line.find("last checkpoint") != std::string::npos ||
        line.rfind("*** ", 0) == 0 || line.empty()) {
      keep = false;
      continue;
    }
    if (std::regex_match(line, m, unknown)) {
      std::string msg = m[1];
      for (const char* prefix : {"kata::NotImplemented: ", "std::invalid_argument: "})
        if (msg.rfind(prefix, 0) == 0) msg = msg.substr(std::strlen(prefix));
      // Boost.Test's words for a crash or an exception that is not std::invalid_argument.
      if (msg.rfind("memory access violation", 0) == 0 || msg.rfind("signal: ", 0) == 0 ||
          msg.find("floating point error") != std::string::npos)
        msg = "crashed: " + msg + " (a null or dangling pointer, or an index out of range?)";
      else if (msg == "unknown type")
        msg = "threw something that is not a std::exception (e.g. `throw 42;`)";
      else if (msg.rfind("std::", 0) == 0 && msg.find(": ") != std::string::npos)
        msg = "threw an unexpected " + msg.substr(0, msg.find(": ")) + ": " + msg.substr(msg.find(": ") + 2);
      out += msg + "\n";
      keep = true;
    } else if (std::regex_match(line, m, framed)) {
      std::string file = m[1];
      const auto at = file.find("/tests/");
      if (at != std::string::npos) file = file.substr(at + 1);
      out += std::string(m[3]) + "  [" + file + ":" + std::string(m[2]) + "]\n";
      keep = true;
    } else if (keep) {
      out += line + "\n";
    } else if (line.find("error") != std::string::npos || line.find("Sanitizer") != std::string::npos) {
      out += line + "\n";
    }
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

std::vector<Check> parse_junit(const std::string& xml, const std::string& strip_prefix) {
  std::vector<Check> checks;
  for_each_testcase(xml, [&](const std::string& tag, const std::string& body) {
    Check c;
    c.name = decode_entities(attribute(tag, "name"));
    if (c.name.rfind(strip_prefix, 0) == 0) c.name = c.name.substr(strip_prefix.size());
    const std::string status = attribute(tag, "status");
    c.passed = status == "run";
    c.seconds = std::atof(attribute(tag, "time").c_str());
    std::string out;
    const auto so = body.find("<system-out>");
    if (so != std::string::npos) {
      const auto so_end = body.find("</system-out>", so);
      out = decode_entities(body.substr(so + 12, so_end - so - 12));
    }
    const std::string failure_message = decode_entities(attribute(body, "message"));
    c.timed_out = failure_message.find("Timeout") != std::string::npos;
    if (!c.passed) {
      c.not_implemented = out.find("not implemented yet") != std::string::npos;
      c.message = clean_message(out);
      if (c.timed_out)
        c.message = timed_out_message() +
                    (c.message.empty() ? "" : "\n" + c.message);
      else if (c.message.empty())
        c.message = failure_message.empty() ? "failed without a message (crashed?)" : failure_message;
    }
    checks.push_back(std::move(c));
  });
  return checks;
}

bool build_targets(Workspace& ws, const std::vector<std::string>& targets, const std::string& label,
                   std::string* errors) {
  ws.ensure_configured();
  // Ninja directly when the tree is a Ninja tree (every preset is): `cmake --build` would only start it.
  std::vector<std::string> argv;
  if (fs::exists(ws.build_dir() / "build.ninja") && on_path("ninja")) {
    argv = {"ninja", "-C", ws.build_dir().string()};
    argv.insert(argv.end(), targets.begin(), targets.end());
  } else {
    argv = {"cmake", "--build", ws.build_dir().string()};
    for (const auto& t : targets) {
      argv.push_back("--target");
      argv.push_back(t);
    }
  }
  ui::Progress progress(label);
  static const std::regex step(R"(^\[(\d+)/(\d+)\] )");
  ProcessOptions opts;
  opts.on_line = [&](const std::string& line) {
    std::smatch m;
    if (std::regex_search(line, m, step)) progress.update(std::stol(m[1]), std::stol(m[2]));
  };
  opts.on_tick = [&] { progress.tick(); };
  const auto result = run_process(argv, opts);
  progress.finish("");
  if (result.exit_code != 0 && errors != nullptr) *errors = compiler_errors(result.output);
  return result.exit_code == 0;
}

std::vector<Check> run_ctest(Workspace& ws, const std::string& regex, const std::string& strip_prefix,
                             const std::string& junit_name, const std::string& exclude_regex) {
  const fs::path junit = ws.build_dir() / "kata-reports" / (junit_name + ".xml");
  fs::create_directories(junit.parent_path());
  fs::remove(junit);
  // The checks are tiny processes that mostly wait on the loader: more of them than cores keeps both busy.
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::string> argv = {"ctest", "--test-dir", ws.build_dir().string(), "-R", regex, "-j",
                                   std::to_string(2 * cores), "--no-tests=ignore", "--output-junit", junit.string()};
  if (!exclude_regex.empty()) {
    argv.push_back("-E");
    argv.push_back(exclude_regex);
  }
  const auto ctest = run_process(argv);
  std::ifstream in(junit);
  std::stringstream xml;
  xml << in.rdbuf();
  auto checks = parse_junit(xml.str(), strip_prefix);
  // CTest's JUnit report does not say why a test failed; its console lines do:
  //   " 5/24 Test  #5: 01_train_dev_test/learner/shuffle_split/x ....***Timeout   3.05 sec"
  //   " 7/24 Test  #7: 01_train_dev_test/learner/split_sizes/y ......***Exception: SegFault  0.02 sec"
  static const std::regex verdict(R"(Test +#\d+: (\S+) \.*\s*\*\*\*(Timeout|Exception: ([A-Za-z ]+?)) +[0-9.]+ sec)");
  std::istringstream lines(ctest.output);
  std::string line;
  while (std::getline(lines, line)) {
    std::smatch m;
    if (!std::regex_search(line, m, verdict)) continue;
    std::string name = m[1];
    if (name.rfind(strip_prefix, 0) == 0) name = name.substr(strip_prefix.size());
    for (auto& c : checks) {
      if (c.name != name || c.passed) continue;
      if (m[2] == "Timeout") {
        c.timed_out = true;
        c.not_implemented = false;
        c.message = timed_out_message() +
                    (c.message.empty() || c.message.rfind("failed without", 0) == 0 ? "" : "\n" + c.message);
      } else if (c.message.rfind("failed without", 0) == 0) {
        c.message = "crashed (" + m[3].str() + ") before the check could report anything";
      }
    }
  }
  return checks;
}

namespace {


// Boost.Test's words when it caught a crash and carried on: the process may be damaged after that.
bool mentions_crash(const std::string& text) {
  for (const char* word : {"memory access violation", "signal: ", "floating point error", "system error",
                           "Sanitizer", "timed out", "timeout"})
    if (text.find(word) != std::string::npos) return true;
  return false;
}

// Boost.Test's console log at level unit_scope: "Entering test suite/case" and "Leaving ..." lines
// around each check's messages. Split by check; and if the run was cut off, which check was running.
struct ConsoleLog {
  std::map<std::string, std::string> by_check;  // "suite/case" -> its lines
  std::string running;                          // entered, not left (the one that hung)
  std::string last_finished;                    // the check before it
};

ConsoleLog split_console_log(const std::string& log) {
  static const std::regex scope(R"re(^(?:.*\(\d+\): )?(Entering|Leaving) test (case|suite|module) "([^"]*)")re");
  static const std::regex warning(R"re(: warning: in ")re");
  ConsoleLog out;
  std::vector<std::string> suites;
  std::istringstream in(log);
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_search(line, m, scope)) {
      const bool entering = m[1] == "Entering";
      if (m[2] == "suite") {
        if (entering) suites.push_back(m[3]);
        else if (!suites.empty()) suites.pop_back();
      } else if (m[2] == "case") {
        if (entering) {
          out.running.clear();
          for (const auto& suite : suites) out.running += suite + "/";
          out.running += m[3].str();
        } else {
          out.last_finished = out.running;
          out.running.clear();
        }
      }
      continue;
    }
    if (std::regex_search(line, warning)) continue;  // CTest's runs log errors only; keep them alike
    if (!out.running.empty()) out.by_check[out.running] += line + "\n";
  }
  return out;
}

// The fast path: every check of the lesson in ONE process (~20 ms for lesson 01, against ~0.4 s for 24
// CTest processes). Boost.Test's JUnit report says which checks failed, its console log says why.
struct OneProcessRun {
  std::optional<std::vector<Check>> checks;  // set when the run was clean
  std::string hung, before_hung;             // set when it was cut off inside a check
};

OneProcessRun one_process_run(Workspace& ws, const Lesson& lesson, const std::string& variant) {
  OneProcessRun result;
  const fs::path exe = ws.build_dir() / ("test_" + lesson.number + "_" + variant);
  const fs::path junit = ws.build_dir() / "kata-reports" / (lesson.name + "-" + variant + "-direct.xml");
  fs::create_directories(junit.parent_path());
  fs::remove(junit);
  // A whole lesson's checks take well under a second with working code; one check's time limit (10 s,
  // KATA_TEST_TIMEOUT) for all of them means something hangs.
  const double limit = std::atof(ws.config("test_timeout", "10").c_str());
  const auto run = run_process({exe.string(), "--logger=HRF,unit_scope,stdout:JUNIT,error," + junit.string(),
                                "--report_level=no", "--color_output=no"},
                               {.working_dir = ws.root().string(), .timeout_seconds = limit > 0 ? limit : 10});
  const auto log = split_console_log(run.output);
  if (run.timed_out) {
    result.hung = log.running;
    result.before_hung = log.last_finished;
    return result;
  }
  // 0: every check passed; 201: some failed. Anything else is a crash or an abort.
  if ((run.exit_code != 0 && run.exit_code != 201) || mentions_crash(run.output)) return result;
  std::ifstream in(junit);
  std::stringstream report;
  report << in.rdbuf();
  const std::string xml = report.str();
  if (xml.find("</testsuite>") == std::string::npos) return result;

  std::vector<Check> checks;
  const bool complete = for_each_testcase(xml, [&](const std::string& tag, const std::string& body) {
    Check c;
    std::string suite = decode_entities(attribute(tag, "classname"));
    std::replace(suite.begin(), suite.end(), '.', '/');
    c.name = (suite.empty() ? "" : suite + "/") + decode_entities(attribute(tag, "name"));
    c.seconds = std::atof(attribute(tag, "time").c_str());
    c.passed = body.find("<failure") == std::string::npos && body.find("<error") == std::string::npos &&
               body.find("<skipped") == std::string::npos;
    if (!c.passed) {
      const auto lines = log.by_check.find(c.name);
      const std::string text = lines == log.by_check.end() ? "" : lines->second;
      c.not_implemented = text.find("not implemented yet") != std::string::npos;
      c.message = clean_message(text);
      if (c.message.empty())
        c.message = body.find("<skipped") != std::string::npos ? "was skipped (a check must run)"
                                                               : "failed without a message";
    }
    checks.push_back(std::move(c));
  });
  if (complete && !checks.empty()) result.checks = std::move(checks);
  return result;
}

}  // namespace

std::string regex_escape(const std::string& text) {
  return std::regex_replace(text, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)");
}

std::optional<std::vector<Check>> run_in_one_process(Workspace& ws, const Lesson& lesson,
                                                     const std::string& variant) {
  return one_process_run(ws, lesson, variant).checks;
}

// One process for all checks first. When that is not clean, each check runs in its own CTest process, so
// a crash fails exactly one check; a check that hung in the one process has already used its time limit,
// so it is reported as timed out and only the others run again.
LessonResult check_lesson(Workspace& ws, const Lesson& lesson, const std::string& variant) {
  LessonResult result;
  const std::string target = "test_" + lesson.number + "_" + variant;
  result.built = build_targets(ws, {target}, "building " + lesson.name, &result.build_errors);
  if (result.built) {
    // KATA_ISOLATE=1: every check in its own process from the start (slower; for debugging the CLI).
    const char* isolate = std::getenv("KATA_ISOLATE");
    OneProcessRun fast;
    if (isolate == nullptr || std::string(isolate) != "1") fast = one_process_run(ws, lesson, variant);
    const std::string prefix = lesson.name + "/" + variant + "/";
    if (fast.checks) {
      result.checks = std::move(*fast.checks);
    } else if (!fast.hung.empty()) {
      result.checks = run_ctest(ws, "^" + prefix, prefix, lesson.name + "-" + variant,
                                "^" + regex_escape(prefix + fast.hung) + "$");
      Check hung;
      hung.name = fast.hung;
      hung.timed_out = true;
      hung.message = timed_out_message();
      auto at = std::find_if(result.checks.begin(), result.checks.end(),
                             [&](const Check& c) { return c.name == fast.before_hung; });
      result.checks.insert(at == result.checks.end() ? result.checks.begin() : at + 1, hung);
    } else {
      result.checks = run_ctest(ws, "^" + prefix, prefix, lesson.name + "-" + variant);
    }
  }
  if (variant == "learner") save_result(ws, lesson, result);
  return result;
}

void save_result(Workspace& ws, const Lesson& lesson, const LessonResult& result) {
  const fs::path file = state_file(ws, lesson);
  fs::create_directories(file.parent_path());
  std::ofstream(file) << result.passed() << "\t" << result.total() << "\t" << result.status() << "\n";
}

std::optional<SavedResult> load_result(Workspace& ws, const Lesson& lesson) {
  const fs::path file = state_file(ws, lesson);
  std::ifstream in(file);
  SavedResult r;
  if (!(in >> r.passed >> r.total)) return std::nullopt;
  in.ignore(1);
  std::getline(in, r.status);
  r.stale = newest_source(ws, lesson) > fs::last_write_time(file);
  return r;
}

void print_result(const Lesson& lesson, const LessonResult& result, int max_failures) {
  if (!result.built) {
    std::cout << ui::red("✗ " + lesson.name + " does not compile:") << "\n" << result.build_errors << "\n";
    return;
  }
  int shown = 0;
  std::vector<std::string> stub_messages;  // one "not implemented yet" per function is enough
  for (const auto& c : result.checks) {
    if (c.passed) {
      std::cout << ui::green("  ✓ ") << c.name << "\n";
      continue;
    }
    std::cout << ui::red("  ✗ ") << c.name << "\n";
    if (c.not_implemented) {
      if (std::find(stub_messages.begin(), stub_messages.end(), c.message) != stub_messages.end()) continue;
      stub_messages.push_back(c.message);
    }
    if (shown++ < max_failures) {
      std::istringstream msg(c.message);
      std::string line;
      while (std::getline(msg, line))
        std::cout << "      " << (c.not_implemented ? ui::yellow(line) : line) << "\n";
    }
  }
  const std::string summary = std::to_string(result.passed()) + " of " + std::to_string(result.total()) +
                              " checks pass";
  std::cout << "\n" << lesson.name << ": " << (result.status() == "done" ? ui::green(summary) : summary)
            << " — " << result.status() << "\n";
}

}  // namespace kata::cli
