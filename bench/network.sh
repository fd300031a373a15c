#!/bin/sh
# Builds and runs the support network benchmark: one epoch of [64, 64, 10] on digits, batches of 64.
# Usage: bench/network.sh [build-dir]   (default build/dev; configured with the dev preset if missing)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build/dev}
[ -f "$build/CMakeCache.txt" ] || cmake --preset dev -B "$build"
cmake --build "$build" -j2 --target kata_bench_network
"$build/tests/support/kata_bench_network"
