#!/usr/bin/env bash
# Runs both fuzz targets for a set time each (default 300 s), on stable Rust without sanitizers.
#   cargo install cargo-fuzz    # once
#   fuzz/run.sh 600             # ten minutes per target
# A crash is saved under fuzz/artifacts/TARGET/; turn it into a regression test in tests/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
for target in load_questionnaire load_answers; do
  echo "== $target for ${seconds}s"
  cargo fuzz run "$target" --sanitizer none -- -max_total_time="$seconds" -max_len=65536 2>&1 | tail -n 12
done
