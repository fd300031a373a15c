#include "ui.hpp"

#include <algorithm>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace kata::cli::ui {

namespace {
bool env_set(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' && std::string(v) != "false" && std::string(v) != "0";
}
std::string paint(const char* code, const std::string& s) {
  return color() ? std::string("\033[") + code + "m" + s + "\033[0m" : s;
}
}  // namespace

bool interactive() { return ::isatty(STDOUT_FILENO) && !env_set("CI"); }
namespace {
// A terminal that understands escape sequences: not TERM=dumb (Emacs shells, some IDE consoles), and not
// when the user asked for plain output with NO_COLOR.
bool escapes() {
  const char* term = std::getenv("TERM");
  return interactive() && !env_set("NO_COLOR") && !(term != nullptr && std::string(term) == "dumb");
}
}  // namespace
bool color() { return escapes(); }
bool can_rewrite_line() { return escapes(); }

std::string green(const std::string& s) { return paint("32", s); }
std::string red(const std::string& s) { return paint("31", s); }
std::string yellow(const std::string& s) { return paint("33", s); }
std::string bold(const std::string& s) { return paint("1", s); }
std::string dim(const std::string& s) { return paint("2", s); }

namespace {

// Whether code point `c` takes two columns: the East Asian Wide and Fullwidth ranges of Unicode's
// EastAsianWidth.txt that a Korean or CJK text can hold. Characters of "ambiguous" width (—, …, ✓, ✗)
// count 1, as in a terminal that is not set to treat them as wide.
bool wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) ||    // Hangul Jamo, leading consonants (the vowels and finals combine)
         (c >= 0x2E80 && c <= 0x303E) ||    // CJK radicals, Kangxi radicals, CJK symbols and punctuation
         (c >= 0x3041 && c <= 0x33FF) ||    // Hiragana, Katakana, Bopomofo, Hangul Compatibility Jamo, CJK compat.
         (c >= 0x3400 && c <= 0x4DBF) ||    // CJK Unified Ideographs Extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||    // CJK Unified Ideographs
         (c >= 0xA000 && c <= 0xA4CF) ||    // Yi
         (c >= 0xA960 && c <= 0xA97F) ||    // Hangul Jamo Extended-A
         (c >= 0xAC00 && c <= 0xD7A3) ||    // Hangul Syllables: every Korean word of the catalogue
         (c >= 0xF900 && c <= 0xFAFF) ||    // CJK Compatibility Ideographs
         (c >= 0xFE30 && c <= 0xFE4F) ||    // CJK Compatibility Forms
         (c >= 0xFF00 && c <= 0xFF60) ||    // Fullwidth Forms
         (c >= 0xFFE0 && c <= 0xFFE6) ||    // Fullwidth signs
         (c >= 0x1F300 && c <= 0x1F64F) ||  // emoji pictographs and emoticons
         (c >= 0x1F900 && c <= 0x1F9FF) ||  // supplemental symbols and pictographs
         (c >= 0x20000 && c <= 0x3FFFD);    // CJK Unified Ideographs Extensions B and later
}

// Combining marks and invisible characters: no column of their own.
bool zero_width(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) ||  // combining diacritical marks
         (c >= 0x1160 && c <= 0x11FF) ||  // Hangul Jamo vowels and final consonants (join the leading one)
         (c >= 0x200B && c <= 0x200F) ||  // zero-width space, joiners, direction marks
         (c >= 0xFE00 && c <= 0xFE0F);    // variation selectors
}

}  // namespace

std::size_t width(std::string_view text) {
  std::size_t columns = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b == 0x1B) {  // an escape sequence "\033[...m": colours take no room
      ++i;
      if (i < text.size() && text[i] == '[') {
        ++i;
        while (i < text.size() && !(text[i] >= 0x40 && text[i] <= 0x7E)) ++i;
        ++i;
      }
      continue;
    }
    // Decode one UTF-8 sequence; a stray byte counts as one column.
    const std::size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
    char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (std::size_t k = 1; k < len && i + k < text.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    i += len;
    if (c < 0x20 || zero_width(c)) continue;
    columns += wide(c) ? 2 : 1;
  }
  return columns;
}

std::string pad(const std::string& text, std::size_t columns) {
  const std::size_t w = width(text);
  return w >= columns ? text : text + std::string(columns - w, ' ');
}

std::string pad_left(const std::string& text, std::size_t columns) {
  const std::size_t w = width(text);
  return w >= columns ? text : std::string(columns - w, ' ') + text;
}

std::string bar(double done, double total, int width) {
  // Rounded down: a bar is full only when the work is (46 of 47 checks is not a full bar).
  const int filled = total <= 0 ? 0 : std::clamp(static_cast<int>(width * done / total), 0, width);
  return "[" + std::string(filled, '#') + std::string(width - filled, '.') + "]";
}

namespace {
double now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

Progress::Progress(std::string label) : label_(std::move(label)), start_(now()) {}

double Progress::elapsed() const { return now() - start_; }

void Progress::draw() {
  const double t = elapsed();
  if (t < 1.0) return;  // steps under a second need no progress display
  if (last_draw_ >= 0 && t - last_draw_ < 0.1) return;
  last_draw_ = t;
  static const char* spinner = "|/-\\";
  std::string line = "\r\033[K" + label_ + " ";
  if (total_ > 0) line += bar(done_, total_, 24) + " " + std::to_string(done_) + "/" + std::to_string(total_);
  else line += spinner[static_cast<int>(t * 8) % 4];
  line += "  " + std::to_string(static_cast<int>(t)) + "s";
  std::fputs(line.c_str(), stdout);
  std::fflush(stdout);
  drawn_ = true;
}

void Progress::update(long done, long total) {
  if (total <= 0) return;
  done_ = done;
  total_ = total;
  if (can_rewrite_line()) {
    last_draw_ = -1;
    draw();
    return;
  }
  if (total < 10) return;  // short builds need no progress lines in a log
  const int quarter = static_cast<int>(4 * done / total);
  if (quarter > last_quarter_) {
    last_quarter_ = quarter;
    std::printf("%s %ld/%ld\n", label_.c_str(), done, total);
    std::fflush(stdout);
  }
}

void Progress::tick() {
  if (can_rewrite_line()) draw();
}

void Progress::finish(const std::string& outcome) {
  if (drawn_) std::printf("\r\033[K");
  if (!outcome.empty()) std::printf("%s %s\n", label_.c_str(), outcome.c_str());
  std::fflush(stdout);
}

}  // namespace kata::cli::ui
