#!/usr/bin/env bash
# The storefront's page weight and time to the first product list (issue 11), against the real API process on loopback:
# what headless Chromium downloads for each route on a first visit (JavaScript and CSS as sent, brotli, and the same
# files' gzip and raw sizes from web/dist), and the time from navigation to the first product names on the home and
# search pages, beside a plain HTML page that sends the app's own GraphQL request and lists the names (the floor); cold
# (empty cache) and warm (second visit) loads, RUNS of each, alternating app and floor, medians. Prints a markdown
# report to paste into bench/RESULTS.md.
#   bench/run-web-weight.sh                 # Release build of the API (which builds web/), 9 runs
#   RUNS=15 SKIP_BUILD=1 bench/run-web-weight.sh
# The server gets a fresh temporary data directory (deleted at the end) and the demo catalog; it is stopped by PID;
# every step is bounded by `timeout`.
set -euo pipefail

RUNS=${RUNS:-9}
PORT=${PORT:-5318}
PRODUCTS=${PRODUCTS:-1000}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${OUT:-$(mktemp -d /tmp/web-weight-bench.XXXXXX)}
data=$(mktemp -d /tmp/web-weight-data.XXXXXX)
mkdir -p "$out"
cd "$root"
api_dll=api/OrleansShop.Api/bin/Release/net10.0/OrleansShop.Api.dll

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

: > "$out/machine.txt"
note date "$(date -u +'%Y-%m-%d %H:%M UTC')"
note command "RUNS=$RUNS bench/run-web-weight.sh"
note commit "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- web api 2>/dev/null || echo ' with uncommitted changes')"
note cpus "$(nproc)"
note node "$(node --version)"
note chromium "$(/usr/bin/chromium --version 2>/dev/null | head -1)"
note load_start "$(load_average)"

if [ -z "${SKIP_BUILD:-}" ]; then
  log "dotnet build -c Release api/OrleansShop.Api (runs npm ci and the storefront's build)"
  timeout 1200 dotnet build -c Release --nologo -v quiet api/OrleansShop.Api > "$out/build.log" 2>&1 || { tail -30 "$out/build.log" >&2; exit 1; }
fi
[ -f web/dist/index.html ] || { log "web/dist is missing: build with Node.js installed"; exit 1; }

api_require_free_port "$PORT" "stop that process or set PORT"
log "starting the API on 127.0.0.1:$PORT (data in $data, demo catalog of $PRODUCTS products)"
# Production, as deployed (throwaway secrets); no query budget, so repeated page loads are never refused.
: > "$out/server.log"
api_start "$PORT" "$data" "$out/server.log" OrleansShop__Demo__Seed=true OrleansShop__Demo__Products="$PRODUCTS"
server_pid=$api_pid
started=$SECONDS
api_wait_searchable "$PORT" "$server_pid" "$out/server.log" "$PRODUCTS" 300 "$started"
note seeded_after_s "$((SECONDS - started))"

log "measuring ($RUNS runs)"
timeout $((600 + RUNS * 60)) node web/e2e/page-weight.mjs "http://127.0.0.1:$PORT" "$RUNS" > "$out/weight.json"
note load_end "$(load_average)"
stop_server

node - "$out" <<'JS'
const fs = require('fs');
const out = process.argv[2];
const r = JSON.parse(fs.readFileSync(`${out}/weight.json`, 'utf8'));
const machine = Object.fromEntries(fs.readFileSync(`${out}/machine.txt`, 'utf8').trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
const kb = (n) => (n / 1024).toFixed(1);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const sum = (files, kind, key) => files.filter((f) => f.kind === kind).reduce((n, f) => n + (f[key] ?? 0), 0);

console.log(`${machine.date}, commit ${machine.commit}, ${machine.cpus} CPUs, ${machine.chromium}, Node ${machine.node}; load average ${machine.load_start} at the start, ${machine.load_end} at the end.`);
console.log(`\`${machine.command}\`: the API in Production (Release) with the ${'demo'} catalog, Chromium headless on 127.0.0.1.\n`);
console.log('| route | JS files | JS as sent (brotli) | JS gzip | JS raw | CSS as sent | CSS gzip |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const route of r.routes) {
  const f = route.files;
  const encodings = [...new Set(f.map((x) => x.encoding))].join('/');
  console.log(`| ${route.name} \`${route.path.length > 30 ? route.path.slice(0, 28) + '…' : route.path}\` | ${f.filter((x) => x.kind === 'js').length} | ${kb(sum(f, 'js', 'sent'))} KB${encodings === 'br' ? '' : ` (${encodings})`} | ${kb(sum(f, 'js', 'gz'))} KB | ${kb(sum(f, 'js', 'raw'))} KB | ${kb(sum(f, 'css', 'sent'))} KB | ${kb(sum(f, 'css', 'gz'))} KB |`);
}
const first = r.firstLoadFromIndex;
const js = first.filter((f) => f.path.endsWith('.js'));
console.log(`\nFirst load as index.html names it: ${js.length} script(s), ${kb(js.reduce((n, f) => n + f.br, 0))} KB brotli / ${kb(js.reduce((n, f) => n + f.gz, 0))} KB gzip / ${kb(js.reduce((n, f) => n + f.raw, 0))} KB raw of JavaScript; target under 150 KB compressed: ${js.reduce((n, f) => n + f.gz, 0) < 150 * 1024 ? 'met' : 'NOT met'}.\n`);
console.log(`| time to the first product list (ms since navigation start, median of ${r.runs}; min–max) | app cold | floor cold | app warm | floor warm |`);
console.log('|---|---:|---:|---:|---:|');
const cell = (xs) => `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
for (const [name, t] of Object.entries(r.timing)) {
  console.log(`| ${name} \`${t.path}\` | ${cell(t.app.cold)} | ${cell(t.floor.cold)} | ${cell(t.app.warm)} | ${cell(t.floor.warm)} |`);
}
console.log(`\nApp / floor, cold: ${Object.entries(r.timing).map(([n, t]) => `${n} ${(median(t.app.cold) / median(t.floor.cold)).toFixed(2)}x`).join(', ')}; warm: ${Object.entries(r.timing).map(([n, t]) => `${n} ${(median(t.app.warm) / median(t.floor.warm)).toFixed(2)}x`).join(', ')}. The floor is one HTML page of ${Object.values(r.timing).map((t) => t.floorHtmlBytes).join(' / ')} bytes, no script file.`);
JS
log "raw results in $out"
