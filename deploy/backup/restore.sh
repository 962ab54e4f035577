#!/usr/bin/env bash
# Restores a backup.sh archive into an empty database, all or nothing (one transaction, stop at the
# first error). Stop the service (or take it out of rotation) first: the restored database replaces
# the old one, and whatever was written after the backup is lost (the recovery point is the backup).
#
# usage: deploy/backup/restore.sh ARCHIVE [DATABASE] [--recreate]
#   DATABASE    target (default: $PGDATABASE or shopcore); it must be empty unless --recreate is given
#   --recreate  drop the target database and create it anew (every session on it is terminated)
# connection: PGHOST PGPORT PGUSER PGPASSWORD as for psql; the user needs CREATEDB for --recreate.
set -euo pipefail

log() { printf '[restore] %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

archive="${1:-}"; [ -n "$archive" ] || die "usage: restore.sh ARCHIVE [DATABASE] [--recreate]"
[ -r "$archive" ] || die "cannot read $archive"
shift
db="${PGDATABASE:-shopcore}"
recreate=false
for arg in "$@"; do
  case "$arg" in
    --recreate) recreate=true ;;
    -*) die "unknown option $arg" ;;
    *) db="$arg" ;;
  esac
done

# The archive must be one of ours before anything is dropped.
# Read the listing whole: `pg_restore --list | grep -q` under pipefail fails with SIGPIPE on large listings.
listing="$(pg_restore --list "$archive")" || die "$archive is not a pg_dump custom-format archive"
grep -q 'SCHEMA - stock ' <<<"$listing" || die "$archive does not look like a shopcore backup"

if $recreate; then
  log "recreating database $db"
  psql --dbname=postgres -v ON_ERROR_STOP=1 -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
  psql --dbname=postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE \"$db\""
else
  exists=$(psql --dbname=postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = '$db'")
  [ "$exists" = 1 ] || psql --dbname=postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE \"$db\""
  used=$(psql --dbname="$db" -Atqc "SELECT count(*) FROM pg_namespace WHERE nspname IN ('auth','catalog','stock','search')")
  [ "$used" = 0 ] || die "database $db already has shopcore schemas: restore into an empty database or pass --recreate"
fi

started=$(date +%s%N)
pg_restore --dbname="$db" --exit-on-error --single-transaction --no-owner --no-privileges "$archive"
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
log "restored $archive into $db (${elapsed_ms} ms); run verify.sh before taking traffic"
printf 'database=%s millis=%s\n' "$db" "$elapsed_ms"
