#!/bin/sh
# Cold self-test: clone the committed workspace into a fresh folder and time `./kata selftest` there, as
# CI does (system packages already installed). Usage: bench/selftest_cold.sh [extra selftest flags]
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
DIR=$(mktemp -d /tmp/kata-cold.XXXXXX)
trap 'rm -rf "$DIR"' EXIT
git clone -q "$ROOT" "$DIR/ws"
cd "$DIR/ws"
start=$(date +%s)
CI=true ./kata selftest "$@" | tail -n 15
end=$(date +%s)
echo "cold selftest: $((end - start)) s (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
