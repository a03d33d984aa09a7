#!/usr/bin/env bash
# Sets everything up, builds, and runs every test: C++ unit tests (doctest, via ctest), the
# WASM core under Node, and end-to-end tests in headless Chromium against the real collector.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
ctest --test-dir build --output-on-failure
node --test --test-concurrency=1 tests/wasm/ tests/e2e/
