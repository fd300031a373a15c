// For lesson authors: `kata new NN_topic "Title" [--pack DIR]` writes a new lesson from the template in
// tools/lesson-template/ (docs/authoring.md). The lesson it writes builds, its stub fails every check and
// its solution skeleton passes them, with tasks numbered and "harden it" last; the author's content (the
// contract, the checks, at least four catalogued mistakes, the experiment) is marked AUTHOR.
#pragma once

#include <string>
#include <vector>

#include "workspace.hpp"

namespace kata::cli {

struct NewLessonOptions {
  std::string name;   // "21_momentum"
  std::string title;  // "Momentum"
  std::string pack;   // a lesson pack's folder; empty: the workspace itself
};

// Why `name` cannot be a new lesson's folder name, or "" when it can (NN_topic, the topic a lower-case C
// identifier that is not a C++ keyword). The number is checked against the workspace separately.
std::string invalid_lesson_name(const std::string& name);

// Why `title` cannot be a lesson's title (it goes into Markdown, comments and a C++ string), or "".
std::string invalid_lesson_title(const std::string& title);

// Where `kata_add_lesson(name)` goes among the lines of a CMakeLists.txt: the index of the line to insert
// before, so the lessons stay in course order (by number); -1 when there is no manifest to insert into.
int course_order_line(const std::vector<std::string>& lines, const std::string& name);

int cmd_new(Workspace& ws, const NewLessonOptions& options);

}  // namespace kata::cli
