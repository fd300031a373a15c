#include "grade.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>

#include "build.hpp"
#include "build_lock.hpp"
#include "check_runner.hpp"
#include "lesson_check.hpp"
#include "messages.hpp"
#include "process.hpp"
#include "report_writer.hpp"
#include "tamper.hpp"
#include "ui.hpp"

namespace kata::cli {

namespace {

std::string learner_name(const std::string& given, const fs::path& root) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv("KATA_LEARNER"); env != nullptr && *env != '\0') return env;
  const auto git = run_process({"git", "-C", root.string(), "config", "user.name"});
  std::string name = git.exit_code == 0 ? git.output : "";
  while (!name.empty() && (name.back() == '\n' || name.back() == '\r')) name.pop_back();
  return name.empty() ? "unknown" : name;
}

// One line for GitHub Actions' log, shown as an annotation on the run (and the file when given).
void github_annotation(const std::string& title, const std::string& message) {
  std::string text = message;
  for (std::size_t at = 0; (at = text.find('\n', at)) != std::string::npos;) text.replace(at, 1, "%0A");
  std::cout << "::error title=" << title << "::" << text << "\n";
}

std::string percent(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%5.1f%%", 100 * x);
  return buf;
}

}  // namespace

int cmd_grade(const GradeOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  set_activity("kata grade");
  Workspace ws("grade");
  const fs::path manifest = options.manifest.empty() ? ws.root() / "tests" / "protected.sha256" : fs::path(options.manifest);
  std::error_code ec;
  fs::path extra;
  if (!options.extra_tests.empty()) {
    extra = fs::absolute(options.extra_tests, ec);
    if (!fs::is_directory(extra, ec)) {
      std::cerr << tr("grade.extra_not_folder", {options.extra_tests}) << "\n";
      return 2;
    }
  }
  // A fresh build folder: nothing of the learner's earlier builds takes part.
  {
    BuildLock lock(ws.build_dir(), "kata grade");
    fs::remove_all(ws.build_dir(), ec);
    const auto configure = run_process({"cmake", "--preset", "grade", "-DKATA_EXTRA_TESTS=" + extra.string()},
                                       {.working_dir = ws.root().string()});
    if (configure.exit_code != 0) {
      std::cerr << configure.output << tr("grade.configure_failed") << "\n";
      return 1;
    }
  }
  const std::string learner = learner_name(options.learner, ws.root());
  const auto& lessons = ws.lessons();
  const auto tampering = detect_tampering(ws.root(), manifest, lessons);
  if (!tampering.manifest_readable) {
    std::cerr << tr("grade.manifest_problem", {tampering.problem}) << "\n";
    return 1;
  }
  std::cout << ui::bold(tr("grade.heading", {learner})) << "\n";
  if (!tampering.changed.empty()) {
    std::cout << ui::red(tr("grade.tampered", {manifest.string()})) << "\n";
    for (const auto& c : tampering.changed) std::cout << "  " << c << "\n";
  }

  std::vector<LessonReport> reports;
  for (const auto& lesson : lessons) {
    LessonReport report;
    report.lesson = &lesson;
    if (const auto t = tampering.lessons.find(lesson.name); t != tampering.lessons.end()) {
      report.tampered = t->second;
      report.result.built = false;
      reports.push_back(std::move(report));
      continue;
    }
    CheckOptions check;
    check.isolate_all = true;  // every check in a process of its own: no check can disturb another
    check.save = false;
    report = report_for(ws, lesson, check_lesson(ws, lesson, check), "learner");
    const std::string extra_target = "test_" + lesson.number + "_extra";
    if (!extra.empty() && fs::is_directory(extra / lesson.name, ec)) {
      const auto build = build_targets(ws, {extra_target}, tr("grade.building_extra", {lesson.name}));
      if (build.ok) {
        RunnerOptions o;
        o.working_dir = ws.root();
        o.report_dir = ws.build_dir() / "kata-reports";
        o.report_stem = lesson.name + "-extra";
        o.time_limit = check_time_limit(ws);
        o.memory_limit_mb = learner_memory_limit_mb();
        o.isolate_all = true;
        report.extra = run_checks(ws.build_dir() / extra_target, o);
      } else {
        Check c;
        c.name = "(the extra checks do not compile)";
        c.message = build.broken ? build.problem : build.errors;
        report.extra.push_back(c);
      }
    }
    reports.push_back(std::move(report));
  }

  // The score table, per lesson and task.
  // Padded by display width: the Korean column names and status words take 2 columns a syllable.
  std::cout << "\n"
            << ui::bold(ui::pad(tr("grade.col.lesson"), 28) + " " + ui::pad(tr("grade.col.status"), 16) + " " +
                        ui::pad_left(tr("grade.col.checks"), 7) + " " + ui::pad_left(tr("grade.col.extra"), 7) + "  " +
                        ui::pad_left(tr("grade.col.score"), 6))
            << "\n";
  double sum = 0;
  for (const auto& r : reports) {
    const double score = lesson_score(r);
    sum += score;
    int extra_passed = 0;
    for (const auto& c : r.extra) extra_passed += c.passed ? 1 : 0;
    const std::string status = status_word(r.tampered.empty() ? r.result.status() : "not graded");
    const std::string checks = r.tampered.empty() && r.result.built
                                   ? std::to_string(r.result.passed()) + "/" + std::to_string(r.result.total())
                                   : "-";
    const std::string extras = r.extra.empty() ? "-" : std::to_string(extra_passed) + "/" + std::to_string(r.extra.size());
    std::printf("%-28s %s %7s %7s  %s\n", r.lesson->name.c_str(), ui::pad(status, 16).c_str(), checks.c_str(),
                extras.c_str(), percent(score).c_str());
    if (!r.tampered.empty()) {
      const auto shown = tampering.lessons_shown.find(r.lesson->name);
      std::cout << tr("grade.score0", {shown == tampering.lessons_shown.end() ? r.tampered : shown->second}) << "\n";
    }
    for (const auto& t : r.result.tasks())
      if (t.number > 0)
        std::printf("    %s %s %3d/%-3d\n", tr("grade.task", {t.number}).c_str(), ui::pad(t.title.substr(0, 38), 38).c_str(),
                    t.passed, t.total);
    if (options.github_annotations) {
      if (!r.tampered.empty()) github_annotation(tr("grade.annotation_not_graded", {r.lesson->name}), r.tampered);
      else if (!r.result.built) github_annotation(tr("grade.annotation_no_compile", {r.lesson->name}), r.result.build_errors);
      for (const auto& c : r.result.checks)
        if (!c.passed) github_annotation(r.lesson->name + "/" + c.name, c.message);
    }
  }
  const double overall = reports.empty() ? 0 : sum / static_cast<double>(reports.size());
  std::cout << "\n" << tr("grade.overall", {percent(overall)}) << "\n";
  write_reports(reports, options.files, learner);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << tr("grade.took", {static_cast<long>(seconds + 0.5)}) << "\n";
  return 0;
}

int cmd_grade_class(const std::string& dir, const std::string& csv) {
  using nlohmann::json;
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".json") files.push_back(e.path());
  if (ec || files.empty()) {
    std::cerr << tr("grade.class_empty", {dir}) << "\n";
    return 2;
  }
  std::sort(files.begin(), files.end());
  std::string table = "learner,lesson,score,tampered\n";
  std::map<std::string, std::pair<int, int>> rates;  // check -> passed, runs
  auto quote = [](std::string s) {
    for (std::size_t at = 0; (at = s.find('"', at)) != std::string::npos; at += 2) s.insert(at, "\"");
    return "\"" + s + "\"";
  };
  for (const auto& file : files) {
    json doc;
    try {
      std::ifstream in(file);
      doc = json::parse(in);
    } catch (const std::exception& e) {
      std::cerr << tr("grade.class_skipping", {file.string(), e.what()}) << "\n";
      continue;
    }
    const std::string learner = doc["kata"].value("learner", file.stem().string());
    // One lesson's file holds its results at the top; a workspace's, under "lessons".
    std::vector<std::pair<json, json>> lessons;  // summary, results
    if (doc.contains("lessons")) {
      for (const auto& s : doc["kata"]["lessons"]) lessons.emplace_back(s, doc["lessons"][s["lesson"].get<std::string>()]);
    } else {
      lessons.emplace_back(doc["kata"], doc);
    }
    for (const auto& [summary, results] : lessons) {
      const std::string lesson = summary.value("lesson", "?");
      char score[16];
      std::snprintf(score, sizeof score, "%.4f", summary.value("score", 0.0));
      table += quote(learner) + "," + lesson + "," + score + "," + quote(summary.value("tampered", "")) + "\n";
      for (const auto& t : results.value("tests", json::array())) {
        auto& [passed, runs] = rates[lesson + "/" + t.value("name", "?")];
        passed += t.value("status", "") == "pass" ? 1 : 0;
        ++runs;
      }
    }
  }
  if (csv.empty()) std::cout << table;
  else {
    std::ofstream(csv) << table;
    std::cout << tr("grade.class_scores", {files.size(), csv}) << "\n";
  }
  std::vector<std::pair<double, std::string>> ordered;
  for (const auto& [check, counts] : rates)
    ordered.emplace_back(static_cast<double>(counts.first) / counts.second, check);
  std::sort(ordered.begin(), ordered.end());
  std::cout << "\n" << tr("grade.class_least") << "\n";
  for (std::size_t i = 0; i < ordered.size() && i < 20; ++i)
    std::cout << "  " << percent(ordered[i].first) << "  " << ordered[i].second << "\n";
  return 0;
}

int cmd_record_manifest() {
  Workspace ws;
  const fs::path manifest = ws.root() / "tests" / "protected.sha256";
  record_manifest(ws.root(), manifest);
  std::cout << tr("grade.recorded", {manifest.string()}) << "\n";
  return 0;
}

}  // namespace kata::cli
