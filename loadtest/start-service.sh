#!/usr/bin/env bash
# Starts the packaged service (prod profile) for benchmarks on 127.0.0.1:$PORT (default 8080), against its
# own database $BENCH_DB (default shopcore_bench, created if missing), and waits until it is ready. Extra
# arguments are passed to the JVM (e.g. -Dshopcore.stock.reservation-strategy=atomic). Stop it with
# loadtest/stop-service.sh (same PID_FILE).
# Build first: ./mvnw package -DskipTests (APP_DIR=/copy/of/quarkus-app runs a copy, so later builds do not disturb a measurement)
# Environment: PORT, BENCH_DB, APP_DIR, QUARKUS_REDIS_HOSTS (default db 2), PID_FILE, LOG_FILE, JVM_HEAP (default 512m).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR="${APP_DIR:-bootstrap/target/quarkus-app}/quarkus-run.jar"
[ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
"$JAVA" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' || JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
PORT="${PORT:-8080}"
PID_FILE="${PID_FILE:-/tmp/shopcore-bench.pid}"
LOG_FILE="${LOG_FILE:-/tmp/shopcore-bench.log}"
KEYS="$HOME/.shopcore/bench-keys"
if [ ! -f "$KEYS/jwt-private.pem" ]; then
  mkdir -p "$KEYS"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEYS/jwt-private.pem" 2>/dev/null
  openssl pkey -in "$KEYS/jwt-private.pem" -pubout -out "$KEYS/jwt-public.pem"
fi
DB="${BENCH_DB:-shopcore_bench}"
psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DB"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB"
export QUARKUS_REDIS_HOSTS="${QUARKUS_REDIS_HOSTS:-redis://127.0.0.1:6379/2}"
export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$KEYS/jwt-public.pem"
export SMALLRYE_JWT_SIGN_KEY_LOCATION="$KEYS/jwt-private.pem"
export SHOPCORE_ADMIN_USERNAME=admin SHOPCORE_ADMIN_PASSWORD=bench-admin-password
# Do not hand inherited descriptors (e.g. a build lock held by the caller) to the long-lived JVM.
for fd in "/proc/$$/fd/"*; do n=${fd##*/}; [ "$n" -gt 2 ] 2>/dev/null && eval "exec $n>&-" 2>/dev/null; done
# The management interface (if the build enables one) moves with the port, so two runs never collide.
"$JAVA" -Xms"${JVM_HEAP:-512m}" -Xmx"${JVM_HEAP:-512m}" -Dquarkus.http.port="$PORT" \
  -Dquarkus.management.port=$((PORT + 1000)) "$@" -jar "$JAR" > "$LOG_FILE" 2>&1 &
echo $! > "$PID_FILE"
for _ in $(seq 1 90); do
  # /api/v1/health is the load balancers' readiness answer on the API port (wherever /q/health lives).
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/api/v1/health" && { echo "service ready on port $PORT (pid $(cat "$PID_FILE"))"; exit 0; }
  kill -0 "$(cat "$PID_FILE")" 2>/dev/null || break
  sleep 1
done
echo "service did not become ready; see $LOG_FILE" >&2
tail -20 "$LOG_FILE" >&2
exit 1
