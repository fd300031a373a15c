#!/bin/sh
# kata watch and the terminal (the hostile tester's B5, B6, S1): the learner's code cannot reach the
# terminal except through kata's pipes; a file the code writes beside the sources starts no check; a save
# or `q` during a hanging check stops that check at once.
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

# --- S1: a save during a hanging check stops it --------------------------------------------------------
solution_with "double distribution_distance(" "  for (volatile int spin = 0;;) (void)spin;" > "$WORK/loop.cpp"
learner_file "$WORK/loop.cpp"
"$KATA" check 01 >/dev/null 2>&1  # built once; its checks hang until the 3 s limit
count_checks
"$KATA" watch 01 >"$WORK/watch_save.out" 2>&1 </dev/null &
pid=$!
sleep 2.5  # in the hanging check now (building and listing take < 1 s)
learner_file "$SRC/solutions/$L1/train_dev_test.cpp"
touch "$LESSON_FILE"
start=$(now_ms)
n=0
while [ "$(announced "$WORK/watch_save.out")" -lt 2 ] && [ $n -lt 300 ]; do sleep 0.02; n=$((n + 1)); done
restart_ms=$(($(now_ms) - start))
wait_for_text "$WORK/watch_save.out" "$N of $N checks pass" 900
save_ms=$(($(now_ms) - start))
kill -TERM $pid
wait $pid
check "the fix saved during a hanging check: the stale check stops and the new one starts within 1 s (${restart_ms} ms)" \
  test "$restart_ms" -lt 1000
check "... and its verdict shows (${save_ms} ms after the save, with the build and the memory check)" \
  says watch_save "$N of $N checks pass"
check "... and the stale run's verdict never shows" sh -c "! grep -q 'took\|time limit\|did not finish' '$WORK/watch_save.out'"

# --- S1: q during a hanging check quits at once (keys need a terminal: script gives watch one) -----------
learner_file "$WORK/loop.cpp"
"$KATA" check 01 >/dev/null 2>&1
rm -f "$WORK/keys"
mkfifo "$WORK/keys"
# watch_ended_by KEYS TYPESCRIPT: starts watch on a terminal (script), sends KEYS 2.5 s later, in the
# hanging check, and sets $ended_ms to how long watch took to end after them (at most 4 s).
watch_ended_by() {
  script -qec "$KATA watch 01" "$2" <"$WORK/keys" >/dev/null 2>&1 &
  pid=$!
  exec 9>"$WORK/keys"
  sleep 2.5  # in the hanging check
  printf "$1" >&9
  start=$(now_ms)
  n=0
  while kill -0 $pid 2>/dev/null && [ $n -lt 200 ]; do sleep 0.02; n=$((n + 1)); done
  ended_ms=$(($(now_ms) - start))
  exec 9>&-
  wait $pid
}
watch_ended_by q "$WORK/watch_q.typescript"
q_ms=$ended_ms
check "q during a hanging check: watch ends within 1 s (${q_ms} ms)" test "$q_ms" -lt 1000
check "... and leaves no process" no_processes_left
# Ctrl-C the same way: the terminal's interrupt reaches kata (the checks are in sessions of their own).
"$KATA" check 01 >/dev/null 2>&1
watch_ended_by '\003' "$WORK/watch_c.typescript"
c_ms=$ended_ms
check "Ctrl-C during a hanging check: watch ends within 1 s (${c_ms} ms)" test "$c_ms" -lt 1000
check "... says it was interrupted" grep -q "interrupted: " "$WORK/watch_c.typescript"
check "... and leaves no process" no_processes_left
echo "measured: new check ${restart_ms} ms, verdict ${save_ms} ms after a save during a hanging check; q took ${q_ms} ms, Ctrl-C ${c_ms} ms"

# --- B7: Ctrl-Z, then fg (tmux gives watch a terminal; dash, unlike bash, does not fix the terminal's
# mode for a stopped job, so the mode seen at its prompt is the one kata left) ------------------------------
if command -v tmux >/dev/null 2>&1 && command -v dash >/dev/null 2>&1; then
  learner_file "$SRC/lessons/$L1/train_dev_test.cpp"
  "$KATA" check 01 >/dev/null 2>&1
  T="tmux -L kata-watch-test-$$"
  pane() { $T capture-pane -p -t w 2>/dev/null; }
  wait_for_pane() {  # wait_for_pane TEXT TENTHS
    n=0
    while ! pane | grep -q -- "$1"; do
      [ $n -ge "$2" ] && return 1
      sleep 0.1
      n=$((n + 1))
    done
  }
  $T new-session -d -s w -x 120 -y 50 "env PS1='$ ' dash -i"
  $T send-keys -t w "$KATA watch 01" Enter
  wait_for_pane "q quit" 600 || fail "watch in tmux showed no verdict"
  $T send-keys -t w C-z
  sleep 0.5
  # stty sane: the normal mode, as bash sets it at its prompt; watch has to set its own again after fg.
  $T send-keys -t w "stty -a > '$WORK/stty_stopped.txt'; stty sane; clear" Enter
  sleep 0.5
  check "Ctrl-Z: the shell gets the terminal back with echo and line editing" \
    sh -c "grep -q -- ' icanon' '$WORK/stty_stopped.txt' && grep -q -- ' echo ' '$WORK/stty_stopped.txt'"
  $T send-keys -t w "fg" Enter
  check "fg: watch redraws its screen" wait_for_pane "q quit" 50
  $T send-keys -t w h
  check "... and takes single keys again (h shows a hint without Enter)" wait_for_pane "Hint 1 of" 50
  $T send-keys -t w q
  sleep 1
  $T send-keys -t w "stty -a > '$WORK/stty_after.txt'" Enter
  sleep 0.5
  check "q: watch ends and leaves the terminal as it was" grep -q -- ' icanon' "$WORK/stty_after.txt"
  $T kill-server 2>/dev/null
else
  echo "(tmux or dash missing: Ctrl-Z / fg not tested)"
fi

finish
