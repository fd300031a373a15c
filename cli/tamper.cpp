#include "tamper.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "hashing.hpp"
#include "messages.hpp"

namespace kata::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* kManifestName = "tests/protected.sha256";

// Every protected file on disk, relative to the root, sorted.
std::vector<std::string> protected_files(const fs::path& root) {
  std::vector<std::string> files;
  for (const auto& p : protected_paths()) {
    std::error_code ec;
    const fs::path path = root / p;
    if (fs::is_regular_file(path, ec)) {
      files.push_back(p);
      continue;
    }
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
      if (it->is_regular_file(ec)) files.push_back(fs::relative(it->path(), root).generic_string());
  }
  files.erase(std::remove(files.begin(), files.end(), std::string(kManifestName)), files.end());
  std::sort(files.begin(), files.end());
  return files;
}

// `path` relative to the root, with a trailing '/' for a folder ("" when it is not under the root).
std::string under_root(const fs::path& root, const fs::path& path, bool folder) {
  const fs::path rel = path.lexically_normal().lexically_relative(root.lexically_normal());
  if (rel.empty() || *rel.begin() == "..") return "";
  return rel.generic_string() + (folder ? "/" : "");
}

// The lesson a protected file belongs to ("tests/04_dropout/x.cpp" -> "04_dropout"; a lesson pack kept
// under a protected folder, like tests/example-pack, too), or "" for files every lesson depends on
// (support/, cmake/, the CLI ...).
std::string lesson_of(const fs::path& root, const std::string& file, const std::vector<Lesson>& lessons) {
  for (const auto& l : lessons)
    for (const std::string& prefix :
         {under_root(root, l.folder("tests"), true), under_root(root, l.folder("solutions"), true),
          under_root(root, l.folder("tests/mistakes"), true),
          under_root(root, l.home / "experiments" / (l.name + "."), false)})
      if (!prefix.empty() && file.rfind(prefix, 0) == 0) return l.name;
  return "";
}

// Whether `file` is in a lesson pack's lessons/ folder: the learner's to edit, like the root's lessons/.
bool learners_file(const fs::path& root, const std::string& file, const std::vector<Lesson>& lessons) {
  for (const auto& l : lessons) {
    const std::string prefix = under_root(root, l.folder("lessons"), true);
    if (!l.pack.empty() && !prefix.empty() && file.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

}  // namespace

const std::vector<std::string>& protected_paths() {
  static const std::vector<std::string> paths = {"tests", "solutions", "support", "cmake", "cli", "tools",
                                                 "datasets", "ci-templates", ".github", "CMakeLists.txt",
                                                 "CMakePresets.json", "kata"};
  return paths;
}

TamperReport detect_tampering(const fs::path& root, const fs::path& manifest, const std::vector<Lesson>& lessons) {
  TamperReport report;
  std::ifstream in(manifest);
  if (!in) {
    report.problem = tr("tamper.unreadable", {manifest.string()});
    return report;
  }
  const std::map<std::string, std::string> recorded = read_sha256_list(in);  // path -> hash
  if (recorded.empty()) {
    report.problem = tr("tamper.empty", {manifest.string()});
    return report;
  }
  report.manifest_readable = true;
  // `what`: "was deleted", "was changed" or "was added"; in English for the reports (results.json's
  // "tampered"), in the learner's language on the screen.
  auto flag = [&](const std::string& file, const std::string& what_english, const std::string& what) {
    report.changed.push_back(file + ": " + what);
    const std::string lesson = lesson_of(root, file, lessons);
    const std::string reason = file + " " + what_english, shown = file + ": " + what;
    if (!lesson.empty()) {
      report.lessons.emplace(lesson, reason);
      report.lessons_shown.emplace(lesson, shown);
      report.own[lesson].push_back(shown);
    } else {
      for (const auto& l : lessons) {
        report.lessons.emplace(l.name, reason);
        report.lessons_shown.emplace(l.name, shown);
      }
    }
  };
  const auto on_disk = protected_files(root);
  const std::set<std::string> present(on_disk.begin(), on_disk.end());
  for (const auto& [path, hash] : recorded) {
    if (learners_file(root, path, lessons)) continue;
    if (!present.count(path)) {
      flag(path, tr_english("tamper.deleted"), tr("tamper.deleted"));
      continue;
    }
    const auto now = sha256_of_file(root / path);
    if (!now || *now != hash) flag(path, tr_english("tamper.changed"), tr("tamper.changed"));
  }
  for (const auto& path : on_disk)
    if (!recorded.count(path) && !learners_file(root, path, lessons))
      flag(path, tr_english("tamper.added"), tr("tamper.added"));
  return report;
}

void record_manifest(const fs::path& root, const fs::path& manifest) {
  std::ostringstream out;
  for (const auto& path : protected_files(root)) {
    const auto hash = sha256_of_file(root / path);
    if (!hash) throw std::runtime_error("record_manifest(): " + tr("file.cannot_read", {path}));
    out << *hash << "  " << path << "\n";
  }
  std::ofstream file(manifest, std::ios::trunc);
  file << out.str();
  if (!file) throw std::runtime_error("record_manifest(): " + tr("file.cannot_write", {manifest.string()}));
}

}  // namespace kata::cli
