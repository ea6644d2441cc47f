#!/bin/bash
# The role the services connect as (DATABASE_USER): the migrations, run as the owner
# (POSTGRES_USER), grant it what it needs and leave the event tables append-only for it
# (service-runtime db/runtime V5). Runs once, when the data volume is first initialised.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v app_user="${APP_DB_USER:-aiexports_app}" -v app_password="$APP_DB_PASSWORD" <<'EOSQL'
create role :"app_user" login password :'app_password';
EOSQL
