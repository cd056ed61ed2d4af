# Sourced by the bench scripts that run the shop's API themselves (a Release OrleansShop.Api.dll) on 127.0.0.1, one
# process per start, each stopped by its PID. The caller sets `api_dll` (the build to run). Every wait here is bounded
# and fails the script with a message naming the server's log, so a server that never comes up is not waited on.

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# Another process on the port would take the load instead of ours: refuse rather than measure it. A listener that
# does not speak HTTP counts too, so this connects rather than asks for a page.
api_require_free_port() { # port [hint]
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    log "127.0.0.1:$1 is already in use${2:+; $2}"
    exit 1
  fi
}

# Starts the API in the background on 127.0.0.1:port with the data directory and its output appended to the log, and
# sets api_pid. Production, as deployed, so it needs a signing key and a webhook secret: throwaway ones are right for a
# benchmark; rate limiting is off so the load is never refused. Settings given after the log come last and so win.
api_start() { # port data-directory log [NAME=value...]
  local port=$1 data=$2 server_log=$3
  shift 3
  env OrleansShop__Auth__SigningKey="$(head -c 48 /dev/urandom | base64 -w0)" \
    OrleansShop__Payments__Sandbox__WebhookSecret="$(head -c 48 /dev/urandom | base64 -w0)" \
    OrleansShop__DataDirectory="$data" OrleansShop__RateLimiting__Enabled=false \
    Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
    "$@" dotnet "$api_dll" --urls "http://127.0.0.1:$port" >> "$server_log" 2>&1 &
  api_pid=$!
}

api_failed() { # log message
  log "$2; see $1"
  tail -n 20 "$1" >&2 2>/dev/null || true
  exit 1
}

# Returns once /health answers (or the path given, e.g. /health/ready: where a load balancer would start sending
# requests); polls every interval seconds (how soon after start-up the caller learns of it).
api_wait_healthy() { # port pid log within-seconds [interval] [path]
  local started=$SECONDS path=${6:-/health}
  until curl -fsS -o /dev/null "http://127.0.0.1:$1$path" 2>/dev/null; do
    kill -0 "$2" 2>/dev/null || api_failed "$3" "the API on 127.0.0.1:$1 exited"
    [ $((SECONDS - started)) -lt "$4" ] || api_failed "$3" "the API on 127.0.0.1:$1 did not answer $path within $4 s"
    sleep "${5:-0.5}"
  done
}

# The catalog's totalCount, 0 while the server cannot answer it yet.
api_product_count() { # port
  curl -fsS -X POST -H 'content-type: application/json' --data '{"query":"{ products { totalCount } }"}' \
    "http://127.0.0.1:$1/graphql" 2>/dev/null \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).data.products.totalCount)}catch{console.log(0)}})'
}

# The demo seeder writes products in the background after /health: returns once at least that many are searchable,
# polled every second, within the bound counted from since (a SECONDS value; default now).
api_wait_searchable() { # port pid log products within-seconds [since]
  local since=${6:-$SECONDS}
  until [ "$(api_product_count "$1")" -ge "$4" ]; do
    kill -0 "$2" 2>/dev/null || api_failed "$3" "the API on 127.0.0.1:$1 exited"
    [ $((SECONDS - since)) -lt "$5" ] || api_failed "$3" "the demo catalog was not searchable within $5 s"
    sleep 1
  done
}

# SIGTERM, then up to within seconds (20) for the process to end, then SIGKILL. Returns 1 if it took SIGKILL, which a
# caller about to reuse the data directory may treat as a failure. No PID, nothing to do.
api_stop() { # pid [within-seconds]
  [ -n "$1" ] || return 0
  kill "$1" 2>/dev/null || true
  timeout "${2:-20}" tail --pid="$1" -f /dev/null 2>/dev/null && return 0
  kill -9 "$1" 2>/dev/null || true
  return 1
}

# A new temporary directory (from the mktemp template) holding a copy of a seeded data directory, so that no run pays
# for seeding and none sees another's writes. Prints its path.
api_copy_data() { # seeded-directory template
  local copy
  # Spelled out with &&: errexit does not reach into the command substitution this runs in.
  copy=$(mktemp -d "$2") && cp -a "$1/." "$copy/" && echo "$copy"
}
