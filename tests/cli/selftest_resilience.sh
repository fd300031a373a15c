#!/bin/sh
# `kata selftest` in a workspace that is not pristine (issues 10 and 11). Usage:
#   selftest_resilience.sh KATA_BINARY REPO_ROOT WORK_DIR
# In a copy whose lesson 01 holds a learner's (complete) solution and whose lesson 02 reference solution
# does not compile:
#   - the stub gate leaves lesson 01 out and says why, instead of a false "passes against the stub" per check;
#   - the broken lesson is one failing gate with the compiler's message, and every other gate still runs;
#   - in the workspace's own CI (CI=true) a lesson file that is not the shipped stub fails the record gate.
. "$(dirname "$0")/lib.sh"
make_workspace


learner_file "$SRC/solutions/$L1/train_dev_test.cpp"
printf 'this is not C++;\n' > "$WORK/broken_solution.cpp"
cat "$SRC/solutions/$L1/train_dev_test.cpp" "$WORK/broken_solution.cpp" > "$WORK/solution02.cpp"
put "$WORK/solution02.cpp" "$WS/solutions/$L2/train_dev_test.cpp"

unset CI
"$KATA" selftest --skip-coverage --skip-sanitize >"$WORK/selftest.out" 2>&1
rc=$?
cat "$WORK/selftest.out"
check "selftest with a broken lesson exits 1 (got $rc), not a crash" test "$rc" -eq 1
check "it ends with the 'N passed, M failed' line" sh -c "tail -n 1 '$WORK/selftest.out' | grep -Eq '^[0-9]+ passed, [0-9]+ failed$'"
check "the build gate shows the compiler's message" says selftest "this is not C++"
check "the other gates still run: lesson 01's solution checks pass" \
  sh -c "grep -E '^solutions pass every check' '$WORK/selftest.out' | grep -Eq ' [1-9][0-9]* +1 '"
check "lesson 01 holds learner work: left out of the stub gate, and named" says selftest "01_train_dev_test left out"
check "... so no 'passes against the stub' failures for it" sh -c "! grep -q '01_train_dev_test/learner/.*passes against the stub' '$WORK/selftest.out'"

export CI=true
"$KATA" selftest --skip-coverage --skip-sanitize >"$WORK/selftest_ci.out" 2>&1
check "under CI=true a lesson file that is not the shipped stub fails the record gate" \
  says selftest_ci "differs from its shipped stub"

put "$SRC/solutions/$L1/train_dev_test.cpp" "$WS/solutions/$L2/train_dev_test.cpp"
learner_file "$SRC/lessons/$L1/train_dev_test.cpp"
finish
