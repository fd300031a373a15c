// SHA-256 with OpenSSL's libcrypto: what the CLI uses to tell whether a file's *contents* changed
// (verdicts and rebuilds follow contents, not time stamps) and to compare stubs with the shipped ones.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace kata::cli {

// Lower-case hex SHA-256 of a file's bytes, or nothing when it cannot be read.
std::optional<std::string> sha256_of_file(const std::filesystem::path& file);
std::string sha256_of(const std::string& bytes);

}  // namespace kata::cli
