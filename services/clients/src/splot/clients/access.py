"""Who may see which person, decided at read time, and the append-only access log.

An institution sees a person's record when it registered them (``registration``), holds an active
access grant from a referral (``access_grant``; a consent-based grant stops working the moment its
consent is withdrawn or expires), or when the calling coordinator opened a break-glass access
(``break_glass``: personal, time-boxed, with a declared reason). Anything else is a 404, the same
answer as for a person who does not exist.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import CTE, ColumnElement, Select, and_, bindparam, exists, func, insert, or_, select, union
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients.models import (
    AccessGrant,
    AccessLog,
    AttributeDefinition,
    BreakGlass,
    Consent,
    Registration,
)
from splot.common.auth import Principal, PrincipalKind, Role
from splot.common.db import table_of, utcnow
from splot.common.errors import forbidden

#: Staff roles that work with persons. Institution administrators, analysts, auditors and system
#: administrators see no person-level case data (auditors see the access log and access reports).
FRONT_LINE_ROLES = frozenset({Role.caseworker.value, Role.coordinator.value})
READ_SCOPE = "clients:read"
WRITE_SCOPE = "clients:write"
INTERNAL_SCOPE = "clients:internal"


@dataclass(frozen=True)
class Actor:
    """A front-line caller acting for an institution: staff (caseworker, coordinator) or the
    institution's own system (client credentials with ``clients:read`` / ``clients:write``)."""

    principal: Principal
    institution_id: uuid.UUID

    @property
    def subject(self) -> str:
        return self.principal.subject

    @property
    def is_coordinator(self) -> bool:
        return self.principal.has_role(Role.coordinator)


def as_actor(principal: Principal, *, write: bool) -> Actor:
    """The caller as a front-line actor, or 403."""
    if principal.institution_id is None:
        raise forbidden("only staff of an institution work with persons")
    if principal.kind is PrincipalKind.user and principal.roles.intersection(FRONT_LINE_ROLES):
        return Actor(principal, principal.institution_id)
    if principal.kind is PrincipalKind.client:
        wanted = {WRITE_SCOPE} if write else {READ_SCOPE, WRITE_SCOPE}
        if principal.scopes.intersection(wanted):
            return Actor(principal, principal.institution_id)
    raise forbidden("your role does not give access to person data")


@dataclass(frozen=True)
class AuditContext:
    """What is being done, for the access log: method and route template, and the request id
    (built per request by :data:`splot.clients.routes.deps.Audit`)."""

    resource: str
    request_id: str | None


def consent_valid_clause(consent_id: Any, now: datetime | ColumnElement[Any]) -> ColumnElement[bool]:
    return exists(
        select(Consent.id).where(
            Consent.id == consent_id,
            Consent.withdrawn_at.is_(None),
            Consent.given_at <= now,
            or_(Consent.expires_at.is_(None), Consent.expires_at > now),
        )
    )


def active_grant_clause(now: datetime | ColumnElement[Any]) -> ColumnElement[bool]:
    """A grant gives access until its expiry and, if consent-based, while its consent is valid."""
    return and_(
        or_(AccessGrant.expires_at.is_(None), AccessGrant.expires_at > now),
        or_(AccessGrant.legal_basis != "consent", consent_valid_clause(AccessGrant.consent_id, now)),
    )


def visible_person_ids(actor: Actor, now: datetime, *, include_break_glass: bool = True) -> Select[Any]:
    """Ids of the persons the actor may see (the three bases, as one selectable)."""
    parts: list[Select[Any]] = [
        select(Registration.person_id.label("person_id")).where(
            Registration.institution_id == actor.institution_id
        ),
        select(AccessGrant.person_id.label("person_id")).where(
            AccessGrant.institution_id == actor.institution_id, active_grant_clause(now)
        ),
    ]
    if include_break_glass:
        parts.append(
            select(BreakGlass.person_id.label("person_id")).where(
                BreakGlass.institution_id == actor.institution_id,
                BreakGlass.subject == actor.subject,
                BreakGlass.expires_at > now,
            )
        )
    return select(union(*parts).subquery().c.person_id)


@dataclass
class Access:
    registered: bool = False
    grants: list[AccessGrant] = field(default_factory=list)
    break_glass: BreakGlass | None = None

    @property
    def visible(self) -> bool:
        return self.registered or bool(self.grants) or self.break_glass is not None

    @property
    def basis(self) -> str:
        if self.registered:
            return "registration"
        if self.grants:
            return "access_grant"
        return "break_glass"

    @property
    def basis_ref(self) -> str | None:
        if self.registered:
            return None
        if self.grants:
            return str(self.grants[0].id)
        return str(self.break_glass.id) if self.break_glass else None

    @property
    def read_only(self) -> bool:
        return not (self.registered or self.grants)


async def access_to(session: AsyncSession, *, actor: Actor, person_id: uuid.UUID, now: datetime) -> Access:
    registered = (
        await session.scalar(
            select(Registration.id).where(
                Registration.person_id == person_id, Registration.institution_id == actor.institution_id
            )
        )
    ) is not None
    grants = list(
        (
            await session.scalars(
                select(AccessGrant)
                .where(
                    AccessGrant.person_id == person_id,
                    AccessGrant.institution_id == actor.institution_id,
                    active_grant_clause(now),
                )
                .order_by(AccessGrant.granted_at)
            )
        ).all()
    )
    glass = None
    if not registered and not grants:
        glass = (
            await session.scalars(
                select(BreakGlass)
                .where(
                    BreakGlass.person_id == person_id,
                    BreakGlass.institution_id == actor.institution_id,
                    BreakGlass.subject == actor.subject,
                    BreakGlass.expires_at > now,
                )
                .order_by(BreakGlass.expires_at.desc())
            )
        ).first()
    return Access(registered=registered, grants=grants, break_glass=glass)


class RecordedByInstitution(Protocol):
    """An attribute value or an entry of its history: what the visibility rule looks at."""

    @property
    def institution_id(self) -> uuid.UUID: ...


def may_see_attribute(
    attribute: RecordedByInstitution, *, definition: AttributeDefinition | None, actor: Actor, access: Access
) -> bool:
    """Who sees an attribute recorded by an institution:

    - the recording institution itself, always;
    - an institution that registered the person, or a coordinator in break-glass: non-sensitive
      attributes of every institution, never another institution's sensitive ones;
    - an institution that sees the person through a referral's grant: only what the referral's
      *sender* recorded and what travels with the referral's service type (the catalogue's
      ``referral_service_types``); sensitive attributes only once the referral is accepted and
      the grant covers sensitive data. A third institution's attributes never travel with
      someone else's referral.

    An attribute without a catalogue entry counts as sensitive and travels nowhere."""
    if attribute.institution_id == actor.institution_id:
        return True
    sensitive = definition is None or definition.sensitive
    if not sensitive and (access.registered or access.break_glass is not None):
        return True
    if definition is None:
        return False
    return any(
        grant.sender_institution_id == attribute.institution_id
        and definition.travels_with(grant.service_type_code)
        and (not sensitive or (grant.covers_sensitive and grant.accepted_at is not None))
        for grant in access.grants
    )


#: One access-log row: the columns every row of one access shares (all but ``id`` and
#: ``person_id``), read from the table so that a new column cannot be left out of the one-statement
#: lookup's audit (:func:`logged_rows_of`); :func:`log_entry` must give each a value.
_LOG_COLUMNS = tuple(
    column.name for column in table_of(AccessLog).c if column.name not in ("id", "person_id")
)
_INSERT_LOG = insert(table_of(AccessLog))


def log_entry(
    *,
    principal: Principal,
    audit: AuditContext,
    action: str,
    legal_basis: str,
    basis_ref: str | None = None,
    reason: str | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """What every access-log row of one access holds besides its id and person."""
    return {
        "occurred_at": now or utcnow(),
        "subject": principal.subject[:128],
        "subject_kind": str(principal.kind),
        "institution_id": principal.institution_id,
        "action": action,
        "resource": audit.resource,
        "legal_basis": legal_basis,
        "basis_ref": basis_ref,
        "reason": reason,
        "request_id": audit.request_id,
    }


async def log_access(
    session: AsyncSession,
    *,
    principal: Principal,
    audit: AuditContext,
    person_ids: Iterable[uuid.UUID | None],
    action: str,
    legal_basis: str,
    basis_ref: str | None = None,
    reason: str | None = None,
) -> None:
    """Append access-log rows (one per person). There is deliberately no update or delete."""
    entry = log_entry(
        principal=principal,
        audit=audit,
        action=action,
        legal_basis=legal_basis,
        basis_ref=basis_ref,
        reason=reason,
    )
    await append_log(session, entry, person_ids)


async def append_log(
    session: AsyncSession, entry: dict[str, Any], person_ids: Iterable[uuid.UUID | None]
) -> None:
    """Append one access-log row per person of ``entry`` (:func:`log_entry`)."""
    rows = [{"id": uuid.uuid4(), "person_id": person_id, **entry} for person_id in person_ids]
    if rows:
        # Core, not the ORM's bulk insert: nothing to flush, refresh or track (append-only rows);
        # one statement object, so that its cache key is computed once.
        await session.execute(_INSERT_LOG, rows[0] if len(rows) == 1 else rows)


def logged_rows_of(found: CTE, person_column: str) -> CTE:
    """The same append as :func:`log_access`, as a PostgreSQL data-modifying CTE: one row per row
    of ``found`` (its person in ``person_column``), so that a read and its audit are one statement
    (issue #17). Bind :func:`log_entry` with :func:`log_parameters`; ids are the server's
    ``gen_random_uuid()`` (random UUIDs, as ``uuid4`` gives)."""
    log = table_of(AccessLog)
    values = select(
        func.gen_random_uuid(),
        found.c[person_column],
        *(bindparam(f"log_{name}", type_=log.c[name].type) for name in _LOG_COLUMNS),
    )
    return insert(log).from_select(["id", "person_id", *_LOG_COLUMNS], values).cte("logged")


def log_parameters(entry: dict[str, Any]) -> dict[str, Any]:
    """:func:`log_entry` as the parameters of :func:`logged_rows_of`."""
    return {f"log_{name}": entry[name] for name in _LOG_COLUMNS}
