#!/bin/sh
# Editors with clangd (VS Code, Vim, Emacs, ...) show no false errors in a lesson file after the first
# ./kata (issue 12, "Editors"). Usage: editor_support.sh REPO_ROOT
# .clangd at the root points clangd at build/dev's compile commands (minus kata's precompiled headers);
# every lesson's stub must come out of `clangd --check` without an error diagnostic.
set -u
ROOT=$(cd "$1" && pwd)
failures=0
if ! command -v clangd >/dev/null 2>&1; then
  echo "FAIL (error): clangd is not installed (./kata setup installs it)"
  exit 1
fi
[ -f "$ROOT/build/dev/compile_commands.json" ] || (cd "$ROOT" && cmake --preset dev >/dev/null)
cd "$ROOT" || exit 1
for f in lessons/*/*.cpp; do
  out=$(clangd --check="$f" 2>&1)
  # A diagnostic is "E[time] [code] Line N: ..."; clangd 14 also counts its own refactoring self-tests
  # ("tweak: ... FAIL") as errors, which say nothing about the file.
  diagnostics=$(printf '%s\n' "$out" | grep -c '^E\[[^]]*\] \[')
  if printf '%s\n' "$out" | grep -q 'All checks completed' && [ "$diagnostics" -eq 0 ]; then
    echo "ok:   clangd --check=$f: no errors"
  else
    echo "FAIL (error): clangd --check=$f:"
    printf '%s\n' "$out" | grep -E '\[[a-z_]+\]|error' | head -10
    failures=$((failures + 1))
  fi
done
echo "$failures failed"
[ "$failures" -eq 0 ]
