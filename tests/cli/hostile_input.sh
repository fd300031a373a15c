#!/bin/sh
# The CLI holds up under hostile input (issue 11): interrupts end everything it started, output and
# memory stay bounded, odd states give clear errors. Usage: hostile_input.sh KATA_BINARY REPO_ROOT WORK_DIR
. "$(dirname "$0")/lib.sh"
make_workspace


# Waits up to $2 tenths of a second for process $1 to end; its exit status in $rc.
wait_for() {
  n=0
  while kill -0 "$1" 2>/dev/null && [ $n -lt "$2" ]; do sleep 0.1; n=$((n + 1)); done
  wait "$1"
  rc=$?
}

# --- interrupts -----------------------------------------------------------------------------------------
solution_with "double distribution_distance(" "  for (volatile int spin = 0;;) (void)spin;" > "$WORK/loop.cpp"
learner_file "$WORK/loop.cpp"
"$KATA" check 01 >/dev/null 2>&1  # build it once, so the interrupt below lands in the looping check
count_checks

for sig in INT TERM HUP; do
  "$KATA" check 01 >"$WORK/sig_$sig.out" 2>&1 &
  pid=$!
  sleep 1.5
  kill -"$sig" $pid
  start=$(date +%s%N)
  wait_for $pid 20
  gone_ms=$((($(date +%s%N) - start) / 1000000))
  check "SIG$sig during a looping check: kata exits 130 (got $rc)" test "$rc" -eq 130
  check "SIG$sig: one line 'interrupted: ...'" says "sig_$sig" "^interrupted: "
  check "SIG$sig: every process kata started has ended (${gone_ms} ms)" no_processes_left
done

# During a rebuild: ninja and the compilers end too.
touch "$WS/tests/$L1/train_dev_test_test.cpp"
"$KATA" check 01 >"$WORK/sig_build.out" 2>&1 &
pid=$!
sleep 1
kill -INT $pid
wait_for $pid 20
sleep 1  # the limit: everything ended within 1 s
check "SIGINT during a rebuild: exit 130 (got $rc)" test "$rc" -eq 130
check "SIGINT during a rebuild: no ninja or compiler of the copy is left" no_processes_left

# An experiment that never ends: Ctrl-C ends it, and KATA_RUN_TIMEOUT ends it without one.
"$KATA" run 01 >/dev/null 2>&1 &  # builds it
pid=$!
sleep 4
kill -INT $pid
wait_for $pid 600
check "SIGINT during kata run: no experiment is left running" no_processes_left
KATA_RUN_TIMEOUT=2 "$KATA" run 01 >"$WORK/run_timeout.out" 2>&1
rc=$?
check "kata run with a looping experiment stops at KATA_RUN_TIMEOUT (exit $rc)" says run_timeout "did not finish within 2 s"
check "... and leaves no process" no_processes_left

# After all that, the next command works normally: no stale lock, no half-written verdict.
learner_file "$SRC/solutions/$L1/train_dev_test.cpp"
"$KATA" check 01 >"$WORK/after_interrupts.out" 2>&1
check "after the interrupts, kata check 01 works (done)" says after_interrupts "$N of $N checks pass — done"

# --- output and memory ----------------------------------------------------------------------------------
solution_with "std::vector<double> recommended_ratios(" "  std::cout << arma::linspace<arma::rowvec>(0, 1, 3000);" \
  "#include <iostream>" > "$WORK/long_line.cpp"
learner_file "$WORK/long_line.cpp"
"$KATA" check 01 >"$WORK/long_line.out" 2>&1
rc=$?
check "a 27,000-character debug line: no crash, the solution is done (exit $rc)" says long_line "$N of $N checks pass — done"
"$KATA" list >"$WORK/long_line_list.out" 2>&1
check "... and kata list works" says long_line_list "progress"

solution_with "double distribution_distance(" \
  '  { const std::string line(1 << 20, '"'x'"'); for (int i = 0; i < 64; ++i) std::cout << line << std::endl; }' \
  "#include <iostream>
#include <string>" > "$WORK/flood.cpp"
learner_file "$WORK/flood.cpp"
/usr/bin/time -f '%M' -o "$WORK/flood.rss" "$KATA" check 01 >"$WORK/flood.out" 2>&1
check "64 MiB of output in a check: the check fails saying so" says flood "printed more than 1 MiB"
rss=$(tail -n 1 "$WORK/flood.rss")
check "... and kata's memory stays bounded (max RSS ${rss} KiB < 200000)" test "$rss" -lt 200000
check "... and the other checks still pass" says flood "$((N - D)) of $N checks pass"

solution_with "double distribution_distance(" \
  "  { std::vector<double> huge(std::size_t(20) << 27, 1.0); if (huge[7] != 1.0) return 0; }" \
  "#include <vector>" > "$WORK/hog.cpp"
learner_file "$WORK/hog.cpp"
KATA_MEMORY_LIMIT_MB=2048 "$KATA" check 01 >"$WORK/hog.out" 2>&1
check "a 20 GB allocation: 'used too much memory', not the OOM killer" says hog "used too much memory"

# --- odd states -----------------------------------------------------------------------------------------
learner_file "$SRC/lessons/$L1/train_dev_test.cpp"
mv "$WS/lessons" "$WORK/lessons.away"
for cmd in list check watch hint run diff solution; do
  "$KATA" $cmd >"$WORK/nolessons_$cmd.out" 2>&1 </dev/null
  rc=$?
  check "no lessons/: kata $cmd exits 1 (got $rc)" test "$rc" -eq 1
  check "no lessons/: kata $cmd says what is wrong" says "nolessons_$cmd" "no lessons found"
done
mv "$WORK/lessons.away" "$WS/lessons"
"$KATA" list >"$WORK/lessons_back.out" 2>&1
check "lessons/ back: kata list shows both lessons again" sh -c "grep -q ' 01 ' '$WORK/lessons_back.out' && grep -q ' 02 ' '$WORK/lessons_back.out'"

for cmd in check hint run diff solution watch coverage; do
  "$KATA" $cmd "" >"$WORK/empty_$cmd.out" 2>&1 </dev/null
  rc=$?
  check "kata $cmd \"\": a usage error (exit 2, got $rc)" test "$rc" -eq 2
done
# "did you mean": a misspelled or misplaced command gets the corrected line; a right command with a wrong
# extra argument or option gets no suggestion (it would repeat the same line).
"$KATA" 01 chek >"$WORK/mean_typo.out" 2>&1
check "kata 01 chek: suggests ./kata check 01" grep -q 'did you mean: ./kata check 01 ?' "$WORK/mean_typo.out"
for args in "check 01 02" "check 01 --bogus"; do
  "$KATA" $args >"$WORK/mean_extra.out" 2>&1
  rc=$?
  check "kata $args: a usage error (exit 2, got $rc)" test "$rc" -eq 2
  check "kata $args: no 'did you mean' that repeats the line" sh -c "! grep -q 'did you mean' '$WORK/mean_extra.out'"
done
sh "$SRC/kata" setup extra >"$WORK/setup_extra.out" 2>&1
rc=$?
check "kata setup extra: rejected (exit 2, got $rc)" test "$rc" -eq 2

# Terminals: TERM=dumb and NO_COLOR get no escape codes; a normal terminal does (the control case).
esc=$(printf '\033')
unset CI
script -qc "env -u NO_COLOR TERM=xterm $KATA list" /dev/null >"$WORK/tty_color.out" 2>&1
check "on a terminal, kata list is coloured (the control case)" grep -q "$esc" "$WORK/tty_color.out"
script -qc "env -u NO_COLOR TERM=dumb $KATA list" /dev/null >"$WORK/tty_dumb.out" 2>&1
check "TERM=dumb: no escape codes" sh -c "! grep -q '$esc' '$WORK/tty_dumb.out'"
script -qc "env TERM=xterm NO_COLOR=1 $KATA check 01" /dev/null >"$WORK/tty_nocolor.out" 2>&1
check "NO_COLOR: no escape codes at all" sh -c "! grep -q '$esc' '$WORK/tty_nocolor.out'"
export CI=true

# A build folder whose state cannot be written: the hint count is not saved, and kata says so.
mkdir -p "$WS/build/dev/kata-state"
if [ "$(id -u)" -eq 0 ]; then chattr +i "$WS/build/dev/kata-state"; else chmod a-w "$WS/build/dev/kata-state"; fi
"$KATA" hint 01 >"$WORK/hint_readonly.out" 2>&1
if [ "$(id -u)" -eq 0 ]; then chattr -i "$WS/build/dev/kata-state"; else chmod u+w "$WS/build/dev/kata-state"; fi
check "hint with a read-only state folder: says it could not remember" says hint_readonly "could not remember"

# --- kata reset -----------------------------------------------------------------------------------------
rm -rf "$WS/.git" "$WS/lessons/$L1/.backup"
(cd "$WS" && git init -q && git add -A && git -c user.name=kata -c user.email=kata@localhost commit -qm shipped) ||
  fail "could not make a git repository of the copy"
rm "$WS/lessons/$L1/train_dev_test.cpp"
"$KATA" reset 01 --yes >"$WORK/reset_deleted.out" 2>&1
check "reset of a deleted lesson file restores the stub" cmp -s "$WS/lessons/$L1/train_dev_test.cpp" "$SRC/lessons/$L1/train_dev_test.cpp"
cp "$SRC/solutions/$L1/train_dev_test.cpp" "$WS/lessons/$L1/train_dev_test.cpp"
(cd "$WS" && git -c user.name=kata -c user.email=kata@localhost commit -qam "my solution")
"$KATA" reset 01 --yes >"$WORK/reset_committed.out" 2>&1
check "reset after the learner committed: the shipped stub, not the commit" \
  cmp -s "$WS/lessons/$L1/train_dev_test.cpp" "$SRC/lessons/$L1/train_dev_test.cpp"
check "... and the learner's version is backed up" sh -c "ls '$WS/lessons/$L1/.backup/' | grep -q train_dev_test.cpp"
cp "$SRC/solutions/$L1/train_dev_test.cpp" "$WS/lessons/$L1/train_dev_test.cpp"
GIT_TEST_ASSUME_DIFFERENT_OWNER=1 "$KATA" reset 01 --yes >"$WORK/reset_owner.out" 2>&1
check "reset in a checkout git refuses (another owner): git's own reason is shown" says reset_owner "dubious ownership"
check "... and nothing was changed" cmp -s "$WS/lessons/$L1/train_dev_test.cpp" "$SRC/solutions/$L1/train_dev_test.cpp"
rm -rf "$WS/.git"

finish
