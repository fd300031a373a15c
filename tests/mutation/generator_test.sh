#!/bin/sh
# generator_test.sh KATA_MUTATE FIXTURE WORK_DIR — the mutation generator's own test (CTest, label "cli").
#  1. It finds exactly the sites the fixture's "// expect:" comments list, line by line, and nothing in
#     comments, strings, characters, #include lines, template arguments, stream operators or messages.
#  2. It is deterministic: the same source gives the same list, the same pick and the same mutant files.
#  3. The pick has the size asked for, takes something from every function, and each mutant file is the
#     fixture with the mutant's own line changed.
set -eu
tool=$1 fixture=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
fail() { echo "FAIL: $*"; exit 1; }

"$tool" --all "$fixture" > "$work/all1.tsv"
"$tool" --all "$fixture" > "$work/all2.tsv"
cmp -s "$work/all1.tsv" "$work/all2.tsv" || fail "two runs of --all listed different sites"

# line <TAB> change, expected (from the comments) and found.
awk '{ at = index($0, "// expect:"); if (at == 0) next
       n = split(substr($0, at + 11), items, "; ")
       for (k = 1; k <= n; ++k) if (items[k] != "") print NR "\t" items[k] }' "$fixture" | sort > "$work/expected.tsv"
cut -f3,5 "$work/all1.tsv" | sort > "$work/found.tsv"
if ! diff -u "$work/expected.tsv" "$work/found.tsv" > "$work/sites.diff"; then
  echo "sites differ from the fixture's expect: comments (- expected, + found):"
  cat "$work/sites.diff"
  fail "wrong mutation sites"
fi

"$tool" --count 20 --out "$work/out1" "$fixture" > "$work/pick1.tsv"
"$tool" --count 20 --out "$work/out2" "$fixture" > "$work/pick2.tsv"
cmp -s "$work/pick1.tsv" "$work/pick2.tsv" || fail "two runs picked different mutants"
diff -r "$work/out1" "$work/out2" > /dev/null || fail "two runs wrote different mutant files"
[ "$(wc -l < "$work/pick1.tsv")" -eq 20 ] || fail "--count 20 picked $(wc -l < "$work/pick1.tsv") mutants"
[ "$(cut -f1 "$work/pick1.tsv" | sort -u | wc -l)" -eq 20 ] || fail "mutant ids are not unique"
while IFS="$(printf '\t')" read -r id file line rest; do
  grep -q "^$id	" "$work/all1.tsv" || fail "picked mutant $id is not among the sites"
  mutant="$work/out1/$id/$(basename "$fixture")"
  [ -f "$mutant" ] || fail "no mutant file for $id"
  first=$(diff --old-line-format='%dn
' --new-line-format='' --unchanged-line-format='' "$fixture" "$mutant" | head -n 1)
  [ "$first" = "$line" ] || fail "mutant $id should change line $line, changes line '${first}'"
done < "$work/pick1.tsv"
[ "$(cut -f8 "$work/all1.tsv" | sort -u)" = "$(cut -f8 "$work/pick1.tsv" | sort -u)" ] ||
  fail "some function with sites has no mutant in the pick"
echo "mutation generator: $(wc -l < "$work/found.tsv") sites as expected, deterministic, 20 mutants written"
