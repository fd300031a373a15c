#!/bin/sh
# What the memory check adds to a green lesson: `kata check LESSON` with the lesson's reference solution as
# the learner's file, after a save (the learner's file touched, so both builds redo their part), RUNS
# times; the phases come from KATA_TIMINGS=1 (build, checks, memory check). The learner's file is put back
# afterwards. Usage: bench/memcheck_speed.sh [LESSON] [RUNS]   (default 04, 7 runs).
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
LESSON=${1:-04}
RUNS=${2:-7}
KATA="$ROOT/build/dev/cli/kata"
[ -x "$KATA" ] || { echo "build the workspace first: ./kata"; exit 1; }
FILE=$(ls "$ROOT"/lessons/"$LESSON"_*/*.cpp | head -n 1)
SOLUTION=$(ls "$ROOT"/solutions/"$LESSON"_*/*.cpp | head -n 1)
KEEP=$(mktemp /tmp/kata-bench-learner.XXXXXX)
cp -p "$FILE" "$KEEP"
trap 'cp -p "$KEEP" "$FILE"; rm -f "$KEEP"' EXIT INT TERM
cp "$SOLUTION" "$FILE"
echo "lesson file: ${FILE#$ROOT/} (the reference solution); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
CI=true NO_COLOR=1 "$KATA" check "$LESSON" >/dev/null 2>&1 || true   # warm: both builds made once
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
: > /tmp/kata-bench-timings
i=0
while [ $i -lt "$RUNS" ]; do
  touch "$FILE"
  KATA_TIMINGS=1 CI=true NO_COLOR=1 "$KATA" check "$LESSON" 2>&1 >/dev/null | grep '^timings:' >> /tmp/kata-bench-timings
  i=$((i + 1))
done
for phase in build checks "memory check"; do
  printf '%-13s median %s s\n' "$phase" "$(sed -n "s/.*$phase \([0-9.]*\) s.*/\1/p" /tmp/kata-bench-timings | median)"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
