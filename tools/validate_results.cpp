// kata_validate_results RESULTS.json [JUNIT.xml]
//
// Checks a results file of `kata check --json` / `kata grade --json` against the shape of Exercism's
// test-runner interface, version 3 (https://exercism.org/docs/building/tooling/test-runners/interface):
// a top-level "version" 3 and "status" pass|fail|error; "message" a string when the status is error;
// "tests" in file order, each with a "name", "test_code" and "status" pass|fail|error, a "message" string
// unless it passed, an "output" of at most 500 characters (plus kata's one-line truncation note) and a
// numeric "task_id" when present. A workspace file holds such an object per lesson under "lessons".
// With a second argument it also parses the JUnit XML with pugixml and checks its counts. Prints every
// problem; exit status 0 when there is none. Used by the CLI's own tests (tests/cli/grading.sh).
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <fstream>
#include <iostream>
#include <set>
#include <string>

using nlohmann::json;

namespace {

int problems = 0;

void problem(const std::string& where, const std::string& what) {
  std::cout << where << ": " << what << "\n";
  ++problems;
}

std::size_t utf8_characters(const std::string& s) {
  std::size_t n = 0;
  for (const unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

void check_results(const json& r, const std::string& where) {
  if (!r.is_object()) return problem(where, "not an object");
  if (r.value("version", 0) != 3) problem(where, "\"version\" must be 3");
  const std::set<std::string> statuses = {"pass", "fail", "error"};
  const std::string status = r.contains("status") && r["status"].is_string() ? r["status"].get<std::string>() : "";
  if (!statuses.count(status)) problem(where, "\"status\" must be pass, fail or error");
  if (status == "error" && !(r.contains("message") && r["message"].is_string() && !r["message"].get<std::string>().empty()))
    problem(where, "status error needs a \"message\"");
  if (r.contains("message") && r["message"].is_string() && r["message"].get<std::string>().size() > 65535)
    problem(where, "\"message\" longer than 65535");
  if (status == "pass" || status == "fail") {
    if (!r.contains("tests") || !r["tests"].is_array()) return problem(where, "status pass/fail needs a \"tests\" array");
  }
  if (!r.contains("tests")) return;
  bool any_failed = false;
  for (std::size_t i = 0; i < r["tests"].size(); ++i) {
    const json& t = r["tests"][i];
    const std::string at = where + ".tests[" + std::to_string(i) + "]";
    for (const char* key : {"name", "test_code", "status"})
      if (!t.contains(key) || !t[key].is_string()) problem(at, std::string("needs a string \"") + key + "\"");
    const std::string ts = t.value("status", "");
    if (!statuses.count(ts)) problem(at, "\"status\" must be pass, fail or error");
    if (ts != "pass") {
      any_failed = true;
      if (!t.contains("message") || !t["message"].is_string()) problem(at, "a failed test needs a \"message\"");
    }
    if (t.contains("output")) {
      const std::string out = t["output"].get<std::string>();
      const auto note = out.find("\n[output truncated");
      if (utf8_characters(note == std::string::npos ? out : out.substr(0, note)) > 500)
        problem(at, "\"output\" longer than 500 characters");
    }
    if (t.contains("task_id") && !t["task_id"].is_number_integer()) problem(at, "\"task_id\" must be an integer");
  }
  if (status == "pass" && any_failed) problem(where, "status pass with a test that did not pass");
  if (status == "fail" && !any_failed) problem(where, "status fail but every test passed");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: kata_validate_results RESULTS.json [JUNIT.xml]\n";
    return 2;
  }
  json doc;
  try {
    std::ifstream in(argv[1]);
    doc = json::parse(in);
  } catch (const std::exception& e) {
    std::cout << argv[1] << ": not JSON: " << e.what() << "\n";
    return 1;
  }
  if (doc.contains("lessons") && doc["lessons"].is_object()) {
    for (const auto& [name, r] : doc["lessons"].items()) check_results(r, name);
  } else {
    check_results(doc, argv[1]);
  }
  if (!doc.contains("kata")) problem(argv[1], "no \"kata\" summary");
  if (argc > 2) {
    pugi::xml_document xml;
    const auto parsed = xml.load_file(argv[2]);
    if (!parsed) {
      problem(argv[2], std::string("not XML: ") + parsed.description());
    } else {
      int cases = 0;
      for (const auto& suite : xml.child("testsuites").children("testsuite")) {
        int n = 0;
        for (const auto& tc : suite.children("testcase")) {
          ++n;
          if (std::string(tc.attribute("classname").value()).empty() || std::string(tc.attribute("name").value()).empty())
            problem(argv[2], "a testcase without classname or name");
        }
        if (n != suite.attribute("tests").as_int()) problem(argv[2], "a testsuite's tests count is wrong");
        cases += n;
      }
      if (cases != xml.child("testsuites").attribute("tests").as_int()) problem(argv[2], "the total tests count is wrong");
    }
  }
  std::cout << problems << " problem(s)\n";
  return problems == 0 ? 0 : 1;
}
