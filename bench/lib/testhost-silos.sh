# Sourced by the cluster bench scripts: test-host silo processes (tests/OrleansShop.Runtime.TestHost) driven over
# fifos, one request line in and one reply line out, so a script reads like the conversation it holds with each silo.
# Before sourcing, set `work` to the script's temp dir and `root` to the repository; it builds the Release test host
# unless SKIP_BUILD is set, and on exit kills every silo it started by PID and removes `work`.

dll=tests/OrleansShop.Runtime.TestHost/bin/Release/net10.0/OrleansShop.Runtime.TestHost.dll
if [[ -z "${SKIP_BUILD:-}" ]]; then
  timeout 600 dotnet build -c Release "$root/tests/OrleansShop.Runtime.TestHost" >/dev/null
fi

declare -A pid fd
cleanup() {
  for name in "${!pid[@]}"; do kill -9 "${pid[$name]}" 2>/dev/null || true; wait "${pid[$name]}" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

start_silo() { # name
  mkfifo "$work/$1.in"
  dotnet "$root/$dll" --data "$work" --cluster bench <"$work/$1.in" >"$work/$1.out" 2>"$work/$1.err" &
  pid[$1]=$!
  exec {f}>"$work/$1.in"
  fd[$1]=$f
  wait_line "$1" 1 90 >/dev/null
}

wait_line() { # name, line number, timeout seconds: prints that line of the silo's replies (events skipped)
  local deadline=$((SECONDS + $3))
  while (( SECONDS < deadline )); do
    local line
    line=$(grep -v '^event ' "$work/$1.out" | sed -n "$2p" || true)
    if [[ -n "$line" ]]; then echo "$line"; return 0; fi
    sleep 0.05
  done
  echo "silo $1 gave no reply $2 within $3 s; stderr:" >&2; tail -5 "$work/$1.err" >&2; return 1
}

declare -A replies
reply=
request() { # name, timeout, request...: sets $reply to the reply without "ok " (no subshell: it counts replies)
  local name=$1 limit=$2; shift 2
  replies[$name]=$(( ${replies[$name]:-1} + 1 ))
  echo "$*" >&"${fd[$name]}"
  reply=$(wait_line "$name" "${replies[$name]}" "$limit")
  [[ "$reply" == ok* ]] || { echo "'$*' on $name: $reply" >&2; return 1; }
  reply=${reply#ok }
  reply=${reply#ok}
}

start_two_silos() { # silos a and b, each seeing both active
  start_silo a
  start_silo b
  request a 30 waitactive 2
  request b 30 waitactive 2
}

kill_silo() { # name: kill -9, the way a silo crashes; cleanup no longer owns it
  kill -9 "${pid[$1]}"
}

reap_silo() { # name: after kill_silo, once the measurement that raced its death is done
  wait "${pid[$1]}" 2>/dev/null || true
  unset "pid[$1]"
}

stop_silo() { # name: asks the silo to exit and waits (bounded) until it has
  echo exit >&"${fd[$1]}"
  timeout 30 tail --pid="${pid[$1]}" -f /dev/null || true
}

field() { sed -E "s/.*$1=([0-9.]+).*/\1/" <<<"$2"; } # name, reply: the number after "name=" in a reply
