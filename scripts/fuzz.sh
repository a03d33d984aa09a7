#!/usr/bin/env bash
# Fuzzes the collector's intake (decompress + decode + validate) with libFuzzer (Debian's
# clang-14), for a bounded time. Crashes are written to tests/fuzz/regressions/, where the unit
# tests replay them with the normal build from then on.
# Usage: bash scripts/fuzz.sh [seconds]   (needs the native build: bash scripts/build.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
out=build/fuzz
mkdir -p "$out/corpus" tests/fuzz/regressions
sources=(tests/fuzz/batch_intake_fuzzer.cpp demo/collector/intake/*.cpp
  build/generated/known_dictionaries.cpp sdk/anonymise/pii_scrub.cpp
  sdk/anonymise/identifier_segment.cpp sdk/common/percent_decoding.cpp
  sdk/anonymise/randomized_response.cpp sdk/anonymise/siphash.cpp sdk/encode/field_rules.cpp)
headers=(sdk/*/*.h demo/collector/intake/*.h)
if [ ! -x "$out/batch_intake_fuzzer" ] || [ -n "$(find "${sources[@]}" "${headers[@]}" -newer "$out/batch_intake_fuzzer" 2>/dev/null)" ]; then
  clang++-14 -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -Isdk -Idemo/collector "${sources[@]}" -lzstd -o "$out/batch_intake_fuzzer"
fi
build/write_seeds "$out/corpus"
# -timeout: one input may take at most 5 s; -rss_limit_mb: a decompression bomb must be capped.
"$out/batch_intake_fuzzer" "$out/corpus" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=1024 \
  -artifact_prefix=tests/fuzz/regressions/ -print_final_stats=1 2>&1 | tail -15
