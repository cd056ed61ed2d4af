#!/usr/bin/env bash
# Checkout plus card payment against the real API process (embedded mode, SQLite), bounded, on 127.0.0.1 only.
#   bench/run-shop-checkout.sh                       # Release build, 3 runs of 10 s after a 3 s warm-up, 32 shoppers
#   RUNS=5 DURATION=15 SHOPPERS=64 bench/run-shop-checkout.sh
#   SKIP_BUILD=1 bench/run-shop-checkout.sh
#   SETTLE=45 bench/run-shop-checkout.sh             # first that many seconds of untimed checkouts (none by default), so that
#                                                    # the runs measure a server whose JIT tiering is done
# The API runs with rate limiting off and no demo seed on a fresh data directory; products with ample stock and one
# card token are created once before timing. Reports the median completed orders/s, p50/p99 of a completed order
# (addCartItem + checkout + payOrder) and the server's peak working set (VmHWM). Every process it starts is stopped by
# PID, and every step is bounded by `timeout`.
set -euo pipefail

RUNS=${RUNS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
SETTLE=${SETTLE:-0}
SHOPPERS=${SHOPPERS:-32}
PRODUCTS=${PRODUCTS:-20}
PORT=${PORT:-5387}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${OUT:-$(mktemp -d /tmp/shop-checkout-bench.XXXXXX)}
data=$(mktemp -d /tmp/shop-checkout-data.XXXXXX)
mkdir -p "$out"
cd "$root"

source "$root/bench/lib/api-server.sh"

server_pid=""
stop_server() {
  api_stop "$server_pid" || true
  server_pid=""
  rm -rf "$data"
}
trap stop_server EXIT
trap 'exit 130' INT TERM

load_average() { cut -d' ' -f1-3 /proc/loadavg; }

# API_DLL runs another build (e.g. a copy of the previous one) for a before/after comparison; it implies SKIP_BUILD.
api_dll=${API_DLL:-api/OrleansShop.Api/bin/Release/net10.0/OrleansShop.Api.dll}
if [ -z "${SKIP_BUILD:-}" ] && [ -z "${API_DLL:-}" ]; then
  log "dotnet build -c Release api/OrleansShop.Api"
  timeout 900 dotnet build -c Release --nologo -v quiet api/OrleansShop.Api > "$out/build.log" 2>&1 || { tail -30 "$out/build.log" >&2; exit 1; }
fi

api_require_free_port "$PORT" "set PORT"

admin_email=bench-admin@example.com
admin_password=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)
log "starting the API on 127.0.0.1:$PORT (data in $data)"
: > "$out/server.log"
api_start "$PORT" "$data" "$out/server.log" OrleansShop__Demo__Seed=false \
  OrleansShop__Admin__Email="$admin_email" OrleansShop__Admin__Password="$admin_password"
server_pid=$api_pid
api_wait_healthy "$PORT" "$server_pid" "$out/server.log" 60

# utime + stime of the server in clock ticks (fields 14 and 15 of /proc/PID/stat; the name in field 2 has no spaces).
server_cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
ticks_per_second=$(getconf CLK_TCK)

if [ "$SETTLE" -gt 0 ]; then
  log "settling for ${SETTLE}s (JIT, caches)"
  timeout $((SETTLE + 300)) node bench/js/checkout-load.mjs --url "http://127.0.0.1:$PORT" \
    --admin-email "$admin_email" --admin-password "$admin_password" --shoppers "$SHOPPERS" --products "$PRODUCTS" \
    --duration "$SETTLE" --warmup 0 --setup-file "$out/setup.json" > /dev/null
fi

for run in $(seq 1 "$RUNS"); do
  log "run $run/$RUNS: $SHOPPERS shoppers, ${WARMUP}s warm-up, ${DURATION}s"
  cpu_before=$(server_cpu_ticks)
  line=$(timeout $((DURATION + WARMUP + 300)) node bench/js/checkout-load.mjs --url "http://127.0.0.1:$PORT" \
    --admin-email "$admin_email" --admin-password "$admin_password" --shoppers "$SHOPPERS" --products "$PRODUCTS" \
    --duration "$DURATION" --warmup "$WARMUP" --setup-file "$out/setup.json")
  # The server's CPU over the whole invocation (warm-up included) per order served in it; setup is a few requests.
  cpu_ms=$(( ($(server_cpu_ticks) - cpu_before) * 1000 / ticks_per_second ))
  line=$(node -e 'const r = JSON.parse(process.argv[1]); r.serverCpuMs = Number(process.argv[2]); r.serverCpuMsPerOrder = r.serverCpuMs / Math.max(1, r.orders + r.warmupOrders); console.log(JSON.stringify(r));' "$line" "$cpu_ms")
  echo "$line" | tee -a "$out/runs.jsonl" >&2
done

hwm_kb=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
load=$(load_average)
node -e '
const runs = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const f = (x) => x.toFixed(0);
console.log(`runs: ${runs.map((r) => f(r.ordersPerSecond)).join(", ")} orders/s; errors: ${runs.map((r) => r.errors).join(", ")}`);
console.log(`median orders/s: ${f(median(runs.map((r) => r.ordersPerSecond)))}`);
console.log(`server CPU per order: ${runs.map((r) => r.serverCpuMsPerOrder.toFixed(2)).join(", ")} ms; median ${median(runs.map((r) => r.serverCpuMsPerOrder)).toFixed(2)} ms`);
console.log(`median p50 per completed order: ${median(runs.map((r) => r.p50)).toFixed(1)} ms; median p99: ${median(runs.map((r) => r.p99)).toFixed(1)} ms`);
if (runs.some((r) => r.firstError)) console.log(`first error: ${runs.find((r) => r.firstError).firstError}`);
' "$out/runs.jsonl"
echo "server peak working set (VmHWM): $((hwm_kb / 1024)) MiB"
# Where the writes went: the grain state rows by type (Version counts every saved write) and their sizes now.
if command -v sqlite3 > /dev/null && [ -f "$data/orleansshop.db" ]; then
  echo "grain state by type (rows, writes, average and largest payload bytes):"
  timeout 60 sqlite3 -readonly "$data/orleansshop.db" \
    "SELECT GrainType, COUNT(*), SUM(Version), CAST(AVG(LENGTH(Payload)) AS INTEGER), MAX(LENGTH(Payload)) FROM OrleansShopGrainState GROUP BY GrainType ORDER BY 3 DESC;" || true
  echo "reminder rows left: $(timeout 60 sqlite3 -readonly "$data/orleansshop.db" 'SELECT COUNT(*) FROM OrleansShopReminders;' || echo '?')"
fi
echo "load average at the end: $load"
echo "details: $out"
