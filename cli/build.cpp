#include "build.hpp"

#include <cctype>
#include <sstream>

#include "messages.hpp"
#include "shipped_stubs.hpp"
#include "process.hpp"
#include "ui.hpp"

namespace kata::cli {

namespace {

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// "[12/56] Building CXX object ..." -> 12, 56 (ninja's status line; parsed by hand, no regex).
bool ninja_step(const std::string& line, long* done, long* total) {
  if (line.size() < 5 || line[0] != '[') return false;
  const auto slash = line.find('/');
  const auto close = line.find(']');
  if (slash == std::string::npos || close == std::string::npos || slash > close || close > 24) return false;
  try {
    *done = std::stol(line.substr(1, slash - 1));
    *total = std::stol(line.substr(slash + 1, close - slash - 1));
  } catch (const std::exception&) {
    return false;
  }
  return true;
}

// A lesson folder without a single .cpp file (its file deleted, or renamed to another extension): CMake
// cannot define that lesson's library any more, and as every lesson is built by the same tree nothing would
// build, with a message about CMake. Says which lesson and how to get its file back; "" when all is well.
std::string lessons_without_code(Workspace& ws) {
  std::string out;
  for (const Lesson& lesson : ws.lessons()) {
    const fs::path dir = lesson.folder("lessons");
    std::error_code ec;
    bool has_code = false;
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.path().extension() == ".cpp") has_code = true;
    if (has_code) continue;
    // The files the lesson shipped with (the manifest may have lost them when CMake last failed).
    std::string files;
    for (const auto& path : shipped_stub_files(lesson)) files += (files.empty() ? "" : ", ") + path;
    out += tr("build.lesson_without_code", {lesson.shown(dir, ws.root()), files.empty() ? "?" : files, lesson.number}) +
           "\n";
  }
  return out;
}

}  // namespace

std::string compiler_errors(const std::string& log) {
  std::istringstream in(log);
  std::string line, out;
  int kept = 0;
  bool in_error = false;
  while (std::getline(in, line) && kept < 40) {
    if (starts_with(line, "FAILED:") || starts_with(line, "ninja:") || starts_with(line, "/usr/bin/") ||
        starts_with(line, "[")) {
      in_error = false;
      continue;
    }
    if (line.find("error") != std::string::npos || line.find(": note:") != std::string::npos ||
        line.find("In function") != std::string::npos || line.find("undefined reference") != std::string::npos)
      in_error = true;
    if (in_error) {
      out += line.substr(0, 400) + "\n";
      ++kept;
    }
  }
  return out.empty() ? log.substr(0, 4000) : out;
}

std::string build_infrastructure_problem(const std::string& log) {
  static const char* const causes[] = {"Permission denied", "Read-only file system", "No space left on device",
                                       "Disk quota exceeded", "Operation not permitted", "unable to remove file", "terminated with signal", "unable to open output file",
                                       "cannot open output file", "ninja: error:", "ninja: fatal:",
                                       "Too many open files", "Cannot allocate memory"};
  std::istringstream in(log);
  std::string line;
  while (std::getline(in, line)) {
    // Source lines a diagnostic quotes ("   12 |   throw ...") are the learner's text, not a cause.
    if (line.empty() || line[0] == ' ' || line[0] == '\t' || line.find(" | ") != std::string::npos) continue;
    for (const char* cause : causes)
      if (line.find(cause) != std::string::npos) return line.substr(0, 300);
  }
  return "";
}

BuildOutcome build_targets(Workspace& ws, const std::vector<std::string>& targets, const std::string& label) {
  ws.ensure_configured();
  if (std::string missing = lessons_without_code(ws); !missing.empty()) {
    BuildOutcome outcome;
    outcome.errors = std::move(missing);  // shown like a compiler's message: the learner can fix it
    return outcome;
  }
  // Ninja directly when the tree is a Ninja tree (every preset is): `cmake --build` would only start it.
  std::vector<std::string> argv;
  if (fs::exists(ws.build_dir() / "build.ninja") && on_path("ninja")) {
    argv = {"ninja", "-C", ws.build_dir().string()};
    argv.insert(argv.end(), targets.begin(), targets.end());
  } else {
    argv = {"cmake", "--build", ws.build_dir().string()};
    for (const auto& t : targets) {
      if (t.empty() || t[0] == '-' || (t.size() < 3 && std::isdigit(static_cast<unsigned char>(t[0])))) continue;  // ninja's own flags
      argv.push_back("--target");
      argv.push_back(t);
    }
  }
  ui::Progress progress(label);
  ProcessOptions opts;
  opts.on_line = [&](const std::string& line) {
    long done = 0, total = 0;
    if (ninja_step(line, &done, &total)) progress.update(done, total);
  };
  opts.on_tick = [&] { progress.tick(); };
  const auto result = run_process(argv, opts);
  progress.finish("");
  BuildOutcome outcome;
  outcome.ok = result.exit_code == 0;
  if (outcome.ok) return outcome;
  outcome.problem = build_infrastructure_problem(result.output);
  if (result.signal != 0 && outcome.problem.empty())
    outcome.problem = tr("build.signal", {result.signal});
  outcome.broken = !outcome.problem.empty();
  if (!outcome.broken) outcome.errors = compiler_errors(result.output);
  return outcome;
}

}  // namespace kata::cli
