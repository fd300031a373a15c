#include "results_store.hpp"

#include <algorithm>

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "messages.hpp"
#include "source_state.hpp"

namespace kata::cli {

namespace {
fs::path state_file(Workspace& ws, const Lesson& lesson) {
  return ws.build_dir() / "kata-state" / (lesson.name + ".txt");
}
}  // namespace

bool write_file_atomically(const fs::path& file, const std::string& text, std::string* why) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  const fs::path tmp = file.string() + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      *why = tr("file.cannot_write_because", {tmp.string(), std::strerror(errno)});
      return false;
    }
    out << text;
    out.flush();
    if (!out) {
      *why = tr("file.cannot_write_because", {tmp.string(), std::strerror(errno)});
      fs::remove(tmp, ec);
      return false;
    }
  }
  fs::rename(tmp, file, ec);
  if (ec) {
    *why = tr("file.cannot_write_because", {file.string(), ec.message()});
    fs::remove(tmp, ec);
    return false;
  }
  return true;
}

bool save_result(Workspace& ws, const Lesson& lesson, const LessonResult& result, std::string* why) {
  // A lesson that does not compile keeps the number of checks it had ("0/42", not "0/0").
  int total = result.total(), tasks_done = 0, tasks = 0, current_task = 0;
  if (!result.built) {
    if (const auto before = load_result(ws, lesson)) {
      total = before->total;
      tasks = before->tasks;
    }
  } else {
    for (const auto& t : result.tasks())  // in task order
      if (t.number > 0) {
        ++tasks;
        tasks_done += t.done() ? 1 : 0;
        if (!t.done() && current_task == 0) current_task = t.number;
      }
  }
  std::ostringstream line;
  line << result.passed() << "\t" << total << "\t" << result.status() << "\t" << lesson_fingerprint(ws, lesson)
       << "\t" << tasks_done << "\t" << tasks << "\t" << current_task << "\n";
  return write_file_atomically(state_file(ws, lesson), line.str(), why);
}

std::optional<SavedResult> load_result(Workspace& ws, const Lesson& lesson) {
  std::ifstream in(state_file(ws, lesson));
  std::string line;
  if (!std::getline(in, line)) return std::nullopt;
  std::istringstream fields(line);
  SavedResult r;
  std::string passed, total, fingerprint;
  if (!std::getline(fields, passed, '\t') || !std::getline(fields, total, '\t') ||
      !std::getline(fields, r.status, '\t') || !std::getline(fields, fingerprint, '\t'))
    return std::nullopt;
  if (!fingerprint.empty() && fingerprint.back() == '\n') fingerprint.pop_back();
  std::string tasks_done, tasks;
  try {
    r.passed = std::stoi(passed);
    r.total = std::stoi(total);
    if (std::getline(fields, tasks_done, '\t') && std::getline(fields, tasks, '\t')) {
      r.tasks_done = std::stoi(tasks_done);
      r.tasks = std::stoi(tasks);
    }
    // Saved by an older kata without the field: the task after the finished ones.
    std::string current;
    r.current_task = std::getline(fields, current, '\t') ? std::stoi(current) : std::min(r.tasks_done + 1, r.tasks);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  r.stale = fingerprint != lesson_fingerprint(ws, lesson);
  return r;
}

}  // namespace kata::cli
