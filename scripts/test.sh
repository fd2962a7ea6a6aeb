#!/usr/bin/env bash
# Sets up (system packages the tests use as real peers, see scripts/setup.sh; the RabbitMQ broker, see
# scripts/rabbitmq.sh) and runs every test of the
# solution, then prints the totals as "N passed, N failed, N skipped".
# Usage: scripts/test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

command -v dotnet >/dev/null || { echo "dotnet (SDK 10) is required: https://dot.net" >&2; exit 2; }
scripts/setup.sh
scripts/rabbitmq.sh

results=TestResults
rm -rf "$results"
dotnet restore Hyperion.sln --nologo -v quiet
dotnet build Hyperion.sln --nologo -c Release --no-restore -v quiet
status=0
dotnet test Hyperion.sln --nologo -c Release --no-build \
  --logger "trx" --results-directory "$results" "$@" || status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed)
  e=$(get error); t=$(get timeout); a=$(get aborted)
  passed=$((passed + p))
  failed=$((failed + f + e + t + a))
  skipped=$((skipped + total - executed))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # dotnet test failed without reporting a failed test (a crashed test host, a build error): count it.
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
