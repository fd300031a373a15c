// Terminal output: colours only on a terminal (and never with NO_COLOR or CI set), progress bars,
// and a one-line build progress display.
#pragma once

#include <string>

namespace kata::cli::ui {

bool interactive();  // stdout is a terminal and not under CI
bool color();

std::string green(const std::string& s);
std::string red(const std::string& s);
std::string yellow(const std::string& s);
std::string bold(const std::string& s);
std::string dim(const std::string& s);

// "[#####.....]" of `width` cells for done/total.
std::string bar(double done, double total, int width = 30);

// Shows "label [####....] 12/56" on one rewritten line on a terminal; elsewhere prints a line at most
// every 25%. finish() ends the line.
class Progress {
 public:
  explicit Progress(std::string label);
  void update(long done, long total);
  void finish(const std::string& outcome);

 private:
  std::string label_;
  int last_quarter_ = -1;
  bool drawn_ = false;
};

}  // namespace kata::cli::ui
