#!/bin/sh
# A check passes only when Boost.Test reported it passed (issue 10, section 1). Usage:
#   false_passes.sh KATA_BINARY REPO_ROOT WORK_DIR
# Each case is lesson 01's reference solution with one thing a learner's code might do; the verdict must
# say what really happened, for `kata check` and for `kata list`.
. "$(dirname "$0")/lib.sh"
make_workspace

verdict() {  # verdict NAME: runs kata check 01 into $WORK/NAME.out; the summary line is in $summary
  "$KATA" check 01 >"$WORK/$1.out" 2>&1
  rc=$?
  summary=$(grep "^$L1: " "$WORK/$1.out" | tail -n 1)
  listed=$("$KATA" list 2>&1 | grep " 01 ")
}

# The reference itself: done, memory check included.
learner_file "$SRC/solutions/$L1/train_dev_test.cpp"
verdict reference
count_checks
done_line="$L1: $N of $N checks pass — done"
failing_line="$L1: $((N - D)) of $N checks pass — failing"  # distribution_distance's checks fail
check "the reference solution is done ($N of $N, memory check clean)" \
  test "$summary" = "$done_line" -a "$rc" -eq 0
check "kata list shows it done" sh -c "echo '$listed' | grep -q ' done '"

# exit(0) inside a function: the program ends mid-check, with status 0 and no report.
solution_with "double distribution_distance(" "  std::exit(0);" "#include <cstdlib>" > "$WORK/exit.cpp"
learner_file "$WORK/exit.cpp"
verdict exit
check "exit(0) during a check: not done ($summary)" test "$summary" = "$failing_line"
check "exit(0): the message names exit()" says exit "called exit() during this check"
check "exit(0): kata list does not say done" sh -c "! echo '$listed' | grep -q ' done '"

# _exit(0): no atexit handler runs; the runner still sees a check without a report.
solution_with "double distribution_distance(" "  ::_exit(0);" "#include <unistd.h>" > "$WORK/underscore_exit.cpp"
learner_file "$WORK/underscore_exit.cpp"
verdict underscore_exit
check "_exit(0) during a check: not done ($summary)" test "$summary" = "$failing_line"
check "_exit(0): the message says the program ended before Boost.Test reported" says underscore_exit "before Boost.Test"

# fork(): the copy would run the remaining checks a second time and report them twice.
solution_with "double distribution_distance(" "  ::fork();" "#include <unistd.h>" > "$WORK/fork.cpp"
learner_file "$WORK/fork.cpp"
verdict fork
check "fork() during a check: not done ($summary)" test "$summary" = "$failing_line"
check "fork(): the message names the child process" says fork "child process"
check "fork(): no process of the copy is left" no_processes_left

# std::cout turned off: the verdict does not depend on the learner's stdout.
solution_with "double distribution_distance(" "  std::cout.setstate(std::ios::badbit); std::fclose(stdout);" \
  "#include <cstdio>
#include <iostream>" > "$WORK/cout_off.cpp"
learner_file "$WORK/cout_off.cpp"
verdict cout_off
check "std::cout and stdout closed by a correct solution: still done ($summary)" \
  test "$summary" = "$done_line"

# A static destructor that rewrites Boost.Test's JUnit report after it was written (every <failure> and
# <error> removed) and ends with _exit(0): the verdict channel (test_main.cpp) still says the checks failed.
cp "$SRC/lessons/$L1/train_dev_test.cpp" "$WORK/forge.cpp"
cat >> "$WORK/forge.cpp" <<'CPP'
// ---- hostile: rewrite Boost.Test's JUnit report after it is written ----
#include <fstream>
#include <regex>
#include <sstream>
#include <unistd.h>
namespace {
struct Forger {
  ~Forger() {
    std::ifstream cmd("/proc/self/cmdline");
    std::string arg;
    while (std::getline(cmd, arg, '\0')) {
      const std::string key = "--logger=JUNIT,error,";
      if (arg.rfind(key, 0) != 0) continue;
      const std::string path = arg.substr(key.size());
      std::ifstream in(path);
      std::stringstream ss;
      ss << in.rdbuf();
      std::string xml = ss.str();
      xml = std::regex_replace(xml, std::regex("<error[^>]*>[\\s\\S]*?</error>"), "");
      xml = std::regex_replace(xml, std::regex("<failure[^>]*>[\\s\\S]*?</failure>"), "");
      xml = std::regex_replace(xml, std::regex("<system-err>[\\s\\S]*?</system-err>"), "");
      xml = std::regex_replace(xml, std::regex("errors=\"[0-9]+\""), "errors=\"0\"");
      xml = std::regex_replace(xml, std::regex("failures=\"[0-9]+\""), "failures=\"0\"");
      std::ofstream(path) << xml;
    }
    std::fflush(nullptr);
    ::_exit(0);
  }
} g_forger;
}  // namespace
CPP
learner_file "$WORK/forge.cpp"
verdict forge
check "a stub whose static destructor rewrites the report: not done ($summary)" test "$summary" != "$done_line"
check "... the message says the report was changed" says forge "report was changed after Boost.Test wrote it"
check "... kata list does not say done" sh -c "! echo '$listed' | grep -q ' done '"
KATA_ISOLATE=1 "$KATA" check 01 >"$WORK/forge_isolated.out" 2>&1
check "... and KATA_ISOLATE=1 (kata grade's mode): not done" sh -c "! grep -q 'checks pass — done' '$WORK/forge_isolated.out'"
check "... KATA_ISOLATE=1: the message says the report was changed" says forge_isolated "report was changed after"

# What the code prints while the program starts does not mix with the list of checks (Boost.Test writes
# it to --report_sink): a correct solution stays done whatever its static initializers print.
for stream in cout cerr; do
  for text in 'debug\n' 'loading lesson 01... '; do
    solution_with "double distribution_distance(" "" "#include <iostream>" > "$WORK/print.cpp"
    printf 'static int g_print = (std::%s << "%s", 0);\n' "$stream" "$text" >> "$WORK/print.cpp"
    learner_file "$WORK/print.cpp"
    verdict static_print
    check "a static initializer printing \"$text\" to $stream: still done ($summary)" test "$summary" = "$done_line"
  done
done

# Slow but within the limit: two checks that each take 2 s of a 3 s limit pass (the limit is per check,
# not per lesson: together they take longer than one limit).
solution_with "std::vector<double> recommended_ratios(" \
  "  { static int calls = 0; if (calls++ == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2000)); }" \
  "#include <chrono>
#include <thread>" > "$WORK/slow1.cpp"
awk '{ print } index($0, "double distribution_distance(") && !d { print "  { static int calls = 0; if (calls++ == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2000)); }"; d = 1 }' \
  "$WORK/slow1.cpp" > "$WORK/slow.cpp"
learner_file "$WORK/slow.cpp"
verdict slow
check "checks slow but within the per-check limit pass ($summary)" test "$summary" = "$done_line"

# Two kata at once on one build folder: neither may report a broken build as the learner's.
learner_file "$SRC/solutions/$L1/train_dev_test.cpp"
round=0
bad=0
while [ $round -lt 4 ]; do
  round=$((round + 1))
  printf '// edit %s\n' "$round" >> "$WS/lessons/$L1/train_dev_test.cpp"
  "$KATA" check 01 >"$WORK/concurrent_a.out" 2>&1 &
  a=$!
  "$KATA" check 01 >"$WORK/concurrent_b.out" 2>&1
  wait $a
  for f in concurrent_a concurrent_b; do
    says $f "$N of $N checks pass — done" || { bad=$((bad + 1)); cat "$WORK/$f.out"; }
  done
done
check "two kata check at once, 4 rounds: every run gives the true verdict ($bad wrong)" test $bad -eq 0

# A learner restores an older file (its old time stamp kept): the verdict follows the contents.
learner_file "$SRC/lessons/$L1/train_dev_test.cpp"
verdict stub
cp "$SRC/solutions/$L1/train_dev_test.cpp" "$WORK/old.cpp"
touch -d '2020-01-01 00:00' "$WORK/old.cpp"
cp -p "$WORK/old.cpp" "$WS/lessons/$L1/train_dev_test.cpp"
verdict restored
check "a restored file with an old time stamp is rebuilt and checked ($summary)" \
  test "$summary" = "$done_line"

# A build folder that cannot be written: not the learner's fault, and not remembered as a verdict.
printf '// one more edit\n' >> "$WS/lessons/$L1/train_dev_test.cpp"
objdir="$WS/build/dev/CMakeFiles/kata_01_learner.dir/lessons/$L1"
if [ "$(id -u)" -eq 0 ]; then chattr +i "$objdir"; else chmod a-w "$objdir"; fi
"$KATA" check 01 >"$WORK/readonly.out" 2>&1
if [ "$(id -u)" -eq 0 ]; then chattr -i "$objdir"; else chmod u+w "$objdir"; fi
check "a build folder that cannot be written: 'not because of your code'" says readonly "not because of your code"
check "... and not 'does not compile'" sh -c "! grep -q 'does not compile' '$WORK/readonly.out'"
verdict after_readonly
check "the next check works normally ($summary)" test "$summary" = "$done_line"

finish
