// Terminal output: colours only on a terminal (and never with NO_COLOR or CI set), progress bars,
// and a one-line build progress display.
#pragma once

#include <string>
#include <string_view>

namespace kata::cli::ui {

bool interactive();  // stdout is a terminal and not under CI
bool color();             // colours: a terminal that takes escape codes, and no NO_COLOR
bool can_rewrite_line();  // "\r\033[K" and cursor moves: the same terminals

std::string green(const std::string& s);
std::string red(const std::string& s);
std::string yellow(const std::string& s);
std::string bold(const std::string& s);
std::string dim(const std::string& s);

// The columns `text` takes on a terminal: East Asian wide characters (Hangul, CJK) take 2, combining marks
// and escape sequences (colours) 0, everything else 1. printf's "%-20s" pads by bytes, which misaligns a
// table as soon as a cell holds Korean: tables pad with pad() instead.
std::size_t width(std::string_view text);
// `text` followed by spaces up to `columns` display columns (right-aligned: spaces first).
std::string pad(const std::string& text, std::size_t columns);
std::string pad_left(const std::string& text, std::size_t columns);

// "[#####.....]" of `width` cells for done/total.
std::string bar(double done, double total, int width = 30);

// Shows "label [####....] 12/56  3s" on one rewritten line on a terminal once the step has taken more
// than a second (quick steps stay silent); elsewhere prints a line at most every 25%. tick() keeps the
// elapsed time moving while nothing else happens (a configure, a long compile). finish() ends the line.
class Progress {
 public:
  explicit Progress(std::string label);
  void update(long done, long total);
  void tick();
  void finish(const std::string& outcome);

 private:
  void draw();
  double elapsed() const;
  std::string label_;
  long done_ = 0, total_ = 0;
  int last_quarter_ = -1;
  bool drawn_ = false;
  double start_ = 0, last_draw_ = -1;
};

}  // namespace kata::cli::ui
