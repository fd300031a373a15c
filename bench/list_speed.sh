#!/bin/sh
# `kata list` on an already built tree whose lessons have all been checked (target: <= 0.3 s median).
# Times the CLI itself and the ./kata launcher (which first makes sure the CLI is up to date).
# Usage: bench/list_speed.sh [RUNS]   (default 9)
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
RUNS=${1:-9}
KATA="$ROOT/build/dev/cli/kata"
[ -x "$KATA" ] || { echo "build the workspace first: ./kata"; exit 1; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
CI=true "$KATA" list >/dev/null   # every lesson checked once, so the results are saved
for what in cli launcher; do
  times=""
  i=0
  while [ $i -lt "$RUNS" ]; do
    t0=$(now_ms)
    if [ $what = cli ]; then CI=true "$KATA" list >/dev/null; else CI=true "$ROOT/kata" list >/dev/null; fi
    t1=$(now_ms)
    times="$times $((t1 - t0))"
    i=$((i + 1))
  done
  printf 'kata list (%s) ms:%s -> median %s ms\n' "$what" "$times" "$(echo "$times" | tr ' ' '\n' | grep . | median)"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
