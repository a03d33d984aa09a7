#!/usr/bin/env bash
# Sets everything up, builds, and runs the demo: shop, collector and dashboard on localhost.
# PORT=9090 bash scripts/demo.sh to use another port.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
exec ./build/friction-collector --port "${PORT:-8080}" --db demo/data/friction.db --root . --demo
