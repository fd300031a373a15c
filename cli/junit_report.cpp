#include "junit_report.hpp"

#include <pugixml.hpp>

#include <cstdlib>
#include <cstring>
#include <sstream>

namespace kata::cli {

namespace {

std::string trim_blank_lines(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  while (!s.empty() && s.front() == '\n') s.erase(0, 1);
  return s;
}

// The text after `key` up to the end of its line, or (`block`) up to the next blank line.
std::string field(const std::string& text, const std::string& key, bool block = false) {
  const auto at = text.find(key);
  if (at == std::string::npos) return "";
  const auto start = at + key.size();
  auto end = text.find(block ? "\n\n" : "\n", start);
  if (end == std::string::npos) end = text.size();
  return trim_blank_lines(text.substr(start, end - start));
}

// 'text' -> text (Boost.Test quotes context messages).
std::string unquote(const std::string& s) {
  return s.size() >= 2 && s.front() == '\'' && s.back() == '\'' ? s.substr(1, s.size() - 2) : s;
}

// Boost.Test's text for an assertion:
//   ASSERTION FAILURE:\n- file   : x.cpp\n- line   : 35\n- message: what the check said\n  more lines\n
// and for an exception or a crash:
//   UNCAUGHT EXCEPTION:\n...EXCEPTION STACK TRACE: --------------\n<what>\n-------...\n\nLast checkpoint: ...
std::string problem_text(const std::string& body) {
  // The context Boost.Test records (BOOST_TEST_INFO / BOOST_TEST_CONTEXT; a data case's sample): which call
  // the problem happened in. "CONTEXT:\n- message one\n- message two\n".
  std::string context;
  if (const auto at = body.find("\nCONTEXT:\n"); at != std::string::npos) {
    std::istringstream lines(body.substr(at + 10));
    std::string line;
    while (std::getline(lines, line) && line.rfind("- ", 0) == 0) context += (context.empty() ? "" : "; ") + unquote(line.substr(2));
  }
  const std::string while_doing = context.empty() ? "" : "\n  while: " + context;
  if (body.find("EXCEPTION STACK TRACE:") != std::string::npos) {
    const auto start = body.find('\n', body.find("EXCEPTION STACK TRACE:"));
    const auto end = body.find("\n-------------------------------------", start);
    if (start != std::string::npos)
      return trim_blank_lines(body.substr(start + 1, end == std::string::npos ? std::string::npos : end - start - 1)) +
             while_doing;
  }
  std::string message = field(body, "- message: ", true);
  if (message.empty()) return trim_blank_lines(body);
  // An assertion's context comes inside its block: "\n- context:\n  - 'f(2)'".
  if (const auto at = message.find("\n- context:\n"); at != std::string::npos) {
    std::istringstream lines(message.substr(at + 13));
    std::string line, assertion_context;
    while (std::getline(lines, line))
      if (line.rfind("  - ", 0) == 0) assertion_context += (assertion_context.empty() ? "" : "; ") + unquote(line.substr(4));
    message = message.substr(0, at) + (assertion_context.empty() ? "" : "\n  while: " + assertion_context);
  }
  const std::string file = field(body, "- file   : ");
  const std::string line = field(body, "- line   : ");
  // The helpers in kata_test.hpp are where most checks fail; the check's own file says more.
  if (!file.empty() && file != "kata_test.hpp" && file != "test_main.cpp" && file != "unknown location")
    message += "  [" + file + ":" + line + "]";
  return message;
}

std::string full_name(const pugi::xml_node& testcase) {
  std::string suite = testcase.attribute("classname").value();
  for (char& c : suite)
    if (c == '.') c = '/';
  const std::string name = testcase.attribute("name").value();
  return suite.empty() ? name : suite + "/" + name;
}

}  // namespace

BoostReport read_boost_report(const std::filesystem::path& file) {
  BoostReport report;
  pugi::xml_document doc;
  const auto parsed = doc.load_file(file.c_str());
  if (!parsed) {
    report.error = std::filesystem::exists(file) ? std::string("unreadable report: ") + parsed.description()
                                                 : std::string("no report");
    return report;
  }
  const auto suite = doc.child("testsuite");
  if (!suite) {
    report.error = "the report has no <testsuite>";
    return report;
  }
  for (const auto& tc : suite.children("testcase")) {
    ReportedCase c;
    c.name = full_name(tc);
    c.seconds = tc.attribute("time").as_double();
    if (tc.child("skipped")) c.status = ReportedCase::Status::skipped;
    else if (tc.child("failure") || tc.child("error")) c.status = ReportedCase::Status::failed;
    else c.status = ReportedCase::Status::passed;
    for (const auto& problem : tc.children()) {
      const std::string kind = problem.name();
      if (kind != "failure" && kind != "error") continue;
      if (std::strcmp(problem.attribute("type").value(), "system fatal error") == 0 ||
          std::strcmp(problem.attribute("type").value(), "system error") == 0)
        c.system_error = true;
      c.problems.push_back(problem_text(problem.text().get()));
    }
    report.cases.push_back(std::move(c));
  }
  report.readable = true;
  return report;
}

std::vector<CTestCase> read_ctest_report(const std::filesystem::path& file) {
  std::vector<CTestCase> cases;
  pugi::xml_document doc;
  if (!doc.load_file(file.c_str())) return cases;
  for (const auto& tc : doc.child("testsuite").children("testcase")) {
    CTestCase c;
    c.name = tc.attribute("name").value();
    c.passed = std::strcmp(tc.attribute("status").value(), "run") == 0;
    const std::string failure = tc.child("failure").attribute("message").value();
    c.timed_out = failure.find("Timeout") != std::string::npos;
    c.output = tc.child("system-out").text().get();
    cases.push_back(std::move(c));
  }
  return cases;
}

}  // namespace kata::cli
