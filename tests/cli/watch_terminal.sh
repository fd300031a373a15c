#!/bin/sh
# kata watch and the terminal (the hostile tester's B5, B6): the learner's code cannot reach the terminal
# except through kata's pipes; a file the code writes beside the sources starts no check.
# Usage: watch_terminal.sh KATA_BINARY REPO_ROOT WORK_DIR
. "$(dirname "$0")/lib.sh"
make_workspace
unset CI
LESSON_FILE=$WS/lessons/$L1/train_dev_test.cpp

now_ms() { echo $(($(date +%s%N) / 1000000)); }
# Waits up to $3 tenths of a second for file $1 to contain $2; true when it does.
wait_for_text() {
  n=0
  while ! grep -q -- "$2" "$1" 2>/dev/null; do
    [ $n -ge "$3" ] && return 1
    sleep 0.1
    n=$((n + 1))
  done
}
# How many times watch announced a check in file $1.
announced() { grep -o 'checking 01_train_dev_test' "$1" | wc -l; }

# --- B6: no controlling terminal for the learner's code ------------------------------------------------
# The code opens /dev/tty and writes a title escape there; where that fails it says so in a probe file.
solution_with "double distribution_distance(" \
  '  { const int fd = ::open("/dev/tty", O_WRONLY); if (fd >= 0) { (void)!::write(fd, "\\033]0;KATA-TTY-LEAK\\007", 18); ::close(fd); } else { std::ofstream(std::getenv("KATA_TTY_PROBE")) << "no terminal\\n"; } }' \
  "#include <fcntl.h>
#include <unistd.h>
#include <cstdlib>
#include <fstream>" > "$WORK/tty.cpp"
learner_file "$WORK/tty.cpp"
rm -f "$WORK/tty.probe" "$WORK/tty.typescript"
KATA_TTY_PROBE=$WORK/tty.probe script -qec "$KATA check 01" "$WORK/tty.typescript" >/dev/null 2>&1 </dev/null
check "a check that opens /dev/tty writes nothing to kata's terminal" sh -c "! grep -q KATA-TTY-LEAK '$WORK/tty.typescript'"
check "... because open(\"/dev/tty\") fails inside the check (it ran: the probe file says so)" \
  grep -q "no terminal" "$WORK/tty.probe"
check "... and kata check still ran the lesson" grep -q "checks pass" "$WORK/tty.typescript"
# The control case: the same test program started from a terminal directly does reach it.
script -qec "$WS/build/dev/test_01_learner" "$WORK/tty_direct.typescript" \
  >/dev/null 2>&1 </dev/null
check "(control: the test program run directly on a terminal does write there)" \
  grep -q KATA-TTY-LEAK "$WORK/tty_direct.typescript"

# --- B5: a log file written by the checks starts no new check -----------------------------------------
solution_with "double distribution_distance(" \
  '  { std::ofstream("lessons/01_train_dev_test/debug.log", std::ios::app) << "called\\n"; }' \
  "#include <fstream>" > "$WORK/log.cpp"
learner_file "$WORK/log.cpp"
"$KATA" check 01 >/dev/null 2>&1  # built once, so watch's first check is quick
"$KATA" watch 01 >"$WORK/watch_log.out" 2>&1 </dev/null &
pid=$!
wait_for_text "$WORK/watch_log.out" "checks pass" 600 || fail "watch showed no verdict for the logging lesson"
sleep 3  # a loop would have announced the next check by now (the poll is 100 ms)
check "a check appending to lessons/$L1/debug.log: watch checks once ($(announced "$WORK/watch_log.out") checks)" \
  test "$(announced "$WORK/watch_log.out")" -eq 1
check "... the log was written" test -s "$WS/lessons/$L1/debug.log"
touch "$LESSON_FILE"
wait_for_text "$WORK/watch_log.out" "checks pass.*checks pass" 0
sleep 4
check "... and saving the source still re-checks it ($(announced "$WORK/watch_log.out") checks)" \
  test "$(announced "$WORK/watch_log.out")" -eq 2
kill -TERM $pid
wait $pid
rm -f "$WS/lessons/$L1/debug.log"

finish
