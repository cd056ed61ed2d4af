#!/usr/bin/env bash
# What observability costs: the catalog and checkout benchmarks on one build with telemetry off (no OTLP endpoint, the
# default) and on (traces, metrics and logs exported over OTLP/HTTP to bench/js/otlp-sink.mjs on loopback, which
# accepts and counts them; OrleansShop:Telemetry's defaults), alternating, through bench/run-e2e-compare.sh; prints its
# tables and what the sink received. Where the cost is, part by part: bench/run-telemetry-parts.sh.
#   bench/run-telemetry-cost.sh                        # Release build of this checkout (build it first)
#   ROUNDS=3 BENCHES="catalog checkout" LOAD_MAX=3 bench/run-telemetry-cost.sh
#   TELEMETRY_ENV="OrleansShop__Telemetry__TraceSampleRatio=1 OrleansShop__Telemetry__GrainCallSpans=true" bench/run-telemetry-cost.sh
#                                                      # more settings for the telemetry-on side (here: every trace, grain calls as spans)
#   SETTLE=0 bench/run-telemetry-cost.sh               # measure from a cold start instead (default: 45 s of untimed load first;
#                                                      # with telemetry on, the JIT takes longer to reach steady state)
#   COUNTERS=1 bench/run-telemetry-cost.sh             # also the server's allocation, GCs and CPU per catalog request, each
#                                                      # side's median (bench/js/counters-per-request.mjs; needs dotnet-counters)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SINK_PORT=${SINK_PORT:-4319}
dll=${API_DLL:-$root/api/OrleansShop.Api/bin/Release/net10.0/OrleansShop.Api.dll}
out=${OUT:-$(mktemp -d /tmp/telemetry-cost.XXXXXX)}
mkdir -p "$out"
cd "$root"
# Untimed load on each server before its runs: from a cold start the "on" side spends its first 30-40 s of load slower
# (more code to compile to tier 1), which a 2 s warm-up measured as a third of the catalog's throughput.
export SETTLE=${SETTLE:-45}

node bench/js/otlp-sink.mjs --port "$SINK_PORT" --seconds 7200 > "$out/sink.json" &
sink=$!
trap 'kill "$sink" 2>/dev/null || true' EXIT

OUT=$out OLD_DLL=$dll NEW_DLL=$dll OLD_LABEL="telemetry off" NEW_LABEL="telemetry on (OTLP)" \
  NEW_ENV="OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$SINK_PORT OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf ${TELEMETRY_ENV:-}" \
  bench/run-e2e-compare.sh

kill "$sink"
wait "$sink" 2>/dev/null || true
echo
echo "OTLP sink received: $(cat "$out/sink.json")"
if [ -n "${COUNTERS:-}" ]; then
  echo
  node - "$out" <<'JS'
const fs = require('fs');
const out = process.argv[2];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const side = (name) => fs.readdirSync(out).filter((d) => d.startsWith(`catalog-${name}-`) && fs.existsSync(`${out}/${d}/counters.json`))
  .map((d) => JSON.parse(fs.readFileSync(`${out}/${d}/counters.json`, 'utf8')));
const off = side('old'), on = side('new');
console.log(`| catalog, per request (median of ${off.length} off / ${on.length} on runs) | telemetry off | telemetry on | on / off |`);
console.log('|---|---:|---:|---:|');
for (const key of Object.keys(off[0] ?? {}).filter((k) => k !== 'seconds')) {
  const a = median(off.map((r) => r[key])), b = median(on.map((r) => r[key]));
  const shown = (x) => (Number.isInteger(x) ? x : +x.toFixed(3));
  console.log(`| ${key} | ${shown(a)} | ${shown(b)} | ${a ? `${(b / a).toFixed(2)}x` : 'n/a'} |`);
}
JS
fi
