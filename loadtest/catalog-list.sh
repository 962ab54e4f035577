#!/usr/bin/env bash
# GET /api/v1/products?page=N&size=20 over random pages 0..49 (the issue's scenario), 50 connections,
# in several configurations in one run: no cache (PostgreSQL every time, the baseline), the default
# (Redis + near cache, availability fresh), and the default without availability coalescing.
# Needs a build (APP_DIR as in start-service.sh) and wrk.
set -euo pipefail
cd "$(dirname "$0")"
BASE=http://127.0.0.1:8080
DURATION="${DURATION:-20s}"
PAGES=$(seq -s, 0 49)
mkdir -p results
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS shopcore_bench WITH (FORCE)"
echo "| configuration | req/s | p50 | p99 | non-2xx |" | tee results/catalog-list.md
echo "|---|---:|---:|---:|---:|" | tee -a results/catalog-list.md
bench() { # label, jvm args...
  local label=$1; shift
  ./start-service.sh -Dshopcore.catalog.demo-data.enabled=true "$@" >/dev/null
  for _ in $(seq 1 60); do
    [ "$(curl -s "$BASE/api/v1/products?page=49&size=20" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))')" = 20 ] && break
    sleep 2
  done
  IDS="$PAGES" PATH_PREFIX="/api/v1/products?page=" PATH_SUFFIX="&size=20" \
    wrk -t2 -c50 -d10s -s wrk/get-random.lua "$BASE" > /dev/null   # warm-up
  local out
  out=$(IDS="$PAGES" PATH_PREFIX="/api/v1/products?page=" PATH_SUFFIX="&size=20" \
    wrk -t2 -c50 -d"$DURATION" --latency -s wrk/get-random.lua "$BASE")
  printf '| %s | %s | %s | %s | %s |\n' "$label" "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
    "$(echo "$out" | awk '$1=="50%" {print $2}')" "$(echo "$out" | awk '$1=="99%" {print $2}')" \
    "$(echo "$out" | awk '/Non-2xx/ {print $5}')" | tee -a results/catalog-list.md
  curl -s "$BASE/q/metrics" | grep -E '^shopcore_catalog_cache_requests' > "results/catalog-cache-metrics-${label// /_}.txt" || true
  ./stop-service.sh
}
bench "no cache (baseline)" -Dshopcore.catalog.cache.enabled=false
bench "Redis only (no near cache)" -Dshopcore.catalog.cache.near.enabled=false
bench "default: near cache + Redis" 
bench "default without availability coalescing" -Dshopcore.catalog.availability.coalesce.enabled=false
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS shopcore_bench WITH (FORCE)"
