#!/usr/bin/env bash
# Failover through the shop's API: on a fresh local cluster of 3 nodes (deploy/local/cluster.sh: PostgreSQL, API
# processes each co-hosting a silo), kill -9 node 3 and time, through node 1, the first successful call to a grain that
# lived on node 3 (a product's stock, hash-placed) and the moment all of them answer again (bench/js/failover-probe.mjs).
#   bench/run-cluster-failover.sh                        # Release build, 3 runs, each on a fresh cluster
#   RUNS=1 PRODUCTS=90 SKIP_BUILD=1 bench/run-cluster-failover.sh
#   CLUSTER_ROOT=/work/old-runtime APP_DIR=/tmp/old-app bench/run-cluster-failover.sh
#                                                        # another checkout's cluster.sh and build (e.g. the old runtime)
# Every process is started and stopped by deploy/local/cluster.sh by PID (the killed node is the probe's own kill -9 of
# the PID that script recorded); every wait is bounded; loopback only.
set -euo pipefail

RUNS=${RUNS:-3}
PRODUCTS=${PRODUCTS:-60}
export LB_PORT=${LB_PORT:-5450}
export HTTP_PORT_BASE=${HTTP_PORT_BASE:-5451}
export SILO_PORT_BASE=${SILO_PORT_BASE:-11461}
export GATEWAY_PORT_BASE=${GATEWAY_PORT_BASE:-30061}
export PG_PORT=${PG_PORT:-5491}

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cluster_root=${CLUSTER_ROOT:-$root}
out=${OUT:-$(mktemp -d /tmp/cluster-failover-bench.XXXXXX)}
cd "$root"
source "$root/bench/lib/local-cluster.sh"
prepare_cluster_bench
export NODES=3

: > "$out/runs.jsonl"
for run in $(seq 1 "$RUNS"); do
  run_dir=$out/run-$run
  log "run $run/$RUNS: starting a cluster of 3 nodes in $run_dir (load average $(cut -d' ' -f1 /proc/loadavg))"
  RUN_DIR=$run_dir timeout 600 "$cluster" start > "$out/start-$run.log" 2>&1 || { cat "$out/start-$run.log" >&2; exit 1; }
  node3=$(awk '$1 == "node3" { print $2 }' "$run_dir/pids" | tail -n 1)
  [ -n "$node3" ] || { log "no PID recorded for node3"; exit 1; }
  log "run $run/$RUNS: kill -9 of node3 (PID $node3), polling through node1"
  line=$(timeout 300 node bench/js/failover-probe.mjs --via "http://127.0.0.1:$HTTP_PORT_BASE" \
    --warm "http://127.0.0.1:$((HTTP_PORT_BASE + 1)),http://127.0.0.1:$((HTTP_PORT_BASE + 2))" --kill-pid "$node3" \
    --admin-email "$admin_email" --admin-password "$admin_password" --products "$PRODUCTS")
  log "$line"
  node -e 'console.log(JSON.stringify({ run: Number(process.argv[2]), load: process.argv[3], ...JSON.parse(process.argv[1]) }))' \
    "$line" "$run" "$(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/runs.jsonl"
  stop_cluster
done

node -e '
const runs = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
console.log("| run | grains on the killed node | kill -9 to the first successful call to one of them, ms | to all of them answering, ms | load |");
console.log("|---:|---:|---:|---:|---|");
for (const r of runs) console.log(`| ${r.run} | ${r.onKilledNode} of ${r.products} | ${r.firstRecoveredMs} | ${r.allRecoveredMs} | ${r.load} |`);
console.log(`median: first ${median(runs.map((r) => r.firstRecoveredMs))} ms, all ${median(runs.map((r) => r.allRecoveredMs))} ms`);
' "$out/runs.jsonl"
echo "details: $out"
