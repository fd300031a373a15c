#include "shipped_stubs.hpp"

#include <fstream>
#include <sstream>
#include <vector>

#include "hashing.hpp"
#include "messages.hpp"
#include "process.hpp"

namespace kata::cli {

std::map<std::string, std::string> shipped_stub_hashes(const fs::path& home) {
  std::ifstream in(home / "tests" / "stubs.sha256");
  return read_sha256_list(in);
}

std::vector<std::string> shipped_stub_files(const Lesson& lesson) {
  std::vector<std::string> files;
  const std::string prefix = "lessons/" + lesson.name + "/";
  for (const auto& [path, hash] : shipped_stub_hashes(lesson.home))
    if (path.rfind(prefix, 0) == 0) files.push_back(path);
  return files;
}

bool holds_shipped_stub(const fs::path& home, const std::string& relative) {
  const auto hashes = shipped_stub_hashes(home);
  const auto it = hashes.find(relative);
  if (it == hashes.end()) return false;
  const auto now = sha256_of_file(home / relative);
  return now && *now == it->second;
}

std::optional<std::string> shipped_stub_text(const fs::path& home, const std::string& relative, std::string* why) {
  const auto hashes = shipped_stub_hashes(home);
  const auto recorded = hashes.find(relative);
  if (recorded == hashes.end()) {
    *why = tr("stubs.not_recorded", {(home / "tests" / "stubs.sha256").string(), relative});
    return std::nullopt;
  }
  if (!on_path("git")) {
    *why = tr("stubs.no_git");
    return std::nullopt;
  }
  // The commits that touched the file, newest first; the shipped stub is one of its versions.
  // Run in `home`: a pack is usually a repository of its own (or inside one); `rev:./path` is relative to it.
  const auto log = run_process({"git", "-C", home.string(), "log", "--all", "--format=%H", "-n", "500", "--", relative});
  if (log.exit_code != 0) {
    *why = tr("stubs.no_history", {home.string(), log.output});
    return std::nullopt;
  }
  std::istringstream commits(log.output);
  std::string commit;
  while (std::getline(commits, commit)) {
    if (commit.size() != 40) continue;
    const auto show = run_process({"git", "-C", home.string(), "show", commit + ":./" + relative});
    if (show.exit_code == 0 && show.output_bytes == show.output.size() && sha256_of(show.output) == recorded->second)
      return show.output;
  }
  *why = tr("stubs.no_version", {relative});
  return std::nullopt;
}

bool record_shipped_stub(const fs::path& home, const std::string& relative, std::string* why) {
  const auto hash = sha256_of_file(home / relative);
  if (!hash) {
    *why = tr("file.cannot_read", {(home / relative).string()});
    return false;
  }
  const fs::path record = home / "tests" / "stubs.sha256";
  std::map<std::string, std::string> lines;  // path -> the line, so the file stays sorted by path
  std::vector<std::string> comments;
  {
    std::ifstream in(record);
    std::string line;
    while (std::getline(in, line)) {
      if (line.size() >= 67 && line[0] != '#') {
        std::string path = line.substr(66);
        if (!path.empty() && path[0] == '*') path.erase(0, 1);
        lines[path] = line;
      } else if (!line.empty()) {
        comments.push_back(line);
      }
    }
  }
  lines[relative] = *hash + "  " + relative;
  std::ostringstream text;
  for (const auto& c : comments) text << c << "\n";
  for (const auto& [path, line] : lines) text << line << "\n";
  std::error_code ec;
  fs::create_directories(record.parent_path(), ec);
  std::ofstream out(record, std::ios::trunc);
  out << text.str();
  if (!out) {
    *why = tr("file.cannot_write", {record.string()});
    return false;
  }
  return true;
}

}  // namespace kata::cli
