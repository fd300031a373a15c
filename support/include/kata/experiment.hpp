// The frame every experiment's main() runs in:
//
//   int main() {
//     return kata::run_experiment("01 train/dev/test", [] { ... print tables, save figures ... });
//   }
//
// A learner's unfinished function (kata::NotImplemented) ends the experiment with a one-line message
// naming the function and file, exit code 3; any other exception prints its message, exit code 1.
#pragma once

#include <functional>
#include <string>

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

}  // namespace kata
