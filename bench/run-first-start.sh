#!/usr/bin/env bash
# Where the README's run command spends its time on a fresh clone (NuGet and npm caches already filled, as on a
# developer's machine after the first project): restore, the build (which runs npm ci and the storefront's vite build),
# the start until /health answers, and the demo catalog's seeding until all of it is searchable. Each phase is timed
# on its own in one clone; then plain `dotnet run` is timed end to end on a second clone. `dotnet run` and the app it
# starts run in a process group of their own, stopped as one; every step and wait is bounded. Prints a markdown table.
#   bench/run-first-start.sh
#   START_WITHIN_S=900 bench/run-first-start.sh   # the bound on each start until seeded (600 s; it includes a build)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PORT=${PORT:-5313}
START_WITHIN_S=${START_WITHIN_S:-600}
work=$(mktemp -d /tmp/first-start.XXXXXX)
pid=
trap '[ -z "$pid" ] || kill -9 -- "-$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
post() { curl -fsS -H 'content-type: application/json' -d "{\"query\":\"$1\"}" "http://127.0.0.1:$PORT/graphql" 2>/dev/null || true; }

wait_started() { # pid start-time; prints seconds to /health, then to a searchable demo catalog
  local pid=$1 t0=$2 healthy seeded started=$SECONDS
  until curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { log "the API exited:"; tail -20 "$work"/run*.log >&2; exit 1; }
    [ $((SECONDS - started)) -lt "$START_WITHIN_S" ] || { log "no /health within $START_WITHIN_S s"; exit 1; }
    sleep 0.2
  done
  healthy=$(since "$t0")
  until post '{ products { totalCount } }' | grep -q '"totalCount":1000'; do
    kill -0 "$pid" 2>/dev/null || { log "the API exited"; exit 1; }
    [ $((SECONDS - started)) -lt "$START_WITHIN_S" ] || { log "the demo catalog was not searchable within $START_WITHIN_S s"; exit 1; }
    sleep 0.2
  done
  seeded=$(since "$t0")
  echo "$healthy $seeded"
}

stop_api() { # the process group of dotnet run and the app it started, which would outlive dotnet run alone
  kill -- "-$1" 2>/dev/null || true
  local stopping=$SECONDS
  while kill -0 -- "-$1" 2>/dev/null; do
    if [ $((SECONDS - stopping)) -ge 30 ]; then kill -9 -- "-$1" 2>/dev/null || true; break; fi
    sleep 0.2
  done
  wait "$1" 2>/dev/null || true
  pid=
}

log "load average $(cut -d' ' -f1-3 /proc/loadavg)"
git clone -q "$root" "$work/phases"
cd "$work/phases"
t=$(now); timeout 900 dotnet restore --nologo -v quiet api/OrleansShop.Api > "$work/restore.log"; restore=$(since "$t")
log "restore ${restore}s"
t=$(now); timeout 900 dotnet build --no-restore --nologo -v quiet api/OrleansShop.Api > "$work/build.log"; build=$(since "$t")
log "build ${build}s"
t=$(now)
(cd api/OrleansShop.Api && ASPNETCORE_ENVIRONMENT=Development exec setsid dotnet run --no-build --no-launch-profile -- --urls "http://127.0.0.1:$PORT") > "$work/run1.log" 2>&1 &
pid=$!
read -r healthy seeded < <(wait_started "$pid" "$t")
stop_api "$pid"
log "healthy ${healthy}s, seeded ${seeded}s"

git clone -q "$root" "$work/plain"
cd "$work/plain/api/OrleansShop.Api"
t=$(now)
ASPNETCORE_ENVIRONMENT=Development setsid dotnet run --no-launch-profile -- --urls "http://127.0.0.1:$PORT" > "$work/run2.log" 2>&1 &
pid=$!
read -r plain_healthy plain_seeded < <(wait_started "$pid" "$t")
stop_api "$pid"
log "plain dotnet run: healthy ${plain_healthy}s, seeded ${plain_seeded}s"

cat <<TABLE
| phase (fresh clone, caches filled) | seconds |
|---|---:|
| dotnet restore | $restore |
| dotnet build (C#, npm ci, codegen, vite, compression) | $build |
| start until /health answers | $healthy |
| start until the 1,000 demo products are searchable | $seeded |
| plain \`dotnet run\`, second clone: until /health | $plain_healthy |
| plain \`dotnet run\`, second clone: until seeded | $plain_seeded |

Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg).
TABLE
