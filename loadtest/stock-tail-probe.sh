#!/usr/bin/env bash
# Where does the occasional GET /api/v1/stock/{id} tail come from? Runs the shipped defaults (plus a GC and
# safepoint log) on a copy of the sizing template database (loadtest/sizing-sweep.sh makes it), warms up
# for WARMUP (default 40s), then RUNS (default 6) wrk runs of DURATION (default 8s) at 50 connections, and
# for each run prints: wrk's req/s, p50, p99 and max; the slowest request as the service saw it (the
# access log's durationMs, from the request's arrival to its response); the longest GC pause and the
# longest time to reach a safepoint during the run; the longest wait for a pooled connection so far
# (agroal_blocking_time_max_milliseconds: a maximum since start, so a run that raises it had the new
# longest wait); and the PostgreSQL backends' wait events, sampled every 0.2 s (pg_stat_activity).
# Extra arguments go to the service's JVM (e.g. a pool size to compare).
#
#   flock -o /tmp/shopcore-build.lock loadtest/stock-tail-probe.sh [-Dquarkus.datasource.jdbc.max-size=8]
set -euo pipefail
cd "$(dirname "$0")"
RUNS="${RUNS:-6}" DURATION="${DURATION:-8s}" WARMUP="${WARMUP:-40s}"
export PORT="${PORT:-18050}" PID_FILE=/tmp/shopcore-tail.pid LOG_FILE=/tmp/shopcore-tail.log
REDIS_DB="${REDIS_DB:-9}"
export QUARKUS_REDIS_HOSTS="redis://127.0.0.1:6379/$REDIS_DB"
BASE="http://127.0.0.1:$PORT" DB=shopcore_tail TEMPLATE=shopcore_sizing_template GC_LOG=/tmp/shopcore-tail-gc.log
psql_q() { psql -h 127.0.0.1 -U postgres -tAq "$@"; }
psql_q -c "SELECT 1 FROM pg_database WHERE datname='$TEMPLATE'" | grep -q 1 \
  || { echo "no $TEMPLATE: run loadtest/sizing-sweep.sh once (it makes the template)" >&2; exit 1; }
trap './stop-service.sh >/dev/null 2>&1 || true' EXIT
psql_q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
psql_q -c "CREATE DATABASE $DB TEMPLATE $TEMPLATE"
redis-cli -n "$REDIS_DB" flushdb >/dev/null
rm -f "$GC_LOG"
BENCH_DB=$DB ./start-service.sh -Dshopcore.catalog.demo-data.enabled=false \
  "-Xlog:gc,safepoint:file=$GC_LOG:uptimemillis" "$@" >/dev/null
IDS=$(psql_q -d "$DB" -c 'SELECT id FROM catalog.products ORDER BY id' | paste -sd, -)
load() { IDS="$IDS" PATH_PREFIX="/api/v1/stock/" wrk -t2 -c50 -d"$1" --timeout 10s --latency -s wrk/get-random.lua "$BASE"; }
load "$WARMUP" > /dev/null
uptime_ms() { # the JVM's uptime now, in ms (the GC log's clock)
  local pid; pid=$(cat "$PID_FILE")
  echo $(( ($(date +%s%N) / 1000000) - ($(date -d "$(ps -o lstart= -p "$pid")" +%s) * 1000) ))
}
echo "| run | req/s | p50 | p99 | max | slowest in the service | longest GC pause | longest time to safepoint | longest wait for a connection (so far) | PostgreSQL waits (samples) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
for run in $(seq 1 "$RUNS"); do
  log_from=$(wc -l < "$LOG_FILE"); t_from=$(uptime_ms)
  ( while :; do psql_q -d "$DB" -c "SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') FROM pg_stat_activity
                                   WHERE datname = '$DB' AND state = 'active' AND pid <> pg_backend_pid()"; sleep 0.2; done ) \
    > /tmp/shopcore-tail-waits.txt 2>/dev/null &
  sampler=$!
  out=$(load "$DURATION")
  kill "$sampler"; wait "$sampler" 2>/dev/null || true
  t_to=$(uptime_ms)
  slowest=$(tail -n +"$((log_from + 1))" "$LOG_FILE" | grep -o 'durationMs=[0-9.]*' | cut -d= -f2 | sort -n | tail -1)
  # GC log lines: [12345ms] GC(7) Pause Young ... 3.456ms / [12345ms] Safepoint "...", Time since last: ..., Reaching safepoint: 12345 ns, ...
  gc=$(awk -v a="$t_from" -v b="$t_to" -F'[][]' '{ t=$2+0 } t>=a && t<=b && /Pause/ { v=$NF; sub(/.* /, "", v); sub(/ms$/, "", v); if (v+0 > m) m = v+0 } END { printf "%.1f ms", m }' "$GC_LOG")
  sp=$(awk -v a="$t_from" -v b="$t_to" -F'[][]' '{ t=$2+0 } t>=a && t<=b && /Reaching safepoint/ { match($0, /Reaching safepoint: [0-9]+ ns/); v=substr($0, RSTART+20, RLENGTH-23); if (v+0 > m) m = v+0 } END { printf "%.1f ms", m / 1e6 }' "$GC_LOG")
  pool_wait=$(curl -s "http://127.0.0.1:$((PORT + 1000))/q/metrics" | awk '/^agroal_blocking_time_max_milliseconds/ {print $2 " ms"}')
  waits=$(sort /tmp/shopcore-tail-waits.txt | uniq -c | sort -rn | head -4 | awk '{printf "%s%s %s", (NR>1?", ":""), $2, $1}')
  printf '| %s | %s | %s | %s | %s | %s ms | %s | %s | %s | %s |\n' "$run" "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
    "$(echo "$out" | awk '$1=="50%" {print $2}')" "$(echo "$out" | awk '$1=="99%" {print $2}')" \
    "$(echo "$out" | awk '$1=="Latency" {print $4}')" "${slowest:-?}" "$gc" "$sp" "${pool_wait:-?}" "${waits:-none}"
done
