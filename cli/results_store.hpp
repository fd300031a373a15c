// The last verdict of each lesson, kept in build/<preset>/kata-state/ so `kata list` is instant. A saved
// verdict is used only while the lesson's contents are what it was computed from (source_state.hpp).
#pragma once

#include <optional>
#include <string>

#include "checks.hpp"
#include "workspace.hpp"

namespace kata::cli {

struct SavedResult {
  int passed = 0, total = 0;
  std::string status;
  int tasks_done = 0, tasks = 0;  // tasks finished of the lesson's tasks (0 of 0 for a lesson without tasks)
  int current_task = 0;           // the first unfinished task (the one the learner is on); 0 when none
  bool stale = false;  // the lesson's files changed since
};

std::optional<SavedResult> load_result(Workspace& ws, const Lesson& lesson);

// Saves atomically (a whole new file or none); false, with `*why`, when it could not be saved.
bool save_result(Workspace& ws, const Lesson& lesson, const LessonResult& result, std::string* why);

// Writes `text` to `file` atomically (temporary file + rename). False, with `*why`, on failure.
bool write_file_atomically(const fs::path& file, const std::string& text, std::string* why);

}  // namespace kata::cli
