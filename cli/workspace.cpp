#include "workspace.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "messages.hpp"
#include "process.hpp"
#include "text.hpp"
#include "ui.hpp"

namespace kata::cli {

namespace {
// The visible subfolders of `dir`, sorted by name.
std::vector<std::string> subfolders(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] != '.' && it->is_directory(ec)) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string joined(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}
}  // namespace

std::string Lesson::label() const { return pack.empty() ? name : tr("lesson.label_pack", {name, pack}); }

std::string PackProblem::what() const { return tr("pack.problem", {pack, reason}); }

std::string Lesson::shown(const fs::path& path, const fs::path& root) const {
  const fs::path rel = path.lexically_relative(root);
  if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
  return path.generic_string();
}

std::string Lesson::home_relative(const std::string& source, const fs::path& root) const {
  return (root / source).lexically_normal().lexically_relative(home.lexically_normal()).generic_string();
}

Workspace::Workspace(std::string preset) : preset_(std::move(preset)) {
  const char* env = std::getenv("KATA_ROOT");
  root_ = env != nullptr && *env != '\0' ? fs::path(env) : fs::path(KATA_SOURCE_DIR);
  // Every build folder loads the lesson packs the learner's (dev) one loads, unless KATA_LESSON_PACKS says
  // otherwise: the selftest, coverage and grading then see the same lessons as `kata list`.
  if (preset_ != "dev" && std::getenv("KATA_LESSON_PACKS") == nullptr) {
    std::ifstream in(root_ / "build" / "dev" / "kata_manifest.tsv");
    std::string line;
    if (std::getline(in, line) && line.rfind("#packs\t", 0) == 0) {
      const std::string rest = line.substr(7);
      ::setenv("KATA_LESSON_PACKS", rest.substr(0, rest.find('\t')).c_str(), 1);
    }
  }
}

void Workspace::configure() {
  ui::Progress progress(tr("workspace.configuring", {preset_}));
  const auto result = run_process({"cmake", "--preset", preset_},
                                  {.working_dir = root_.string(), .on_tick = [&] { progress.tick(); }});
  if (result.exit_code != 0) {
    progress.finish(tr("workspace.failed"));
    std::cerr << result.output;
    throw std::runtime_error(tr("workspace.configure_failed", {preset_}));
  }
  progress.finish("");
  loaded_ = false;
}

void Workspace::ensure_configured() {
  if (!fs::exists(build_dir() / "kata_manifest.tsv") || !fs::exists(build_dir() / "build.ninja")) configure();
}

// The lessons CMakeLists.txt adds (kata_add_lesson(NN_topic) lines) whose folders exist, and the lesson
// folders of the lesson packs: what the manifest must list (as lessons, or as pack problems), sorted. Read
// by hand, so a manifest written while lessons/ was away, or before a pack's lesson appeared, is noticed.
std::vector<std::string> Workspace::lessons_in_tree() const {
  std::vector<std::string> names;
  std::ifstream in(root_ / "CMakeLists.txt");
  std::string line;
  const std::string call = "kata_add_lesson(";
  while (std::getline(in, line)) {
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line.compare(first, call.size(), call) != 0) continue;
    const auto close = line.find(')', first);
    if (close == std::string::npos) continue;
    const std::string name = line.substr(first + call.size(), close - first - call.size());
    std::error_code ec;
    if (fs::is_directory(root_ / "lessons" / name, ec)) names.push_back(name);
  }
  for (const auto& dir : pack_dirs_)
    for (const auto& name : subfolders(dir / "lessons")) names.push_back(name);
  std::sort(names.begin(), names.end());
  return names;
}

// Whether the packs to load differ from those the manifest was written with: KATA_LESSON_PACKS set to
// something else, or a folder added to or removed from packs/.
bool Workspace::packs_changed() const {
  const char* env = std::getenv("KATA_LESSON_PACKS");
  if (env != nullptr && env != packs_setting_) return true;
  return joined(subfolders(root_ / "packs"), ":") != packs_children_;
}

fs::path Workspace::under_root(const std::string& field) const {
  if (field.empty() || field == ".") return root_;
  return (root_ / field).lexically_normal();  // an absolute field stays as it is
}

void Workspace::read_manifest() {
  std::ifstream in(build_dir() / "kata_manifest.tsv");
  lessons_.clear();
  problems_.clear();
  pack_dirs_.clear();
  packs_setting_.clear();
  packs_children_.clear();
  std::string line;
  while (std::getline(in, line)) {
    auto f = fields_of(line, '\t');
    while (f.size() < 8) f.emplace_back();
    if (f[0] == "#packs") {  // KATA_LESSON_PACKS, packs/ subfolders, the pack folders found
      packs_setting_ = f[1];
      packs_children_ = f[2];
      for (const auto& dir : split(f[3], ';')) pack_dirs_.push_back(under_root(dir));
      continue;
    }
    if (f[0] == "!") {  // a pack's lesson that was left out: pack, folder, lesson, reason
      problems_.push_back({f[1], under_root(f[2]), f[3] == "-" ? "" : f[3], f[4]});
      continue;
    }
    if (f[1].size() < 4) continue;
    Lesson l;
    l.number = f[0];
    l.name = f[1];
    l.topic = l.name.substr(3);
    l.learner_sources = split(f[2], ',');
    l.solution_sources = split(f[3], ',');
    l.has_experiment = f[4] == "1";
    l.mistakes = std::atoi(f[5].c_str());
    l.pack = f[6] == "-" ? "" : f[6];
    l.home = under_root(f[7]);
    lessons_.push_back(std::move(l));
  }
}

void Workspace::load_manifest() {
  ensure_configured();
  read_manifest();
  // The manifest follows the tree: configure again when lessons or packs appeared or went away since it
  // was written.
  std::vector<std::string> listed;
  for (const auto& l : lessons_) listed.push_back(l.name);
  for (const auto& p : problems_)
    if (!p.lesson.empty()) listed.push_back(p.lesson);
  std::sort(listed.begin(), listed.end());
  if (listed != lessons_in_tree() || packs_changed()) {
    configure();
    read_manifest();
  }
  if (lessons_.empty())
    throw std::runtime_error(tr("workspace.no_lessons", {(root_ / "lessons").string()}));
  loaded_ = true;
}

const std::vector<Lesson>& Workspace::lessons() {
  if (!loaded_) load_manifest();
  return lessons_;
}

const std::vector<PackProblem>& Workspace::pack_problems() {
  if (!loaded_) load_manifest();
  return problems_;
}

const std::vector<fs::path>& Workspace::pack_dirs() {
  if (!loaded_) load_manifest();
  return pack_dirs_;
}

std::string Workspace::config(const std::string& key, const std::string& fallback) const {
  std::ifstream in(build_dir() / "kata_config.tsv");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(key + "\t", 0) == 0) return line.substr(key.size() + 1);
  return fallback;
}

std::vector<std::string> Workspace::gcov_arguments() const {
  const std::string tool = config("gcov");
  if (tool.empty()) return {};
  return {"--gcov-executable", tool};
}

std::string Workspace::valid_names() {
  std::string names;
  for (const auto& l : lessons())
    names += "  " + l.number + "  " + l.topic + (l.pack.empty() ? "" : tr("workspace.valid_pack", {l.pack})) + "\n";
  return names;
}

const Lesson& Workspace::find(const std::string& spec) {
  std::string key = spec;
  if (key.size() == 1 && std::isdigit(static_cast<unsigned char>(key[0]))) key = "0" + key;
  const Lesson* prefix_match = nullptr;
  int prefix_matches = 0;
  for (const auto& l : lessons()) {
    if (key == l.number || key == l.name || key == l.topic) return l;
    if (!key.empty() && (l.topic.rfind(key, 0) == 0 || l.name.rfind(key, 0) == 0)) {
      prefix_match = &l;
      ++prefix_matches;
    }
  }
  if (prefix_matches == 1) return *prefix_match;
  // A pack's lesson that was left out: say why instead of "no such lesson".
  for (const auto& p : pack_problems())
    if (!p.lesson.empty() && (key == p.lesson.substr(0, 2) || key == p.lesson || p.lesson.rfind(key, 3) == 3))
      throw std::runtime_error(tr("workspace.pack_lesson_left_out", {p.lesson, p.dir.string(), p.what()}));
  throw UsageError((prefix_matches > 1 ? tr("workspace.ambiguous_lesson", {spec}) : tr("workspace.no_lesson", {spec})) +
                   "\n" + valid_names());
}

}  // namespace kata::cli
