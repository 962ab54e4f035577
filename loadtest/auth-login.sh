#!/usr/bin/env bash
# Login throughput against the ceiling (2 cores / one Argon2id hash), and another endpoint's latency
# alone and while logins run. Needs a running service (start-service.sh) and wrk.
set -euo pipefail
cd "$(dirname "$0")"
BASE=http://127.0.0.1:8080
# Metrics and health live on the management interface in prod (start-service.sh: port + 1000).
MGMT="${MGMT:-http://127.0.0.1:9080}"
DURATION="${DURATION:-30s}"
curl -s -o /dev/null -XPOST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d '{"username":"bench-user","password":"bench-password-1"}'
metric() { curl -s "$MGMT/q/metrics" | awk -v m="$1" '$1==m {print $2}'; }

# A light probe (one request every 50 ms) so that measuring does not itself take the CPU away.
probe() {
  local out=$1
  for _ in $(seq 1 200); do curl -s -o /dev/null -w '%{time_total}\n' "$MGMT/q/health/live"; sleep 0.05; done | sort -n > "$out"
  awk '{a[NR]=$1} END {printf "probe /q/health/live: p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)\n", a[int(NR*0.5)]*1000, a[int(NR*0.99)]*1000, a[NR]*1000, NR}' "$out"
}

echo "== warm-up (wrk -t1 -c2 15s, not counted)"
wrk -t1 -c2 -d15s -s wrk/login.lua "$BASE/api/v1/auth/token" > /dev/null

echo "== one login at a time (wrk -t1 -c1 10s): uncontended hash time from shopcore_auth_password_hash_seconds"
c0=$(metric shopcore_auth_password_hash_seconds_count); s0=$(metric shopcore_auth_password_hash_seconds_sum)
wrk -t1 -c1 -d10s -s wrk/login.lua "$BASE/api/v1/auth/token" | grep -E 'Requests/sec'
c1=$(metric shopcore_auth_password_hash_seconds_count); s1=$(metric shopcore_auth_password_hash_seconds_sum)
awk -v c0="$c0" -v c1="$c1" -v s0="$s0" -v s1="$s1" 'BEGIN {h=(s1-s0)/(c1-c0); printf "hash time: %.1f ms -> ceiling (2 cores / hash) = %.1f logins/s\n", h*1000, 2/h}'

echo "== probe alone"
probe /tmp/probe-alone.txt

echo "== logins at 50 connections (wrk -t2 -c50 $DURATION), nothing else running"
c0=$(metric shopcore_auth_password_hash_seconds_count); s0=$(metric shopcore_auth_password_hash_seconds_sum)
wrk -t2 -c50 -d"$DURATION" --timeout 10s --latency -s wrk/login.lua "$BASE/api/v1/auth/token" | grep -E 'Requests/sec|Latency|99%|Non-2xx|requests in|Socket errors'
c1=$(metric shopcore_auth_password_hash_seconds_count); s1=$(metric shopcore_auth_password_hash_seconds_sum)
awk -v c0="$c0" -v c1="$c1" -v s0="$s0" -v s1="$s1" 'BEGIN {h=(s1-s0)/(c1-c0); printf "hash time with both cores hashing: %.1f ms\n", h*1000}'

echo "== logins at 50 connections (wrk -t2 -c50 $DURATION), probe alongside"
probe /tmp/probe-during.txt > /tmp/probe-during.summary &
wrk -t2 -c50 -d"$DURATION" --timeout 10s --latency -s wrk/login.lua "$BASE/api/v1/auth/token" | grep -E 'Requests/sec|Latency|99%|Non-2xx|requests in|Socket errors'
wait
cat /tmp/probe-during.summary
