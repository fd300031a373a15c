#!/bin/sh
# Builds and runs the support network benchmark: one epoch of [64, 64, 10] on digits, batches of 64.
# Usage: bench/network.sh [build-dir [EPOCHS]]   (default build/dev, configured with the dev preset if
# missing; 20 epochs)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build/dev}
[ $# -gt 0 ] && shift
[ -f "$build/CMakeCache.txt" ] || cmake --preset dev -B "$build"
cmake --build "$build" -j2 --target kata_bench_network
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$build/tests/support/kata_bench_network" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
