"""Local partnerships (issue #15) in the analytical store: the directory's ``partnership.*``
events, the parties of a partnership on a day, and who may see its measures how.

The payload (``PartnershipPayload`` of the directory) carries the partnership's ``version``,
``status``, ``leader_institution_id``, ``area_teryt``, ``party_ids`` (the parties on the day the
event was written) and ``invited_ids``. The newest version wins; an older one re-delivered or
overtaken changes nothing. The payload has no per-party dates, so they are the local
(Europe/Warsaw) days of the events: an institution is a party from the day of the first event
that lists it among ``party_ids``, and stops being one on the day of the first later event that
no longer does (a party that leaves on a future day is seen leaving with the first event after
that day). An institution that joins again starts a new membership (the earlier one is not
kept, as in the directory).

A partnership's **status** is a function of its agreement versions and the day, as in the
directory (:func:`status_on`): ``in_force`` if a version is, else the newest version's state,
``initiative`` without one. The ``status`` of a ``partnership.*`` event is only the state on the
day it was written — an agreement's confirmation, termination, supersession, first or last day
write no partnership event — so it is kept (``PartnershipDim.status``) only for a partnership
whose agreements reporting cannot link to it (stored before the events named it).

Who sees a partnership's measures (:func:`viewer_of`):

* staff and systems of a **current party** (a party today): the exact numbers of their joint work;
* a territorial scope (an analyst, a regional or national system) that **covers the partnership's
  area** (every code of ``area_teryt`` lies in it; without an area, the leader's seat): the same
  numbers through the suppression policy;
* anyone else, and a party once it has left: 404, the same as for a partnership that does not
  exist.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.agreements import Status as AgreementStatus
from splot.common.agreements import partnership_status
from splot.common.errors import not_found
from splot.reporting.models import AgreementDim, InstitutionDim, PartnershipDim, PartnershipPartyDim
from splot.reporting.scopes import Scope
from splot.reporting.sources import FeedEvent

if TYPE_CHECKING:
    from splot.reporting.ingestion import IngestContext

# --- ingestion -----------------------------------------------------------------------------------


async def partnership_event(session: AsyncSession, event: FeedEvent, ctx: IngestContext) -> None:
    """Apply a ``partnership.*`` event: the partnership's newest version and its parties."""
    p = event.payload
    partnership_id = uuid.UUID(str(p["id"]))
    version = int(p["version"])
    row = await session.get(PartnershipDim, partnership_id)
    if row is not None and row.version > version:
        return  # an older version re-delivered or overtaken: the newest one wins
    if row is None:
        row = PartnershipDim(id=partnership_id)
        session.add(row)
    row.version = version
    row.status = str(p["status"])
    row.leader_institution_id = uuid.UUID(str(p["leader_institution_id"]))
    row.area_teryt = sorted({str(code) for code in p.get("area_teryt") or []})
    row.programme = str(p["programme"])[:64] if p.get("programme") else None
    await session.flush()
    if p.get("parties"):  # each party's own days (directory events since the membership dates)
        await _set_memberships(session, partnership_id, p["parties"])
        return
    parties = {uuid.UUID(str(i)) for i in p.get("party_ids") or []}
    await _apply_parties(session, partnership_id, parties, ctx.calendar.local_date(event.occurred_at))


async def _set_memberships(
    session: AsyncSession, partnership_id: uuid.UUID, parties: list[dict[str, Any]]
) -> None:
    """The parties exactly as the directory dates them (joined_on; left_on: first day out)."""
    await session.execute(
        delete(PartnershipPartyDim).where(PartnershipPartyDim.partnership_id == partnership_id)
    )
    for party in parties:
        joined = date.fromisoformat(str(party["joined_on"]))
        left = date.fromisoformat(str(party["left_on"])) if party.get("left_on") else None
        session.add(
            PartnershipPartyDim(
                partnership_id=partnership_id,
                institution_id=uuid.UUID(str(party["institution_id"])),
                joined_on=joined,
                left_on=max(left, joined) if left else None,
            )
        )
    await session.flush()


async def _apply_parties(
    session: AsyncSession, partnership_id: uuid.UUID, parties: set[uuid.UUID], day: date
) -> None:
    """Open a membership for each newly listed party and close those no longer listed."""
    known = {m.institution_id: m for m in await memberships(session, partnership_id)}
    for institution_id in parties:
        membership = known.get(institution_id)
        if membership is None:
            session.add(
                PartnershipPartyDim(
                    partnership_id=partnership_id, institution_id=institution_id, joined_on=day, left_on=None
                )
            )
        elif membership.left_on is not None:  # joined again
            membership.joined_on, membership.left_on = day, None
    for institution_id, membership in known.items():
        if institution_id not in parties and membership.left_on is None:
            membership.left_on = max(day, membership.joined_on)
    await session.flush()


# --- reading -------------------------------------------------------------------------------------


async def memberships(session: AsyncSession, partnership_id: uuid.UUID) -> list[PartnershipPartyDim]:
    """Every institution that is or was a party of the partnership, with its dates."""
    return list(
        (
            await session.scalars(
                select(PartnershipPartyDim)
                .where(PartnershipPartyDim.partnership_id == partnership_id)
                .order_by(PartnershipPartyDim.institution_id)
            )
        ).all()
    )


def parties_on(members: list[PartnershipPartyDim], day: date) -> set[uuid.UUID]:
    return {m.institution_id for m in members if m.is_party_on(day)}


@dataclass(frozen=True)
class _AgreementFacts:
    """An agreement version's facts as :mod:`splot.common.agreements` reads them. Reporting keeps
    ``ended_on`` (the earlier of termination and supersession) and the last event's status, which
    tells the two apart (a terminated agreement is never superseded, nor the reverse)."""

    valid_from: date
    valid_to: date | None
    confirmed_on: date | None
    terminated_on: date | None
    superseded_on: date | None

    @classmethod
    def of(cls, agreement: AgreementDim) -> _AgreementFacts:
        terminated = agreement.status == AgreementStatus.terminated
        return cls(
            valid_from=agreement.valid_from,
            valid_to=agreement.valid_to,
            confirmed_on=agreement.confirmed_on,
            terminated_on=agreement.ended_on if terminated else None,
            superseded_on=None if terminated else agreement.ended_on,
        )


async def status_on(session: AsyncSession, partnership: PartnershipDim, day: date) -> str:
    """The partnership's status on ``day``: ``in_force`` if one of its agreement versions is,
    else the newest version's state; without linked versions, its last event's status."""
    versions = (
        await session.scalars(
            select(AgreementDim)
            .where(AgreementDim.partnership_id == partnership.id)
            .order_by(AgreementDim.number.asc().nulls_first(), AgreementDim.valid_from, AgreementDim.id)
        )
    ).all()
    if not versions:
        return partnership.status
    return partnership_status([_AgreementFacts.of(a) for a in versions], day)


async def _covers_area(session: AsyncSession, scope: Scope, partnership: PartnershipDim) -> bool:
    """A territorial scope covers the partnership when its whole area lies in the scope's
    territory; a partnership without an area is placed at its leader's seat."""
    if scope.is_institution:
        return False
    area = list(partnership.area_teryt or [])
    if not area:
        leader = await session.get(InstitutionDim, partnership.leader_institution_id)
        if leader is None:
            return scope.territory == ""
        area = [leader.teryt]
    return all(code.startswith(scope.territory) for code in area)


async def viewer_of(
    session: AsyncSession, *, partnership_id: uuid.UUID, scope: Scope, today: date
) -> tuple[PartnershipDim, list[PartnershipPartyDim], bool]:
    """The partnership, its memberships and whether the caller sees exact numbers (a current
    party) or protected ones (a territorial scope covering its area); 404 for anyone else."""
    partnership = await session.get(PartnershipDim, partnership_id)
    if partnership is None:
        raise not_found("partnership")
    members = await memberships(session, partnership_id)
    if scope.is_institution:
        if scope.institution_id in parties_on(members, today):
            return partnership, members, True
        raise not_found("partnership")
    if await _covers_area(session, scope, partnership):
        return partnership, members, False
    raise not_found("partnership")
