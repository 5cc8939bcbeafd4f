"""The "raw" row sources the cubes are computed from (:mod:`splot.reporting.cubes`).

:func:`referral_rows`, :func:`duration_rows`, :func:`reason_rows` and :func:`outcome_rows` read the
facts joined with the current institution and person dimensions, and have the same column names as
the cubes, so the query engine can run one query text against either (the benchmark compares
exactly that); ``force="raw"`` reads them instead of a cube.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, case, func, literal, select, union_all
from sqlalchemy.sql.elements import ColumnElement

from splot.reporting.models import (
    MEASURE_COLUMNS,
    UNKNOWN,
    InstitutionDim,
    PersonDim,
    ReferralFact,
    ReferralOutcome,
)
from splot.reporting.programmes import NO_PROGRAMME

TERRITORY = ("sender_voivodeship", "sender_powiat", "target_voivodeship", "target_powiat")
ROUTE = ("sender_type", "target_type")
DURATION_METRICS = {"response": "response_days", "start": "start_days", "completion": "completion_days"}


def _age_band(sent_year: ColumnElement[int], birth_year: ColumnElement[int]) -> ColumnElement[str]:
    age = sent_year - birth_year
    return case(
        (birth_year.is_(None), UNKNOWN),
        (age < 18, "0-17"),
        (age < 25, "18-24"),
        (age < 35, "25-34"),
        (age < 45, "35-44"),
        (age < 55, "45-54"),
        (age < 65, "55-64"),
        else_="65+",
    )


def referral_rows(*extra_where: ColumnElement[bool]) -> Select[Any]:
    """One row per counted referral (sent, not entered in error) with every dimension resolved."""
    f = ReferralFact.__table__
    s = InstitutionDim.__table__.alias("s")
    t = InstitutionDim.__table__.alias("t")
    p = PersonDim.__table__.alias("p")
    unknown = literal(UNKNOWN)
    columns = [
        f.c.referral_id,
        f.c.sent_year.label("year"),
        f.c.sent_month.label("month"),
        func.coalesce(s.c.voivodeship_code, unknown).label("sender_voivodeship"),
        func.coalesce(s.c.powiat_code, unknown).label("sender_powiat"),
        func.coalesce(t.c.voivodeship_code, unknown).label("target_voivodeship"),
        func.coalesce(t.c.powiat_code, unknown).label("target_powiat"),
        func.coalesce(s.c.type, unknown).label("sender_type"),
        func.coalesce(t.c.type, unknown).label("target_type"),
        f.c.service_type,
        f.c.priority,
        f.c.status,
        _age_band(f.c.sent_year, p.c.birth_year).label("age_band"),
        func.coalesce(p.c.sex, unknown).label("sex"),
        func.coalesce(f.c.programme, literal(NO_PROGRAMME)).label("programme"),
        f.c.sender_institution_id,
        f.c.target_institution_id,
        f.c.reason_code,
        func.coalesce(f.c.declined_by, literal("none")).label("declined_by"),
        *(f.c[name] for name in DURATION_METRICS.values()),
        *(f.c[name] for name in MEASURE_COLUMNS),
    ]
    joined = (
        f.outerjoin(s, s.c.id == f.c.sender_institution_id)
        .outerjoin(t, t.c.id == f.c.target_institution_id)
        .outerjoin(p, p.c.pseudonym == f.c.person_pseudonym)
    )
    return select(*columns).select_from(joined).where(f.c.sent_year.is_not(None), *extra_where)


_DIMS = (*TERRITORY, *ROUTE, "service_type", "priority", "sender_institution_id", "target_institution_id")


def duration_rows(*extra_where: ColumnElement[bool]) -> Select[Any]:
    """One row per (referral, duration metric) with a known duration in working days."""
    base = referral_rows(*extra_where).subquery("ref")
    parts = [
        select(
            base.c.year,
            base.c.month,
            *(base.c[d] for d in _DIMS),
            literal(metric).label("metric"),
            base.c[column].label("days"),
            literal(1).label("n"),
        ).where(base.c[column].is_not(None))
        for metric, column in DURATION_METRICS.items()
    ]
    unioned = union_all(*parts).subquery("dur")
    return select(*unioned.c)


def reason_rows(*extra_where: ColumnElement[bool]) -> Select[Any]:
    """One row per rejected, failed or cancelled referral that carries a reason code."""
    base = referral_rows(*extra_where).subquery("ref")
    return select(
        base.c.year,
        base.c.month,
        *(base.c[d] for d in (*_DIMS, "status")),
        base.c.reason_code,
        base.c.declined_by,
        literal(1).label("n"),
    ).where(base.c.reason_code.is_not(None), base.c.status.in_(("rejected", "failed", "cancelled")))


def outcome_rows(*extra_where: ColumnElement[bool]) -> Select[Any]:
    """One row per (completed referral, outcome code)."""
    base = referral_rows(*extra_where).subquery("ref")
    o = ReferralOutcome.__table__
    return (
        select(
            base.c.year,
            base.c.month,
            *(base.c[d] for d in _DIMS),
            o.c.outcome_code,
            literal(1).label("n"),
        )
        .select_from(base.join(o, o.c.referral_id == base.c.referral_id))
        .where(base.c.status == "completed")
    )


RAW_SOURCES = {
    "referral": referral_rows,
    "duration": duration_rows,
    "reason": reason_rows,
    "outcome": outcome_rows,
}
