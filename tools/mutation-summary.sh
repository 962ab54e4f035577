#!/usr/bin/env bash
# Prints killed/total mutations per core module from PIT's mutations.xml files.
# Produce them first, e.g.:  ./mvnw -Pmutation -pl modules/auth/core,modules/catalog/core verify
# Usage: tools/mutation-summary.sh [module-dir ...]   (default: every modules/*/core with a report)
set -euo pipefail
cd "$(dirname "$0")/.."

modules=("$@")
if [ ${#modules[@]} -eq 0 ]; then
  for d in modules/*/core; do modules+=("$d"); done
fi

printf '%-22s %8s %8s %7s\n' module killed total score
found=0
for m in "${modules[@]}"; do
  xml="$m/target/pit-reports/mutations.xml"
  if [ ! -f "$xml" ]; then
    printf '%-22s %s\n' "$m" "no report ($xml)"
    continue
  fi
  found=1
  # One <mutation ...> element per mutant; detected='true' means a test killed it (or it timed out).
  total=$( (grep -o "<mutation " "$xml" || true) | wc -l)
  killed=$( (grep -o "detected='true'" "$xml" || true) | wc -l)
  if [ "$total" -gt 0 ]; then score=$((100 * killed / total)); else score=0; fi
  printf '%-22s %8d %8d %6d%%\n' "$m" "$killed" "$total" "$score"
done
[ "$found" -eq 1 ] || { echo "no mutations.xml found: run ./mvnw -Pmutation -pl <module> -am verify first" >&2; exit 1; }
