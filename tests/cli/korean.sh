#!/bin/sh
# The CLI in Korean (issue 16). Usage:
#   korean.sh KATA_BINARY REPO_ROOT WORK_DIR
# On a copy of the workspace (lib.sh: lesson 01 as shipped, 02_intact holding the reference solution):
#   - under KATA_LANG=ko, `kata list`, `kata check 01` and `kata hint 01` speak Korean (checked on specific
#     words of the catalogue), while the checks' own failure messages stay English;
#   - the list's count column ("3/43") starts at the same display column on every lesson row, with status
#     words of different widths (시작 전 / 완료, then 실패 중 with a task column): a table padded by bytes
#     instead of display width puts it elsewhere on each row (a Hangul syllable is 3 bytes, 2 columns);
#   - `kata hint 01` shows hint 1 of HINTS.ko.md; a lesson without HINTS.ko.md falls back to HINTS.md;
#   - LANG=ko_KR.UTF-8 without KATA_LANG is Korean too; KATA_LANG=en and LANG=C are English;
#   - --help, a usage error and the launcher's own lines are Korean.
. "$(dirname "$0")/lib.sh"
make_workspace
ko() { KATA_LANG=ko "$KATA" "$@"; }

# Display width with wide characters counted as 2: GNU wc -L in a UTF-8 locale.
UTF8=C.UTF-8
[ "$(printf '가나\n' | LC_ALL=$UTF8 wc -L)" = 4 ] ||
  fail "wc -L does not count Hangul as 2 columns in $UTF8 (this test needs GNU coreutils and a UTF-8 locale)"
# The display column where the count "N/M" of each lesson row ends its "N" (the rows are "  NN  topic  status
# task  N/M  [bar]"): one number per row.
count_columns() {
  grep -E '^  [0-9][0-9]  ' "$WORK/$1.out" | sed -E 's|/[0-9]+ +\[.*$||' |
    while IFS= read -r prefix; do printf '%s\n' "$prefix" | LC_ALL=$UTF8 wc -L; done
}
aligned() {  # aligned NAME: every lesson row of NAME.out has its count at the same display column
  cols=$(count_columns "$1" | sort -u)
  [ -n "$cols" ] && [ "$(printf '%s\n' "$cols" | wc -l)" -eq 1 ]
}
byte_lengths_differ() {  # the same rows measured in bytes: not all equal, so the check above can fail
  [ "$(grep -E '^  [0-9][0-9]  ' "$WORK/$1.out" | sed -E 's|/[0-9]+ +\[.*$||' | LC_ALL=C awk '{ print length($0) }' |
       sort -u | wc -l)" -gt 1 ]
}
row_says() { grep -E "^  $2  " "$WORK/$1.out" | grep -q -- "$3"; }  # row_says NAME LESSON TEXT
no_hangul() { ! LC_ALL=C grep -q "$(printf '[\352-\355]')" "$WORK/$1.out"; }  # no Hangul syllable's lead byte

# ---- kata list ---------------------------------------------------------------------------------------
# Lesson 02 is checked first on its own, so the list shows it done (and lesson 01 not started).
"$KATA" check 02 >/dev/null 2>&1
run list ko list
check "kata list exits 0 (got $rc)" test "$rc" -eq 0
check "the title is Korean" says list "딥러닝의 실전"
check "lesson 01's status is 시작 전 (not started)" row_says list 01 "시작 전"
check "lesson 02's status is 완료 (done)" row_says list 02 "완료"
check "the progress line is Korean" says list "진행 .* 레슨 1/2개, 체크"
check "'next' points to the Korean README" says list "다음: lessons/$L1/README.ko.md"
check "the count column starts at one display column on every row ($(count_columns list | tr '\n' ' '))" aligned list
check "... while the rows' byte lengths differ (so the test tells bytes from columns)" byte_lengths_differ list

# ---- kata check ----------------------------------------------------------------------------------------
run check ko check 01
check "kata check 01 on the stub exits 1 (got $rc)" test "$rc" -eq 1
check "its summary is Korean, with the status word" says check "$L1: 체크 0/[0-9]* 통과 — 시작 전"
check "its task lines are Korean" says check "^과제 1/[0-9]*: "
check "it says where to start, with the Korean README" says check "lessons/$L1/README.ko.md 파일부터 읽어 보세요"
check "the checks' own messages stay English" says check "not implemented yet: "

# ---- kata hint -----------------------------------------------------------------------------------------
ko hint 01 --reset >/dev/null 2>&1
run hint ko hint 01
check "kata hint 01 exits 0 (got $rc)" test "$rc" -eq 0
check "its heading is Korean" says hint "^힌트 1/[0-9]* — $L1"
# The first line of HINTS.ko.md's "## Hint 1" section.
first_ko=$(awk '/^## Hint 1$/ { on = 1; next } /^## / { on = 0 } on && NF { print; exit }' "$WS/lessons/$L1/HINTS.ko.md")
check "it shows hint 1 of HINTS.ko.md" grep -qF -- "${first_ko:-(no hint 1 in HINTS.ko.md)}" "$WORK/hint.out"
check "... and says how many are left, in Korean" says hint "(힌트 [0-9]*개 더: ./kata hint 01)"
run hint_again ko hint 01
check "the next kata hint 01 shows hint 2" says hint_again "^힌트 2/"
printf '# Hints\n\n## Hint 1\nAn English hint only.\n' > "$WS/lessons/$L2/HINTS.md"
run hint_fallback ko hint 02 --reset
run hint_fallback ko hint 02
check "a lesson without HINTS.ko.md shows HINTS.md's hint" says hint_fallback "An English hint only."
check "... and says so in Korean" says hint_fallback "HINTS.md의 힌트를 보여 줍니다"
rm -f "$WS/lessons/$L2/HINTS.md"

# ---- a failing lesson: 실패 중 and a task column, still aligned ------------------------------------------
solution_with "double distribution_distance(" "  return -1.0;" > "$WORK/wrong_distance.cpp"
learner_file "$WORK/wrong_distance.cpp"
run list_failing ko list
check "lesson 01 is 실패 중 (failing) on a task, in Korean" row_says list_failing 01 "실패 중 *과제 [0-9]*/[0-9]*"
check "the count column is still at one display column ($(count_columns list_failing | tr '\n' ' '))" aligned list_failing
cp "$SRC/lessons/$L1/train_dev_test.cpp" "$WS/lessons/$L1/train_dev_test.cpp"

# ---- the locale, and English ---------------------------------------------------------------------------
run locale_ko sh -c "unset KATA_LANG LC_ALL LC_MESSAGES; LANG=ko_KR.UTF-8 '$KATA' list"
check "LANG=ko_KR.UTF-8 without KATA_LANG is Korean" says locale_ko "딥러닝의 실전"
run lc_all sh -c "unset KATA_LANG; LC_ALL=ko_KR.UTF-8 LANG=C '$KATA' list"
check "LC_ALL=ko_KR.UTF-8 wins over LANG=C" says lc_all "딥러닝의 실전"
run forced_en sh -c "KATA_LANG=en LANG=ko_KR.UTF-8 '$KATA' list"
check "KATA_LANG=en is English even in a Korean locale" says forced_en "the practical side of deep learning"
check "... with English status words" says forced_en "not started"
run plain_c sh -c "unset KATA_LANG LC_ALL LC_MESSAGES; LANG=C '$KATA' list"
check "LANG=C is English" says plain_c "the practical side of deep learning"
check "... and nothing in it is Korean" no_hangul plain_c

# ---- --help, usage errors, the launcher ----------------------------------------------------------------
run help ko check --help
check "kata check --help is Korean: its labels" says help "^사용법: ./kata check \[옵션\]"
check "... and its descriptions" says help "레슨 하나의 체크를 빌드하고 실행합니다"
run usage ko no-such-command
check "a usage error exits non-zero (got $rc)" test "$rc" -ne 0
check "... and says so in Korean" says usage "예상하지 못한 인자입니다: no-such-command"
run launcher env KATA_LANG=ko sh "$SRC/kata" setup --bogus
check "the launcher rejects the argument (exit 2, got $rc)" test "$rc" -eq 2
check "... in Korean" says launcher "setup은 --yes 말고는 인자를 받지 않습니다"
run launcher_en env KATA_LANG=en sh "$SRC/kata" setup --bogus
check "... and English under KATA_LANG=en" says launcher_en "setup takes no arguments but --yes"

finish
