// Every line the CLI prints, in English and Korean (issue 16): a catalogue keyed by id, and tr() to fetch
// the text in the learner's language with {1}, {2}, ... replaced by values.
//
//   std::cout << tr("check.summary", {lesson.name, passed, total}) << "\n";
//
// The language: Korean when KATA_LANG starts with "ko", or when KATA_LANG is unset (or empty) and the locale
// (the first of LC_ALL, LC_MESSAGES, LANG that is set) starts with "ko"; English otherwise (KATA_LANG=en
// forces English). What the checks themselves print (their failure messages) stays English, and so do the
// status codes saved in state files and written to JSON and JUnit: only their display is translated.
//
// Keys are string literals at every call (the selftest gate "CLI messages in both languages" finds them
// by scanning cli/*.cpp for tr("...")), so a key that is missing from the catalogue, or an entry without
// its Korean text, fails the gate by name.
#pragma once

#include <concepts>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace kata::cli {

enum class Language { english, korean };

// Decided once, from the environment (above).
Language language();
inline bool korean() { return language() == Language::korean; }

// One value for a placeholder: text or a number.
struct MessageArg {
  std::string text;
  MessageArg(std::string s) : text(std::move(s)) {}
  MessageArg(const char* s) : text(s) {}
  MessageArg(std::string_view s) : text(s) {}
  template <std::integral T>
  MessageArg(T n) : text(std::to_string(n)) {}
};

// The text of `key` in the current language with {n} replaced by args[n-1]. An unknown key comes back
// as itself (the selftest gate catches it first).
std::string tr(std::string_view key, std::initializer_list<MessageArg> args = {});

// The English text whatever the language: for what is written to reports (JSON, JUnit), which stay English.
std::string tr_english(std::string_view key, std::initializer_list<MessageArg> args = {});

// A status code ("done", "failing", ...) as the learner reads it: 완료, 실패 중, ... in Korean.
std::string status_word(const std::string& status);

// One entry of the catalogue.
struct Message {
  const char* key;
  const char* en;
  const char* ko;
};
const std::vector<Message>& message_catalogue();

// The gate "CLI messages in both languages": every entry has non-empty English and Korean text with the
// same placeholders, no key is listed twice, every key a tr("...") call in `cli_dir`'s sources uses is in
// the catalogue, and every entry is used somewhere. One "key: problem" line per problem; `checked` counts
// the entries and uses that are fine.
std::vector<std::string> message_problems(const std::filesystem::path& cli_dir, int* checked);

}  // namespace kata::cli
