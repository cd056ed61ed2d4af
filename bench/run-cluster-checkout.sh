#!/usr/bin/env bash
# Checkout plus card payment through HAProxy against a real local cluster (deploy/local/cluster.sh: PostgreSQL, API
# processes each co-hosting a silo) of 1, 2 and 3 nodes, bounded, on 127.0.0.1 only.
#   bench/run-cluster-checkout.sh     # Release build; per node count 20 s of warm-up load, then 3 runs of 10 s (3 s warm-up)
#   RUNS=1 DURATION=5 WARMUP=1 NODE_COUNTS="1 3" bench/run-cluster-checkout.sh
#   SKIP_BUILD=1 SHOPPERS=64 bench/run-cluster-checkout.sh
# Each node count gets a fresh cluster (new database) with rate limiting off and no demo seed; products with ample
# stock and one card token are created once per cluster. Reports the median completed orders/s and p99 of a completed
# order (addCartItem + checkout + payOrder) per node count. After every run it asks the shop itself, as an admin through
# GraphQL (bench/js/verify-store.mjs; Orleans keeps grain state in its binary format, not readable from SQL): every
# order the load generator saw paid is stored once, paid, for its product; per product on hand + the paid orders'
# quantities = the initial stock, reserved = the unpaid orders' quantities, nothing oversold. Exits 1 if a check fails. Every process is started and stopped by deploy/local/cluster.sh, by PID; every wait is bounded.
set -euo pipefail

RUNS=${RUNS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
CLUSTER_WARMUP=${CLUSTER_WARMUP:-20}
SHOPPERS=${SHOPPERS:-32}
PRODUCTS=${PRODUCTS:-20}
STOCK=${STOCK:-1000000}
NODE_COUNTS=${NODE_COUNTS:-1 2 3}
# Ports apart from deploy/local's defaults, so that a cluster someone runs by hand is left alone.
export LB_PORT=${LB_PORT:-5400}
export HTTP_PORT_BASE=${HTTP_PORT_BASE:-5401}
export SILO_PORT_BASE=${SILO_PORT_BASE:-11411}
export PG_PORT=${PG_PORT:-5490}

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${OUT:-$(mktemp -d /tmp/cluster-checkout-bench.XXXXXX)}
cd "$root"
source "$root/bench/lib/local-cluster.sh"
prepare_cluster_bench

# CPU time (utime + stime, clock ticks) of the cluster's processes: the nodes, HAProxy, and PostgreSQL's postmaster
# with its backends (pooled connections live across a run). Prints "nodes haproxy postgres".
cluster_cpu_ticks() {
  local nodes=0 haproxy=0 postgres=0 name pid t postmaster
  while read -r name pid; do
    t=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    if [ "$name" = haproxy ]; then haproxy=$((haproxy + t)); else nodes=$((nodes + t)); fi
  done < "$run_dir/pids"
  postmaster=$(head -n 1 "$run_dir/pg/data/postmaster.pid" 2>/dev/null || true)
  if [ -n "$postmaster" ]; then
    for pid in "$postmaster" $(pgrep -P "$postmaster" || true); do
      t=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
      postgres=$((postgres + t))
    done
  fi
  echo "$nodes $haproxy $postgres"
}
ticks_per_second=$(getconf CLK_TCK)
to_ms() { echo $(( ($1 - $2) * 1000 / ticks_per_second )); }

# Requests per node from HAProxy's statistics (CSV), e.g. "node1=812 node2=809": shows the balancing happened.
requests_per_node() {
  curl -fsS -m 5 "http://127.0.0.1:$LB_PORT/haproxy-stats;csv" 2>/dev/null | awk -F, '
    NR == 1 { for (i = 1; i <= NF; i++) { h = $i; sub(/^# /, "", h); col[h] = i }; next }
    $1 == "graphql" && $2 ~ /^node/ { v = $(col["req_tot"]); if (v == "") v = $(col["stot"]); printf "%s%s=%s", sep, $2, v; sep = " " }'
}

verify() { # run dir, setup file: prints the check's line; returns 1 if a check fails
  local dir=$1 line attempt
  # A request that timed out at the client may still finish on the server, and the admin order list (a read model) may
  # lag by under a second: settle, bounded, before calling it wrong.
  for attempt in 1 2 3; do
    if line=$(timeout 300 node bench/js/verify-store.mjs --url "http://127.0.0.1:$LB_PORT" --admin-email "$admin_email" \
        --admin-password "$admin_password" --setup-file "$2" --stock "$STOCK" "$dir"/orders-*.txt 2>&1); then
      echo "ok $line"
      return 0
    fi
    [ "$attempt" -lt 3 ] && sleep 5
  done
  echo "FAILED $line"
  return 1
}

failed=0
: > "$out/summary.jsonl"
for nodes in $NODE_COUNTS; do
  run_dir=$out/nodes-$nodes
  log "starting a cluster of $nodes node(s) in $run_dir"
  RUN_DIR=$run_dir NODES=$nodes timeout 600 "$cluster" start > "$out/start-$nodes.log" 2>&1 \
    || { cat "$out/start-$nodes.log" >&2; exit 1; }
  if [ "$CLUSTER_WARMUP" -gt 0 ]; then
    # Fresh processes spend their first seconds compiling (tiered JIT): measured on 3 nodes, 7.5 of 19.3 s of the
    # nodes' CPU in a 15 s run right after start went to the tiered-compilation thread. Its orders are checked too.
    log "$nodes node(s): ${CLUSTER_WARMUP}s of unmeasured load to warm the processes up"
    timeout $((CLUSTER_WARMUP + 300)) node bench/js/checkout-load.mjs --url "http://127.0.0.1:$LB_PORT" \
      --admin-email "$admin_email" --admin-password "$admin_password" --shoppers "$SHOPPERS" --products "$PRODUCTS" \
      --stock "$STOCK" --duration "$CLUSTER_WARMUP" --warmup 0 --setup-file "$run_dir/setup.json" \
      --orders-file "$run_dir/orders-0.txt" > "$run_dir/warmup.json"
  fi
  for run in $(seq 1 "$RUNS"); do
    log "$nodes node(s), run $run/$RUNS: $SHOPPERS shoppers, ${WARMUP}s warm-up, ${DURATION}s"
    before=$(requests_per_node)
    read -r cpu_nodes cpu_haproxy cpu_pg < <(cluster_cpu_ticks)
    result=$(timeout $((DURATION + WARMUP + 300)) node bench/js/checkout-load.mjs --url "http://127.0.0.1:$LB_PORT" \
      --admin-email "$admin_email" --admin-password "$admin_password" --shoppers "$SHOPPERS" --products "$PRODUCTS" \
      --stock "$STOCK" --duration "$DURATION" --warmup "$WARMUP" --setup-file "$run_dir/setup.json" \
      --orders-file "$run_dir/orders-$run.txt")
    read -r cpu_nodes1 cpu_haproxy1 cpu_pg1 < <(cluster_cpu_ticks)
    cpu_ms="$(to_ms "$cpu_nodes1" "$cpu_nodes") $(to_ms "$cpu_haproxy1" "$cpu_haproxy") $(to_ms "$cpu_pg1" "$cpu_pg")"
    after=$(requests_per_node)
    check=$(verify "$run_dir" "$run_dir/setup.json") || failed=1
    log "$result"
    log "requests per node (total so far): $after (before the run: ${before:-none}); CPU ms (nodes haproxy postgres): $cpu_ms"
    log "check: $check"
    # shellcheck disable=SC2016 # JavaScript, not shell
    node -e '
      const r = JSON.parse(process.argv[1]);
      // The CPU covers the whole invocation, warm-up included: divided by every order served in it.
      const [nodesMs, haproxyMs, postgresMs] = process.argv[6].split(" ").map(Number);
      const perOrder = (ms) => ms / Math.max(1, r.orders + r.warmupOrders);
      console.log(JSON.stringify({ nodes: Number(process.argv[2]), run: Number(process.argv[3]), ...r, check: process.argv[4],
        perNode: process.argv[5], cpuMsPerOrder: { nodes: perOrder(nodesMs), haproxy: perOrder(haproxyMs), postgres: perOrder(postgresMs) } }));' \
      "$result" "$nodes" "$run" "$check" "$after" "$cpu_ms" >> "$out/summary.jsonl"
  done
  stop_cluster
done

# shellcheck disable=SC2016 # JavaScript, not shell
node -e '
const runs = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
console.log("| nodes | median orders/s | runs (orders/s) | median p50 ms | median p99 ms | median CPU ms per order: nodes / HAProxy / PostgreSQL | errors | store check |");
console.log("|---:|---:|---|---:|---:|---|---|---|");
for (const nodes of [...new Set(runs.map((r) => r.nodes))]) {
  const rs = runs.filter((r) => r.nodes === nodes);
  const checks = rs.every((r) => r.check.startsWith("ok")) ? "ok" : "FAILED";
  const cpu = ["nodes", "haproxy", "postgres"].map((k) => median(rs.map((r) => r.cpuMsPerOrder[k])).toFixed(2)).join(" / ");
  console.log(`| ${nodes} | ${median(rs.map((r) => r.ordersPerSecond)).toFixed(0)} | ${rs.map((r) => r.ordersPerSecond.toFixed(0)).join(", ")} | ${median(rs.map((r) => r.p50)).toFixed(1)} | ${median(rs.map((r) => r.p99)).toFixed(1)} | ${cpu} | ${rs.map((r) => r.errors).join(", ")} | ${checks} |`);
}
const firstError = runs.find((r) => r.firstError);
if (firstError) console.log(`first error (${firstError.nodes} node(s), run ${firstError.run}): ${firstError.firstError}`);
for (const r of runs.filter((r) => Object.keys(r.errorKinds ?? {}).length)) console.log(`errors by kind (${r.nodes} node(s), run ${r.run}): ${JSON.stringify(r.errorKinds)}`);
' "$out/summary.jsonl"
echo "Command: RUNS=$RUNS DURATION=$DURATION WARMUP=$WARMUP CLUSTER_WARMUP=$CLUSTER_WARMUP SHOPPERS=$SHOPPERS PRODUCTS=$PRODUCTS NODE_COUNTS=\"$NODE_COUNTS\" bench/run-cluster-checkout.sh"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
echo "details (per run: $out/summary.jsonl; logs: $out/nodes-*/): $out"
exit $failed
