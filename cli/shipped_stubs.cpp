#include "shipped_stubs.hpp"

#include <fstream>
#include <sstream>

#include "hashing.hpp"
#include "process.hpp"

namespace kata::cli {

std::map<std::string, std::string> shipped_stub_hashes(const fs::path& root) {
  std::map<std::string, std::string> hashes;
  std::ifstream in(root / "tests" / "stubs.sha256");
  std::string line;
  while (std::getline(in, line)) {
    if (line.size() < 67 || line[0] == '#') continue;
    std::string path = line.substr(66);
    if (!path.empty() && path[0] == '*') path.erase(0, 1);
    hashes[path] = line.substr(0, 64);
  }
  return hashes;
}

bool holds_shipped_stub(const fs::path& root, const std::string& relative) {
  const auto hashes = shipped_stub_hashes(root);
  const auto it = hashes.find(relative);
  if (it == hashes.end()) return false;
  const auto now = sha256_of_file(root / relative);
  return now && *now == it->second;
}

std::optional<std::string> shipped_stub_text(const fs::path& root, const std::string& relative, std::string* why) {
  const auto hashes = shipped_stub_hashes(root);
  const auto recorded = hashes.find(relative);
  if (recorded == hashes.end()) {
    *why = "tests/stubs.sha256 records no stub for " + relative;
    return std::nullopt;
  }
  if (!on_path("git")) {
    *why = "git is not installed, and the shipped stubs are found in git's history";
    return std::nullopt;
  }
  // The commits that touched the file, newest first; the shipped stub is one of its versions.
  const auto log = run_process({"git", "-C", root.string(), "log", "--all", "--format=%H", "-n", "500", "--", relative});
  if (log.exit_code != 0) {
    *why = "git could not read the history of " + root.string() + ": " + log.output;
    return std::nullopt;
  }
  std::istringstream commits(log.output);
  std::string commit;
  while (std::getline(commits, commit)) {
    if (commit.size() != 40) continue;
    const auto show = run_process({"git", "-C", root.string(), "show", commit + ":" + relative});
    if (show.exit_code == 0 && show.output_bytes == show.output.size() && sha256_of(show.output) == recorded->second)
      return show.output;
  }
  *why = "no version of " + relative + " in git's history matches the shipped stub's hash";
  return std::nullopt;
}

}  // namespace kata::cli
