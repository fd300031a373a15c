#!/bin/sh
# Wall time of `kata run NN --reference` for every lesson with an experiment, as a learner waits for it:
# the experiment itself plus kata's part (build check, figures through gnuplot). Targets on a 2-core
# machine: every lesson <= 2 s, all together <= 12 s. Next to it the CPU time (user + sys of kata and
# everything it ran): on a machine other programs share, the wall clock also counts their turns.
# The experiments are built first, so no row pays for compiling. Output goes to /dev/null and kata sees
# no terminal (no ASCII plots, no progress bar); with TTY=1 every run is on a pseudo-terminal (script(1))
# instead, which adds the ASCII plots a learner sees.
# Usage: bench/experiments.sh [RUNS]   (default 3; each row shows every run and their median)
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
RUNS=${1:-3}
BUILD="$ROOT/build/dev"
KATA="$BUILD/cli/kata"
[ -x "$KATA" ] || { echo "build the workspace first: ./kata"; exit 1; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
load() { cut -d' ' -f1 /proc/loadavg; }
# CPU seconds (user + sys) of the finished children of this shell so far: `times >"$CPU_FILE"` in this
# shell (a $(...) subshell would report its own children), then children_cpu_read.
CPU_FILE=$(mktemp /tmp/kata-bench-cpu.XXXXXX)
trap 'rm -f "$CPU_FILE"' EXIT
children_cpu_read() {
  awk 'NR == 2 { n = 0; for (i = 1; i <= 2; ++i) { split($i, p, "m"); n += p[1] * 60 + p[2] } print n }' "$CPU_FILE"
}

# Lessons with an experiment, from the manifest CMake writes (column 2: the folder name; column 5: has an experiment).
LESSONS=$(awk -F'\t' '$5 == 1 { print $2 }' "$BUILD/kata_manifest.tsv")
targets=""
for name in $LESSONS; do targets="$targets experiment_${name%%_*}_solution"; done
cmake --build "$BUILD" -j2 --target $targets >/dev/null

run_once() {
  if [ "${TTY:-0}" = 1 ]; then
    script -qec "CI= NO_COLOR=1 '$KATA' run $1 --reference" /dev/null >/dev/null 2>&1 </dev/null
  else
    CI=true NO_COLOR=1 "$KATA" run "$1" --reference >/dev/null 2>&1 </dev/null
  fi
}

echo "kata run NN --reference, wall seconds ($RUNS runs each; cpu = median user + sys seconds of kata and its"
echo "children; load average = 1-minute value before the row)"
printf '  %-27s %6s  %-24s %6s  %s\n' lesson median runs cpu load
total=0
total_cpu=0
over=""
for name in $LESSONS; do
  n=${name%%_*}
  l=$(load)
  times=""
  cpus=""
  i=0
  while [ "$i" -lt "$RUNS" ]; do
    times >"$CPU_FILE"
    c0=$(children_cpu_read)
    t0=$(now_ms)
    run_once "$n" || { echo "kata run $n --reference failed"; exit 1; }
    t1=$(now_ms)
    times >"$CPU_FILE"
    c1=$(children_cpu_read)
    times="$times $((t1 - t0))"
    cpus="$cpus $(awk -v a="$c0" -v b="$c1" 'BEGIN { print b - a }')"
    i=$((i + 1))
  done
  med=$(echo "$times" | tr ' ' '\n' | grep . | median)
  med_cpu=$(echo "$cpus" | tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  total=$(awk -v a="$total" -v b="$med" 'BEGIN { print a + b }')
  total_cpu=$(awk -v a="$total_cpu" -v b="$med_cpu" 'BEGIN { print a + b }')
  [ "$(awk -v m="$med" 'BEGIN { print (m > 2000) }')" = 1 ] && over="$over $n"
  printf '  %-27s %6.2f  %-24s %6.2f  %s\n' "$name" "$(awk -v m="$med" 'BEGIN { print m / 1000 }')" \
    "$(echo "$times" | awk '{ for (i = 1; i <= NF; ++i) printf "%.2f ", $i / 1000 }')" "$med_cpu" "$l"
done
printf '  %-27s %6.2f  %-24s %6.2f  (target <= 12 s wall)\n' "all, sum of medians" \
  "$(awk -v t="$total" 'BEGIN { print t / 1000 }')" "" "$total_cpu"
echo "over 2 s:${over:- none}; load average after: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
