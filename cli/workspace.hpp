// The workspace: where the sources and the build tree are, and the ordered list of lessons (read from
// the manifest that CMake writes, so CMakeLists.txt's kata_add_lesson() calls are the one list).
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace kata::cli {

namespace fs = std::filesystem;

// A mistake in how the command was called: printed as one line plus help, exit status 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Lesson {
  std::string number;  // "04"
  std::string name;    // "04_dropout"
  std::string topic;   // "dropout"
  // Relative to the workspace's root, or absolute for a pack outside it: `root / path` is the file either way.
  std::vector<std::string> learner_sources;
  std::vector<std::string> solution_sources;
  bool has_experiment = false;
  int mistakes = 0;
  std::string pack;    // "" for a core lesson, else the name of its lesson pack (docs/authoring.md)
  fs::path home;       // the folder holding its lessons/, solutions/, tests/: the root, or its pack's folder

  // Its folder under `part` of its home: folder("lessons"), folder("tests"), folder("tests/mistakes").
  fs::path folder(const std::string& part) const { return home / part / name; }
  // A path the way people read it: relative to the root for the root's files ("lessons/04_dropout"),
  // else absolute.
  std::string shown(const fs::path& path, const fs::path& root) const;
  // `source` (one of the sources above) relative to the lesson's home: "lessons/21_momentum/momentum.cpp".
  std::string home_relative(const std::string& source, const fs::path& root) const;
  // "04_dropout", or "21_momentum (pack optimizers)".
  std::string label() const;
};

// A lesson of a pack that was left out at configure time, and why (cmake/KataLesson.cmake): shown as one
// failing entry "pack X: reason"; the other lessons are not affected.
struct PackProblem {
  std::string pack;    // the pack's name (its folder's)
  fs::path dir;        // the pack's folder
  std::string lesson;  // the lesson folder, or "" for the pack as a whole
  std::string reason;
  std::string what() const;  // "pack X: reason", in the learner's language (the reason is CMake's)
};

class Workspace {
 public:
  explicit Workspace(std::string preset = "dev");

  const fs::path& root() const { return root_; }
  fs::path build_dir() const { return root_ / "build" / preset_; }
  const std::string& preset() const { return preset_; }

  // Runs `cmake --preset` when the build tree has no manifest yet (first use, or after a clean).
  void ensure_configured();
  // Re-runs configure (new lesson files appear through CONFIGURE_DEPENDS anyway).
  void configure();

  const std::vector<Lesson>& lessons();
  // The lesson packs' lessons that could not be added (empty when every pack loads).
  const std::vector<PackProblem>& pack_problems();
  // The folders of every lesson pack (KATA_LESSON_PACKS and packs/*), as CMake found them.
  const std::vector<fs::path>& pack_dirs();
  // Accepts "4", "04", "04_dropout", "dropout" or a unique prefix of the topic.
  const Lesson& find(const std::string& spec);
  // The list of valid names, for error messages.
  std::string valid_names();
  // gcovr's arguments that name the gcov matching the compiler ("--gcov-executable", "llvm-cov-14 gcov").
  std::vector<std::string> gcov_arguments() const;
  // A value CMake wrote to build/<preset>/kata_config.tsv ("gcov", "test_timeout"); `fallback` if absent.
  std::string config(const std::string& key, const std::string& fallback = "") const;

 private:
  void load_manifest();
  void read_manifest();
  std::vector<std::string> lessons_in_tree() const;
  bool packs_changed() const;
  // A path of the manifest: relative to the root ("." the root itself), or absolute.
  fs::path under_root(const std::string& field) const;
  fs::path root_;
  std::string preset_;
  std::vector<Lesson> lessons_;
  std::vector<PackProblem> problems_;
  std::vector<fs::path> pack_dirs_;
  std::string packs_setting_;   // KATA_LESSON_PACKS when the manifest was written
  std::string packs_children_;  // the subfolders of packs/ then, ':'-separated
  bool loaded_ = false;
};

}  // namespace kata::cli
