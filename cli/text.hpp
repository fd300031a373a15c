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

namespace kata::cli {

// Text the code under test controls (its output, an exception's message), made safe to print: ESC and the
// other C0 control characters but newline and tab, DEL, and the C1 controls (U+0080-U+009F) are shown as
// \e, \xNN or \u00NN, so no escape sequence reaches the terminal (colours left on, the cursor hidden, the
// alternate screen, the window title). Everything else, UTF-8 included, stays as it is.
std::string printable(const std::string& text);

// At most `limit` bytes of `text` (cut at a UTF-8 character boundary), with a note of how much was cut.
std::string capped(const std::string& text, std::size_t limit);

}  // namespace kata::cli
