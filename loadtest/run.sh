#!/usr/bin/env bash
# The load-test runner: builds the service if needed, starts it (prod profile) on a fresh benchmark
# database with the demo catalog, warms it up, runs a Gatling scenario while sampling the service's CPU
# and RSS from /proc, runs the stock invariant audit, stops the service, and prints a markdown summary
# in the report's format. Fails (exit 1) on any failed request, failed check or invariant violation.
#
#   loadtest/run.sh SCENARIO [options]   SCENARIO: seed-replay | shopper | hot-sku | sell-out | search
#   loadtest/run.sh compare [options]    HotSku per reservation strategy, back to back, with ratios
#   loadtest/run.sh smoke                CI: Shopper and SellOut, ~15 s each, few users, no warm-up
#
# Options:
#   --users N          concurrent virtual users (default per scenario: 50, Shopper/SellOut/Search 10);
#                      compare: a list, default "50 200"
#   --duration S       measured seconds (default 60; SellOut stops earlier once sold out)
#   --ramp S           seconds to ramp up to --users (default 5)
#   --warmup S         unmeasured run of the same scenario first, for JIT, caches and pools (default 20; 0 = none)
#   --strategy S       reservation strategy of the service (pessimistic | atomic | batched)
#   --strategies "..." compare only: default "pessimistic atomic batched"
#   --catalog C        demo (default: 1,000 demo products), generated:N (N generated products, with a
#                      reservation history, see generate-data.sh) or keep (reuse the database as it is)
#   --units N          SellOut: units of the product (default 100)
#   --jvm-arg ARG      extra JVM argument for the service (repeatable)
#   --sim-arg K=V      extra system property for the simulation, e.g. --sim-arg login=true (repeatable)
#   --base URL         use an already running service: no build, start, reset, CPU sampling or stop
#   --port P           port of the started service (default 18080)
#   --build            rebuild the service jar even if one exists
# Environment: BENCH_DB (default shopcore_bench), REDIS_DB (default 5, flushed at start), ADMIN_PASSWORD
#   (default bench-admin-password, what start-service.sh configures),
#   LOADTEST_LOCK=/tmp/shopcore-build.lock to hold that lock for the whole run (shared build machines).
# Output: loadtest/results/<timestamp>-<scenario>/ (Gatling HTML report, summary.md, cpu.csv, audit.json,
#   verdict.txt, service.log); gitignored.
set -euo pipefail

SELF=$(readlink -f "$0")
if [ -n "${LOADTEST_LOCK:-}" ] && [ -z "${LOADTEST_LOCKED:-}" ]; then
  export LOADTEST_LOCKED=1
  exec flock -o "$LOADTEST_LOCK" "$SELF" "$@"
fi

cd "$(dirname "$0")/.."
ROOT=$(pwd)
LT="$ROOT/loadtest"

log() { printf '[loadtest] %s\n' "$*" >&2; }
die() { printf '[loadtest] ERROR: %s\n' "$*" >&2; exit 1; }
usage() { sed -n '2,31p' "$SELF" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

[ $# -ge 1 ] || usage 1
case "$1" in -h|--help) usage 0 ;; esac
MODE=$1; shift
USERS="" DURATION=60 RAMP=5 WARMUP=20 STRATEGY="" STRATEGIES="pessimistic atomic batched" CATALOG=demo UNITS=100
BASE="" PORT=18080 BUILD=0
JVM_ARGS=() SIM_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --users) USERS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --ramp) RAMP=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --strategy) STRATEGY=$2; shift 2 ;;
    --strategies) STRATEGIES=$2; shift 2 ;;
    --catalog) CATALOG=$2; shift 2 ;;
    --units) UNITS=$2; shift 2 ;;
    --jvm-arg) JVM_ARGS+=("$2"); shift 2 ;;
    --sim-arg) SIM_ARGS+=("-D$2"); shift 2 ;;
    --base) BASE=${2%/}; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --build) BUILD=1; shift ;;
    -h|--help) usage 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

simulation_of() {
  case "$1" in
    seed-replay|SeedReplay) echo SeedReplay ;;
    shopper|Shopper) echo Shopper ;;
    hot-sku|HotSku) echo HotSku ;;
    sell-out|SellOut) echo SellOut ;;
    search|Search) echo Search ;;
    *) die "unknown scenario '$1' (seed-replay, shopper, hot-sku, sell-out, search, compare, smoke)" ;;
  esac
}

default_users() { case "$1" in SeedReplay|HotSku) echo 50 ;; *) echo 10 ;; esac; }

OWN_SERVICE=0
[ -z "$BASE" ] && { OWN_SERVICE=1; BASE="http://127.0.0.1:$PORT"; }
BENCH_DB="${BENCH_DB:-shopcore_bench}"
ADMIN_PASSWORD="${ADMIN_PASSWORD:-bench-admin-password}"
REDIS_DB="${REDIS_DB:-5}"
RUN_DIR="$LT/target/run"
export PID_FILE="$RUN_DIR/service.pid" LOG_FILE="$RUN_DIR/service.log"
export QUARKUS_REDIS_HOSTS="redis://127.0.0.1:6379/$REDIS_DB"
mkdir -p "$RUN_DIR" "$LT/results"
STAMP=$(date -u +%Y%m%d-%H%M%S)
FAILED=0

# ---------------------------------------------------------------- service

ensure_build() {
  local jar="$ROOT/bootstrap/target/quarkus-app/quarkus-run.jar"
  if [ "$BUILD" = 1 ] || [ ! -f "$jar" ]; then
    log "building the service jar (./mvnw -q package -DskipTests)"
    ./mvnw -q -B package -DskipTests -pl bootstrap -am
  fi
  # Run a copy, so that a later build in this worktree cannot disturb a running measurement.
  rm -rf "$RUN_DIR/app" && cp -r "$ROOT/bootstrap/target/quarkus-app" "$RUN_DIR/app"
}

stop_service() {
  [ "$OWN_SERVICE" = 1 ] && [ -f "$PID_FILE" ] && { log "stopping the service"; "$LT/stop-service.sh"; }
  return 0
}
trap 'stop_service; [ -n "${SAMPLER_PID:-}" ] && kill "$SAMPLER_PID" 2>/dev/null; true' EXIT

start_service() {
  stop_service
  log "fresh database $BENCH_DB and Redis db $REDIS_DB"
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)"
  redis-cli -n "$REDIS_DB" flushdb >/dev/null
  local demo=false
  [ "$CATALOG" = demo ] && demo=true
  [ "$CATALOG" = keep ] && die "--catalog keep needs --base (a running service on an existing database)"
  # Every virtual user comes from 127.0.0.1: the per-address limits (registrations, refreshes, failed
  # logins) are lifted for the load test; the per-username login limit stays.
  APP_DIR="$RUN_DIR/app" BENCH_DB="$BENCH_DB" PORT="$PORT" "$LT/start-service.sh" \
    -Dshopcore.catalog.demo-data.enabled=$demo ${STRATEGY:+-Dshopcore.stock.reservation-strategy=$STRATEGY} \
    -Dshopcore.auth.throttle.max-registrations-per-address=1000000 \
    -Dshopcore.auth.throttle.max-refreshes-per-address=1000000 \
    -Dshopcore.auth.throttle.max-failures-per-address=1000000 \
    ${JVM_ARGS[@]+"${JVM_ARGS[@]}"} >&2
  case "$CATALOG" in
    demo) wait_for_products 1000 ;;
    generated:*) BASE="$BASE" BENCH_DB="$BENCH_DB" REDIS_DB="$REDIS_DB" "$LT/generate-data.sh" "${CATALOG#generated:}" >&2 ;;
    *) die "unknown --catalog $CATALOG" ;;
  esac
}

wait_for_products() {
  for _ in $(seq 1 120); do
    local total
    total=$(curl -fs "$BASE/api/v1/products?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])' 2>/dev/null || echo 0)
    [ "$total" -ge "$1" ] && { log "catalog ready: $total products"; return 0; }
    sleep 1
  done
  die "the catalog did not reach $1 products"
}

admin_token() {
  curl -fs -XPOST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

# The invariant audit over every product: 0 <= reserved <= total, reserved = sum of HELD, the ledger replays.
audit() { # out file
  local out=$1 token
  token=$(admin_token) || { log "AUDIT FAILED: no admin token"; return 1; }
  curl -fs -H "Authorization: Bearer $token" "$BASE/api/v1/stock/audit" > "$out" || { log "AUDIT FAILED: request failed"; return 1; }
  if python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); sys.exit(0 if a["consistent"] and not a["violations"] else 1)' "$out"; then
    log "stock audit: consistent ($(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["productsChecked"])' "$out") products checked)"
  else
    printf '\n!!!!!!!! STOCK INVARIANT VIOLATED (audit) !!!!!!!!\n%s\n\n' "$(head -c 2000 "$out")" >&2
    return 1
  fi
}

# ---------------------------------------------------------------- sampling

# Every second: the service's CPU ticks (utime+stime) and RSS, and the machine's busy/total ticks.
start_sampler() { # pid out
  local pid=$1 out=$2
  (
    echo "epoch_ms,proc_ticks,rss_kb,sys_busy_ticks,sys_total_ticks"
    while [ -r "/proc/$pid/stat" ]; do
      local stat rss cpu
      stat=$(cut -d' ' -f14,15 "/proc/$pid/stat" 2>/dev/null) || break
      rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null) || break
      cpu=$(awk '/^cpu / {busy=$2+$3+$4+$7+$8+$9; print busy "," busy+$5+$6}' /proc/stat)
      echo "$(date +%s%3N),$(( ${stat% *} + ${stat#* } )),${rss:-0},$cpu"
      sleep 1
    done
  ) > "$out" &
  SAMPLER_PID=$!
}

stop_sampler() {
  [ -n "${SAMPLER_PID:-}" ] && { kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; }
  SAMPLER_PID=""
}

# ---------------------------------------------------------------- gatling

# Runs one simulation through the Maven plugin; copies its HTML report to $2. Returns Gatling's status.
gatling() { # simulation outdir users duration ramp [extra -D...]
  local sim=$1 out=$2 users=$3 duration=$4 ramp=$5; shift 5
  local before after status=0
  mkdir -p "$out" "$LT/target/gatling"
  before=$(ls "$LT/target/gatling")
  ./mvnw -q -B -Pload -pl loadtest test-compile gatling:test \
    -Dgatling.simulationClass="io.shopcore.loadtest.${sim}Simulation" \
    -Dbase="$BASE" -Dusers="$users" -Dduration="$duration" -Dramp="$ramp" -DverdictFile="$out/verdict.txt" -DadminPassword="$ADMIN_PASSWORD" \
    ${SIM_ARGS[@]+"${SIM_ARGS[@]}"} "$@" 2>&1 | tee "$out/gatling.log" | grep -vE '^\[mvnw\]' >&2 || status=$?
  after=$(ls "$LT/target/gatling")
  local report
  report=$(comm -13 <(echo "$before" | sort) <(echo "$after" | sort) | tail -1)
  if [ -n "$report" ]; then
    rm -rf "$out/gatling" && mv "$LT/target/gatling/$report" "$out/gatling"
  fi
  if ! grep -q '^RESULT PASS$' "$out/verdict.txt" 2>/dev/null; then
    log "$sim: the after-run checks did not pass (see $out/verdict.txt and $out/gatling.log)"
    status=1
  fi
  return $status
}

# warm-up (unmeasured), measured run with CPU/RSS sampling, audit, summary. Sets FAILED on any failure.
run_scenario() { # simulation users outdir [extra -D...]
  local sim=$1 users=$2 out=$3; shift 3
  mkdir -p "$out"
  if [ "$WARMUP" -gt 0 ]; then
    log "$sim: warm-up ${WARMUP}s (not measured)"
    gatling "$sim" "$out/warmup" "$users" "$WARMUP" "$(( RAMP < WARMUP ? RAMP : WARMUP ))" "$@" \
      || log "$sim: the warm-up run reported failures (see $out/warmup)"
    rm -rf "$out/warmup/gatling"
  fi
  log "$sim: measured run, $users users, ${DURATION}s after a ${RAMP}s ramp, against $BASE"
  local status=0
  [ "$OWN_SERVICE" = 1 ] && start_sampler "$(cat "$PID_FILE")" "$out/cpu.csv"
  gatling "$sim" "$out" "$users" "$DURATION" "$RAMP" "$@" || status=$?
  stop_sampler
  audit "$out/audit.json" || status=1
  if [ -f "$out/gatling/index.html" ]; then
    local cpu=()
    [ -s "$out/cpu.csv" ] && cpu=(--cpu "$out/cpu.csv")
    python3 "$LT/summary.py" --title "$sim, $users users${STRATEGY:+, $STRATEGY}" --report "$out/gatling" \
      ${cpu[@]+"${cpu[@]}"} --verdict "$out/verdict.txt" > "$out/summary.md" || status=1
    cat "$out/summary.md"
  else
    log "$sim: no Gatling report found"
    status=1
  fi
  if [ "$status" != 0 ]; then
    FAILED=1
    printf '\n[loadtest] FAILED: %s (%s)\n\n' "$sim" "$out" >&2
  fi
  return 0
}

finish_service() { # copy of the service log
  if [ "$OWN_SERVICE" = 1 ]; then
    { mkdir -p "$(dirname "$1")" && cp "$LOG_FILE" "$1"; } 2>/dev/null || true
    stop_service
  fi
}

# ---------------------------------------------------------------- modes

case "$MODE" in
  smoke)
    # Cheap and complete: one service, Shopper (browse, reserve, confirm/release) and SellOut (oversell
    # check), all checks and the audit on, no latency thresholds.
    OUT="$LT/results/$STAMP-smoke"
    WARMUP=0 DURATION=15 RAMP=2
    [ "$OWN_SERVICE" = 1 ] && { ensure_build; start_service; }
    run_scenario Shopper "${USERS:-5}" "$OUT/shopper"
    run_scenario SellOut "${USERS:-20}" "$OUT/sell-out" -Dunits=200
    finish_service "$OUT/service.log"
    ;;
  compare)
    [ "$OWN_SERVICE" = 1 ] || die "compare restarts the service per strategy: no --base"
    OUT="$LT/results/$STAMP-compare"
    ensure_build
    for STRATEGY in $STRATEGIES; do
      start_service
      for u in ${USERS:-50 200}; do
        # A strategy's 503s under overload are data here (the failures column), not the end of the comparison;
        # the invariant checks and the audit still fail the run.
        run_scenario HotSku "$u" "$OUT/$STRATEGY-$u" -DmaxFailedPercent=100
      done
      finish_service "$OUT/service-$STRATEGY.log"
    done
    STRATEGY=""
    python3 "$LT/summary.py" --compare "$OUT" | tee "$OUT/compare.md"
    ;;
  *)
    SIM=$(simulation_of "$MODE")
    OUT="$LT/results/$STAMP-$MODE"
    [ "$OWN_SERVICE" = 1 ] && { ensure_build; start_service; }
    EXTRA=()
    [ "$SIM" = SellOut ] && EXTRA+=("-Dunits=$UNITS")
    run_scenario "$SIM" "${USERS:-$(default_users "$SIM")}" "$OUT" ${EXTRA[@]+"${EXTRA[@]}"}
    finish_service "$OUT/service.log"
    ;;
esac

if [ "$FAILED" != 0 ]; then
  log "RESULT: FAILED (details above; reports under $OUT)"
  exit 1
fi
log "RESULT: passed (reports under $OUT)"
