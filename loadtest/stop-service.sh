#!/usr/bin/env bash
# Stops the service started by start-service.sh (same PID_FILE), waiting up to 30 s for a graceful exit.
PID_FILE="${PID_FILE:-/tmp/shopcore-bench.pid}"
[ -f "$PID_FILE" ] && kill "$(cat "$PID_FILE")" 2>/dev/null
for _ in $(seq 1 30); do kill -0 "$(cat "$PID_FILE" 2>/dev/null)" 2>/dev/null || break; sleep 1; done
rm -f "$PID_FILE"
