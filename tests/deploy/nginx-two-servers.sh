#!/usr/bin/env bash
# The README's deployment, run for real: packaging/nginx/onsite.conf (ports, certificate and
# paths adapted to a temporary directory) terminating TLS in front of two onsite-server
# processes that share one PostgreSQL database. Checks that requests through nginx reach both
# processes, that a body over nginx's cap is refused with 413, and that the service keeps
# answering when one process is killed.
set -euo pipefail
server_bin=$1
src=$(cd "$(dirname "$0")/../.." && pwd)
pg=${ONSITE_TEST_PG_URL:?ONSITE_TEST_PG_URL must name the test PostgreSQL}
work=$(mktemp -d /tmp/onsite-deploy.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; for f in "$work"/*.log; do echo "== $f"; tail -20 "$f"; done >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

db="onsite_deploy_$$"
psql "$pg" -qc "CREATE DATABASE $db" >/dev/null
dburl="${pg%/*}/$db"

start_server() { # name port [--demo]
  "$server_bin" --listen "127.0.0.1:$2" --db "$dburl" --files "$work/files" ${3:-} \
    >"$work/$1.out" 2>"$work/$1.log" &
  pids+=($!)
  for _ in $(seq 100); do grep -q "Listening on" "$work/$1.out" 2>/dev/null && return; sleep 0.1; done
  fail "$1 did not start"
}
a_port=$(free_port); b_port=$(free_port); tls_port=$(free_port)
start_server a "$a_port" --demo
start_server b "$b_port"
a_pid=${pids[0]}

"$src/tests/deploy/start-nginx.sh" "$work" "$tls_port" "$a_port" "$b_port" || fail "nginx did not start"
base="https://127.0.0.1:$tls_port/api/v1"

token=$(curl -sk -X POST "$base/session" -H 'Content-Type: application/json' \
  -d '{"email":"alex@demo.onsite","password":"onsite-demo"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])') \
  || fail "sign-in through nginx"
for _ in $(seq 20); do
  code=$(curl -sk -o /dev/null -w '%{http_code}' "$base/changes?since=0&limit=5" -H "Authorization: Bearer $token")
  [ "$code" = 200 ] || fail "GET /changes through nginx answered $code"
done
a_hits=$(grep -c "GET /api/v1/changes" "$work/a.log" || true)
b_hits=$(grep -c "GET /api/v1/changes" "$work/b.log" || true)
[ "$a_hits" -gt 0 ] && [ "$b_hits" -gt 0 ] || fail "requests did not reach both servers (a=$a_hits b=$b_hits)"
echo "both servers answered: a=$a_hits b=$b_hits"

# A session made through one process works on the other: all state is in PostgreSQL.
me_a=$(curl -s "http://127.0.0.1:$a_port/api/v1/me" -H "Authorization: Bearer $token" -o /dev/null -w '%{http_code}')
me_b=$(curl -s "http://127.0.0.1:$b_port/api/v1/me" -H "Authorization: Bearer $token" -o /dev/null -w '%{http_code}')
[ "$me_a" = 200 ] && [ "$me_b" = 200 ] || fail "the session is not shared (a=$me_a b=$me_b)"

head -c 2000000 /dev/zero | tr '\0' 'a' >"$work/big.json"
code=$(curl -sk -o /dev/null -w '%{http_code}' -X POST "$base/session" -H 'Content-Type: application/json' --data-binary @"$work/big.json")
[ "$code" = 413 ] || fail "an oversized body got $code, expected 413 from nginx"
grep -q "POST /api/v1/session 413" "$work/a.log" "$work/b.log" && fail "the oversized body reached a server"

code=$(curl -sk -o /dev/null -w '%{http_code}' "http://127.0.0.1:$tls_port/api/v1/me")
[ "$code" = 400 ] || fail "plain HTTP on the TLS port answered $code"

# The same operations sent at once to both processes (and through nginx), as a client that
# retries after a cut connection would: each op_id is applied exactly once, by the database.
id=$(curl -sk "$base/changes?since=0&limit=1000" -H "Authorization: Bearer $token" | python3 -c '
import json, sys
for a in json.load(sys.stdin)["changes"]:
    if a["status"] == "assigned" and not a["phone_checkin"]["required"]:
        print(a["id"]); break')
batch=$(python3 - "$id" <<'PY'
import json, sys, uuid, datetime
aid = int(sys.argv[1])
now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
def iso(t): return t.strftime("%Y-%m-%dT%H:%M:%SZ")
ops = []
for k in range(3):
    start = now - datetime.timedelta(days=3, hours=k)
    ops.append({"op_id": str(uuid.uuid4()), "assignment_id": aid, "type": "time_log.upsert",
                "payload": {"id": str(uuid.uuid4()), "check_in": iso(start),
                            "check_out": iso(start + datetime.timedelta(minutes=30))},
                "created_at": iso(now)})
print(json.dumps({"ops": ops}))
PY
)
senders=()
for i in $(seq 6); do
  for target in "http://127.0.0.1:$a_port/api/v1" "http://127.0.0.1:$b_port/api/v1" "$base"; do
    curl -sk -X POST "$target/ops" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      --data "$batch" -o "$work/ops-${#senders[@]}.json" &
    senders+=($!)
  done
done
for p in "${senders[@]}"; do wait "$p" || fail "a concurrent POST /ops failed (curl exit $?)"; done
applied=$(cat "$work"/ops-*.json | python3 -c '
import json, sys
text = sys.stdin.read().replace("}{", "}\n{")
n = {}
for line in text.splitlines():
    for r in json.loads(line)["results"]:
        n[r["status"]] = n.get(r["status"], 0) + 1
print(n.get("applied", 0), n.get("duplicate", 0), sum(n.values()))')
read -r n_applied n_duplicate n_total <<<"$applied"
[ "$n_applied" = 3 ] && [ "$n_duplicate" = $((n_total - 3)) ] || fail "same ops on two servers: applied=$n_applied duplicate=$n_duplicate of $n_total"
visits=$(curl -sk "$base/assignments/$id" -H "Authorization: Bearer $token" | python3 -c '
import json, sys; print(len(json.load(sys.stdin)["time_logs"]))')
[ "$visits" = 3 ] || fail "expected 3 visits after 18 identical batches, found $visits"
echo "18 identical batches over two servers: 3 applied, $n_duplicate duplicates, 3 visits"

kill -9 "$a_pid"
for _ in $(seq 10); do
  code=$(curl -sk -o /dev/null -w '%{http_code}' "$base/me" -H "Authorization: Bearer $token")
  [ "$code" = 200 ] || fail "with one server killed, GET /me answered $code"
done
echo "deployment checks passed"
