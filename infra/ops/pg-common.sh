# Shared by backup.sh and restore.sh (sourced, not run).

die() { echo "$(basename "$0"): $*" >&2; exit 1; }

# PostgreSQL client programs: from $PG_BIN when set, else PATH, else the newest Debian install.
pg_tool() {
  local name="$1" dir
  if [ -n "${PG_BIN:-}" ]; then
    [ -x "$PG_BIN/$name" ] || die "$PG_BIN/$name not found"
    echo "$PG_BIN/$name"; return
  fi
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$dir" ] && [ -x "$dir/$name" ] || die "$name not found (install the PostgreSQL client or set PG_BIN)"
  echo "$dir/$name"
}

# The services' URLs are SQLAlchemy URLs (postgresql+asyncpg://...?ssl=require); the PostgreSQL
# tools want libpq URLs (postgresql://...?sslmode=require).
libpq_url() {
  local url="$1" base query
  case "$url" in
    postgresql+asyncpg://*) url="postgresql://${url#postgresql+asyncpg://}" ;;
    postgresql+psycopg://*) url="postgresql://${url#postgresql+psycopg://}" ;;
    postgresql://* | postgres://*) ;;
    *) die "not a PostgreSQL URL: ${url%%://*}://…" ;;
  esac
  if [[ "$url" == *\?* ]]; then
    base="${url%%\?*}"
    query="${url#*\?}"
    query=$(printf '%s' "$query" | sed -E 's/(^|&)ssl=(true|1)(&|$)/\1sslmode=require\3/; s/(^|&)ssl=/\1sslmode=/')
    url="$base?$query"
  fi
  printf '%s' "$url"
}

# The URL without its password, for messages.
redact_url() {
  printf '%s' "$1" | sed -E 's#(://[^:/@]+):[^@]*@#\1:***@#'
}
