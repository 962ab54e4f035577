#!/usr/bin/env bash
# Product search (GET /api/v1/search) and price search at 1,000,000 products against a 100,000-product
# baseline from the same generator, in one run (issue 11, "Scale": "search as in the search issue").
# For each catalog size it generates the catalog with generate-data.sh into its own database once (reused
# while it has the products), rebuilds the search projection with POST /api/v1/search/rebuild when the
# projection is not complete (timed), runs EXPLAIN ANALYZE of the statement shapes
# (search/explain-generated.sql), then starts the packaged service (prod profile) and measures with wrk
# (2 threads, 50 connections, DURATION each, default 10s) after a WARMUP (default 20s) of mixed searches:
#
#   rare number      GET /search?q=<model number>        a different product per request (uncached):
#                                                        tsquery prefix OR substring
#   rare code        GET /search?q=<B7-0054321 form>      a different product per request (uncached):
#                                                        symbols, so substring (trigram LIKE) only
#   common ko cached GET /search?q=이어폰                 one query (1 product in 40 matches), cached 30 s;
#                                                        primed by one request just before the row
#   common en cached GET /search?q=hoodie                 the same in English (the generator names even ids
#                    in Korean, odd ids in English: categories 1, 3, 5, 7, 9 are Korean only, so "bluetooth"
#                    of category 1 finds nothing; "hoodie" is category 2), primed
#   common ko cold   GET /search?q=이어폰&size=19          one query whose page is not cached when the row starts:
#                                                        what 50 clients see when a common page expires
#   common ko range  GET /search?q=이어폰&minPrice=A&maxPrice=A+100000
#                                                        a different range per request (uncached)
#   price cached     POST /price/search {"query":"무선 이어폰"}   the price cache's answer
#   price rare       POST /price/search {"query":"<model number>"} a different product per request: fast
#                                                        path through product search (both caches miss)
#
# The request scripts are search/model-codes.lua and wrk/post-json.lua. Each row waits up to COOLDOWN
# seconds (default 90) for the 1-minute load average to fall below 0.5 and carries the load average it
# started with ("busy" above 0.5), the search cache's hit share during the row (shopcore_search_cache_requests_total)
# and the non-2xx answers. RUNS (default 2) repeats the measurement, alternating the order of the sizes.
# ROWS (default "rare code ko en ko-cold range price-cache price-rare") chooses the rows, in that order.
# Prints markdown tables, also in loadtest/results/search-scale.md (EXPLAIN output in
# loadtest/results/search-scale-explain-<products>.txt).
#
#   loadtest/search-scale.sh [--products N] [--baseline N] [--history ROWS] [--duration 10s] [--runs 2]
#
#   --products  products of the large catalog (default 1000000), database $BENCH_DB_LARGE (default
#               shopcore_bench_search)
#   --baseline  products of the baseline catalog (default 100000), database $BENCH_DB_SMALL (default
#               shopcore_bench_search_base); 0 measures the large catalog alone
#   --history   reservation history rows per catalog (default 100000: search never reads the history)
# Build first (./mvnw package -DskipTests) or set APP_DIR; on a shared machine run it under the build lock:
#   flock -o /tmp/shopcore-build.lock loadtest/search-scale.sh
set -euo pipefail
cd "$(dirname "$0")"
PRODUCTS=1000000 BASELINE=100000 HISTORY=100000 DURATION="${DURATION:-10s}" RUNS="${RUNS:-2}"
WARMUP="${WARMUP:-20s}" COOLDOWN="${COOLDOWN:-90}"
ROWS="${ROWS:-rare code ko en ko-cold range price-cache price-rare}"
while [ $# -gt 0 ]; do
  case "$1" in
    --products) PRODUCTS=$2; shift 2 ;;
    --baseline) BASELINE=$2; shift 2 ;;
    --history) HISTORY=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    *) sed -n '2,43p' "$(basename "$0")" | sed 's/^# \{0,1\}//'; exit 1 ;;
  esac
done
[ "$BASELINE" = 0 ] || [ "$BASELINE" -ge 54321 ] || { echo "--baseline: 0 or at least 54321 (explain-generated.sql)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
export PORT="${PORT:-18095}" PID_FILE=/tmp/shopcore-search-scale.pid LOG_FILE=/tmp/shopcore-search-scale.log
export REDIS_DB="${REDIS_DB:-7}"
export QUARKUS_REDIS_HOSTS="redis://127.0.0.1:6379/$REDIS_DB"
BASE="http://127.0.0.1:$PORT"
SMALL_DB="${BENCH_DB_SMALL:-shopcore_bench_search_base}" LARGE_DB="${BENCH_DB_LARGE:-shopcore_bench_search}"
mkdir -p results
OUT=results/search-scale.md
psql_q() { psql -h 127.0.0.1 -U postgres -tAq "$@"; }
trap './stop-service.sh >/dev/null 2>&1 || true' EXIT
log() { printf '[search-scale] %s\n' "$*" >&2; }
thousands() { python3 -c "print(f'{$1:,}')"; }

start() { # db, extra JVM args...
  local db=$1; shift
  redis-cli -n "$REDIS_DB" flushdb >/dev/null
  # No start-up rebuild: the projection is rebuilt (and timed) explicitly; a rebuild at 1,000,000 products
  # takes minutes, so its transaction timeout is raised.
  BENCH_DB=$db ./start-service.sh -Dshopcore.search.rebuild-if-empty-at-start=false \
    -Dshopcore.search.rebuild-timeout=60m "$@" >/dev/null
}

prepare() { # products, db: generated catalog and complete search projection
  local products=$1 db=$2 existing count indexed token started answer
  existing=$(psql_q -c "SELECT 1 FROM pg_database WHERE datname='$db'")
  count=0
  [ "$existing" = 1 ] && count=$(psql_q -d "$db" -c "SELECT count(*) FROM catalog.products" 2>/dev/null || echo 0)
  if [ "$count" -lt "$products" ]; then
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"
    # UTF-8 ctype: pg_trgm keeps Hangul only then (the service refuses to start otherwise).
    psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
    start "$db" # Flyway creates the schemas; the generator wants an empty catalog
    ./stop-service.sh
    started=$(date +%s)
    ./generate-data.sh "$products" --history "$HISTORY" --db "$db"
    log "$db: generated in $(( $(date +%s) - started )) s"
  fi
  indexed=$(psql_q -d "$db" -c "SELECT count(*) FROM search.products")
  if [ "$indexed" -lt "$products" ]; then
    start "$db"
    token=$(curl -fs -XPOST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
      -d '{"username":"admin","password":"bench-admin-password"}' \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
    started=$(date +%s)
    answer=$(curl -fs -XPOST -H "Authorization: Bearer $token" --max-time 3600 "$BASE/api/v1/search/rebuild")
    log "$db: search projection rebuilt in $(( $(date +%s) - started )) s: $answer"
    echo "- $(date -u +%FT%TZ) $(thousands "$products") products: POST /api/v1/search/rebuild $answer ($(( $(date +%s) - started )) s wall)" >> results/search-scale-rebuild.md
    ./stop-service.sh
    psql_q -d "$db" -c "VACUUM ANALYZE search.products" >/dev/null
  fi
  log "$db: $(psql_q -d "$db" -c "SELECT (SELECT count(*) FROM search.products) || ' indexed, search schema ' || pg_size_pretty((SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'search' AND c.relkind = 'r')) || ', database ' || pg_size_pretty(pg_database_size(current_database()))")"
}

explain() { # products, db: each statement twice (cold, then warm), the second run's plan kept
  local products=$1 db=$2 file
  file=results/search-scale-explain-$products.txt
  psql -h 127.0.0.1 -U postgres -d "$db" -qf search/explain-generated.sql >/dev/null
  psql -h 127.0.0.1 -U postgres -d "$db" -qf search/explain-generated.sql > "$file"
  log "EXPLAIN at $(thousands "$products") (second run; $file): $(grep 'Execution Time' "$file" | awk '{printf "%s ms  ", $3}')"
}

metric() { # sum of a Prometheus series on the management port whose line contains $2
  curl -s "http://127.0.0.1:$((PORT + 1000))/q/metrics" \
    | awk -v m="$1" -v l="$2" 'index($1, m) == 1 && index($0, l) > 0 {s += $2} END {printf "%d", s}'
}

run() { # catalog label, scenario label, [VAR=value...] -- wrk arguments (after -t2 -c50 -d --latency)
  local catalog=$1 label=$2; shift 2
  local load out hits misses dh dm vars=() prime="" prime_body=""
  while [ "$1" != -- ]; do
    case "$1" in PRIME=*) prime=${1#PRIME=} ;; PRIME_BODY=*) prime_body=${1#PRIME_BODY=} ;; *) vars+=("$1") ;; esac
    shift
  done
  shift
  for _ in $(seq 1 "$COOLDOWN"); do
    awk '{exit !($1 >= 0.5)}' /proc/loadavg || break
    sleep 1
  done
  load=$(cut -d' ' -f1 /proc/loadavg)
  hits=$(metric shopcore_search_cache_requests_total 'result="hit"')
  misses=$(metric shopcore_search_cache_requests_total 'result="miss"')
  # A cached row: one request fills the cache just before the row (30 s of life, the row is shorter).
  if [ -n "$prime_body" ]; then
    curl -fs -o /dev/null --max-time 30 -H 'Content-Type: application/json' -d "$prime_body" "$prime"
  elif [ -n "$prime" ]; then
    curl -fs -o /dev/null --max-time 30 "$prime"
  fi
  out=$(env "${vars[@]}" wrk -t2 -c50 -d"$DURATION" --latency "$@")
  dh=$(( $(metric shopcore_search_cache_requests_total 'result="hit"') - hits ))
  dm=$(( $(metric shopcore_search_cache_requests_total 'result="miss"') - misses ))
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$RUN" "$catalog" "$label" \
    "$(echo "$out" | awk '/Requests\/sec/ {printf "%d", $2}')" \
    "$(echo "$out" | awk '$1=="50%" {print $2}')" "$(echo "$out" | awk '$1=="99%" {print $2}')" \
    "$(echo "$out" | awk '/Non-2xx/ {print $5}' | grep . || echo 0)" \
    "$(awk -v h="$dh" -v m="$dm" 'BEGIN {if (h + m == 0) print "-"; else printf "%d %%", 100 * h / (h + m)}')" \
    "$load$(awk -v l="$load" 'BEGIN {if (l >= 0.5) print " (busy)"}')" | tee -a "$OUT"
}

want() { [[ " $ROWS " == *" $1 "* ]]; }

measure() { # products, db
  local products=$1 db=$2 catalog offset
  catalog=$(thousands "$products")
  start "$db"
  # Sanity: the answers the rows rely on.
  curl -fs "$BASE/api/v1/search?q=0054321" | python3 -c 'import json,sys; a=json.load(sys.stdin); assert a["total"] == 1, a; print("[search-scale] q=0054321:", a["items"][0]["name"])' >&2
  curl -fs "$BASE/api/v1/search?q=%EC%9D%B4%EC%96%B4%ED%8F%B0" | python3 -c 'import json,sys; print("[search-scale] q=이어폰: total", json.load(sys.stdin)["total"])' >&2
  curl -fs -H 'Content-Type: application/json' -d '{"query":"0054321"}' "$BASE/api/v1/price/search" \
    | python3 -c 'import json,sys; a=json.load(sys.stdin); print("[search-scale] price search 0054321: path", a["path"], len(a["offers"]), "offers")' >&2
  # Warm-up (JIT, pools, PostgreSQL buffers): rare numbers, then the cached terms; unmeasured.
  # Request counters in slots of 12,500 per thread (a row sends fewer), so that uncached rows do not repeat
  # the warm-up's or each other's products (start() flushes the cache between runs).
  offset=$(( RUN * 50000 ))
  PRODUCTS=$products FORM=digits OFFSET=$offset wrk -t2 -c50 -d"$WARMUP" -s search/model-codes.lua "$BASE" >/dev/null
  for url in "$BASE/api/v1/search?q=%EC%9D%B4%EC%96%B4%ED%8F%B0" "$BASE/api/v1/search?q=hoodie"; do
    curl -fs -o /dev/null --max-time 30 "$url" # one miss fills the cache, then the cached path warms up
    wrk -t2 -c50 -d5s "$url" >/dev/null
  done
  # Each uncached row starts at its own offset: no request repeats an earlier one of this run.
  ! want rare || run "$catalog" "rare number (uncached)" PRODUCTS="$products" FORM=digits OFFSET=$((offset + 12500)) -- \
    -s search/model-codes.lua "$BASE"
  ! want code || run "$catalog" "rare code, LIKE only (uncached)" PRODUCTS="$products" FORM=code OFFSET=$((offset + 25000)) -- \
    -s search/model-codes.lua "$BASE"
  ! want ko || run "$catalog" "common ko 이어폰 (cached)" PRIME="$BASE/api/v1/search?q=%EC%9D%B4%EC%96%B4%ED%8F%B0" -- \
    "$BASE/api/v1/search?q=%EC%9D%B4%EC%96%B4%ED%8F%B0"
  ! want en || run "$catalog" "common en hoodie (cached)" PRIME="$BASE/api/v1/search?q=hoodie" -- "$BASE/api/v1/search?q=hoodie"
  ! want ko-cold || run "$catalog" "common ko 이어폰 (cold page, 50 clients)" -- \
    "$BASE/api/v1/search?q=%EC%9D%B4%EC%96%B4%ED%8F%B0&size=19"
  ! want range || run "$catalog" "common ko 이어폰 + price range (uncached)" PRODUCTS="$products" FORM=range OFFSET=$((offset + 12500)) -- \
    -s search/model-codes.lua "$BASE"
  ! want price-cache || run "$catalog" "price search 무선 이어폰 (price cache)" BODY='{"query":"무선 이어폰"}' \
    PRIME="$BASE/api/v1/price/search" PRIME_BODY='{"query":"무선 이어폰"}' -- \
    -s wrk/post-json.lua "$BASE/api/v1/price/search"
  ! want price-rare || run "$catalog" "price search rare number (fast path, uncached)" PRODUCTS="$products" FORM=price OFFSET=$((offset + 37500)) -- \
    -s search/model-codes.lua "$BASE"
  ./stop-service.sh
}

{
  echo
  echo "Run of $(date -u +%FT%TZ): $(nproc) cores, $DURATION per row, wrk -t2 -c50, COOLDOWN $COOLDOWN s, rows: $ROWS"
  echo
  echo "| run | catalog | scenario | req/s | p50 | p99 | non-2xx | search cache hits | load before |"
  echo "|---|---|---|---:|---:|---:|---:|---:|---|"
} | tee -a "$OUT"
SIZES=("$PRODUCTS:$LARGE_DB")
[ "$BASELINE" = 0 ] || SIZES=("$BASELINE:$SMALL_DB" "$PRODUCTS:$LARGE_DB")
for size in "${SIZES[@]}"; do prepare "${size%%:*}" "${size#*:}"; done
for size in "${SIZES[@]}"; do explain "${size%%:*}" "${size#*:}"; done
for RUN in $(seq 1 "$RUNS"); do
  order=("${SIZES[@]}")
  if [ $((RUN % 2)) = 0 ] && [ "${#SIZES[@]}" = 2 ]; then order=("${SIZES[1]}" "${SIZES[0]}"); fi
  for size in "${order[@]}"; do measure "${size%%:*}" "${size#*:}"; done
done
