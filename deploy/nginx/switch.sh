#!/usr/bin/env bash
# Points nginx at one colour: deploy/nginx/switch.sh blue|green [nginx conf dir, default /etc/nginx]
# Rewrites <conf dir>/shopcore/live.conf, checks the whole configuration, reloads (graceful: old workers
# finish their requests). Prints the previous colour, so `switch.sh <previous>` rolls back.
set -euo pipefail
colour="${1:?usage: switch.sh blue|green [conf dir]}"
conf="${2:-/etc/nginx}"
case "$colour" in blue) idle=green ;; green) idle=blue ;; *) echo "unknown colour: $colour" >&2; exit 2 ;; esac
live_file="$conf/shopcore/live.conf"
previous="$(sed -n 's/.*shopcore_live { default shopcore_\([a-z]*\);.*/\1/p' "$live_file" 2>/dev/null || true)"
tmp="$(mktemp "$conf/shopcore/.live.XXXXXX")"
cat > "$tmp" <<CONF
# /etc/nginx/shopcore/live.conf: the live colour. Switch: deploy/nginx/switch.sh <colour>.
map "" \$shopcore_live { default shopcore_$colour; }
map "" \$shopcore_idle { default shopcore_$idle; }
CONF
chmod 0644 "$tmp"
cp "$live_file" "$live_file.previous" 2>/dev/null || true
mv "$tmp" "$live_file"
nginx_cmd=(nginx)
[ -n "${NGINX_PREFIX:-}" ] && nginx_cmd=(nginx -p "$NGINX_PREFIX" -c "${NGINX_CONF:-$conf/nginx.conf}")
if ! "${nginx_cmd[@]}" -t -q; then
  mv "$live_file.previous" "$live_file"
  echo "nginx -t failed: live.conf restored, nothing reloaded" >&2
  exit 1
fi
"${nginx_cmd[@]}" -s reload
echo "live: ${previous:-unknown} -> $colour"
