#include "build_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <iostream>
#include <map>
#include <mutex>

#include "messages.hpp"

namespace kata::cli {

namespace {
// Held locks of this process, by folder: nested users (kata list checking a lesson) share one, since a
// second flock() on a new descriptor of the same file would wait for ourselves.
struct Held {
  int fd = -1;
  int depth = 0;
};
std::mutex g_mutex;
std::map<std::string, Held> g_held;
}  // namespace

BuildLock::BuildLock(const std::filesystem::path& build_dir, const std::string& what) : key_(build_dir.string()) {
  std::lock_guard<std::mutex> guard(g_mutex);
  Held& held = g_held[key_];
  if (held.depth++ > 0) return;
  std::error_code ec;
  std::filesystem::create_directories(build_dir, ec);
  const std::string file = (build_dir / ".kata-lock").string();
  held.fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (held.fd < 0) return;  // a read-only build folder: the build itself will say what is wrong
  if (::flock(held.fd, LOCK_EX | LOCK_NB) != 0) {
    char holder[256] = {};
    [[maybe_unused]] const auto n = ::pread(held.fd, holder, sizeof holder - 1, 0);
    std::cerr << tr("lock.waiting", {build_dir.string(), holder[0] != '\0' ? std::string(" (") + holder + ")" : std::string()})
              << "\n";
    while (::flock(held.fd, LOCK_EX) != 0 && errno == EINTR) {
    }
  }
  const std::string me = "pid " + std::to_string(::getpid()) + ": " + what;
  if (::ftruncate(held.fd, 0) == 0) {
    [[maybe_unused]] const auto n = ::pwrite(held.fd, me.data(), me.size(), 0);
  }
}

BuildLock::~BuildLock() {
  std::lock_guard<std::mutex> guard(g_mutex);
  Held& held = g_held[key_];
  if (--held.depth > 0) return;
  if (held.fd >= 0) {
    [[maybe_unused]] const auto r = ::ftruncate(held.fd, 0);
    ::flock(held.fd, LOCK_UN);
    ::close(held.fd);
  }
  g_held.erase(key_);
}

}  // namespace kata::cli
