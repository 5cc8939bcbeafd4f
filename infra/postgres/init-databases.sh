#!/usr/bin/env bash
# One login role and one database per Splot service, each database owned by its role, no access
# for PUBLIC. Run by the postgres image on the first start of an empty data volume (mounted into
# /docker-entrypoint-initdb.d), or by hand against any server:
#
#   SPLOT_DATABASES="directory clients" DIRECTORY_DB_PASSWORD=... CLIENTS_DB_PASSWORD=... \
#     PGHOST=db.internal POSTGRES_USER=postgres infra/postgres/init-databases.sh
#
# The password of the service <name> comes from <NAME>_DB_PASSWORD. Idempotent: existing roles
# get their password (re)set, existing databases are left alone.
set -euo pipefail

databases="${SPLOT_DATABASES:-directory clients referrals reporting}"
admin_user="${POSTGRES_USER:-postgres}"

for name in $databases; do
  if ! [[ "$name" =~ ^[a-z_][a-z0-9_]*$ ]]; then
    echo "init-databases: invalid database name '$name'" >&2
    exit 1
  fi
  var="${name^^}_DB_PASSWORD"
  password="${!var:-}"
  if [ -z "$password" ]; then
    echo "init-databases: $var is not set" >&2
    exit 1
  fi
  psql -v ON_ERROR_STOP=1 --no-psqlrc --quiet --username "$admin_user" --dbname postgres \
    --set=name="$name" --set=password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'name')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'name') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'name', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', :'name', :'name', 'UTF8')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'name') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'name') \gexec
SQL
  echo "init-databases: $name ready"
done
