"""The read audit as auditors and persons see it: the append-only access log (auditors), and the
GDPR art. 15 access report of a person — which institutions accessed the record (and records
merged into it), when and on what basis."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients import schemas
from splot.clients.access import Actor, AuditContext, log_access
from splot.clients.models import AccessLog, Person, PersonStatus
from splot.clients.persons import visible_person
from splot.common.auth import Principal, Role
from splot.common.db import UTCDateTime, utcnow
from splot.common.errors import Problem, forbidden, not_found
from splot.common.pagination import paginate


@dataclass(frozen=True)
class LogFilters:
    """What an auditor narrows the access log to (all optional; the period in whole days, UTC)."""

    person_id: uuid.UUID | None = None
    institution_id: uuid.UUID | None = None
    subject: str | None = None
    action: str | None = None
    legal_basis: str | None = None
    since: date | None = None
    until: date | None = None

    def __post_init__(self) -> None:
        if self.since is not None and self.until is not None and self.since > self.until:
            raise Problem(
                422,
                "invalid_period",
                "the period ends before it starts (until is earlier than since)",
                errors=[
                    {
                        "loc": ["query", "until"],
                        "msg": "until is earlier than since",
                        "type": "invalid_period",
                    }
                ],
            )

    def apply(self, stmt: Select[Any]) -> Select[Any]:
        if self.person_id is not None:
            stmt = stmt.where(AccessLog.person_id == self.person_id)
        if self.institution_id is not None:
            stmt = stmt.where(AccessLog.institution_id == self.institution_id)
        if self.subject:
            stmt = stmt.where(AccessLog.subject == self.subject)
        if self.action:
            stmt = stmt.where(AccessLog.action == self.action)
        if self.legal_basis:
            stmt = stmt.where(AccessLog.legal_basis == self.legal_basis)
        if self.since is not None:
            stmt = stmt.where(AccessLog.occurred_at >= _day_start(self.since))
        if self.until is not None:
            stmt = stmt.where(AccessLog.occurred_at < _day_start(self.until) + timedelta(days=1))
        return stmt

    def describe(self) -> str:
        """The filters as one line (recorded with an export)."""
        return " ".join(f"{k}={v}" for k, v in vars(self).items() if v is not None)[:1000] or "all"


async def list_access_log(
    session: AsyncSession,
    *,
    principal: Principal,
    filters: LogFilters,
    cursor: str | None,
    limit: int | None,
    audit: AuditContext,
) -> tuple[list[AccessLog], str | None]:
    rows, next_cursor = await paginate(
        session,
        filters.apply(select(AccessLog)),
        order_by=[AccessLog.occurred_at, AccessLog.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )
    await log_access(
        session,
        principal=principal,
        audit=audit,
        person_ids=[filters.person_id],
        action="access_log_query",
        legal_basis="audit",
    )
    return rows, next_cursor


def _day_start(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


@dataclass
class ReportScope:
    person_ids: list[uuid.UUID]
    basis: str


async def _report_scope(
    session: AsyncSession, *, principal: Principal, actor: Actor | None, person_id: uuid.UUID
) -> ReportScope:
    if principal.has_role(Role.auditor) and actor is None:
        person = await session.get(Person, person_id)
        if person is None or person.status == PersonStatus.merged:
            raise not_found("person")
        basis = "audit"
    elif actor is not None:
        person, access = await visible_person(session, actor=actor, person_id=person_id)
        basis = access.basis
    else:
        raise forbidden("your role does not give access to person data")
    merged = (await session.scalars(select(Person.id).where(Person.merged_into_id == person.id))).all()
    return ReportScope([person.id, *merged], basis)


async def access_report(
    session: AsyncSession,
    *,
    principal: Principal,
    actor: Actor | None,
    person_id: uuid.UUID,
    cursor: str | None,
    limit: int | None,
    audit: AuditContext,
) -> schemas.AccessReport:
    """GDPR art. 15: institutions that accessed the record (and records merged into it), when and
    on what basis. Staff identities are not part of the person's report (auditors see them)."""
    scope = await _report_scope(session, principal=principal, actor=actor, person_id=person_id)
    in_scope = AccessLog.person_id.in_(scope.person_ids)
    institutions = await _institutions(session, in_scope)
    rows, next_cursor = await paginate(
        session,
        select(AccessLog).where(in_scope),
        order_by=[AccessLog.occurred_at, AccessLog.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )
    await log_access(
        session,
        principal=principal,
        audit=audit,
        person_ids=[scope.person_ids[0]],
        action="access_report",
        legal_basis=scope.basis,
    )
    return schemas.AccessReport(
        person_id=scope.person_ids[0],
        generated_at=utcnow(),
        institutions=institutions,
        items=[schemas.AccessReportEntry.model_validate(r) for r in rows],
        next_cursor=next_cursor,
    )


async def _institutions(
    session: AsyncSession, in_scope: ColumnElement[bool]
) -> list[schemas.AccessReportInstitution]:
    """Per institution: how many accesses, the first and the last, on which bases; latest first."""
    summary_rows = (
        await session.execute(
            select(
                AccessLog.institution_id,
                func.count(),
                func.min(AccessLog.occurred_at),
                func.max(AccessLog.occurred_at),
            )
            .where(in_scope)
            .group_by(AccessLog.institution_id)
        )
    ).all()
    bases: dict[uuid.UUID | None, set[str]] = defaultdict(set)
    for inst, basis in (
        await session.execute(
            select(AccessLog.institution_id, AccessLog.legal_basis).where(in_scope).distinct()
        )
    ).all():
        bases[inst].add(basis)
    as_utc = UTCDateTime()
    return sorted(
        (
            schemas.AccessReportInstitution(
                institution_id=inst,
                accesses=count,
                first_at=_aware(first, as_utc),
                last_at=_aware(last, as_utc),
                legal_bases=sorted(bases[inst]),
            )
            for inst, count, first, last in summary_rows
        ),
        key=lambda i: i.last_at,
        reverse=True,
    )


def _aware(value: Any, as_utc: Any) -> datetime:
    # Aggregates bypass the column type: SQLite returns naive text/datetimes, PostgreSQL aware ones.
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    aware: datetime = as_utc.process_result_value(value, None)
    return aware
