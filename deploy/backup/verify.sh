#!/usr/bin/env bash
# Checks a shopcore database (typically right after restore.sh): row counts per table of the module
# schemas and the Flyway history, then the stock invariant audit (the same query as the service's
# JdbcStockAuditRepository): for every product 0 <= reserved <= total, reserved = sum of HELD
# reservations, and the ledger replays to total and reserved. Exit status 0 only if the audit is clean.
#
# usage: deploy/backup/verify.sh [DATABASE]   (default: $PGDATABASE or shopcore)
set -euo pipefail

db="${1:-${PGDATABASE:-shopcore}}"
psql_q() { psql --dbname="$db" -v ON_ERROR_STOP=1 -Atq "$@"; }

# Row counts, one "schema.table<TAB>count" line per table, sorted: diff two runs to compare databases.
tables=$(psql_q -c "SELECT table_schema || '.' || table_name FROM information_schema.tables
                    WHERE table_type = 'BASE TABLE'
                      AND (table_schema IN ('auth','catalog','stock','search')
                           OR (table_schema = 'public' AND table_name = 'flyway_schema_history'))
                    ORDER BY 1")
[ -n "$tables" ] || { echo "no shopcore tables in $db" >&2; exit 1; }
for t in $tables; do
  schema=${t%%.*}; table=${t#*.}
  printf 'rows\t%s\t%s\n' "$t" "$(psql_q -c "SELECT count(*) FROM \"$schema\".\"$table\"")"
done

violations=$(psql_q -F $'\t' <<'SQL'
SELECT s.product_id,
       CASE WHEN s.reserved < 0 OR s.reserved > s.total THEN 'reserved_in_range '  ELSE '' END ||
       CASE WHEN s.reserved <> a.held                    THEN 'reserved_equals_held ' ELSE '' END ||
       CASE WHEN s.total <> a.ledger_total               THEN 'ledger_total '      ELSE '' END ||
       CASE WHEN s.reserved <> a.ledger_reserved         THEN 'ledger_reserved'    ELSE '' END
  FROM stock.stock_level s
  JOIN (SELECT s2.product_id,
               (SELECT coalesce(sum(r.quantity), 0) FROM stock.reservation r
                 WHERE r.product_id = s2.product_id AND r.status = 'HELD') AS held,
               coalesce(l.ledger_total, 0) AS ledger_total, coalesce(l.ledger_reserved, 0) AS ledger_reserved
          FROM stock.stock_level s2
          LEFT JOIN (SELECT product_id,
                            sum(CASE type WHEN 'ADJUST' THEN quantity WHEN 'CONFIRM' THEN -quantity ELSE 0 END) AS ledger_total,
                            sum(CASE type WHEN 'RESERVE' THEN quantity WHEN 'ADJUST' THEN 0 ELSE -quantity END) AS ledger_reserved
                       FROM stock.ledger_entry GROUP BY product_id) l ON l.product_id = s2.product_id) a
    ON a.product_id = s.product_id
 WHERE s.reserved < 0 OR s.reserved > s.total OR s.reserved <> a.held
    OR s.total <> a.ledger_total OR s.reserved <> a.ledger_reserved
 ORDER BY s.product_id
SQL
)
products=$(psql_q -c "SELECT count(*) FROM stock.stock_level")
if [ -n "$violations" ]; then
  printf 'audit\tFAILED\t%s\n' "$(printf '%s\n' "$violations" | wc -l)"
  printf 'violation\t%s\n' "$violations"
  exit 2
fi
printf 'audit\tOK\t%s products\n' "$products"
