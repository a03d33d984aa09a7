# Sourced by the collector benches: start_collector STORE [LOG] starts the built collector on a
# free port with STORE, an SQLite file or a clickhouse://host:port/db URL (--store), its output
# in $work/LOG (default "log": give each collector that runs at once its own), the per-origin
# rate limit lifted (the load comes from one address) and the views' token in $work/token, and
# sets $collector (its pid) and $port. Needs $build, $root and $work.
start_collector() {
  local log="$work/${2:-log}" store=(--db "$1")
  [[ "$1" == clickhouse://* ]] && store=(--store "$1")
  : >"$log"
  # The views' token, for dashboard_reader: 32 random hex digits.
  head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$work/token"
  # The load's batches are for site "load", from the origin collector_load sends.
  "$build/friction-collector" --port 0 "${store[@]}" --root "$root" --rate-limit 1000000 \
    --site load=http://load.test --access-token-file "$work/token" >"$log" 2>&1 &
  collector=$!
  port=
  # It prints "friction collector: http://127.0.0.1:PORT/ ..." once it listens.
  for _ in $(seq 200); do
    port=$(sed -nE 's|.*http://127\.0\.0\.1:([0-9]+)/.*|\1|p' "$log" | head -1)
    [ -n "$port" ] && return 0
    sleep 0.05
  done
  echo "the collector did not start:"; cat "$log"; exit 1
}
