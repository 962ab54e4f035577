#!/usr/bin/env bash
# Do other endpoints keep their latency while a login flood saturates password hashing?
# Measures GET /api/v1/stock/{id} and GET /api/v1/products/{id} (random ids of the first catalog page)
# with a light load, first alone and then while wrk floods POST /api/v1/auth/token, and prints a
# markdown table (also written to loadtest/results/login-flood-probe.md). Logins beyond the hashing
# gate (shopcore.auth.hashing-max-waiting / -max-wait) are answered 503: the flood's own line shows how many.
#
# Needs a running service with products and the login throttle opened (one client address and one user
# would otherwise be answered 429 after a handful of attempts, and nothing would hash), and wrk:
#   loadtest/start-service.sh -Dshopcore.catalog.demo-data.enabled=true \
#     -Dshopcore.auth.throttle.max-failures-per-username=1000000000 \
#     -Dshopcore.auth.throttle.max-failures-per-address=1000000000
# The flood's line counts its answers from the service's metrics: 503 from the hashing gate
# (shopcore_auth_password_hash_refused_total) and 429 from the throttle (shopcore_logins_total{outcome="throttled"}).
# Environment: BASE (default http://127.0.0.1:8080), METRICS (default: $BASE/q/metrics, else the
# management port start-service.sh uses, API port + 1000), DURATION per measurement (default 20s),
# PROBE_CONNECTIONS (default 4: light, so the probe itself does not take the CPU), FLOOD_CONNECTIONS
# (default 200), WARMUP (default 5s: the flood runs this long before the probes start).
# Figures only count from a quiet machine (nothing else running); docs/performance.md records them.
set -euo pipefail
cd "$(dirname "$0")"
BASE="${BASE:-http://127.0.0.1:8080}"
DURATION="${DURATION:-20s}"
PROBE_CONNECTIONS="${PROBE_CONNECTIONS:-4}"
FLOOD_CONNECTIONS="${FLOOD_CONNECTIONS:-200}"
WARMUP="${WARMUP:-5s}"
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
curl -fs -o /dev/null "$BASE/api/v1/health" || { echo "no service answers at $BASE" >&2; exit 1; }

seconds() { # 20s / 2m / 500ms -> whole seconds (at least 1)
  local d=$1
  case "$d" in
    *ms) echo 1 ;;
    *m) echo $(( ${d%m} * 60 )) ;;
    *s) echo "${d%s}" ;;
    *) echo "$d" ;;
  esac
}

# The login the flood repeats (wrk/login.lua): a registered user, so every login costs a real hash.
curl -s -o /dev/null -XPOST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d '{"username":"bench-user","password":"bench-password-1"}'

METRICS="${METRICS:-$BASE/q/metrics}"
if ! curl -fs -o /dev/null "$METRICS"; then
  port=${BASE##*:}; port=${port%%/*}
  METRICS="${BASE%:*}:$((port + 1000))/q/metrics"
fi
metric() { # name{labels} as exported, summed over matching lines
  curl -fs "$METRICS" | awk -v m="$1" 'index($0, m) == 1 {s += $NF} END {printf "%d\n", s}'
}

IDS=$(curl -fs "$BASE/api/v1/products?page=0&size=20" \
  | python3 -c 'import json,sys; print(",".join(str(p["id"]) for p in json.load(sys.stdin)["items"]))')
[ -n "$IDS" ] || { echo "the catalog is empty: start the service with demo data" >&2; exit 1; }
export IDS

# One probe: light load on one endpoint; prints "req/s|p50|p99|non-2xx".
probe() { # path-prefix
  local out
  out=$(PATH_PREFIX="$1" wrk -t1 -c"$PROBE_CONNECTIONS" -d"$DURATION" --latency -s wrk/get-random.lua "$BASE")
  printf '%s|%s|%s|%s\n' \
    "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
    "$(echo "$out" | awk '$1=="50%" {print $2}')" \
    "$(echo "$out" | awk '$1=="99%" {print $2}')" \
    "$(echo "$out" | awk '/Non-2xx/ {print $5}')"
}

echo "== warm-up (not counted)" >&2
PATH_PREFIX=/api/v1/stock/ wrk -t1 -c"$PROBE_CONNECTIONS" -d"$WARMUP" -s wrk/get-random.lua "$BASE" > /dev/null
PATH_PREFIX=/api/v1/products/ wrk -t1 -c"$PROBE_CONNECTIONS" -d"$WARMUP" -s wrk/get-random.lua "$BASE" > /dev/null

echo "== alone" >&2
stock_alone=$(probe /api/v1/stock/)
products_alone=$(probe /api/v1/products/)

echo "== during a login flood (wrk -t1 -c$FLOOD_CONNECTIONS)" >&2
refused0=$(metric shopcore_auth_password_hash_refused_total)
throttled0=$(metric 'shopcore_logins_total{outcome="throttled"')
flood_seconds=$(( $(seconds "$WARMUP") + 2 * $(seconds "$DURATION") + 5 ))
flood_out=$(mktemp)
wrk -t1 -c"$FLOOD_CONNECTIONS" -d"${flood_seconds}s" --timeout 10s --latency -s wrk/login.lua \
  "$BASE/api/v1/auth/token" > "$flood_out" &
flood_pid=$!
trap 'kill "$flood_pid" 2>/dev/null || true; rm -f "$flood_out"' EXIT
sleep "$(seconds "$WARMUP")"
stock_flood=$(probe /api/v1/stock/)
products_flood=$(probe /api/v1/products/)
wait "$flood_pid" || true
flood_rps=$(awk '/Requests\/sec/ {print $2}' "$flood_out")
flood_p99=$(awk '$1=="99%" {print $2}' "$flood_out")
flood_non2xx=$(awk '/Non-2xx/ {print $5}' "$flood_out")
flood_total=$(awk '/requests in/ {print $1}' "$flood_out")
flood_503=$(( $(metric shopcore_auth_password_hash_refused_total) - refused0 ))
flood_429=$(( $(metric 'shopcore_logins_total{outcome="throttled"') - throttled0 ))

row() { # label, alone, flood
  IFS='|' read -r a_rps a_p50 a_p99 a_bad <<< "$2"
  IFS='|' read -r f_rps f_p50 f_p99 f_bad <<< "$3"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$a_rps" "$a_p50" "$a_p99" "$f_rps" "$f_p50" "$f_p99" \
    "${a_bad:-0} / ${f_bad:-0}"
}

mkdir -p results
{
  echo "Light probe: wrk -t1 -c$PROBE_CONNECTIONS -d$DURATION per endpoint; flood: wrk -t1 -c$FLOOD_CONNECTIONS on POST /api/v1/auth/token."
  echo
  echo "| endpoint | alone req/s | alone p50 | alone p99 | during flood req/s | during flood p50 | during flood p99 | non-2xx (alone / flood) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  row 'GET /api/v1/stock/{id}' "$stock_alone" "$stock_flood"
  row 'GET /api/v1/products/{id}' "$products_alone" "$products_flood"
  echo
  echo "| login flood | req/s | p99 | requests | non-2xx | of which 503 (hashing gate) | of which 429 (throttle) |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  echo "| POST /api/v1/auth/token | ${flood_rps:-?} | ${flood_p99:-?} | ${flood_total:-?} | ${flood_non2xx:-0} | $flood_503 | $flood_429 |"
} | tee results/login-flood-probe.md
if [ "$flood_429" -gt 0 ] && [ "$flood_429" -ge $(( ${flood_total:-0} / 2 )) ]; then
  echo "warning: most logins were throttled (429), so the flood hardly hashed; open the throttle (see the header)" >&2
fi
