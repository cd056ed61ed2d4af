#!/usr/bin/env bash
# The domain-event stream providers between two silo processes on loopback (bench/OrleansShop.Bench.Streams, issue 12):
# a consuming silo (the development cluster's primary) hosts PUBLISHERS (16) implicitly subscribed grains, a publishing
# silo as many publisher grains, one stream each (as the shop's 16 partitions), on the shop's own stream composition
# (AddCommerceStreams) with the provider OrleansShop__Streams__Provider names:
#   Memory      Orleans' memory streams (the embedded default)
#   AzureQueue  Azure Queue streams on Azurite (the npm package pinned in tests/OrleansShop.Cluster.Tests/azurite)
#   AdoNet      Orleans' ADO.NET streams on a PostgreSQL started by this script (default settings: fsync on)
# Each run starts, per provider in turn, the consumer and then the publisher, which measures
#   flat: every publisher publishing back to back for DURATION s (after WARMUP s): events/s from the first publish to
#         the last arrival at the subscribers (the backlog drained), and how fast the publishers could hand them over;
#   paced: RATE events/s for PACED s: p50/p99 of the time from a grain's publish to its subscriber on the other silo.
# Then the medians over RUNS runs and each durable provider's ratio to memory. Latencies are bucketed up to 1 s: a p99
# of 1000.1 means "1 s or more".
#   bench/run-streams.sh                                  # Release build, 3 runs
#   RUNS=1 DURATION=3 PROVIDERS="Memory AdoNet" SKIP_BUILD=1 bench/run-streams.sh
#   OrleansShop__Streams__AdoNet__QueueCount=8 PROVIDERS=AdoNet bench/run-streams.sh   # any OrleansShop__Streams__* setting
# Loopback only: ports BASE_PORT+1/+2 (silos), +11/+12 (gateways), +50 (Azurite), PG_PORT (PostgreSQL). Every process
# started is stopped by its PID; every wait is bounded.
set -euo pipefail

RUNS=${RUNS:-3}
DURATION=${DURATION:-5}
WARMUP=${WARMUP:-2}
RATE=${RATE:-50}
PACED=${PACED:-10}
PUBLISHERS=${PUBLISHERS:-16}
DRAIN=${DRAIN:-120}
PROVIDERS=${PROVIDERS:-Memory AzureQueue AdoNet}
BASE_PORT=${BASE_PORT:-62000}
PG_PORT=${PG_PORT:-55500}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d /tmp/orleansshop-streams.XXXXXX)
dll=$root/bench/OrleansShop.Bench.Streams/bin/Release/net10.0/OrleansShop.Bench.Streams.dll
azurite_dir=$root/tests/OrleansShop.Cluster.Tests/azurite
cd "$root"

consumer_silo=$((BASE_PORT + 1)); consumer_gateway=$((BASE_PORT + 11))
publisher_silo=$((BASE_PORT + 2)); publisher_gateway=$((BASE_PORT + 12))
azurite_port=$((BASE_PORT + 50))
for port in $consumer_silo $consumer_gateway $publisher_silo $publisher_gateway $azurite_port $PG_PORT; do
  if ss -ltnH "sport = :$port" | grep -q .; then echo "port $port on loopback is taken; set BASE_PORT or PG_PORT" >&2; exit 1; fi
done

if [[ -z "${SKIP_BUILD:-}" ]]; then
  timeout 900 dotnet build -c Release bench/OrleansShop.Bench.Streams >/dev/null
fi

consumer_pid=; azurite_pid=; pg_data=; pg_dir=
stop_pid() { # pid: SIGTERM, up to 20 s, then SIGKILL
  kill "$1" 2>/dev/null || true
  timeout 20 tail --pid="$1" -f /dev/null || kill -9 "$1" 2>/dev/null || true
}
as_postgres() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [[ -n "$consumer_pid" ]] && stop_pid "$consumer_pid"
  [[ -n "$azurite_pid" ]] && stop_pid "$azurite_pid"
  [[ -n "$pg_data" ]] && as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
  rm -rf "$work" ${pg_dir:+"$pg_dir"}
}
trap cleanup EXIT

if [[ " $PROVIDERS " == *" AzureQueue "* ]]; then
  if [[ ! -d $azurite_dir/node_modules ]]; then (cd "$azurite_dir" && timeout 300 npm ci --no-audit --no-fund --loglevel=error >/dev/null); fi
  "$azurite_dir/node_modules/.bin/azurite-queue" --queueHost 127.0.0.1 --queuePort "$azurite_port" --inMemoryPersistence \
    --disableTelemetry --silent --skipApiVersionCheck >"$work/azurite.out" 2>&1 &
  azurite_pid=$!
  for _ in $(seq 1 300); do ss -ltnH "sport = :$azurite_port" | grep -q . && break; sleep 0.1; done
  ss -ltnH "sport = :$azurite_port" | grep -q . || { echo "Azurite did not listen within 30 s" >&2; cat "$work/azurite.out" >&2; exit 1; }
fi
azurite_connection="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;QueueEndpoint=http://127.0.0.1:$azurite_port/devstoreaccount1;"

if [[ " $PROVIDERS " == *" AdoNet "* ]]; then
  initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1)
  [[ -n "$initdb" ]] || { echo "no /usr/lib/postgresql/*/bin/initdb" >&2; exit 1; }
  pg_bin=$(dirname "$initdb")
  # Its own folder: the postgres user must be able to enter it.
  pg_dir=$(mktemp -d /tmp/orleansshop-streams-pg.XXXXXX)
  [[ $(id -u) != 0 ]] || chown postgres:postgres "$pg_dir"
  as_postgres "$initdb" -D "$pg_dir/data" --auth=trust -U postgres >/dev/null
  pg_data=$pg_dir/data
  as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_dir/log" -w -t 60 \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $pg_dir -c max_connections=200" start >/dev/null
fi
postgres_connection="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Maximum Pool Size=50"

provider_env() { # provider, service: the environment both silos of a run get
  echo "OrleansShop__Streams__Provider=$1"
  case $1 in
    AzureQueue)
      echo "OrleansShop__Streams__AzureQueue__ConnectionString=$azurite_connection"
      echo "OrleansShop__Streams__AzureQueue__QueuePrefix=$(tr 'A-Z' 'a-z' <<<"$2")" ;;
    AdoNet)
      echo "OrleansShop__Storage__Provider=postgres"
      echo "OrleansShop__Storage__ConnectionString=$postgres_connection" ;;
  esac
}

measure() { # provider, run: the publisher's result line
  local provider=$1 run=$2 service="bench-$2-$1-$RANDOM" line
  mapfile -t settings < <(provider_env "$provider" "$service")
  env "${settings[@]}" dotnet "$dll" consumer --service "$service" --silo-port "$consumer_silo" --gateway-port "$consumer_gateway" \
    --lifetime $((WARMUP + DURATION + PACED + 2 * DRAIN + 120)) >"$work/consumer-$run-$provider.out" 2>"$work/consumer-$run-$provider.err" &
  consumer_pid=$!
  for _ in $(seq 1 600); do
    grep -q '^ready' "$work/consumer-$run-$provider.out" 2>/dev/null && break; kill -0 "$consumer_pid" 2>/dev/null || break; sleep 0.1
  done
  if ! grep -q '^ready' "$work/consumer-$run-$provider.out"; then
    echo "$provider consumer not ready within 60 s:" >&2; grep -v '^ \+at ' "$work/consumer-$run-$provider.err" | tail -5 >&2; stop_pid "$consumer_pid"; consumer_pid=; return 1
  fi
  if ! env "${settings[@]}" timeout $((WARMUP + DURATION + PACED + 3 * DRAIN + 120)) dotnet "$dll" publisher --service "$service" \
      --primary "$consumer_silo" --silo-port "$publisher_silo" --gateway-port "$publisher_gateway" --warmup "$WARMUP" \
      --seconds "$DURATION" --publishers "$PUBLISHERS" --rate "$RATE" --paced-seconds "$PACED" --drain "$DRAIN" >"$work/publisher-$run-$provider.out" 2>"$work/publisher-$run-$provider.err"; then
    echo "$provider publisher failed:" >&2; tail -5 "$work/publisher-$run-$provider.err" >&2
  fi
  stop_pid "$consumer_pid"; consumer_pid=
  grep '^flat ' "$work/publisher-$run-$provider.out" | tail -1 || true
}
field() { sed -E "s/.*[ |]$1=([0-9.]+).*/\1/" <<<"$2"; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "## Durable streams: a grain's publish to a subscriber on another silo"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD), load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
echo "Command: RUNS=$RUNS DURATION=$DURATION WARMUP=$WARMUP PUBLISHERS=$PUBLISHERS RATE=$RATE PACED=$PACED PROVIDERS=\"$PROVIDERS\" bench/run-streams.sh"
env | grep '^OrleansShop__Streams__' | sed 's/ConnectionString=.*/ConnectionString=.../; s/^/Setting: /' || true
echo
echo "| run | provider | flat events/s | publish events/s | published | delivered | repeats | paced p50 ms | paced p99 ms | paced delivered |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for run in $(seq 1 "$RUNS"); do
  for provider in $PROVIDERS; do
    line=$(measure "$provider" "$run") || line=
    if [[ -z "$line" ]]; then echo "| $run | $provider | failed | | | | | | | |"; continue; fi
    echo "$provider $(field rate "$line") $(field p50ms "$line") $(field p99ms "$line") $(field publishrate "$line")" >>"$work/results"
    flat=${line%%|*}; paced=${line#*|}
    echo "| $run | $provider | $(field rate "$line") | $(field publishrate "$line") | $(field published "$flat") | $(field delivered "$flat") | $(( $(field duplicates "$flat") + $(field duplicates "$paced") )) | $(field p50ms "$line") | $(field p99ms "$line") | $(field delivered "$paced")/$(field events "$paced") |"
  done
done

echo
echo "| provider (median of $RUNS) | flat events/s | x memory | publish events/s | paced p50 ms | paced p99 ms |"
echo "|---|---:|---:|---:|---:|---:|"
memory_rate=$(awk '$1 == "Memory" { print $2 }' "$work/results" 2>/dev/null | median)
for provider in $PROVIDERS; do
  rate=$(awk -v p="$provider" '$1 == p { print $2 }' "$work/results" 2>/dev/null | median)
  ratio=$(awk -v r="$rate" -v m="$memory_rate" 'BEGIN { if (m + 0 > 0 && r + 0 > 0) printf "%.2fx", r / m; else print "-" }')
  echo "| $provider | $rate | $ratio | $(awk -v p="$provider" '$1 == p { print $5 }' "$work/results" | median) | $(awk -v p="$provider" '$1 == p { print $3 }' "$work/results" | median) | $(awk -v p="$provider" '$1 == p { print $4 }' "$work/results" | median) |"
done
