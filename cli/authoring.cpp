#include "authoring.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "messages.hpp"
#include "shipped_stubs.hpp"
#include "text.hpp"
#include "ui.hpp"

namespace kata::cli {

namespace {

const char* const kTemplate = "tools/lesson-template";

// A topic becomes file names, a suite name and text in C++ files: it must not be a keyword.
const std::set<std::string>& cpp_keywords() {
  static const std::set<std::string> words = {
      "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case", "catch",
      "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept", "const", "consteval", "constexpr",
      "constinit", "const_cast", "continue", "co_await", "co_return", "co_yield", "decltype", "default", "delete",
      "do", "double", "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float", "for",
      "friend", "goto", "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
      "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register", "reinterpret_cast",
      "requires", "return", "short", "signed", "sizeof", "static", "static_assert", "static_cast", "struct",
      "switch", "template", "this", "thread_local", "throw", "true", "try", "typedef", "typeid", "typename",
      "union", "unsigned", "using", "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq"};
  return words;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

// "kata_add_lesson(04_dropout)" -> "04_dropout"; "" for any other line.
std::string added_lesson(const std::string& line) {
  const std::string call = "kata_add_lesson(";
  const auto first = line.find_first_not_of(" \t");
  if (first == std::string::npos || line.compare(first, call.size(), call) != 0) return "";
  const auto close = line.find(')', first);
  if (close == std::string::npos) return "";
  return line.substr(first + call.size(), close - first - call.size());
}

// One file of the lesson to write: from the template file `source` to `target`.
struct Planned {
  fs::path source, target;
};

// A template file of the Korean twins (README.ko.md.in, HINTS.ko.md.in).
bool korean_twin(const fs::path& file) {
  const std::string n = file.filename().string(), suffix = ".ko.md.in";
  return n.size() > suffix.size() && n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// An English file's link to its Korean twin, "[한국어](README.ko.md)" and the blank line after it, taken out
// of a pack's lesson, which gets no Korean twins to link to.
std::string without_korean_links(const std::string& text) {
  std::string out;
  std::istringstream in(text);
  std::string line;
  bool drop_blank = false;
  while (std::getline(in, line)) {
    const std::string tail = ".ko.md)";
    const bool link = line.rfind("[한국어](", 0) == 0 && line.size() > tail.size() &&
                      line.compare(line.size() - tail.size(), tail.size(), tail) == 0;
    if (link || (drop_blank && line.empty())) {
      drop_blank = link;
      continue;
    }
    drop_blank = false;
    out += line + "\n";
  }
  return out;
}

// The template's files and where each goes under `home` (README, "The lesson template": NN_topic becomes
// the lesson's name, a file name starting "topic" starts with the topic, ".in" is dropped). A lesson in the
// workspace gets the Korean twins too (the selftest's Korean gate wants them); a pack's lesson may be
// English only, so it gets them only if the author adds them.
std::vector<Planned> plan(const fs::path& templates, const fs::path& home, const std::string& name,
                          const std::string& topic, bool korean) {
  std::vector<Planned> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(templates, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->path().extension() != ".in") continue;
    if (!korean && korean_twin(it->path())) continue;
    fs::path target = home;
    for (const auto& part : fs::relative(it->path(), templates)) {
      std::string p = part.string();
      replace_all(p, "NN_topic", name);
      if (p.rfind("topic", 0) == 0) p = topic + p.substr(5);
      target /= p;
    }
    target.replace_extension();  // ".in"
    files.push_back({it->path(), target});
  }
  std::sort(files.begin(), files.end(), [](const Planned& a, const Planned& b) { return a.target < b.target; });
  return files;
}

// The lesson (or folder, or CMakeLists.txt line) that already uses `number`, or "".
std::string number_taken(Workspace& ws, const fs::path& home, const std::string& number) {
  for (const auto& l : ws.lessons())
    if (l.number == number) return l.label();
  for (const auto& p : ws.pack_problems())
    if (p.lesson.rfind(number + "_", 0) == 0) return tr("new.taken_by_pack", {p.lesson, p.pack, p.reason});
  for (const auto& line : lines_of(read_text(ws.root() / "CMakeLists.txt")))
    if (added_lesson(line).rfind(number + "_", 0) == 0) return added_lesson(line) + " (CMakeLists.txt)";
  for (const fs::path& dir : {ws.root() / "lessons", home / "lessons"}) {
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
      if (it->path().filename().string().rfind(number + "_", 0) == 0) return it->path().string();
  }
  return "";
}

// Undoes a half-written lesson: the files written and the folders created, newest first.
void remove_created(const std::vector<fs::path>& created) {
  std::error_code ec;
  for (auto it = created.rbegin(); it != created.rend(); ++it) fs::remove(*it, ec);
}

bool write_text(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  out.flush();
  return static_cast<bool>(out);
}

}  // namespace

std::string invalid_lesson_name(const std::string& name) {
  const bool shape = name.size() >= 4 && std::isdigit(static_cast<unsigned char>(name[0])) &&
                     std::isdigit(static_cast<unsigned char>(name[1])) && name[2] == '_';
  if (!shape) return tr("new.bad_name", {name});
  const std::string topic = name.substr(3);
  const bool identifier = std::islower(static_cast<unsigned char>(topic[0])) &&
                          std::all_of(topic.begin(), topic.end(), [](unsigned char c) {
                            return std::islower(c) || std::isdigit(c) || c == '_';
                          });
  if (!identifier)
    return tr("new.bad_topic", {topic});
  if (cpp_keywords().count(topic)) return tr("new.keyword", {topic});
  if (topic.size() > 40) return tr("new.topic_too_long", {topic});
  if (name.substr(0, 2) == "00") return tr("new.number_zero");
  return "";
}

std::string invalid_lesson_title(const std::string& title) {
  if (title.find_first_not_of(" \t") == std::string::npos) return tr("new.title_empty");
  if (title.size() > 80) return tr("new.title_too_long");
  for (const unsigned char c : title)
    if (c < 0x20 || c == 0x7f) return tr("new.title_control");
  if (title.find('"') != std::string::npos || title.find('\\') != std::string::npos) return tr("new.title_quote");
  return "";
}

int course_order_line(const std::vector<std::string>& lines, const std::string& name) {
  int after_last = -1;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string added = added_lesson(lines[i]);
    if (added.empty()) {
      if (after_last < 0 && lines[i].find("kata_end_manifest()") != std::string::npos) return static_cast<int>(i);
      continue;
    }
    if (added.substr(0, 2) > name.substr(0, 2)) return static_cast<int>(i);
    after_last = static_cast<int>(i) + 1;
  }
  return after_last;
}

int cmd_new(Workspace& ws, const NewLessonOptions& options) {
  if (const std::string why = invalid_lesson_name(options.name); !why.empty()) throw UsageError("new: " + why + "\n");
  if (const std::string why = invalid_lesson_title(options.title); !why.empty())
    throw UsageError("new: " + why + "\n");
  const std::string& name = options.name;
  const std::string number = name.substr(0, 2), topic = name.substr(3);
  std::error_code ec;
  const bool in_pack = !options.pack.empty();
  const fs::path home = in_pack ? fs::absolute(options.pack, ec).lexically_normal() : ws.root();
  if (in_pack && fs::exists(home, ec) && !fs::is_directory(home, ec))
    throw UsageError(tr("new.pack_not_folder", {options.pack}) + "\n");

  const fs::path templates = ws.root() / kTemplate;
  const auto files = plan(templates, home, name, topic, !in_pack);
  if (files.empty()) throw std::runtime_error(tr("new.template_empty", {templates.string()}));
  // Refuse to overwrite anything: every target, and the lesson's folders themselves.
  std::vector<std::string> existing;
  for (const char* part : {"lessons", "solutions", "tests", "tests/mistakes"})
    if (fs::exists(home / part / name, ec)) existing.push_back((home / part / name).string());
  for (const auto& f : files)
    if (fs::exists(f.target, ec)) existing.push_back(f.target.string());
  if (!existing.empty()) {
    std::string list;
    for (const auto& e : existing) list += "  " + e + "\n";
    throw UsageError(tr("new.would_overwrite", {name}) + "\n" + list);
  }
  if (const std::string taken = number_taken(ws, home, number); !taken.empty())
    throw UsageError(tr("new.number_taken", {number, taken}) + "\n");
  std::vector<std::string> cmake_lines;
  int insert_at = -1;
  if (!in_pack) {
    cmake_lines = lines_of(read_text(ws.root() / "CMakeLists.txt"));
    insert_at = course_order_line(cmake_lines, name);
    if (insert_at < 0)
      throw std::runtime_error(tr("new.no_cmake_place", {name}));
  }

  // Write every file; on any failure undo everything, so a second try starts clean.
  std::vector<fs::path> created;
  const fs::path stubs = home / "tests" / "stubs.sha256";
  const bool had_stubs = fs::exists(stubs, ec);
  const std::string stubs_before = had_stubs ? read_text(stubs) : "";
  auto fail = [&](const std::string& why) {
    // The record first: a new one sits in a folder this call may have created.
    if (had_stubs) write_text(stubs, stubs_before);
    else fs::remove(stubs, ec);
    remove_created(created);
    throw std::runtime_error(tr("new.nothing_written", {why}));
  };
  for (const auto& f : files) {
    std::vector<fs::path> missing;
    for (fs::path d = f.target.parent_path(); !d.empty() && !fs::exists(d, ec); d = d.parent_path()) {
      missing.push_back(d);
      if (d == d.parent_path()) break;
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
      if (!fs::create_directory(*it, ec) && ec) fail(tr("new.cannot_create", {it->string(), ec.message()}));
      created.push_back(*it);
    }
    std::string text = read_text(f.source);
    replace_all(text, "{{NN}}", number);
    replace_all(text, "{{NAME}}", name);
    replace_all(text, "{{TOPIC}}", topic);
    replace_all(text, "{{TITLE}}", options.title);
    if (in_pack && f.target.extension() == ".md") text = without_korean_links(text);
    if (!write_text(f.target, text)) fail(tr("file.cannot_write", {f.target.string()}));
    created.push_back(f.target);
  }
  // The stub as shipped (kata reset, the stub gate): in the pack's own record for a pack.
  const std::string stub = "lessons/" + name + "/" + topic + ".cpp";
  std::string why;
  if (!record_shipped_stub(home, stub, &why)) fail(why);
  if (!in_pack) {
    cmake_lines.insert(cmake_lines.begin() + insert_at, "kata_add_lesson(" + name + ")");
    std::string text;
    for (const auto& line : cmake_lines) text += line + "\n";
    if (!write_text(ws.root() / "CMakeLists.txt", text)) fail(tr("file.cannot_write", {"CMakeLists.txt"}));
  }

  // What was written, and what is left to the author.
  auto shown = [&](const fs::path& p) {
    const fs::path rel = p.lexically_relative(ws.root());
    return !rel.empty() && *rel.begin() != ".." ? rel.generic_string() : p.generic_string();
  };
  std::cout << ui::bold(tr("new.heading", {name, options.title})) << "\n";
  // "  wrote    path": the three labels padded to one width (by display width, for the Korean ones).
  const std::string wrote = tr("new.wrote"), recorded = tr("new.recorded"), added = tr("new.added");
  const std::size_t label = std::max({ui::width(wrote), ui::width(recorded), ui::width(added)}) + 1;
  for (const auto& f : files) std::cout << "  " << ui::pad(wrote, label) << shown(f.target) << "\n";
  std::cout << "  " << ui::pad(recorded, label) << shown(stubs) << tr("new.recorded_why") << "\n";
  if (!in_pack) std::cout << "  " << ui::pad(added, label) << tr("new.added_what", {name}) << "\n";
  const std::string lesson = shown(home / "lessons" / name), sep = ", ";
  std::cout << "\n" << tr("new.left_to_author") << "\n"
            << tr("new.todo_contract") << "\n"
            << "       " << lesson << "/" << topic << ".hpp" << sep << lesson << "/" << topic << ".cpp" << sep
            << shown(home / "solutions" / name / (topic + ".cpp")) << "\n"
            << tr("new.todo_readme") << "\n"
            << (in_pack ? "" : tr("new.todo_korean", {tr("gate.korean")}) + "\n")
            << tr("new.todo_checks") << "\n"
            << "       " << shown(home / "tests" / name / (topic + "_test.cpp")) << "\n"
            << tr("new.todo_mistakes", {tr("gate.catalog")}) << "\n"
            << "       " << shown(home / "tests" / "mistakes" / name) << "/\n"
            << tr("new.todo_experiment") << "\n"
            << "       " << shown(home / "experiments" / (name + ".cpp")) << sep << lesson << "/HINTS.md\n"
            << tr("new.todo_record", {in_pack ? "cd " + shown(home) + " && " : ""})
            << (in_pack ? "" : tr("new.todo_record_manifest")) << "\n"
            << tr("new.todo_selftest", {number}) << "\n";
  bool loaded = !in_pack;
  for (const auto& dir : ws.pack_dirs()) loaded = loaded || dir.lexically_normal() == home;
  if (in_pack && !loaded)
    std::cout << "\n" << tr("new.pack_not_loaded", {shown(home), home.string()}) << "\n";
  else
    std::cout << "\n" << tr("new.now_listed", {number}) << "\n";
  return 0;
}

}  // namespace kata::cli
