#!/usr/bin/env bash
# Collector ingest throughput on this machine: batches of 20 signals over loopback, against a
# baseline of the same requests refused at the first byte (HTTP alone), in the same run.
# The load comes from one address: the per-origin rate limit is lifted for it.
# Usage: bash tests/bench/collector_bench.sh [build-dir]
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
collector=
trap '[ -n "$collector" ] && kill $collector 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
source "$(dirname "$0")/start_collector.sh"
start_collector "$work/bench.db"

batches=${BATCHES:-5000}
baseline=$("$build/collector_load" --port "$port" --batches "$batches" --threads 4 --baseline)
ingest=$("$build/collector_load" --port "$port" --batches "$batches" --threads 4)
echo "$baseline"
echo "$ingest"
stored=$(sqlite3 "$work/bench.db" 'SELECT COUNT(*) FROM signals')
rate() { sed -E 's/.* = ([0-9]+) signals\/s/\1/' <<<"$1"; }
echo "signals in the database: $stored; ingest runs at $(awk "BEGIN { printf \"%.2f\", $(rate "$ingest") / $(rate "$baseline") }")x the speed of HTTP alone"

# The same ingest again (new batch ids) while the dashboard and its exports are read in a loop,
# then once more alone: the run with reads is compared with the mean of the runs around it,
# since the database grows from one run to the next.
rm -f "$work/stop"
"$build/dashboard_reader" --port "$port" --token-file "$work/token" --stop-file "$work/stop" >"$work/reads" &
reader=$!
beside=$("$build/collector_load" --port "$port" --batches "$batches" --threads 4 --run 2)
touch "$work/stop"
wait $reader
after=$("$build/collector_load" --port "$port" --batches "$batches" --threads 4 --run 3)
echo "$beside (dashboard read beside it)"
cat "$work/reads"
echo "$after (alone again)"
echo "ingest while the dashboard is read in a loop runs at $(awk "BEGIN { printf \"%.2f\", 2 * $(rate "$beside") / ($(rate "$ingest") + $(rate "$after")) }")x ingest alone (the mean of the runs before and after)"
