# Sourced by the collector scripts that run on ClickHouse (crash_test.sh, collector_engines_bench.sh).
# start_private_clickhouse starts one private server (build/run_private_clickhouse: its own
# temporary folder and free ports, never the system service) and sets $clickhouse (its base URL,
# clickhouse://127.0.0.1:PORT/, a database name to append), $clickhouse_http (its HTTP port) and
# $clickhouse_pid. clickhouse_query SQL prints ClickHouse's answer (tab-separated) or fails.
# stop_private_clickhouse stops it and removes its folder; call it from the EXIT trap.
# Needs $build and $work.
clickhouse_pid=
start_private_clickhouse() {
  # exec: the coprocess is the tool itself, so $clickhouse_pid is the one to signal.
  coproc CLICKHOUSE { exec "$build/run_private_clickhouse" 2>"$work/clickhouse.log"; }
  clickhouse_pid=$CLICKHOUSE_PID
  if ! read -r clickhouse <&"${CLICKHOUSE[0]}"; then
    echo "the private ClickHouse did not start:"; cat "$work/clickhouse.log"; exit 1
  fi
  clickhouse_http=$(sed -E 's|.*:([0-9]+)/$|\1|' <<<"$clickhouse")
}

clickhouse_query() {
  curl -sS --fail-with-body "http://127.0.0.1:$clickhouse_http/" --data-binary "$1"
}

stop_private_clickhouse() {
  [ -n "$clickhouse_pid" ] || return 0
  kill -TERM "$clickhouse_pid" 2>/dev/null || true
  wait "$clickhouse_pid" 2>/dev/null || true
  clickhouse_pid=
}
