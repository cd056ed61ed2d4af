#!/usr/bin/env bash
# The catalog benchmark against the real API process: `products(first: 20)` with name, price, stock and rating, on the
# embedded host (SQLite) with the demo catalog seeded, autocannon on 127.0.0.1; and `{ __typename }` on the same server
# in the same runs as the baseline to ratio against. Prints a markdown report to paste into bench/RESULTS.md.
#   bench/run-shop-catalog.sh                      # Release build, 3 interleaved runs of 10 s after a 2 s warm-up each
#   RUNS=5 DURATION=15 bench/run-shop-catalog.sh
#   SKIP_BUILD=1 bench/run-shop-catalog.sh         # with what is already built
#   API_DLL=/other/checkout/api/OrleansShop.Api/bin/Release/net10.0/OrleansShop.Api.dll bench/run-shop-catalog.sh
#                                                  # another build (e.g. the old runtime's) for a before/after comparison
#   PROFILE_S=15 RUNS=1 DURATION=20 bench/run-shop-catalog.sh
#                                                  # also samples the server's threads with dotnet-trace for 15 s of the
#                                                  # first catalog run and prints where its CPU went (bench/js/profile-summary.mjs);
#                                                  # needs `dotnet tool install -g dotnet-trace`; figures under load are lower
#   SETTLE=45 bench/run-shop-catalog.sh           # seconds of untimed catalog load before the runs (default WARMUP): until the
#                                                  # JIT's tiering is done, a comparison of two configurations measures start-up
#   HEALTHY_WITHIN_S=180 ...                       # how long the server may take to start (60 s; more on a loaded machine)
#   COUNTERS=1 bench/run-shop-catalog.sh           # also reads the server's System.Runtime counters (dotnet-counters) during the
#                                                  # first catalog run: allocation, GCs, GC pause, lock contention and CPU
#                                                  # per request into counters.json (needs `dotnet tool install -g dotnet-counters`);
#                                                  # figures per request, which the machine's load disturbs less than req/s
# The server gets a fresh temporary data directory (deleted at the end), so each run seeds the demo catalog first and
# waits for all of it to be searchable. Every process it starts is stopped by PID; every step is bounded by `timeout`.
set -euo pipefail

RUNS=${RUNS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-2}
SETTLE=${SETTLE:-$WARMUP}
CONNECTIONS=${CONNECTIONS:-16}
PORT=${PORT:-5311}
PRODUCTS=${PRODUCTS:-1000}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${OUT:-$(mktemp -d /tmp/shop-catalog-bench.XXXXXX)}
data=$(mktemp -d /tmp/shop-catalog-data.XXXXXX)
mkdir -p "$out"
cd "$root"

CATALOG='{ products(first: 20) { nodes { name price { amount currency } stock { available } rating { average count } } } }'
TYPENAME='{ __typename }'
url="http://127.0.0.1:$PORT/graphql"
# API_DLL runs another build; it implies SKIP_BUILD.
api_dll=${API_DLL:-api/OrleansShop.Api/bin/Release/net10.0/OrleansShop.Api.dll}

source "$root/bench/lib/api-server.sh"

server_pid=
stop_server() {
  api_stop "$server_pid" || true
  server_pid=
  rm -rf "$data"
}
trap stop_server EXIT
trap 'exit 130' INT TERM

load_average() { cut -d' ' -f1-3 /proc/loadavg; }
note() { printf '%s=%s\n' "$1" "$2" >> "$out/machine.txt"; }
post() { curl -fsS -X POST -H 'content-type: application/json' --data "$(node -e 'console.log(JSON.stringify({query: process.argv[1]}))' "$1")" "$url"; }

: > "$out/machine.txt"
note date "$(date -u +'%Y-%m-%d %H:%M UTC')"
note command "${API_DLL:+API_DLL=$API_DLL }RUNS=$RUNS DURATION=$DURATION WARMUP=$WARMUP SETTLE=$SETTLE CONNECTIONS=$CONNECTIONS bench/run-shop-catalog.sh"
note commit "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- api grains runtime graphql 2>/dev/null || echo ' with uncommitted changes')"
note cpus "$(nproc)"
note dotnet "$(dotnet --version)"
note load_start "$(load_average)"

if [ ! -d bench/js/node_modules ] || [ bench/js/package-lock.json -nt bench/js/node_modules/.package-lock.json ]; then
  log "npm ci (bench/js)"
  timeout 300 npm ci --prefix bench/js --no-audit --no-fund --loglevel=error
fi
if [ -z "${SKIP_BUILD:-}" ] && [ -z "${API_DLL:-}" ]; then
  log "dotnet build -c Release api/OrleansShop.Api"
  timeout 900 dotnet build -c Release --nologo -v quiet api/OrleansShop.Api > "$out/build.log" 2>&1 || { tail -30 "$out/build.log" >&2; exit 1; }
fi

api_require_free_port "$PORT" "stop that process or set PORT"
log "starting the API on 127.0.0.1:$PORT (data in $data, demo catalog of $PRODUCTS products)"
: > "$out/server.log"
api_start "$PORT" "$data" "$out/server.log" OrleansShop__Demo__Seed=true OrleansShop__Demo__Products="$PRODUCTS"
server_pid=$api_pid
started=$SECONDS
api_wait_healthy "$PORT" "$server_pid" "$out/server.log" "${HEALTHY_WITHIN_S:-60}"
note healthy_after_s "$((SECONDS - started))"
api_wait_searchable "$PORT" "$server_pid" "$out/server.log" "$PRODUCTS" 300 "$started"
note seeded_after_s "$((SECONDS - started))"
post "$CATALOG" > "$out/sample.json"
node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1]));if(r.errors||r.data.products.nodes.length!==20){console.error(JSON.stringify(r).slice(0,500));process.exit(1)}' "$out/sample.json" \
  || { log "the catalog query does not answer 20 products; see $out/sample.json"; exit 1; }

run() { # server-label operation query duration warmup
  timeout $(($4 + $5 + 60)) node bench/js/load.mjs --server "$1" --url "$url" --operation "$2" --query "$3" \
    --connections "$CONNECTIONS" --duration "$4" --warmup "$5"
}
log "settling for ${SETTLE}s (JIT, caches)"
run shop catalog "$CATALOG" "$SETTLE" 0 > /dev/null
run shop typename "$TYPENAME" "$WARMUP" 0 > /dev/null
: > "$out/load.jsonl"
for i in $(seq 1 "$RUNS"); do
  note "load_run_$i" "$(load_average)"
  log "run $i/$RUNS: catalog"
  profiler=
  if [ "$i" = 1 ] && [ -n "${PROFILE_S:-}" ]; then
    # Started after the warm-up so the samples are of the steady state; it stops by itself.
    ( sleep "$WARMUP"; timeout $((PROFILE_S + 120)) dotnet-trace collect -p "$server_pid" --profile dotnet-sampled-thread-time \
        --duration "00:00:$(printf '%02d' "$PROFILE_S")" --format Speedscope -o "$out/catalog.nettrace" > "$out/trace.log" 2>&1 ) &
    profiler=$!
  fi
  counters=
  if [ "$i" = 1 ] && [ -n "${COUNTERS:-}" ]; then
    ( sleep "$WARMUP"; timeout $((DURATION + 60)) dotnet-counters collect -p "$server_pid" --counters System.Runtime --format csv \
        --refresh-interval 1 --duration "00:00:$(printf '%02d' "$((DURATION - 1))")" -o "$out/counters.csv" > "$out/counters.log" 2>&1 ) &
    counters=$!
  fi
  run shop catalog "$CATALOG" "$DURATION" "$WARMUP" >> "$out/load.jsonl"
  if [ -n "$counters" ]; then
    wait "$counters" || { log "dotnet-counters failed; see $out/counters.log"; exit 1; }
    node bench/js/counters-per-request.mjs "$out/counters.csv" "$(tail -1 "$out/load.jsonl")" > "$out/counters.json"
  fi
  if [ -n "$profiler" ]; then
    wait "$profiler" || { log "dotnet-trace failed; see $out/trace.log"; exit 1; }
  fi
  log "run $i/$RUNS: typename"
  run shop typename "$TYPENAME" "$DURATION" "$WARMUP" >> "$out/load.jsonl"
done
grep -E '^(VmHWM|VmRSS)' "/proc/$server_pid/status" | tr -s ' ' > "$out/memory.txt"
note load_end "$(load_average)"
stop_server

node - "$out" <<'JS'
const fs = require('fs');
const out = process.argv[2];
const lines = fs.readFileSync(`${out}/load.jsonl`, 'utf8').trim().split('\n').map(JSON.parse);
const machine = Object.fromEntries(fs.readFileSync(`${out}/machine.txt`, 'utf8').trim().split('\n').map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
const memory = fs.readFileSync(`${out}/memory.txt`, 'utf8').trim().split('\n').map(l => l.replace(':', '')).join(', ');
const median = xs => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const of = op => lines.filter(l => l.operation === op);
const row = op => ({ rps: median(of(op).map(l => l.requestsPerSecond)), p99: median(of(op).map(l => l.latencyP99Ms)), all: of(op).map(l => l.requestsPerSecond).join(' / '), bad: of(op).reduce((n, l) => n + l.non2xx + l.errors + l.timeouts, 0) });
const c = row('catalog'), t = row('typename');
console.log(`${machine.date}, commit ${machine.commit}, ${machine.cpus} CPUs, load average at start ${machine.load_start}, per run ${Object.keys(machine).filter(k => k.startsWith('load_run_')).map(k => machine[k].split(' ')[0]).join(' / ')}, at end ${machine.load_end}.`);
console.log(`\`${machine.command}\`; the API healthy after ${machine.healthy_after_s} s, the demo catalog searchable after ${machine.seeded_after_s} s.\n`);
console.log('| query | median req/s | median p99 | runs (req/s) | non-2xx/errors | target |');
console.log('|---|---:|---:|---|---:|---|');
console.log(`| products(first: 20) name, price, stock, rating | ${c.rps} | ${c.p99} ms | ${c.all} | ${c.bad} | >= 5,000 req/s, p99 < 20 ms: ${c.rps >= 5000 && c.p99 < 20 ? 'met' : 'NOT met'} |`);
console.log(`| { __typename } (same server, baseline) | ${t.rps} | ${t.p99} ms | ${t.all} | ${t.bad} | |`);
console.log(`\nCatalog / baseline: ${(c.rps / t.rps).toFixed(2)}x. Server memory at the end (${memory}); VmHWM is the peak resident set since start, seeding included.`);
JS
if [ -n "${PROFILE_S:-}" ]; then
  node bench/js/profile-summary.mjs "$out/catalog.speedscope.json"
fi
log "raw results in $out"
