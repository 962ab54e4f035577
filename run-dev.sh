#!/usr/bin/env bash
# Runs shopcore in dev mode with the demo catalog on http://localhost:8080 (admin / admin-dev-password).
# Compiles the reactor's test classes first: dev mode resolves the test class path too, and bootstrap's
# tests use the cores' test-jars, which a reactor build can supply without installing anything.
# Extra arguments go to Maven, e.g. -Dshopcore.local-services.database=shopcore_scratch for a fresh database.
set -euo pipefail
cd "$(dirname "$0")"
exec ./mvnw test-compile quarkus:dev "$@"
