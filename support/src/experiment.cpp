#include "kata/experiment.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdio>
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

namespace {

// The descriptor kata reads progress from ($KATA_PROGRESS_FD), or -1.
int progress_fd() {
  const char* env = std::getenv("KATA_PROGRESS_FD");
  if (env == nullptr || *env == '\0') return -1;
  char* end = nullptr;
  const long fd = std::strtol(env, &end, 10);
  return *end == '\0' && fd >= 0 && fd <= INT_MAX ? static_cast<int>(fd) : -1;
}

// One whole line, or nothing (a pipe write of less than PIPE_BUF bytes is atomic).
void write_line(int fd, const std::string& line) {
  if (fd < 0 || line.size() >= 512) return;
  [[maybe_unused]] const auto written = ::write(fd, line.data(), line.size());
}

}  // namespace

std::string blas_description() {
  // OpenBLAS says what it is and how it was built ("OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Zen
  // SINGLE_THREADED"). Looked up at run time: the library is whichever libblas.so.3 the system chose.
  using config_fn = char* (*)();
  if (void* f = ::dlsym(RTLD_DEFAULT, "openblas_get_config"); f != nullptr) {
    const char* config = reinterpret_cast<config_fn>(f)();
    if (config != nullptr) return config;
  }
  Dl_info info{};
  void* dgemm = ::dlsym(RTLD_DEFAULT, "dgemm_");
  if (dgemm == nullptr || ::dladdr(dgemm, &info) == 0 || info.dli_fname == nullptr)
    return "none loaded (this program makes no BLAS calls)";
  std::string file = info.dli_fname;
  if (char* real = ::realpath(file.c_str(), nullptr); real != nullptr) {
    file = real;
    std::free(real);
  }
  if (file.find("/blas/libblas.so") != std::string::npos)
    return file + ", the reference BLAS (slow: ./kata setup installs OpenBLAS)";
  return file;
}

Progress::Progress(std::string label, std::size_t total)
    : label_(std::move(label)), total_(total), fd_(progress_fd()), last_(std::chrono::steady_clock::now()) {
  report();
}

Progress::~Progress() {
  done_ = total_;
  report();
}

void Progress::advance(std::size_t steps) {
  done_ += steps;
  if (fd_ < 0) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(100) && done_ < total_) return;
  last_ = now;
  report();
}

void Progress::report() {
  write_line(fd_, "progress " + std::to_string(std::min(done_, total_)) + " " + std::to_string(total_) + " " +
                      label_ + "\n");
}

Hooks counting_epochs(Hooks hooks, Progress& progress) {
  hooks.on_epoch = [inner = std::move(hooks.on_epoch), &progress](const EpochReport& r, const Params& p) {
    progress.advance();
    return inner ? inner(r, p) : false;
  };
  return hooks;
}

int run_experiment(const std::string& title, const std::function<void()>& body) {
  tune_allocator();
  // Line by line even into kata's pipe: each table row shows as it is computed, above the progress bar.
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  write_line(progress_fd(), "blas " + blas_description() + "\n");
  const std::string variant = experiment_variant();
  std::cout << "== " << title << (variant.empty() ? "" : " (" + variant + " code)") << " ==\n";
  try {
    body();
  } catch (const NotImplemented& e) {
    std::cout.flush();
    std::cerr << "experiment stopped: " << e.what() << "\n";
    // Under `kata run` (which sets KATA_LESSON) kata says what to do next itself, once, in the learner's
    // language; run by hand, the experiment says it.
    if (std::getenv("KATA_LESSON") == nullptr)
      std::cerr << "  finish " << e.function() << "() (./kata check) or run the reference: ./kata run --reference\n";
    return 3;
  } catch (const std::exception& e) {
    std::cout.flush();
    std::cerr << "experiment failed: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace kata
