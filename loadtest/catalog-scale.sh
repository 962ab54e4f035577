#!/usr/bin/env bash
# The catalog read path at 1,000 and at 1,000,000 products (issue 11, "Scale"): for each catalog size,
# starts the packaged service (prod profile) on its own benchmark database, warms it up, and measures with
# wrk (2 threads, 50 connections, DURATION each, default 10s):
#
#   list p0-49     GET /api/v1/products?page=<0..49>&size=20   the issue's scenario (cached pages, with total)
#   list p450-500  GET /api/v1/products?page=<450..500>&size=20 the deepest numbered pages (OFFSET <= 10,000)
#   list cursor    GET /api/v1/products?size=20&after=<cursor>  keyset pages at random depths over the whole
#                                                               catalog (never cached: every one reads PostgreSQL)
#   product        GET /api/v1/products/<random id>             product reads over the whole catalog
#
# and prints a markdown table (also in loadtest/results/catalog-scale.md). Before each row it waits up to
# COOLDOWN seconds (default 90) for the 1-minute load average to fall below 0.5 (the previous row's own load
# takes about a minute to fade), and the row carries the load average it started with: above 0.5 it is
# marked "busy". A warm-up of WARMUP (default 20s) over pages 0..49 precedes each catalog's rows.
#
#   loadtest/catalog-scale.sh [--products N] [--history ROWS] [--duration 10s] [--sizes "small large"]
#
#   --products  products of the large catalog (default 1000000), generated with generate-data.sh into
#               $BENCH_DB_LARGE (default shopcore_bench_scale) once, next to the 1,000 demo products, and
#               reused by later runs (drop the database to regenerate)
#   --history   reservation history rows for the generator (default 1000000; the issue's 10,000,000 only
#               adds generation time: the catalog read path never reads it)
#   --sizes     which catalogs to measure: small (the 1,000 demo products, database $BENCH_DB_SMALL,
#               default shopcore_bench_scale_small, recreated each run), large, or both (default)
# Build first (./mvnw package -DskipTests) or set APP_DIR; on a shared machine run it under the build lock:
#   flock -o /tmp/shopcore-build.lock loadtest/catalog-scale.sh
set -euo pipefail
cd "$(dirname "$0")"
PRODUCTS=1000000 HISTORY=1000000 DURATION="${DURATION:-10s}" SIZES="small large"
WARMUP="${WARMUP:-20s}" COOLDOWN="${COOLDOWN:-90}"
while [ $# -gt 0 ]; do
  case "$1" in
    --products) PRODUCTS=$2; shift 2 ;;
    --history) HISTORY=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --sizes) SIZES=$2; shift 2 ;;
    *) sed -n '2,28p' "$0" | sed 's/^# \{0,1\}//'; exit 1 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
export PORT="${PORT:-18090}" PID_FILE=/tmp/shopcore-scale-bench.pid LOG_FILE=/tmp/shopcore-scale-bench.log
export QUARKUS_REDIS_HOSTS="redis://127.0.0.1:6379/${REDIS_DB:-6}"
BASE="http://127.0.0.1:$PORT"
SMALL_DB="${BENCH_DB_SMALL:-shopcore_bench_scale_small}" LARGE_DB="${BENCH_DB_LARGE:-shopcore_bench_scale}"
mkdir -p results
OUT=results/catalog-scale.md
psql_q() { psql -h 127.0.0.1 -U postgres -tAq "$@"; }
trap './stop-service.sh >/dev/null 2>&1 || true' EXIT

start() { # db, extra JVM args...
  local db=$1; shift
  redis-cli -n "${REDIS_DB:-6}" flushdb >/dev/null
  # The search projection is not measured here: skip its start-up rebuild (minutes at 1,000,000 products).
  BENCH_DB=$db ./start-service.sh -Dshopcore.catalog.demo-data.enabled=true \
    -Dshopcore.search.rebuild-if-empty-at-start=false "$@" >/dev/null
  for _ in $(seq 1 120); do # the demo catalog loads in the background of the start
    [ "$(curl -s "$BASE/api/v1/products?page=49&size=20" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))' 2>/dev/null)" = 20 ] && return 0
    sleep 1
  done
  echo "no demo catalog on $db" >&2; exit 1
}

metric() { # sum of a Prometheus series on the management port
  curl -s "http://127.0.0.1:$((PORT + 1000))/q/metrics" | awk -v m="$1" '$1 ~ "^"m {s += $2} END {printf "%d", s}'
}

run() { # catalog label, scenario label, lua script, env...
  local catalog=$1 label=$2 script=$3; shift 3
  local load out backoffs_before refused_before
  for _ in $(seq 1 "$COOLDOWN"); do
    awk '{exit !($1 >= 0.5)}' /proc/loadavg || break
    sleep 1
  done
  load=$(cut -d' ' -f1 /proc/loadavg)
  backoffs_before=$(metric shopcore_redis_backoffs_total); refused_before=$(metric shopcore_catalog_read_refused_total)
  out=$(env "$@" wrk -t2 -c50 -d"$DURATION" --latency -s "wrk/$script" "$BASE")
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$catalog" "$label" \
    "$(echo "$out" | awk '/Requests\/sec/ {printf "%d", $2}')" \
    "$(echo "$out" | awk '$1=="50%" {print $2}')" "$(echo "$out" | awk '$1=="99%" {print $2}')" \
    "$(echo "$out" | awk '/Non-2xx/ {print $5}' | grep . || echo 0)" \
    "$(( $(metric shopcore_redis_backoffs_total) - backoffs_before ))/$(( $(metric shopcore_catalog_read_refused_total) - refused_before ))" \
    "$load$(awk -v l="$load" 'BEGIN {if (l >= 0.5) print " (busy)"}')" | tee -a "$OUT"
}

measure() { # catalog label, db
  local catalog=$1 db=$2 total max_id
  start "$db"
  total=$(curl -s "$BASE/api/v1/products?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  max_id=$(psql_q -d "$db" -c "SELECT max(id) FROM catalog.products")
  echo "[scale] $catalog: $total products (ids up to $max_id), $(psql_q -d "$db" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")" >&2
  # Keyset cursors at random depths (v1|id|<id>||, the service's own cursor format for sort=id) and random ids.
  python3 - "$max_id" > /tmp/catalog-scale-cursors.txt <<'PY'
import base64, random, sys
random.seed(11)
n = int(sys.argv[1])
for _ in range(2000):
    c = base64.urlsafe_b64encode(f"v1|id|{random.randint(1, n)}||".encode()).decode().rstrip("=")
    print(f"/api/v1/products?size=20&after={c}")
PY
  local ids
  ids=$(python3 -c "import random,sys; random.seed(7); print(','.join(str(random.randint(1, $max_id)) for _ in range(5000)))")
  # Warm-up (JIT, pools, the first 50 pages cached): unmeasured.
  IDS=$(seq -s, 0 49) PATH_PREFIX="/api/v1/products?page=" PATH_SUFFIX="&size=20" \
    wrk -t2 -c50 -d"$WARMUP" -s wrk/get-random.lua "$BASE" >/dev/null
  run "$catalog" "list p0-49" get-random.lua IDS="$(seq -s, 0 49)" PATH_PREFIX="/api/v1/products?page=" PATH_SUFFIX="&size=20"
  run "$catalog" "list p450-500" get-random.lua IDS="$(seq -s, 450 500)" PATH_PREFIX="/api/v1/products?page=" PATH_SUFFIX="&size=20"
  run "$catalog" "list cursor" get-paths.lua PATHS_FILE=/tmp/catalog-scale-cursors.txt
  run "$catalog" "product" get-random.lua IDS="$ids" PATH_PREFIX="/api/v1/products/"
  ./stop-service.sh
}

{
  echo "| catalog | scenario | req/s | p50 | p99 | non-2xx | Redis back-offs / reads refused | load before |"
  echo "|---|---|---:|---:|---:|---:|---:|---|"
} | tee "$OUT"
for size in $SIZES; do
  case "$size" in
    small)
      psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $SMALL_DB WITH (FORCE)"
      measure "1,000" "$SMALL_DB" ;;
    large)
      existing=$(psql_q -c "SELECT 1 FROM pg_database WHERE datname='$LARGE_DB'")
      count=0
      [ "$existing" = 1 ] && count=$(psql_q -d "$LARGE_DB" -c "SELECT count(*) FROM catalog.products" 2>/dev/null || echo 0)
      if [ "$count" -lt "$PRODUCTS" ]; then
        psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $LARGE_DB WITH (FORCE)"
        # Flyway creates the schemas on the first start; the generator wants an empty catalog.
        BENCH_DB=$LARGE_DB ./start-service.sh -Dshopcore.search.rebuild-if-empty-at-start=false >/dev/null
        ./stop-service.sh
        ./generate-data.sh "$PRODUCTS" --history "$HISTORY" --db "$LARGE_DB"
      fi
      measure "$(python3 -c "print(f'{$PRODUCTS:,} + 1,000 demo')")" "$LARGE_DB" ;;
    *) echo "unknown size $size" >&2; exit 1 ;;
  esac
done
