# Shared by the CLI's own tests (tests/cli/*.sh). Sourced, not run. Each test works on its own copy of the
# workspace (reused between runs, so only what a test changes is rebuilt) with two lessons:
#   01_train_dev_test  whose learner file the test replaces as it needs
#   02_intact          lesson 01 again, with the reference solution as the learner's file
# and a per-check time limit of 3 s, so a hanging check costs seconds.
#
#   . lib.sh KATA_BINARY REPO_ROOT WORK_DIR
#   make_workspace            # $WS is the copy; $KATA runs the CLI on it (KATA_ROOT=$WS)
#   make_full_workspace       # or: a copy with every core lesson as in the repository (authoring.sh)
#   learner_file FILE         # makes FILE lesson 01's learner code
#   pass "what" / fail "what" # results; finish exits non-zero when anything failed
set -u
KATA=$1
SRC=$(cd "$2" && pwd)
WORK=$(mkdir -p "$3" && cd "$3" && pwd)
WS=$WORK/ws
L1=01_train_dev_test
L2=02_intact
failures=0
# Lesson packs of the developer's shell stay out of the copies (a test that wants one sets it).
unset KATA_LESSON_PACKS
# The tests read the CLI's English output, whatever the developer's locale (korean.sh asks for Korean itself).
export KATA_LANG=en

fail() { printf 'FAIL (error): %s\n' "$*"; failures=$((failures + 1)); }
pass() { printf 'ok:   %s\n' "$*"; }
check() {  # check "what" COMMAND... : pass when the command succeeds
  what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}
finish() {
  echo "$failures failed"
  [ "$failures" -eq 0 ]
  exit $?
}
says() { grep -q -- "$2" "$WORK/$1.out"; }  # says NAME TEXT: $WORK/NAME.out contains TEXT
run() {  # run NAME COMMAND...: output in $WORK/NAME.out (also shown), exit status in $rc
  name=$1
  shift
  "$@" >"$WORK/$name.out" 2>&1
  rc=$?
  sed "s/^/  [$name] /" "$WORK/$name.out"
}

# Copies a file only when its content differs, keeping its time stamp: ninja rebuilds only what changed.
put() {  # put SOURCE DEST
  mkdir -p "$(dirname "$2")"
  cmp -s "$1" "$2" || cp -p "$1" "$2"
}

# Configures the copy's dev build once (checks time out after 3 s there, so tests of hanging code stay
# short) and points kata at it, with no verdicts saved by an earlier run.
configure_copy() {
  if [ ! -f "$WS/build/dev/build.ninja" ] || ! grep -q '^KATA_TEST_TIMEOUT:STRING=3$' "$WS/build/dev/CMakeCache.txt"; then
    (cd "$WS" && cmake --preset dev -DKATA_TEST_TIMEOUT=3 >"$WORK/configure.log" 2>&1) ||
      { cat "$WORK/configure.log"; echo "FAIL: could not configure the copy"; exit 1; }
  fi
  export KATA_ROOT="$WS" CI=true NO_COLOR=1
  rm -rf "$WS/build/dev/kata-state"
}

make_workspace() {
  mkdir -p "$WS"
  for item in CMakeLists.txt CMakePresets.json cmake support tests cli tools datasets bench \
              "lessons/$L1" "solutions/$L1" "tests/$L1"; do
    if [ -d "$SRC/$item" ]; then
      (cd "$SRC" && find "$item" -type f ! -path '*/.backup/*') | while IFS= read -r f; do put "$SRC/$f" "$WS/$f"; done
    elif [ -f "$SRC/$item" ]; then
      put "$SRC/$item" "$WS/$item"
    fi
  done
  [ -f "$SRC/experiments/$L1.cpp" ] && put "$SRC/experiments/$L1.cpp" "$WS/experiments/$L1.cpp"
  # Other lessons may exist in the repo; a copy has exactly two, so its run time does not grow with the course.
  for d in lessons solutions tests; do
    for x in "$WS/$d"/[0-9][0-9]_*; do
      case "$(basename "$x")" in $L1|$L2) ;; *) rm -rf "$x" ;; esac
    done
  done
  rm -rf "$WS/tests/mistakes" "$WS/tests/cli"
  for f in "$SRC/lessons/$L1"/*.hpp; do put "$f" "$WS/lessons/$L2/$(basename "$f")"; done
  for f in "$SRC/solutions/$L1"/*.cpp; do
    put "$f" "$WS/lessons/$L2/$(basename "$f")"
    put "$f" "$WS/solutions/$L2/$(basename "$f")"
  done
  for f in "$SRC/tests/$L1"/*.cpp; do put "$f" "$WS/tests/$L2/$(basename "$f")"; done
  # The shipped stubs of the copy: lesson 01's as in the repo, lesson 02's is the solution itself.
  grep " lessons/$L1/" "$SRC/tests/stubs.sha256" > "$WORK/stubs.new"
  (cd "$WS" && sha256sum lessons/$L2/*.cpp) >> "$WORK/stubs.new"
  put "$WORK/stubs.new" "$WS/tests/stubs.sha256"
  sed -e '/^kata_add_lesson(/d' -e "s/^kata_end_manifest()/kata_add_lesson($L1)\nkata_add_lesson($L2)\nkata_end_manifest()/" \
    -e '/add_subdirectory(tests\/cli)/d' "$SRC/CMakeLists.txt" > "$WORK/CMakeLists.txt.new"
  put "$WORK/CMakeLists.txt.new" "$WS/CMakeLists.txt"
  configure_copy
}

# A copy with every core lesson of the repository, its CMakeLists.txt (without the CLI's own tests) and
# its tests/stubs.sha256; lessons, packs and stub records that earlier runs added to the copy are removed.
make_full_workspace() {
  mkdir -p "$WS"
  for item in CMakePresets.json cmake support tests cli tools datasets bench lessons solutions experiments; do
    if [ -d "$SRC/$item" ]; then
      (cd "$SRC" && find "$item" -type f ! -path '*/.backup/*' ! -path 'tests/cli/*') |
        while IFS= read -r f; do put "$SRC/$f" "$WS/$f"; done
    else
      put "$SRC/$item" "$WS/$item"
    fi
  done
  for d in lessons solutions tests tests/mistakes; do
    for x in "$WS/$d"/[0-9][0-9]_*; do
      [ -e "$x" ] && [ ! -e "$SRC/$d/$(basename "$x")" ] && rm -rf "$x"
    done
  done
  for x in "$WS/experiments"/*.cpp; do
    [ -e "$x" ] && [ ! -e "$SRC/experiments/$(basename "$x")" ] && rm -f "$x"
  done
  rm -rf "$WS/packs" "$WS/tests/cli"
  sed -e '/add_subdirectory(tests\/cli)/d' "$SRC/CMakeLists.txt" > "$WORK/CMakeLists.txt.new"
  put "$WORK/CMakeLists.txt.new" "$WS/CMakeLists.txt"
  configure_copy
}

learner_file() {  # learner_file FILE: lesson 01's learner code
  put "$1" "$WS/lessons/$L1/train_dev_test.cpp"
}

# The reference solution of lesson 01 with a line inserted after the first line containing LINE_PATTERN
# (a function's opening line, say), and optionally HEADER as a new first line: written to stdout.
solution_with() {  # solution_with LINE_PATTERN INSERTED_LINE [HEADER]
  awk -v pat="$1" -v ins="$2" -v hdr="${3:-}" '
    NR == 1 && hdr != "" { print hdr }
    { print }
    !done && index($0, pat) { print ins; done = 1 }' "$SRC/solutions/$L1/train_dev_test.cpp"
}

# How many checks lesson 01 has ($N), and how many of them are distribution_distance's ($D): the tests
# break one function and expect exactly its checks to fail. Call after lesson 01's programs are built.
count_checks() {
  listing=$("$WS/build/dev/test_01_learner" --list_content 2>&1)
  N=$(printf '%s\n' "$listing" | awk '
    { match($0, /^ */); depth[NR] = RLENGTH / 4; line[NR] = $0 }
    END { for (i = 1; i <= NR; i++) if (i == NR || depth[i + 1] <= depth[i]) n++; print n }')
  D=$(printf '%s\n' "$listing" | awk '
    { match($0, /^ */); d = RLENGTH / 4; name[d] = $1; depth[NR] = d; p = ""
      for (k = 0; k <= d; k++) p = p "/" name[k]; path[NR] = p }
    END { for (i = 1; i <= NR; i++) if ((i == NR || depth[i + 1] <= depth[i]) && path[i] ~ /distribution_distance/) n++; print n }')
}

# Whether no process of this copy is still running (the copy's path is in every command line).
no_processes_left() {
  ! ps -eo args | grep -F "$WS/" | grep -v grep >/dev/null
}
