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

// "Which implementation is this?" — "learner" or "solution", from the CLI ($KATA_VARIANT), else "".
std::string experiment_variant();

}  // namespace kata
