#!/usr/bin/env bash
# Sets everything up, builds, and runs the demo: shop, collector and dashboard on localhost.
# PORT=9090 bash scripts/demo.sh to use another port.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
port="${PORT:-8080}"
# A first run fills the database with a month of simulated shop traffic (the SDK's engine on
# generated journeys; its batches say "simulated"), so the dashboard has something to show.
# SIMULATE=0 starts empty; delete demo/data/friction.db to start again.
db=demo/data/friction.db
if [[ ! -e "$db" && "${SIMULATE:-1}" != 0 ]]; then
  mkdir -p "$(dirname "$db")"
  ./build/simulate_traffic --db "$db" --days 30 --visitors-per-day 300
fi
# A fresh token for the dashboard and agent view each run; the collector prints the URL that
# carries it. The shop's pages (data-site="demo") are served by the collector itself.
token="${FRICTION_ACCESS_TOKEN:-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')}"
FRICTION_ACCESS_TOKEN="$token" exec ./build/friction-collector --port "$port" \
  --db "$db" --root . --site "demo=http://127.0.0.1:$port,http://localhost:$port" --demo
