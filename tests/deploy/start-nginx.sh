#!/usr/bin/env bash
# Starts nginx with the shipped configuration (packaging/nginx/onsite.conf), adapted only where
# a test must differ from a real host: a self-signed certificate for 127.0.0.1, the TLS port,
# a throwaway plain-HTTP port, paths in WORK. Used by tests/deploy/nginx-two-servers.sh and
# tests/load/load-run.sh. Leaves nginx's pid in WORK/nginx.pid and its logs in
# WORK/nginx-{access,error}.log.
#
#   start-nginx.sh WORK TLS_PORT [A_PORT B_PORT] [WORKER_CONNECTIONS]
# A_PORT/B_PORT replace the shipped upstreams 127.0.0.1:8751 and :8752 ("-" keeps them).
set -euo pipefail
work=$1 tls_port=$2 a_port=${3:--} b_port=${4:--} connections=${5:-256}
src=$(cd "$(dirname "$0")/../.." && pwd)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1" \
  -keyout "$work/privkey.pem" -out "$work/fullchain.pem" >/dev/null 2>&1
upstreams=()
[ "$a_port" = - ] || upstreams+=(-e "s#server 127.0.0.1:8751#server 127.0.0.1:$a_port#")
[ "$b_port" = - ] || upstreams+=(-e "s#server 127.0.0.1:8752#server 127.0.0.1:$b_port#")
sed "${upstreams[@]}" \
    -e "s#listen 443 ssl;#listen 127.0.0.1:$tls_port ssl;#" \
    -e "s#listen 80;#listen 127.0.0.1:$(free_port);#" \
    -e "s#/etc/ssl/onsite/#$work/#g" \
    -e "s#/etc/nginx/onsite-proxy.conf#$src/packaging/nginx/onsite-proxy.conf#" \
    "$src/packaging/nginx/onsite.conf" >"$work/onsite.conf"
for p in "${a_port/-/8751}" "${b_port/-/8752}"; do
  grep -q "server 127.0.0.1:$p" "$work/onsite.conf" ||
    { echo "the shipped config no longer names the upstream 127.0.0.1:8751 / :8752" >&2; exit 1; }
done
mkdir -p "$work/tmp"; chmod 777 "$work/tmp"
cat >"$work/nginx.conf" <<CONF
daemon on;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
worker_rlimit_nofile $((connections * 4));
events { worker_connections $connections; }
http {
  access_log $work/nginx-access.log;
  client_body_temp_path $work/tmp/body;
  proxy_temp_path $work/tmp/proxy;
  fastcgi_temp_path $work/tmp/fastcgi;
  uwsgi_temp_path $work/tmp/uwsgi;
  scgi_temp_path $work/tmp/scgi;
  include $work/onsite.conf;
}
CONF
nginx -c "$work/nginx.conf" -p "$work"
