// The Boost.Test module's entry point, shared by every test executable (BOOST_TEST_DYN_LINK), and the
// supervision that makes a check's verdict a fact: a check passes only when Boost.Test reports that it
// passed, and learner code that leaves the check by other doors fails it instead.
//
//   exit() during a check     the process ends with status 86 and says which check called it (an
//                             atexit handler; without it, `exit(0)` would look like "every check passed")
//   output closed             a check that closed the progress descriptor (close() on every descriptor)
//                             ends the program with status 87 as it ends, so kata can say so instead of
//                             "the program ended before Boost.Test reported"
//   fork() during a check     the copy of the test program ends silently at the end of the check, and
//                             the check fails with "started a child process" (otherwise both copies run
//                             the remaining checks and report them twice)
//   progress                  "start <check>" / "finish <check>" lines on the descriptor named by
//                             $KATA_PROGRESS_FD, so `kata check` can apply the time limit per check in a
//                             one-process run and tell which check was running when something broke
//   verdicts                  "passed <check>" / "failed <check>" on the same descriptor as each check
//                             ends, from Boost.Test's own results: the second channel `kata check` needs
//                             next to the JUnit report, which code running at exit (a static destructor)
//                             could rewrite after Boost.Test wrote it
//   presence                  "test-main" on that descriptor at start-up: without it, the program's main()
//                             is not this one (the learner's code defines main(), and the linker took
//                             it instead of this file's)
#define BOOST_TEST_MODULE kata
#include <boost/make_shared.hpp>
#include <boost/test/results_collector.hpp>
#include <boost/test/tree/fixture.hpp>
#include <boost/test/tree/observer.hpp>
#include <boost/test/tree/traverse.hpp>
#include <boost/test/tree/visitor.hpp>
#include <boost/test/unit_test.hpp>

#include <dirent.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include "kata/experiment.hpp"

namespace {

namespace utf = boost::unit_test;

// Exit status of a test program whose check called exit(); `kata check` names it in its message.
constexpr int kExitDuringCheck = 86;
// Exit status of a test program whose check closed the progress descriptor: its verdicts would not arrive.
constexpr int kOutputClosed = 87;

pid_t g_main_pid = 0;
int g_progress_fd = -1;
char g_running[512] = "";  // the check in progress ("" between checks); read by the atexit handler

void write_all(int fd, const char* text, std::size_t n) {
  while (n > 0) {
    const ssize_t w = ::write(fd, text, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return;
    text += w;
    n -= static_cast<std::size_t>(w);
  }
}

void progress(const char* event, const std::string& check) {
  if (g_progress_fd < 0) return;
  const std::string line = std::string(event) + " " + check + "\n";
  write_all(g_progress_fd, line.data(), line.size());
}

void flush_output() {
  std::cout.flush();
  std::cerr.flush();
  std::fflush(stdout);
  std::fflush(stderr);
}

bool closed(int fd) { return fd >= 0 && ::fcntl(fd, F_GETFD) == -1 && errno == EBADF; }

// The progress descriptor only: a check may close stdout (fclose(stdout)) and still pass.
bool output_closed() { return closed(g_progress_fd); }

extern "C" void exit_during_check() {
  if (g_running[0] == '\0' || ::getpid() != g_main_pid) return;
  flush_output();
  const std::string msg = std::string("\nkata: the program was ended by exit() during the check \"") + g_running +
                          "\", before Boost.Test could report it.\n";
  write_all(STDERR_FILENO, msg.data(), msg.size());
  progress("exit", g_running);
  ::_exit(kExitDuringCheck);
}

// Child processes of this process (any thread's): /proc/self/task/<tid>/children lists them.
int reap_children() {
  int found = 0;
  if (DIR* tasks = ::opendir("/proc/self/task")) {
    while (const dirent* t = ::readdir(tasks)) {
      if (t->d_name[0] == '.') continue;
      const std::string file = std::string("/proc/self/task/") + t->d_name + "/children";
      if (FILE* f = std::fopen(file.c_str(), "r")) {
        long pid = 0;
        while (std::fscanf(f, "%ld", &pid) == 1) {
          ++found;
          ::kill(static_cast<pid_t>(pid), SIGKILL);
          ::waitpid(static_cast<pid_t>(pid), nullptr, 0);
        }
        std::fclose(f);
      }
    }
    ::closedir(tasks);
  }
  // Children that already ended but were never waited for (zombies) are listed above too; this catches
  // any the listing missed.
  while (::waitpid(-1, nullptr, WNOHANG) > 0) ++found;
  return found;
}

// Attached to every test case: marks the check as running, and afterwards looks for processes it left.
struct CheckGuard : utf::test_unit_fixture {
  void setup() override {
    flush_output();
    const std::string name = utf::framework::current_test_case().full_name();
    std::snprintf(g_running, sizeof g_running, "%s", name.c_str());
    progress("start", name);
  }
  void teardown() override {
    flush_output();
    // A copy made by fork() inside the check: it must not go on to run (and report) other checks.
    if (::getpid() != g_main_pid) ::_exit(0);
    if (output_closed()) ::_exit(kOutputClosed);
    const std::string name = g_running;
    const int children = reap_children();
    BOOST_CHECK_MESSAGE(children == 0, "this check started " << children << " child process(es) that were still "
                                       "there when it ended (fork()?): a check must run in one process, and "
                                       "its copy would have run the remaining checks a second time");
    g_running[0] = '\0';
    progress("finish", name);
  }
};

struct AttachGuard : utf::test_tree_visitor {
  utf::test_unit_fixture_ptr guard = boost::make_shared<CheckGuard>();
  void visit(const utf::test_case& tc) override {
    const_cast<utf::test_case&>(tc).p_fixtures.value.push_back(guard);
  }
};

// Writes each check's verdict on the progress descriptor as the check ends. test_unit_finish is called in
// reverse priority order: below the results collector's priority (3), it runs after the results are final.
struct VerdictChannel : utf::test_observer {
  void test_unit_finish(const utf::test_unit& tu, unsigned long) override {
    if (tu.p_type != utf::TUT_CASE || ::getpid() != g_main_pid) return;
    progress(utf::results_collector.results(tu.p_id).passed() ? "passed" : "failed", tu.full_name());
  }
  int priority() override { return 0; }
};
VerdictChannel g_verdicts;

// Says the test program's own main() is linked in (a learner's main() would replace it: this file is in a
// static library). Written before any check is listed or run.
[[maybe_unused]] const bool g_present = [] {
  if (const char* fd = std::getenv("KATA_PROGRESS_FD"); fd != nullptr && *fd != '\0')
    write_all(std::atoi(fd), "test-main\n", 10);
  return true;
}();

struct Supervision {
  Supervision() {
    // Networks trained inside checks allocate like experiments do (see kata::tune_allocator).
    kata::tune_allocator();
    g_main_pid = ::getpid();
    if (const char* fd = std::getenv("KATA_PROGRESS_FD"); fd != nullptr && *fd != '\0')
      g_progress_fd = std::atoi(fd);
    AttachGuard attach;
    utf::traverse_test_tree(utf::framework::master_test_suite(), attach, true);
    utf::framework::register_observer(g_verdicts);
    std::atexit(exit_during_check);
  }
};
BOOST_TEST_GLOBAL_FIXTURE(Supervision);

}  // namespace
