"""Problem areas of cooperation (issue #16), counted from three sources for a territory and months:

* ``referrals`` — referrals rejected or failed (sent in the months, their sender or receiver seated
  in the territory) whose reason code maps to the area (:func:`splot.common.problem_areas.area_of_reason`).
  They are about persons: protected by the normal policy (threshold and rounding);
* ``evaluations`` — parties (institutions seated in the territory) whose newest evaluation of a
  partnership for a period overlapping the months names the area. About institutions: protected by
  ``survey_suppression_threshold`` only (no rounding);
* ``surveys`` — institutions seated in the territory that chose, in a submitted response to a survey
  round of the territory overlapping the months, an option mapped to the area (same protection);

and ``total``, the sum of the published values (``partial`` when a part is suppressed). An analyst
reads a territory within theirs (403 ``territory_out_of_scope`` otherwise); institution staff read
their own institution, exactly.
"""

from __future__ import annotations

import calendar
import uuid
from collections import defaultdict
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common import problem_areas as catalogue
from splot.common.errors import Problem
from splot.reporting.models import InstitutionDim, ReferralFact
from splot.reporting.practices import survey_areas
from splot.reporting.practices.models import EvaluationAreaFact
from splot.reporting.scopes import Scope
from splot.reporting.sources import FeedEvent
from splot.reporting.suppression import Cell, Policy

if TYPE_CHECKING:
    from splot.reporting.config import ReportingSettings
    from splot.reporting.ingestion import IngestContext

#: Without settings (a caller outside the app): the default of ``survey_suppression_threshold``.
DEFAULT_INSTITUTION_THRESHOLD = 2
FAILED_STATUSES = ("rejected", "failed")


# --- ingestion -----------------------------------------------------------------------------------


def period_days(period: str) -> tuple[date, date]:
    """The first and last day of YYYY, YYYY-Hn, YYYY-Qn or YYYY-MM."""
    year = int(period[:4])
    rest = period[5:]
    if not rest:
        first_month, last_month = 1, 12
    elif rest.startswith("H"):
        first_month = 1 if rest == "H1" else 7
        last_month = first_month + 5
    elif rest.startswith("Q"):
        first_month = 3 * int(rest[1]) - 2
        last_month = first_month + 2
    else:
        first_month = last_month = int(rest)
    return date(year, first_month, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])


async def evaluation_event(session: AsyncSession, event: FeedEvent, ctx: IngestContext) -> None:
    """Apply the directory's ``evaluation.submitted``: an evaluation is never changed."""
    p = event.payload
    evaluation_id = uuid.UUID(str(p["id"]))
    if await session.get(EvaluationAreaFact, evaluation_id) is not None:
        return
    first, last = period_days(str(p["period"]))
    known = set(catalogue.codes())
    session.add(
        EvaluationAreaFact(
            evaluation_id=evaluation_id,
            partnership_id=uuid.UUID(str(p["partnership_id"])),
            institution_id=uuid.UUID(str(p["institution_id"])),
            period=str(p["period"]),
            first_day=first,
            last_day=last,
            problem_areas=[str(c) for c in p.get("problem_areas") or [] if str(c) in known],
            submitted_at=datetime.fromisoformat(str(p["submitted_at"])),
        )
    )
    await session.flush()


HANDLERS = {"evaluation.submitted": evaluation_event}


# --- counting ------------------------------------------------------------------------------------


def resolve_territory(scope: Scope, territory: str | None) -> str | None:
    """The territory to count (None: the caller's institution)."""
    if scope.is_institution:
        if territory:
            raise Problem(403, "territory_out_of_scope", "institution staff see their own institution")
        return None
    wanted = scope.territory if territory is None else territory
    if not wanted.startswith(scope.territory):
        raise Problem(403, "territory_out_of_scope", "the territory is outside your scope")
    return wanted


def _seated(territory: str) -> Any:
    return select(InstitutionDim.id).where(InstitutionDim.teryt.startswith(territory))


def _month_bounds(month_from: str, month_to: str) -> tuple[date, date]:
    first = date(int(month_from[:4]), int(month_from[5:7]), 1)
    year, month = int(month_to[:4]), int(month_to[5:7])
    last = date(year, month, calendar.monthrange(year, month)[1])
    if last < first:
        raise Problem(422, "invalid_period", "the last month is before the first")
    return first, last


async def _referrals(
    session: AsyncSession, *, scope: Scope, territory: str | None, first: date, last: date
) -> dict[str, int]:
    f = ReferralFact
    key = f.sent_year * 100 + f.sent_month
    stmt = select(f.reason_code).where(
        f.status.in_(FAILED_STATUSES),
        key.between(first.year * 100 + first.month, last.year * 100 + last.month),
    )
    if territory is None:
        stmt = stmt.where(
            or_(
                f.sender_institution_id == scope.institution_id,
                f.target_institution_id == scope.institution_id,
            )
        )
    elif territory:
        seated = _seated(territory)
        stmt = stmt.where(or_(f.sender_institution_id.in_(seated), f.target_institution_id.in_(seated)))
    counts: dict[str, int] = defaultdict(int)
    for (reason,) in (await session.execute(stmt)).all():
        area = catalogue.area_of_reason(reason)
        if area is not None:
            counts[area] += 1
    return counts


async def _evaluations(
    session: AsyncSession, *, scope: Scope, territory: str | None, first: date, last: date
) -> dict[str, int]:
    e = EvaluationAreaFact
    stmt = (
        select(e.partnership_id, e.institution_id, e.period, e.problem_areas)
        .where(and_(e.first_day <= last, e.last_day >= first))
        .order_by(e.submitted_at, e.evaluation_id)
    )
    if territory is None:
        stmt = stmt.where(e.institution_id == scope.institution_id)
    elif territory:
        stmt = stmt.where(e.institution_id.in_(_seated(territory)))
    newest: dict[tuple[Any, Any, str], list[str]] = {}
    for partnership_id, institution_id, period, areas in (await session.execute(stmt)).all():
        newest[(partnership_id, institution_id, period)] = list(areas or [])
    institutions: dict[str, set[Any]] = defaultdict(set)
    for (_, institution_id, _), areas in newest.items():
        for area in areas:
            institutions[area].add(institution_id)
    return {area: len(ids) for area, ids in institutions.items()}


async def _surveys(
    session: AsyncSession, *, scope: Scope, territory: str | None, first: date, last: date
) -> dict[str, int]:
    return await survey_areas.institutions_by_area(
        session,
        institution_id=scope.institution_id if territory is None else None,
        territory=territory,
        first=first,
        last=last,
    )


def institution_policy(settings: ReportingSettings | None) -> Policy:
    threshold = (
        settings.survey_suppression_threshold if settings is not None else DEFAULT_INSTITUTION_THRESHOLD
    )
    return Policy(
        threshold=threshold, sensitive_threshold=threshold, rounding_base=1, sensitive_codes=frozenset()
    )


async def problem_area_counts(
    session: AsyncSession,
    *,
    scope: Scope,
    policy: Policy,
    territory: str | None,
    month_from: str,
    month_to: str,
    settings: ReportingSettings | None = None,
) -> list[dict[str, Any]]:
    """One row per area of the catalogue: its code, names and the protected counts (``Cell``s)."""
    counted = resolve_territory(scope, territory)
    first, last = _month_bounds(month_from, month_to)
    exact = scope.is_institution
    by_institutions = institution_policy(settings)
    referrals = await _referrals(session, scope=scope, territory=counted, first=first, last=last)
    evaluations = await _evaluations(session, scope=scope, territory=counted, first=first, last=last)
    surveys = await _surveys(session, scope=scope, territory=counted, first=first, last=last)
    rows: list[dict[str, Any]] = []
    for area in catalogue.areas():
        parts: dict[str, Cell] = {
            "referrals": policy.count(referrals.get(area.code, 0), exact=exact),
            "evaluations": by_institutions.count(evaluations.get(area.code, 0), exact=exact),
        }
        parts["surveys"] = by_institutions.count(surveys.get(area.code, 0), exact=exact)
        total = sum(int(c.value or 0) for c in parts.values())
        rows.append(
            {
                "code": area.code,
                "name_pl": area.name_pl,
                "name_en": area.name_en,
                **parts,
                "total": Cell(total, False),
                "partial": any(c.suppressed for c in parts.values()),
            }
        )
    return rows
