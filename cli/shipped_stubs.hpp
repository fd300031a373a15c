// The stubs as shipped: tests/stubs.sha256 records the SHA-256 of every lesson's stub file (sha256sum's
// format), so kata can tell a learner's work from the stub even after the learner committed it — for
// `kata reset` (which restores the shipped stub, found in git's history by its hash) and for the
// selftest's stub gate (which checks the stubs only where lessons/ still holds them).
// A lesson pack records its stubs the same way, in its own tests/stubs.sha256: every function here takes the
// `home` of the lesson (the workspace's root, or the pack's folder) and paths relative to it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "workspace.hpp"

namespace kata::cli {

// Recorded hashes by path relative to `home` ("lessons/04_dropout/dropout.cpp" -> hex digest).
std::map<std::string, std::string> shipped_stub_hashes(const fs::path& home);

// The files recorded for `lesson` (its stubs as shipped), relative to the lesson's home
// ("lessons/04_dropout/dropout.cpp"): also those CMake no longer lists because they were deleted.
std::vector<std::string> shipped_stub_files(const Lesson& lesson);

// Whether the file at `relative` holds exactly the shipped stub (false when no hash is recorded).
bool holds_shipped_stub(const fs::path& home, const std::string& relative);

// The shipped stub's text, from the git history of the repository `home` is in; nothing, with `*why`,
// when it cannot be found.
std::optional<std::string> shipped_stub_text(const fs::path& home, const std::string& relative, std::string* why);

// Adds (or replaces) the record of the file `relative` as it is now in home/tests/stubs.sha256, keeping the
// lines sorted by path (kata new). False, with `*why`, when the file cannot be read or the record written.
bool record_shipped_stub(const fs::path& home, const std::string& relative, std::string* why);

}  // namespace kata::cli
