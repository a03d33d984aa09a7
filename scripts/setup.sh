#!/usr/bin/env bash
# Installs everything the build, the demo and the tests need, from Debian and npm only.
# Idempotent: a second run installs nothing and takes a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  cmake ninja-build g++ pkg-config      # native build
  emscripten                            # C++ -> WebAssembly (3.1.6, clang/lld 14, binaryen)
  nlohmann-json3-dev                    # signal serialisation (native and WASM)
  doctest-dev                           # C++ unit tests
  libzstd-dev zstd                      # collector decompression; CLI for checks
  libsqlite3-dev sqlite3                # collector storage
  clickhouse-server clickhouse-client   # second storage engine (issue 15): tests start private servers
  zlib1g-dev                            # gzip, the baseline of the compression bench
  clang-14 libclang-rt-14-dev           # libFuzzer on the collector's intake (scripts/fuzz.sh)
  libcpp-httplib-dev                    # collector HTTP server
  brotli                                # size report
  dpkg-dev                              # apt-get source (zstd sources for the WASM build)
  chromium                              # end-to-end tests, driven by playwright-core
  nodejs npm                            # WASM tests, bundling
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# The machine may already carry its own node/npm (not from Debian): keep them.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
read -r -a missing <<<"${missing[*]:-}"
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# zstd sources for the WASM build come from Debian's source package, never committed.
if [ ! -d .deps/zstd/lib/compress ]; then
  if ! grep -rqs '^Types: deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
    uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    [ -n "$uri" ] || uri=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list)
    cat > /etc/apt/sources.list.d/friction-debsrc.sources <<SRC
Types: deb-src
URIs: $uri
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    apt-get update -qq
  fi
  rm -rf .deps/zstd-src && mkdir -p .deps/zstd-src
  (cd .deps/zstd-src && apt-get source -qq libzstd >/dev/null 2>&1)
  src=$(find .deps/zstd-src -maxdepth 1 -mindepth 1 -type d -name 'libzstd-*' | head -1)
  [ -n "$src" ] || { echo "setup: apt-get source libzstd produced no source tree" >&2; exit 1; }
  rm -rf .deps/zstd && mv "$src" .deps/zstd && rm -rf .deps/zstd-src
fi

# JS tools, pinned by package-lock.json.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "setup: ok"
