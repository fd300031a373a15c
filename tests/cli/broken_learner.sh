#!/bin/sh
# The kata command survives broken learner code. Usage: broken_learner.sh KATA_BINARY REPO_ROOT WORK_DIR
#
# In a copy of the workspace (WORK_DIR/ws, reused between runs) with two lessons —
#   01_train_dev_test  the learner's file replaced by broken code: split_sizes segfaults, shuffle_split
#                      loops forever, distribution_distance returns NaN, stratified_split throws an int,
#                      recommended_ratios throws std::bad_alloc; then the reference with one odd thing
#                      each: escape sequences printed and thrown, a 20 MiB exception message, abort(),
#                      endless recursion, every descriptor closed, a static destructor that hangs, main();
#   02_intact          a copy of lesson 01 whose learner file is the reference solution —
# it runs `kata check 01` and `kata list` and asserts that each failure is a failing check with a clear
# message, that lesson 02's result still shows, and that the CLI exits normally.
. "$(dirname "$0")/lib.sh"
make_workspace

# The broken learner code (written only when it differs, like everything else).
cat > "$WORK/broken.cpp" <<'CPP'
// Deliberately broken learner code for the CLI's own tests (tests/cli/broken_learner.sh).
#include "train_dev_test.hpp"

#include <cmath>
#include <new>

#include "kata/errors.hpp"

namespace kata {

std::vector<arma::uword> split_sizes(arma::uword m, const std::vector<double>& ratios) {
  volatile int* nowhere = nullptr;
  *nowhere = static_cast<int>(m + ratios.size());  // segfault
  return {};
}

std::vector<double> recommended_ratios(arma::uword m) {
  if (m > 0) throw std::bad_alloc();
  return {};
}

DataSplit shuffle_split(const arma::mat& X, const arma::urowvec& y, const std::vector<double>& ratios,
                        Rng& rng) {
  volatile unsigned long spin = 0;
  while (spin != 1) spin = spin + 2;  // never ends
  return {};
}

DataSplit stratified_split(const arma::mat& X, const arma::urowvec& y, const std::vector<double>& ratios,
                           Rng& rng) {
  throw 42;  // not an exception class at all
}

double distribution_distance(const arma::urowvec& labels_a, const arma::urowvec& labels_b) {
  return std::nan("");
}

}  // namespace kata
CPP
learner_file "$WORK/broken.cpp"

start=$(date +%s)
"$KATA" check 01 --verbose >"$WORK/check.out" 2>&1
rc=$?
end=$(date +%s)
cat "$WORK/check.out"
echo "(kata check 01: exit $rc after $((end - start)) s)"
[ "$rc" -eq 1 ] && pass "kata check 01 exits normally with 1 (failing checks), not a crash" ||
  fail "kata check 01 should exit 1, got $rc"

# Each broken function fails its checks with a message that says what happened.
expect() {  # expect CHECK_PREFIX REGEX WHAT
  if awk -v prefix="  ✗ $1" -v re="$2" '
      index($0, prefix) == 1 { inside = 1; next }
      /^  (✓|✗) / { inside = 0 }
      inside && tolower($0) ~ re { found = 1 }
      END { exit !found }' "$WORK/check.out"; then
    pass "$3"
  else
    fail "$3 (no failing check $1 with a message matching /$2/)"
  fi
}
expect "split_sizes/" "memory access violation|segmentation|sigsegv|crash" "segfault: a failing check that names the crash"
expect "shuffle_split/" "did not finish within the time limit" "infinite loop: a failing check that names the time limit"
expect "distribution_distance/golden_values" "nan" "NaN: a failing check that shows the NaN"
expect "stratified_split/" "unknown type|exception" "throw 42: a failing check that names the unexpected exception"
expect "recommended_ratios/" "bad_alloc" "std::bad_alloc: a failing check that names it"
count_checks  # $N: how many checks lesson 01 has
grep -q "$L1: 0 of $N checks pass" "$WORK/check.out" && pass "every check ran and failed (0 of $N)" ||
  fail "expected the summary '$L1: 0 of $N checks pass'"

"$KATA" list >"$WORK/list.out" 2>&1
rc=$?
cat "$WORK/list.out"
[ "$rc" -eq 0 ] && pass "kata list exits 0" || fail "kata list should exit 0, got $rc"
grep -Eq "01  train_dev_test +failing +(task [0-9]+/[0-9]+ +)?0/$N " "$WORK/list.out" && pass "list shows lesson 01 failing, 0/$N" ||
  fail "list should show lesson 01 as failing with 0/$N"
grep -Eq "02  intact +done +$N/$N " "$WORK/list.out" && pass "list still shows lesson 02 done, $N/$N" ||
  fail "list should show lesson 02 done with $N/$N"
grep -q "progress" "$WORK/list.out" && pass "list shows the progress bar" || fail "list has no progress line"

# Only task 5 (distribution distance) fails, tasks 1-4 and 6 pass: kata list names task 5, where kata
# check shows the first failure, not "the task after the finished ones" (6/6); and a bar with one check
# missing is not full.
solution_with "double distribution_distance(" '  return std::nan("");' > "$WORK/only5.cpp"
learner_file "$WORK/only5.cpp"
"$KATA" check 01 >"$WORK/only5_check.out" 2>&1
"$KATA" list >"$WORK/only5_list.out" 2>&1
grep -E "^  01 " "$WORK/only5_list.out"
grep -Eq "01  train_dev_test +failing +task 5/6 " "$WORK/only5_list.out" && pass "list names the first unfinished task (5/6)" ||
  fail "list should show lesson 01 on task 5/6"
grep -E "^  01 " "$WORK/only5_list.out" | grep -q '\.\]' && pass "a lesson with failing checks has no full bar" ||
  fail "the bar of a failing lesson should not be full"

# State kept between calls: split_sizes() sets a global that distribution_distance() needs. In one program
# the split checks run first and distribution_distance's checks pass; each on its own (as kata grade runs
# them) they fail. kata check runs a green lesson's checks alone once more, so it is not "done".
solution_with "std::vector<arma::uword> split_sizes(" '  g_warm = true;' 'static bool g_warm = false;' |
  awk '{ print } /^double distribution_distance\(/ { print "  if (!g_warm) return 0.5;" }' > "$WORK/warm.cpp"
learner_file "$WORK/warm.cpp"
"$KATA" check 01 >"$WORK/warm.out" 2>&1
grep -q "fails on its own (as kata grade runs it)" "$WORK/warm.out" && pass "state kept between calls: a check that passes only after others fails" ||
  fail "kata check should fail distribution_distance's checks that pass only after the split checks"
grep -q "$L1: .* — done" "$WORK/warm.out" && fail "a lesson whose checks pass only in order is not done" ||
  pass "... and the lesson is not done"

# The lesson's only .cpp file deleted: CMake could not define the lesson any more, and every lesson builds
# in the same tree. kata names the file and the way back instead of a CMake error about another lesson.
mv "$WS/lessons/$L1/train_dev_test.cpp" "$WORK/moved_away.cpp"
"$KATA" check 02 >"$WORK/deleted.out" 2>&1
cat "$WORK/deleted.out"
grep -q "lessons/$L1 has no .cpp file any more" "$WORK/deleted.out" && pass "a deleted lesson file is named, also when checking another lesson" ||
  fail "kata check 02 should say that lessons/$L1 has no .cpp file any more"
grep -q "./kata reset 01" "$WORK/deleted.out" && pass "... with the command that restores it" || fail "the message should name ./kata reset 01"
grep -q "not because of your code" "$WORK/deleted.out" && fail "a deleted file is not a broken build folder" ||
  pass "not reported as a broken build folder"
mv "$WORK/moved_away.cpp" "$WS/lessons/$L1/train_dev_test.cpp"
# --- what kata prints of learner-controlled text, and what it says of odd endings ----------------------
# The reference with BODY after distribution_distance's opening line and TOP as a first line, taken
# literally (ENVIRON, not awk -v, which would turn the source's \x1b into an ESC byte).
broken_case() {  # broken_case NAME TOP BODY: kata check 01 on it, output in $WORK/NAME.out
  TOP="$2" BODY="$3" awk 'NR == 1 && ENVIRON["TOP"] != "" { print ENVIRON["TOP"] } { print }
    !d && index($0, "double distribution_distance(") { print ENVIRON["BODY"]; d = 1 }' \
    "$SRC/solutions/$L1/train_dev_test.cpp" > "$WORK/$1.cpp"
  learner_file "$WORK/$1.cpp"
  "$KATA" check 01 >"$WORK/$1.out" 2>&1
}

# Escape sequences in what the code prints and in an exception's message: shown, never sent raw.
broken_case escapes '#include <cstdio>' \
  '  std::printf("\x1b[31m\x1b[?25l\x1b]0;PWNED-TITLE\x07 colour left on\n"); throw std::invalid_argument("distribution_distance(): \x1b[?1049h alt screen");'
check "escape sequences from the code: kata's output holds no raw ESC byte" \
  sh -c "! grep -q \"\$(printf '\033')\" '$WORK/escapes.out'"
check "... they are shown as \\e (the exception's message)" says escapes '\\e\[?1049h alt screen'
# (The printed output is shown when it reached kata before the check's end: not always, so only its form
# is checked.)
check "... and in the printed output, when shown" \
  sh -c "! grep 'colour left on' '$WORK/escapes.out' | grep -qv '\\\\e\[31m\\\\e\[?25l\\\\e]0;PWNED-TITLE\\\\x07 colour left on'"

# A 20 MiB exception message: kept to a few KiB per message, with a note of what was cut.
broken_case huge_message '#include <string>' '  throw std::invalid_argument(std::string(20u << 20, (char)121));'
bytes=$(wc -c < "$WORK/huge_message.out")
check "a 20 MiB exception message: kata's output stays small ($bytes bytes)" test "$bytes" -lt 200000
check "... and says how much was cut" says huge_message "more bytes cut"

# std::abort() in a check: the abort's likely causes, not a pointer's.
broken_case abort '#include <cstdlib>' '  std::abort();'
check "std::abort() in a check: 'aborted (SIGABRT)' and its causes" says abort "aborted (SIGABRT): a failed assert(), std::abort() or std::terminate()"

# Endless recursion: a stack overflow is named next to the pointer.
broken_case recursion 'static int deep(int n) { volatile char buf[4096]; buf[0] = (char)n; return deep(n + 1) + buf[0]; }' '  deep(0);'
check "endless recursion: the message mentions a stack overflow" says recursion "stack overflow"

# Every descriptor closed in a check: kata says so (not "_exit()?").
broken_case close_all '#include <unistd.h>' '  for (int fd = 0; fd < 1024; ++fd) close(fd);'
check "close() on every descriptor: the message says the output was closed" says close_all "closed the descriptors"
check "... and does not blame _exit()" sh -c "! grep -q '_exit()' '$WORK/close_all.out'"

# A static destructor that hangs: the program starts and lists its checks; it does not end.
broken_case hang_at_exit '#include <unistd.h>
struct Sleepy { ~Sleepy() { sleep(30); } } g_sleepy;' ''
check "a static destructor that hangs: 'does not end', not 'does not start'" says hang_at_exit "hangs as it ends"
check "... not 'does not start'" sh -c "! grep -q 'does not start' '$WORK/hang_at_exit.out'"

# A static destructor that hangs only after a check ran (the listing ends normally): the run of the checks
# is stopped a time limit after the last check, and every check says why.
broken_case hang_after_checks '#include <unistd.h>
static bool g_called = false;
struct SleepyLater { ~SleepyLater() { if (g_called) sleep(30); } } g_sleepy_later;' '  g_called = true;'
check "a static destructor that hangs after the checks ran: 'did not end ... after the last one'" \
  says hang_after_checks "did not end within 3 s after the last one"

# main() in learner code (the lesson file, or another file in the lesson folder): said so.
broken_case own_main 'int main() { return 0; }' ''
check "main() in the lesson file: 'your code defines main()'" says own_main "your code defines main()"
learner_file "$SRC/solutions/$L1/train_dev_test.cpp"
printf '#include <iostream>\n#include "train_dev_test.hpp"\nint main() { std::cout << kata::distribution_distance({0, 1}, {1, 1}) << "\\n"; }\n' \
  > "$WS/lessons/$L1/try_it.cpp"
"$KATA" check 01 >"$WORK/try_it_main.out" 2>&1
rm -f "$WS/lessons/$L1/try_it.cpp"
check "main() in another file of the lesson folder: 'your code defines main()'" says try_it_main "your code defines main()"


finish
