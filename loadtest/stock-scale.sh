#!/usr/bin/env bash
# Stock at 1,000,000 products with 10,000,000 rows of reservation history (issue 11, "Scale"), against
# the 1,000-product demo catalog with no history, same build, same run:
#
#   reserve        POST /api/v1/stock/{id}/reservations over 1,000 products, wrk -t2 -c50, DURATION (10s)
#                  after a 10 s warm-up; ROUNDS (2) rounds alternating small and large
#   audit          GET /api/v1/stock/audit?productId=<id> (one product's invariants, ledger replay
#                  included), 200 requests one at a time over random products: p50 / p99 / max
#   sweeper        SWEEP_DUE (60,000) held reservations made due at once (expires_at moved into the past
#                  by SQL); the due backlog is read every second until it is empty: expiries per second at
#                  the shipped sweeper settings, with nothing else running
#
#   loadtest/stock-scale.sh [--products N] [--history ROWS] [--duration 10s] [--rounds 2]
#
# The large database ($BENCH_DB_LARGE, default shopcore_bench_stock_scale) is generated once with
# generate-data.sh and reused (drop it to regenerate; each run's reservations and expiries stay in it, a
# few tens of thousands of rows beside the 10,000,000). The small one is a fresh database each time.
# Prints a markdown table (also loadtest/results/stock-scale.md). Needs a build (APP_DIR as in
# start-service.sh), wrk, and the machine to itself:  flock -o /tmp/shopcore-build.lock loadtest/stock-scale.sh
set -euo pipefail
cd "$(dirname "$0")"
PRODUCTS=1000000 HISTORY=10000000 DURATION=10s ROUNDS=2 SWEEP_DUE="${SWEEP_DUE:-60000}"
while [ $# -gt 0 ]; do
  case "$1" in
    --products) PRODUCTS=$2; shift 2 ;;
    --history) HISTORY=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    *) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 1 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
export PORT="${PORT:-18060}" PID_FILE=/tmp/shopcore-stock-scale.pid LOG_FILE=/tmp/shopcore-stock-scale.log
REDIS_DB="${REDIS_DB:-8}"
export QUARKUS_REDIS_HOSTS="redis://127.0.0.1:6379/$REDIS_DB"
BASE="http://127.0.0.1:$PORT"
SMALL_DB=shopcore_bench_stock_small LARGE_DB="${BENCH_DB_LARGE:-shopcore_bench_stock_scale}"
mkdir -p results
OUT=results/stock-scale.md
psql_q() { psql -h 127.0.0.1 -U postgres -tAq "$@"; }
log() { printf '[stock-scale %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
trap './stop-service.sh >/dev/null 2>&1 || true' EXIT

token() { # username, password
  curl -s -XPOST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$2\"}" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
start() { # db, extra JVM args...
  local db=$1; shift
  redis-cli -n "$REDIS_DB" flushdb >/dev/null
  # The search projection is not measured here: skip its start-up rebuild (minutes at 1,000,000 products).
  BENCH_DB=$db ./start-service.sh -Dshopcore.search.rebuild-if-empty-at-start=false "$@" >/dev/null
  ADMIN=$(token admin bench-admin-password)
  curl -s -o /dev/null -XPOST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d '{"username":"scale-buyer","password":"scale-password-1"}'
  BUYER=$(token scale-buyer scale-password-1)
}
# The 1,000 products the reservations go to (every 1,000th of the catalog), each given 5,000,000 units once.
prepare_products() { # db
  IDS=$(psql_q -d "$1" -c "SELECT id FROM catalog.products WHERE id % greatest(1, (SELECT count(*) FROM catalog.products) / 1000) = 0 ORDER BY id LIMIT 1000" | paste -sd, -)
  local total; total=$(psql_q -d "$1" -c "SELECT coalesce(min(total - reserved), 0) FROM stock.stock_level WHERE product_id IN ($IDS)")
  if [ "$total" -lt 1000000 ]; then
    for id in ${IDS//,/ }; do
      curl -s -o /dev/null -XPOST "$BASE/api/v1/stock/$id/adjustments" -H "Authorization: Bearer $ADMIN" \
        -H 'Content-Type: application/json' -d '{"delta":5000000,"reason":"stock-scale benchmark"}'
    done
  fi
}
reserve() { # label
  PRODUCTS="$IDS" TOKEN="$BUYER" wrk -t2 -c50 -d10s --timeout 10s -s wrk/reserve.lua "$BASE/api/v1/stock/x/reservations" >/dev/null
  local out; out=$(PRODUCTS="$IDS" TOKEN="$BUYER" wrk -t2 -c50 -d"$DURATION" --timeout 10s --latency -s wrk/reserve.lua \
    "$BASE/api/v1/stock/x/reservations")
  printf '| %s | reserve, 1,000 products, 50 conns | %s/s | p50 %s | p99 %s | non-2xx %s |\n' "$1" \
    "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" "$(echo "$out" | awk '$1=="50%" {print $2}')" \
    "$(echo "$out" | awk '$1=="99%" {print $2}')" "$(echo "$out" | awk '/Non-2xx/ {print $5}' | grep . || echo 0)" | tee -a "$OUT"
}
audit_one() { # label, db
  local ids; ids=$(psql_q -d "$2" -c "SELECT product_id FROM stock.stock_level ORDER BY random() LIMIT 200")
  for id in $ids; do
    curl -s -o /tmp/stock-scale-audit.json -w '%{time_total}\n' -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/stock/audit?productId=$id"
    grep -q '"consistent":true' /tmp/stock-scale-audit.json || { log "audit of $id not consistent: $(head -c 300 /tmp/stock-scale-audit.json)"; exit 1; }
  done | sort -n | awk -v l="$1" '{a[NR]=$1} END {printf "| %s | audit of one product (%d random products, one at a time) | | p50 %.1f ms | p99 %.1f ms | max %.1f ms |\n", l, NR, a[int(NR*0.5)]*1000, a[int(NR*0.99)]*1000, a[NR]*1000}' | tee -a "$OUT"
}
sweeper() { # label, db
  local db=$2
  psql_q -d "$db" -c "UPDATE stock.reservation SET expires_at = now() - interval '1 second'
                        WHERE id IN (SELECT id FROM stock.reservation WHERE status = 'HELD' AND created_at < now() - interval '2 seconds'
                                      AND expires_at > now() LIMIT $SWEEP_DUE)"
  local due t0 first="" last=""
  t0=$(date +%s.%N)
  while :; do
    due=$(psql_q -d "$db" -c "SELECT count(*) FROM stock.reservation WHERE status = 'HELD' AND expires_at <= now()")
    local now; now=$(date +%s.%N)
    [ -z "$first" ] && [ "$due" -lt "$SWEEP_DUE" ] && first=$now
    [ "$due" = 0 ] && { last=$now; break; }
    [ "$(echo "$now - $t0 > 600" | bc)" = 1 ] && { log "sweeper did not empty the backlog in 10 minutes ($due left)"; exit 1; }
    sleep 1
  done
  local secs; secs=$(echo "$last - $t0" | bc -l)
  printf '| %s | sweeper: %s reservations due at once | %.0f expiries/s | emptied in %.1f s | first expiry after %.1f s | |\n' "$1" \
    "$SWEEP_DUE" "$(echo "$SWEEP_DUE / $secs" | bc -l)" "$secs" "$(echo "${first:-$last} - $t0" | bc -l)" | tee -a "$OUT"
}

# The large database: schemas by a first start, then the generator.
if ! psql_q -c "SELECT 1 FROM pg_database WHERE datname='$LARGE_DB'" | grep -q 1; then
  log "generating $LARGE_DB: $PRODUCTS products, $HISTORY history rows"
  psql_q -c "CREATE DATABASE $LARGE_DB"
  start "$LARGE_DB" -Dshopcore.catalog.demo-data.enabled=false
  ./stop-service.sh >/dev/null
  ./generate-data.sh "$PRODUCTS" --history "$HISTORY" --db "$LARGE_DB"
  psql_q -d "$LARGE_DB" -c "VACUUM ANALYZE"
fi
echo "| catalog | measurement | throughput | p50 | p99 | other |" | tee "$OUT"
echo "|---|---|---:|---:|---:|---:|" | tee -a "$OUT"
LARGE_LABEL="$(psql_q -d "$LARGE_DB" -c "SELECT to_char(count(*), 'FM9,999,999') FROM catalog.products") products, $(psql_q -d "$LARGE_DB" -c "SELECT to_char((SELECT count(*) FROM stock.reservation) + (SELECT count(*) FROM stock.ledger_entry), 'FM99,999,999')") history rows"
for round in $(seq 1 "$ROUNDS"); do
  log "round $round: small"
  psql_q -c "DROP DATABASE IF EXISTS $SMALL_DB WITH (FORCE)"; psql_q -c "CREATE DATABASE $SMALL_DB"
  start "$SMALL_DB" -Dshopcore.catalog.demo-data.enabled=true
  for _ in $(seq 1 120); do [ "$(psql_q -d "$SMALL_DB" -c 'SELECT count(*) FROM stock.stock_level')" -ge 1000 ] && break; sleep 1; done
  prepare_products "$SMALL_DB"
  reserve "1,000, no history"
  [ "$round" = 1 ] && audit_one "1,000, no history" "$SMALL_DB"
  ./stop-service.sh >/dev/null
  log "round $round: large"
  start "$LARGE_DB" -Dshopcore.catalog.demo-data.enabled=false
  prepare_products "$LARGE_DB"
  reserve "$LARGE_LABEL"
  if [ "$round" = 1 ]; then
    audit_one "$LARGE_LABEL" "$LARGE_DB"
    sweeper "$LARGE_LABEL" "$LARGE_DB"
  fi
  ./stop-service.sh >/dev/null
done
psql_q -c "DROP DATABASE IF EXISTS $SMALL_DB WITH (FORCE)"
log "done: $OUT"
