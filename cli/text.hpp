// Small text helpers the commands share: a whole file as a string, its lines, fields, a regex literal.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kata::cli {

// The file's bytes as they are ("" when it cannot be read).
std::string read_text(const std::filesystem::path& path);

// `text` split at '\n' (no line endings kept; no empty last line for a final '\n').
std::vector<std::string> lines_of(const std::string& text);

// `text` split at `sep`, empty fields left out.
std::vector<std::string> split(const std::string& text, char sep);

// A row's fields between `sep`s, empty ones kept (a TSV row: "a\t\tc" is {"a", "", "c"}).
std::vector<std::string> fields_of(const std::string& row, char sep);

// `text` as a regular expression that matches exactly it (gcovr's --filter takes a regex).
std::string regex_literal(const std::string& text);

}  // namespace kata::cli
