#!/usr/bin/env bash
# The old runtime against Orleans in the same run, on the embedded default (SQLite): the catalog query
# (bench/run-shop-catalog.sh) and checkout + card payment (bench/run-shop-checkout.sh), alternating old / new, one
# measured run per server start, ROUNDS rounds; medians and new/old ratios. Before each measurement it waits until the
# 1-minute load average is below LOAD_MAX (polled every 20 s, at most LOAD_WAIT_S), and records the load either way.
#   OLD_DLL=/work/old-runtime/api/OrleansShop.Api/bin/Release/net10.0/OrleansShop.Api.dll bench/run-e2e-compare.sh
#   ROUNDS=3 BENCHES="catalog checkout" LOAD_MAX=3 LOAD_WAIT_S=2400 NEW_DLL=... bench/run-e2e-compare.sh
# OLD_ENV / NEW_ENV add environment settings to one side, OLD_LABEL / NEW_LABEL name the columns; so one build can be
# compared with itself under two configurations, e.g. the Orleans dashboard on and off:
#   OLD_DLL=$PWD/api/OrleansShop.Api/bin/Release/net10.0/OrleansShop.Api.dll OLD_LABEL="dashboard on" \
#   NEW_ENV=OrleansShop__Dashboard__Enabled=false NEW_LABEL="dashboard off" bench/run-e2e-compare.sh
# Both builds must exist (Release); this script builds nothing. Every server is started and stopped by PID by the
# scripts it calls.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROUNDS=${ROUNDS:-3}
BENCHES=${BENCHES:-catalog checkout}
LOAD_MAX=${LOAD_MAX:-3}
LOAD_WAIT_S=${LOAD_WAIT_S:-2400}
OLD_DLL=${OLD_DLL:?set OLD_DLL to the old runtime build\'s OrleansShop.Api.dll}
OLD_ENV=${OLD_ENV:-}
NEW_ENV=${NEW_ENV:-}
export OLD_LABEL=${OLD_LABEL:-old runtime}
export NEW_LABEL=${NEW_LABEL:-Orleans}
NEW_DLL=${NEW_DLL:-$root/api/OrleansShop.Api/bin/Release/net10.0/OrleansShop.Api.dll}
out=${OUT:-$(mktemp -d /tmp/e2e-compare.XXXXXX)}
mkdir -p "$out"
cd "$root"
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
for dll in "$OLD_DLL" "$NEW_DLL"; do [ -f "$dll" ] || { log "no $dll"; exit 1; }; done

wait_for_load() {
  local waited=0 load
  while :; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    if awk -v l="$load" -v m="$LOAD_MAX" 'BEGIN { exit !(l < m) }'; then break; fi
    if [ "$waited" -ge "$LOAD_WAIT_S" ]; then log "load $load still >= $LOAD_MAX after ${waited}s: measuring anyway"; break; fi
    sleep 20
    waited=$((waited + 20))
  done
  echo "$load waited=${waited}s"
}

: > "$out/runs.jsonl"
for bench in $BENCHES; do
  for round in $(seq 1 "$ROUNDS"); do
    for side in old new; do
      dll=$OLD_DLL side_env=$OLD_ENV
      [ "$side" = new ] && dll=$NEW_DLL side_env=$NEW_ENV
      dir=$out/$bench-$side-$round
      load=$(wait_for_load)
      log "$bench, round $round/$ROUNDS, $side (load $load)"
      env $side_env OUT=$dir API_DLL=$dll RUNS=1 timeout 900 "bench/run-shop-$bench.sh" > "$dir.txt" 2> "$dir.err" || { tail -20 "$dir.err" >&2; exit 1; }
      if [ "$bench" = catalog ]; then
        node -e '
          const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
          const c = lines.find((l) => l.operation === "catalog"), t = lines.find((l) => l.operation === "typename");
          console.log(JSON.stringify({ bench: "catalog", side: process.argv[2], round: Number(process.argv[3]), load: process.argv[4],
            rps: c.requestsPerSecond, p99: c.latencyP99Ms, bad: c.non2xx + c.errors + c.timeouts, typenameRps: t.requestsPerSecond }));' \
          "$dir/load.jsonl" "$side" "$round" "$load" >> "$out/runs.jsonl"
      else
        node -e '
          const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n")[0]);
          console.log(JSON.stringify({ bench: "checkout", side: process.argv[2], round: Number(process.argv[3]), load: process.argv[4],
            ordersPerSecond: r.ordersPerSecond, p50: r.p50, p99: r.p99, errors: r.errors, cpuMsPerOrder: r.serverCpuMsPerOrder }));' \
          "$dir/runs.jsonl" "$side" "$round" "$load" >> "$out/runs.jsonl"
      fi
      tail -n 1 "$out/runs.jsonl" >&2
    done
  done
done

node -e '
const runs = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const of = (bench, side) => runs.filter((r) => r.bench === bench && r.side === side);
const line = (label, key, digits, unit = "") => {
  const [o, n] = ["old", "new"].map((side) => median(of(label, side).map((r) => r[key])));
  return { o, n, text: (v) => v.toFixed(digits) + unit };
};
if (runs.some((r) => r.bench === "catalog")) {
  const { OLD_LABEL: ol, NEW_LABEL: nl } = process.env;
  console.log(`| products(first: 20), embedded | ${ol} | ${nl} | ${nl} / ${ol} |`);
  console.log("|---|---:|---:|---:|");
  for (const [key, label, d, u] of [["rps", "median req/s", 0, ""], ["p99", "median p99", 1, " ms"], ["typenameRps", "{ __typename } median req/s (same servers)", 0, ""]]) {
    const { o, n, text } = line("catalog", key, d, u);
    console.log(`| ${label} | ${text(o)} | ${text(n)} | ${(n / o).toFixed(2)}x |`);
  }
  for (const side of ["old", "new"]) console.log(`| ${side} runs req/s (p99 ms; load) | ${of("catalog", side).map((r) => `${r.rps.toFixed(0)} (${r.p99}; ${r.load.split(" ")[0]})`).join(", ")} | | |`);
  console.log();
}
if (runs.some((r) => r.bench === "checkout")) {
  const { OLD_LABEL: ol, NEW_LABEL: nl } = process.env;
  console.log(`| checkout + card payment, embedded | ${ol} | ${nl} | ${nl} / ${ol} |`);
  console.log("|---|---:|---:|---:|");
  for (const [key, label, d, u] of [["ordersPerSecond", "median orders/s", 0, ""], ["p50", "median p50", 1, " ms"], ["p99", "median p99", 1, " ms"], ["cpuMsPerOrder", "server CPU per order", 2, " ms"]]) {
    const { o, n, text } = line("checkout", key, d, u);
    console.log(`| ${label} | ${text(o)} | ${text(n)} | ${(n / o).toFixed(2)}x |`);
  }
  for (const side of ["old", "new"]) console.log(`| ${side} runs orders/s (errors; load) | ${of("checkout", side).map((r) => `${r.ordersPerSecond.toFixed(0)} (${r.errors}; ${r.load.split(" ")[0]})`).join(", ")} | | |`);
}
' "$out/runs.jsonl"
echo "details: $out"
