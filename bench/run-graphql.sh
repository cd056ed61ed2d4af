#!/usr/bin/env bash
# The GraphQL benchmark suite in one command; prints a markdown report to paste into bench/RESULTS.md.
#   bench/run-graphql.sh                 # 3 interleaved runs of each HTTP case, 10 s each after a 2 s warm-up
#   RUNS=5 DURATION=15 bench/run-graphql.sh
#   SKIP_BUILD=1 SKIP_MICRO=1 bench/run-graphql.sh   # HTTP only, with what is already built
#   SERVER_CPUS=1 CLIENT_CPUS=0 bench/run-graphql.sh  # pin both servers to one core and autocannon to another (taskset),
#                                                     # so the multi-threaded .NET server gets no more CPU than Node
# Phases: Release build; in-process execution and parsing (BenchmarkDotNet short job against graphql-js timed in node);
# HTTP load with autocannon against our load server and a graphql-js + graphql-http server, both on 127.0.0.1 only.
# Every process it starts is stopped by PID when it exits, and every step is bounded by `timeout`.
set -euo pipefail

RUNS=${RUNS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-2}
CONNECTIONS=${CONNECTIONS:-16}
BDN_ITERATIONS=${BDN_ITERATIONS:-9}   # short job's 3 iterations are too few on a busy machine; the median of 9 holds up better
OURS_PORT=${OURS_PORT:-5301}
NODE_PORT=${NODE_PORT:-5302}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${OUT:-$(mktemp -d /tmp/graphql-bench.XXXXXX)}
mkdir -p "$out"
cd "$root"

# Optional CPU pinning; empty means no pinning (the .NET server then uses every core, Node one).
server_pin=()
client_pin=()
[ -n "${SERVER_CPUS:-}" ] && server_pin=(taskset -c "$SERVER_CPUS")
[ -n "${CLIENT_CPUS:-}" ] && client_pin=(taskset -c "$CLIENT_CPUS")

pids=()
stop_servers() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    timeout 10 tail --pid="$pid" -f /dev/null 2>/dev/null || kill -9 "$pid" 2>/dev/null || true
  done
  pids=()
}
trap stop_servers EXIT
trap 'exit 130' INT TERM

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
load_average() { cut -d' ' -f1 /proc/loadavg; }
note() { printf '%s=%s\n' "$1" "$2" >> "$out/machine.txt"; }

server_dll=bench/OrleansShop.GraphQL.LoadServer/bin/Release/net10.0/OrleansShop.GraphQL.LoadServer.dll
bench_dll=bench/OrleansShop.Benchmarks/bin/Release/net10.0/OrleansShop.Benchmarks.dll

: > "$out/machine.txt"
note date "$(date -u +'%Y-%m-%d %H:%M UTC')"
note command "RUNS=$RUNS DURATION=$DURATION WARMUP=$WARMUP bench/run-graphql.sh"
note cpus "$(nproc)"
note cpu "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//' || true)"
note dotnet "$(dotnet --version)"
note node "$(node --version)"
# The engine is measured as built from the working tree; say so when it differs from the commit.
note engine "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- graphql 2>/dev/null || echo ' with uncommitted changes under graphql/')"
note runs "$RUNS"
note duration "$DURATION"
note warmup "$WARMUP"
note connections "$CONNECTIONS"
note bdnIterations "$BDN_ITERATIONS"
note pinning "${SERVER_CPUS:+servers on CPU $SERVER_CPUS, }${CLIENT_CPUS:+autocannon on CPU $CLIENT_CPUS}"
note load_build "$(load_average)"

# --- Build --------------------------------------------------------------------------------------------------------
if [ ! -d bench/js/node_modules ] || [ bench/js/package-lock.json -nt bench/js/node_modules/.package-lock.json ]; then
  log "npm ci (bench/js)"
  timeout 300 npm ci --prefix bench/js --no-audit --no-fund --loglevel=error
fi
note graphqljs "$(node -p "require('./bench/js/node_modules/graphql/package.json').version")"
note autocannon "$(node -p "require('./bench/js/node_modules/autocannon/package.json').version")"
# The load server needs only the GraphQL projects; the benchmarks project also builds the runtime, so HTTP-only runs
# (SKIP_MICRO=1) do not depend on it.
build() {
  log "dotnet build -c Release $1"
  timeout 900 dotnet build -c Release --nologo -v quiet "$1" >> "$out/build.log" 2>&1 || { tail -30 "$out/build.log" >&2; exit 1; }
}
if [ -z "${SKIP_BUILD:-}" ]; then
  build bench/OrleansShop.GraphQL.LoadServer/OrleansShop.GraphQL.LoadServer.csproj
  [ -n "${SKIP_MICRO:-}" ] || build bench/OrleansShop.Benchmarks/OrleansShop.Benchmarks.csproj
fi

# --- In process: execution and parsing ------------------------------------------------------------------------------
if [ -z "${SKIP_MICRO:-}" ]; then
  note load_micro "$(load_average)"
  log "BenchmarkDotNet: ExecutionBenchmarks and ParsingBenchmarks (short job, in process)"
  timeout 900 dotnet "$bench_dll" --filter '*ExecutionBenchmarks*' '*ParsingBenchmarks*' --job short --iterationCount "$BDN_ITERATIONS" --inProcess \
    --exporters json --artifacts "$out/bdn" > "$out/bdn.log" 2>&1 || { tail -30 "$out/bdn.log" >&2; exit 1; }
  log "graphql-js execute"
  timeout 300 node bench/js/execute-bench.mjs > "$out/execute-js.jsonl"
  log "graphql-js parse"
  if [ ! -d tests/js/node_modules ]; then
    timeout 300 npm ci --prefix tests/js --no-audit --no-fund --loglevel=error
  fi
  timeout 300 node tests/js/bench/parse-bench.mjs > "$out/parse-js.txt"
fi

# --- Over HTTP -----------------------------------------------------------------------------------------------------
# Fails unless the server we started (not some other process on the port) answers within 60 s.
wait_ready() {
  local pid=$1 url=$2 deadline=$((SECONDS + 60))
  until curl -fsS -o /dev/null -X POST -H 'content-type: application/json' -d '{"query":"{ __typename }"}' "$url" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "the server for $url exited; see $out/*-server.log"
      exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      log "$url did not answer within 60 s"
      exit 1
    fi
    sleep 0.5
  done
}

note load_http "$(load_average)"
for port in "$OURS_PORT" "$NODE_PORT"; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    log "127.0.0.1:$port is already in use; stop that process or set OURS_PORT/NODE_PORT"
    exit 1
  fi
done
log "starting the load server on 127.0.0.1:$OURS_PORT and the Node server on 127.0.0.1:$NODE_PORT"
ours="http://127.0.0.1:$OURS_PORT"
node="http://127.0.0.1:$NODE_PORT"
"${server_pin[@]}" dotnet "$server_dll" --urls "$ours" > "$out/ours-server.log" 2>&1 &
ours_pid=$!
pids+=("$ours_pid")
NODE_ENV=production "${server_pin[@]}" node bench/js/node-server.mjs --port "$NODE_PORT" > "$out/node-server.log" 2>&1 &
node_pid=$!
pids+=("$node_pid")
wait_ready "$ours_pid" "$ours/graphql"
wait_ready "$node_pid" "$node/graphql"

timeout 60 node bench/js/check-same.mjs "$ours/graphql" "$node/graphql" > "$out/check-same.txt" 2>&1 || log "the servers answer differently: see $out/check-same.txt"

cases=(
  "ours $ours/graphql productList"
  "node $node/graphql productList"
  "ours $ours/graphql categoryChain"
  "node $node/graphql categoryChain"
  "ours $ours/graphql introspection"
  "node $node/graphql introspection"
  "ours $ours/graphql typeName"
  "bare $ours/bare typeName"
)
: > "$out/load.jsonl"
# One unrecorded pass first, so that tiered JIT and PGO have settled in both servers before any figure is kept.
for case in "${cases[@]}"; do
  read -r server url operation <<< "$case"
  log "settling: $server $operation"
  timeout $((WARMUP + 60)) "${client_pin[@]}" node bench/js/load.mjs --server "$server" --url "$url" --operation "$operation" \
    --connections "$CONNECTIONS" --duration "$WARMUP" --warmup 0 > /dev/null
done
for run in $(seq 1 "$RUNS"); do
  for case in "${cases[@]}"; do
    read -r server url operation <<< "$case"
    log "run $run/$RUNS: $server $operation"
    timeout $((WARMUP + DURATION + 60)) "${client_pin[@]}" node bench/js/load.mjs --server "$server" --url "$url" --operation "$operation" \
      --connections "$CONNECTIONS" --duration "$DURATION" --warmup "$WARMUP" >> "$out/load.jsonl"
  done
done
stop_servers
note load_end "$(load_average)"

node bench/js/report.mjs "$out" | tee "$out/report.md"
log "raw results in $out"
