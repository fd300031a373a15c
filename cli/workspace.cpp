#include "workspace.hpp"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "process.hpp"
#include "ui.hpp"

namespace kata::cli {

namespace {
std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, sep))
    if (!part.empty()) parts.push_back(part);
  return parts;
}
}  // namespace

Workspace::Workspace(std::string preset) : preset_(std::move(preset)) {
  const char* env = std::getenv("KATA_ROOT");
  root_ = env != nullptr && *env != '\0' ? fs::path(env) : fs::path(KATA_SOURCE_DIR);
}

void Workspace::configure() {
  ui::Progress progress("configuring (" + preset_ + ")");
  const auto result = run_process({"cmake", "--preset", preset_},
                                  {.working_dir = root_.string(), .on_tick = [&] { progress.tick(); }});
  if (result.exit_code != 0) {
    progress.finish("failed");
    std::cerr << result.output;
    throw std::runtime_error("cmake --preset " + preset_ + " failed (output above)");
  }
  progress.finish("");
  loaded_ = false;
}

void Workspace::ensure_configured() {
  if (!fs::exists(build_dir() / "kata_manifest.tsv") || !fs::exists(build_dir() / "build.ninja")) configure();
}

// The lessons CMakeLists.txt adds (kata_add_lesson(NN_topic) lines) whose folders exist: what the
// manifest must list. Read by hand, so a manifest written while lessons/ was away is noticed.
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
  return names;
}

void Workspace::read_manifest() {
  std::ifstream in(build_dir() / "kata_manifest.tsv");
  lessons_.clear();
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::string field;
    std::istringstream row(line);
    while (std::getline(row, field, '\t')) f.push_back(field);
    if (f.size() < 6 || f[1].size() < 4) continue;
    Lesson l;
    l.number = f[0];
    l.name = f[1];
    l.topic = l.name.substr(3);
    l.learner_sources = split(f[2], ',');
    l.solution_sources = split(f[3], ',');
    l.has_experiment = f[4] == "1";
    l.mistakes = std::atoi(f[5].c_str());
    lessons_.push_back(std::move(l));
  }
}

void Workspace::load_manifest() {
  ensure_configured();
  read_manifest();
  // The manifest follows the tree: configure again when lessons appeared or went away since it was written.
  const auto expected = lessons_in_tree();
  std::vector<std::string> listed;
  for (const auto& l : lessons_) listed.push_back(l.name);
  if (listed != expected) {
    configure();
    read_manifest();
  }
  if (lessons_.empty())
    throw std::runtime_error(
        "no lessons found: " + (root_ / "lessons").string() +
        " holds none of the lesson folders CMakeLists.txt lists (kata_add_lesson). If lessons/ was moved or "
        "deleted, put it back (git checkout -- lessons restores the shipped stubs); kata notices on its next run.");
  loaded_ = true;
}

const std::vector<Lesson>& Workspace::lessons() {
  if (!loaded_) load_manifest();
  return lessons_;
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
  for (const auto& l : lessons()) names += "  " + l.number + "  " + l.topic + "\n";
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
  throw UsageError("no lesson '" + spec + "'" + (prefix_matches > 1 ? " (ambiguous)" : "") +
                   ". Valid lessons:\n" + valid_names());
}

}  // namespace kata::cli
