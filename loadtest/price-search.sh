#!/usr/bin/env bash
# POST /api/v1/price/search on the packaged service (prod profile, demo catalog, no external source),
# 1 and 8 connections (CONNECTIONS), one query: the fast path (own catalog through product search; price cache off) and the
# cache path (price cache on, same query). Own database shopcore_price, Redis db 5, port 8095.
# Build first: ./mvnw package -DskipTests. Run under the build lock.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR="${APP_DIR:-bootstrap/target/quarkus-app}/quarkus-run.jar"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
PORT=8095
DB=shopcore_price
DURATION="${DURATION:-15s}"
QUERY="${QUERY:-무선 이어폰}"
CONNECTIONS="${CONNECTIONS:-1 8}"
KEYS="$HOME/.shopcore/bench-keys"
if [ ! -f "$KEYS/jwt-private.pem" ]; then
  mkdir -p "$KEYS"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEYS/jwt-private.pem" 2>/dev/null
  openssl pkey -in "$KEYS/jwt-private.pem" -pubout -out "$KEYS/jwt-public.pem"
fi
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DB TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB"
export QUARKUS_REDIS_HOSTS="redis://127.0.0.1:6379/5"
export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$KEYS/jwt-public.pem" SMALLRYE_JWT_SIGN_KEY_LOCATION="$KEYS/jwt-private.pem"
mkdir -p loadtest/results
OUT=loadtest/results/price-search.md
echo "| path | connections | req/s | p50 | p90 | p99 |" > "$OUT"
echo "|---|---:|---:|---:|---:|---:|" >> "$OUT"
bench() { # label, expected path, jvm args...
  local label=$1 expected=$2; shift 2
  for fd in "/proc/$$/fd/"*; do n=${fd##*/}; [ "$n" -gt 2 ] 2>/dev/null && eval "exec $n>&-" 2>/dev/null; done
  "$JAVA" -Xms512m -Xmx512m -Dquarkus.http.port=$PORT -Dshopcore.catalog.demo-data.enabled=true "$@" -jar "$JAR" \
    > /tmp/shopcore-price-bench.log 2>&1 &
  local pid=$!
  for _ in $(seq 1 90); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "{\"query\":\"$QUERY\"}" \
      http://127.0.0.1:$PORT/api/v1/price/search)" = 200 ] && break
    sleep 1
  done
  curl -s -H 'Content-Type: application/json' -d "{\"query\":\"$QUERY\"}" http://127.0.0.1:$PORT/api/v1/price/search \
    | python3 -c "import json,sys; a=json.load(sys.stdin); assert a['path']=='$expected', a['path']; print('$label:', a['path'], len(a['offers']), 'offers')"
  BODY="{\"query\":\"$QUERY\"}" wrk -t2 -c8 -d5s -s loadtest/wrk/post-json.lua http://127.0.0.1:$PORT/api/v1/price/search > /dev/null
  local out c
  for c in $CONNECTIONS; do
    out=$(BODY="{\"query\":\"$QUERY\"}" wrk -t$(( c < 2 ? 1 : 2 )) -c"$c" -d"$DURATION" --latency -s loadtest/wrk/post-json.lua \
      http://127.0.0.1:$PORT/api/v1/price/search)
    echo "$out" | grep -q 'Non-2xx' && { echo "non-2xx answers:"; echo "$out"; }
    printf '| %s | %s | %s | %s | %s | %s |\n' "$label" "$c" "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
      "$(echo "$out" | awk '$1=="50%" {print $2}')" "$(echo "$out" | awk '$1=="90%" {print $2}')" \
      "$(echo "$out" | awk '$1=="99%" {print $2}')" | tee -a "$OUT"
  done
  kill $pid; wait $pid 2>/dev/null || true
}
bench "fast (own catalog, price cache off)" fast -Dshopcore.search.price.cache.enabled=false
bench "cache" cache
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
cat "$OUT"
