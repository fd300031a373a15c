#!/bin/sh
# Side by side: one epoch of the support network [64, 64, 10] on digits (batches of 64) in C++
# (bench/network_epoch.cpp) and in numpy (bench/network_vs_numpy.py): the same data, initial weights and
# batches (both draw them from the seed-1 stream of numpy's legacy generator, which kata::Rng reproduces).
# The two programs run alternately, ROUNDS times each in one run, so both see the same load; each run
# times EPOCHS epochs and reports their median wall and CPU time. Prints the median of each side's run
# medians and the ratio numpy / C++ (target >= 3 on 2 cores with an optimized BLAS), for the wall clock and
# for the CPU time (which other programs on a busy machine do not inflate), and fails unless both reach the
# same training cost to 1e-9 (the same computation, up to rounding; otherwise the comparison is not honest).
# numpy comes from the distribution (python3-numpy; installed here if missing) and uses the same BLAS.
# Usage: bench/network_vs_numpy.sh [ROUNDS] [EPOCHS]   (default 5 rounds of 20 epochs; build dir build/dev)
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
ROUNDS=${1:-5}
EPOCHS=${2:-20}
BUILD="$ROOT/build/dev"
PY=/usr/bin/python3
if ! "$PY" -c 'import numpy' 2>/dev/null; then
  echo "installing the distribution's numpy (python3-numpy) for the comparison"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO=sudo; fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-numpy >/dev/null
fi
[ -f "$BUILD/CMakeCache.txt" ] || (cd "$ROOT" && cmake --preset dev >/dev/null)
cmake --build "$BUILD" -j2 --target kata_bench_network >/dev/null
CXX_BENCH="$BUILD/tests/support/kata_bench_network"
TMP=$(mktemp -d /tmp/kata-bench.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

echo "BLAS: $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || echo unknown); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
i=0
while [ "$i" -lt "$ROUNDS" ]; do
  "$CXX_BENCH" "$EPOCHS" | tee -a "$TMP/cxx"
  "$PY" "$ROOT/bench/network_vs_numpy.py" "$EPOCHS" | tee -a "$TMP/numpy"
  i=$((i + 1))
done
# Each line: "... one epoch median <ms> ms ... cpu <ms> ms; train cost of epoch <n> <cost>"
col() { awk -v key="$1" '{ for (i = 1; i <= NF; ++i) if ($i == key) print $(i + 1) }' "$2"; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
cxx=$(col median "$TMP/cxx" | median)
np=$(col median "$TMP/numpy" | median)
cxx_cpu=$(col cpu "$TMP/cxx" | median)
np_cpu=$(col cpu "$TMP/numpy" | median)
worst=$(awk '{ print $NF }' "$TMP/cxx" >"$TMP/cxx.cost"; awk '{ print $NF }' "$TMP/numpy" >"$TMP/numpy.cost"
  paste "$TMP/cxx.cost" "$TMP/numpy.cost" | awk '{ d = $1 - $2; if (d < 0) d = -d; if (d > w) w = d } END { printf "%.3g", w }')
echo "C++ one epoch: median $cxx ms; numpy: median $np ms; numpy / C++ = $(awk -v a="$np" -v b="$cxx" 'BEGIN { printf "%.2f", a / b }') (target >= 3)"
echo "CPU time of one epoch: C++ median $cxx_cpu ms; numpy median $np_cpu ms; numpy / C++ = $(awk -v a="$np_cpu" -v b="$cxx_cpu" 'BEGIN { printf "%.2f", a / b }')"
echo "largest |cost(C++) - cost(numpy)| over the rounds: $worst (must be <= 1e-9); load average after: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
awk -v w="$worst" 'BEGIN { exit !(w <= 1e-9) }' || { echo "the two sides do not compute the same thing: not a fair comparison"; exit 1; }
