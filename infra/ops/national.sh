#!/usr/bin/env bash
# Serve the synthetic country (`make run DEMO=national`): a private, persistent PostgreSQL cluster
# (var/national-pg, port 55433; kept between runs), the four service databases in it, the country
# loaded once (`splot-embedded national`; skipped when already loaded), then `splot-embedded run`.
#
#   infra/ops/national.sh [--factor F] [--host H] [--port P]     (NATIONAL_FACTOR: default 0.1)
#   infra/ops/national.sh stop                                     stop the cluster (data kept)
#
# A tenth of the country by default (200k persons, 300k referrals: minutes); the whole country
# (factor 1: 2M persons, 3M referrals) took 37 minutes alone on 2 cores to load the first time
# (the pool's processes, SPLOT_NATIONAL_PROCESSES, default one per core, play and COPY the
# referrals): see docs/operations.md, "The synthetic country". Delete var/national-pg to start afresh.
set -euo pipefail
cd "$(dirname "$0")/../.."

export SPLOT_TEST_PGPORT="${SPLOT_NATIONAL_PGPORT:-55433}"
export SPLOT_TEST_PGDATA="${SPLOT_NATIONAL_PGDATA:-$(pwd)/var/national-pg}"
UV="${UV:-python3 -m uv}"

if [ "${1:-}" = "stop" ]; then
  exec infra/ci/postgres.sh stop
fi

mkdir -p "$(dirname "$SPLOT_TEST_PGDATA")"
server=$(infra/ci/postgres.sh start)
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
for service in directory clients referrals reporting; do
  db="splot_national_$service"
  if ! "$bin/psql" -h 127.0.0.1 -p "$SPLOT_TEST_PGPORT" -U postgres -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    "$bin/createdb" -h 127.0.0.1 -p "$SPLOT_TEST_PGPORT" -U postgres "$db"
  fi
  export "SPLOT_${service^^}_DATABASE_URL=${server%/postgres}/$db"
done

factor="${NATIONAL_FACTOR:-0.1}"
exec $UV run splot-embedded run --demo national --factor "$factor" "$@"
