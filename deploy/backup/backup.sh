#!/usr/bin/env bash
# Backs up shopcore's PostgreSQL data: the module schemas (auth, catalog, stock, search), the Flyway
# history (public.flyway_schema_history) and the extensions they use, as one pg_dump custom-format
# archive of the whole database (shopcore's database is its own: nothing else lives there, and a
# whole-database dump is the form that restores the public schema and extensions cleanly; pg_dump
# cannot combine --schema with --table). pg_dump reads everything in one REPEATABLE READ snapshot, so the archive is consistent
# (stock levels, reservations and ledger agree) while the service keeps running.
#
# usage: deploy/backup/backup.sh [ARCHIVE]          (default: ./shopcore-<UTC timestamp>.dump)
# connection: the usual libpq variables PGHOST PGPORT PGUSER PGPASSWORD (or ~/.pgpass), and
#             PGDATABASE (default shopcore).
# Redis is not backed up: it only holds caches and login-throttle counters (docs/operations.md).
set -euo pipefail

db="${PGDATABASE:-shopcore}"
archive="${1:-shopcore-$(date -u +%Y%m%dT%H%M%SZ).dump}"
tmp="$archive.partial"

log() { printf '[backup] %s\n' "$*" >&2; }

started=$(date +%s%N)
# Only a complete archive gets the final name: a failed run leaves no file that looks like a backup.
trap 'rm -f "$tmp"' EXIT
pg_dump --dbname="$db" --format=custom --compress=6 --no-owner --no-privileges --file="$tmp"
# Refuse an archive without the module schemas (wrong database name, empty database).
# (The listing is read whole first: `pg_restore --list | grep -q` under pipefail fails with SIGPIPE once
# the listing outgrows the pipe buffer.)
listing="$(pg_restore --list "$tmp")"
for schema in auth catalog stock; do
  grep -q "SCHEMA - $schema " <<<"$listing" || { log "no schema $schema in $db: not a shopcore database"; exit 1; }
done
mv "$tmp" "$archive"
trap - EXIT
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
size=$(stat -c %s "$archive")
log "database $db -> $archive ($size bytes, ${elapsed_ms} ms)"
# Machine-readable summary on stdout (used by the round-trip test and cron wrappers).
printf 'archive=%s bytes=%s millis=%s\n' "$archive" "$size" "$elapsed_ms"
