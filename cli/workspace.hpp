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
  std::vector<std::string> learner_sources;   // relative to the root
  std::vector<std::string> solution_sources;
  bool has_experiment = false;
  int mistakes = 0;
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
  fs::path root_;
  std::string preset_;
  std::vector<Lesson> lessons_;
  bool loaded_ = false;
};

}  // namespace kata::cli
