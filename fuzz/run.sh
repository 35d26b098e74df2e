#!/bin/sh
# Runs one fuzz target for a bounded time, one job, one worker.
#   fuzz/run.sh BUILD_DIR TARGET [SECONDS]      (TARGET: resource | armerror | azimport | draft)
# New inputs go to BUILD_DIR/fuzz-work/TARGET (the checked-in seeds in fuzz/corpus/TARGET are only read);
# a crash, leak or hang is written to BUILD_DIR/fuzz-artifacts/TARGET/ — copy it to fuzz/regressions/TARGET/.
# With -jobs=1 libFuzzer logs to fuzz-0.log in that artifacts folder.
set -eu
build=$(cd "${1:?build dir}" && pwd)
target=${2:?target}
seconds=${3:-600}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$build/fuzz-work/$target" "$build/fuzz-artifacts/$target"
cd "$build/fuzz-artifacts/$target"
set +e
"$build/bin/fuzz_$target" -jobs=1 -workers=1 -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
  -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/$target/" \
  "$build/fuzz-work/$target" "$here/corpus/$target" "$here/regressions/$target"
status=$?
cat fuzz-0.log 2>/dev/null | tail -40
exit $status
