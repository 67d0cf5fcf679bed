#!/usr/bin/env bash
# Benchmark, not a test: `groupfit score` of N generated answers files, to CSV (one file through
# --output) and to --output-dir (one report each), with the wall time and peak RSS of each run
# (GNU time). The files are listed with --answers-from, as a clinic's year would be.
#   bash benches/batch.sh target/release/groupfit 1000 10000 100000
set -euo pipefail
bin=$(realpath "${1:?usage: batch.sh BINARY N...}")
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$(dirname "$0")/.."
sources=(examples/answers/widowed.toml examples/answers/therapy.toml examples/answers/widowed-amber.toml examples/answers/clinician-amber.toml)
printf '| files | output | seconds | per file (ms) | peak RSS (MB) |\n|---:|---|---:|---:|---:|\n'
for n in "$@"; do
  rm -rf "$work/answers" "$work/out" "$work/list" "$work/year.csv"
  mkdir -p "$work/answers" "$work/out"
  for ((i = 0; i < n; i++)); do
    cp "${sources[i % 4]}" "$work/answers/a$i.toml"
  done
  find "$work/answers" -name '*.toml' >"$work/list"
  for output in csv dir; do
    rm -rf "$work/out" "$work/year.csv"
    mkdir -p "$work/out"
    if [ "$output" = csv ]; then
      args=(--format csv --output "$work/year.csv")
    else
      args=(--format json --output-dir "$work/out")
    fi
    # GNU time's line comes last on stderr, after the program's own notes.
    read -r seconds kib <<<"$(/usr/bin/time -f '%e %M' "$bin" score --answers-from "$work/list" "${args[@]}" 2>&1 >/dev/null | tail -1)"
    if [ "$output" = csv ]; then
      made=$(($(wc -l <"$work/year.csv") - 1))
    else
      made=$(find "$work/out" -type f | wc -l)
    fi
    [ "$made" -eq "$n" ] || { echo "only $made of $n scored" >&2; exit 1; }
    per=$(python3 -c "print(f'{1000 * $seconds / $n:.3f}')")
    mb=$(python3 -c "print(f'{$kib / 1024:.1f}')")
    printf '| %d | %s | %s | %s | %s |\n' "$n" "$output" "$seconds" "$per" "$mb"
done
done
