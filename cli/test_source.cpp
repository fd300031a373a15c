#include "test_source.hpp"

#include <fstream>
#include <sstream>
#include <vector>

#include "process.hpp"

namespace kata::cli {

namespace {

// A DOT node: tu12[shape=Mrecord,...,label="name|file.cpp(48)|labels: @task_1"];
bool parse_node(const std::string& line, std::string* id, std::string* name, SourceLocation* where) {
  const auto bracket = line.find('[');
  const auto label = line.find("label=\"");
  if (line.rfind("tu", 0) != 0 || bracket == std::string::npos || label == std::string::npos) return false;
  *id = line.substr(0, bracket);
  const auto start = label + 7;
  const auto end = line.find('"', start);
  const std::string text = line.substr(start, end == std::string::npos ? std::string::npos : end - start);
  const auto bar = text.find('|');
  *name = text.substr(0, bar);
  if (bar != std::string::npos) {
    const std::string loc = text.substr(bar + 1, text.find('|', bar + 1) - bar - 1);
    const auto paren = loc.rfind('(');
    if (paren != std::string::npos) {
      where->file = loc.substr(0, paren);
      where->line = std::atoi(loc.c_str() + paren + 1);
    }
  }
  return true;
}

}  // namespace

std::map<std::string, SourceLocation> check_locations(const std::filesystem::path& exe,
                                                      const std::filesystem::path& working_dir) {
  ProcessOptions options;
  options.working_dir = working_dir.string();
  options.timeout_seconds = 10;
  options.keep_bytes = 4 * 1024 * 1024;
  const auto listing = run_process({exe.string(), "--list_content=DOT"}, options);
  std::map<std::string, std::string> name_of, parent_of;  // node id -> unit name, node id -> parent id
  std::map<std::string, SourceLocation> where_of;
  std::vector<std::string> order;
  std::istringstream in(listing.output);
  std::string line;
  while (std::getline(in, line)) {
    std::string id, name;
    SourceLocation where;
    if (parse_node(line, &id, &name, &where)) {
      name_of[id] = name;
      where_of[id] = where;
      order.push_back(id);
    } else if (const auto arrow = line.find(" -> "); arrow != std::string::npos && line.rfind("tu", 0) == 0) {
      std::string child = line.substr(arrow + 4);
      if (!child.empty() && child.back() == ';') child.pop_back();
      parent_of[child] = line.substr(0, arrow);
    }
  }
  std::map<std::string, bool> has_children;
  for (const auto& [child, parent] : parent_of) has_children[parent] = true;
  std::map<std::string, SourceLocation> locations;
  for (const auto& id : order) {
    if (has_children[id] || !parent_of.count(id)) continue;  // suites, and the module itself
    std::string path = name_of[id];
    for (auto p = parent_of.find(id); p != parent_of.end() && parent_of.count(p->second); p = parent_of.find(p->second))
      path = name_of[p->second] + "/" + path;
    locations[path] = where_of[id];
  }
  return locations;
}

std::string test_code(const std::filesystem::path& tests_dir, const SourceLocation& where) {
  std::ifstream in(tests_dir / where.file);
  if (!in || where.line <= 0) return "";
  std::string line, code;
  int number = 0, depth = 0, kept = 0;
  bool opened = false;
  while (std::getline(in, line)) {
    if (++number < where.line) continue;
    code += line + "\n";
    // Braces in string and character literals or comments would miscount; test code keeps them balanced
    // in practice, and the 80-line cap bounds any miscount.
    for (const char c : line) {
      if (c == '{') ++depth, opened = true;
      else if (c == '}') --depth;
    }
    if ((opened && depth <= 0) || ++kept >= 80) break;
  }
  return code;
}

}  // namespace kata::cli
