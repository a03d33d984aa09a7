#!/usr/bin/env bash
# The collector is killed with SIGKILL in the middle of a load. After a restart on the same
# store, every batch it acknowledged (2xx) must be there; then every batch is sent again, as
# SDKs retry what they never heard back about, and each must be stored exactly once.
# ENGINE=clickhouse runs it on a private ClickHouse server (build/run_private_clickhouse) instead
# of an SQLite file; its tables are read with FINAL, as the views read them (a ReplacingMergeTree
# keeps a replaced row until a merge).
# Exits non-zero when either promise is broken.
# Usage: [ENGINE=sqlite|clickhouse] [BATCHES=N] bash tests/bench/crash_test.sh [build-dir]
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
engine=${ENGINE:-sqlite}
# ClickHouse acknowledges fewer batches a second here (tests/bench/collector_engines_bench.sh):
# fewer batches keep its run near half a minute.
case $engine in
  clickhouse) batches=${BATCHES:-2000} ;;
  *) batches=${BATCHES:-6000} ;;
esac
run=7
collector=
source "$(dirname "$0")/start_collector.sh"
source "$(dirname "$0")/private_clickhouse.sh"
trap '[ -n "$collector" ] && kill -9 $collector 2>/dev/null; stop_private_clickhouse; rm -rf "$work"' EXIT

# The store, and how to read its batch ids and row counts.
case $engine in
  sqlite)
    store=$work/crash.db
    stored_ids() { sqlite3 "$store" 'SELECT batch_id FROM batches'; }
    count_rows() { sqlite3 "$store" "SELECT COUNT(*) FROM $1"; }
    ;;
  clickhouse)
    start_private_clickhouse
    store=${clickhouse}crash
    stored_ids() { clickhouse_query 'SELECT batch_id FROM crash.batches FINAL'; }
    # Signals live on as problem days: their count is the days' sum.
    count_rows() {
      if [ "$1" = signals ]; then clickhouse_query "SELECT sum(signals) FROM crash.problem_days FINAL"
      else clickhouse_query "SELECT count() FROM crash.$1 FINAL"; fi
    }
    ;;
  *) echo "ENGINE is sqlite or clickhouse, not $engine"; exit 2 ;;
esac

start_collector "$store"
"$build/collector_load" --port "$port" --batches "$batches" --threads 4 --run $run \
  --acked "$work/acked" >"$work/load1" &
load=$!
# Kill once a good part of the load is acknowledged, not at a guessed time (at most 30 s).
for _ in $(seq 1500); do
  [ -f "$work/acked" ] && [ "$(wc -l <"$work/acked")" -ge $((batches / 5)) ] && break
  sleep 0.02
done
kill -9 "$collector"
wait "$collector" 2>/dev/null || true
collector=
wait "$load"

acked=$(sort -u "$work/acked" | wc -l)
# Acknowledged ids, as the load tool makes them: 16 hex digits of the run, 16 of the index.
sort -u "$work/acked" | while read -r i; do printf '%016x%016x\n' $run "$i"; done |
  sort >"$work/acked_ids"
start_collector "$store"
stored_after_crash=$(count_rows batches)
stored_ids | sort >"$work/stored_ids"
missing=$(comm -23 "$work/acked_ids" "$work/stored_ids" | wc -l)

"$build/collector_load" --port "$port" --batches "$batches" --threads 4 --run $run >"$work/load2"
final_batches=$(count_rows batches)
final_signals=$(count_rows signals)
kill "$collector"; wait "$collector" 2>/dev/null || true; collector=

echo "engine: $engine"
echo "before the kill:  $(cat "$work/load1")"
echo "after a restart:  $acked batches were acknowledged; $stored_after_crash batches are in the store; acknowledged but missing: $missing"
echo "every batch sent again: $(cat "$work/load2")"
echo "finally: $final_batches batches and $final_signals signals stored for $batches batches of 20 sent"
if [ "$missing" -ne 0 ] || [ "$final_batches" -ne "$batches" ] || [ "$final_signals" -ne $((batches * 20)) ] || [ "$acked" -ge "$batches" ]; then
  echo "crash test FAILED"; exit 1
fi
echo "crash test passed"
