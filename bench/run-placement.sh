#!/usr/bin/env bash
# Directory-placed grain calls against hash-placed ones, between two silo processes (tests/OrleansShop.Runtime.TestHost)
# on loopback sharing one SQLite file for membership and the grain directory. Silo B first calls 1,000
# [PreferLocalPlacement] grains (so they activate on B), silo A first calls another 1,000 (on A); then A calls each
# set in loops (one worker per grain: directory-placed remote and local, found in A's cache after one lookup) and,
# in the same run, 1,000 hash-placed ping grains B owns and 1,000 A owns (the ring's path); then one caller on one
# grain of each kind. Finally the time from kill -9 of B to all of B's 1,000 prefer-local grains serving on A.
#   bench/run-placement.sh                       # Release build, 3 interleaved runs of 5 s (each after a 1 s warm-up)
#   RUNS=1 DURATION=3 SKIP_BUILD=1 bench/run-placement.sh
# Every process it starts is stopped by PID; every wait is bounded.
set -euo pipefail

RUNS=${RUNS:-3}
DURATION=${DURATION:-5}
GRAINS=${GRAINS:-1000}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d /tmp/placement-bench.XXXXXX)
cd "$root"
source "$root/bench/lib/testhost-silos.sh"

start_two_silos
request b 120 placedmany local onb "$GRAINS"
request a 120 placedmany local ona "$GRAINS"

echo "## Placement: directory-placed against hash-placed grain calls between two silo processes"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD), load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
echo "Command: RUNS=$RUNS DURATION=$DURATION GRAINS=$GRAINS bench/run-placement.sh"
echo
echo "| run | directory remote calls/s | ring remote calls/s | directory local calls/s | ring local calls/s | 1 caller directory remote p50 / p99 µs | 1 caller ring remote p50 / p99 µs | 1 caller directory local p50 / p99 µs | 1 caller ring local p50 / p99 µs |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for run in $(seq 1 "$RUNS"); do
  request a 120 placedbench local onb "$GRAINS" "$DURATION"; dremote=$reply
  request a 120 bench remote "$GRAINS" "$DURATION"; rremote=$reply
  request a 120 placedbench local ona "$GRAINS" "$DURATION"; dlocal=$reply
  request a 120 bench local "$GRAINS" "$DURATION"; rlocal=$reply
  request a 120 placedbench local onb 1 "$DURATION"; dremote1=$reply
  request a 120 bench remote 1 "$DURATION"; rremote1=$reply
  request a 120 placedbench local ona 1 "$DURATION"; dlocal1=$reply
  request a 120 bench local 1 "$DURATION"; rlocal1=$reply
  echo "| $run | $(field rate "$dremote") | $(field rate "$rremote") | $(field rate "$dlocal") | $(field rate "$rlocal") | $(field p50us "$dremote1") / $(field p99us "$dremote1") | $(field p50us "$rremote1") / $(field p99us "$rremote1") | $(field p50us "$dlocal1") / $(field p99us "$dlocal1") | $(field p50us "$rlocal1") / $(field p99us "$rlocal1") |"
done

kill_silo b
request a 120 recoverplaced local onb "$GRAINS"; recovery=${reply%%;*}
reap_silo b
echo
echo "kill -9 of silo B to all $GRAINS prefer-local grains it held serving again through A (each retried until it succeeds): ${recovery} ms"
stop_silo a
