#!/usr/bin/env bash
# How a freshly started API's catalog throughput climbs under full load, window by window, with telemetry off (no
# exporter) and on (the defaults over OTLP/HTTP to bench/js/otlp-sink.mjs): the time a new replica takes to serve at its
# steady rate, and the reason a comparison that measures right after start-up is not one of steady costs. Each server
# starts on a copy of one seeded data directory (nobody pays for seeding), answers /health (READY_PATH), and is then loaded at once
# with `products(first: 20)` for WINDOWS back-to-back windows of WINDOW seconds, each reported as req/s and the server's
# CPU per request (utime+stime from /proc/PID/stat). Sides alternate off, on for ROUNDS rounds; medians per window.
#   bench/run-warmup.sh                          # Release build of this checkout, 2 rounds of 7 windows of 10 s
#   ROUNDS=3 WINDOWS=9 bench/run-warmup.sh
#   EXTRA_ENV="DOTNET_TieredCompilation=0" bench/run-warmup.sh   # more settings for both sides
#   ON_EXTRA="OrleansShop__Telemetry__Traces=false" bench/run-warmup.sh   # more settings for the telemetry-on side (one signal off)
#   READY_PATH=/health/ready ON_EXTRA="OrleansShop__Warmup__Requests=2000" bench/run-warmup.sh   # load from readiness, the on side warmed up first
# Ports: API 61411, sink 61419. Every process it starts is stopped by PID; every step is bounded by `timeout`.
set -euo pipefail

ROUNDS=${ROUNDS:-2}
WINDOWS=${WINDOWS:-7}
WINDOW=${WINDOW:-10}
CONNECTIONS=${CONNECTIONS:-16}
PORT=${PORT:-61411}
SINK_PORT=${SINK_PORT:-61419}
READY_PATH=${READY_PATH:-/health}
PRODUCTS=${PRODUCTS:-1000}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
api_dll=${API_DLL:-$root/api/OrleansShop.Api/bin/Release/net10.0/OrleansShop.Api.dll}
out=${OUT:-$(mktemp -d /tmp/warmup.XXXXXX)}
seeded=$(mktemp -d /tmp/warmup-seed.XXXXXX)
mkdir -p "$out"
cd "$root"

CATALOG='{ products(first: 20) { nodes { name price { amount currency } stock { available } rating { average count } } } }'
url="http://127.0.0.1:$PORT/graphql"
ON_ENV="OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$SINK_PORT OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf ${ON_EXTRA:-}"
source "$root/bench/lib/api-server.sh"
server_pid= sink_pid= data=
stop_server() {
  api_stop "$server_pid" || true
  server_pid=
  [ -z "$data" ] || rm -rf "$data"
  data=
}
cleanup() { stop_server; [ -z "$sink_pid" ] || kill "$sink_pid" 2>/dev/null || true; rm -rf "$seeded"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
[ -f "$api_dll" ] || { log "no $api_dll: build it first (dotnet build -c Release api/OrleansShop.Api)"; exit 1; }
api_require_free_port "$PORT" "set PORT"

start_server() { # data-directory env...
  data=$1; shift
  : > "$out/server.log"
  # shellcheck disable=SC2086 # EXTRA_ENV is a list of settings
  api_start "$PORT" "$data" "$out/server.log" OrleansShop__Demo__Seed=true OrleansShop__Demo__Products="$PRODUCTS" "$@" ${EXTRA_ENV:-}
  server_pid=$api_pid
  api_wait_healthy "$PORT" "$server_pid" "$out/server.log" 180 0.2 "$READY_PATH"
}

log "seeding $PRODUCTS demo products once"
start_server "$seeded"
api_wait_searchable "$PORT" "$server_pid" "$out/server.log" "$PRODUCTS" 300
sleep 5 # the stock the seeder sets after the products
# The copies must hold all the seeder wrote: a server that will not stop within 30 s fails the run.
api_stop "$server_pid" 30 || { log "the seeding API did not stop within 30 s"; exit 1; }
server_pid= data=

node bench/js/otlp-sink.mjs --port "$SINK_PORT" --seconds 7200 > "$out/sink.json" &
sink_pid=$!
: > "$out/windows.jsonl"
for round in $(seq 1 "$ROUNDS"); do
  for side in off on; do
    copy=$(api_copy_data "$seeded" /tmp/warmup-data.XXXXXX)
    side_env=()
    [ "$side" = on ] && read -r -a side_env <<< "$ON_ENV"
    log "round $round/$ROUNDS, telemetry $side (load $(cut -d' ' -f1 /proc/loadavg))"
    start_server "$copy" "${side_env[@]}"
    for w in $(seq 1 "$WINDOWS"); do
      before=$(awk '{print $14 + $15}' "/proc/$server_pid/stat")
      line=$(timeout $((WINDOW + 60)) node bench/js/load.mjs --server "$side" --url "$url" --operation catalog --query "$CATALOG" \
        --connections "$CONNECTIONS" --duration "$WINDOW" --warmup 0)
      ticks=$(( $(awk '{print $14 + $15}' "/proc/$server_pid/stat") - before ))
      node -e 'const r = JSON.parse(process.argv[1]); const [side, round, w, window, ticks, hz] = process.argv.slice(2).map((v, i) => i ? Number(v) : v);
        console.log(JSON.stringify({ side, round, from: (w - 1) * window, to: w * window, rps: r.requestsPerSecond,
          cpuMsPerRequest: ticks * 1000 / hz / Math.max(1, r.requestsPerSecond * window), bad: r.non2xx + r.errors + r.timeouts }));' \
        "$line" "$side" "$round" "$w" "$WINDOW" "$ticks" "$(getconf CLK_TCK)" >> "$out/windows.jsonl"
    done
    stop_server
  done
done

node - "$out/windows.jsonl" "$ROUNDS" "$READY_PATH" <<'JS'
const fs = require('fs');
const rows = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').map(JSON.parse);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
console.log(`| seconds of load since ${process.argv[4]} (median of ${process.argv[3]} rounds) | off req/s | on req/s | on / off | off CPU ms/request | on CPU ms/request |`);
console.log('|---|---:|---:|---:|---:|---:|');
for (const from of [...new Set(rows.map((r) => r.from))].sort((a, b) => a - b)) {
  const at = (side) => rows.filter((r) => r.from === from && r.side === side);
  const [off, on] = [at('off'), at('on')];
  const [a, b] = [median(off.map((r) => r.rps)), median(on.map((r) => r.rps))];
  console.log(`| ${from}-${off[0].to} | ${Math.round(a)} (${off.map((r) => Math.round(r.rps)).join(', ')}) | ${Math.round(b)} (${on.map((r) => Math.round(r.rps)).join(', ')}) | ${(b / a).toFixed(2)}x | ${median(off.map((r) => r.cpuMsPerRequest)).toFixed(2)} | ${median(on.map((r) => r.cpuMsPerRequest)).toFixed(2)} |`);
}
const bad = rows.reduce((n, r) => n + r.bad, 0);
if (bad) console.log(`\n${bad} non-2xx responses, errors or timeouts in all.`);
JS
log "raw results in $out"
