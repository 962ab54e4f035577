#!/usr/bin/env bash
# Stops the service started by start-service.sh.
[ -f /tmp/shopcore-bench.pid ] && kill "$(cat /tmp/shopcore-bench.pid)" 2>/dev/null
for _ in $(seq 1 30); do kill -0 "$(cat /tmp/shopcore-bench.pid 2>/dev/null)" 2>/dev/null || break; sleep 1; done
rm -f /tmp/shopcore-bench.pid
