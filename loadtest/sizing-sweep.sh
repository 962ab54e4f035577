#!/usr/bin/env bash
# The sizing guide's measurements (docs/performance.md, "Sizing guide"): throughput, p50/p99 and the
# service's peak RSS against one setting at a time, everything else at the shipped defaults.
#
#   loadtest/sizing-sweep.sh [--round N] [--reverse] [--duration 8s] SWEEP...
#
#   SWEEP        pool        quarkus.datasource.jdbc.max-size          4 8 16 32 64
#                workers     quarkus.thread-pool.max-threads           8 16 32 96 192
#                eventloops  quarkus.vertx.event-loops-pool-size       1 2 4 8
#                batchsize   shopcore.stock.batch.max-size             10 50 100 500 2000
#                batchwait   shopcore.stock.batch.max-wait             0ms 1ms 2ms 5ms
#                heap        -Xms/-Xmx (JVM_HEAP)                      96m 128m 192m 256m 512m
#                memory      whole JVM set-ups for a small footprint (a table, not a curve): G1 with 512m
#                            (as shipped; and with the JVM trimming glibc's heap every second) and 128m,
#                            Serial GC with 128m, Serial with 128m plus MALLOC_ARENA_MAX=2 and a 64m code
#                            cache ("lean"), lean plus trimming and 512k thread stacks at 128m and 160m;
#                            value = the set-up's name; MEMORY_SETUPS (environment) picks some of them
#                accesslog   the per-request access log line: sync (shipped before 2026-11-30), async (the
#                            console handler writes from its own thread), off (category shopcore.access at WARN)
#                coldwarm    the shipped defaults from the first second after start: 5 s windows for
#                            60 s, product list and GET /stock each from a fresh start (cold caches, cold JIT)
#   --round N    written into each result row (default 1); --reverse runs each sweep's values from the
#                last to the first (alternate the direction between rounds so drift does not look like a trend)
#   NMT_DIR=dir  (environment) runs each point with Native Memory Tracking and writes the process's RSS and
#                `jcmd VM.native_memory summary` after the last workload to dir/<sweep>-<value>.txt
#   --duration   per workload (default 8s); each point is a fresh service on a fresh copy of one template
#                database, after an unmeasured warm-up of WARMUP (default 10s) per workload: the JIT needs
#                30-40 s of load to reach steady state (the coldwarm sweep shows it)
#
# Workloads (wrk -t2, 50 connections unless named): stock = GET /api/v1/stock/{random of 1,000 ids};
# products = GET /api/v1/products?page=<0..49>&size=20; reserve = POST .../reservations {"quantity":1}
# over 1,000 products; reserve-hot = all on one product, 200 connections (batch sweeps only).
# Rows are appended to loadtest/results/sizing/<sweep>.csv:
#   round,value,workload,rps,p50_ms,p99_ms,non2xx,rss_peak_mb,ready_s
# docs/performance/plot-sizing.sh turns those files into the guide's PNG plots.
# Needs a build (APP_DIR as in start-service.sh), wrk, and the machine to itself: run it under the build lock,
#   flock -o /tmp/shopcore-build.lock loadtest/sizing-sweep.sh pool workers
set -euo pipefail
cd "$(dirname "$0")"
ROUND=1 REVERSE=false DURATION=8s SWEEPS=() WARMUP="${WARMUP:-10s}"
while [ $# -gt 0 ]; do
  case "$1" in
    --round) ROUND=$2; shift 2 ;;
    --reverse) REVERSE=true; shift ;;
    --duration) DURATION=$2; shift 2 ;;
    pool|workers|eventloops|batchsize|batchwait|heap|memory|accesslog|coldwarm) SWEEPS+=("$1"); shift ;;
    *) sed -n '2,37p' "$0" | sed 's/^# \{0,1\}//'; exit 1 ;;
  esac
done
[ ${#SWEEPS[@]} -gt 0 ] || { sed -n '2,37p' "$0" | sed 's/^# \{0,1\}//'; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
export PORT="${PORT:-18070}" PID_FILE=/tmp/shopcore-sizing.pid LOG_FILE=/tmp/shopcore-sizing.log
REDIS_DB="${REDIS_DB:-7}"
JCMD="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/jcmd"
[ -x "$JCMD" ] || JCMD=/usr/lib/jvm/temurin-25-jdk-amd64/bin/jcmd
export QUARKUS_REDIS_HOSTS="redis://127.0.0.1:6379/$REDIS_DB"
BASE="http://127.0.0.1:$PORT"
TEMPLATE=shopcore_sizing_template DB=shopcore_sizing
OUT_DIR=results/sizing
mkdir -p "$OUT_DIR"
psql_q() { psql -h 127.0.0.1 -U postgres -tAq "$@"; }
trap './stop-service.sh >/dev/null 2>&1 || true' EXIT
log() { printf '[sizing %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

token() { # username, password
  curl -s -XPOST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$2\"}" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

# The template: the 1,000-product demo catalog, each product with 5,000,000 units, one customer. Made once
# (drop the database to remake it); every point starts from a copy, so no point sees another's reservations.
make_template() {
  psql_q -c "SELECT 1 FROM pg_database WHERE datname='$TEMPLATE'" | grep -q 1 && return 0
  log "making template database $TEMPLATE"
  psql_q -c "CREATE DATABASE $TEMPLATE"
  redis-cli -n "$REDIS_DB" flushdb >/dev/null
  BENCH_DB=$TEMPLATE ./start-service.sh -Dshopcore.catalog.demo-data.enabled=true >/dev/null
  for _ in $(seq 1 120); do
    [ "$(psql_q -d "$TEMPLATE" -c 'SELECT count(*) FROM catalog.products' 2>/dev/null)" = 1000 ] && break
    sleep 1
  done
  curl -s -o /dev/null -XPOST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d '{"username":"sizing-buyer","password":"sizing-password-1"}'
  local admin; admin=$(token admin bench-admin-password)
  for id in $(psql_q -d "$TEMPLATE" -c 'SELECT id FROM catalog.products ORDER BY id'); do
    curl -s -o /dev/null -XPOST "$BASE/api/v1/stock/$id/adjustments" -H "Authorization: Bearer $admin" \
      -H 'Content-Type: application/json' -d '{"delta":5000000,"reason":"sizing benchmark"}'
  done
  ./stop-service.sh >/dev/null
}

start() { # extra JVM args...
  psql_q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
  psql_q -c "CREATE DATABASE $DB TEMPLATE $TEMPLATE"
  redis-cli -n "$REDIS_DB" flushdb >/dev/null
  local t0; t0=$(date +%s.%N)
  BENCH_DB=$DB ./start-service.sh -Dshopcore.catalog.demo-data.enabled=false "$@" >/dev/null
  READY_S=$(echo "$(date +%s.%N) - $t0" | bc -l | xargs printf '%.1f')
  IDS=$(psql_q -d "$DB" -c 'SELECT id FROM catalog.products ORDER BY id' | paste -sd, -)
  HOT=${IDS%%,*}
  TOKEN=$(token sizing-buyer sizing-password-1)
}

to_ms() { # wrk latency (123.45us, 1.23ms, 1.20s) -> milliseconds
  awk -v v="$1" 'BEGIN { n=v+0; if (v ~ /us$/) n/=1000; else if (v ~ /ms$/) n=n; else if (v ~ /s$/) n*=1000; printf "%.2f", n }'
}

wrk_run() { # workload, duration -> wrk output on stdout
  local w=$1 d=$2
  case "$w" in
    stock) IDS="$IDS" PATH_PREFIX="/api/v1/stock/" wrk -t2 -c50 -d"$d" --timeout 10s --latency -s wrk/get-random.lua "$BASE" ;;
    products) IDS="$(seq -s, 0 49)" PATH_PREFIX="/api/v1/products?page=" PATH_SUFFIX="&size=20" \
      wrk -t2 -c50 -d"$d" --timeout 10s --latency -s wrk/get-random.lua "$BASE" ;;
    reserve) PRODUCTS="$IDS" TOKEN="$TOKEN" wrk -t2 -c50 -d"$d" --timeout 10s --latency -s wrk/reserve.lua \
      "$BASE/api/v1/stock/x/reservations" ;;
    reserve-hot) PRODUCTS="$HOT" TOKEN="$TOKEN" wrk -t2 -c200 -d"$d" --timeout 10s --latency -s wrk/reserve.lua \
      "$BASE/api/v1/stock/x/reservations" ;;
  esac
}

# Peak resident set size of the service (MB) while a command runs, sampled every 0.5 s from /proc.
with_rss() { # file for the peak, command...
  local peak_file=$1; shift
  local pid; pid=$(cat "$PID_FILE")
  ( peak=0; while kill -0 "$pid" 2>/dev/null; do
      rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      [ "${rss:-0}" -gt "$peak" ] && { peak=$rss; echo $((peak / 1024)) > "$peak_file"; }
      sleep 0.5; done ) &
  local sampler=$!
  "$@"
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
}

measure() { # sweep, value, workload
  local sweep=$1 value=$2 w=$3 out peak
  out=$(with_rss /tmp/sizing-rss wrk_run "$w" "$DURATION")
  peak=$(cat /tmp/sizing-rss 2>/dev/null || echo 0)
  local rps p50 p99 non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(to_ms "$(echo "$out" | awk '$1=="50%" {print $2}')")
  p99=$(to_ms "$(echo "$out" | awk '$1=="99%" {print $2}')")
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  echo "$ROUND,$value,$w,$rps,$p50,$p99,${non2xx:-0},$peak,$READY_S" | tee -a "$OUT_DIR/$sweep.csv" >&2
}

point() { # sweep, value, workloads (space-separated), extra JVM args...
  local sweep=$1 value=$2 workloads=$3; shift 3
  log "$sweep = $value: $*"
  local nmt=()
  [ -n "${NMT_DIR:-}" ] && nmt=(-XX:NativeMemoryTracking=summary)
  start "${nmt[@]}" "$@"
  for w in $workloads; do wrk_run "$w" "$WARMUP" > /dev/null; done # warm-up: JIT, caches, pools
  for w in $workloads; do measure "$sweep" "$value" "$w"; done
  local audit; audit=$(curl -s -H "Authorization: Bearer $(token admin bench-admin-password)" "$BASE/api/v1/stock/audit")
  echo "$audit" | grep -q '"consistent":true' || { log "AUDIT FAILED at $sweep=$value: $audit"; exit 1; }
  if [ -n "${NMT_DIR:-}" ]; then # where the memory is, right after the last workload
    mkdir -p "$NMT_DIR"
    { grep -E '^Vm(RSS|HWM)' "/proc/$(cat "$PID_FILE")/status"
      "$JCMD" "$(cat "$PID_FILE")" VM.native_memory summary; } > "$NMT_DIR/$sweep-$value.txt"
  fi
  ./stop-service.sh >/dev/null
}

values() { # values in the sweep's order, reversed with --reverse
  if $REVERSE; then printf '%s\n' "$@" | tac | paste -sd' ' -; else echo "$*"; fi
}

coldwarm() { # 12 windows of 5 s from the first second after start, per workload, each from a fresh start
  for w in products stock; do
    log "coldwarm: $w"
    start
    for i in $(seq 1 12); do
      local out; out=$(wrk_run "$w" 5s)
      echo "$ROUND,$((i * 5)),$w,$(echo "$out" | awk '/Requests\/sec/ {print $2}'),$(to_ms "$(echo "$out" | awk '$1=="50%" {print $2}')"),$(to_ms "$(echo "$out" | awk '$1=="99%" {print $2}')"),0,0,$READY_S" \
        | tee -a "$OUT_DIR/coldwarm.csv" >&2
    done
    ./stop-service.sh >/dev/null
  done
}

for f in pool workers eventloops batchsize batchwait heap memory accesslog coldwarm; do
  [ -f "$OUT_DIR/$f.csv" ] || echo "round,value,workload,rps,p50_ms,p99_ms,non2xx,rss_peak_mb,ready_s" > "$OUT_DIR/$f.csv"
done
make_template
for sweep in "${SWEEPS[@]}"; do
  case "$sweep" in
    pool) for v in $(values 4 8 16 32 64); do
            point pool "$v" "stock products reserve" -Dquarkus.datasource.jdbc.max-size="$v" \
              -Dquarkus.datasource.jdbc.min-size="$((v < 4 ? v : 4))"; done ;;
    workers) for v in $(values 8 16 32 96 192); do
            point workers "$v" "stock products reserve" -Dquarkus.thread-pool.max-threads="$v"; done ;;
    eventloops) for v in $(values 1 2 4 8); do
            point eventloops "$v" "stock products reserve" -Dquarkus.vertx.event-loops-pool-size="$v"; done ;;
    batchsize) for v in $(values 10 50 100 500 2000); do
            point batchsize "$v" "reserve reserve-hot" -Dshopcore.stock.batch.max-size="$v"; done ;;
    batchwait) for v in $(values 0 1 2 5); do
            point batchwait "$v" "reserve reserve-hot" -Dshopcore.stock.batch.max-wait="${v}ms"; done ;;
    heap) for v in $(values 96 128 192 256 512); do
            JVM_HEAP="${v}m" point heap "$v" "stock products reserve"; done ;;
    memory) # shellcheck disable=SC2086 # MEMORY_SETUPS is a list
            for v in $(values ${MEMORY_SETUPS:-g1-512m g1-512m-trim g1-128m serial-128m serial-128m-lean serial-128m-trim serial-160m-trim}); do
            case "$v" in
              g1-512m) JVM_HEAP=512m point memory "$v" "stock products reserve" ;;
              g1-512m-trim) JVM_HEAP=512m point memory "$v" "stock products reserve" -XX:TrimNativeHeapInterval=1000 ;;
              g1-128m) JVM_HEAP=128m point memory "$v" "stock products reserve" ;;
              serial-128m) JVM_HEAP=128m point memory "$v" "stock products reserve" -XX:+UseSerialGC ;;
              serial-128m-lean) MALLOC_ARENA_MAX=2 JVM_HEAP=128m point memory "$v" "stock products reserve" \
                                  -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m ;;
              serial-128m-trim) MALLOC_ARENA_MAX=2 JVM_HEAP=128m point memory "$v" "stock products reserve" \
                                  -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -XX:TrimNativeHeapInterval=1000 -Xss512k ;;
              serial-160m-trim) MALLOC_ARENA_MAX=2 JVM_HEAP=160m point memory "$v" "stock products reserve" \
                                  -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -XX:TrimNativeHeapInterval=1000 -Xss512k ;;
            esac
          done ;;
    accesslog) for v in $(values sync async off); do
            case "$v" in
              sync) point accesslog "$v" "stock products reserve" -Dquarkus.log.console.async.enabled=false ;;
              async) point accesslog "$v" "stock products reserve" -Dquarkus.log.console.async.enabled=true ;;
              off) point accesslog "$v" "stock products reserve" '-Dquarkus.log.category."shopcore.access".level=WARN' ;;
            esac
          done ;;
    coldwarm) coldwarm ;;
  esac
done
log "done: $OUT_DIR"
