#!/usr/bin/env bash
# Remote grain calls on Orleans 10 between processes on loopback (bench/OrleansShop.Bench.Silo): a host silo, primary
# of a development cluster, owns 1,000 ping grains (placed there by PrimarySiloPlacement); each run then
#   1. starts a second silo process that joins, checks no grain runs in it, and calls them from CALLERS loops (each
#      cycling over its share of the grains, so every grain is called and at most CALLERS calls are in flight): silo -> silo;
#   2. starts a client process that calls the same grains the same way through the host's gateway: client -> gateway.
# Each measures WARMUP s, then DURATION s, and reports calls/s, p50/p99 and, for its own process, allocated bytes and
# CPU time per call. The same load shape as bench/run-cluster.sh's CALLERS mode on the old runtime.
#   bench/run-orleans-calls.sh                    # Release build, 3 runs of 10 s (each after a 2 s warm-up)
#   RUNS=1 DURATION=3 SKIP_BUILD=1 bench/run-orleans-calls.sh
# Ports BASE_PORT..BASE_PORT+11 on 127.0.0.1 (silos +0/+1, gateways +10/+11). Every process started is stopped by PID;
# every wait is bounded.
set -euo pipefail

RUNS=${RUNS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-2}
GRAINS=${GRAINS:-1000}
CALLERS=${CALLERS:-32}
BASE_PORT=${BASE_PORT:-21711}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d /tmp/orleans-calls.XXXXXX)
dll=$root/bench/OrleansShop.Bench.Silo/bin/Release/net10.0/OrleansShop.Bench.Silo.dll
cd "$root"

if [[ -z "${SKIP_BUILD:-}" ]]; then
  timeout 600 dotnet build -c Release bench/OrleansShop.Bench.Silo >/dev/null
fi

host_silo=$BASE_PORT; host_gateway=$((BASE_PORT + 10)); silo_port=$((BASE_PORT + 1)); silo_gateway=$((BASE_PORT + 11))
for port in $host_silo $host_gateway $silo_port $silo_gateway; do
  if ss -ltnH "sport = :$port" | grep -q .; then echo "port $port on loopback is taken; set BASE_PORT" >&2; exit 1; fi
done

host_pid=
cleanup() {
  if [[ -n "$host_pid" ]]; then
    kill "$host_pid" 2>/dev/null || true
    timeout 20 tail --pid="$host_pid" -f /dev/null || kill -9 "$host_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# The host stops by itself after its lifetime even if this script dies without its trap.
lifetime=$(( RUNS * 2 * (DURATION + WARMUP + 60) + 120 ))
dotnet "$dll" host --silo-port "$host_silo" --gateway-port "$host_gateway" --lifetime "$lifetime" >"$work/host.out" 2>"$work/host.err" &
host_pid=$!
for _ in $(seq 1 600); do grep -q '^ready' "$work/host.out" && break; sleep 0.1; done
grep -q '^ready' "$work/host.out" || { echo "host silo not ready within 60 s:" >&2; tail -5 "$work/host.err" >&2; exit 1; }

measure() { # name, command...: the result line of one bounded bench process
  local name=$1; shift
  if ! timeout $((DURATION + WARMUP + 150)) dotnet "$dll" "$@" --grains "$GRAINS" --callers "$CALLERS" \
      --seconds "$DURATION" --warmup "$WARMUP" >"$work/$name.out" 2>"$work/$name.err"; then
    echo "$name failed:" >&2; tail -5 "$work/$name.err" >&2; return 1
  fi
  grep '^calls=' "$work/$name.out" | tail -1
}
field() { sed -E "s/.*$1=([0-9.]+).*/\1/" <<<"$2"; }

echo "## Orleans: remote grain calls between processes on loopback"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD), load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
echo "Command: RUNS=$RUNS DURATION=$DURATION WARMUP=$WARMUP GRAINS=$GRAINS CALLERS=$CALLERS bench/run-orleans-calls.sh"
echo
echo "| run | silo -> silo calls/s | p50 µs | p99 µs | B/call (caller) | CPU µs/call (caller) | client -> gateway calls/s | p50 µs | p99 µs | B/call (client) | CPU µs/call (client) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for run in $(seq 1 "$RUNS"); do
  silo=$(measure "silo-$run" silo --primary "$host_silo" --silo-port "$silo_port" --gateway-port "$silo_gateway")
  client=$(measure "client-$run" client --gateway "$host_gateway")
  row="| $run"
  for line in "$silo" "$client"; do
    row+=" | $(field rate "$line") | $(field p50us "$line") | $(field p99us "$line") | $(field bytes "$line") | $(field cpuus "$line")"
  done
  echo "$row |"
done
