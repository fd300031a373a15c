// The frame every experiment's main() runs in:
//
//   int main() {
//     return kata::run_experiment("01 train/dev/test", [] { ... print tables, save figures ... });
//   }
//
// A learner's unfinished function (kata::NotImplemented) ends the experiment with a one-line message
// naming the function and file, exit code 3; any other exception prints its message, exit code 1.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

#include "kata/network.hpp"

namespace kata {

int run_experiment(const std::string& title, const std::function<void()>& body);

// glibc hands freed heap memory back to the system as soon as the top of the heap exceeds 128 KiB, and
// serves every block of 128 KiB or more with its own mmap: code that allocates and frees matrices in a
// loop (the lessons' hooks, the experiments' own arithmetic) then pays page faults on every step (it
// made training 7-10x slower here before the network kept its buffers). Keeps up to 256 MiB and serves
// blocks up to 32 MiB from the heap instead; a speed setting only, results are unchanged.
// run_experiment() and the test main call it.
void tune_allocator();

// "Which implementation is this?" — "learner" or "solution", from the CLI ($KATA_VARIANT), else "".
std::string experiment_variant();

// Which BLAS the process uses for Armadillo's matrix products: "OpenBLAS 0.3.21 ... (from
// openblas_get_config)", or the file that provides dgemm_ (e.g. ".../blas/libblas.so.3, the reference
// BLAS"), or "none loaded" in a program that makes no BLAS calls (the linker then leaves the library out).
// run_experiment() reports it to `kata run`, which shows it in its header.
std::string blas_description();

// How far a long experiment is, for `kata run`'s progress bar (on a terminal, once a run takes more than
// about a second: steps done, total, time left). Lines go to $KATA_PROGRESS_FD, which kata sets; without
// it (an experiment started by hand) nothing is written. Reports at most about ten times a second.
//
//   kata::Progress progress("training", 6 * epochs);       // one bar for the whole experiment
//   kata::fit(dims, X, Y, opt, kata::counting_epochs(hooks, progress), rng);
class Progress {
 public:
  Progress(std::string label, std::size_t total);
  ~Progress();  // reports the end (done = total)
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  void advance(std::size_t steps = 1);

 private:
  void report();
  std::string label_;
  std::size_t total_, done_ = 0;
  int fd_ = -1;
  std::chrono::steady_clock::time_point last_;
};

// `hooks` with an on_epoch that advances `progress` by one epoch, then calls the original on_epoch (if any).
Hooks counting_epochs(Hooks hooks, Progress& progress);

}  // namespace kata
