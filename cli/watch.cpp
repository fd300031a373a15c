// `kata watch`: re-checks the lesson being worked on whenever one of its source files is saved.
//
// A small app state and a loop fed by one event type (like rustlings): the loop waits for an Event —
// sources changed, a key pressed, the terminal given back — and hands it to WatchApp::handle(), which
// updates the state and redraws. Changes are found by polling modification times every 100 ms, so it works
// on every file system (WSL mounts, network drives, containers) where inotify does not. Only source files
// count (what the build compiles or includes): a log file the learner's code writes next to them would
// otherwise start the next check, and that one the next.
// While a check runs, events are still watched (a second thread): a newer save or `q` abandons the stale
// check at once (cancel_runs() ends its processes) instead of waiting for its hanging checks' time limits.
// Single keys need the terminal in raw mode: only when stdin is a terminal, and it is restored on exit,
// on an exception, on SIGINT/SIGTERM and on Ctrl-Z (set again, and the screen redrawn, after `fg`).
#include <poll.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "commands.hpp"
#include "lesson_check.hpp"
#include "messages.hpp"
#include "process.hpp"
#include "result_printer.hpp"
#include "results_store.hpp"
#include "ui.hpp"

namespace kata::cli {

namespace {

// 100 ms: a save is noticed within 50 ms on average; one scan of lessons/ (a few dozen files) costs
// well under a millisecond.
constexpr int poll_ms = 100;
// While a check runs: the check's end waits for the watching thread's current poll.
constexpr int sentinel_poll_ms = 30;

// ---- the terminal -------------------------------------------------------------------------------------

termios saved_termios;
termios raw_termios;
volatile sig_atomic_t raw_active = 0;
// Set when kata comes back to the foreground after Ctrl-Z: the screen is redrawn.
volatile sig_atomic_t resumed = 0;

void restore_terminal() {
  if (raw_active) {
    ::tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
    raw_active = 0;
  }
}

void install_stop_handlers();

// Ctrl-Z: the shell gets its terminal back in the normal mode (echo, lines), then kata stops.
extern "C" void on_stop(int) {
  const int saved_errno = errno;
  if (raw_active) ::tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
  ::signal(SIGTSTP, SIG_DFL);
  sigset_t tstp;
  sigemptyset(&tstp);
  sigaddset(&tstp, SIGTSTP);
  ::sigprocmask(SIG_UNBLOCK, &tstp, nullptr);
  ::raise(SIGTSTP);  // stops here; SIGCONT (fg, bg) goes on
  install_stop_handlers();
  errno = saved_errno;
}

// fg: raw mode again (only in the foreground: a background process changing the terminal would be stopped).
extern "C" void on_continue(int) {
  const int saved_errno = errno;
  if (raw_active && ::tcgetpgrp(STDIN_FILENO) == ::getpgrp()) ::tcsetattr(STDIN_FILENO, TCSANOW, &raw_termios);
  resumed = 1;
  errno = saved_errno;
}

void install_stop_handlers() {
  struct sigaction sa{};
  sigemptyset(&sa.sa_mask);
  sa.sa_handler = on_stop;
  ::sigaction(SIGTSTP, &sa, nullptr);
  sa.sa_handler = on_continue;
  ::sigaction(SIGCONT, &sa, nullptr);
}

// Keys without Enter, no echo; Ctrl-C still interrupts (ISIG stays on).
class RawMode {
 public:
  RawMode() {
    if (!::isatty(STDIN_FILENO) || ::tcgetattr(STDIN_FILENO, &saved_termios) != 0) return;
    raw_termios = saved_termios;
    raw_termios.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);
    raw_termios.c_cc[VMIN] = 1;
    raw_termios.c_cc[VTIME] = 0;
    // Ctrl-C ends kata (and everything it started) through the interrupt handler; the terminal comes back first.
    on_interrupt_restore(restore_terminal);
    if (::tcsetattr(STDIN_FILENO, TCSANOW, &raw_termios) == 0) raw_active = 1;
    if (raw_active) install_stop_handlers();
  }
  ~RawMode() {
    ::signal(SIGTSTP, SIG_DFL);
    ::signal(SIGCONT, SIG_DFL);
    restore_terminal();
  }
  RawMode(const RawMode&) = delete;
  RawMode& operator=(const RawMode&) = delete;
  bool keys() const { return raw_active != 0; }
};

// ---- events -------------------------------------------------------------------------------------------

struct Event {
  enum Kind { FilesChanged, Key, Resumed } kind;
  char key = 0;
  std::set<std::string> lessons;  // FilesChanged: the lesson folders the changed files are in
  std::string newest;             // FilesChanged: the folder of the most recently written file
};

using Snapshot = std::map<std::string, std::pair<long long, std::uintmax_t>>;  // path -> (mtime, size)

// Whether a file is a source file: what the build compiles (lessons/NN_topic/*.cpp) or may include.
bool is_source(const std::string& name) {
  for (const char* ext : {".cpp", ".hpp", ".h", ".cc", ".cxx", ".hh", ".hxx", ".ipp", ".inl", ".tpp"})
    if (name.ends_with(ext)) return true;
  return false;
}

// The source files in lesson folders under lessons/ (the root's and each lesson pack's), at any depth (a
// header in a subfolder may be included), except editors' temporaries (hidden files, *~, *.swp) and
// kata's backups. Keys start with the lesson folder's name.
Snapshot snapshot(const std::vector<fs::path>& lessons_dirs) {
  Snapshot files;
  for (const auto& lessons_dir : lessons_dirs) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(lessons_dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (name.empty() || name[0] == '.' || name.back() == '~' || name.ends_with(".swp") ||
          name.ends_with(".kata-reset")) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (!is_source(name) || it.depth() == 0 || !it->is_regular_file(ec)) continue;
      const auto mtime = fs::last_write_time(it->path(), ec).time_since_epoch().count();
      const auto size = fs::file_size(it->path(), ec);
      files[fs::relative(it->path(), lessons_dir).string()] = {mtime, size};
    }
  }
  return files;
}

class EventSource {
 public:
  EventSource(std::vector<fs::path> lessons_dirs, bool keys)
      : dirs_(std::move(lessons_dirs)), keys_(keys), last_(snapshot(dirs_)) {}

  // Blocks until something happens.
  Event next() {
    while (true)
      if (auto e = poll(poll_ms)) return *e;
  }

  // Waits for a key up to `ms` milliseconds, then looks at the files once.
  std::optional<Event> poll(int ms) {
    {
      if (resumed) {
        resumed = 0;
        return Event{Event::Resumed, 0, {}, {}};
      }
      if (keys_) {
        pollfd pfd{STDIN_FILENO, POLLIN, 0};
        if (::poll(&pfd, 1, ms) > 0) {
          char c = 0;
          if (::read(STDIN_FILENO, &c, 1) == 1) return Event{Event::Key, c, {}, {}};
        }
      } else {
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
      }
      auto now = snapshot(dirs_);
      if (now != last_) {
        Event e{Event::FilesChanged, 0, {}, {}};
        long long newest = std::numeric_limits<long long>::min();
        for (const auto& [path, stamp] : now) {
          const auto old = last_.find(path);
          if (old != last_.end() && old->second == stamp) continue;
          e.lessons.insert(path.substr(0, path.find('/')));
          if (stamp.first >= newest) {
            newest = stamp.first;
            e.newest = path.substr(0, path.find('/'));
          }
        }
        for (const auto& [path, stamp] : last_)
          if (!now.count(path)) e.lessons.insert(path.substr(0, path.find('/')));
        last_ = std::move(now);
        return e;
      }
      return std::nullopt;
    }
  }

 private:
  std::vector<fs::path> dirs_;
  bool keys_;
  Snapshot last_;
};

// ---- the app ------------------------------------------------------------------------------------------

class WatchApp {
 public:
  WatchApp(Workspace& ws, std::size_t lesson, bool keys, EventSource& events)
      : ws_(ws), index_(lesson), keys_(keys), events_(events) {}

  bool quit() const { return quit_; }

  // What happened during the last check first (the save or key that abandoned it), then new events.
  Event next_event() {
    if (!pending_.empty()) {
      Event e = pending_.front();
      pending_.erase(pending_.begin());
      return e;
    }
    return events_.next();
  }

  void handle(const Event& e) {
    if (e.kind == Event::Resumed) {  // back from Ctrl-Z: the shell may have written over the screen
      if (shown_) render();
      return;
    }
    if (e.kind == Event::Key) {
      const auto& lessons = ws_.lessons();
      switch (e.key) {
        case 'q': case 'Q': case 4 /* Ctrl-D */: quit_ = true; return;
        case 'h': case 'H': hint(); return;
        case 'r': case 'R': case '\n': check(); return;
        // Moving is always possible, done or not, and wraps around (rustlings' `n`).
        case 'n': case 'N': move((index_ + 1) % lessons.size()); return;
        case 'p': case 'P': move((index_ + lessons.size() - 1) % lessons.size()); return;
        default: return;
      }
    }
    // Saving a file of another lesson means the learner is working on that one now; of several saved in
    // one poll, the most recent. The others are checked too and summarized, so no error stays hidden.
    // Lessons saved while an abandoned check ran are still owed their check: others_ is cleared only
    // when a check finishes.
    const auto& lessons = ws_.lessons();
    for (std::size_t i = 0; i < lessons.size(); ++i)
      if (lessons[i].name == e.newest) index_ = i;
    for (const auto& name : e.lessons)
      for (const auto& l : lessons)
        if (l.name == name && std::find(others_.begin(), others_.end(), &l) == others_.end()) others_.push_back(&l);
    check();
  }

  // Checks the current lesson (and the other lessons saved with it), then shows the result. A done lesson
  // stays on screen, for refactoring; `n` moves on. A save or key that makes the check stale abandons it:
  // the event is handled next, nothing of the stale check is shown or remembered.
  void check() {
    const Lesson& lesson = ws_.lessons()[index_];
    set_activity(tr("activity.watch_checking", {lesson.name}));
    announce(lesson);
    const bool was_done = done(lesson);
    LessonResult result;
    std::vector<std::string> summaries;
    const bool finished = while_watching([&] {
      result = check_lesson(ws_, lesson);
      for (const Lesson* other : others_) {
        if (other == &lesson) continue;
        const auto r = check_lesson(ws_, *other);
        summaries.push_back(r.status() == "done"
                                ? tr("watch.other_done", {other->name, status_word(r.status()), r.passed(), r.total()})
                                : tr("watch.other_failing", {other->name, status_word(r.status()), r.passed(),
                                                             r.total(), other->number}));
      }
    });
    set_activity(tr("activity.watch"));
    if (!finished) return;
    result_ = std::move(result);
    summaries_ = std::move(summaries);
    others_.clear();
    just_finished_ = !was_done && result_.status() == "done";
    shown_ = true;
    render();
  }

 private:
  // Whether an event makes the running check stale: a save, or a key that leaves or repeats it (`h` waits
  // for the verdict). Back from Ctrl-Z counts too: the time limits ran on while kata was stopped.
  static bool makes_stale(const Event& e) {
    if (e.kind != Event::Key) return true;
    switch (e.key) {
      case 'q': case 'Q': case 4: case 'n': case 'N': case 'p': case 'P': case 'r': case 'R': case '\n': return true;
      default: return false;
    }
  }

  // Runs `work` (a check) while a second thread watches the files and keys. An event that makes it stale
  // cancels every process it runs (it ends within ~50 ms, see cancel_runs()); the events seen are handled
  // after it. Returns whether the work finished.
  template <typename Work>
  bool while_watching(Work work) {
    std::atomic<bool> over{false};
    std::thread sentinel([&] {
      while (!over.load()) {
        auto e = events_.poll(sentinel_poll_ms);
        if (!e) continue;
        if (e->kind == Event::Resumed) e = Event{Event::Key, 'r', {}, {}};
        pending_.push_back(*e);
        if (makes_stale(*e)) {
          cancel_runs();
          return;
        }
      }
    });
    bool finished = true;
    try {
      work();
    } catch (const RunCancelled&) {
      finished = false;
    } catch (...) {
      over = true;
      sentinel.join();
      allow_runs();
      throw;
    }
    over = true;
    sentinel.join();
    allow_runs();
    return finished;
  }

  bool done(const Lesson& l) {
    const auto saved = load_result(ws_, l);
    return saved && !saved->stale && saved->status == "done";
  }

  void move(std::size_t index) {
    if (index >= ws_.lessons().size()) return;
    index_ = index;
    check();
  }

  void hint() {
    std::cout << "\n";
    show_next_hint(ws_, ws_.lessons()[index_]);
    std::cout << std::flush;
  }

  // Shown at once when a check starts, so a save is never met by a stale screen.
  void announce(const Lesson& lesson) {
    if (ui::can_rewrite_line()) std::cout << "\033[2J\033[H";
    else std::cout << "\n----------------------------------------------------------------------\n";
    std::cout << ui::bold("kata watch — " + lesson.name) << "\n\n" << ui::yellow(tr("watch.checking", {lesson.name}))
              << "\n" << std::flush;
  }

  void render() {
    const auto& lessons = ws_.lessons();
    const Lesson& lesson = lessons[index_];
    if (ui::can_rewrite_line()) std::cout << "\033[2J\033[H";
    else std::cout << "\n";
    std::cout << ui::bold("kata watch — " + lesson.name)
              << ui::dim(tr("watch.editing", {lesson.shown(lesson.folder("lessons"), ws_.root())})) << "\n\n";
    if (!result_.built) {
      std::cout << ui::red(result_.build_broken ? tr("watch.build_broken") : tr("watch.does_not_compile"))
                << "\n" << first_lines(result_.build_errors, 25) << "\n";
    } else {
      render_tasks();
    }
    for (const auto& s : summaries_) std::cout << ui::yellow(tr("watch.also_saved", {s})) << "\n";
    int finished = 0;
    for (const auto& l : lessons) finished += done(l) ? 1 : 0;
    std::cout << "\n"
              << tr("watch.progress", {ui::bar(finished, static_cast<double>(lessons.size()), 22), finished, lessons.size()})
              << "\n";
    if (finished == static_cast<int>(lessons.size())) std::cout << ui::green(tr("watch.all_done")) << "\n";
    if (keys_)
      std::cout << ui::dim(tr("watch.keys")) << "\n";
    else
      std::cout << tr("watch.no_keys") << "\n";
    std::cout << std::flush;
  }

  void render_tasks() {
    const auto tasks = result_.tasks();
    const Check* first = nullptr;
    const int unfinished = first_unfinished_task(result_);
    for (const auto& c : result_.checks)
      if (!c.passed && (c.task == unfinished || unfinished == 0)) {
        first = &c;
        break;
      }
    const std::string summary = tr("result.summary", {result_.passed(), result_.total()});
    if (first == nullptr && result_.status() == "done") {
      std::cout << ui::green("✓ " + summary + " — " + status_word("done")) << "\n";
      if (just_finished_) {
        std::cout << "\n";
        print_what_next(ws_, ws_.lessons()[index_]);
      }
      if (const Lesson* next = next_unfinished(ws_, ws_.lessons()[index_]))
        std::cout << "\n" << tr("watch.stay", {ws_.lessons()[(index_ + 1) % ws_.lessons().size()].name})
                  << (next != &ws_.lessons()[(index_ + 1) % ws_.lessons().size()] ? tr("watch.first_unfinished", {next->name})
                                                                                  : "")
                  << "\n";
      return;
    }
    std::cout << ui::red("✗ " + summary + " — " + status_word(result_.status())) << "\n";
    if (tasks.size() > 1 || (tasks.size() == 1 && tasks.front().number > 0)) {
      std::cout << "\n";
      for (const auto& t : tasks) {
        const std::string line = task_line(t, static_cast<int>(tasks.size()));
        std::cout << "  " << (t.done() ? ui::green(line) : t.number == unfinished ? ui::bold(line) : ui::dim(line))
                  << "\n";
      }
    }
    if (first != nullptr)
      std::cout << "\n" << tr("watch.first_failing") << " " << ui::bold(first->name) << "\n"
                << indent(first_lines(first->message, 25));
    else if (result_.status() == "not verified")
      std::cout << "\n" << result_.memory_note_shown << "\n";
  }

  static std::string first_lines(const std::string& text, int n) {
    std::istringstream in(text);
    std::string line, out;
    for (int i = 0; i < n && std::getline(in, line); ++i) out += line + "\n";
    if (std::getline(in, line)) out += "...\n";
    return out;
  }

  static std::string indent(const std::string& text) {
    std::istringstream in(text);
    std::string line, out;
    while (std::getline(in, line)) out += "    " + line + "\n";
    return out;
  }

  Workspace& ws_;
  std::size_t index_;
  bool keys_;
  EventSource& events_;
  std::vector<Event> pending_;  // written by the sentinel thread only while a check runs (joined after)
  bool quit_ = false;
  bool shown_ = false;  // a verdict is on screen
  bool just_finished_ = false;
  LessonResult result_;
  std::vector<const Lesson*> others_;
  std::vector<std::string> summaries_;
};

}  // namespace

int cmd_watch(Workspace& ws, const std::string& spec) {
  const Lesson& start = lesson_for(ws, spec);
  std::size_t index = 0;
  for (std::size_t i = 0; i < ws.lessons().size(); ++i)
    if (ws.lessons()[i].name == start.name) index = i;
  RawMode raw;
  std::vector<fs::path> lessons_dirs = {ws.root() / "lessons"};
  for (const auto& dir : ws.pack_dirs()) lessons_dirs.push_back(dir / "lessons");
  EventSource events(lessons_dirs, raw.keys());
  WatchApp app(ws, index, raw.keys(), events);
  // A save during a check is not lost: the snapshot it is compared with predates the check.
  app.check();
  while (!app.quit()) app.handle(app.next_event());
  return 0;
}

}  // namespace kata::cli
