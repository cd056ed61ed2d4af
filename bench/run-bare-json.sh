#!/usr/bin/env bash
# The floor under `{ __typename }`: the same load (bench/js/load.mjs, 16 connections) against a bare Kestrel JSON endpoint
# (bench/OrleansShop.Bench.BareJson), RUNS runs of DURATION s; one JSON line per run on stdout. Run it right after the
# catalog comparison (bench/run-e2e-compare.sh), whose `{ __typename }` figures it is the baseline of.
#   RUNS=3 DURATION=10 bench/run-bare-json.sh
set -euo pipefail
RUNS=${RUNS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-2}
PORT=${PORT:-5312}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
timeout 600 dotnet build -c Release --nologo -v quiet bench/OrleansShop.Bench.BareJson >&2
dotnet bench/OrleansShop.Bench.BareJson/bin/Release/net10.0/OrleansShop.Bench.BareJson.dll --urls "http://127.0.0.1:$PORT" >&2 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fsS -o /dev/null -H 'content-type: application/json' -d '{"query":"{ __typename }"}' "http://127.0.0.1:$PORT/graphql" 2>/dev/null && break
  sleep 0.5
done
for i in $(seq 1 "$RUNS"); do
  timeout $((DURATION + WARMUP + 60)) node bench/js/load.mjs --server bare --url "http://127.0.0.1:$PORT/graphql" \
    --operation typename --query '{ __typename }' --connections 16 --duration "$DURATION" --warmup "$WARMUP"
done
