#!/bin/sh
# Save-to-verdict for one lesson (target: <= 1 s median on a 2-core machine).
#   1. `kata watch`: the time from saving the learner's file (touch) to the new verdict in watch's output;
#      includes watch's polling delay (100 ms period, so ~50 ms on average).
#   2. `kata check LESSON` right after a save: build + run the checks, without the polling delay.
# Usage: bench/check_speed.sh [LESSON] [RUNS]   (default 01, 7 runs). Needs a built tree (./kata once).
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
LESSON=${1:-01}
RUNS=${2:-7}
KATA="$ROOT/build/dev/cli/kata"
[ -x "$KATA" ] || { echo "build the workspace first: ./kata"; exit 1; }
FILE=$(ls "$ROOT"/lessons/"$LESSON"_*/*.cpp | head -n 1)
TMP=$(mktemp -d /tmp/kata-bench.XXXXXX)
WATCH_PID=""
cleanup() { [ -n "$WATCH_PID" ] && kill "$WATCH_PID" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT INT TERM

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "lesson file: ${FILE#$ROOT/}; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
CI=true NO_COLOR=1 "$KATA" check "$LESSON" >/dev/null 2>&1 || true   # warm: built, caches hot

# 1. kata watch. Its output goes through a pipe to a reader that stamps each verdict line the moment it
# arrives (a blocking read: nothing polls, so the measurement does not steal CPU from the build).
mkfifo "$TMP/watch.pipe"
CI=true NO_COLOR=1 "$KATA" watch "$LESSON" >"$TMP/watch.pipe" 2>&1 </dev/null &
WATCH_PID=$!
while IFS= read -r line; do
  case "$line" in *"checks pass"*) now_ms >>"$TMP/verdicts" ;; esac
done <"$TMP/watch.pipe" &
sleep 3   # the first verdict (watch checks once at start)
: >"$TMP/watch.times"
i=0
while [ $i -lt "$RUNS" ]; do
  before=$(wc -l <"$TMP/verdicts")
  t0=$(now_ms)
  touch "$FILE"
  sleep 2.5   # longer than any verdict takes; no polling meanwhile
  [ "$(wc -l <"$TMP/verdicts")" -gt "$before" ] || { echo "watch gave no verdict within 2.5 s"; exit 1; }
  t1=$(sed -n "$((before + 1))p" "$TMP/verdicts")
  echo $((t1 - t0)) >>"$TMP/watch.times"
  i=$((i + 1))
done
kill "$WATCH_PID" 2>/dev/null || true
wait "$WATCH_PID" 2>/dev/null || true
WATCH_PID=""

# 2. kata check after a save
: >"$TMP/check.times"
i=0
while [ $i -lt "$RUNS" ]; do
  touch "$FILE"
  t0=$(now_ms)
  CI=true NO_COLOR=1 "$KATA" check "$LESSON" >/dev/null 2>&1 || true
  t1=$(now_ms)
  echo $((t1 - t0)) >>"$TMP/check.times"
  i=$((i + 1))
done

echo "kata watch, save to verdict (ms): $(tr '\n' ' ' <"$TMP/watch.times")-> median $(median <"$TMP/watch.times") ms"
echo "kata check after a save   (ms): $(tr '\n' ' ' <"$TMP/check.times")-> median $(median <"$TMP/check.times") ms"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
