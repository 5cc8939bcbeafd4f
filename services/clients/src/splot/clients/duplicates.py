"""Duplicate checks before a person is registered: ``POST /v1/persons/match`` (check without
creating), the likely-duplicate refusal of a new record, and external ids already in use. The
scoring itself is :mod:`splot.clients.matching`. Only ids of persons the caller already sees are
ever named; the others by an opaque candidate id (:mod:`splot.clients.candidates`) with initials
and birth year, enough to ask their registering institutions for access."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients import candidates, identity, schemas
from splot.clients.access import Actor, AuditContext, log_access, visible_person_ids
from splot.clients.config import ClientsSettings
from splot.clients.matching import Match, Probe, find_matches
from splot.clients.models import ExternalRef, Person
from splot.clients.persons import identity_problem
from splot.common.db import utcnow
from splot.common.errors import Problem

HIDDEN_MATCH = "a matching person exists; request access"


def probe_of(
    *,
    pesel: str | None,
    document_number: str | None,
    first_name: str,
    last_name: str,
    birth_date: date | None,
) -> Probe:
    """What a new or searched-for person is matched by (names normalised)."""
    return Probe(
        pesel=pesel,
        document_number=document_number,
        first_norm=identity.normalise_name(first_name),
        last_norm=identity.normalise_name(last_name),
        birth_date=birth_date,
    )


async def split_visible(
    session: AsyncSession, *, actor: Actor, matches: list[Match]
) -> tuple[list[Match], list[Match]]:
    """The matches the caller may see, and those it may not (named by no id)."""
    now = utcnow()
    if not matches:
        return [], []
    ids = [m.person_id for m in matches]
    visible = set(
        (
            await session.scalars(
                select(Person.id).where(Person.id.in_(ids), Person.id.in_(visible_person_ids(actor, now)))
            )
        ).all()
    )
    return [m for m in matches if m.person_id in visible], [m for m in matches if m.person_id not in visible]


def _candidates(matches: list[Match]) -> list[dict[str, Any]]:
    return [{"person_id": str(m.person_id), "match": m.kind, "score": m.score} for m in matches]


class LikelyDuplicate(Problem):
    """409 ``likely_duplicate``; ``disclosed`` are the hidden candidates it describes (initials
    and birth year), which the route writes to the access log as a duplicate check."""

    def __init__(self, detail: str, *, disclosed: list[uuid.UUID], **extra: Any) -> None:
        super().__init__(409, "likely_duplicate", detail, **extra)
        self.disclosed = disclosed


async def _hidden_candidates(
    session: AsyncSession, *, actor: Actor, matches: list[Match], settings: ClientsSettings
) -> list[dict[str, Any]]:
    """Candidates the caller may not see, as much as an identity lookup answers (initials, birth
    year) and an opaque id for an access request; never the registry id."""
    if not matches:
        return []
    persons = {
        p.id: p
        for p in (
            await session.scalars(select(Person).where(Person.id.in_([m.person_id for m in matches])))
        ).all()
    }
    return [
        {
            "candidate_id": candidates.issue(
                settings, person_id=m.person_id, institution_id=actor.institution_id
            ),
            "initials": identity.initials(persons[m.person_id].first_name, persons[m.person_id].last_name),
            "birth_year": persons[m.person_id].birth_year,
            "match": m.kind,
        }
        for m in matches
        if m.person_id in persons
    ]


async def match_person(
    session: AsyncSession,
    *,
    actor: Actor,
    data: schemas.MatchQuery,
    settings: ClientsSettings,
    audit: AuditContext,
) -> schemas.MatchResult:
    pesel: str | None = data.pesel
    birth_date: date | None = data.birth_date
    try:
        pesel, birth_date, _ = identity.reconcile(pesel=data.pesel, birth_date=data.birth_date, sex=None)
    except identity.IdentityError as exc:
        if exc.code != "sex_required":
            raise identity_problem(exc) from exc
    probe = probe_of(
        pesel=pesel,
        document_number=data.document_number,
        first_name=data.first_name,
        last_name=data.last_name,
        birth_date=birth_date,
    )
    matches = await find_matches(
        session, probe, threshold=settings.match_name_threshold, limit=settings.match_max_candidates
    )
    visible, hidden = await split_visible(session, actor=actor, matches=matches)
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[m.person_id for m in visible],
        action="match",
        legal_basis="duplicate_check",
    )
    return schemas.MatchResult(
        likely_duplicate=bool(matches),
        candidates=[
            schemas.MatchCandidate(person_id=m.person_id, match=m.kind, score=m.score) for m in visible
        ],
        detail=HIDDEN_MATCH if hidden else None,
    )


async def refuse_likely_duplicates(
    session: AsyncSession,
    *,
    actor: Actor,
    probe: Probe,
    override_reason: str | None,
    settings: ClientsSettings,
) -> list[Match]:
    """The matches of a person about to be registered; 409 ``likely_duplicate`` when one is a
    PESEL match (never overridable) or no ``override_reason`` is given."""
    matches = await find_matches(
        session, probe, threshold=settings.match_name_threshold, limit=settings.match_max_candidates
    )
    strong = any(m.strong for m in matches)
    if matches and (strong or not override_reason):
        # Only ids of persons the caller already sees are named; the others by an opaque
        # candidate id with initials and birth year (the route audits them as a duplicate check).
        visible, hidden = await split_visible(session, actor=actor, matches=matches)
        raise LikelyDuplicate(
            HIDDEN_MATCH
            if hidden and not visible
            else "a likely duplicate of this person is already registered",
            disclosed=[m.person_id for m in hidden],
            candidates=_candidates(visible),
            hidden_candidates=await _hidden_candidates(
                session, actor=actor, matches=hidden, settings=settings
            ),
            overridable=not strong,
        )
    return matches


async def log_disclosed(
    session: AsyncSession, *, actor: Actor, audit: AuditContext, refused: LikelyDuplicate
) -> None:
    """Audit the hidden candidates a refused registration described (the caller commits it: the
    refused registration itself writes nothing)."""
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=refused.disclosed,
        action="match",
        legal_basis="duplicate_check",
    )


async def external_ref_taken(
    session: AsyncSession, *, institution_id: uuid.UUID, external_id: str
) -> uuid.UUID | None:
    return await session.scalar(
        select(ExternalRef.person_id).where(
            ExternalRef.institution_id == institution_id, ExternalRef.external_id == external_id
        )
    )
