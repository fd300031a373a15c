#include "commands.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "build.hpp"
#include "build_lock.hpp"
#include "lesson_check.hpp"
#include "messages.hpp"
#include "process.hpp"
#include "result_printer.hpp"
#include "results_store.hpp"
#include "source_state.hpp"
#include "test_source.hpp"
#include "toolbox.hpp"
#include "text.hpp"
#include "ui.hpp"

namespace kata::cli {

namespace {
bool is_done(Workspace& ws, const Lesson& l) {
  const auto saved = load_result(ws, l);
  return saved && !saved->stale && saved->status == "done";
}
}  // namespace

const Lesson& current_lesson(Workspace& ws) {
  for (const auto& l : ws.lessons())
    if (!is_done(ws, l)) return l;
  return ws.lessons().back();
}

const Lesson* next_unfinished(Workspace& ws, const Lesson& after) {
  const auto& all = ws.lessons();
  std::size_t at = 0;
  while (at < all.size() && all[at].name != after.name) ++at;
  for (std::size_t k = 1; k < all.size(); ++k) {
    const Lesson& l = all[(at + k) % all.size()];
    if (!is_done(ws, l)) return &l;
  }
  return nullptr;
}

// The lesson whose folder (lessons/, solutions/, tests/ or tests/mistakes/ of its home: the root, or its
// pack's folder) holds the working folder.
const Lesson* lesson_of_working_dir(Workspace& ws) {
  std::error_code ec;
  const fs::path here = fs::weakly_canonical(fs::current_path(ec), ec);
  for (const auto& l : ws.lessons())
    for (const char* part : {"lessons", "solutions", "tests", "tests/mistakes"}) {
      const fs::path rel = here.lexically_relative(fs::weakly_canonical(l.folder(part), ec));
      if (!rel.empty() && *rel.begin() != "..") return &l;
    }
  return nullptr;
}

// "lessons/04_dropout/README.md", or the full path of a pack's lesson README; in Korean its README.ko.md
// when the lesson has one.
std::string readme_of(Workspace& ws, const Lesson& l) {
  std::error_code ec;
  const fs::path korean_readme = l.folder("lessons") / "README.ko.md";
  if (korean() && fs::exists(korean_readme, ec)) return l.shown(korean_readme, ws.root());
  return l.shown(l.folder("lessons") / "README.md", ws.root());
}

const Lesson& lesson_for(Workspace& ws, const std::string& spec) {
  if (!spec.empty()) return ws.find(spec);
  if (const Lesson* here = lesson_of_working_dir(ws)) return *here;
  return current_lesson(ws);
}

void print_what_next(Workspace& ws, const Lesson& lesson) {
  std::cout << "\n" << ui::green(tr("next.done", {lesson.name})) << tr("next.what_now") << "\n"
            << "  ./kata diff " << lesson.number << "       " << tr("next.diff") << "\n";
  if (lesson.has_experiment)
    std::cout << "  ./kata run " << lesson.number << "        " << tr("next.run") << "\n";
  std::cout << "  ./kata coverage " << lesson.number << "   " << tr("next.coverage") << "\n";
  if (const Lesson* next = next_unfinished(ws, lesson))
    std::cout << tr("next.then", {readme_of(ws, *next), next->number}) << "\n";
  else
    std::cout << ui::green(tr("next.last")) << "\n";
}

int cmd_list(Workspace& ws) {
  const auto& lessons = ws.lessons();
  int done = 0, passed = 0, total = 0;
  const Lesson* next = nullptr;
  std::vector<std::pair<const Lesson*, SavedResult>> rows;
  std::size_t index = 0;
  for (const auto& l : lessons) {
    ++index;
    auto saved = load_result(ws, l);
    if (!saved || saved->stale) {
      if (ui::can_rewrite_line())
        std::printf("\r\033[K%s %s", tr("list.checking", {l.name, index, lessons.size()}).c_str(),
                    ui::bar(static_cast<double>(index - 1), static_cast<double>(lessons.size()), 20).c_str());
      std::fflush(stdout);
      // Never checked, or edited since: check it now (a second or so once the tree is built).
      check_lesson(ws, l);
      saved = load_result(ws, l);
      if (!saved) {  // it could not be saved (a read-only build folder): show what we know
        const auto result = check_lesson(ws, l);
        saved = SavedResult{result.passed(), result.total(), result.status(), false};
      }
    }
    rows.emplace_back(&l, *saved);
  }
  if (ui::can_rewrite_line()) std::printf("\r\033[K");
  std::cout << ui::bold(tr("list.title")) << "\n\n";
  // Columns padded by display width (ui::pad), not bytes: a Korean status word takes 2 columns a syllable.
  std::size_t status_width = 15;
  for (const auto& [l, r] : rows) status_width = std::max(status_width, ui::width(status_word(r.status)));
  for (const auto& [l, r] : rows) {
    const std::string word = ui::pad(status_word(r.status), status_width);
    const std::string status = r.status == "done"          ? ui::green(word)
                               : r.status == "not started" ? ui::dim(word)
                                                           : ui::yellow(word);
    // "task 2/5": the first unfinished task, where `kata check` shows the first failure; blank when done or
    // not started (or a lesson that does not compile: no task is known to be unfinished).
    const std::string task = r.tasks > 0 && r.current_task > 0 && r.status != "done" && r.status != "not started"
                                 ? tr("list.task", {r.current_task, r.tasks})
                                 : "";
    std::printf("  %s  %s %s %s %3d/%-3d %s%s\n", l->number.c_str(), ui::pad(l->name.substr(3), 28).c_str(),
                status.c_str(), ui::pad(task, 9).c_str(), r.passed, r.total, ui::bar(r.passed, r.total, 12).c_str(),
                l->pack.empty() ? "" : tr("list.pack", {l->pack}).c_str());
    if (r.status == "done") ++done;
    else if (next == nullptr) next = l;
    passed += r.passed;
    total += r.total;
  }
  // A pack's lesson that could not be added: one failing entry each, with the reason; the others work.
  for (const auto& p : ws.pack_problems()) std::cout << "  " << ui::red("✗ " + p.what()) << "\n";
  std::cout << "\n" << tr("list.progress", {ui::bar(done, lessons.size()), done, lessons.size(), passed, total}) << "\n";
  if (next != nullptr)
    std::cout << tr("list.next", {readme_of(ws, *next), next->number}) << "\n";
  else
    std::cout << ui::green(tr("list.all_done")) << "\n";
  return 0;
}

LessonReport report_for(Workspace& ws, const Lesson& lesson, LessonResult result, const std::string& variant) {
  LessonReport report;
  report.lesson = &lesson;
  report.result = std::move(result);
  const fs::path exe = ws.build_dir() / ("test_" + lesson.number + "_" + variant);
  if (report.result.built)
    for (const auto& [name, where] : check_locations(exe, ws.root()))
      report.test_code[name] = test_code(lesson.folder("tests"), where);
  return report;
}

void write_reports(const std::vector<LessonReport>& reports, const ReportFiles& files, const std::string& learner) {
  if (!files.json.empty()) {
    write_json(files.json, reports, learner);
    std::cout << tr("reports.json", {files.json}) << "\n";
  }
  if (!files.junit.empty()) {
    write_junit(files.junit, reports);
    std::cout << tr("reports.junit", {files.junit}) << "\n";
  }
}

int cmd_check(Workspace& ws, const std::string& spec, bool all, const ReportFiles& files, bool verbose) {
  std::vector<LessonReport> reports;
  if (all) {
    int done = 0;
    for (const auto& lesson : ws.lessons()) {
      const auto result = check_lesson(ws, lesson);
      std::cout << tr("check.all_line", {lesson.name, result.passed(), result.total(), status_word(result.status())})
                << "\n";
      done += result.status() == "done" ? 1 : 0;
      if (files.wanted()) reports.push_back(report_for(ws, lesson, result, "learner"));
    }
    for (const auto& p : ws.pack_problems()) std::cout << p.what() << "\n";
    std::cout << "\n" << tr("check.all_done", {done, ws.lessons().size()}) << "\n";
    write_reports(reports, files, "");
    return done == static_cast<int>(ws.lessons().size()) && ws.pack_problems().empty() ? 0 : 1;
  }
  const Lesson& lesson = lesson_for(ws, spec);
  const bool was_done = is_done(ws, lesson);
  const auto result = check_lesson(ws, lesson);
  print_result(lesson, result, 1000, verbose);
  if (files.wanted()) {
    reports.push_back(report_for(ws, lesson, result, "learner"));
    write_reports(reports, files, "");
  }
  if (result.status() == "done") {
    if (!was_done) print_what_next(ws, lesson);
    else if (const Lesson* next = next_unfinished(ws, lesson))
      std::cout << tr("check.next", {readme_of(ws, *next), next->number}) << "\n";
    else
      std::cout << ui::green(tr("check.every_lesson_done")) << "\n";
    return 0;
  }
  if (result.status() == "not started")
    std::cout << tr("check.start_with", {readme_of(ws, lesson), lesson.number}) << "\n";
  return 1;
}

namespace {

// A file name as a gnuplot string: single quotes, a quote inside doubled.
std::string gnuplot_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// The commands that draw one figure's script as PNG and SVG and, with `ascii_width` > 0, as text for the
// terminal into STEM.txt: one gnuplot process per figure instead of one per picture (gnuplot's start, with
// cairo's fonts, is most of what a picture costs). `reset` between pictures, so settings of one never
// leak into the next. A gnuplot built without cairo gets the plain png terminal.
std::string figure_commands(const std::string& script, const std::string& stem, int ascii_width) {
  // gnuplot -e takes one line: commands separated by semicolons
  const std::string load = "; reset; load " + gnuplot_quoted(script) + "; set output";
  std::string c = "if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) { set terminal pngcairo size 900,560 noenhanced }"
                  " else { set terminal png size 900,560 noenhanced }";
  c += "; set output " + gnuplot_quoted(stem + ".png") + load;
  c += "; set terminal svg size 900,560 noenhanced; set output " + gnuplot_quoted(stem + ".svg") + load;
  if (ascii_width > 0)
    c += "; set terminal dumb size " + std::to_string(ascii_width) + ",26 noenhanced; set output " +
         gnuplot_quoted(stem + ".txt") + load;
  return c;
}

// Splits the figures into `groups` groups of about equal work for gnuplot: by the size of each figure's
// data files (plus a constant for the picture itself), the largest first, each to the lightest group so
// far. Returns each script's group.
std::vector<std::size_t> figure_groups(const std::vector<fs::path>& scripts, std::size_t groups) {
  std::vector<std::uintmax_t> weight(scripts.size(), 64 * 1024);
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(scripts.front().parent_path(), ec))
    for (std::size_t i = 0; i < scripts.size(); ++i)
      if (e.path().extension() == ".csv" && e.path().stem().stem() == scripts[i].stem()) weight[i] += e.file_size(ec);
  std::vector<std::size_t> order(scripts.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return weight[a] > weight[b]; });
  std::vector<std::uintmax_t> load(std::max<std::size_t>(1, std::min(groups, scripts.size())), 0);
  std::vector<std::size_t> group(scripts.size(), 0);
  for (std::size_t i : order) {
    const std::size_t g = static_cast<std::size_t>(std::min_element(load.begin(), load.end()) - load.begin());
    group[i] = g;
    load[g] += weight[i];
  }
  return group;
}

std::string rstrip_lines(const std::string& text) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\f' || line.back() == '\r')) line.pop_back();
    out += line + "\n";
  }
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  while (!out.empty() && out.front() == '\n') out.erase(0, 1);
  return out;
}

}  // namespace

void render_figures(const fs::path& dir, const std::string& heading) {
  std::vector<fs::path> scripts;
  if (fs::exists(dir))
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".gp") scripts.push_back(e.path());
  std::sort(scripts.begin(), scripts.end());
  if (scripts.empty()) return;
  if (!on_path("gnuplot")) {
    std::cout << "\n" << tr("run.no_gnuplot") << "\n";
    std::vector<fs::path> csvs;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".csv") csvs.push_back(e.path());
    std::sort(csvs.begin(), csvs.end());
    for (const auto& c : csvs) std::cout << "  " << c.string() << "\n";
    return;
  }
  std::cout << "\n" << (heading.empty() ? tr("run.figures") : heading) << ":\n";
  const int width = ui::interactive() ? std::clamp(terminal_width() - 2, 60, 120) : 0;
  // The figures go to gnuplot in two groups, drawn side by side (once the experiment has ended the second
  // core is idle), each group in one gnuplot: its start (cairo's fonts) costs about as much as a picture.
  // Only when a group fails is each of its figures drawn on its own, so the message names the script that
  // gnuplot could not draw.
  const std::vector<std::size_t> group = figure_groups(scripts, std::thread::hardware_concurrency() >= 2 ? 2 : 1);
  std::vector<std::string> commands(*std::max_element(group.begin(), group.end()) + 1);
  for (std::size_t i = 0; i < scripts.size(); ++i)
    commands[group[i]] += (commands[group[i]].empty() ? "" : "; ") +
                          figure_commands(scripts[i].filename().string(), scripts[i].stem().string(), width);
  std::vector<char> group_drawn(commands.size(), 0);
  {
    std::vector<std::thread> drawing;
    for (std::size_t g = 0; g < commands.size(); ++g)
      drawing.emplace_back([&, g] {
        const double limit = 30.0 * static_cast<double>(std::count(group.begin(), group.end(), g));
        const ProcessOptions options{.working_dir = dir.string(), .timeout_seconds = limit};
        group_drawn[g] = run_process({"gnuplot", "-e", commands[g]}, options).exit_code == 0;
      });
    for (auto& t : drawing) t.join();
  }
  for (std::size_t i = 0; i < scripts.size(); ++i) {
    const fs::path& s = scripts[i];
    const std::string stem = s.stem().string();
    const auto drawn = group_drawn[group[i]] ? ProcessResult{.exit_code = 0}
                                 : run_process({"gnuplot", "-e", figure_commands(s.filename().string(), stem, width)},
                                               {.working_dir = dir.string(), .timeout_seconds = 30});
    if (drawn.exit_code != 0) {
      std::cout << tr("run.gnuplot_failed", {s.string()}) << "\n" << drawn.output;
      continue;
    }
    std::cout << tr("run.figure_files", {(dir / (stem + ".png")).string()}) << "\n";
    if (width > 0) std::cout << rstrip_lines(read_text(dir / (stem + ".txt"))) << "\n";
  }
}

namespace {

struct ExperimentRun {
  int exit_code = 0;
  bool timed_out = false;
  double limit = 0;
  std::string output;
  fs::path out_dir;
  std::string blas;  // what the experiment reported ("blas ..." on the progress descriptor)
};

// What an experiment reports on $KATA_PROGRESS_FD (support/src/experiment.cpp): "blas TEXT" once, and
// "progress DONE TOTAL LABEL" as it goes. On a terminal, once the run has taken a second, the progress
// is one line under the output, redrawn in place: "training  [#####.......] 12000/48000  ETA 3 s".
class RunProgress {
 public:
  RunProgress() : draw_(ui::can_rewrite_line()), start_(std::chrono::steady_clock::now()) {}

  // One line from the progress descriptor; returns the BLAS text when that is what it was.
  std::string take(const std::string& line) {
    if (line.rfind("blas ", 0) == 0) return line.substr(5);
    std::istringstream in(line);
    std::string word;
    long done = 0, total = 0;
    if (in >> word >> done >> total && word == "progress" && total > 0 && done >= 0) {
      done_ = std::min(done, total);
      total_ = total;
      std::getline(in >> std::ws, label_);
      if (label_.size() > 40) label_.resize(40);
      draw();
    }
    return "";
  }
  // Before a line of output: the bar steps aside, and comes back under it at the next draw().
  void clear() {
    if (!shown_) return;
    std::cout << "\r\033[K" << std::flush;
    shown_ = false;
  }
  void draw() {
    const double elapsed = seconds();
    if (!draw_ || total_ == 0 || done_ >= total_ || elapsed < 1.0 || elapsed - last_draw_ < 0.2) return;
    last_draw_ = elapsed;
    std::string eta = "";
    if (done_ > 0) eta = tr("run.eta", {static_cast<long>(elapsed * (total_ - done_) / done_ + 0.5)});
    std::cout << "\r\033[K" << label_ << " " << ui::bar(static_cast<double>(done_), static_cast<double>(total_), 24)
              << " " << done_ << "/" << total_ << eta << std::flush;
    shown_ = true;
  }

 private:
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  bool draw_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_;
  double last_draw_ = -1;
  long done_ = 0, total_ = 0;
  std::string label_;
};

// The time limit of one experiment run: $KATA_RUN_TIMEOUT seconds, default 300 (the reference takes
// seconds; a learner's slow but correct code should still finish).
double experiment_time_limit() {
  if (const char* v = std::getenv("KATA_RUN_TIMEOUT"); v != nullptr && std::atof(v) > 0) return std::atof(v);
  return 300;
}

// Builds and runs one variant's experiment. `live` streams its output to the terminal as it comes (the
// first 4 MiB of it; all of it goes to build/<preset>/out/NN_topic/<variant>.log).
ExperimentRun run_variant(Workspace& ws, const Lesson& lesson, const std::string& variant, bool live) {
  ExperimentRun run;
  const std::string target = "experiment_" + lesson.number + "_" + variant;
  ToolboxChoice toolbox;
  {
    BuildLock lock(ws.build_dir(), "kata run " + lesson.number);
    // Lesson 12: your finished lessons in its toolbox, the reference for the others (the solution variant
    // always links the reference).
    if (variant == "learner") {
      forget_stale_objects(ws, lesson);  // a file restored with an old time stamp is compiled again
      toolbox = prepare_toolbox(ws, lesson, ToolboxUse::run);
    }
    if (!toolbox.empty()) std::cout << toolbox.summary() << "\n";
    const auto build = build_targets(ws, {target}, tr("build.building", {target}));
    if (!build.ok) {
      run.exit_code = -1;
      run.output = build.broken ? tr("build.not_your_code", {build.problem}) : build.errors;
      return run;
    }
  }
  set_activity(tr("activity.experiment", {lesson.name}));
  run.out_dir = ws.build_dir() / "out" / lesson.name / variant;
  std::error_code ec;
  fs::remove_all(run.out_dir, ec);
  fs::create_directories(run.out_dir, ec);
  run.limit = experiment_time_limit();
  ProcessOptions opts;
  opts.working_dir = ws.root().string();
  opts.env = {{"KATA_OUT_DIR", run.out_dir.string()}, {"KATA_VARIANT", variant}, {"KATA_LESSON", lesson.number}};
  if (!toolbox.empty()) opts.env["KATA_TOOLBOX"] = toolbox.env();
  opts.timeout_seconds = run.limit;
  opts.memory_limit_mb = learner_memory_limit_mb();
  opts.log_file = (run.out_dir.parent_path() / (variant + ".log")).string();
  std::size_t shown = 0;
  constexpr std::size_t live_limit = 4u * 1024 * 1024;
  RunProgress progress;
  if (live)
    opts.on_line = [&](const std::string& line) {
      // The experiment's own note that the learner's code is not finished: explain() says it, once.
      if (line.rfind("experiment stopped: not implemented yet: ", 0) == 0) return;
      if (shown > live_limit) return;
      progress.clear();
      shown += line.size() + 1;
      if (shown > live_limit)
        std::cout << tr("run.too_much_output", {opts.log_file}) << "\n";
      else
        std::cout << line << "\n";
      std::cout << std::flush;
      progress.draw();
    };
  opts.on_progress = [&](const std::string& line) {
    const std::string blas = progress.take(line);
    if (blas.empty() || !run.blas.empty()) return;
    run.blas = blas;
    if (live) std::cout << ui::dim("BLAS: " + blas) << "\n" << std::flush;
  };
  opts.on_tick = [&] { progress.draw(); };
  const auto r = run_process({(ws.build_dir() / target).string()}, opts);
  progress.clear();
  run.exit_code = r.exit_code;
  run.timed_out = r.timed_out;
  run.output = r.output;
  return run;
}

// What went wrong with the learner's run, with the way forward.
void explain(const Lesson& lesson, const ExperimentRun& run) {
  if (run.exit_code == 0) return;
  if (run.exit_code == -1) {
    std::cout << ui::red(tr("run.does_not_compile")) << "\n" << run.output << "\n";
  } else if (run.timed_out) {
    std::cout << "\n" << ui::red(tr("run.timed_out", {static_cast<int>(run.limit)}))
              << tr("run.timed_out_why", {lesson.number}) << "\n";
  } else if (run.exit_code == 3) {
    // "not implemented yet: dropout_forward() in lessons/04_dropout/dropout.cpp:10"
    std::string what = tr("run.not_finished");
    const std::string marker = "not implemented yet: ";
    if (const auto at = run.output.find(marker); at != std::string::npos) {
      const auto end = run.output.find('\n', at);
      std::string detail = run.output.substr(at + marker.size(), end == std::string::npos ? std::string::npos : end - at - marker.size());
      if (detail.size() > 200) detail = detail.substr(0, 200);
      what = tr("run.not_implemented", {detail});
    }
    std::cout << "\n" << ui::yellow(tr("run.stopped", {what})) << "\n" << tr("run.finish_it", {lesson.number}) << "\n";
  } else if (run.exit_code >= 128) {
    const int signal = run.exit_code - 128;
    std::cout << "\n" << ui::red(signal == 9 ? tr("run.crashed_oom", {signal}) : tr("run.crashed", {signal}))
              << tr("run.crashed_where", {lesson.number}) << "\n";
  } else {
    std::cout << "\n" << ui::red(tr("run.error_exit", {run.exit_code})) << tr("run.error_try", {lesson.number}) << "\n";
  }
}

// The two outputs line by line, aligned by their longest common subsequence of lines, so one extra line
// on one side does not make every later line differ. Each row: the left line, the right line (either may be
// missing), and whether they are the same line.
struct AlignedRow {
  const std::string* left = nullptr;
  const std::string* right = nullptr;
  bool same = false;
};

std::vector<AlignedRow> align(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;)
    for (std::size_t j = b.size(); j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::vector<AlignedRow> rows;
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      rows.push_back({&a[i++], &b[j++], true});
    } else if (i < a.size() && j < b.size() && lcs[i + 1][j] == lcs[i][j + 1]) {
      rows.push_back({&a[i++], &b[j++], false});  // a changed line: show the two next to each other
    } else if (j == b.size() || (i < a.size() && lcs[i + 1][j] >= lcs[i][j + 1])) {
      rows.push_back({&a[i++], nullptr, false});
    } else {
      rows.push_back({nullptr, &b[j++], false});
    }
  }
  return rows;
}

// Your run and the reference's, compared: two columns when both fit the terminal, else one column with
// the common lines once and each difference as a "yours" / "reference" pair. Differences are marked.
void print_side_by_side(const std::string& left, const std::string& right) {
  const auto a = lines_of(left), b = lines_of(right);
  const auto rows = align(a, b);
  const std::string yours = tr("run.your_code");
  std::size_t widest = ui::width(yours), widest_b = 0;
  for (const auto& l : a) widest = std::max(widest, ui::width(l));
  for (const auto& l : b) widest_b = std::max(widest_b, ui::width(l));
  const int width = terminal_width();
  int differences = 0;
  for (const auto& r : rows) differences += r.same ? 0 : 1;
  if (widest + widest_b + 3 <= static_cast<std::size_t>(width)) {
    std::cout << ui::bold(ui::pad(yours, widest) + " | " + tr("run.reference")) << "\n";
    for (const auto& r : rows) {
      const std::string l = r.left ? *r.left : "", rt = r.right ? *r.right : "";
      // "!" marks a difference: "*" is taken (lesson 12's tables star the chosen round).
      const std::string row = ui::pad(l, widest) + (r.same ? " | " : " ! ") + rt;
      std::cout << (r.same ? row : ui::yellow(row)) << "\n";
    }
    std::cout << ui::dim(tr("run.differences", {differences})) << "\n";
    return;
  }
  std::cout << ui::bold(tr("run.one_column")) << "\n";
  // "! yours:     " and "  reference: " in English: the labels padded to one width.
  const std::string mine_label = tr("run.yours_label"), ref_label = tr("run.reference_label");
  const std::size_t label = std::max(ui::width(mine_label), ui::width(ref_label)) + 1;
  for (const auto& r : rows) {
    if (r.same) {
      std::cout << std::string(label + 2, ' ') << *r.left << "\n";
      continue;
    }
    if (r.left) std::cout << ui::yellow("! " + ui::pad(mine_label, label) + *r.left) << "\n";
    if (r.right) std::cout << ui::yellow("  " + ui::pad(ref_label, label) + *r.right) << "\n";
  }
  std::cout << ui::dim(tr("run.differences_one_column", {differences})) << "\n";
}

// The gallery page, rewritten after every run; its path printed when it has a picture to show.
void show_gallery(Workspace& ws) {
  const fs::path page = write_gallery(ws.build_dir() / "out");
  if (read_text(page).find("<img") != std::string::npos)
    std::cout << "\n" << tr("run.gallery", {page.string()}) << "\n";
}

}  // namespace

int cmd_run(Workspace& ws, const std::string& spec, bool reference, bool both) {
  const Lesson& lesson = lesson_for(ws, spec);
  if (!lesson.has_experiment) {
    std::cout << tr("run.no_experiment", {lesson.name}) << "\n";
    return 1;
  }
  if (both) {
    const auto mine = run_variant(ws, lesson, "learner", false);
    const auto ref = run_variant(ws, lesson, "solution", false);
    if (const std::string& blas = ref.blas.empty() ? mine.blas : ref.blas; !blas.empty())
      std::cout << ui::dim("BLAS: " + blas) << "\n";
    print_side_by_side(mine.exit_code == -1 ? tr("run.does_not_compile_short") + "\n" : mine.output, ref.output);
    explain(lesson, mine);
    if (mine.exit_code == 0) render_figures(mine.out_dir, tr("run.figures_yours"));
    if (ref.exit_code == 0) render_figures(ref.out_dir, tr("run.figures_reference"));
    show_gallery(ws);
    return mine.exit_code == 0 && ref.exit_code == 0 ? 0 : 1;
  }
  const auto run = run_variant(ws, lesson, reference ? "solution" : "learner", true);
  if (reference && run.exit_code == -1) std::cout << run.output << "\n";
  if (!reference) explain(lesson, run);
  if (run.exit_code == 0) render_figures(run.out_dir);
  if (run.exit_code == 0) show_gallery(ws);
  return run.exit_code == -1 ? 1 : run.exit_code;
}

int cmd_check_sanitized(Workspace& ws, const std::string& spec) {
  const Lesson& lesson = lesson_for(ws, spec);
  std::cout << tr("check.sanitized", {lesson.name}) << "\n";
  CheckOptions options;
  options.memory_check_always = true;
  const auto result = check_lesson(ws, lesson, options);
  print_result(lesson, result);
  return result.status() == "done" ? 0 : 1;
}

int cmd_setup(Workspace& ws, bool yes) {
  std::vector<std::string> argv = {"sh", (ws.root() / "kata").string(), "setup"};
  if (yes) argv.push_back("--yes");
  return run_process(argv, {.inherit_output = true}).exit_code;
}

}  // namespace kata::cli
