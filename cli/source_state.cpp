#include "source_state.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include "hashing.hpp"
#include "toolbox.hpp"

namespace kata::cli {

namespace {

bool is_code(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".cpp" || ext == ".hpp" || ext == ".h" || ext == ".cc" || ext == ".cxx" || ext == ".hxx";
}

// "digest  relative/path" lines for the code files of `dir` (hidden files and .backup/ left out), sorted.
std::vector<std::string> digest_lines(Workspace& ws, const fs::path& dir, bool code_only) {
  std::vector<std::string> lines;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec) || (code_only && !is_code(it->path()))) continue;
    const auto digest = sha256_of_file(it->path());
    lines.push_back((digest ? *digest : std::string("unreadable")) + "  " +
                    fs::relative(it->path(), ws.root(), ec).string());
  }
  std::sort(lines.begin(), lines.end(), [](const std::string& a, const std::string& b) {
    return a.substr(66) < b.substr(66);
  });
  return lines;
}

fs::path built_file(Workspace& ws, const Lesson& lesson) {
  return ws.build_dir() / "kata-state" / (lesson.name + ".built");
}

std::map<std::string, std::string> parse(const std::string& text) {
  std::map<std::string, std::string> by_path;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (line.size() > 66) by_path[line.substr(66)] = line.substr(0, 64);
  return by_path;
}

}  // namespace

std::string lesson_source_digests(Workspace& ws, const Lesson& lesson) {
  std::string out;
  for (const auto& line : digest_lines(ws, lesson.folder("lessons"), true)) out += line + "\n";
  return out;
}

std::string lesson_fingerprint(Workspace& ws, const Lesson& lesson) {
  std::string all = lesson_source_digests(ws, lesson);
  for (const auto& line : digest_lines(ws, lesson.folder("tests"), false)) all += line + "\n";
  return sha256_of(all + toolbox_signature(ws, lesson));
}

void forget_stale_objects(Workspace& ws, const Lesson& lesson) {
  std::ifstream in(built_file(ws, lesson));
  if (!in) return;  // never built: nothing stale
  std::stringstream text;
  text << in.rdbuf();
  const auto before = parse(text.str());
  const auto now = parse(lesson_source_digests(ws, lesson));
  bool header_changed = false;
  std::vector<std::string> changed_sources;
  for (const auto& [path, digest] : now) {
    const auto old = before.find(path);
    if (old != before.end() && old->second == digest) continue;
    if (fs::path(path).extension() == ".cpp" || fs::path(path).extension() == ".cc") changed_sources.push_back(fs::path(path).filename().string());
    else header_changed = true;
  }
  if (!header_changed && changed_sources.empty()) return;
  // The lesson's objects: CMakeFiles/kata_NN_<kind>.dir/.../<file>.cpp.o (and tests/memcheck's copy).
  const std::string prefix = "kata_" + lesson.number + "_";
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(ws.build_dir() / "CMakeFiles", ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it.depth() == 0 && it->is_directory(ec) && it->path().filename().string().rfind(prefix, 0) != 0) {
      it.disable_recursion_pending();
      continue;
    }
    const std::string name = it->path().filename().string();
    if (name.size() < 2 || name.substr(name.size() - 2) != ".o") continue;
    bool stale = header_changed;
    for (const auto& source : changed_sources) stale = stale || name == source + ".o";
    if (stale) fs::remove(it->path(), ec);
  }
}

void record_built_sources(Workspace& ws, const Lesson& lesson, const std::string& digests) {
  const fs::path file = built_file(ws, lesson);
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  const fs::path tmp = file.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << digests;
    if (!out) return;
  }
  fs::rename(tmp, file, ec);
}

}  // namespace kata::cli
