"""Pre-aggregated monthly cubes: their grains, their refresh and their per-page deltas.

A cube is a table keyed by the cohort month (the Europe/Warsaw month a referral was sent in) and
a fixed set of published dimensions, holding sums. Dashboards and the generic aggregate endpoint
read the smallest cube that has every dimension a query needs; nothing but institution-scoped
queries (a few thousand rows at most) and rebuilds scans the facts.

Maintenance is by recomputation of whole months: ingestion records which cohort months its
changes touched (``dirty_month``), and :func:`refresh_dirty` deletes and re-inserts those months
of every cube (``INSERT … SELECT … GROUP BY`` from the facts joined with the current
institution and person dimensions). This is idempotent and order-independent, so late-arriving
dimensions (an institution or person event consumed after the referrals that name it) and
corrections are picked up simply by marking the affected months dirty.

The raw row sources the cubes are computed from, with the cubes' column names, are in
:mod:`splot.reporting.cube_sources` (``RAW_SOURCES``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import (
    Column,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    Uuid,
    and_,
    any_,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    text,
    tuple_,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import TypeEngine

from splot.common.db import dialect_insert, is_postgresql
from splot.reporting.cube_sources import RAW_SOURCES, ROUTE, TERRITORY
from splot.reporting.models import (
    MEASURE_COLUMNS,
    UNKNOWN,
    Base,
    DirtyMonth,
    ReferralFact,
)

AGE_BANDS = ("0-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+", UNKNOWN)

_COLUMN_TYPES: dict[str, TypeEngine[Any]] = {
    "sender_voivodeship": String(7),
    "sender_powiat": String(7),
    "target_voivodeship": String(7),
    "target_powiat": String(7),
    "sender_type": String(16),
    "target_type": String(16),
    "service_type": String(48),
    "priority": String(16),
    "status": String(24),
    "age_band": String(8),
    "sex": String(8),
    "sender_institution_id": Uuid(),
    "target_institution_id": Uuid(),
    "metric": String(16),
    "days": Integer(),
    "reason_code": String(48),
    "declined_by": String(16),
    "outcome_code": String(48),
    "programme": String(40),
}


@dataclass(frozen=True)
class Cube:
    name: str
    table: Table
    #: Key columns besides year and month.
    keys: tuple[str, ...]
    #: Value columns (summed when rolled up).
    values: tuple[str, ...]
    #: "referral", "duration", "reason" or "outcome": which raw row source it aggregates.
    family: str
    #: A finer cube this one is rolled up from (instead of the facts).
    parent: Cube | None = None


#: The columns a voivodeship scope filters on (``sender = v OR target = v``): the large cubes
#: index them, so that a voivodeship's dashboard reads its 1/16 of the cube, not all of it.
SCOPE_INDEXED = ("sender_voivodeship", "target_voivodeship")


def _cube(
    name: str,
    keys: tuple[str, ...],
    values: tuple[str, ...],
    family: str,
    parent: Cube | None = None,
    *,
    scope_indexes: bool = False,
) -> Cube:
    columns = [Column("year", Integer, nullable=False), Column("month", Integer, nullable=False)]
    columns += [Column(key, _COLUMN_TYPES[key], nullable=False) for key in keys]
    columns += [Column(value, Integer, nullable=False, default=0) for value in values]
    indexes = [Index(f"ix_{name}_{c}", c, "year", "month") for c in SCOPE_INDEXED if scope_indexes]
    table = Table(
        name,
        Base.metadata,
        *columns,
        PrimaryKeyConstraint("year", "month", *keys, name=f"pk_{name}"),
        *indexes,
    )
    return Cube(name, table, keys, values, family, parent)


POWIAT = _cube(
    "agg_referral_powiat",
    (*TERRITORY, *ROUTE, "service_type", "priority", "status"),
    MEASURE_COLUMNS,
    "referral",
    scope_indexes=True,
)
REGION = _cube(
    "agg_referral_region",
    ("sender_voivodeship", "target_voivodeship", *ROUTE, "service_type", "priority", "status"),
    MEASURE_COLUMNS,
    "referral",
    parent=POWIAT,
)
ROUTES = _cube(
    "agg_referral_route",
    ("sender_voivodeship", "target_voivodeship", *ROUTE, "status"),
    MEASURE_COLUMNS,
    "referral",
    parent=REGION,
)
#: Coarse grains for the national and voivodeship dashboards, rolled up from a finer cube: no
#: institution- or person-level column, and only the territory a dashboard of that grain groups
#: or scopes by. For 1 M facts a year the powiat cube has ≈ 0.8 M rows; these have a few thousand
#: (national, by sender or by target voivodeship) or tens of thousands (powiat pairs by route and
#: status, the voivodeship maps): a query reads rows of its own grain, not the whole year of the
#: finest cube.
POWIAT_ROUTE = _cube(
    "agg_referral_powiat_route",
    (*TERRITORY, *ROUTE, "status"),
    MEASURE_COLUMNS,
    "referral",
    parent=POWIAT,
    scope_indexes=True,
)
SENDER_REGION = _cube(
    "agg_referral_sender",
    ("sender_voivodeship", *ROUTE, "status"),
    MEASURE_COLUMNS,
    "referral",
    parent=ROUTES,
)
TARGET_REGION = _cube(
    "agg_referral_target",
    ("target_voivodeship", *ROUTE, "status"),
    MEASURE_COLUMNS,
    "referral",
    parent=ROUTES,
)
NATIONAL = _cube(
    "agg_referral_national",
    (*ROUTE, "service_type", "priority", "status"),
    MEASURE_COLUMNS,
    "referral",
    parent=REGION,
)
PROFILE = _cube(
    "agg_referral_profile",
    (*TERRITORY, *ROUTE, "service_type", "status", "age_band", "sex"),
    MEASURE_COLUMNS,
    "referral",
)
INSTITUTION = _cube(
    "agg_referral_institution",
    ("sender_institution_id", "target_institution_id", "service_type", "priority", "status"),
    MEASURE_COLUMNS,
    "referral",
)
DURATION = _cube(
    "agg_duration",
    (*TERRITORY, *ROUTE, "service_type", "priority", "metric", "days"),
    ("n",),
    "duration",
    scope_indexes=True,
)
REASON = _cube(
    "agg_reason",
    (*TERRITORY, *ROUTE, "service_type", "status", "reason_code", "declined_by"),
    ("n",),
    "reason",
)
OUTCOME = _cube("agg_outcome", (*TERRITORY, *ROUTE, "service_type", "outcome_code"), ("n",), "outcome")
#: The programme dimension (issue #16; a referral without one counts under "none").
PROGRAMME = _cube(
    "agg_referral_programme",
    (*TERRITORY, *ROUTE, "service_type", "priority", "status", "programme"),
    MEASURE_COLUMNS,
    "referral",
)

#: In refresh order (a cube after the one it is rolled up from).
CUBES: tuple[Cube, ...] = (
    POWIAT,
    POWIAT_ROUTE,
    REGION,
    ROUTES,
    SENDER_REGION,
    TARGET_REGION,
    NATIONAL,
    PROFILE,
    INSTITUTION,
    DURATION,
    REASON,
    OUTCOME,
    PROGRAMME,
)
#: The referral cubes the query engine may choose from, smallest first (the programme cube last:
#: only queries by programme need it).
REFERRAL_CUBES: tuple[Cube, ...] = (
    NATIONAL,
    SENDER_REGION,
    TARGET_REGION,
    ROUTES,
    REGION,
    POWIAT_ROUTE,
    POWIAT,
    PROFILE,
    PROGRAMME,
)


# --- maintenance -----------------------------------------------------------------------------


async def mark_dirty(session: AsyncSession, months: Iterable[tuple[int | None, int | None]]) -> None:
    """Record cohort months whose cubes must be recomputed: one insert, a new row for a month not
    dirty yet, and a new ``generation`` for one that is.

    The generation is what keeps a month dirty when its facts change while a refresh is under way
    on another replica: the refresh deletes only the rows it read, at the generation it read,
    and skips a row a writer still holds (:func:`refresh_dirty`). Months are written in order, so
    two writers marking the same months wait for each other rather than deadlock."""
    wanted = sorted({(y, m) for y, m in months if y is not None and m is not None})
    if not wanted:
        return
    await session.flush()
    table: Table = DirtyMonth.__table__  # type: ignore[assignment]
    upsert = dialect_insert(session, table)
    statement = upsert.on_conflict_do_update(
        index_elements=[table.c.year, table.c.month], set_={"generation": table.c.generation + 1}
    )
    await session.execute(statement, [{"year": y, "month": m, "generation": 0} for y, m in wanted])


#: A refresh recomputes consecutive dirty months together, in one ``DELETE`` and one ``INSERT …
#: SELECT`` per cube, up to about this many facts (a month with more is recomputed on its own):
#: the few facts of a page's many months cost a handful of statements, not a dozen per month.
REFRESH_CHUNK_FACTS = 50_000

_DIRTY = (DirtyMonth.year, DirtyMonth.month, DirtyMonth.generation)
_FACT_MONTH = and_(ReferralFact.sent_year == DirtyMonth.year, ReferralFact.sent_month == DirtyMonth.month)
_DIRTY_FACTS = select(*_DIRTY, func.count(ReferralFact.referral_id)).outerjoin(ReferralFact, _FACT_MONTH)
_DIRTY_FACTS = _DIRTY_FACTS.group_by(*_DIRTY).order_by(*_DIRTY)  # the facts of each dirty month


def _in_months(year: ColumnElement[int], month: ColumnElement[int]) -> ColumnElement[bool]:
    """``(year, month) IN :months``, a list of (year, month) pairs bound at execution."""
    return tuple_(year, month).in_(bindparam("months", expanding=True))


@cache
def _refresh_statements(cube: Cube) -> tuple[Any, Any]:
    """The ``DELETE`` and the ``INSERT … SELECT … GROUP BY`` recomputing ``:months`` of a cube
    (built once: building the raw row source costs more CPU than the server spends on a month)."""
    table = cube.table
    if cube.parent is not None:
        source = cube.parent.table
        rows = select(source).where(_in_months(source.c.year, source.c.month)).subquery("src")
    else:
        f = ReferralFact.__table__
        rows = RAW_SOURCES[cube.family](_in_months(f.c.sent_year, f.c.sent_month)).subquery("src")
    groups = [rows.c.year, rows.c.month, *(rows.c[k] for k in cube.keys)]
    sums = [func.sum(rows.c[v]).label(v) for v in cube.values]
    statement = select(*groups, *sums).group_by(*groups)
    fill = insert(table).from_select(["year", "month", *cube.keys, *cube.values], statement)
    return delete(table).where(_in_months(table.c.year, table.c.month)), fill


async def _refresh_months(session: AsyncSession, cube: Cube, months: list[tuple[int, int]]) -> None:
    for statement in _refresh_statements(cube):
        await session.execute(statement, {"months": months})


async def _refresh_cube(session: AsyncSession, cube: Cube, year: int, month: int) -> None:
    await _refresh_months(session, cube, [(year, month)])


def month_chunks(counts: Iterable[tuple[int, int, int]], limit: int) -> list[list[tuple[int, int]]]:
    """(year, month, facts) in order, packed into runs of months of at most ``limit`` facts
    together (a month over the limit alone)."""
    chunks: list[list[tuple[int, int]]] = []
    size = limit + 1
    for year, month, facts in counts:
        if size + facts > limit:
            chunks.append([])
            size = 0
        chunks[-1].append((year, month))
        size += facts
    return chunks


REFRESH_LOCK_KEY = 0x5250_5254_0001  # "RPRT" refresh: one replica recomputes cubes at a time


async def lock_refresh(session: AsyncSession) -> None:
    """Take the cube-writing lock until the transaction ends (PostgreSQL; re-entrant): held by a
    refresh, and by a page whose deltas write cube rows, so that a refresh never waits for cube
    rows a delta holds while that page waits for the refresh (a deadlock), nor the other way."""
    if is_postgresql(session):
        await session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": REFRESH_LOCK_KEY})


async def refresh_dirty(session: AsyncSession) -> int:
    """Recompute every dirty month of every cube within the caller's transaction; flushes."""
    await session.flush()
    await lock_refresh(session)
    read = (await session.execute(_DIRTY_FACTS)).all()
    counts = [(y, m, int(n)) for y, m, _, n in read]
    for months in month_chunks(counts, REFRESH_CHUNK_FACTS):
        for cube in CUBES:
            await _refresh_months(session, cube, months)
    if read:
        await _clear_dirty(session, [(y, m, g) for y, m, g, _ in read])
    await session.flush()
    return len(counts)


async def _clear_dirty(session: AsyncSession, read: list[tuple[int, int, int]]) -> None:
    """Delete the dirty rows a refresh read, as it read them: a month marked again since (a new
    generation, committed) stays dirty, and so does one a writer holds right now (``SKIP
    LOCKED``: it is being marked again, by a transaction that may have changed facts this
    refresh did not see)."""
    table: Table = DirtyMonth.__table__  # type: ignore[assignment]
    as_read: ColumnElement[bool] = tuple_(table.c.year, table.c.month, table.c.generation).in_(read)
    if is_postgresql(session):
        free = select(table.c.year, table.c.month).where(as_read).with_for_update(skip_locked=True)
        as_read = and_(as_read, tuple_(table.c.year, table.c.month).in_(free))
    await session.execute(delete(table).where(as_read))


def _counter(cube: Cube) -> str:
    """The value column every source row adds 1 to (a group of no rows has it at 0)."""
    return "referrals" if cube.family == "referral" else "n"


@cache
def _delta_statement(cube: Cube, sign: int, postgres: bool) -> Any:
    """:func:`apply_delta`'s upsert for one cube, built once; ``:ids`` is bound at execution (on
    PostgreSQL as one array: ``= ANY(:ids)``)."""
    from sqlalchemy.dialects import postgresql, sqlite

    f = ReferralFact.__table__
    if postgres:
        ids = bindparam("ids", type_=postgresql.ARRAY(f.c.referral_id.type))
        chosen = f.c.referral_id == any_(ids)
    else:
        chosen = f.c.referral_id.in_(bindparam("ids", expanding=True))
    rows = RAW_SOURCES[cube.family](chosen).subquery("src")
    groups = [rows.c.year, rows.c.month, *(rows.c[k] for k in cube.keys)]
    sums = [(func.sum(rows.c[v]) * sign).label(v) for v in cube.values]
    statement = select(*groups, *sums).where(rows.c.year.is_not(None)).group_by(*groups)
    upsert = (postgresql.insert if postgres else sqlite.insert)(cube.table)
    upsert = upsert.from_select(["year", "month", *cube.keys, *cube.values], statement)
    return upsert.on_conflict_do_update(
        index_elements=["year", "month", *cube.keys],
        set_={v: cube.table.c[v] + upsert.excluded[v] for v in cube.values},
    )


async def apply_delta(session: AsyncSession, referral_ids: list[Any], sign: int) -> None:
    """Add (``sign`` = 1) or subtract (-1) what these referrals' facts contribute to every cube, as
    they are stored now: ``INSERT … SELECT … GROUP BY … ON CONFLICT DO UPDATE SET v = v + excluded.v``.

    Ingestion subtracts a page's referrals before it overwrites their facts and adds them back
    after, so that the cubes follow the facts without recomputing whole months; a cube row whose
    group became empty is removed by :func:`drop_empty`. Dimension changes still go through
    :func:`mark_dirty` (recomputed after the deltas, so a dirty month ends up exact either way)."""
    if not referral_ids:
        return
    await lock_refresh(session)
    postgres = is_postgresql(session)
    for cube in CUBES:
        await session.execute(_delta_statement(cube, sign, postgres), {"ids": list(referral_ids)})


async def drop_empty(session: AsyncSession, months: Iterable[tuple[int | None, int | None]]) -> None:
    """Remove the cube rows of these months whose group no longer has any row."""
    wanted = sorted({(y, m) for y, m in months if y is not None and m is not None})
    if not wanted:
        return
    for cube in CUBES:
        table = cube.table
        in_months = or_(*(and_(table.c.year == y, table.c.month == m) for y, m in wanted))
        await session.execute(delete(table).where(in_months, table.c[_counter(cube)] == 0))


async def mark_all_dirty(session: AsyncSession) -> None:
    f = ReferralFact.__table__
    months = (
        await session.execute(
            select(f.c.sent_year, f.c.sent_month).where(f.c.sent_year.is_not(None)).distinct()
        )
    ).all()
    await mark_dirty(session, [(y, m) for y, m in months])
