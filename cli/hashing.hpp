// SHA-256 with OpenSSL's libcrypto: what the CLI uses to tell whether a file's *contents* changed
// (verdicts and rebuilds follow contents, not time stamps) and to compare stubs with the shipped ones.
#pragma once

#include <filesystem>
#include <istream>
#include <map>
#include <optional>
#include <string>

namespace kata::cli {

// Lower-case hex SHA-256 of a file's bytes, or nothing when it cannot be read.
std::optional<std::string> sha256_of_file(const std::filesystem::path& file);
std::string sha256_of(const std::string& bytes);

// A list in `sha256sum`'s format (64 hex digits, a space, ' ' or '*', the path), as path -> hash; lines
// starting with '#' and lines too short to hold both are passed over.
std::map<std::string, std::string> read_sha256_list(std::istream& in);

}  // namespace kata::cli
