#!/usr/bin/env bash
# Read-only synthetic warm-up of one colour before it takes the traffic (docs/deployment.md, "Warm-up").
#
#   deploy/warm-up.sh BASE_URL [SECONDS]      SECONDS defaults to 30; 0 skips the warm-up (exit 0)
#   deploy/warm-up.sh http://127.0.0.1:8090 30      servers: nginx's preview server reaches the idle colour
#
# Why: a freshly started JVM serves the product list at a tenth of its warm rate with a 30x p99 in its
# first 5 s and needs 30-40 s of load to get there (docs/performance.md, "Cold and warm"). This sends that
# load before the switch, so the first half-minute after it is not paid for by the customers.
#
# What it sends (GET only, no body, no token): product pages (several page numbers, sizes, sort orders,
# with and without a category), product details and GET /api/v1/stock/{id} for ids read from the list,
# the categories, and searches for words taken from the listed product names. Mix: 35 % pages, 20 % details,
# 30 % stock, 10 % search, 5 % categories. It never writes (no reservations) and never logs in (each login
# is an Argon2 hash: CPU spent on nothing). Load: batches of URLs in curl config files, one curl process per
# batch (`curl --parallel`, WARM_CONNECTIONS keep-alive connections, default 32), each batch sized to last
# about WARM_WINDOW_SECONDS (5 s); one line per batch with its requests/s and its non-2xx answers.
#
# Exit code: 0 when every answer was 2xx (4xx answers are counted and printed, but do not fail); 1 when the
# colour is unreachable, answers any 5xx, or a transfer fails (timeout, reset: code 000): the rollout
# stops there and nothing is switched; 2 on a usage error.
#
# Cost: SECONDS added to every release, and CPU that is otherwise idle: the colour's own (it takes no
# traffic yet) and the client's. Measured on the 2-core build machine against one freshly started jar on
# the same cores (direct, no nginx; 2026-11-30): 30 s cold -> 30,806 requests (195 req/s in the first 3 s,
# 1,300-1,600 req/s after 15 s), the script and its curl processes used 9.2 s of CPU (0.3 of a core);
# 10 s more on the now warm jar -> 19,266 requests (about 2,000 req/s), 5.4 s of CPU (0.46 of a core).
# One curl alone manages about 4,500 req/s on one cheap URL there (wrk: 7,300), so the colour, not
# the client, sets the pace. The reads reach the database the live colour uses: stock reads and
# searches go to PostgreSQL on every request (pages and details mostly hit the catalog caches after the
# first seconds); lower WARM_CONNECTIONS when the database is busy.
#
# Environment: WARM_CONNECTIONS (default 32), WARM_WINDOW_SECONDS (default 5), WARM_TIMEOUT (seconds per
# request, default 10). Needs curl 7.66+ (--parallel), coreutils (shuf, od).
set -euo pipefail
export LC_ALL=C   # decimal points in the printed windows, byte-wise percent-encoding

usage() { sed -n '2,5p' "$0" >&2; exit 2; }
log() { printf '[warm-up %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { log "FAILED: $*" >&2; exit 1; }

if [ $# -lt 1 ] || [ $# -gt 2 ]; then usage; fi
base="${1%/}"
seconds="${2:-30}"
conns="${WARM_CONNECTIONS:-32}"
window="${WARM_WINDOW_SECONDS:-5}"
timeout="${WARM_TIMEOUT:-10}"
for n in "$seconds" "$conns" "$window" "$timeout"; do [[ "$n" =~ ^[0-9]+$ ]] || usage; done
case "$base" in http://*|https://*) ;; *) usage ;; esac
if [ "$seconds" -eq 0 ]; then log "0 s: warm-up skipped"; exit 0; fi
if [ "$conns" -lt 1 ] || [ "$window" -lt 1 ]; then usage; fi
command -v curl >/dev/null 2>&1 || { echo "warm-up needs curl" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/shopcore-warm-up.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# ---- reachable and ready? ----
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time "$timeout" "$base/api/v1/health" || true)
case "$code" in
  2??) ;;
  000) fail "$base is unreachable" ;;
  *) fail "$base/api/v1/health answered $code" ;;
esac

# ---- what to ask for: ids, categories and words from the catalog itself ----
get() { # path -> body on stdout; fails the warm-up on anything but 2xx
  local out="$work/get.body" c
  c=$(curl -s -o "$out" -w '%{http_code}' --max-time "$timeout" "$base$1" || true)
  case "$c" in 2??) cat "$out" ;; 000) fail "$base$1: unreachable" ;; *) fail "$base$1 answered $c" ;; esac
}
# Items start with {"id": after [ or , (a product's category object follows a colon instead).
item_ids() { grep -o '[[,]{"id":[0-9]*' | grep -o '[0-9]*$' || true; }
: > "$work/ids"; : > "$work/names"
for page in 0 1 2 3 4; do
  body="$(get "/api/v1/products?page=$page&size=100&sort=id")"
  [ "$page" -gt 0 ] || total=$(sed -n 's/.*"total":\([0-9]*\).*/\1/p' <<<"$body")
  item_ids <<<"$body" >> "$work/ids"
  { grep -o '"name":"[^"]*"' <<<"$body" || true; } | sed 's/^"name":"//; s/"$//' >> "$work/names"
  [ "$(wc -l < "$work/ids")" -ge $(( (page + 1) * 100 )) ] || break
done
total="${total:-0}"
# Category ids: every "id" in the category list.
body="$(get /api/v1/categories)"
{ grep -o '"id":[0-9]*' <<<"$body" | grep -o '[0-9]*$' || true; } > "$work/categories"
# Search words: the first distinct words of the product names, percent-encoded byte by byte (any script).
tr ' ' '\n' < "$work/names" | awk 'length($0) >= 2 && $0 !~ /^[0-9]+$/ && !seen[$0]++' | head -n 40 > "$work/words" || true
while IFS= read -r w; do printf '%s' "$w" | od -An -v -tx1 | tr -d ' \n' | sed 's/../%&/g'; echo; done \
  < "$work/words" > "$work/qwords"
log "$base: $(wc -l < "$work/ids") product ids (of $total), $(wc -l < "$work/categories") categories, $(wc -l < "$work/qwords") search words; ${seconds}s, $conns connections"

# ---- the URL pools (paths), one per kind ----
# Sizes: 20 (the default) twice as often as 10, 50 and 100.
for size in 10 20 20 50 100; do
  pages=$(( total / size )); [ "$pages" -le 20 ] || pages=20
  for page in $(seq 0 "$pages"); do
    for sort in id price -price name; do echo "/api/v1/products?page=$page&size=$size&sort=$sort"; done
  done
  while read -r c; do echo "/api/v1/products?categoryId=$c&size=$size"; done < "$work/categories"
done > "$work/pool.pages"
sed 's|^|/api/v1/products/|' "$work/ids" > "$work/pool.details"
sed 's|^|/api/v1/stock/|' "$work/ids" > "$work/pool.stock"
while read -r q; do
  echo "/api/v1/search?q=$q"
  echo "/api/v1/search?q=$q&sort=price&size=50"
done < "$work/qwords" > "$work/pool.search"
echo /api/v1/categories > "$work/pool.categories"

# One batch: n paths drawn (with repetition) from the pools in the mix's proportions, shuffled.
draw() { # pool percent n
  local k=$(( $3 * $2 / 100 ))
  [ -s "$work/pool.$1" ] && [ "$k" -gt 0 ] && shuf -r -n "$k" "$work/pool.$1"
  return 0
}
batch_urls() { # n -> curl config on stdout
  { draw pages 35 "$1"; draw details 20 "$1"; draw stock 30 "$1"; draw search 10 "$1"; draw categories 5 "$1"; } \
    | shuf | awk -v base="$base" '{ printf "url = \"%s%s\"\noutput = \"/dev/null\"\n", base, $0 }'
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
start=$(now_ms); deadline=$(( start + seconds * 1000 ))
n=$(( conns * 20 )); batch=0
sent=0; ok=0; c4=0; c5=0; c0=0
while :; do
  t=$(now_ms); left=$(( deadline - t ))
  [ "$left" -gt 200 ] || break
  batch_urls "$n" > "$work/batch.cfg"
  urls=$(grep -c '^url' "$work/batch.cfg" || true)
  [ "$urls" -gt 0 ] || fail "no URL to send (empty catalog answers?)"
  # One curl process per batch: keep-alive connections shared by all its transfers.
  curl --parallel --parallel-immediate --parallel-max "$conns" -s --no-progress-meter --max-time "$timeout" \
    -w '%{http_code}\n' -K "$work/batch.cfg" > "$work/batch.codes" 2>/dev/null || true
  t2=$(now_ms); ms=$(( t2 - t )); [ "$ms" -gt 0 ] || ms=1
  read -r b_ok b4 b5 b0 < <(awk -v want="$urls" '
    /^2/ {o++} /^4/ {f++} /^5/ {s++} /^000$/ {z++} END {n=NR; if (n < want) z += want - n; print o+0, f+0, s+0, z+0}' \
    "$work/batch.codes")
  batch=$(( batch + 1 )); sent=$(( sent + urls )); ok=$(( ok + b_ok )); c4=$(( c4 + b4 )); c5=$(( c5 + b5 )); c0=$(( c0 + b0 ))
  rate=$(( urls * 1000 / ms ))
  log "$(printf 'window %2d  %5.1f-%5.1fs  %6d requests  %6d req/s  non-2xx: 4xx=%d 5xx=%d failed=%d' \
    "$batch" "$(( (t - start) / 100 ))e-1" "$(( (t2 - start) / 100 ))e-1" "$urls" "$rate" "$b4" "$b5" "$b0")"
  if [ "$b5" -gt 0 ] || [ "$b0" -gt 0 ]; then
    sort "$work/batch.codes" | uniq -c | sort -rn | head -5 >&2
    fail "the colour answered 5xx ($b5) or did not answer ($b0) in window $batch: do not switch to it"
  fi
  # Next batch: one window at the rate just seen, never past the deadline.
  left=$(( deadline - t2 ))
  n=$(( rate * window )); [ $(( rate * left / 1000 )) -ge "$n" ] || n=$(( rate * left / 1000 ))
  [ "$n" -ge 50 ] || n=50
done
elapsed=$(( $(now_ms) - start ))
log "$(printf 'done: %d requests in %.1fs (%d req/s), 2xx=%d 4xx=%d 5xx=%d failed=%d' \
  "$sent" "$(( elapsed / 100 ))e-1" "$(( sent * 1000 / (elapsed > 0 ? elapsed : 1) ))" "$ok" "$c4" "$c5" "$c0")"
echo "WARMUP requests=$sent ok=$ok http_4xx=$c4 http_5xx=$c5 failed=$c0 seconds=$(( elapsed / 1000 ))"
