"""Async database plumbing: engines for PostgreSQL and SQLite, sessions, model base helpers."""

from __future__ import annotations

import time
import uuid
import weakref
from collections.abc import AsyncIterator, Collection, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, cast

from fastapi import Depends, Request
from sqlalchemy import (
    ColumnElement,
    DateTime,
    Integer,
    MetaData,
    Select,
    Table,
    TypeDecorator,
    any_,
    bindparam,
    event,
    func,
    select,
    true,
)
from sqlalchemy.engine import CursorResult, Dialect, Result, make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import Mapped, declared_attr, mapped_column
from sqlalchemy.pool import NullPool
from sqlalchemy.util import await_

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def make_metadata() -> MetaData:
    return MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every backend.

    SQLite has no timezone type, so values are stored as naive UTC there and re-tagged on load;
    naive values are refused on the way in rather than guessed.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    @property
    def python_type(self) -> type[datetime]:
        return datetime

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a UTC timestamp is required")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class Versioned:
    """A ``version`` column used for optimistic locking: an UPDATE matches the version it read, so
    two writers cannot both win (the loser's flush raises StaleDataError: a 412). The ETag of a
    resource is derived from it (:mod:`splot.common.etag`)."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    @classmethod
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": table_of(cls).c.version}


def new_id() -> uuid.UUID:
    return uuid.uuid4()


def _configure_sqlite(engine: AsyncEngine) -> None:
    sync_engine = engine.sync_engine

    @event.listens_for(sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, open transactions so SAVEPOINTs and rollbacks behave
        # as on PostgreSQL (the driver's implicit transactions break nested transactions).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        # IMMEDIATE: take the write lock when the transaction starts. A deferred transaction that
        # reads and then writes cannot wait for the lock (SQLite answers "database is locked" at
        # once, busy_timeout or not), e.g. when the services sign in to the directory together at
        # start-up. Waiting at BEGIN instead serialises writers, which the embedded mode can afford.
        conn.exec_driver_sql("BEGIN IMMEDIATE")


#: A pooled connection returned longer ago than this is pinged before it is handed out again
#: (``ServiceSettings.database_ping_idle_seconds``); one returned more recently is not.
DEFAULT_PING_IDLE_SECONDS = 2.0
#: Where a pooled connection's return time is kept (its record's ``info``, which SQLAlchemy
#: clears when the connection is closed or replaced: a new connection starts without one).
_RETURNED_AT = "splot_returned_at"


#: The most connections a process's pool holds (``ServiceSettings.database_pool_size``).
DEFAULT_POOL_SIZE = 20


def create_engine(
    url: str,
    *,
    echo: bool = False,
    pool_size: int = DEFAULT_POOL_SIZE,
    null_pool: bool = False,
    ping_idle_seconds: float = DEFAULT_PING_IDLE_SECONDS,
) -> AsyncEngine:
    """Create the async engine for a service database (PostgreSQL via asyncpg, SQLite via aiosqlite).

    ``pool_size``: the most connections the pool holds. They are opened as needed and kept: no
    overflow that is closed on return, since under a sustained load above the pool's size that
    opened and closed a connection several times a second (issue #17: 129 new registry
    connections in a 20 s run of accepts, each a new server process that prepared its statements
    again).
    ``null_pool`` opens a connection per use: for engines shared between event loops (tests).
    ``ping_idle_seconds``: on asyncpg, a pooled connection is pinged at checkout only when it has
    been idle in the pool longer than this (:func:`_ping_when_idle`).
    """
    parsed = make_url(url)
    pool_args: dict[str, Any] = {"poolclass": NullPool} if null_pool else {}
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, echo=echo, **pool_args)
        _configure_sqlite(engine)
        return engine
    asyncpg = parsed.get_driver_name() == "asyncpg"
    if not null_pool:
        # asyncpg: the pool's own pre-ping (every checkout) is replaced by _ping_when_idle.
        pool_args = {"pool_size": pool_size, "max_overflow": 0, "pool_pre_ping": not asyncpg}
    engine = create_async_engine(url, echo=echo, **pool_args)
    if asyncpg and not null_pool:
        _ping_when_idle(engine, ping_idle_seconds)
    return engine


def _ping_when_idle(engine: AsyncEngine, idle_seconds: float) -> None:
    """Replace a dead pooled connection before a request gets it, paying the ping's round trip only
    where a dead connection is plausible (issue #17: the ping was one of a PESEL lookup's four round
    trips, with BEGIN, the statement and COMMIT). A connection returned to the pool less than
    ``idle_seconds`` ago was working a moment ago and is handed out as it is; one idle longer is pinged at checkout, and if the server
    dropped it (restart, idle timeout, a terminated backend) the pool replaces it before anyone
    uses it, as ``pool_pre_ping`` does. The ping is one round trip (:func:`_ping_in_one_round_trip`).

    A disconnect that slips through (the server restarted within the threshold) fails that
    statement: SQLAlchemy invalidates the connection and every pooled connection older than it
    (each is replaced at its next checkout), and the request answers 503 ``database_unavailable``
    with ``Retry-After`` (:mod:`splot.common.errors`).
    """
    sync_engine = engine.sync_engine
    dialect = sync_engine.dialect
    _ping_in_one_round_trip(engine)

    @event.listens_for(sync_engine.pool, "checkin")
    def _returned(dbapi_connection: Any, record: Any) -> None:
        if dbapi_connection is not None:
            record.info[_RETURNED_AT] = time.monotonic()

    @event.listens_for(sync_engine.pool, "checkout")
    def _checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        returned = record.info.get(_RETURNED_AT)
        if returned is None or time.monotonic() - returned <= idle_seconds:
            return  # just connected, or returned a moment ago
        try:
            dialect.do_ping(dbapi_connection)
        except dialect.loaded_dbapi.Error as error:
            if not dialect.is_disconnect(error, dbapi_connection, None):
                raise
            # The pool discards this connection and checks out a fresh one.
            raise DisconnectionError("pooled connection dropped by the server") from error


def _ping_in_one_round_trip(engine: AsyncEngine) -> None:
    """The ping (a dead connection is replaced before a request gets it) as one round
    trip: asyncpg's own wraps the empty statement in BEGIN … ROLLBACK (for pgbouncer's
    transaction mode, which Splot does not use), three round trips on every checkout (issue #17).
    A failure still goes through the driver's error translation, so a dropped connection is
    recognised as a disconnect and replaced."""
    dialect = engine.sync_engine.dialect

    def do_ping(dbapi_connection: Any) -> bool:
        if getattr(dbapi_connection, "_transaction", None) is not None:
            dbapi_connection.ping()  # inside a transaction: the driver's own (one round trip)
            return True
        try:
            await_(dbapi_connection._connection.fetchrow(";"))
        except Exception as error:  # noqa: BLE001 - translated (and re-raised) by the driver
            dbapi_connection._handle_exception(error)
        return True

    setattr(dialect, "do_ping", do_ping)  # noqa: B010 - this engine's dialect only


def create_sessionmaker(bind: Any) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(bind=bind, expire_on_commit=False, autoflush=True)


_SINGLE_STATEMENT: weakref.WeakKeyDictionary[
    async_sessionmaker[AsyncSession], async_sessionmaker[AsyncSession]
] = weakref.WeakKeyDictionary()


def single_statement_sessions(maker: async_sessionmaker[AsyncSession]) -> async_sessionmaker[AsyncSession]:
    """Sessions for work of one statement at a time, each committed on its own (a claim, an
    outcome): on a PostgreSQL engine its connections in autocommit, so a statement costs one
    round trip, with no BEGIN and COMMIT around it. Anything else is the maker itself: SQLite's
    transactions cost no round trip, and a test's maker (bound to its rolled-back connection)
    keeps its savepoints."""
    bind = maker.kw.get("bind")
    if not (isinstance(bind, AsyncEngine) and bind.dialect.name == "postgresql"):
        return maker
    derived = _SINGLE_STATEMENT.get(maker)
    if derived is None:  # once per maker (the derived one holds no reference back to it)
        derived = create_sessionmaker(bind.execution_options(isolation_level="AUTOCOMMIT"))
        _SINGLE_STATEMENT[maker] = derived
    return derived


async def _request_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One session per request: committed when the endpoint returns, rolled back on error.

    Used with ``scope="function"`` so the commit happens before the response is sent: a client
    never sees a 2xx for a change that then failed to commit.
    """
    maker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    async with maker() as session:
        try:
            yield session
        except BaseException:
            await session.rollback()
            raise
        else:
            await session.commit()


SessionDep = Annotated[AsyncSession, Depends(_request_session, scope="function")]


def rows_affected(result: Result[Any]) -> int:
    """How many rows an UPDATE or DELETE touched. ``Session.execute`` is typed to return a plain
    :class:`Result`, but for DML it is a :class:`CursorResult`, which has the count."""
    return cast("CursorResult[Any]", result).rowcount or 0


def table_of(model: type[Any]) -> Table:
    """The Core table of a mapped class, for Core ``update``/``delete`` (``__table__`` is typed
    as any ``FromClause``)."""
    table = model.__table__
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not mapped to a table")
    return table


def is_postgresql(session: AsyncSession) -> bool:
    """Whether the session is bound to PostgreSQL (else the embedded SQLite)."""
    return session.bind is not None and session.bind.dialect.name == "postgresql"


def among(session: AsyncSession, column: Any, values: Collection[Any]) -> ColumnElement[bool]:
    """``column IN (values)``; on PostgreSQL ``column = ANY(:array)``: one parameter whatever the
    number of values, so one statement (prepared once per connection), not one per list length
    with a parameter each to render and bind."""
    if not is_postgresql(session):
        return column.in_(values)  # type: ignore[no-any-return]
    from sqlalchemy.dialects import postgresql

    array = bindparam(None, list(values), type_=postgresql.ARRAY(column.type))
    condition: ColumnElement[bool] = column == any_(array)
    return condition


def select_each(
    session: AsyncSession,
    columns: Sequence[Any],
    *,
    key: Any,
    values: Collection[Any],
    where: ColumnElement[bool],
) -> Select[Any]:
    """``SELECT columns WHERE where AND key IN (values)`` for a key unique under ``where``, read
    on PostgreSQL one index probe per value whatever the statistics say: a ``LATERAL`` subquery
    with ``LIMIT 1`` per value of ``unnest(:array)``, which no plan can turn into a scan of the
    table. Where ``where`` matches most of a table that grows during a job (an import's own
    institution in the registry it fills), the custom plan of :func:`among`'s ``= ANY`` and even
    a semi-join on ``unnest`` scan the whole table once the statistics say so: 12 ms per 500 keys
    at 100k rows and growing with the table, against ≈ 2 ms of probes (issue #17, bulk import).
    A value given twice comes back twice."""
    if not is_postgresql(session):
        return select(*columns).where(where, key.in_(values))
    from sqlalchemy.dialects import postgresql

    array = bindparam(None, list(values), type_=postgresql.ARRAY(key.type))
    keys = func.unnest(array).table_valued("value").render_derived(name="keys")
    probe = select(*columns).where(where, key == keys.c.value).limit(1).lateral("probe")
    return select(*probe.c).select_from(keys).join(probe, true())


def dialect_insert(session: AsyncSession, table: Table) -> Any:
    """``INSERT`` with ``on_conflict_*`` for the session's database (PostgreSQL or SQLite)."""
    from sqlalchemy.dialects import postgresql, sqlite

    return (postgresql.insert if is_postgresql(session) else sqlite.insert)(table)
