#!/bin/sh
# The steps of grading a learner's fork in CI. GitHub Actions (.github/workflows/kata.yml) and GitLab CI
# (ci-templates/gitlab-ci.yml) both run this script, and `kata selftest` runs it too
# (tests/cli/grading.sh), so the templates cannot rot.
#
#   ci-templates/grade.sh [OUT_DIR]     results in OUT_DIR (default build/grade-results):
#                                       results.json (Exercism's test-runner format), junit.xml
# Environment: KATA_LEARNER (who is graded), KATA_EXTRA_TESTS (a folder of held-out checks, optional),
# KATA_MANIFEST (the protected files' hashes, from outside the learner's repository; optional).
# It exits 0 when grading ran, whatever the score: the score is in the results.
set -eu
cd "$(dirname "$0")/.."
OUT=${1:-build/grade-results}
mkdir -p "$OUT"
./kata setup --yes
set -- --json "$OUT/results.json" --junit "$OUT/junit.xml"
if [ -n "${KATA_EXTRA_TESTS:-}" ]; then set -- "$@" --extra-tests "$KATA_EXTRA_TESTS"; fi
if [ -n "${KATA_MANIFEST:-}" ]; then set -- "$@" --manifest "$KATA_MANIFEST"; fi
if [ "${GITHUB_ACTIONS:-}" = "true" ]; then set -- "$@" --github-annotations; fi
./kata grade --yes "$@"
