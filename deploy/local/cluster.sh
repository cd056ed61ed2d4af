#!/usr/bin/env bash
# A real local cluster on this machine: a throwaway PostgreSQL on loopback, NODES API processes (each co-hosting a
# silo, all members of one cluster in that database) and HAProxy in front of them. See README.md beside this file.
#   deploy/local/cluster.sh start     # build (Release), start everything, wait for the demo catalog, print the URLs
#   deploy/local/cluster.sh status    # what runs, the membership table, the load balancer's health
#   deploy/local/cluster.sh check     # a smoke test through the load balancer and across the nodes (smoke.mjs)
#   deploy/local/cluster.sh stop      # stop exactly the processes start recorded, then PostgreSQL
#   deploy/local/cluster.sh reset     # stop, then delete the cluster directory (database, secrets, logs)
#   deploy/local/cluster.sh dead-letters [--requeue]   # the domain events given up on; --requeue puts them back
# Everything listens on 127.0.0.1 only; every wait is bounded.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

NODES=${NODES:-3}
LB_PORT=${LB_PORT:-5100}
HTTP_PORT_BASE=${HTTP_PORT_BASE:-5101}
SILO_PORT_BASE=${SILO_PORT_BASE:-11111}
GATEWAY_PORT_BASE=${GATEWAY_PORT_BASE:-30000}
PG_PORT=${PG_PORT:-5190}
CLUSTER_ID=${CLUSTER_ID:-local}
DEMO_SEED=${DEMO_SEED:-true}
# The domain events' stream provider: Orleans' ADO.NET streams keep them as rows in the cluster's PostgreSQL, so events
# published while no node consumed (a node killed, every node stopped) are delivered after the restart. Memory is the
# in-process provider, faster and lost with the process.
STREAMS_PROVIDER=${STREAMS_PROVIDER:-AdoNet}
RUN_DIR=${RUN_DIR:-$here/.run}
START_TIMEOUT=${START_TIMEOUT:-180}
# How long start waits, after the nodes are up, for node 1 to finish seeding the demo catalog and its stock.
SEED_TIMEOUT=${SEED_TIMEOUT:-900}
STOP_TIMEOUT=${STOP_TIMEOUT:-40}

pids_file=$RUN_DIR/pids
pg_dir=$RUN_DIR/pg
app_dir=${APP_DIR:-$RUN_DIR/app}
secrets_file=$RUN_DIR/secrets.env
database=orleansshop

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

http_port() { echo $((HTTP_PORT_BASE + $1 - 1)); }
silo_port() { echo $((SILO_PORT_BASE + $1 - 1)); }
gateway_port() { echo $((GATEWAY_PORT_BASE + $1 - 1)); }
connection_string() { echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$database"; }

pg_bin() { # the newest installed PostgreSQL's bin folder, or nothing
  local initdb
  initdb=$(compgen -G "/usr/lib/postgresql/*/bin/initdb" | sort -V | tail -n 1 || true)
  if [ -n "$initdb" ]; then dirname "$initdb"; fi
}

# PostgreSQL refuses to run as root: as root, its commands run as the postgres user (as .ci/run does).
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

psql_db() { timeout 30 "$(pg_bin)/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -X -q -v ON_ERROR_STOP=1 "$@"; }

install_missing() {
  local missing=()
  [ -n "$(pg_bin)" ] || missing+=(postgresql)
  command -v haproxy >/dev/null || missing+=(haproxy)
  command -v curl >/dev/null || missing+=(curl)
  command -v jq >/dev/null || missing+=(jq)
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "missing ${missing[*]}: install them (sudo apt-get install ${missing[*]}) or run as root"
  log "installing ${missing[*]} from Debian's packages"
  timeout 600 apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A recorded PID counts as ours only while its command line is still the one we started (a reboot or a long pause can
# hand the number to another process).
still_ours() { # pid, pattern
  local cmdline
  cmdline=$(tr '\0' ' ' 2>/dev/null < "/proc/$1/cmdline") || return 1
  [[ "$cmdline" == *"$2"* ]]
}

# Waits up to the given seconds for a process to end (polling every 0.1 s, not tail's default second).
wait_exit() { timeout "$2" tail -s 0.1 --pid="$1" -f /dev/null 2>/dev/null || true; }

pattern_of() { # name from the pid file
  case $1 in
    haproxy) echo "$RUN_DIR/haproxy.cfg" ;;
    # The binaries the nodes were started from, whatever APP_DIR says now.
    *) echo "$(cat "$RUN_DIR/app-dir" 2>/dev/null || echo "$app_dir")/OrleansShop.Api.dll" ;;
  esac
}

running_pids() { # prints "name pid" for every recorded process still alive and ours
  [ -f "$pids_file" ] || return 0
  local name pid
  while read -r name pid; do
    if still_ours "$pid" "$(pattern_of "$name")"; then echo "$name $pid"; fi
  done < "$pids_file"
}

# Starts a command in its own session (a Ctrl-C at the terminal that ran `start` does not reach the cluster) and
# records its PID: the child writes its own PID before exec, so the number is right whether or not setsid forks.
launch() { # name, log file, command...
  local name=$1 logfile=$2; shift 2
  local pidfile=$RUN_DIR/$name.pid
  rm -f "$pidfile"
  # shellcheck disable=SC2016 # $$ and $@ belong to the inner shell
  setsid bash -c 'echo $$ > "$0"; exec "$@"' "$pidfile" "$@" > "$logfile" 2>&1 < /dev/null &
  local deadline=$((SECONDS + 10))
  while [ ! -s "$pidfile" ] && (( SECONDS < deadline )); do sleep 0.05; done
  [ -s "$pidfile" ] || die "$name did not start"
  echo "$name $(cat "$pidfile")" >> "$pids_file"
  rm -f "$pidfile"
}

pid_of() { awk -v n="$1" '$1 == n { print $2 }' "$pids_file" | tail -n 1; }

wait_healthy() { # name, url, deadline (SECONDS)
  local name=$1 url=$2 deadline=$3 pid
  pid=$(pid_of "$name")
  while (( SECONDS < deadline )); do
    if curl -fsS -m 2 "$url" > /dev/null 2>&1; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      log "$name exited during start-up; the end of $RUN_DIR/$name.log:"
      tail -n 40 "$RUN_DIR/$name.log" >&2 || true
      return 1
    fi
    sleep 0.5
  done
  log "$name was not healthy at $url within the start timeout; the end of $RUN_DIR/$name.log:"
  tail -n 40 "$RUN_DIR/$name.log" >&2 || true
  return 1
}

start_postgres() {
  local bin
  bin=$(pg_bin)
  mkdir -p "$pg_dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$pg_dir"
  as_pg test -w "$pg_dir" || die "the postgres user cannot write $pg_dir (a parent folder closed to others?): set RUN_DIR"
  if [ ! -f "$pg_dir/data/PG_VERSION" ]; then
    log "initdb $pg_dir/data"
    as_pg timeout 120 "$bin/initdb" -D "$pg_dir/data" --auth=trust -U postgres -E UTF8 > "$pg_dir/initdb.log" 2>&1 \
      || { tail -n 20 "$pg_dir/initdb.log" >&2; die "initdb failed"; }
  fi
  if as_pg "$bin/pg_ctl" -D "$pg_dir/data" status > /dev/null 2>&1; then
    log "PostgreSQL already runs on $pg_dir/data"
  else
    port_in_use "$PG_PORT" && die "port $PG_PORT (PG_PORT) is already in use"
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    # Each node's connection pool may open up to 100 connections (Npgsql's default).
    as_pg "$bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -t 60 -w start \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $pg_dir -c max_connections=$((100 * NODES + 20)) ${PG_OPTIONS:-}" > /dev/null \
      || { tail -n 20 "$pg_dir/postgres.log" >&2; die "PostgreSQL did not start"; }
  fi
  if [ "$(psql_db -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")" != 1 ]; then
    psql_db -d postgres -c "CREATE DATABASE $database"
  fi
}

stop_postgres() {
  local bin
  bin=$(pg_bin)
  [ -n "$bin" ] && [ -f "$pg_dir/data/postmaster.pid" ] || return 0
  log "stopping PostgreSQL"
  if ! as_pg "$bin/pg_ctl" -D "$pg_dir/data" -m fast -t 30 -w stop > /dev/null 2>&1; then
    local pid
    pid=$(head -n 1 "$pg_dir/data/postmaster.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && still_ours "$pid" "$pg_dir/data"; then
      log "PostgreSQL did not stop in 30 s: SIGQUIT to $pid"
      kill -QUIT "$pid" 2>/dev/null || true
      wait_exit "$pid" 10
    fi
  fi
}

build_app() {
  if [ -n "${SKIP_BUILD:-}" ] && [ -f "$app_dir/OrleansShop.Api.dll" ]; then return 0; fi
  log "dotnet build -c Release api/OrleansShop.Api"
  (cd "$root" && timeout 900 dotnet build -c Release --nologo -v quiet api/OrleansShop.Api > "$RUN_DIR/build.log" 2>&1) \
    || { tail -n 30 "$RUN_DIR/build.log" >&2; die "the build failed"; }
  # The nodes run a copy, so a rebuild while the cluster runs cannot change or lock their files.
  rm -rf "$app_dir"
  cp -a "$root/api/OrleansShop.Api/bin/Release/net10.0" "$app_dir"
}

random_secret() { head -c "$1" /dev/urandom | base64 | tr -d '\n'; }

ensure_secrets() {
  [ -f "$secrets_file" ] && return 0
  local password
  password=$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)
  (
    umask 077
    {
      echo "signing_key=$(random_secret 48)"
      echo "webhook_secret=$(random_secret 48)"
      echo "admin_email=${ADMIN_EMAIL:-admin@example.com}"
      echo "admin_password=${ADMIN_PASSWORD:-$password}"
    } > "$secrets_file"
  )
}

secret() { sed -n "s/^$1=//p" "$secrets_file"; }

start_node() { # node number (1-based)
  local n=$1 seed=false
  [ "$n" = 1 ] && seed=$DEMO_SEED
  mkdir -p "$RUN_DIR/node$n"
  launch "node$n" "$RUN_DIR/node$n.log" env \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_gcServer="${DOTNET_gcServer:-0}" \
    Logging__LogLevel__Default="${LOG_LEVEL:-Information}" \
    Logging__LogLevel__Microsoft.AspNetCore=Warning \
    OrleansShop__Cluster__Enabled=true \
    OrleansShop__Cluster__ClusterId="$CLUSTER_ID" \
    OrleansShop__Cluster__SiloPort="$(silo_port "$n")" \
    OrleansShop__Cluster__GatewayPort="$(gateway_port "$n")" \
    OrleansShop__Storage__Provider=postgres \
    OrleansShop__Storage__ConnectionString="$(connection_string)" \
    OrleansShop__Streams__Provider="$STREAMS_PROVIDER" \
    OrleansShop__DataDirectory="$RUN_DIR/node$n" \
    OrleansShop__Auth__SigningKey="$(secret signing_key)" \
    OrleansShop__Payments__Sandbox__WebhookSecret="$(secret webhook_secret)" \
    OrleansShop__Payments__Sandbox__BaseUrl="http://127.0.0.1:$(http_port 1)/" \
    OrleansShop__Admin__Email="$(secret admin_email)" \
    OrleansShop__Admin__Password="$(secret admin_password)" \
    OrleansShop__Demo__Seed="$seed" \
    dotnet "$app_dir/OrleansShop.Api.dll" --urls "http://127.0.0.1:$(http_port "$n")"
}

write_haproxy_config() {
  local cfg=$RUN_DIR/haproxy.cfg n
  {
    cat <<EOF
# Written by deploy/local/cluster.sh start; rewritten at every start.
global
    maxconn 4096

defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    # An upgraded connection (GraphQL subscriptions over WebSocket) may stay quiet for long.
    timeout tunnel 1h
    timeout http-keep-alive 10s
    # A node that stops while a request is on it: send the request once more to another node only if it never
    # reached the first (HAProxy retries connection failures, not requests already sent).
    retries 2
    option redispatch

frontend shop
    bind 127.0.0.1:$LB_PORT
    stats enable
    stats uri /haproxy-stats
    stats refresh 5s
    # The payment sandbox stands for one external provider whose ledger is node 1's own file: its pages, its API and
    # the shop's webhook that it calls all go to node 1.
    acl provider path_beg /sandbox/ /payments/webhooks/
    use_backend provider if provider
    default_backend graphql

backend graphql
    balance roundrobin
    option httpchk GET /health
    http-check expect status 200
    default-server check inter 1s fall 2 rise 2
EOF
    for n in $(seq 1 "$NODES"); do
      echo "    server node$n 127.0.0.1:$(http_port "$n")"
    done
    cat <<EOF

backend provider
    option httpchk GET /health
    http-check expect status 200
    server node1 127.0.0.1:$(http_port 1) check inter 1s fall 2 rise 2
EOF
  } > "$cfg"
  haproxy -c -q -f "$cfg" || die "haproxy rejected $cfg"
}

cmd_start() {
  [[ "$NODES" =~ ^[1-9][0-9]*$ ]] || die "NODES must be a positive number, not '$NODES'"
  mkdir -p "$RUN_DIR"
  if [ -n "$(running_pids)" ]; then
    die "the cluster in $RUN_DIR already runs (deploy/local/cluster.sh status); stop it first"
  fi
  : > "$pids_file"
  # A failed or interrupted start leaves nothing running.
  start_complete=""
  trap 'status=$?; if [ -z "$start_complete" ]; then log "start did not complete: stopping what it started"; cmd_stop; fi; exit $status' EXIT
  trap 'exit 130' INT TERM
  install_missing
  command -v dotnet > /dev/null || die "the .NET SDK (dotnet) is not on PATH"
  local n
  for port in "$LB_PORT" $(for n in $(seq 1 "$NODES"); do http_port "$n"; silo_port "$n"; gateway_port "$n"; done); do
    port_in_use "$port" && die "port $port is already in use (set LB_PORT, HTTP_PORT_BASE, SILO_PORT_BASE, GATEWAY_PORT_BASE)"
  done

  ensure_secrets
  start_postgres
  build_app
  echo "$app_dir" > "$RUN_DIR/app-dir"

  start_ms=$(date +%s%3N)
  local deadline=$((SECONDS + START_TIMEOUT))
  # Node 1 first: it creates the schema and the administrator alone, then the others join an existing cluster.
  log "starting node1 on 127.0.0.1:$(http_port 1) (silo port $(silo_port 1))"
  start_node 1
  wait_healthy node1 "http://127.0.0.1:$(http_port 1)/health" "$deadline" || exit 1
  for n in $(seq 2 "$NODES"); do
    log "starting node$n on 127.0.0.1:$(http_port "$n") (silo port $(silo_port "$n"))"
    start_node "$n"
  done
  for n in $(seq 2 "$NODES"); do
    wait_healthy "node$n" "http://127.0.0.1:$(http_port "$n")/health" "$deadline" || exit 1
  done

  write_haproxy_config
  log "starting HAProxy on 127.0.0.1:$LB_PORT"
  launch haproxy "$RUN_DIR/haproxy.log" haproxy -db -f "$RUN_DIR/haproxy.cfg"
  wait_healthy haproxy "http://127.0.0.1:$LB_PORT/health" "$deadline" || exit 1
  wait_members "$deadline" || exit 1
  if [ "$DEMO_SEED" = true ]; then
    wait_demo_catalog $((SECONDS + SEED_TIMEOUT)) || exit 1
  fi
  start_complete=1

  cat <<EOF

OrleansShop local cluster: $NODES node(s), cluster id '$CLUSTER_ID', PostgreSQL 127.0.0.1:$PG_PORT database $database
  domain events:             $STREAMS_PROVIDER streams
  GraphQL IDE and endpoint:  http://127.0.0.1:$LB_PORT/graphql   (round-robin over the nodes)
  HAProxy statistics:        http://127.0.0.1:$LB_PORT/haproxy-stats
  nodes:                     $(for n in $(seq 1 "$NODES"); do printf 'http://127.0.0.1:%s ' "$(http_port "$n")"; done)
  administrator:             $(secret admin_email) / $(secret admin_password)
  logs and data:             $RUN_DIR
  stop:                      deploy/local/cluster.sh stop
EOF
}

# Healthy processes are not yet one cluster: wait until the membership table lists every node Active.
wait_members() { # deadline
  local active=""
  while (( SECONDS < $1 )); do
    active=$(active_members 2>/dev/null || true)
    [ "${active:-0}" -ge "$NODES" ] && return 0
    sleep 0.5
  done
  log "only ${active:-0} of $NODES silos are Active in the membership table"
  return 1
}

# Node 1 seeds the demo catalog in the background: it creates the products one by one in catalog order (ids demo-0001,
# demo-0002, ...), then receives their stock, eight at a time, in the same order. A shop asked for a cart before that is
# done answers OUT_OF_STOCK. So the catalog is ready when, through the load balancer, the listing counts every demo
# product and the last ones exist and show stock: the stock has reached the end of the catalog. (One in ten demo
# products has no stock on purpose, so no single product's stock can be the signal.)
demo_products() { echo "${OrleansShop__Demo__Products:-1000}"; }

demo_product_id() { printf 'Product:demo-%04d' "$1" | base64 | tr -d '\n'; }

demo_catalog_state() { # prints "listed existing in_stock" of the demo catalog's last products, or fails
  local total last first query n
  total=$(demo_products)
  last=$((total < 16 ? total : 16))
  first=$((total - last + 1))
  query="{ catalog: products(first: 1) { totalCount }"
  for n in $(seq "$first" "$total"); do
    query+=" p$n: product(id: \"$(demo_product_id "$n")\") { stock { available } }"
  done
  query+=" }"
  curl -fsS -m 10 "http://127.0.0.1:$LB_PORT/graphql" -H 'Content-Type: application/json' \
      -d "$(jq -nc --arg query "$query" '{query: $query}')" \
    | jq -er '.data as $d | [$d.catalog.totalCount,
        ([$d | to_entries[] | select(.key != "catalog" and .value != null)] | length),
        ([$d | to_entries[] | select(.key != "catalog" and (.value.stock.available // 0) > 0)] | length)] | @tsv'
}

wait_demo_catalog() { # deadline
  local total listed=0 existing=0 in_stock=0 state next_report=$((SECONDS + 30)) checked
  total=$(demo_products)
  [ "$total" -gt 0 ] || return 0
  checked=$((total < 16 ? total : 16))
  log "waiting for node 1 to seed the demo catalog ($total products) and its stock"
  while (( SECONDS < $1 )); do
    if state=$(demo_catalog_state 2>/dev/null); then
      read -r listed existing in_stock <<< "$state"
      if [ "$listed" -ge "$total" ] && [ "$existing" -eq "$checked" ] && [ "$in_stock" -gt 0 ]; then
        log "demo catalog ready: $listed products listed, stock received up to the last ones"
        return 0
      fi
    fi
    if grep -q "Seeding the demo catalog failed" "$RUN_DIR/node1.log" 2>/dev/null; then
      log "node 1 could not seed the demo catalog; the end of $RUN_DIR/node1.log:"
      tail -n 40 "$RUN_DIR/node1.log" >&2 || true
      return 1
    fi
    if (( SECONDS >= next_report )); then
      log "demo catalog: $listed of $total products listed; of the last $checked, $existing created, $in_stock with stock"
      next_report=$((SECONDS + 30))
    fi
    sleep 1
  done
  log "the demo catalog was not ready within ${SEED_TIMEOUT} s (SEED_TIMEOUT): $listed of $total products listed; of the last $checked, $existing created, $in_stock with stock"
  return 1
}

active_members() {
  psql_db -d "$database" -tAc \
    "SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = '$CLUSTER_ID' AND Status = 3
       AND StartTime >= to_timestamp($(( (start_ms - 2000) / 1000 ))) AT TIME ZONE 'UTC'"
}

cmd_stop() {
  local entries name pid
  entries=$(running_pids)
  if [ -n "$entries" ]; then
    # HAProxy first, so no new request reaches a node that is leaving; then every node at once, each handing off its
    # grains (deactivate, persist) and leaving the membership table.
    while read -r name pid; do
      [ "$name" = haproxy ] || continue
      log "stopping $name ($pid)"
      kill -TERM "$pid" 2>/dev/null || true
      wait_exit "$pid" 10
    done <<< "$entries"
    while read -r name pid; do
      [ "$name" = haproxy ] && continue
      log "stopping $name ($pid)"
      kill -TERM "$pid" 2>/dev/null || true
    done <<< "$entries"
    local deadline=$((SECONDS + STOP_TIMEOUT))
    while read -r name pid; do
      local left=$((deadline - SECONDS))
      (( left < 1 )) && left=1
      wait_exit "$pid" "$left"
      if still_ours "$pid" "$(pattern_of "$name")"; then
        log "$name ($pid) did not stop within ${STOP_TIMEOUT} s: SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        wait_exit "$pid" 5
      fi
    done <<< "$entries"
  fi
  rm -f "$pids_file"
  stop_postgres
}

cmd_status() {
  local entries status=0
  entries=$(running_pids)
  if [ -z "$entries" ]; then
    echo "no process of the cluster in $RUN_DIR runs"
    status=3
  else
    echo "processes (from $pids_file):"
    local name pid
    while read -r name pid; do
      echo "  $name pid $pid, RSS $(awk '/VmRSS/ {print int($2 / 1024) " MiB"}' "/proc/$pid/status" 2>/dev/null)"
    done <<< "$entries"
  fi
  local bin
  bin=$(pg_bin)
  if [ -n "$bin" ] && [ -d "$pg_dir/data" ] && as_pg "$bin/pg_ctl" -D "$pg_dir/data" status > /dev/null 2>&1; then
    echo "PostgreSQL runs on 127.0.0.1:$PG_PORT ($pg_dir/data); membership of cluster '$CLUSTER_ID':"
    psql_db -d "$database" -c "SELECT SiloName, Address || ':' || Port AS endpoint, Generation,
        CASE Status WHEN 2 THEN 'Joining' WHEN 3 THEN 'Active' WHEN 4 THEN 'ShuttingDown' WHEN 6 THEN 'Dead' ELSE Status::text END AS status,
        IAmAliveTime AS i_am_alive_utc
      FROM OrleansMembershipTable WHERE DeploymentId = '$CLUSTER_ID' ORDER BY StartTime DESC LIMIT 12" 2>/dev/null \
      || echo "  (no membership table yet)"
    if [ "$STREAMS_PROVIDER" = AdoNet ]; then
      # Events waiting in the ADO.NET stream queues (none for long while the nodes consume) and given up as dead letters.
      psql_db -d "$database" -tAc "SELECT 'domain events: ' || (SELECT count(*) FROM OrleansStreamMessage) || ' queued, '
          || (SELECT count(*) FROM OrleansStreamDeadLetter) || ' dead letters'
          || CASE WHEN EXISTS (SELECT 1 FROM OrleansStreamDeadLetter)
                  THEN ' (deploy/local/cluster.sh dead-letters lists them; dead-letters --requeue puts them back)' ELSE '' END" 2>/dev/null \
        || echo "domain events: (no stream tables yet)"
    fi
  else
    echo "PostgreSQL does not run"
  fi
  if curl -fsS -m 2 "http://127.0.0.1:$LB_PORT/health" > /dev/null 2>&1; then
    echo "load balancer: http://127.0.0.1:$LB_PORT/graphql is healthy"
  fi
  return $status
}

cmd_check() {
  [ -f "$secrets_file" ] || die "no cluster in $RUN_DIR: start one first"
  timeout 150 node --experimental-websocket "$here/smoke.mjs" --lb "http://127.0.0.1:$LB_PORT" --nodes "$NODES" \
    --node-port "$HTTP_PORT_BASE" --admin-email "$(secret admin_email)" --admin-password "$(secret admin_password)"
}

cmd_dead_letters() { # the shop's own command, with the nodes' storage and stream settings
  [ -f "$app_dir/OrleansShop.Api.dll" ] || die "no build in $app_dir; run start first"
  env ASPNETCORE_ENVIRONMENT=Production \
    OrleansShop__Storage__Provider=postgres \
    OrleansShop__Storage__ConnectionString="$(connection_string)" \
    OrleansShop__Streams__Provider="$STREAMS_PROVIDER" \
    dotnet "$app_dir/OrleansShop.Api.dll" dead-letters "$@"
}

cmd_reset() {
  cmd_stop
  case "$RUN_DIR" in
    */.run|/tmp/*) log "deleting $RUN_DIR"; rm -rf "$RUN_DIR" ;;
    *) die "not deleting $RUN_DIR (only a .run directory or one under /tmp); delete it yourself" ;;
  esac
}

case "${1:-}" in
  start|up) cmd_start ;;
  stop|down) cmd_stop ;;
  status) cmd_status ;;
  check) cmd_check ;;
  reset) cmd_reset ;;
  dead-letters) shift; cmd_dead_letters "$@" ;;
  *) echo "usage: $0 start|stop|status|check|reset|dead-letters [--requeue] (env: NODES LB_PORT HTTP_PORT_BASE SILO_PORT_BASE PG_PORT RUN_DIR ...)" >&2; exit 2 ;;
esac
