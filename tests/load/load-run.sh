#!/usr/bin/env bash
# The load run of issue 15, end to end: a throwaway PostgreSQL, two onsite-server processes on
# it (127.0.0.1:8751 and :8752, as packaging/nginx/onsite.conf expects, --threads 8, one
# --files dir), nginx with the shipped configuration and a self-signed certificate (through
# tests/deploy/start-nginx.sh, like the deployment test), 200 workers with 3 assignments each,
# then load_run for SECONDS (default 600) through nginx. At SECONDS/2 server a is killed with -9 and
# stays dead. Exits non-zero when load_run's figures fail (errors, lost or duplicated ops,
# stale views, the surviving server's RSS growing more than 64 MiB from the 1-minute mark, or
# from the end of the sign-ins if later: each password check holds 64 MiB of Argon2 memory).
#
#   tests/load/load-run.sh [SECONDS]
#
# Binaries: $ONSITE_LOAD_BUILD/bin/{onsite-server,load_run} (default build-load), built with
#   cmake --build build-load -j2 --target onsite-server load_run
# Sign-ins go straight to the two server processes (alternating), spread over the first 60 s:
# nginx's sign-in limit (60/min, burst 100, per address) is for people, and all 200 simulated
# workers share one address. Everything else goes through nginx.
# LOAD_WORKERS (200) changes the number of workers; LOAD_ARGS adds load_run options (e.g.
# "--sign-in-spread 30"); LOAD_KEEP=1 keeps the work directory (kept anyway on failure).
set -euo pipefail
seconds=${1:-600}
workers=${LOAD_WORKERS:-200}
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${ONSITE_LOAD_BUILD:-$src/build-load}
server_bin=$build/bin/onsite-server
load_bin=$build/bin/load_run

"$src/scripts/install-deps.sh"
for b in "$server_bin" "$load_bin"; do
  [ -x "$b" ] || { echo "missing $b: cmake --build $build -j2 --target onsite-server load_run" >&2; exit 2; }
done
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in 8751 8752; do
  port_free "$p" || { echo "port $p is taken; the shipped nginx config needs 8751 and 8752" >&2; exit 2; }
done
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
tls_port=${LOAD_TLS_PORT:-443}
port_free "$tls_port" || tls_port=$(free_port)

work=$(mktemp -d /tmp/onsite-load.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  local rc=$?
  set +e
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
  "$src/scripts/test-postgres.sh" stop "$work/pg"
  if [ "${LOAD_KEEP:-0}" = 1 ] || [ "$rc" -ne 0 ]; then
    rm -rf "$work/pg" "$work/files"
    echo "logs kept in $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
fail() { echo "FAIL: $*" >&2; for f in "$work"/*.log; do echo "== $f"; tail -20 "$f"; done >&2; exit 1; }
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
started=$(date +%s)

pg=$("$src/scripts/test-postgres.sh" start "$work/pg")
psql "$pg" -qc "CREATE DATABASE onsite_load" >/dev/null
db="${pg%/*}/onsite_load"
echo "PostgreSQL: $db"

# The workers and their assignments, with the admin commands.
export ONSITE_PASSWORD="load-run-password"
admin() { "$server_bin" admin --db "$db" "$@"; }
company=$(admin create-company "Load Test Facilities")
seq -f %03g 1 "$workers" | xargs -P 8 -I{} sh -c \
  '"$0" admin --db "$1" create-worker "load-{}@load.onsite" "Load Worker {}" | sed "s/^/{} /"' \
  "$server_bin" "$db" >"$work/workers.txt" || fail "create-worker"
[ "$(wc -l <"$work/workers.txt")" = "$workers" ] || fail "created $(wc -l <"$work/workers.txt") of $workers workers"
python3 - "$work/workers.txt" >"$work/assignments.json" <<'PY'
import json, sys, uuid, datetime
now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
def iso(t): return t.strftime("%Y-%m-%dT%H:%M:%SZ")
items = []
for line in open(sys.argv[1]):
    n, worker_id = line.split()
    for k in range(3):
        items.append({
            "worker_id": int(worker_id),
            "title": f"Load visit {n}-{k + 1}",
            "site": {"city": "Austin", "time_zone": "America/Chicago"},
            "schedule": {"start": iso(now - datetime.timedelta(hours=1)),
                         "end": iso(now + datetime.timedelta(hours=12))},
            "pricing": {"type": "flat", "currency": "USD", "flat_cents": 20000},
            "deliverable_requirements": [
                {"id": str(uuid.uuid4()), "kind": "photo", "description": "Site photos", "count": 3},
                {"id": str(uuid.uuid4()), "kind": "sign_off", "description": "Sign-off sheet", "count": 1}]})
print(json.dumps(items))
PY
admin import-assignments "$company" "$work/assignments.json" >"$work/assignment-ids.txt" || fail "import-assignments"
echo "$workers workers, $(wc -l <"$work/assignment-ids.txt") assignments ($(( $(date +%s) - started )) s)"

start_server() { # name port
  "$server_bin" --listen "127.0.0.1:$2" --db "$db" --files "$work/files" --threads 8 \
    >"$work/$1.out" 2>"$work/$1.log" &
  pids+=($!)
  for _ in $(seq 100); do grep -q "Listening on" "$work/$1.out" 2>/dev/null && return; sleep 0.1; done
  fail "server $1 did not start"
}
start_server a 8751; a_pid=${pids[-1]}
start_server b 8752; b_pid=${pids[-1]}

# 200 clients, each with a few keep-alive connections, plus the upstream side of each.
"$src/tests/deploy/start-nginx.sh" "$work" "$tls_port" - - 4096 || fail "nginx did not start"
base="https://127.0.0.1:$tls_port/api/v1"
code=$(curl -s --cacert "$work/fullchain.pem" -o /dev/null -w '%{http_code}' "$base/me")
[ "$code" = 401 ] || fail "GET /me through nginx answered $code, expected 401"
echo "nginx on $base, servers a (pid $a_pid, :8751) and b (pid $b_pid, :8752); setup $(( $(date +%s) - started )) s"

kill_at=$((seconds / 2))
( trap 'kill $sleeper 2>/dev/null; exit 0' TERM
  sleep "$kill_at" & sleeper=$!; wait $sleeper
  kill -9 "$a_pid" 2>/dev/null && echo "  [kill] server a (pid $a_pid) killed with -9 at ${kill_at} s" ) &
pids+=($!)
rc=0
"$load_bin" --base "$base" --cacert "$work/fullchain.pem" --pg "$db" \
  --sign-in "http://127.0.0.1:8751/api/v1,http://127.0.0.1:8752/api/v1" \
  --workers "$workers" --emails "load-{n}@load.onsite" --seconds "$seconds" \
  --server "a=$a_pid" --server "b=$b_pid" ${LOAD_ARGS:-} || rc=$?

echo
# Server access log: TIME PEER METHOD PATH STATUS BYTES TIMEms
served() { awk '$3 != "-" && $4 ~ /^\/api\//' "$1" | wc -l; }
fivexx() { awk '$4 ~ /^\/api\// && $5 ~ /^5/' "$1" | wc -l; }
echo "requests served: a $(served "$work/a.log") (5xx $(fivexx "$work/a.log")), b $(served "$work/b.log") (5xx $(fivexx "$work/b.log"));" \
  "nginx: $(wc -l <"$work/nginx-access.log") requests, $(awk '$9 ~ /^50[234]$/' "$work/nginx-access.log" | wc -l) answered 502/503/504," \
  "$(grep -c 'upstream' "$work/nginx-error.log" || true) upstream errors in its log"
echo "server warnings (sql/commit/database) a $(grep -cE 'sql:|commit:|database:' "$work/a.log" || true)," \
  "b $(grep -cE 'sql:|commit:|database:' "$work/b.log" || true); end to end $(( $(date +%s) - started )) s"
exit "$rc"
