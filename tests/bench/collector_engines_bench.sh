#!/usr/bin/env bash
# Collector ingest on both storage engines, with the same load (build/collector_load: the same
# batches of 20 signals, the same client threads per load): SQLite; ClickHouse (a private server,
# never the system service) with one collector; ClickHouse with two collector processes, the same
# batches split in two halves sent at once, one half to each. Prints signals/s for each and the
# ratios. For ClickHouse it also prints what explains a figure: how many batches the writer
# grouped per round of inserts (from ClickHouse's own query counts), the CPU time of the
# collectors and of the server per batch, and ClickHouse's merges and delayed inserts.
# Each engine starts empty (a new SQLite file, a new ClickHouse database).
# THREADS: 32 by default, pages sending at once, as a collector that needs ClickHouse sees many.
# On ClickHouse a batch waits for the writer's round (about 20 ms), so throughput grows with the
# requests waiting together: with 4 clients a round holds 2 or 3 batches and ClickHouse runs at
# about 0.4x SQLite. The SQLite collector serves 8 connections at once (cpp-httplib's pool) and
# a kept-alive connection holds its thread, so clients past 8 may time out there (counted as
# failed); the collector on ClickHouse runs 64 workers.
# Usage: [BATCHES=N] [THREADS=T] bash tests/bench/collector_engines_bench.sh [build-dir]
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
batches=${BATCHES:-2000}
threads=${THREADS:-32}
collector=
collectors=()
source "$(dirname "$0")/start_collector.sh"
source "$(dirname "$0")/private_clickhouse.sh"
stop_collectors() {
  for pid in "${collectors[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  collectors=()
}
trap 'stop_collectors; stop_private_clickhouse; rm -rf "$work"' EXIT

rate() { sed -E 's/.* = ([0-9]+) signals\/s/\1/' <<<"$1"; }
ratio() { awk "BEGIN { printf \"%.2f\", $1 / $2 }"; }
# CPU seconds (user + system) a process has used so far.
cpu() { awk -v tick="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / tick }' "/proc/$1/stat"; }
# One of ClickHouse's counters since it started (0 if it has not moved yet).
counter() {
  clickhouse_query "SELECT sum(value) FROM system.events WHERE event = '$1'"
}

# run_load STORE N: starts N collectors on STORE, sends the batches split in N parts at once
# (one part to each, --threads each), and prints the loads' lines; sets $combined, the sum of
# their signals/s. On ClickHouse, prints the writers' groups, CPU time, merges and delays.
run_load() {
  local store=$1 parts=$2 each=$(($batches / $2)) i loads=() ports=()
  for ((i = 0; i < parts; i++)); do
    start_collector "$store" "log$i"
    collectors+=("$collector"); ports+=("$port")
  done
  local server= before_cpu=0 selects inserts merged merging delayed
  if [ -n "$clickhouse_pid" ]; then
    server=$(pgrep -P "$clickhouse_pid" | head -1)
    before_cpu=$(cpu "$server")
    selects=$(counter SelectQuery); inserts=$(counter InsertQuery)
    merged=$(counter MergedRows); merging=$(counter MergesTimeMilliseconds)
    delayed=$(counter DelayedInserts)
  fi
  local collectors_cpu_before=0
  for pid in "${collectors[@]}"; do collectors_cpu_before=$(awk "BEGIN { print $collectors_cpu_before + $(cpu "$pid") }"); done
  for ((i = 0; i < parts; i++)); do
    "$build/collector_load" --port "${ports[$i]}" --batches "$each" --first $((i * each)) \
      --threads "$threads" >"$work/load$i" &
    loads+=($!)
  done
  wait "${loads[@]}"
  combined=0
  for ((i = 0; i < parts; i++)); do
    echo "  $(cat "$work/load$i")"
    combined=$((combined + $(rate "$(cat "$work/load$i")")))
  done
  local collectors_cpu=0
  for pid in "${collectors[@]}"; do collectors_cpu=$(awk "BEGIN { print $collectors_cpu + $(cpu "$pid") }"); done
  collectors_cpu=$(awk "BEGIN { print $collectors_cpu - $collectors_cpu_before }")
  if [ -n "$server" ]; then
    local server_cpu groups
    server_cpu=$(awk "BEGIN { print $(cpu "$server") - $before_cpu }")
    # One SELECT (the ids already stored) per group; minus the counter queries in between.
    groups=$(($(counter SelectQuery) - selects - 5))
    echo "  ClickHouse: $groups groups of inserts for $((each * parts)) batches ($(ratio $((each * parts)) $groups) batches a group), $(($(counter InsertQuery) - inserts)) inserts; rows merged $(($(counter MergedRows) - merged)) in $(($(counter MergesTimeMilliseconds) - merging)) ms; delayed inserts $(($(counter DelayedInserts) - delayed))"
    # Replaced parts stay on disk for a while (old_parts_lifetime, 8 min): all of this run's.
    echo "  ClickHouse wrote each stored row $(clickhouse_query "SELECT round(sum(rows) / sumIf(rows, active), 1), max(level) FROM system.parts WHERE database = '${store##*/}' FORMAT TSV" | awk '{ print $1 " times (inserts and merges; merge level up to " $2 ")" }')"
    echo "  CPU per batch: collector(s) $(awk "BEGIN { printf \"%.2f\", 1000 * $collectors_cpu / ($each * $parts) }") ms, ClickHouse server $(awk "BEGIN { printf \"%.2f\", 1000 * $server_cpu / ($each * $parts) }") ms"
  else
    echo "  CPU per batch: collector $(awk "BEGIN { printf \"%.2f\", 1000 * $collectors_cpu / ($each * $parts) }") ms"
  fi
  stop_collectors
}

echo "SQLite, one collector:"
run_load "$work/bench.db" 1
sqlite=$combined
sqlite_stored=$(sqlite3 "$work/bench.db" 'SELECT COUNT(*) FROM signals')

start_private_clickhouse
echo "ClickHouse, one collector:"
run_load "${clickhouse}one" 1
one=$combined
one_stored=$(clickhouse_query 'SELECT sum(signals) FROM one.problem_days FINAL')

echo "ClickHouse, two collectors (half the batches each, at once):"
run_load "${clickhouse}two" 2
two=$combined
two_stored=$(clickhouse_query 'SELECT sum(signals) FROM two.problem_days FINAL')

echo "signals stored: SQLite $sqlite_stored, ClickHouse one collector $one_stored, two collectors $two_stored (FINAL), of $(((batches / 2) * 2 * 20)) sent"
echo "signals/s: SQLite $sqlite, ClickHouse one collector $one, two collectors $two"
echo "ClickHouse/SQLite $(ratio "$one" "$sqlite"); two collectors/one $(ratio "$two" "$one"); two collectors/SQLite $(ratio "$two" "$sqlite")"
echo "parts and memory at the end: $(clickhouse_query "SELECT count(), max(c) FROM (SELECT count() AS c FROM system.parts WHERE active GROUP BY database, table, partition) FORMAT TSV" | awk '{ print $1 " partitions, at most " $2 " active parts in one" }'), $(clickhouse_query "SELECT formatReadableSize(value) FROM system.metrics WHERE metric = 'MemoryTracking'") tracked"
