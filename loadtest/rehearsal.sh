#!/usr/bin/env bash
# Local blue-green rehearsal, no cluster needed (docs/deployment.md, "Rehearsal").
#
# Starts the packaged jar twice (blue and green: own ports, one database shopcore_rehearsal, one Redis db)
# behind nginx (deploy/nginx/shopcore.conf with loopback ports, own temp prefix), then under a browse +
# reserve load through nginx (loadtest/RehearsalLoad.java: the JDK HTTP client with its own retry policy,
# reservations with an Idempotency-Key): switches nginx from blue to green with deploy/nginx/switch.sh
# (nginx -s reload), sends SIGTERM to blue, and reports requests, failed requests (must be 0), the
# client's retries, p99 during the switch, blue's drain (readiness DOWN, exit), the stock invariant audit
# (must be consistent) and the idempotency check (every key the client saw reserved is one reservation,
# and no reservation exists without its key: a retry never reserved twice).
# Exit code 0 only when nothing failed and both checks are clean.
#
#   loadtest/rehearsal.sh            short form (10 s warm-up + ~30 s of load; .ci/run runs it after the tests)
#   loadtest/rehearsal.sh --full     full form (30 s warm-up + 120 s of load, 64 connections)
#
# Before the switch, green is warmed through nginx's preview server by deploy/warm-up.sh (read-only, like a
# release does) for WARM_SECONDS (10 s short, 30 s full; 0 switches to a cold green, for comparison).
# Other overrides: BEFORE_SECONDS, SWITCH_SECONDS, CONNECTIONS, SWITCH_AFTER_SECONDS.
#
# Needs: bootstrap/target/quarkus-app (./mvnw package), a JDK 21+ (javac), nginx, curl, psql, redis-cli, openssl.
# CPU-heavy: on shared machines run it under the build lock (flock -o /tmp/shopcore-build.lock ...).
set -euo pipefail
cd "$(dirname "$0")/.."

before_s=8; switch_s=20; connections=32; switch_after_s=4; warm_s=10
if [ "${1:-}" = "--full" ]; then before_s=30; switch_s=90; connections=64; switch_after_s=15; warm_s=30; fi
warm_s="${WARM_SECONDS:-$warm_s}"
before_s="${BEFORE_SECONDS:-$before_s}"; switch_s="${SWITCH_SECONDS:-$switch_s}"
connections="${CONNECTIONS:-$connections}"; switch_after_s="${SWITCH_AFTER_SECONDS:-$switch_after_s}"

db=shopcore_rehearsal
redis_db="${REHEARSAL_REDIS_DB:-6}"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[ -x "$java" ] || java="$(command -v java)"
javac="$(dirname "$java")/javac"
[ -x "$javac" ] || { echo "rehearsal needs a JDK 21+ with javac (JAVA_HOME)" >&2; exit 2; }
for tool in nginx curl psql redis-cli openssl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "rehearsal needs $tool (.ci/run installs nginx)" >&2; exit 2; }
done
[ -f bootstrap/target/quarkus-app/quarkus-run.jar ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 2; }

log() { printf '[rehearsal %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
work="$(mktemp -d /tmp/shopcore-rehearsal.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  if [ "${KEEP_WORK:-0}" = 1 ]; then echo "work dir kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
# Children must not inherit descriptors such as a build lock held by the caller.
for fd in "/proc/$$/fd"/*; do n=${fd##*/}; [ "$n" -gt 2 ] 2>/dev/null && eval "exec $n>&-" 2>/dev/null; done

used_ports=" "
started_pid=""
free_port() {
  local p
  while :; do
    p=$(( 30000 + RANDOM % 20000 ))
    case "$used_ports" in *" $p "*) continue ;; esac
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then used_ports="$used_ports$p "; echo "$p"; return; fi
  done
}
blue_port=$(free_port); blue_mgmt=$(free_port); green_port=$(free_port); green_mgmt=$(free_port)
nginx_port=$(free_port); preview_port=$(free_port)

# ---- a private copy of the app, keys, database, Redis db ----
cp -r bootstrap/target/quarkus-app "$work/app"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/jwt-private.pem" 2>/dev/null
openssl pkey -in "$work/jwt-private.pem" -pubout -out "$work/jwt-public.pem"
admin_password="rehearsal-$(openssl rand -hex 8)"
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" >/dev/null
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db" >/dev/null
redis-cli -h 127.0.0.1 -n "$redis_db" flushdb >/dev/null

start_colour() { # colour http-port management-port demo-data
  (
    export QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$2" QUARKUS_MANAGEMENT_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT="$3"
    export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" QUARKUS_DATASOURCE_USERNAME=postgres
    export QUARKUS_REDIS_HOSTS="redis://127.0.0.1:6379/$redis_db"
    export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$work/jwt-public.pem" SMALLRYE_JWT_SIGN_KEY_LOCATION="$work/jwt-private.pem"
    export SHOPCORE_ADMIN_USERNAME=admin SHOPCORE_ADMIN_PASSWORD="$admin_password"
    export SHOPCORE_CATALOG_DEMO_DATA_ENABLED="$4"
    exec "$java" -Xms256m -Xmx384m -jar "$work/app/quarkus-run.jar" > "$work/$1.log" 2>&1
  ) &
  started_pid=$!
  pids+=("$started_pid")
}
wait_ready() { # colour management-port
  for _ in $(seq 1 120); do
    curl -fs -o /dev/null "http://127.0.0.1:$2/q/health/ready" && return 0
    sleep 0.5
  done
  echo "$1 did not become ready:" >&2; tail -30 "$work/$1.log" >&2; return 1
}

t0=$(date +%s)
log "starting blue (API $blue_port, management $blue_mgmt; migrates, loads demo data)"
start_colour blue "$blue_port" "$blue_mgmt" true; blue_pid=$started_pid
wait_ready blue "$blue_mgmt"
log "starting green (API $green_port, management $green_mgmt; same database, Redis db $redis_db)"
start_colour green "$green_port" "$green_mgmt" false
wait_ready green "$green_mgmt"
log "both colours ready after $(( $(date +%s) - t0 )) s"

# ---- nginx: the real deploy/nginx/shopcore.conf, loopback ports, own prefix ----
prefix="$work/nginx"
mkdir -p "$prefix/conf/shopcore" "$prefix/logs" "$prefix/tmp"
sed -e "s/127.0.0.1:8081/127.0.0.1:$blue_port/" -e "s/127.0.0.1:8082/127.0.0.1:$green_port/" \
    -e "s/listen 80;/listen 127.0.0.1:$nginx_port;/" -e "s/listen 127.0.0.1:8090;/listen 127.0.0.1:$preview_port;/" \
    deploy/nginx/shopcore.conf > "$prefix/conf/shopcore.conf"
cp deploy/nginx/shopcore/live.conf "$prefix/conf/shopcore/live.conf"
cat > "$prefix/conf/nginx.conf" <<CONF
worker_processes 2;
pid $prefix/nginx.pid;
error_log $prefix/logs/error.log info;
daemon off;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $prefix/tmp; proxy_temp_path $prefix/tmp; fastcgi_temp_path $prefix/tmp;
    uwsgi_temp_path $prefix/tmp; scgi_temp_path $prefix/tmp;
    include shopcore.conf;
}
CONF
nginx -p "$prefix" -c "$prefix/conf/nginx.conf" &
nginx_pid=$!; pids+=("$nginx_pid")
for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$nginx_port/api/v1/health" && break; sleep 0.1; done
base="http://127.0.0.1:$nginx_port"
curl -fs -o /dev/null "$base/api/v1/health" || { echo "nginx does not answer" >&2; cat "$prefix/logs/error.log" >&2; exit 1; }
log "nginx on 127.0.0.1:$nginx_port -> blue; preview 127.0.0.1:$preview_port -> green"

# ---- a customer, product ids ----
json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }
curl -fs -o /dev/null -XPOST "$base/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d '{"username":"rehearsal-buyer","password":"rehearsal-password-1"}'
token=$(curl -fs -XPOST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"rehearsal-buyer","password":"rehearsal-password-1"}' | json_field access_token)
admin_token=$(curl -fs -XPOST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$admin_password\"}" | json_field access_token)
products=""
for page in 0 1 2 3 4 5 6 7 8 9; do
  products="$products,$(curl -fs "$base/api/v1/products?page=$page&size=100&sort=id" | grep -o '"id":[0-9]*,"name":"[^"]*","description"' | grep -o '^"id":[0-9]*' | grep -o '[0-9]*' | paste -sd, -)"
done
products="${products#,}"
if [ -z "$token" ] || [ -z "$admin_token" ] || [ "$(echo "$products" | tr ',' '\n' | grep -c .)" -lt 100 ]; then
  echo "setup through nginx failed (token/products)" >&2; exit 1
fi

# The load client: compiled once (a single-file program, JDK only), one JVM per phase.
"$javac" -d "$work/load" loadtest/RehearsalLoad.java
# Self-check of the client's retry policy and of its retry count against a local server that closes every
# kept-alive connection when the next request arrives: fails if the JDK's behaviour or the counting changed.
"$java" -cp "$work/load" -Djdk.httpclient.enableAllMethodRetry=true -Djdk.httpclient.HttpClient.log=errors \
  RehearsalLoad --self-test | tee "$work/selftest.txt"
run_load() { # seconds url label [window-file]
  # enableAllMethodRetry: the JDK client's retry of a request that failed on a pooled connection before any
  # response byte also covers POST (safe: every reservation carries an Idempotency-Key); log=errors lets the
  # client count those retries.
  (cd "$work" && TOKEN="$token" PRODUCTS="$products" "$java" -Xmx256m -cp "$work/load" \
    -Djdk.httpclient.enableAllMethodRetry=true -Djdk.httpclient.HttpClient.log=errors \
    RehearsalLoad "$2" "$1" "$connections" "$3" ${4:+"$4"} > "$work/load-$3.txt" 2>&1) || true
  grep '^RESULT' "$work/load-$3.txt" || { cat "$work/load-$3.txt" >&2; echo "RESULT requests=0 http_failures=1 socket_errors=0 retries=0 reserved_keys=0"; }
}
field() { sed -n "s/.* $1=\\([^ ]*\\).*/\\1/p" <<<" $2"; }

# ---- smoke + warm-up of the idle colour through the preview server, as a release does (not in the totals) ----
log "smoke test and ${warm_s}s warm-up of green through the preview server (deploy/warm-up.sh)"
curl -fs -o /dev/null "http://127.0.0.1:$preview_port/api/v1/health"
curl -fs -o /dev/null "http://127.0.0.1:$preview_port/api/v1/products?size=1"
warm_rc=0
deploy/warm-up.sh "http://127.0.0.1:$preview_port" "$warm_s" > "$work/warmup.txt" 2>&1 || warm_rc=$?
sed 's/^/  /' "$work/warmup.txt"
warmup="$(grep '^WARMUP' "$work/warmup.txt" || echo "skipped (0 s)")"
[ "$warm_rc" = 0 ] || { log "REHEARSAL FAILED: the warm-up of green failed (exit $warm_rc): a release would stop here"; exit 1; }

# ---- phase 1: steady state on blue ----
log "phase 1: ${before_s}s on blue, $connections connections"
before=$(run_load "$before_s" "$base" before)

# ---- phase 2: switch blue -> green and SIGTERM blue, under load ----
log "phase 2: ${switch_s}s; switch to green and SIGTERM blue after ${switch_after_s}s"
run_load "$switch_s" "$base" switch "$work/switch.window" > "$work/switch.result" &
load_pid=$!
sleep "$switch_after_s"
switch_start=$(date +%s%N)
NGINX_PREFIX="$prefix" NGINX_CONF="$prefix/conf/nginx.conf" deploy/nginx/switch.sh green "$prefix/conf" > "$work/switch.log" 2>&1 \
  || { cat "$work/switch.log" >&2; exit 1; }
switched_ms=$(( ($(date +%s%N) - switch_start) / 1000000 ))
log "nginx reloaded to green in ${switched_ms} ms; SIGTERM to blue (pid $blue_pid)"
term_at=$(date +%s%N)
kill -TERM "$blue_pid"
ready_down_ms=-1
for _ in $(seq 1 100); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$blue_mgmt/q/health/ready" || true)
  if [ "$code" = 503 ]; then ready_down_ms=$(( ($(date +%s%N) - term_at) / 1000000 )); break; fi
  sleep 0.05
done
blue_exit=0; wait "$blue_pid" || blue_exit=$?
blue_exit_at=$(date +%s%N)
blue_exit_ms=$(( (blue_exit_at - term_at) / 1000000 ))
# "During the switch": requests started from the reload until one second after blue exited.
echo "$(( switch_start / 1000000 )) $(( blue_exit_at / 1000000 + 1000 ))" > "$work/switch.window"
log "blue: readiness DOWN after ${ready_down_ms} ms, exited with $blue_exit after ${blue_exit_ms} ms"
wait "$load_pid" || true
during=$(cat "$work/switch.result")

# ---- after: audit through nginx (green) ----
audit=$(curl -fs "$base/api/v1/stock/audit" -H "Authorization: Bearer $admin_token" || echo '{"consistent":"unreachable"}')
consistent=$(sed -n 's/.*"consistent":\([a-z"]*\).*/\1/p' <<<"$audit")
checked=$(sed -n 's/.*"productsChecked":\([0-9]*\).*/\1/p' <<<"$audit")
live_after=$(curl -s -o /dev/null -w '%{http_code}' "$base/api/v1/health")
blue_errors=$(grep -cE ' ERROR ' "$work/blue.log" || true)

# ---- idempotency: every key the client saw reserved is exactly one reservation; none without a key ----
# Only the rehearsal's customer reserves, always with a fresh Idempotency-Key, so in this private database:
# reservations = keys with outcome 201 = distinct reservation ids on those keys, and every key the client got
# a 201 for (first answer or replay) is among them. A retry that reserved twice would break the first equality.
cat "$work"/before.keys "$work"/switch.keys > "$work/keys.all" 2>/dev/null || true
client_keys=$(sort -u "$work/keys.all" | grep -c . || true)
idem=$(psql -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt -F ' ' <<SQL || echo "psql failed"
CREATE TEMP TABLE client_key (k varchar(128));
\copy client_key FROM '$work/keys.all'
SELECT (SELECT count(*) FROM stock.reservation),
       (SELECT count(*) FROM stock.idempotency_key WHERE outcome = 201),
       (SELECT count(DISTINCT reservation_id) FROM stock.idempotency_key WHERE outcome = 201),
       (SELECT count(*) FROM stock.reservation r WHERE NOT EXISTS
           (SELECT 1 FROM stock.idempotency_key k WHERE k.reservation_id = r.id)),
       (SELECT count(*) FROM (SELECT DISTINCT k FROM client_key) c WHERE NOT EXISTS
           (SELECT 1 FROM stock.idempotency_key k WHERE k.idem_key = c.k AND k.outcome = 201));
SQL
)
read -r db_reservations db_keys_201 db_key_reservations db_unkeyed client_missing <<<"$idem" || true
idem_ok=false
if [ "${db_reservations:-x}" = "${db_keys_201:-y}" ] && [ "$db_keys_201" = "${db_key_reservations:-z}" ] \
   && [ "${db_unkeyed:-1}" = 0 ] && [ "${client_missing:-1}" = 0 ] && [ "$client_keys" = "$db_keys_201" ]; then
  idem_ok=true
fi

# nginx's own view: errors between nginx and the colours (502/504 causes) would be logged with "upstream".
upstream_errors=$(grep -c 'upstream' "$prefix/logs/error.log" || true)

sum() { local t=0 v; for v in "$@"; do t=$(( t + ${v:-0} )); done; echo "$t"; }
req_total=$(sum "$(field requests "$before")" "$(field requests "$during")")
# Failed requests: any non-2xx except 409 insufficient_stock, any socket error the client's retry policy did
# not recover (a second failure, refused connections, 10 s timeouts), in every phase. (A warm-up that met a 5xx
# or a failed transfer has already stopped the rehearsal above.)
fail_total=$(sum "$(field http_failures "$before")" "$(field socket_errors "$before")" \
  "$(field http_failures "$during")" "$(field socket_errors "$during")")
retries=$(sum "$(field retries "$before")" "$(field retries "$during")")
replayed=$(sum "$(field replayed "$before")" "$(field replayed "$during")")
mkdir -p loadtest/results
report="loadtest/results/rehearsal-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "shopcore blue-green rehearsal $(date -u +%FT%TZ) ($( [ "${1:-}" = --full ] && echo full || echo short ) form)"
  echo "machine: $(nproc) cores; $connections connections, loadtest/RehearsalLoad.java (java.net.http, HTTP/1.1 keep-alive); JVM $("$java" -version 2>&1 | head -1)"
  echo "client retry self-check: $(cat "$work/selftest.txt")"
  echo "warm-up (green via preview, deploy/warm-up.sh, ${warm_s}s): $warmup"
  echo "phase 1 (blue, ${before_s}s):   $before"
  echo "phase 2 (switch, ${switch_s}s): $during"
  echo "switch: nginx reload ${switched_ms} ms; blue readiness DOWN ${ready_down_ms} ms after SIGTERM; blue exit code $blue_exit after ${blue_exit_ms} ms; ERROR lines in blue's log: $blue_errors"
  echo "nginx error log: $upstream_errors lines about upstreams (connections to blue/green)"
  echo "after: nginx /api/v1/health -> $live_after (green); stock audit: consistent=$consistent over $checked products"
  echo "idempotency: client got 201 for $client_keys keys ($replayed of them replays); database: $db_reservations reservations, $db_keys_201 keys with outcome 201 naming $db_key_reservations reservations, $db_unkeyed reservations without a key, $client_missing client keys missing -> ok=$idem_ok"
  echo "TOTAL warm_s=$warm_s requests=$req_total failed=$fail_total retries=$retries p99_during_switch_ms=$(field p99_window_ms "$during") requests_during_switch=$(field window_requests "$during") p99_phase2_ms=$(field p99_ms "$during") p99_before_ms=$(field p99_ms "$before")"
} | tee "$report"
if [ "$fail_total" != 0 ] || [ "$idem_ok" != true ] || [ "$consistent" != true ] || [ "$ready_down_ms" -lt 0 ] || [ "$live_after" != 200 ]; then
  log "REHEARSAL FAILED (see $report; KEEP_WORK=1 keeps logs)"; exit 1
fi
log "rehearsal passed: $report"
