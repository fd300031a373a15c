#include "ui.hpp"

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

std::string bar(double done, double total, int width) {
  const int filled = total <= 0 ? 0 : static_cast<int>(width * done / total + 0.5);
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
