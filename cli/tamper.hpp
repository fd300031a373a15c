// Tamper detection for grading: everything that is not the learner's to edit (the checks, the reference
// solutions, support/, the build, the datasets, the CLI, the CI templates) is compared with a manifest of
// SHA-256 hashes. A difference is reported by file, and the lessons it can affect score 0; changes under
// lessons/ are the learner's work and are never reported.
//
// Trust: the default manifest (tests/protected.sha256) ships in the repository, so it catches edits made
// by mistake or in haste, not a learner who also rewrites the manifest. Graders who need more pass a
// manifest from outside the learner's repository (kata grade --manifest), e.g. from the class's template.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "workspace.hpp"

namespace kata::cli {

// The folders and files that are protected, relative to the root.
const std::vector<std::string>& protected_paths();

struct TamperReport {
  bool manifest_readable = false;
  std::string problem;                          // why the manifest could not be used
  std::vector<std::string> changed;             // "tests/04_dropout/dropout_test.cpp: was changed" ... (shown)
  std::map<std::string, std::string> lessons;   // lesson name -> the first reason it scores 0 (English: reports)
  std::map<std::string, std::string> lessons_shown;  // the same in the learner's language, for the screen
  std::map<std::string, std::vector<std::string>> own;  // lesson name -> its own files that differ (not shared ones)
};

// Compares the protected files under `root` with `manifest` (sha256sum's format).
TamperReport detect_tampering(const std::filesystem::path& root, const std::filesystem::path& manifest,
                              const std::vector<Lesson>& lessons);

// Writes the manifest of the protected files as they are now (for authors, after changing a check).
void record_manifest(const std::filesystem::path& root, const std::filesystem::path& manifest);

}  // namespace kata::cli
