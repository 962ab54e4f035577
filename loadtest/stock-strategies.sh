#!/usr/bin/env bash
# Compares the three reservation strategies in one run: one hot product and 1,000 products, at 50 and
# 200 connections, plus fresh availability reads. Restarts the service per strategy (EXTRA_JVM_ARGS adds
# settings, e.g. -Dshopcore.stock.batch.writers=1). Needs a build
# (APP_DIR as in start-service.sh) and wrk. Results go to stdout and loadtest/results/.
set -euo pipefail
cd "$(dirname "$0")"
BASE=http://127.0.0.1:8080
DURATION="${DURATION:-15s}"
STRATEGIES="${STRATEGIES:-pessimistic atomic batched}"
mkdir -p results
# A fresh benchmark database each run, so earlier reservations do not distort anything.
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS shopcore_bench WITH (FORCE)"

admin_token() {
  curl -s -XPOST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d '{"username":"admin","password":"bench-admin-password"}' | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
customer_token() {
  curl -s -o /dev/null -XPOST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d '{"username":"bench-buyer","password":"bench-password-1"}'
  curl -s -XPOST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d '{"username":"bench-buyer","password":"bench-password-1"}' | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
product_ids() { # the first 1,000 product ids, one per line
  for page in $(seq 0 9); do
    curl -s "$BASE/api/v1/products?page=$page&size=100&sort=id" \
      | python3 -c 'import json,sys; [print(p["id"]) for p in json.load(sys.stdin).get("items", [])]' || true
  done
}
run() { # label, connections, products
  local label=$1 conns=$2 products=$3
  local out
  out=$(PRODUCTS="$products" TOKEN="$CUSTOMER" wrk -t2 -c"$conns" -d"$DURATION" --timeout 10s --latency -s wrk/reserve.lua \
    "$BASE/api/v1/stock/x/reservations")
  local rps p99 non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  printf '| %s | %s | %s | %s | %s | %s |\n' "$STRATEGY" "$label" "$conns" "$rps" "$p99" "${non2xx:-0}" | tee -a results/stock-strategies.md
}

echo "| strategy | products | connections | reservations/s | p99 | non-2xx |" | tee results/stock-strategies.md
echo "|---|---|---:|---:|---:|---:|" | tee -a results/stock-strategies.md
for STRATEGY in $STRATEGIES; do
  # shellcheck disable=SC2086 # EXTRA_JVM_ARGS is a list of arguments
  ./start-service.sh -Dshopcore.stock.reservation-strategy="$STRATEGY" -Dshopcore.catalog.demo-data.enabled=true ${EXTRA_JVM_ARGS:-} >/dev/null
  for _ in $(seq 1 60); do [ "$(product_ids | wc -l)" -ge 1000 ] && break; sleep 2; done
  ADMIN=$(admin_token); CUSTOMER=$(customer_token)
  IDS=$(product_ids | paste -sd, -)
  HOT=$(echo "$IDS" | cut -d, -f1)
  # Plenty of stock so no run ends in insufficient_stock: the hot product and every other one.
  for id in $(echo "$IDS" | tr , ' '); do
    curl -s -o /dev/null -XPOST "$BASE/api/v1/stock/$id/adjustments" -H "Authorization: Bearer $ADMIN" \
      -H 'Content-Type: application/json' -d '{"delta":5000000,"reason":"benchmark"}'
  done
  # warm-up
  PRODUCTS="$IDS" TOKEN="$CUSTOMER" wrk -t2 -c50 -d10s -s wrk/reserve.lua "$BASE/api/v1/stock/x/reservations" >/dev/null
  run "1 (hot)" 50 "$HOT"
  run "1 (hot)" 200 "$HOT"
  run "1,000" 50 "$IDS"
  run "1,000" 200 "$IDS"
  if [ "$STRATEGY" = batched ]; then
    out=$(IDS="$IDS" PATH_PREFIX="/api/v1/stock/" wrk -t2 -c50 -d"$DURATION" --latency -s wrk/get-random.lua "$BASE")
    echo "GET /stock/{id} over 1,000 products, 50 connections: $(echo "$out" | awk '/Requests\/sec/ {print $2}') req/s, p99 $(echo "$out" | awk '$1=="99%" {print $2}')" | tee -a results/stock-strategies.md
  fi
  curl -s -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/stock/audit" > "results/audit-$STRATEGY.json"
  echo "audit after $STRATEGY: $(head -c 300 "results/audit-$STRATEGY.json")"
  ./stop-service.sh
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS shopcore_bench WITH (FORCE)"
done
