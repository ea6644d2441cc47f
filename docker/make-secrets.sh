#!/usr/bin/env bash
# Makes the secret files docker-compose.yml reads (in ${SECRETS_DIR:-./secrets}): random database
# passwords, one Ed25519 audit signing key per service, an empty SMTP password (no login; put
# the relay's password there if it needs one), Grafana's admin password and the key that seals
# webhook secrets at rest. Existing files are
# kept. The JWT public key is your identity provider's: JWT_PUBLIC_KEY_FILE names it.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${SECRETS_DIR:-./secrets}"
mkdir -p "$dir"
chmod 755 "$dir"   # the containers' users (postgres, uid 185) read the files through the bind mounts
make() { [ -e "$dir/$1" ] || { "${@:2}" > "$dir/$1"; chmod 644 "$dir/$1"; echo "made $dir/$1"; }; }
make postgres_password openssl rand -hex 24
for s in proposals review incentives notifications; do
  make "${s}_db_owner_password" openssl rand -hex 24
  make "${s}_db_password" openssl rand -hex 24
  make "${s}_audit_signing_key" openssl genpkey -algorithm ed25519
done
make smtp_password true
make grafana_admin_password openssl rand -hex 16
make webhook_secrets_key openssl rand -base64 32
