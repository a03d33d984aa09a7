#!/usr/bin/env bash
# The collector is killed with SIGKILL in the middle of a load. After a restart on the same
# database, every batch it acknowledged (2xx) must be there; then every batch is sent again, as
# SDKs retry what they never heard back about, and each must be stored exactly once.
# Exits non-zero when either promise is broken. Usage: bash tests/bench/crash_test.sh [build-dir]
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
batches=${BATCHES:-6000}
run=7
collector=
trap '[ -n "$collector" ] && kill -9 $collector 2>/dev/null; rm -rf "$work"' EXIT

source "$(dirname "$0")/start_collector.sh"

start_collector "$work/crash.db"
"$build/collector_load" --port "$port" --batches "$batches" --threads 4 --run $run \
  --acked "$work/acked" >"$work/load1" &
load=$!
# Kill once a good part of the load is acknowledged, not at a guessed time.
for _ in $(seq 400); do
  [ -f "$work/acked" ] && [ "$(wc -l <"$work/acked")" -ge $((batches / 5)) ] && break
  sleep 0.02
done
kill -9 "$collector"
wait "$collector" 2>/dev/null || true
collector=
wait "$load"

acked=$(sort -u "$work/acked" | wc -l)
# Acknowledged ids, as the load tool makes them: 16 hex digits of the run, 16 of the index.
sort -u "$work/acked" | while read -r i; do printf '%016x%016x\n' $run "$i"; done >"$work/acked_ids"
start_collector "$work/crash.db"
sqlite3 "$work/crash.db" <<SQL >"$work/check"
CREATE TEMP TABLE acked (id TEXT);
.import $work/acked_ids acked
SELECT (SELECT COUNT(*) FROM batches), (SELECT COUNT(*) FROM acked WHERE id NOT IN (SELECT batch_id FROM batches));
SQL
IFS='|' read -r stored_after_crash missing <"$work/check"

"$build/collector_load" --port "$port" --batches "$batches" --threads 4 --run $run >"$work/load2"
final_batches=$(sqlite3 "$work/crash.db" 'SELECT COUNT(*) FROM batches')
final_signals=$(sqlite3 "$work/crash.db" 'SELECT COUNT(*) FROM signals')
kill "$collector"; wait "$collector" 2>/dev/null || true; collector=

echo "before the kill:  $(cat "$work/load1")"
echo "after a restart:  $acked batches were acknowledged; $stored_after_crash batches are in the database; acknowledged but missing: $missing"
echo "every batch sent again: $(cat "$work/load2")"
echo "finally: $final_batches batches and $final_signals signals stored for $batches batches of 20 sent"
if [ "$missing" -ne 0 ] || [ "$final_batches" -ne "$batches" ] || [ "$final_signals" -ne $((batches * 20)) ] || [ "$acked" -ge "$batches" ]; then
  echo "crash test FAILED"; exit 1
fi
echo "crash test passed"
