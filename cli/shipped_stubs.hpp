// The stubs as shipped: tests/stubs.sha256 records the SHA-256 of every lesson's stub file (sha256sum's
// format), so kata can tell a learner's work from the stub even after the learner committed it — for
// `kata reset` (which restores the shipped stub, found in git's history by its hash) and for the
// selftest's stub gate (which checks the stubs only where lessons/ still holds them).
#pragma once

#include <map>
#include <optional>
#include <string>

#include "workspace.hpp"

namespace kata::cli {

// Recorded hashes by path relative to the root ("lessons/04_dropout/dropout.cpp" -> hex digest).
std::map<std::string, std::string> shipped_stub_hashes(const fs::path& root);

// Whether the file at `relative` holds exactly the shipped stub (false when no hash is recorded).
bool holds_shipped_stub(const fs::path& root, const std::string& relative);

// The shipped stub's text, from git's history; nothing, with `*why`, when it cannot be found.
std::optional<std::string> shipped_stub_text(const fs::path& root, const std::string& relative, std::string* why);

}  // namespace kata::cli
