#include "result_printer.hpp"

#include <algorithm>
#include <iostream>
#include <sstream>

#include "messages.hpp"
#include "text.hpp"
#include "ui.hpp"

namespace kata::cli {

namespace {

// What the code printed during a failing check: its last few lines, so a learner's debug output is seen.
std::string output_excerpt(const std::string& output) {
  std::vector<std::string> lines;
  std::istringstream in(output);
  std::string line;
  while (std::getline(in, line))
    // The test program's own note when a check called exit(): the check's message says it already.
    if (!line.empty() && line.rfind("kata: the program was ended by exit()", 0) != 0) lines.push_back(printable(line.size() > 160 ? line.substr(0, 160) + "…" : line));
  if (lines.empty()) return "";
  const std::size_t from = lines.size() > 4 ? lines.size() - 4 : 0;
  std::string out = (from > 0 ? tr("result.printed_last", {4}) : tr("result.printed")) + "\n";
  for (std::size_t i = from; i < lines.size(); ++i) out += "  | " + lines[i] + "\n";
  return out;
}

}  // namespace

std::string task_line(const TaskProgress& t, int tasks) {
  const std::string title = t.number > 0 ? tr("result.task_title", {t.number, tasks, t.title}) : tr("result.checks_title");
  return title + tr("result.task_count", {t.passed, t.total}) + (t.done() ? " ✓" : "");
}

int first_unfinished_task(const LessonResult& result) {
  for (const auto& t : result.tasks())
    if (!t.done()) return t.number;
  return 0;
}

void print_result(const Lesson& lesson, const LessonResult& result, int max_failures, bool every_task) {
  if (!result.built) {
    if (result.build_broken)
      std::cout << ui::red("✗ " + lesson.name + ": ") << tr("result.build_broken", {result.build_errors}) << "\n";
    else
      std::cout << ui::red(tr("result.does_not_compile", {lesson.name})) << "\n" << result.build_errors << "\n";
    return;
  }
  int shown = 0;
  std::vector<std::string> stub_messages;  // one "not implemented yet" per function is enough
  auto print_check = [&](const Check& c) {
    if (c.passed) {
      std::cout << ui::green("  ✓ ") << printable(c.name) << "\n";
      return;
    }
    std::cout << ui::red("  ✗ ") << printable(c.name) << "\n";
    // A stub's "not implemented yet: f() in file:line" once per function, without the call's context.
    const std::string message = c.not_implemented ? c.message.substr(0, c.message.find('\n')) : c.message;
    if (c.not_implemented) {
      if (std::find(stub_messages.begin(), stub_messages.end(), message) != stub_messages.end()) return;
      stub_messages.push_back(message);
    }
    if (shown++ >= max_failures) return;
    std::istringstream msg(message + (c.not_implemented ? "" : "\n" + output_excerpt(c.output)));
    std::string line;
    while (std::getline(msg, line))
      // Checks are settled printable (verdicts.cpp); printed again through printable() all the same, as
      // every line here may hold text the code under test chose.
      if (!line.empty()) std::cout << "      " << (c.not_implemented ? ui::yellow(printable(line)) : printable(line)) << "\n";
  };
  const auto tasks = result.tasks();
  if (tasks.size() == 1 && tasks.front().number == 0) {
    for (const auto& c : result.checks) print_check(c);
  } else {
    // The idea first: every check of the tasks up to the first unfinished one; later tasks in one line each.
    bool reached_unfinished = false;
    for (const auto& t : tasks) {
      const std::string head = task_line(t, static_cast<int>(tasks.size()));
      if (reached_unfinished && !every_task) {
        std::cout << ui::dim(head + (t.done() ? "" : tr("result.after_task", {first_unfinished_task(result)})))
                  << "\n";
        continue;
      }
      std::cout << (t.done() ? ui::green(head) : ui::bold(head)) << "\n";
      for (const auto& c : result.checks)
        if (c.task == t.number) print_check(c);
      reached_unfinished = !t.done();
    }
  }
  if (!result.toolbox.empty()) std::cout << "\n" << ui::dim(result.toolbox) << "\n";
  const std::string summary = tr("result.summary", {result.passed(), result.total()});
  const std::string status = result.status();
  std::cout << "\n" << lesson.name << ": " << (status == "done" ? ui::green(summary) : summary) << " — "
            << status_word(status) << "\n";
  if (status == "done" && result.memory_checked) std::cout << ui::dim(tr("result.memory_clean")) << "\n";
  if (status == "not verified") std::cout << "  " << result.memory_note_shown << "\n";
}

}  // namespace kata::cli
