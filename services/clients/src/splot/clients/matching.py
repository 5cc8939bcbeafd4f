"""Duplicate detection: exact PESEL, exact document number, then normalised name + birth date."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients import identity
from splot.clients.models import Person, PersonStatus

_RANK = {"pesel": 0, "document_number": 1, "name_and_birth_date": 2}


@dataclass(frozen=True)
class Probe:
    pesel: str | None
    document_number: str | None
    first_norm: str
    last_norm: str
    birth_date: date | None


@dataclass(frozen=True)
class Match:
    person_id: uuid.UUID
    kind: str  # pesel, document_number, name_and_birth_date
    score: float

    @property
    def strong(self) -> bool:
        """A PESEL match identifies the person: it cannot be overridden."""
        return self.kind == "pesel"


@dataclass(frozen=True)
class Known:
    """The fields of an existing person that matching looks at."""

    id: uuid.UUID
    pesel: str | None
    document_number: str | None
    first_norm: str | None
    last_norm: str | None
    birth_date: date | None


def score_candidates(
    probe: Probe, candidates: Iterable[Known], *, threshold: float, exclude: uuid.UUID | None = None
) -> list[Match]:
    """Pure matching over already-fetched candidates (used per row by the bulk import too)."""
    best: dict[uuid.UUID, Match] = {}

    def keep(match: Match) -> None:
        current = best.get(match.person_id)
        if current is None or (_RANK[match.kind], -match.score) < (_RANK[current.kind], -current.score):
            best[match.person_id] = match

    for known in candidates:
        if known.id == exclude:
            continue
        if probe.pesel and known.pesel == probe.pesel:
            keep(Match(known.id, "pesel", 100.0))
            continue
        if probe.document_number and known.document_number == probe.document_number:
            keep(Match(known.id, "document_number", 100.0))
            continue
        if probe.pesel and known.pesel and known.pesel != probe.pesel:
            continue  # two different PESELs: two different people
        if (
            probe.birth_date is not None
            and known.birth_date == probe.birth_date
            and known.first_norm is not None
            and known.last_norm is not None
        ):
            score = identity.name_score(probe.first_norm, probe.last_norm, known.first_norm, known.last_norm)
            if score >= threshold:
                keep(Match(known.id, "name_and_birth_date", round(score, 1)))
    return sorted(best.values(), key=lambda m: (_RANK[m.kind], -m.score, str(m.person_id)))


def known(person: Person) -> Known:
    return Known(
        person.id,
        person.pesel,
        person.document_number,
        person.first_name_norm,
        person.last_name_norm,
        person.birth_date,
    )


async def find_matches(
    session: AsyncSession,
    probe: Probe,
    *,
    threshold: float,
    limit: int,
    exclude: uuid.UUID | None = None,
) -> list[Match]:
    """Active persons that are likely the same human as ``probe``, strongest first."""
    conditions = []
    if probe.pesel:
        conditions.append(Person.pesel == probe.pesel)
    if probe.document_number:
        conditions.append(Person.document_number == probe.document_number)
    if probe.birth_date is not None:
        conditions.append(Person.birth_date == probe.birth_date)
    if not conditions:
        return []
    rows = (
        await session.execute(
            select(
                Person.id,
                Person.pesel,
                Person.document_number,
                Person.first_name_norm,
                Person.last_name_norm,
                Person.birth_date,
            ).where(Person.status == PersonStatus.active, or_(*conditions))
        )
    ).all()
    matches = score_candidates(probe, (Known(*row) for row in rows), threshold=threshold, exclude=exclude)
    return matches[:limit]
