// Benchmark: mini-batch gradient descent (batches of 64, learning rate 0.1) of the support network
// [64, 64, 10] on digits (1797 images, pixels scaled by 1/16, one-hot labels), from He initialization
// with Rng(1). Times every epoch (through the on_epoch hook, so each figure is one epoch in steady state,
// not a fresh train() call) and prints the median wall time, the median CPU time of the process (on a busy
// machine the wall clock also counts the time other programs had the core; the CPU time does not), and the
// training cost of the last epoch.
// bench/network_vs_numpy.py does the same job in numpy: kata::Rng reproduces np.random.seed's stream, so
// both draw the same initial weights and the same batches.
// Usage: kata_bench_network [EPOCHS]   (default 20). Run with bench/network.sh or bench/network_vs_numpy.sh.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

#include "kata/dataset.hpp"
#include "kata/experiment.hpp"
#include "kata/network.hpp"

namespace {

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t epochs = argc > 1 ? static_cast<std::size_t>(std::atoi(argv[1])) : 20;
  if (epochs < 1) {
    std::fprintf(stderr, "usage: kata_bench_network [EPOCHS >= 1]\n");
    return 2;
  }
  kata::tune_allocator();  // as in every experiment
  const kata::Dataset digits = kata::load_dataset("digits");
  const arma::mat X = digits.X / 16.0;
  const arma::mat Y = kata::one_hot(digits.y, 10);
  kata::Rng rng(1);
  kata::Params params = kata::initialize_he({64, 64, 10}, rng);
  kata::TrainOptions opt;
  opt.learning_rate = 0.1;
  opt.epochs = epochs;
  opt.batch_size = 64;
  std::vector<double> seconds, cpu;
  auto last = std::chrono::steady_clock::now();
  double last_cpu = cpu_seconds();
  kata::Hooks hooks;
  hooks.on_epoch = [&](const kata::EpochReport&, const kata::Params&) {
    const auto now = std::chrono::steady_clock::now();
    const double now_cpu = cpu_seconds();
    seconds.push_back(std::chrono::duration<double>(now - last).count());
    cpu.push_back(now_cpu - last_cpu);
    last = now;
    last_cpu = now_cpu;
    return false;
  };
  const kata::History h = kata::train(params, X, Y, opt, hooks, rng);
  std::printf("C++    network [64, 64, 10], digits m = %llu, batch 64: one epoch median %.3f ms (min %.3f, max %.3f)"
              " over %zu epochs, cpu %.3f ms; train cost of epoch %zu %.15f\n",
              static_cast<unsigned long long>(X.n_cols), 1e3 * median(seconds),
              1e3 * *std::min_element(seconds.begin(), seconds.end()),
              1e3 * *std::max_element(seconds.begin(), seconds.end()), epochs, 1e3 * median(cpu), epochs,
              h.train_cost.back());
  return 0;
}
