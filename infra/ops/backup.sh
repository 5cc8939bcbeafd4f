#!/usr/bin/env bash
# Back up Splot databases with pg_dump (custom format: compressed, restorable table by table).
#
#   infra/ops/backup.sh [-o DIR] [NAME=URL ...]
#
# NAME=URL pairs name the databases (URL: the service's SQLAlchemy URL or a libpq URL). Without
# them, every service whose SPLOT_<SERVICE>_DATABASE_URL is set in the environment is backed up
# (directory, clients, referrals, reporting), so the services' own configuration can be reused.
# Writes DIR/<name>.dump and DIR/SHA256SUMS (DIR defaults to backups/<UTC time>); the files are
# readable by their owner only: they hold personal data. Restore with infra/ops/restore.sh.
set -euo pipefail
. "$(dirname "$0")/pg-common.sh"

out=""
while [ $# -gt 0 ]; do
  case "$1" in
    -o | --out) out="${2:?-o needs a directory}"; shift 2 ;;
    -h | --help) sed -n '2,12p' "$0"; exit 0 ;;
    --) shift; break ;;
    -*) die "unknown option $1" ;;
    *) break ;;
  esac
done

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for name in directory clients referrals reporting; do
    var="SPLOT_${name^^}_DATABASE_URL"
    [ -n "${!var:-}" ] && targets+=("$name=${!var}")
  done
fi
[ ${#targets[@]} -gt 0 ] || die "nothing to back up: pass NAME=URL or set SPLOT_<SERVICE>_DATABASE_URL"

out="${out:-backups/$(date -u +%Y%m%dT%H%M%SZ)}"
umask 077
mkdir -p "$out"
pg_dump=$(pg_tool pg_dump)

for target in "${targets[@]}"; do
  name="${target%%=*}"
  url="${target#*=}"
  [[ "$name" =~ ^[A-Za-z0-9_-]+$ ]] && [ "$name" != "$target" ] || die "expected NAME=URL, got '$target'"
  url=$(libpq_url "$url")
  echo "backing up $name ($(redact_url "$url"))" >&2
  "$pg_dump" --format=custom --compress=6 --no-owner --no-privileges --lock-wait-timeout=60s \
    --file="$out/$name.dump.partial" --dbname="$url"
  mv "$out/$name.dump.partial" "$out/$name.dump"
done

(cd "$out" && sha256sum -- *.dump > SHA256SUMS)
echo "$out"
