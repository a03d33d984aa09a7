#!/usr/bin/env bash
# Builds everything, incrementally: native (core, tests, collector, bench) into build/, the
# WebAssembly core into build-wasm/, and the bundles a web developer copies into dist/.
# --unit-tests: only the native C++ unit tests (scripts/test.sh --quick).
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs  # emscripten 3.1.6 needs Debian's acorn at -O1 and above

[ -f build/build.ninja ] || cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
if [ "${1:-}" = "--unit-tests" ]; then
  cmake --build build --target unit_tests
  exit 0
fi
cmake --build build

[ -f build-wasm/build.ninja ] || emcmake cmake -S . -B build-wasm -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-wasm

node js/build.mjs build-wasm
echo "build: ok (dist/: $(cd dist && ls friction.* | tr '\n' ' '))"
