#include "process.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <stdexcept>

#include "bounded_output.hpp"
#include "messages.hpp"

extern char** environ;

// The record getdents64 returns (the C library does not declare it).
struct linux_dirent64 {
  ino64_t d_ino;
  off64_t d_off;
  unsigned short d_reclen;
  unsigned char d_type;
  char d_name[256];  // (really as long as d_reclen says)
};

namespace kata::cli {

namespace {

// ---- the processes kata is running, for the interrupt handler ---------------------------------------
// A fixed table of atomics: the signal handler may read it at any moment, without locks or allocation.
constexpr int kSlots = 64;
std::atomic<pid_t> g_running[kSlots];
// Held across fork() and registration, and while looking for strays, so a child is never taken for a
// stray between its birth and its registration.
std::mutex g_spawn_mutex;

int register_child(pid_t pid) {
  for (int i = 0; i < kSlots; ++i) {
    pid_t expected = 0;
    if (g_running[i].compare_exchange_strong(expected, pid)) return i;
  }
  return -1;  // more than 64 children at once: it still runs, only an interrupt would not know it
}

// Frees the slot only while it still holds this child: once freed, another thread's child may take it.
void release_slot(int slot, pid_t pid) {
  if (slot < 0) return;
  pid_t expected = pid;
  g_running[slot].compare_exchange_strong(expected, 0);
}

bool is_registered(pid_t pid) {
  for (auto& slot : g_running)
    if (slot.load() == pid) return true;
  return false;
}

// Set by cancel_runs(): the running children end, and no new one starts.
std::atomic<bool> g_cancelled{false};

char g_activity[256] = "";
// The interrupted message around the activity, in the learner's language: translated once at start-up,
// because the signal handler may not allocate.
char g_interrupted_prefix[128] = "\ninterrupted: ";
char g_interrupted_suffix[256] = " stopped; every process it started has ended.\n";
void (*g_restore)() = nullptr;

// Children of this process that kata did not start itself: orphans re-parented to it (it is their
// subreaper) after the process that started them ended. Async-signal-safe: raw syscalls, no allocation.
// Calls visit(pid) for each child of this process (of any of its threads): /proc/self/task/<tid>/children.
// Async-signal-safe (raw syscalls, fixed buffers), because the interrupt handler uses it too.
template <typename Visit>
void for_each_child(Visit visit) {
  const int dir = ::open("/proc/self/task", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return;
  alignas(8) char entries[4096];
  char text[4096];
  long got;
  while ((got = ::syscall(SYS_getdents64, dir, entries, sizeof entries)) > 0) {
    for (long at = 0; at < got;) {
      const auto* entry = reinterpret_cast<const linux_dirent64*>(entries + at);
      at += entry->d_reclen;
      if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
      char path[96] = "/proc/self/task/";
      std::strncat(path, entry->d_name, 32);
      std::strncat(path, "/children", 16);
      const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
      if (fd < 0) continue;
      const ssize_t n = ::read(fd, text, sizeof text - 1);
      ::close(fd);
      if (n <= 0) continue;
      long pid = 0;
      bool in_number = false;
      for (ssize_t i = 0; i <= n; ++i) {
        if (i < n && text[i] >= '0' && text[i] <= '9') {
          pid = pid * 10 + (text[i] - '0');
          in_number = true;
        } else if (in_number) {
          visit(static_cast<pid_t>(pid));
          pid = 0;
          in_number = false;
        }
      }
    }
  }
  ::close(dir);
}

void kill_strays_locked() {
  for_each_child([](pid_t pid) {
    if (is_registered(pid)) return;
    ::kill(-pid, SIGKILL);  // it may lead a process group of its own (a compiler under ninja)
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
  });
}

void write_str(const char* s) {
  std::size_t n = std::strlen(s);
  while (n > 0) {
    const ssize_t w = ::write(STDERR_FILENO, s, n);
    if (w <= 0) return;
    s += w;
    n -= static_cast<std::size_t>(w);
  }
}

extern "C" void handle_interrupt(int) {
  if (g_restore != nullptr) g_restore();
  // Politely first: ninja stops its compilers, a test program ends.
  for (auto& slot : g_running)
    if (const pid_t pid = slot.load(); pid > 0) {
      ::kill(-pid, SIGTERM);
      ::kill(pid, SIGTERM);  // one just forked may not lead its group yet
    }
  for (int waited = 0; waited < 10; ++waited) {
    bool any = false;
    for (auto& slot : g_running)
      if (const pid_t pid = slot.load(); pid > 0) {
        if (::waitpid(pid, nullptr, WNOHANG) == pid || (::kill(pid, 0) != 0 && errno == ESRCH)) slot.store(0);
        else any = true;
      }
    if (!any) break;
    const timespec pause{0, 50'000'000};
    ::nanosleep(&pause, nullptr);
  }
  for (auto& slot : g_running)
    if (const pid_t pid = slot.load(); pid > 0) {
      ::kill(-pid, SIGKILL);
      ::kill(pid, SIGKILL);
      ::waitpid(pid, nullptr, 0);
    }
  // Whatever they left behind (compilers whose ninja is gone, processes a learner's code forked).
  for_each_child([](pid_t pid) {
    ::kill(-pid, SIGKILL);
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
  });
  write_str(g_interrupted_prefix);
  write_str(g_activity[0] != '\0' ? g_activity : "kata");
  write_str(g_interrupted_suffix);
  ::_exit(130);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The environment for the child, built before fork(): after fork only async-signal-safe calls are allowed.
std::vector<std::string> child_environment(const std::map<std::string, std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    const std::string entry = *e;
    const std::string key = entry.substr(0, entry.find('='));
    if (!extra.count(key)) env.push_back(entry);
  }
  for (const auto& [key, value] : extra) env.push_back(key + "=" + value);
  return env;
}

// Splits arriving bytes into lines; a line longer than `max_line` is handed over in pieces.
class LineSplitter {
 public:
  explicit LineSplitter(std::function<void(const std::string&)> sink) : sink_(std::move(sink)) {}
  void feed(const char* data, std::size_t n) {
    if (!sink_) return;
    pending_.append(data, n);
    std::size_t start = 0, nl;
    while ((nl = pending_.find('\n', start)) != std::string::npos) {
      sink_(pending_.substr(start, nl - start));
      start = nl + 1;
    }
    pending_.erase(0, start);
    if (pending_.size() > max_line) {
      sink_(pending_.substr(0, max_line));
      pending_.clear();
    }
  }
  void finish() {
    if (sink_ && !pending_.empty()) sink_(pending_);
    pending_.clear();
  }

 private:
  static constexpr std::size_t max_line = 64 * 1024;
  std::function<void(const std::string&)> sink_;
  std::string pending_;
};

}  // namespace

void install_interrupt_handling() {
  const std::string prefix = tr("interrupt.prefix"), suffix = tr("interrupt.suffix");
  if (prefix.size() < sizeof g_interrupted_prefix && suffix.size() < sizeof g_interrupted_suffix) {
    std::memcpy(g_interrupted_prefix, prefix.c_str(), prefix.size() + 1);
    std::memcpy(g_interrupted_suffix, suffix.c_str(), suffix.size() + 1);
  }
  ::prctl(PR_SET_CHILD_SUBREAPER, 1);
  struct sigaction sa{};
  sa.sa_handler = handle_interrupt;
  sigfillset(&sa.sa_mask);  // one handler at a time
  for (const int sig : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(sig, &sa, nullptr);
}

void set_activity(const std::string& activity) {
  // Written while the handler may read it: a torn message is the worst case, never a crash (always
  // NUL-terminated within the buffer).
  const std::size_t n = std::min(activity.size(), sizeof g_activity - 1);
  g_activity[n] = '\0';
  std::memcpy(g_activity, activity.data(), n);
}

void on_interrupt_restore(void (*restore)()) { g_restore = restore; }

void cancel_runs() { g_cancelled.store(true); }
void allow_runs() { g_cancelled.store(false); }
bool runs_cancelled() { return g_cancelled.load(); }

bool on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return false;
  std::string dirs = path;
  std::size_t start = 0;
  while (start <= dirs.size()) {
    const auto end = dirs.find(':', start);
    const std::string dir = dirs.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!dir.empty() && ::access((dir + "/" + program).c_str(), X_OK) == 0) return true;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return false;
}

int terminal_width() {
  winsize ws{};
  if (::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  if (const char* columns = std::getenv("COLUMNS"); columns != nullptr && std::atoi(columns) > 0)
    return std::atoi(columns);
  return 80;
}

std::size_t learner_memory_limit_mb() {
  if (const char* v = std::getenv("KATA_MEMORY_LIMIT_MB"); v != nullptr && *v != '\0') {
    char* end = nullptr;
    const unsigned long long mb = std::strtoull(v, &end, 10);
    if (end != v && *end == '\0') return static_cast<std::size_t>(mb);
  }
  const long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGESIZE);
  const std::size_t physical_mb = pages > 0 && page > 0 ? static_cast<std::size_t>(pages) / (1024 * 1024 / page) : 0;
  return std::clamp<std::size_t>(physical_mb / 2, 2048, 8192);
}

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options) {
  if (argv.empty()) throw std::invalid_argument("run_process(): empty command");
  if (g_cancelled.load()) {
    ProcessResult abandoned;
    abandoned.stopped = true;
    return abandoned;
  }
  // Everything the child needs, prepared before fork().
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const bool progress = static_cast<bool>(options.on_progress);
  std::map<std::string, std::string> extra_env = options.env;
  if (progress) extra_env["KATA_PROGRESS_FD"] = "3";
  const auto env_strings = child_environment(extra_env);
  std::vector<char*> envp;
  for (const auto& e : env_strings) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  const std::string not_found = tr("process.cannot_run", {argv[0]});
  rlimit memory{};
  memory.rlim_cur = memory.rlim_max = static_cast<rlim_t>(options.memory_limit_mb) * 1024 * 1024;

  int out[2] = {-1, -1}, prog[2] = {-1, -1};
  if (!options.inherit_output && ::pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("run_process(): pipe failed");
  if (progress && ::pipe2(prog, O_CLOEXEC) != 0) throw std::runtime_error("run_process(): pipe failed");

  sigset_t all, previous;
  sigfillset(&all);
  pid_t pid = -1;
  int slot = -1;
  {
    std::lock_guard<std::mutex> lock(g_spawn_mutex);
    ::pthread_sigmask(SIG_BLOCK, &all, &previous);
    pid = ::fork();
    if (pid == 0) {
      // The child: async-signal-safe calls only.
      for (const int sig : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) ::signal(sig, SIG_DFL);
      // Its own process group, so a time limit or an interrupt ends the whole tree. A program that
      // writes to our terminal itself (git diff, kata setup) keeps it; any other, the learner's code
      // above all, gets a session of its own without a controlling terminal: /dev/tty cannot be opened,
      // its only way out is the pipes read here, and a Ctrl-C or Ctrl-Z at the terminal reaches only kata.
      if (options.inherit_output) ::setpgid(0, 0);
      else ::setsid();
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // and it ends if kata is killed outright
      if (!options.inherit_output) {
        ::dup2(out[1], STDOUT_FILENO);
        ::dup2(out[1], STDERR_FILENO);
        const int devnull = ::open("/dev/null", O_RDONLY);
        if (devnull >= 0) ::dup2(devnull, STDIN_FILENO);
      }
      if (progress) ::dup2(prog[1], 3);  // dup2 clears FD_CLOEXEC on the copy
      if (options.memory_limit_mb > 0) ::setrlimit(RLIMIT_AS, &memory);
      ::sigset_t none;
      sigemptyset(&none);
      ::sigprocmask(SIG_SETMASK, &none, nullptr);
      if (!options.working_dir.empty() && ::chdir(options.working_dir.c_str()) != 0) ::_exit(127);
      ::execvpe(args[0], args.data(), envp.data());
      const char* why = std::strerror(errno);
      [[maybe_unused]] auto a = ::write(STDERR_FILENO, not_found.data(), not_found.size());
      [[maybe_unused]] auto b = ::write(STDERR_FILENO, why, std::strlen(why));
      [[maybe_unused]] auto c = ::write(STDERR_FILENO, "\n", 1);
      ::_exit(127);
    }
    if (pid > 0) {
      // Also from here, so the group exists before anyone signals it. Not for a child that calls setsid():
      // setsid() fails in a process that already leads a group. Until its setsid() it is signalled by pid
      // as well (end_group below, the interrupt handler's last sweep).
      if (options.inherit_output) ::setpgid(pid, pid);
      slot = register_child(pid);
    }
    ::pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  }
  if (pid < 0) {
    for (const int fd : {out[0], out[1], prog[0], prog[1]})
      if (fd >= 0) ::close(fd);
    throw std::runtime_error("run_process(): fork failed: " + std::string(std::strerror(errno)));
  }
  if (out[1] >= 0) ::close(out[1]);
  if (prog[1] >= 0) ::close(prog[1]);

  ProcessResult result;
  BoundedOutput kept(options.keep_bytes);
  std::ofstream log;
  std::size_t logged = 0;
  constexpr std::size_t log_limit = 64u * 1024 * 1024;
  if (!options.log_file.empty()) log.open(options.log_file, std::ios::binary | std::ios::trunc);
  LineSplitter lines(options.on_line), progress_lines(options.on_progress);
  const auto start = std::chrono::steady_clock::now();
  bool out_open = out[0] >= 0, prog_open = prog[0] >= 0;
  char buffer[65536];
  auto end_group = [&](bool* flag) {
    *flag = true;
    ::kill(-pid, SIGKILL);
    ::kill(pid, SIGKILL);  // in case it has not made its group yet (just after fork)
  };
  int status = 0;
  bool reaped = false;
  std::chrono::steady_clock::time_point ended;
  auto reap = [&](int flags) {
    if (reaped) return;
    pid_t done;
    while ((done = ::waitpid(pid, &status, flags)) < 0 && errno == EINTR) {
    }
    if (done != pid) return;
    reaped = true;
    ended = std::chrono::steady_clock::now();
    // Its process group outliving it means it started processes that are still running: end them.
    if (::kill(-pid, 0) == 0) {
      result.left_processes = true;
      ::kill(-pid, SIGKILL);
    }
    release_slot(slot, pid);
  };
  // Reads until the child has ended and its output is drained. Output still held open by a process that
  // escaped its group is read for at most half a second more.
  while (true) {
    if (reaped && ((!out_open && !prog_open) || seconds_since(ended) > 0.5)) break;
    pollfd fds[2];
    int n = 0;
    if (out_open) fds[n++] = {out[0], POLLIN, 0};
    if (prog_open) fds[n++] = {prog[0], POLLIN, 0};
    const int ready = n > 0 ? ::poll(fds, static_cast<nfds_t>(n), 50) : (::usleep(50'000), 0);
    if (options.on_tick) options.on_tick();
    if (!reaped && options.timeout_seconds > 0 && seconds_since(start) > options.timeout_seconds) {
      end_group(&result.timed_out);
      reap(0);
      break;
    }
    if (!reaped && (g_cancelled.load() || (options.stop_now && options.stop_now()))) {
      end_group(&result.stopped);
      reap(0);
      break;
    }
    // Progress before output: a check's "start" line should be seen before what the check printed.
    for (int i = n - 1; ready > 0 && i >= 0; --i) {
      if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      const bool is_progress = prog_open && fds[i].fd == prog[0];
      const ssize_t got = ::read(fds[i].fd, buffer, sizeof buffer);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) {
        (is_progress ? prog_open : out_open) = false;
        continue;
      }
      const auto bytes = static_cast<std::size_t>(got);
      if (is_progress) {
        progress_lines.feed(buffer, bytes);
        continue;
      }
      kept.append(buffer, bytes);
      lines.feed(buffer, bytes);
      if (!reaped && options.output_limit > 0 && kept.total() > options.output_limit && !result.flooded) {
        end_group(&result.flooded);
        reap(0);
      }
      if (log.is_open() && logged < log_limit) {
        const std::size_t w = std::min(bytes, log_limit - logged);
        log.write(buffer, static_cast<std::streamsize>(w));
        logged += w;
      }
    }
    reap(WNOHANG);
  }
  lines.finish();
  progress_lines.finish();
  if (out[0] >= 0) ::close(out[0]);
  if (prog[0] >= 0) ::close(prog[0]);
  if (WIFSIGNALED(status)) {
    result.signal = WTERMSIG(status);
    result.exit_code = 128 + result.signal;
  } else {
    result.exit_code = WEXITSTATUS(status);
  }
  {
    std::lock_guard<std::mutex> lock(g_spawn_mutex);
    release_slot(slot, pid);
    kill_strays_locked();
  }
  result.output = kept.text();
  result.output_bytes = kept.total();
  if (log.is_open() && kept.total() > logged)
    log << "\n… " << (kept.total() - logged) << " more bytes were not logged\n";
  return result;
}

}  // namespace kata::cli
