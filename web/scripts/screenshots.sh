#!/usr/bin/env bash
# Takes the README's screenshots (docs/screenshots/*.png) from the real shop: starts the API's build (Release if built,
# else Debug) on a fresh data directory with the demo catalog and a throwaway administrator, runs e2e/screenshots.mjs in
# Debian's Chromium, and stops the API by its PID.
#   web/scripts/screenshots.sh        # after dotnet build api/OrleansShop.Api (which builds web/)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PORT=${PORT:-5319}
out="$root/docs/screenshots"
data=$(mktemp -d /tmp/shop-screenshots.XXXXXX)
dll=$root/api/OrleansShop.Api/bin/Release/net10.0/OrleansShop.Api.dll
[ -f "$dll" ] || dll=$root/api/OrleansShop.Api/bin/Debug/net10.0/OrleansShop.Api.dll
[ -f "$dll" ] || { echo "build the API first: dotnet build api/OrleansShop.Api" >&2; exit 1; }
admin_password="$(head -c 18 /dev/urandom | base64 -w0)"

server_pid=
stop() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    timeout 20 tail --pid="$server_pid" -f /dev/null 2>/dev/null || kill -9 "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$data"
}
trap stop EXIT

ASPNETCORE_ENVIRONMENT=Development OrleansShop__DataDirectory="$data" OrleansShop__Dashboard__Enabled=false \
  OrleansShop__Admin__Email=admin@shop.example OrleansShop__Admin__Password="$admin_password" \
  OrleansShop__RateLimiting__Enabled=false Logging__LogLevel__Default=Warning \
  dotnet "$dll" --urls "http://127.0.0.1:$PORT" > "$data/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  count=$(curl -fsS -H 'content-type: application/json' -d '{"query":"{ products { totalCount } }"}' "http://127.0.0.1:$PORT/graphql" 2>/dev/null \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).data.products.totalCount)}catch{console.log(0)}})' || true)
  [ "$count" -ge 1000 ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$data/server.log" >&2; exit 1; }
  sleep 1
done
mkdir -p "$out"
cd "$root/web"
timeout 300 node e2e/screenshots.mjs "http://127.0.0.1:$PORT" admin@shop.example "$admin_password" "$out"
ls -l "$out"
