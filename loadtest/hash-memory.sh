#!/usr/bin/env bash
# What a login flood costs in memory, per Argon2id implementation: for each one, a fresh service (prod
# profile, start-service.sh), one login, RSS; then wrk logins for $DURATION at $CONNECTIONS connections
# with RSS sampled from /proc every second; then RSS again after the flood. Rounds alternate the
# implementations so drift shows as spread. Prints markdown table rows, also appended to
# loadtest/results/hash-memory.md (delete it to start a new table).
#
#   loadtest/hash-memory.sh                       # native and java, 2 rounds
#   IMPLEMENTATIONS="native" ROUNDS=3 loadtest/hash-memory.sh
#   APP_DIR=/copy/of/quarkus-app LABEL=before loadtest/hash-memory.sh   # another build, same method
#
# Environment: IMPLEMENTATIONS (values of shopcore.auth.argon2.implementation, default "native java"),
# ROUNDS (2), DURATION (15s), CONNECTIONS (16), LABEL (a name for the build, default "this build"),
# APP_DIR, JVM_HEAP (start-service.sh). Needs wrk and a quiet machine; build first (./mvnw package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")"
IMPLEMENTATIONS="${IMPLEMENTATIONS:-native java}"
ROUNDS="${ROUNDS:-2}"
DURATION="${DURATION:-15s}"
CONNECTIONS="${CONNECTIONS:-16}"
LABEL="${LABEL:-this build}"
BASE=http://127.0.0.1:8080
MGMT=http://127.0.0.1:9080
OUT=results/hash-memory.md
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
mkdir -p results

rss_mb() { awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }
metric() { curl -s "$MGMT/q/metrics" | awk -v m="$1" '$1 ~ "^"m {print $2; exit}'; }

if [ ! -s "$OUT" ]; then # appended to, so runs of several builds make one table
  echo "| build | implementation | round | logins/s | RSS after 1 login | peak RSS during flood | RSS after flood |" > "$OUT"
  echo "|---|---|---|---|---|---|---|" >> "$OUT"
fi
trap './stop-service.sh >/dev/null 2>&1 || true' EXIT
for round in $(seq 1 "$ROUNDS"); do
  for impl in $IMPLEMENTATIONS; do
    # One user from one address: the login throttle is opened, or it would answer 429 instead of hashing.
    ./start-service.sh -Dshopcore.auth.argon2.implementation="$impl" \
      -Dshopcore.auth.throttle.max-failures-per-username=1000000000 \
      -Dshopcore.auth.throttle.max-failures-per-address=1000000000 >/dev/null
    pid=$(cat "${PID_FILE:-/tmp/shopcore-bench.pid}")
    curl -s -o /dev/null -XPOST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
      -d '{"username":"bench-user","password":"bench-password-1"}'
    curl -fs -o /dev/null -XPOST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
      -d '{"username":"bench-user","password":"bench-password-1"}'
    running=$(metric 'shopcore_auth_password_hash_implementation{implementation="'"$impl"'"')
    [ "${running%%.*}" = 1 ] || { echo "the service does not compute with $impl (auto fell back?)" >&2; exit 1; }
    before=$(rss_mb "$pid")
    peak=$before
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s wrk/login.lua "$BASE/api/v1/auth/token" > /tmp/hash-memory-wrk.txt &
    wrk_pid=$!
    while kill -0 "$wrk_pid" 2>/dev/null; do
      now=$(rss_mb "$pid"); [ "$now" -gt "$peak" ] && peak=$now
      sleep 1
    done
    wait "$wrk_pid"
    after=$(rss_mb "$pid")
    rate=$(awk '/Requests\/sec/ {printf "%.1f", $2}' /tmp/hash-memory-wrk.txt)
    non2xx=$(awk '/Non-2xx/ {print $NF}' /tmp/hash-memory-wrk.txt)
    echo "| $LABEL | $impl | $round | $rate${non2xx:+ ($non2xx non-2xx)} | $before MB | $peak MB | $after MB |" | tee -a "$OUT"
    ./stop-service.sh
  done
done
