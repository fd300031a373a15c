#!/bin/sh
# For authors (issue 17): kata new, kata selftest --lesson, lesson packs. Usage:
#   authoring.sh KATA_BINARY REPO_ROOT WORK_DIR
# In a copy of the workspace with every core lesson:
#   A. kata new scaffolds a lesson (13_scaffolded) that builds, is listed, whose stub fails and solution
#      skeleton passes, and on which `kata selftest --lesson` runs every gate and fails only the one that is
#      the author's job (>= 4 mistakes); kata new validates names, refuses a taken number and never
#      overwrites; --pack writes into a pack with its own stubs record;
#   B. the example pack (tests/example-pack, KATA_LESSON_PACKS) is listed after the core lessons, checked,
#      reset from the pack's own git history, run, and passes every gate of `kata selftest --lesson 21`;
#   C. packs that are broken — a lesson that does not compile, a lesson without its solutions/ and tests/
#      folders, a lesson whose number is taken — leave the eleven core lessons working: configure, list and
#      check still run, each broken lesson is one entry with its reason.
. "$(dirname "$0")/lib.sh"
make_full_workspace

# ---- A. kata new -------------------------------------------------------------------------------------
export KATA_LESSON_PACKS=  # set and empty: no packs, whatever an earlier run left in the copy's build folder
NEW=13_scaffolded
run new "$KATA" new $NEW "A scaffolded lesson"
check "kata new exits 0 (got $rc)" test "$rc" -eq 0
for f in lessons/$NEW/README.md lessons/$NEW/HINTS.md lessons/$NEW/scaffolded.hpp lessons/$NEW/scaffolded.cpp \
         solutions/$NEW/scaffolded.cpp tests/$NEW/scaffolded_test.cpp tests/mistakes/$NEW/README.md \
         experiments/$NEW.cpp; do
  check "kata new wrote $f" test -s "$WS/$f"
done
check "no placeholder is left in the lesson" sh -c "! grep -rEq '\\{\\{(NN|NAME|TOPIC|TITLE)\\}\\}' '$WS/lessons/$NEW' '$WS/solutions/$NEW' '$WS/tests/$NEW' '$WS/experiments/$NEW.cpp'"
check "the title is in the README" grep -q '^# Lesson 13 — A scaffolded lesson$' "$WS/lessons/$NEW/README.md"
check "the stub is recorded in tests/stubs.sha256" grep -q "  lessons/$NEW/scaffolded.cpp\$" "$WS/tests/stubs.sha256"
check "... with its hash" sh -c "cd '$WS' && grep ' lessons/$NEW/' tests/stubs.sha256 | sha256sum -c --quiet"
# In course order: right after the last core lesson (the capstone, 12), before the manifest's end.
check "kata_add_lesson($NEW) follows 12_ml_recipe in CMakeLists.txt" \
  sh -c "grep '^kata_add_lesson(\|^kata_end_manifest()' '$WS/CMakeLists.txt' | tail -n 3 | tr '\n' ' ' | grep -q 'kata_add_lesson(12_ml_recipe) kata_add_lesson($NEW) kata_end_manifest()'"
check "kata new says what is left to the author, the mistakes among it" says new "at least 4 classic mistakes"

cp "$WS/CMakeLists.txt" "$WORK/CMakeLists.before"
run again "$KATA" new $NEW "Again"
check "kata new refuses to overwrite (exit 2, got $rc)" test "$rc" -eq 2
check "... and says so" says again "would overwrite"
run taken "$KATA" new 04_again "Again"
check "kata new refuses a number that is taken (exit 2, got $rc)" test "$rc" -eq 2
check "... naming the lesson that has it" says taken "taken by 04_dropout"
for bad in 4_x 04_Dropout 04-dropout 14_class 14_9lives "14_"; do
  run bad "$KATA" new "$bad" "Title"
  check "kata new rejects the name '$bad' (exit 2, got $rc)" test "$rc" -eq 2
done
run badtitle "$KATA" new 14_quoted 'A "quoted" title'
check "kata new rejects a title that would break a C++ string (exit 2, got $rc)" test "$rc" -eq 2
check "nothing was written by the refused calls" sh -c "cmp -s '$WORK/CMakeLists.before' '$WS/CMakeLists.txt' && [ ! -e '$WS/lessons/04_again' ] && [ ! -e '$WS/lessons/14_quoted' ]"

rm -rf "$WORK/extra-pack"
run packnew "$KATA" new 14_packed "Packed" --pack "$WORK/extra-pack"
check "kata new --pack exits 0 (got $rc)" test "$rc" -eq 0
check "... writes the lesson into the pack" test -s "$WORK/extra-pack/tests/14_packed/packed_test.cpp"
check "... records its stub in the pack's own tests/stubs.sha256" \
  sh -c "cd '$WORK/extra-pack' && sha256sum -c --quiet tests/stubs.sha256"
check "... leaves the workspace's CMakeLists.txt alone" cmp -s "$WORK/CMakeLists.before" "$WS/CMakeLists.txt"
check "... and says the pack is not loaded yet" says packnew "is not loaded yet"

run list_new "$KATA" list
check "kata list exits 0 after kata new (got $rc)" test "$rc" -eq 0
check "kata list shows the new lesson, its stub failing its 2 checks" \
  sh -c "grep -Eq '^  13  scaffolded +not started +0/2 ' '$WORK/list_new.out'"
run check_new "$KATA" check 13
check "its stub fails every check (exit 1, got $rc)" test "$rc" -eq 1
check "... 0 of 2 checks pass" says check_new "13_scaffolded: 0 of 2 checks pass"
check "... with the stub's message" says check_new "not implemented yet: example_scale()"
ninja -C "$WS/build/dev" test_13_solution >/dev/null 2>&1 || fail "test_13_solution does not build"
"$WS/build/dev/test_13_solution" --log_level=nothing --report_level=no
check "its solution skeleton passes every check" test $? -eq 0

"$KATA" grade --record-manifest >/dev/null 2>&1 || fail "could not record the copy's manifest"
run selftest_new "$KATA" selftest --lesson 13
check "selftest --lesson 13 exits 1 (the mistakes are the author's job; got $rc)" test "$rc" -eq 1
for gate in "the lesson builds" "solutions pass every check" "stubs fail every check" "shipped stubs recorded" \
            "its protected files recorded" "mistakes catalog: each entry caught" \
            "mistakes catalog: >= 4 entries per lesson" "lessons are numbered tasks" \
            "one-process runs agree" "coverage of the lesson's solution" "solutions clean under ASan" \
            "mutants killed"; do
  check "selftest --lesson ran the gate '$gate'" grep -q -- "^$gate" "$WORK/selftest_new.out"
done
check "... and the one failure is the mistakes catalogue, pointing at docs/authoring.md" \
  sh -c "[ \$(grep -c '^  ✗ ' '$WORK/selftest_new.out') -eq 1 ] && grep -q '^  ✗ 13_scaffolded: 0 entries in tests/mistakes/13_scaffolded .*docs/authoring.md' '$WORK/selftest_new.out'"
check "... it ends with '<N> passed, 1 failed'" sh -c "tail -n 1 '$WORK/selftest_new.out' | grep -Eq '^[0-9]+ passed, 1 failed$'"

# ---- B. the example pack -----------------------------------------------------------------------------
export KATA_LESSON_PACKS=tests/example-pack
PACK=$WS/tests/example-pack
# kata reset finds a pack's shipped stubs in the pack's own git history.
if [ ! -d "$PACK/.git" ]; then git -C "$PACK" init -q; fi
git -C "$PACK" add -A && git -C "$PACK" -c user.name=kata -c user.email=kata@example.invalid commit -q -m "the pack" >/dev/null 2>&1
run list_pack "$KATA" list
check "kata list with the example pack exits 0 (got $rc)" test "$rc" -eq 0
check "the pack's lesson is listed after the core lessons, marked as from the pack" \
  sh -c "grep -E '^  [0-9]{2}  ' '$WORK/list_pack.out' | tail -n 1 | grep -Eq '^  21  momentum +not started +0/14 .*pack example-pack'"
run check_pack "$KATA" check momentum
check "kata check momentum runs the pack's checks against its stub (exit 1, got $rc)" test "$rc" -eq 1
check "... 0 of 14 pass" says check_pack "21_momentum: 0 of 14 checks pass"
printf '\n// my work\n' >> "$PACK/lessons/21_momentum/momentum.cpp"
run reset_pack "$KATA" reset 21 --yes
check "kata reset restores the pack's stub from the pack's history (exit 0, got $rc)" test "$rc" -eq 0
check "... so the file is the recorded stub again" sh -c "cd '$PACK' && sha256sum -c --quiet tests/stubs.sha256"
check "... and the learner's version is kept in the pack's lesson folder" \
  sh -c "ls '$PACK/lessons/21_momentum/.backup/' | grep -q '^momentum.cpp\.'"
run run_pack "$KATA" run 21 --reference
check "kata run 21 --reference runs the pack's experiment (exit 0, got $rc)" test "$rc" -eq 0
check "... and prints its table" says run_pack "momentum 0.9, 20 alpha"
"$KATA" grade --record-manifest >/dev/null 2>&1 || fail "could not record the copy's manifest"
run selftest_pack "$KATA" selftest --lesson 21
check "the example pack passes every gate of selftest --lesson 21 (exit 0, got $rc)" test "$rc" -eq 0
check "... with the mutation gate among them" sh -c "grep -Eq '^mutants killed .* [1-9][0-9]* +0$' '$WORK/selftest_pack.out'"
check "... and its 9 catalogued mistakes caught" sh -c "grep -Eq '^mistakes catalog: each entry caught +9 +0$' '$WORK/selftest_pack.out'"

# ---- C. broken packs leave the core lessons working --------------------------------------------------
mkdir -p "$WS/packs"
"$KATA" new 15_broken "Broken" --pack "$WS/packs/broken-compile" >/dev/null 2>&1 || fail "could not scaffold 15_broken"
printf 'this is not C++;\n' >> "$WS/packs/broken-compile/tests/15_broken/broken_test.cpp"
mkdir -p "$WS/packs/broken-layout/lessons/16_nolayout"
printf '// a lesson without solutions/ and tests/\n' > "$WS/packs/broken-layout/lessons/16_nolayout/nolayout.cpp"
for d in lessons solutions tests; do
  mkdir -p "$WS/packs/taken/$d/04_again"
  printf '// a lesson whose number is taken\n' > "$WS/packs/taken/$d/04_again/again.cpp"
done
run list_broken "$KATA" list
check "kata list with broken packs exits 0 (got $rc): configure did not fail" test "$rc" -eq 0
for lesson in 01_train_dev_test 02_bias_variance 03_l2_regularization 04_dropout 05_data_augmentation \
              06_early_stopping 07_input_normalization 08_vanishing_exploding 09_weight_initialization \
              10_gradient_approximation 11_gradient_checking; do
  topic=${lesson#??_}
  check "core lesson $lesson is listed and compiles" \
    sh -c "grep -E '^  ${lesson%%_*}  $topic ' '$WORK/list_broken.out' | grep -vq 'does not compile\|build failed'"
done
check "the pack lesson that does not compile is one failing entry" \
  sh -c "grep -Eq '^  15  broken +does not compile .*pack broken-compile' '$WORK/list_broken.out'"
check "the pack lesson without solutions/ and tests/ is one entry with the reason" \
  says list_broken "✗ pack broken-layout: 16_nolayout: missing folder solutions/16_nolayout"
check "the pack lesson whose number is taken is one entry with the reason" \
  says list_broken "✗ pack taken: 04_again: the number 04 is taken by 04_dropout"
check "the good pack is still there" sh -c "grep -Eq '^  21  momentum .*pack example-pack' '$WORK/list_broken.out'"
run check_core "$KATA" check 04
check "kata check 04 runs lesson 04's checks beside the broken packs (exit 0 or 1, got $rc)" test "$rc" -le 1
check "... and reports them" sh -c "grep -Eq '^04_dropout: [0-9]+ of [0-9]+ checks pass' '$WORK/check_core.out'"
run check_left_out "$KATA" check 16
check "kata check 16 says why the lesson was left out (exit 1, got $rc)" test "$rc" -eq 1
check "... naming the pack and the reason" says check_left_out "pack broken-layout: 16_nolayout: missing folder"
run check_all "$KATA" check --all
check "kata check --all lists each broken pack lesson and exits 1 (got $rc)" test "$rc" -eq 1
check "... with its reason" says check_all "pack taken: 04_again: the number 04 is taken"
check "... and still checks the core lessons" sh -c "grep -Eq '^11_gradient_checking: [0-9]+ of [0-9]+ checks pass' '$WORK/check_all.out'"

# The copy's packs go away again (the next run starts from the repository's state).
rm -rf "$WS/packs"
unset KATA_LESSON_PACKS
finish
