#!/usr/bin/env bash
# Sets everything up, builds, and runs every test: C++ unit tests (doctest, via ctest, with the
# collector's kill -9 crash test), the WASM core under Node, end-to-end tests in headless
# Chromium against the real collector, and a minute of fuzzing of the collector's intake.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
ctest --test-dir build --output-on-failure
node --test --test-concurrency=1 tests/wasm/ tests/e2e/
bash scripts/fuzz.sh "${FUZZ_SECONDS:-60}"
