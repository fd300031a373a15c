// Benchmark: one epoch of mini-batch gradient descent (batches of 64) of the support network
// [64, 64, 10] on digits (1797 images, pixels scaled by 1/16, one-hot labels). Prints the median
// seconds of 5 epochs. Run with bench/network.sh.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "kata/dataset.hpp"
#include "kata/network.hpp"

int main() {
  const kata::Dataset digits = kata::load_dataset("digits");
  const arma::mat X = digits.X / 16.0;
  const arma::mat Y = kata::one_hot(digits.y, 10);
  kata::Rng rng(1);
  kata::Params params = kata::initialize_he({64, 64, 10}, rng);
  kata::TrainOptions opt;
  opt.learning_rate = 0.1;
  opt.epochs = 1;
  opt.batch_size = 64;
  std::vector<double> seconds;
  double cost = 0.0;
  for (int run = 0; run < 5; ++run) {
    const auto start = std::chrono::steady_clock::now();
    cost = kata::train(params, X, Y, opt, {}, rng).train_cost.back();
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(seconds.begin(), seconds.end());
  std::printf("network [64, 64, 10], digits m = %llu, batch 64: one epoch median %.4f s (min %.4f, max %.4f); "
              "train cost after 5 epochs %.4f\n",
              static_cast<unsigned long long>(X.n_cols), seconds[2], seconds[0], seconds[4], cost);
  return 0;
}
