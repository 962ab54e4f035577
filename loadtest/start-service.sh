#!/usr/bin/env bash
# Starts the packaged service (prod profile) for benchmarks on 127.0.0.1:8080, against its own database
# shopcore_bench, and waits until it is ready. Extra arguments are passed to the JVM (e.g.
# -Dshopcore.stock.reservation-strategy=atomic). Stop it with loadtest/stop-service.sh.
# Build first: ./mvnw package -DskipTests (APP_DIR=/copy/of/quarkus-app runs a copy, so later builds do not disturb a measurement)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR="${APP_DIR:-bootstrap/target/quarkus-app}/quarkus-run.jar"
[ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
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
for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] 2>/dev/null && eval "exec $n>&-" 2>/dev/null; done
"$JAVA" -Xms512m -Xmx512m "$@" -jar "$JAR" > /tmp/shopcore-bench.log 2>&1 &
echo $! > /tmp/shopcore-bench.pid
for _ in $(seq 1 60); do
  curl -fs -o /dev/null http://127.0.0.1:8080/q/health/ready && { echo "service ready (pid $(cat /tmp/shopcore-bench.pid))"; exit 0; }
  sleep 1
done
echo "service did not become ready; see /tmp/shopcore-bench.log" >&2
exit 1
