#!/usr/bin/env bash
# Where observability costs: the catalog query (`products(first: 20)`, as bench/run-shop-catalog.sh) on two servers of one
# build at the same time, one with telemetry off (no exporter) and one under a telemetry configuration, loaded together by
# two autocannon instances for the same seconds, so whatever else runs on the machine (other builds, tests) takes from
# both alike; the pair's sides swap ports every round. Each server starts on a copy of one seeded data directory (no run
# pays for seeding) and is warmed before the timed run. Reports per configuration the median req/s and the server
# process's own CPU per request (utime+stime from /proc/PID/stat around the timed run), each as on/off within the pair,
# and the CPU the OTLP sink used (it shares the cores).
#   bench/run-telemetry-parts.sh                     # the configurations below, 3 rounds of 15 s
#   ROUNDS=5 DURATION=20 bench/run-telemetry-parts.sh
#   CONFIGS_FILE=my-configs.txt bench/run-telemetry-parts.sh   # lines "label|ENV=value ENV=value"
#   API_PORTS="61511 61521" SILO_PORTS="61131 61141" SINK_PORT=61519 bench/run-telemetry-parts.sh   # other ports
# Telemetry goes over OTLP/HTTP to bench/js/otlp-sink.mjs on loopback. Ports: APIs 61311 and 61321 (API_PORTS), sink
# 61319 (SINK_PORT), silos 61111/61112 and 61121/61122 (SILO_PORTS, each silo's gateway on the port after it). Every
# process it starts is stopped by PID; every step is bounded by `timeout`.
set -euo pipefail

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-8}
CONNECTIONS=${CONNECTIONS:-8}
SINK_PORT=${SINK_PORT:-61319}
PRODUCTS=${PRODUCTS:-1000}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
api_dll=${API_DLL:-$root/api/OrleansShop.Api/bin/Release/net10.0/OrleansShop.Api.dll}
out=${OUT:-$(mktemp -d /tmp/telemetry-parts.XXXXXX)}
seeded=$(mktemp -d /tmp/telemetry-parts-seed.XXXXXX)
mkdir -p "$out"
cd "$root"

CATALOG='{ products(first: 20) { nodes { name price { amount currency } stock { available } rating { average count } } } }'
read -r -a ports <<< "${API_PORTS:-61311 61321}"
read -r -a silo_ports <<< "${SILO_PORTS:-61111 61121}"
otlp="OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$SINK_PORT OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf"

if [ -n "${CONFIGS_FILE:-}" ]; then
  mapfile -t configs < "$CONFIGS_FILE"
else
  configs=(
    "defaults|$otlp"
    "metrics only|$otlp OrleansShop__Telemetry__Traces=false OrleansShop__Telemetry__Logs=false"
    "traces only, ratio 0.1|$otlp OrleansShop__Telemetry__Metrics=false OrleansShop__Telemetry__Logs=false OrleansShop__Telemetry__TraceSampleRatio=0.1"
    "traces only, ratio 1|$otlp OrleansShop__Telemetry__Metrics=false OrleansShop__Telemetry__Logs=false OrleansShop__Telemetry__TraceSampleRatio=1"
    "logs only|$otlp OrleansShop__Telemetry__Metrics=false OrleansShop__Telemetry__Traces=false"
    "grain-call spans, ratio 0.1 (traces only)|$otlp OrleansShop__Telemetry__Metrics=false OrleansShop__Telemetry__Logs=false OrleansShop__Telemetry__TraceSampleRatio=0.1 OrleansShop__Telemetry__GrainCallSpans=true"
  )
fi

source "$root/bench/lib/api-server.sh"

pids=("" "") dirs=("" "") sink_pid=
stop_server() { # index
  api_stop "${pids[$1]}" || true
  pids[$1]=
  if [ -n "${dirs[$1]}" ]; then rm -rf "${dirs[$1]}"; dirs[$1]=; fi
}
cleanup() {
  stop_server 0; stop_server 1
  if [ -n "$sink_pid" ]; then kill "$sink_pid" 2>/dev/null || true; fi
  rm -rf "$seeded"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

start_server() { # index data-directory env...
  local i=$1 dir=$2; shift 2
  api_require_free_port "${ports[$i]}" "set API_PORTS"
  api_start "${ports[$i]}" "$dir" "$out/server-$i.log" \
    OrleansShop__Cluster__SiloPort="${silo_ports[$i]}" OrleansShop__Cluster__GatewayPort="$((silo_ports[$i] + 1))" "$@"
  pids[$i]=$api_pid
}
wait_healthy() { # index
  api_wait_healthy "${ports[$1]}" "${pids[$1]}" "$out/server-$1.log" 120
}
load() { # index seconds
  timeout $(($2 + 60)) node bench/js/load.mjs --url "http://127.0.0.1:${ports[$1]}/graphql" --operation catalog --query "$CATALOG" \
    --connections "$CONNECTIONS" --duration "$2" --warmup 0
}

[ -f "$api_dll" ] || { log "no $api_dll (dotnet build -c Release api/OrleansShop.Api)"; exit 1; }
if [ ! -d bench/js/node_modules ]; then timeout 300 npm ci --prefix bench/js --no-audit --no-fund --loglevel=error; fi

log "seeding $PRODUCTS demo products once into $seeded"
start_server 0 "$seeded" OrleansShop__Demo__Seed=true OrleansShop__Demo__Products="$PRODUCTS"
wait_healthy 0
api_wait_searchable "${ports[0]}" "${pids[0]}" "$out/server-0.log" "$PRODUCTS" 300
stop_server 0 # dirs[0] is unset here, so the seeded directory stays

node bench/js/otlp-sink.mjs --port "$SINK_PORT" --seconds 7200 > "$out/sink.json" &
sink_pid=$!

{
  echo "date=$(date -u +'%Y-%m-%d %H:%M UTC')"
  echo "commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- api grains silo providers 2>/dev/null || echo ' with uncommitted changes')"
  echo "cpus=$(nproc)"
  echo "command=ROUNDS=$ROUNDS DURATION=$DURATION WARMUP=$WARMUP CONNECTIONS=$CONNECTIONS bench/run-telemetry-parts.sh"
} > "$out/machine.txt"
: > "$out/runs.jsonl"
hz=$(getconf CLK_TCK)
for round in $(seq 1 "$ROUNDS"); do
  for entry in "${configs[@]}"; do
    label=${entry%%|*}
    settings=${entry#*|}
    on=$((round % 2)) # which port the telemetry side gets this round
    off=$((1 - on))
    for i in 0 1; do dirs[$i]=$(api_copy_data "$seeded" /tmp/telemetry-parts-data.XXXXXX); done
    start_server "$off" "${dirs[$off]}" OrleansShop__Demo__Seed=false
    # shellcheck disable=SC2086
    start_server "$on" "${dirs[$on]}" OrleansShop__Demo__Seed=false $settings
    wait_healthy 0; wait_healthy 1
    load 0 "$WARMUP" > /dev/null & w0=$!
    load 1 "$WARMUP" > /dev/null & w1=$!
    wait "$w0" "$w1"
    avg=$(cut -d' ' -f1 /proc/loadavg)
    b0=$(cpu_ticks "${pids[0]}"); b1=$(cpu_ticks "${pids[1]}"); sb=$(cpu_ticks "$sink_pid")
    load 0 "$DURATION" > "$out/r0.json" & l0=$!
    load 1 "$DURATION" > "$out/r1.json" & l1=$!
    wait "$l0" "$l1"
    a0=$(cpu_ticks "${pids[0]}"); a1=$(cpu_ticks "${pids[1]}"); sa=$(cpu_ticks "$sink_pid")
    stop_server 0; stop_server 1
    cpu=("$((a0 - b0))" "$((a1 - b1))")
    node -e '
      const fs = require("fs");
      const [label, round, load, on, off, cpuOn, cpuOff, sink, hz, duration, out] = process.argv.slice(1);
      const r = (i) => JSON.parse(fs.readFileSync(`${out}/r${i}.json`, "utf8"));
      const side = (x, cpu) => ({ rps: x.requestsPerSecond, p99: x.latencyP99Ms, bad: x.non2xx + x.errors + x.timeouts,
        cpuMsPerRequest: (Number(cpu) * 1000 / Number(hz)) / (x.requestsPerSecond * Number(duration)) });
      console.log(JSON.stringify({ label, round: Number(round), load: Number(load), on: side(r(on), cpuOn), off: side(r(off), cpuOff),
        sinkCpuMs: Number(sink) * 1000 / Number(hz) }));' \
      "$label" "$round" "$avg" "$on" "$off" "${cpu[$on]}" "${cpu[$off]}" "$((sa - sb))" "$hz" "$DURATION" "$out" >> "$out/runs.jsonl"
    log "round $round/$ROUNDS: $(tail -n 1 "$out/runs.jsonl")"
  done
done
kill "$sink_pid"; wait "$sink_pid" 2>/dev/null || true; sink_pid=

node - "$out" <<'JS'
const fs = require('fs');
const out = process.argv[2];
const runs = fs.readFileSync(`${out}/runs.jsonl`, 'utf8').trim().split('\n').map(JSON.parse);
const machine = Object.fromEntries(fs.readFileSync(`${out}/machine.txt`, 'utf8').trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const labels = [...new Set(runs.map((r) => r.label))];
const loads = runs.map((r) => r.load);
console.log(`${machine.date}, commit ${machine.commit}, ${machine.cpus} CPUs, 1-min load average ${Math.min(...loads)}–${Math.max(...loads)} at the measurements; \`${machine.command}\`.\n`);
console.log('| configuration (on) beside off, same seconds | median req/s on / off | median of on/off req/s ratios | CPU per request on / off | median of on/off CPU ratios | sink CPU per run | rounds: req/s on/off |');
console.log('|---|---:|---:|---:|---:|---:|---|');
for (const label of labels) {
  const rs = runs.filter((r) => r.label === label);
  const m = (f) => median(rs.map(f));
  console.log(`| ${label} | ${m((r) => r.on.rps)} / ${m((r) => r.off.rps)} | ${m((r) => r.on.rps / r.off.rps).toFixed(2)}x | ${m((r) => r.on.cpuMsPerRequest).toFixed(2)} / ${m((r) => r.off.cpuMsPerRequest).toFixed(2)} ms | ${m((r) => r.on.cpuMsPerRequest / r.off.cpuMsPerRequest).toFixed(2)}x | ${m((r) => r.sinkCpuMs).toFixed(0)} ms | ${rs.map((r) => `${r.on.rps}/${r.off.rps}`).join(', ')} |`);
}
console.log(`\nSink received: ${fs.readFileSync(`${out}/sink.json`, 'utf8').trim()}`);
JS
log "raw results in $out"
