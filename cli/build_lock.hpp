// One kata at a time per build folder: two builds in one folder at once corrupt each other (a linker
// reading an object another compiler is writing died with SIGBUS). An advisory lock (flock) on
// build/<preset>/.kata-lock; the kernel drops it when the process ends, however it ends, so it is never
// stale. A second kata waits and says whom it waits for.
#pragma once

#include <filesystem>
#include <string>

namespace kata::cli {

class BuildLock {
 public:
  // `what` says what this kata is doing, for a second one that has to wait ("kata check 01").
  BuildLock(const std::filesystem::path& build_dir, const std::string& what);
  ~BuildLock();
  BuildLock(const BuildLock&) = delete;
  BuildLock& operator=(const BuildLock&) = delete;

 private:
  std::string key_;
};

}  // namespace kata::cli
