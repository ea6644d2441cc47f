#!/bin/bash
# One database per service, each with two roles of its own (runs once, when the data volume is
# first initialised, as POSTGRES_USER):
#   aiexports_<db>_owner  owns the database and runs the service's migrations (DATABASE_OWNER_USER)
#   aiexports_<db>        the role the service connects as (DATABASE_USER): the migrations grant it
#                         what it needs and leave the event tables append-only (db/runtime V5, V8)
# No other role may connect to a service's database (db/runtime V9 says it again on every
# database it migrates). Passwords come from the secret files mounted in /run/secrets.
set -euo pipefail
secret() {
  local file="/run/secrets/$1"
  [ -r "$file" ] || { echo "missing secret $file (docker/make-secrets.sh)" >&2; exit 1; }
  # trailing line breaks are not part of a password (as the services read their *_FILE secrets)
  printf '%s' "$(cat "$file")"
}
for db in proposals review incentives notifications; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v db="$db" -v owner="aiexports_${db}_owner" -v app="aiexports_${db}" \
    -v owner_password="$(secret "${db}_db_owner_password")" -v app_password="$(secret "${db}_db_password")" <<'EOSQL'
create role :"owner" login password :'owner_password';
create role :"app" login password :'app_password';
create database :"db" owner :"owner";
revoke connect, temporary on database :"db" from public;
grant connect, temporary on database :"db" to :"app";
\connect :"db"
-- PostgreSQL 15+ lets only the database owner create in schema public; the migrations run as the owner
alter schema public owner to :"owner";
EOSQL
done
