#!/usr/bin/env bash
# Sets everything up, builds, and runs every test: C++ unit tests (doctest, via ctest, with the
# collector's kill -9 crash test), the JS layer's logic under Node, the WASM core under Node,
# end-to-end tests in headless Chromium against the real collector, and a minute of fuzzing of
# the collector's intake.
#
# --quick: on a tree already set up, builds only the C++ unit tests (incrementally) and runs
# them and the Node unit tests of the JS layer (tests/node/), in well under two minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--quick" ]; then
  bash scripts/build.sh --unit-tests
  build/tests/unit/unit_tests
  node --test tests/node/
  exit 0
fi

bash scripts/setup.sh
bash scripts/build.sh
ctest --test-dir build --output-on-failure
node --test tests/node/
node --test --test-concurrency=1 tests/wasm/ tests/e2e/
bash scripts/fuzz.sh "${FUZZ_SECONDS:-60}"
