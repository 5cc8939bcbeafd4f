#!/usr/bin/env bash
# Restore one Splot database from a backup made by infra/ops/backup.sh.
#
#   infra/ops/restore.sh [--clean] [--no-verify] DUMP URL
#
# DUMP is a pg_dump custom-format file (DIR/<name>.dump), URL the target database (the service's
# SQLAlchemy URL or a libpq URL); connect as the service's own role so that it owns what is
# restored. The restore runs in one transaction: it either completes or leaves nothing behind.
#   --clean      the target may hold tables already: drop what the dump contains, then restore
#                (without it a non-empty target is refused: nothing is overwritten by mistake)
#   --no-verify  skip the check against DIR/SHA256SUMS
# Stop the service (scale it to 0) first; run `splot-<service> migrate` after restoring an older
# backup into a newer release.
set -euo pipefail
. "$(dirname "$0")/pg-common.sh"

clean=0
verify=1
while [ $# -gt 0 ]; do
  case "$1" in
    --clean) clean=1; shift ;;
    --no-verify) verify=0; shift ;;
    -h | --help) sed -n '2,15p' "$0"; exit 0 ;;
    --) shift; break ;;
    -*) die "unknown option $1" ;;
    *) break ;;
  esac
done
[ $# -eq 2 ] || die "usage: restore.sh [--clean] [--no-verify] DUMP URL"
dump="$1"
url=$(libpq_url "$2")
[ -f "$dump" ] || die "no such file: $dump"

if [ "$verify" = 1 ]; then
  sums="$(dirname "$dump")/SHA256SUMS"
  [ -f "$sums" ] || die "no SHA256SUMS beside $dump (use --no-verify to restore anyway)"
  base="$(basename "$dump")"
  line=$(awk -v f="$base" '$2 == f || $2 == "*" f' "$sums")
  [ -n "$line" ] || die "$base is not listed in $sums"
  (cd "$(dirname "$dump")" && printf '%s\n' "$line" | sha256sum --check --quiet --strict -) \
    || die "$base does not match its checksum: refusing to restore"
fi

psql=$(pg_tool psql)
pg_restore=$(pg_tool pg_restore)
"$pg_restore" --list "$dump" > /dev/null || die "$dump is not a readable pg_dump archive"

tables=$("$psql" --no-psqlrc -At -v ON_ERROR_STOP=1 --dbname="$url" -c \
  "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
if [ "$tables" != "0" ] && [ "$clean" = 0 ]; then
  die "the target database already has $tables tables: restore into an empty database, or pass --clean"
fi

echo "restoring $dump into $(redact_url "$url")" >&2
options=(--exit-on-error --single-transaction --no-owner --no-privileges)
[ "$clean" = 1 ] && options+=(--clean --if-exists)
"$pg_restore" "${options[@]}" --dbname="$url" "$dump"

version=$("$psql" --no-psqlrc -At --dbname="$url" -c \
  "SELECT version_num FROM alembic_version" 2>/dev/null || true)
tables=$("$psql" --no-psqlrc -At --dbname="$url" -c \
  "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
echo "restored: $tables tables${version:+, schema at migration $version}" >&2
