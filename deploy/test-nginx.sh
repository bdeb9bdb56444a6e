#!/usr/bin/env bash
# Tests deploy/nginx.conf as it is shipped: nginx with a self-signed certificate in front of two
# `amity serve` processes on one PostgreSQL database, requests through it over https.
#   npm run test:nginx      (needs nginx: apt-get install -y nginx; openssl; a PostgreSQL server)
# The server is TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test): a database of
# its own is created there and dropped. Only the upstream's hosts, the ports, the certificate's
# paths and the server name are changed in a copy of the configuration; everything else is tested
# as written.
set -euo pipefail
cd "$(dirname "$0")/.."

NGINX="$(command -v nginx || ls /usr/sbin/nginx 2>/dev/null || true)"
if [ -z "$NGINX" ]; then
  echo "test-nginx: nginx is not installed (Debian: apt-get install -y nginx)" >&2
  exit 1
fi
SERVER_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
DB="amity_nginx_$$"
DB_URL="$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$SERVER_URL" "$DB")"
TMP="$(mktemp -d /tmp/amity-nginx-XXXXXX)"
chmod 755 "$TMP"
PIDS=()
failures=0

sql() { node -e 'const pg = require("pg"); const c = new pg.Client(process.argv[1]); c.connect().then(() => c.query(process.argv[2])).then(() => c.end())' "$SERVER_URL" "$1"; }
cleanup() {
  [ -f "$TMP/nginx.pid" ] && kill -QUIT "$(cat "$TMP/nginx.pid")" 2>/dev/null || true
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  sql "drop database if exists $DB with (force)" || true
  rm -rf "$TMP"
}
trap cleanup EXIT

free_port() { node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'; }
check() { # check WHAT EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then echo "ok: $1"; else echo "FAILED: $1 (expected $2, got $3)"; failures=$((failures + 1)); fi
}

sql "create database $DB"
password="$(DATABASE_URL="$DB_URL" node bin/amity.mjs user add root --role admin --scope 000000 | sed -n 's/.*password: \([^ ]*\).*/\1/p')"

# Two app hosts, as the proxy's upstream sees them.
P1="$(free_port)"; P2="$(free_port)"; HTTPS="$(free_port)"; HTTP="$(free_port)"
for p in "$P1" "$P2"; do
  DATABASE_URL="$DB_URL" AMITY_TRUST_PROXY=1 AMITY_METRICS=1 AMITY_LOG_LEVEL=info AMITY_WORKERS= \
    node bin/amity.mjs serve --port "$p" >"$TMP/app-$p.log" 2>&1 &
  PIDS+=("$!")
done

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=localhost" \
  -keyout "$TMP/privkey.pem" -out "$TMP/fullchain.pem" 2>/dev/null

# The shipped site configuration, with this machine's hosts, ports and files.
sed -e "s#server 10.0.0.11:3000#server 127.0.0.1:$P1#" \
    -e "s#server 10.0.0.12:3000#server 127.0.0.1:$P2#" \
    -e "s#listen 443 #listen 127.0.0.1:$HTTPS #" -e "/listen \[::\]:443 /d" \
    -e "s#listen 80;#listen 127.0.0.1:$HTTP;#" -e "/listen \[::\]:80;/d" \
    -e "s#/etc/ssl/amity/#$TMP/#" \
    -e "s#server_name amity.example.org#server_name localhost#" \
    deploy/nginx.conf >"$TMP/amity.conf"
grep -q "127.0.0.1:$P1" "$TMP/amity.conf" && grep -q "127.0.0.1:$HTTPS" "$TMP/amity.conf" || {
  echo "test-nginx: deploy/nginx.conf no longer has the lines this test adapts" >&2
  exit 1
}
mkdir -p "$TMP/logs" "$TMP/temp"
chmod 777 "$TMP/temp"
cat >"$TMP/nginx.conf" <<CONF
worker_processes 1;
pid $TMP/nginx.pid;
error_log $TMP/logs/error.log warn;
events { worker_connections 256; }
http {
  access_log $TMP/logs/access.log;
  client_body_temp_path $TMP/temp/body;
  proxy_temp_path $TMP/temp/proxy;
  fastcgi_temp_path $TMP/temp/fastcgi;
  uwsgi_temp_path $TMP/temp/uwsgi;
  scgi_temp_path $TMP/temp/scgi;
  include $TMP/amity.conf;
}
CONF
"$NGINX" -t -q -p "$TMP" -c "$TMP/nginx.conf"
"$NGINX" -p "$TMP" -c "$TMP/nginx.conf"

for p in "$P1" "$P2"; do
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$p/healthz" >/dev/null && break
    sleep 0.1
  done
done

BASE="https://localhost:$HTTPS"
C=(curl -sk --resolve "localhost:$HTTPS:127.0.0.1" -o /dev/null -w '%{http_code}')
check "GET /healthz through nginx over https" 200 "$("${C[@]}" "$BASE/healthz")"
check "GET /readyz through nginx" 200 "$("${C[@]}" "$BASE/readyz")"
check "plain http is sent to https" 301 "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP/")"
check "/metrics is not passed on" 404 "$("${C[@]}" "$BASE/metrics")"
check "/metrics answers on the host itself" 200 "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$P1/metrics")"

login="$(curl -sk --resolve "localhost:$HTTPS:127.0.0.1" -D "$TMP/login.headers" -o "$TMP/login.json" -w '%{http_code}' \
  -H 'content-type: application/json' -d "{\"username\":\"root\",\"password\":\"$password\"}" "$BASE/api/auth/login")"
check "signing in through nginx" 200 "$login"
cookie_line="$(grep -i '^set-cookie: amity_session=' "$TMP/login.headers" || true)"
check "the session cookie is Secure behind the TLS proxy" yes "$(echo "$cookie_line" | grep -qi '; *secure' && echo yes || echo no)"
cookie="$(echo "$cookie_line" | sed -e 's/^[Ss]et-[Cc]ookie: //' -e 's/;.*//' | tr -d '\r')"
check "the same app without the proxy sets no Secure flag" no "$(curl -s -D - -o /dev/null -H 'content-type: application/json' \
  -d "{\"username\":\"root\",\"password\":\"$password\"}" "http://127.0.0.1:$P2/api/auth/login" | grep -i '^set-cookie: amity_session=' | grep -qi '; *secure' && echo yes || echo no)"

for _ in $(seq 1 10); do
  status="$("${C[@]}" -H "cookie: $cookie" "$BASE/api/auth/me")"
  [ "$status" = 200 ] || check "the session works on whichever host answers" 200 "$status"
done
on1="$(grep -c '"route":"/api/auth/me"' "$TMP/app-$P1.log" || true)"
on2="$(grep -c '"route":"/api/auth/me"' "$TMP/app-$P2.log" || true)"
check "10 requests with one session answered by both hosts ($on1 + $on2)" yes "$([ "$on1" -gt 0 ] && [ "$on2" -gt 0 ] && [ $((on1 + on2)) = 10 ] && echo yes || echo no)"
reqid="$(curl -sk --resolve "localhost:$HTTPS:127.0.0.1" -D - -o /dev/null "$BASE/healthz" | sed -n 's/^[Xx]-[Rr]equest-[Ii]d: //p' | tr -d '\r')"
check "nginx's request id is the app's (X-Request-Id, 32 hex digits)" yes "$(echo "$reqid" | grep -Eq '^[0-9a-f]{32}$' && echo yes || echo no)"

# 80 requests, 16 at a time: more than the burst of 60 before 2 a second can refill it.
statuses="$(seq 1 80 | xargs -P 16 -I{} curl -sk --resolve "localhost:$HTTPS:127.0.0.1" -o /dev/null -w '%{http_code}\n' \
  "$BASE/api/open/partnerships?perPage=1" | sort | uniq -c | tr -s ' ' | tr '\n' ',')"
check "the open-data API is limited by nginx per address (80 at once: 200s then 429s:$statuses)" yes \
  "$(echo "$statuses" | grep -q ' 429' && echo "$statuses" | grep -q ' 200' && echo yes || echo no)"

kill -TERM "${PIDS[0]}"; wait "${PIDS[0]}" 2>/dev/null || true
ok=0
for _ in $(seq 1 10); do [ "$("${C[@]}" -H "cookie: $cookie" "$BASE/api/auth/me")" = 200 ] && ok=$((ok + 1)); done
check "with one host stopped, the other answers every request" 10 "$ok"

if [ "$failures" -gt 0 ]; then
  echo "test-nginx: $failures check(s) failed; nginx's error log:"; cat "$TMP/logs/error.log"
  exit 1
fi
echo "test-nginx: every check passed"
