#!/usr/bin/env bash
# Creates ./secrets for docker-compose.yml: a JWT key pair and random database/admin passwords.
# Never commit ./secrets (the repository ignores *.pem; keep the directory out of version control).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p secrets
chmod 0700 secrets
if [ ! -f secrets/jwt-private.pem ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out secrets/jwt-private.pem 2>/dev/null
  openssl pkey -in secrets/jwt-private.pem -pubout -out secrets/jwt-public.pem
fi
if [ ! -f secrets/db-password ]; then
  openssl rand -hex 24 > secrets/db-password
  printf 'QUARKUS_DATASOURCE_PASSWORD=%s\nSHOPCORE_ADMIN_PASSWORD=%s\n' "$(cat secrets/db-password)" "$(openssl rand -hex 24)" > secrets/shopcore.env
fi
# Compose bind-mounts file secrets with their host mode; the container user (non-root) must read them.
chmod 0644 secrets/jwt-public.pem secrets/jwt-private.pem secrets/db-password
chmod 0600 secrets/shopcore.env
echo "secrets ready in $(pwd)/secrets (admin password: secrets/shopcore.env)"
