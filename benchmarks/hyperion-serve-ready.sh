#!/usr/bin/env bash
# Times `hyperion serve --sim` from process start to its "Hyperion ready" line (the REST API answering), N times.
# Usage: benchmarks/hyperion-serve-ready.sh [runs] [extra serve flags]   (build first: dotnet build src/Hyperion -c Release)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shift || true
dll=src/Hyperion/bin/Release/net10.0/hyperion.dll
[ -f "$dll" ] || { echo "build first: dotnet build src/Hyperion -c Release" >&2; exit 2; }
for i in $(seq 1 "$runs"); do
  out=$(mktemp)
  start=$(date +%s.%N)
  dotnet "$dll" serve --port 0 --log-dir "$(mktemp -d)" "$@" >"$out" 2>&1 &
  pid=$!
  until grep -q "Hyperion ready" "$out"; do
    kill -0 "$pid" 2>/dev/null || { cat "$out" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s.%N)
  # SIGTERM: a background job of a non-interactive shell ignores SIGINT.
  kill -TERM "$pid"; wait "$pid" || true
  printf 'run %d: ready after %.2f s\n' "$i" "$(echo "$end - $start" | bc)"
  rm -f "$out"
done
