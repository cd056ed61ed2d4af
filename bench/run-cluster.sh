#!/usr/bin/env bash
# Silo-to-silo grain calls between two silo processes (tests/OrleansShop.Runtime.TestHost) on loopback, sharing one
# SQLite file for membership: remote ping-grain calls from silo A to grains silo B owns, 1,000 grains called
# concurrently (one worker loop per grain), then the same from A to grains A owns (the in-process baseline); then the
# same 1,000 grains called by CALLERS workers (32: the calls in flight are bounded, so latency is not queueing); then the
# latency of one caller calling one grain in a loop (remote and in-process), since with 1,000 calls always in flight
# the latency is 1,000 / throughput by Little's law; then the time from kill -9 of silo B to the first successful call
# to one of its former grains through A.
#   bench/run-cluster.sh                       # Release build, 3 interleaved runs of 5 s (each after a 1 s warm-up)
#   RUNS=1 DURATION=3 SKIP_BUILD=1 bench/run-cluster.sh
# Every process it starts is stopped by PID; every wait is bounded.
set -euo pipefail

RUNS=${RUNS:-3}
DURATION=${DURATION:-5}
GRAINS=${GRAINS:-1000}
CALLERS=${CALLERS:-32}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d /tmp/cluster-bench.XXXXXX)
cd "$root"
source "$root/bench/lib/testhost-silos.sh"

start_two_silos

echo "## Cluster: remote grain calls between two silo processes"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD), load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
echo "Command: RUNS=$RUNS DURATION=$DURATION GRAINS=$GRAINS CALLERS=$CALLERS bench/run-cluster.sh"
echo
echo "| run | remote calls/s | remote p50 µs | remote p99 µs | in-process calls/s | in-process p50 µs | in-process p99 µs | $CALLERS callers remote calls/s, p50 / p99 µs | $CALLERS callers in-process calls/s, p50 / p99 µs | 1 caller remote p50 / p99 µs | 1 caller in-process p50 / p99 µs |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for run in $(seq 1 "$RUNS"); do
  request a 120 bench remote "$GRAINS" "$DURATION"; remote=$reply
  request a 120 bench local "$GRAINS" "$DURATION"; local_=$reply
  request a 120 bench remote "$GRAINS" "$DURATION" "$CALLERS"; remoteC=$reply
  request a 120 bench local "$GRAINS" "$DURATION" "$CALLERS"; localC=$reply
  request a 120 bench remote 1 "$DURATION"; remote1=$reply
  request a 120 bench local 1 "$DURATION"; local1=$reply
  echo "| $run | $(field rate "$remote") | $(field p50us "$remote") | $(field p99us "$remote") | $(field rate "$local_") | $(field p50us "$local_") | $(field p99us "$local_") | $(field rate "$remoteC"), $(field p50us "$remoteC") / $(field p99us "$remoteC") | $(field rate "$localC"), $(field p50us "$localC") / $(field p99us "$localC") | $(field p50us "$remote1") / $(field p99us "$remote1") | $(field p50us "$local1") / $(field p99us "$local1") |"
done

request a 30 remotekey 1 journal; key=$reply
request a 30 append "$key" before-kill
kill_silo b
request a 90 recover "$key"; recovery=$reply
reap_silo b
echo
echo "kill -9 of silo B to the first successful call through A to a grain B owned: ${recovery} ms (defaults: 1 s probes, 3 missed probes, 1 s table refresh)"
stop_silo a
