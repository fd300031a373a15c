#include "report_writer.hpp"

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "messages.hpp"

namespace kata::cli {

namespace {

using nlohmann::json;

// Exercism caps a test's output at 500 characters, and says so when it cut.
constexpr std::size_t kOutputCap = 500;

// pass, fail, or error: a check that could not run to its verdict (not written yet, crashed, threw,
// hung, ended the program) is an error; a wrong answer is a failure.
std::string test_status(const Check& c) {
  if (c.passed) return "pass";
  if (c.not_implemented || c.timed_out) return "error";
  for (const char* prefix : {"crashed", "threw", "the program", "your code called exit", "was ended", "aborted",
                             "was killed", "used too much memory", "printed more than", "memory error",
                             "memory leak", "undefined behaviour", "the test program"})
    if (c.message.rfind(prefix, 0) == 0) return "error";
  return "fail";
}

// Cut at a UTF-8 character boundary, so the JSON stays valid text.
std::string capped_output(const std::string& output) {
  if (output.size() <= kOutputCap) return output;
  std::size_t cut = kOutputCap;
  while (cut > 0 && (static_cast<unsigned char>(output[cut]) & 0xC0) == 0x80) --cut;
  return output.substr(0, cut) + "\n[output truncated: only the first 500 characters are kept]";
}

// Text as valid UTF-8 (a learner's output may hold any bytes): invalid bytes become U+FFFD.
std::string valid_utf8(const std::string& text) {
  return json::parse(json(text).dump(-1, ' ', false, json::error_handler_t::replace)).get<std::string>();
}

// Text an XML 1.0 document may hold: valid UTF-8 without control characters but tab and line breaks.
std::string xml_text(const std::string& text) {
  std::string out = valid_utf8(text);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') c = '?';
  return out;
}

json summary(const LessonReport& r) {
  json tasks = json::array();
  for (const auto& t : r.result.tasks())
    if (t.number > 0)
      tasks.push_back({{"task_id", t.number}, {"title", t.title}, {"passed", t.passed}, {"total", t.total}});
  json s = {{"lesson", r.lesson->name}, {"status", r.result.status()}, {"passed", r.result.passed()},
            {"total", r.result.total()}, {"tasks", tasks}, {"score", lesson_score(r)}};
  if (!r.extra.empty()) {
    int passed = 0;
    for (const auto& c : r.extra) passed += c.passed ? 1 : 0;
    s["extra_tests"] = {{"passed", passed}, {"total", r.extra.size()}};
  }
  if (!r.tampered.empty()) s["tampered"] = r.tampered;
  return s;
}

json test_entry(const Check& c, const std::string& code) {
  json t = {{"name", valid_utf8(c.name)}, {"test_code", valid_utf8(code)}, {"status", test_status(c)}};
  t["message"] = c.passed ? json(nullptr) : json(valid_utf8(c.message));
  if (!c.output.empty()) t["output"] = valid_utf8(capped_output(c.output));
  if (c.task > 0) t["task_id"] = c.task;
  return t;
}

json results(const LessonReport& r) {
  json doc = {{"version", 3}};
  if (!r.tampered.empty()) {
    doc["status"] = "error";
    doc["message"] = "not graded: " + r.tampered;
    doc["tests"] = json::array();
    return doc;
  }
  if (!r.result.built) {
    doc["status"] = "error";
    doc["message"] = valid_utf8((r.result.build_broken ? "the build failed (not the code's fault): "
                                                        : "the code does not compile:\n") + r.result.build_errors);
    doc["tests"] = json::array();
    return doc;
  }
  json tests = json::array();
  bool all_pass = true;
  for (const auto& c : r.result.checks) {
    const auto code = r.test_code.find(c.name);
    tests.push_back(test_entry(c, code == r.test_code.end() ? "" : code->second));
    all_pass = all_pass && c.passed;
  }
  for (const auto& c : r.extra) {
    tests.push_back(test_entry(c, ""));
    tests.back()["name"] = "extra/" + tests.back()["name"].get<std::string>();
    all_pass = all_pass && c.passed;
  }
  if (r.result.status() == "not verified") {
    // Every check passed, but the memory check could not run: not a pass.
    tests.push_back({{"name", "memory check (AddressSanitizer + UBSan)"}, {"test_code", ""}, {"status", "error"},
                     {"message", r.result.memory_note}});
    all_pass = false;
  }
  doc["status"] = all_pass ? "pass" : "fail";
  doc["message"] = nullptr;
  doc["tests"] = tests;
  return doc;
}

std::string seconds_text(double seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", seconds);
  return buf;
}

void write_text(const std::filesystem::path& file, const std::string& text) {
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error(tr("file.cannot_write", {file.string()}));
}

}  // namespace

double lesson_score(const LessonReport& r) {
  if (!r.tampered.empty()) return 0;
  int passed = r.result.status() == "not verified" ? 0 : r.result.passed();
  int total = r.result.built ? r.result.total() : 0;
  for (const auto& c : r.extra) {
    passed += c.passed ? 1 : 0;
    ++total;
  }
  return total == 0 ? 0.0 : static_cast<double>(passed) / total;
}

void write_json(const std::filesystem::path& file, const std::vector<LessonReport>& reports, const std::string& learner) {
  json doc;
  if (reports.size() == 1) {
    doc = results(reports.front());
    doc["kata"] = summary(reports.front());
    if (!learner.empty()) doc["kata"]["learner"] = learner;
  } else {
    json lessons = json::object(), summaries = json::array();
    for (const auto& r : reports) {
      lessons[r.lesson->name] = results(r);
      summaries.push_back(summary(r));
    }
    doc = {{"kata", {{"lessons", summaries}}}, {"lessons", lessons}};
    if (!learner.empty()) doc["kata"]["learner"] = learner;
  }
  write_text(file, doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
}

void write_junit(const std::filesystem::path& file, const std::vector<LessonReport>& reports) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto suites = doc.append_child("testsuites");
  suites.append_attribute("name") = "dl-practice-kata";
  int all_tests = 0, all_failures = 0, all_errors = 0;
  for (const auto& r : reports) {
    auto suite = suites.append_child("testsuite");
    suite.append_attribute("name") = r.lesson->name.c_str();
    int tests = 0, failures = 0, errors = 0;
    double seconds = 0;
    auto add_case = [&](const std::string& classname, const std::string& name, const std::string& status,
                        const std::string& message, const std::string& output, double time) {
      auto tc = suite.append_child("testcase");
      tc.append_attribute("classname") = xml_text(classname).c_str();
      tc.append_attribute("name") = xml_text(name).c_str();
      tc.append_attribute("time") = seconds_text(time).c_str();
      ++tests;
      seconds += time;
      if (status != "pass") {
        auto problem = tc.append_child(status == "error" ? "error" : "failure");
        const std::string text = xml_text(message);
        problem.append_attribute("message") = text.substr(0, text.find('\n')).c_str();
        problem.append_attribute("type") = status.c_str();
        problem.text().set(text.c_str());
        (status == "error" ? errors : failures)++;
      }
      if (!output.empty()) tc.append_child("system-out").text().set(xml_text(capped_output(output)).c_str());
    };
    if (!r.tampered.empty()) add_case(r.lesson->name, "(tamper check)", "error", "not graded: " + r.tampered, "", 0);
    else if (!r.result.built) add_case(r.lesson->name, "(build)", "error", r.result.build_errors, "", 0);
    else {
      for (const auto& c : r.result.checks)
        add_case(r.lesson->name + (c.task > 0 ? ".task_" + std::to_string(c.task) : ""), c.name, test_status(c), c.message,
                 c.output, c.seconds);
      for (const auto& c : r.extra)
        add_case(r.lesson->name + ".extra", c.name, test_status(c), c.message, c.output, c.seconds);
      if (r.result.status() == "not verified")
        add_case(r.lesson->name, "memory check (AddressSanitizer + UBSan)", "error", r.result.memory_note, "", 0);
    }
    suite.append_attribute("tests") = tests;
    suite.append_attribute("failures") = failures;
    suite.append_attribute("errors") = errors;
    suite.append_attribute("skipped") = 0;
    suite.append_attribute("time") = seconds_text(seconds).c_str();
    all_tests += tests;
    all_failures += failures;
    all_errors += errors;
  }
  suites.append_attribute("tests") = all_tests;
  suites.append_attribute("failures") = all_failures;
  suites.append_attribute("errors") = all_errors;
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  if (!doc.save_file(file.c_str(), "  ", pugi::format_default, pugi::encoding_utf8))
    throw std::runtime_error(tr("file.cannot_write", {file.string()}));
}

}  // namespace kata::cli
