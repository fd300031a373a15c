#!/bin/sh
# kata grade and its formats (issue 15). Usage: grading.sh KATA_BINARY REPO_ROOT WORK_DIR VALIDATOR
# In a copy of the workspace (lesson 01 with the reference as the learner's code, lesson 02 as shipped):
#   - results.json has the shape of Exercism's test-runner interface v3, junit.xml parses (VALIDATOR);
#   - the instructor's extra checks (tests/extra-example) count in the score;
#   - an edited check, an edited solution and an edited dataset are each flagged, and the lessons they
#     affect score 0; an edited lesson file never is;
#   - the CI templates' script (ci-templates/grade.sh) runs and writes both files;
#   - kata grade --class rolls a folder of results up into a CSV and per-check pass rates.
VALIDATE=$4
. "$(dirname "$0")/lib.sh"
make_workspace
for item in kata ci-templates "tests/extra-example"; do
  if [ -d "$SRC/$item" ]; then
    (cd "$SRC" && find "$item" -type f) | while IFS= read -r f; do put "$SRC/$f" "$WS/$f"; done
  else
    put "$SRC/$item" "$WS/$item"
  fi
done
chmod +x "$WS/kata" "$WS/ci-templates/grade.sh"
learner_file "$SRC/solutions/$L1/train_dev_test.cpp"
"$KATA" grade --record-manifest >/dev/null || fail "could not record the copy's manifest"

# A: a full grade with the instructor's extra checks.
"$KATA" grade --extra-tests "$WS/tests/extra-example" --learner alice --json "$WORK/alice.json" \
  --junit "$WORK/alice.xml" >"$WORK/grade.out" 2>&1
rc=$?
cat "$WORK/grade.out"
check "kata grade exits 0 (got $rc)" test "$rc" -eq 0
"$VALIDATE" "$WORK/alice.json" "$WORK/alice.xml" >"$WORK/validate.out" 2>&1
check "results.json has the v3 shape and junit.xml parses" says validate "^0 problem(s)"
check "lesson 01 scores 100% with the extra checks (2 of 2)" \
  sh -c "grep -E '^01_train_dev_test +done +[0-9]+/[0-9]+ +2/2 +100.0%' '$WORK/grade.out'"
check "the JSON counts the extra checks" grep -q '"extra_tests"' "$WORK/alice.json"
check "the JUnit report names the extra checks" grep -q 'classname="01_train_dev_test.extra"' "$WORK/alice.xml"

# B: a check edited, a solution edited, a lesson file edited: the first two are flagged, the third never.
printf '\n// tampered\n' >> "$WS/tests/$L1/train_dev_test_test.cpp"
printf '\n// tampered\n' >> "$WS/solutions/$L2/train_dev_test.cpp"
printf '\n// my own notes\n' >> "$WS/lessons/$L1/train_dev_test.cpp"
"$KATA" grade --json "$WORK/tampered.json" >"$WORK/tampered.out" 2>&1
rc=$?
check "a tampered workspace is graded, exit 0 (got $rc)" test "$rc" -eq 0
check "an edited check is flagged by file" says tampered "tests/$L1/train_dev_test_test.cpp: was changed"
check "an edited solution is flagged by file" says tampered "solutions/$L2/train_dev_test.cpp: was changed"
check "... and both lessons score 0 with the reason" \
  sh -c "grep -c 'score 0: ' '$WORK/tampered.out' | grep -qx 2"
check "an edited lesson file is never flagged" sh -c "! grep -q 'lessons/' '$WORK/tampered.out'"
put "$SRC/tests/$L1/train_dev_test_test.cpp" "$WS/tests/$L1/train_dev_test_test.cpp"
put "$SRC/solutions/$L1/train_dev_test.cpp" "$WS/solutions/$L2/train_dev_test.cpp"

# C: a dataset edited: every lesson depends on datasets/, so every lesson scores 0.
cp "$WS/datasets/iris.csv" "$WORK/iris.csv"
printf '5.0,3.0,1.0,0.2,0\n' >> "$WS/datasets/iris.csv"
"$KATA" grade >"$WORK/dataset.out" 2>&1
check "an edited dataset is flagged" says dataset "datasets/iris.csv: was changed"
check "... and every lesson scores 0" sh -c "grep -c 'score 0: datasets/iris.csv' '$WORK/dataset.out' | grep -qx 2"
cp "$WORK/iris.csv" "$WS/datasets/iris.csv"

# D: the CI templates' script, as GitHub Actions and GitLab CI run it.
KATA_LEARNER=bob sh "$WS/ci-templates/grade.sh" "$WORK/ci-out" >"$WORK/ci.out" 2>&1
rc=$?
check "ci-templates/grade.sh runs (exit $rc)" test "$rc" -eq 0
"$VALIDATE" "$WORK/ci-out/results.json" "$WORK/ci-out/junit.xml" >"$WORK/validate_ci.out" 2>&1
check "... and writes valid results.json and junit.xml" says validate_ci "^0 problem(s)"

# E: the class roll-up.
mkdir -p "$WORK/class"
cp "$WORK/alice.json" "$WORK/class/alice.json"
cp "$WORK/ci-out/results.json" "$WORK/class/bob.json"
"$KATA" grade --class "$WORK/class" --csv "$WORK/class.csv" >"$WORK/class.out" 2>&1
check "the class CSV has a row per learner and lesson (4)" sh -c "[ \$(grep -c ',' '$WORK/class.csv') -eq 5 ]"
check "... and the checks the class passes least are listed" says class "the checks the class passes least"

learner_file "$SRC/lessons/$L1/train_dev_test.cpp"
finish
