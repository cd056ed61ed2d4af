# Sourced by the bench scripts that drive deploy/local/cluster.sh. The caller sets `root` (this checkout), may set
# `cluster_root` (the checkout whose cluster.sh and API are used, e.g. the old runtime's) and `out` (a folder of its
# own), then calls prepare_cluster_bench. Every cluster it starts in "$run_dir" is stopped by cluster.sh, by PID.

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

run_dir=""
stop_cluster() {
  if [ -n "$run_dir" ]; then
    RUN_DIR=$run_dir timeout 120 "$cluster" stop || true
    # Keep the logs; the database and the binaries are large.
    rm -rf "$run_dir/pg" "$run_dir/node"*/
    run_dir=""
  fi
}

# The API build every cluster runs: APP_DIR=/path/to/net10.0 as it is (no build, no copy); otherwise a Release build
# of $cluster_root copied to $out/app once (SKIP_BUILD=1 reuses a copy already there). Also the admin the clusters create.
prepare_cluster_bench() {
  cluster_root=${cluster_root:-$root}
  cluster=$cluster_root/deploy/local/cluster.sh
  mkdir -p "$out"
  # The cluster's PostgreSQL runs as the postgres user, which must reach its folder under here.
  chmod 755 "$out"
  trap stop_cluster EXIT
  trap 'exit 130' INT TERM

  if [ -n "${APP_DIR:-}" ]; then
    [ -f "$APP_DIR/OrleansShop.Api.dll" ] || { log "no OrleansShop.Api.dll in APP_DIR=$APP_DIR"; exit 1; }
  else
    export APP_DIR=$out/app
    if [ -z "${SKIP_BUILD:-}" ] || [ ! -f "$APP_DIR/OrleansShop.Api.dll" ]; then
      log "dotnet build -c Release api/OrleansShop.Api in $cluster_root"
      (cd "$cluster_root" && timeout 900 dotnet build -c Release --nologo -v quiet api/OrleansShop.Api) > "$out/build.log" 2>&1 \
        || { tail -30 "$out/build.log" >&2; exit 1; }
      rm -rf "$APP_DIR"
      cp -a "$cluster_root/api/OrleansShop.Api/bin/Release/net10.0" "$APP_DIR"
    fi
  fi
  export SKIP_BUILD=1 DEMO_SEED=false LOG_LEVEL=Warning OrleansShop__RateLimiting__Enabled=false

  admin_email=bench-admin@example.com
  admin_password=$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)
  export ADMIN_EMAIL=$admin_email ADMIN_PASSWORD=$admin_password
}
