#include "kata/experiment.hpp"

#include <cstdlib>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <iostream>

#include "kata/errors.hpp"

namespace kata {

std::string experiment_variant() {
  const char* env = std::getenv("KATA_VARIANT");
  return env == nullptr ? "" : env;
}

void tune_allocator() {
#if defined(__GLIBC__)
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  // Blocks of 128 KiB and more (a digits-sized matrix) would otherwise each get fresh pages from mmap and
  // give them back on free: page faults on every use. 32 MiB is glibc's largest threshold.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
}

int run_experiment(const std::string& title, const std::function<void()>& body) {
  tune_allocator();
  const std::string variant = experiment_variant();
  std::cout << "== " << title << (variant.empty() ? "" : " (" + variant + " code)") << " ==\n";
  try {
    body();
  } catch (const NotImplemented& e) {
    std::cout.flush();
    std::cerr << "experiment stopped: " << e.what()
              << "\n  finish " << e.function() << "() (./kata check) or run the reference: ./kata run --reference\n";
    return 3;
  } catch (const std::exception& e) {
    std::cout.flush();
    std::cerr << "experiment failed: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace kata
