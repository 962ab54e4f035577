#!/usr/bin/env bash
# Switches the compose nginx to one colour: ./switch.sh blue|green. Checks the idle colour is healthy,
# rewrites nginx/live.conf, tests and reloads nginx. `./switch.sh <previous colour>` rolls back.
set -euo pipefail
cd "$(dirname "$0")"
colour="${1:?usage: switch.sh blue|green}"
case "$colour" in blue) idle=green ;; green) idle=blue ;; *) echo "unknown colour: $colour" >&2; exit 2 ;; esac
compose=(docker-compose)
command -v docker-compose >/dev/null 2>&1 || compose=(docker compose)
state="$("${compose[@]}" ps --format '{{.Health}}' "shopcore-$colour" 2>/dev/null || docker inspect -f '{{.State.Health.Status}}' "$("${compose[@]}" ps -q "shopcore-$colour")")"
[ "$state" = healthy ] || { echo "shopcore-$colour is not healthy ($state): not switching" >&2; exit 1; }
cp nginx/live.conf nginx/live.conf.previous
cat > nginx/live.conf <<CONF
# The live colour (mounted at /etc/nginx/shopcore/live.conf). Switch: ./switch.sh <colour>.
map "" \$shopcore_live { default shopcore_$colour; }
map "" \$shopcore_idle { default shopcore_$idle; }
CONF
if ! "${compose[@]}" exec -T nginx nginx -t -q; then
  mv nginx/live.conf.previous nginx/live.conf
  echo "nginx -t failed: live.conf restored" >&2
  exit 1
fi
"${compose[@]}" exec -T nginx nginx -s reload
echo "live: $colour (idle: $idle)"
