"""Who sees a partnership and who acts in it.

- a **party** (an institution that joined and has not left) sees everything;
- an **invited** institution (invited, not yet answered) sees the initiative and the agreement
  texts only (no roles, plan, meetings or evaluations);
- an **analyst** whose territorial scope covers the leader's seat, and a system administrator,
  see that the partnership exists, its area and status (the summary), no texts;
- anyone else gets the same 404 as for a partnership that does not exist.

Acting (confirming, planning, recording) takes a staff member of a party with the
institution_admin or coordinator role (a *signatory*), or the partnership's coordinator.
"""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from splot.common.auth import Principal, Role
from splot.common.errors import forbidden, not_found
from splot.directory.models import Institution, PartnershipAgreement
from splot.directory.partnerships.lifecycle import Actor
from splot.directory.partnerships.models import Partnership, PartnershipParty

SIGNATORY_ROLES = (Role.institution_admin, Role.coordinator)


class Relation(StrEnum):
    party = "party"
    invited = "invited"
    summary = "summary"


async def load(session: AsyncSession, partnership_id: uuid.UUID) -> Partnership:
    partnership = (
        await session.scalars(
            select(Partnership)
            .options(selectinload(Partnership.parties))
            .where(Partnership.id == partnership_id)
            .execution_options(populate_existing=True)
        )
    ).first()
    if partnership is None:
        raise not_found("partnership")
    return partnership


def party_ids(partnership: Partnership, day: date) -> list[uuid.UUID]:
    return sorted(p.institution_id for p in partnership.parties if p.is_party_on(day))


def invited_ids(partnership: Partnership) -> list[uuid.UUID]:
    return sorted(p.institution_id for p in partnership.parties if p.state == "invited")


def party_of(partnership: Partnership, institution_id: uuid.UUID | None) -> PartnershipParty | None:
    return next((p for p in partnership.parties if p.institution_id == institution_id), None)


def _analyst_covers(actor: Principal, teryt: str) -> bool:
    scope = actor.analyst_scope
    return actor.has_role(Role.analyst) and scope is not None and teryt.startswith(scope)


async def relation(
    session: AsyncSession, partnership: Partnership, actor: Principal, day: date
) -> Relation | None:
    party = party_of(partnership, actor.institution_id)
    if party is not None and party.is_party_on(day):
        return Relation.party
    if party is not None and party.state == "invited":
        return Relation.invited
    if actor.has_role(Role.system_admin):
        return Relation.summary
    if actor.has_role(Role.analyst):
        leader = await session.get(Institution, partnership.leader_institution_id)
        if leader is not None and _analyst_covers(actor, leader.teryt):
            return Relation.summary
    return None


async def visible(
    session: AsyncSession, partnership_id: uuid.UUID, actor: Principal, day: date, *, at_least: Relation
) -> tuple[Partnership, Relation]:
    """The partnership if ``actor`` sees at least ``at_least`` of it (else 404)."""
    partnership = await load(session, partnership_id)
    rel = await relation(session, partnership, actor, day)
    rank = {Relation.summary: 0, Relation.invited: 1, Relation.party: 2}
    if rel is None or rank[rel] < rank[at_least]:
        raise not_found("partnership")
    return partnership, rel


def is_signatory(partnership: Partnership, actor: Principal, day: date) -> bool:
    party = party_of(partnership, actor.institution_id)
    return party is not None and party.is_party_on(day) and actor.has_role(*SIGNATORY_ROLES)


def is_coordinator(partnership: Partnership, actor: Principal, day: date) -> bool:
    party = party_of(partnership, actor.institution_id)
    return (
        partnership.coordinator_subject is not None
        and actor.subject == partnership.coordinator_subject
        and party is not None
        and party.is_party_on(day)
    )


def require_organiser(partnership: Partnership, actor: Principal, day: date) -> None:
    """A party's signatory or the partnership's coordinator (plan, meetings, roles)."""
    if not (is_signatory(partnership, actor, day) or is_coordinator(partnership, actor, day)):
        raise forbidden("only a party's administrator or coordinator, or the partnership's coordinator")


def agreement_actor(agreement: PartnershipAgreement, actor: Principal) -> Actor:
    """The actor's place in the state table for one agreement version."""
    named = {p.id for p in agreement.parties}
    if actor.institution_id in named:
        return Actor.party_signatory if actor.has_role(*SIGNATORY_ROLES) else Actor.party_staff
    if actor.has_role(Role.system_admin):
        return Actor.system_admin
    if actor.has_role(Role.analyst):
        return Actor.analyst
    return Actor.outsider


def listing_filter(stmt: Select[Any], actor: Principal, day: date) -> Select[Any]:
    """Partnerships the actor sees at least the summary of."""
    if actor.has_role(Role.system_admin):
        return stmt
    mine = exists().where(
        PartnershipParty.partnership_id == Partnership.id,
        PartnershipParty.institution_id == actor.institution_id,
        or_(
            PartnershipParty.state == "invited",
            (PartnershipParty.state == "party")
            & (PartnershipParty.joined_on <= day)
            & (or_(PartnershipParty.left_on.is_(None), PartnershipParty.left_on > day)),
        ),
    )
    if actor.has_role(Role.analyst) and actor.analyst_scope is not None:
        covered = exists().where(
            Institution.id == Partnership.leader_institution_id,
            Institution.teryt.startswith(actor.analyst_scope, autoescape=True),
        )
        return stmt.where(or_(mine, covered))
    return stmt.where(mine)
