#!/bin/sh
# kata run's gallery page (issue 12): `kata run 01 --reference` renders lesson 01's figure and writes
# build/dev/out/index.html with the PNG's relative link and its caption, HTML-escaped, and prints the
# page's path after the figures; on the stub, the stop line names lesson 01's commands. Usage: gallery.sh KATA_BINARY REPO_ROOT WORK_DIR
. "$(dirname "$0")/lib.sh"
make_workspace

OUT=$WS/build/dev/out
PAGE=$OUT/index.html
# A figure of another lesson, run earlier, whose caption needs escaping: the page lists every lesson run.
mkdir -p "$OUT/99_fake/solution"
printf '# Written by an experiment\n# caption: a <b>bold</b> & "quoted" claim\nplot x\n' > "$OUT/99_fake/solution/odd.gp"
printf 'not really a png' > "$OUT/99_fake/solution/odd.png"

"$KATA" run 01 --reference >"$WORK/run.out" 2>&1
rc=$?
check "kata run 01 --reference succeeds" [ $rc -eq 0 ]
# With the stub, the experiment stops at the first unfinished function and names THIS lesson's commands
# (not `./kata check` alone, which means the first unfinished lesson).
"$KATA" run 01 >"$WORK/run_stub.out" 2>&1
check "kata run 01 on the stub: the stop line names ./kata check 01" grep -q '(./kata check 01)' "$WORK/run_stub.out"
check "... and ./kata run 01 --reference" grep -q 'the reference now: ./kata run 01 --reference' "$WORK/run_stub.out"
check "... once (not the experiment's own note as well)" [ "$(grep -ci 'experiment stopped' "$WORK/run_stub.out")" -eq 1 ]
if ! command -v gnuplot >/dev/null 2>&1; then
  pass "gnuplot is not installed: no pictures, so no gallery to check"
  finish
fi
check "lesson 01's figure is rendered" [ -f "$OUT/01_train_dev_test/solution/shuffle_tv.png" ]
check "index.html is written" [ -f "$PAGE" ]
check "the page links the PNG relatively" grep -q 'src="01_train_dev_test/solution/shuffle_tv.png"' "$PAGE"
check "the page shows the figure's caption" grep -q 'cumulative distribution of TV(train, test)' "$PAGE"
check "the page has a section for lesson 01" grep -q '<h2>01_train_dev_test</h2>' "$PAGE"
check "a caption is HTML-escaped" grep -q 'a &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; claim' "$PAGE"
check "no raw markup from a caption" sh -c "! grep -q '<b>bold</b>' '$PAGE'"
check "the run prints the page's path" grep -q "gallery.*$PAGE" "$WORK/run.out"
# The path comes after the figures' list.
fig_line=$(grep -n 'shuffle_tv.png' "$WORK/run.out" | head -1 | cut -d: -f1)
page_line=$(grep -n "$PAGE" "$WORK/run.out" | head -1 | cut -d: -f1)
check "the page's path is printed after the figures" [ "${fig_line:-0}" -gt 0 -a "${page_line:-0}" -gt "${fig_line:-0}" ]


# The figures are drawn by one gnuplot per group (two groups side by side); when one fails, each of its
# figures is drawn on its own, so the message names
# the one gnuplot could not draw and the others still appear. A fake gnuplot that fails once, then draws:
mkdir -p "$WORK/fakebin"
printf '#!/bin/sh\nif [ ! -e "%s/failed_once" ]; then : > "%s/failed_once"; echo "fake gnuplot: cannot draw" >&2; exit 1; fi\nexec %s "$@"\n' \
  "$WORK" "$WORK" "$(command -v gnuplot)" > "$WORK/fakebin/gnuplot"
chmod +x "$WORK/fakebin/gnuplot"
PATH="$WORK/fakebin:$PATH" "$KATA" run 01 --reference >"$WORK/run_retry.out" 2>&1
check "the all-in-one gnuplot failed: each figure drawn on its own" grep -q 'shuffle_tv.png  (and .svg)' "$WORK/run_retry.out"
check "... with no failure reported" sh -c "! grep -q 'could not draw' '$WORK/run_retry.out'"
# ... and one that never draws: the figure's script is named.
printf '#!/bin/sh\necho "fake gnuplot: cannot draw" >&2\nexit 1\n' > "$WORK/fakebin/gnuplot"
PATH="$WORK/fakebin:$PATH" "$KATA" run 01 --reference >"$WORK/run_badfig.out" 2>&1
check "a figure gnuplot cannot draw is named" grep -q 'gnuplot could not draw .*shuffle_tv.gp' "$WORK/run_badfig.out"
finish
