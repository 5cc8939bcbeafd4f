"""The partnership itself: the initiative, invitations and their answers, parties joining and
leaving, the leader and the coordinator, contact persons; its reads and events."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.agreements import partnership_status
from splot.common.auth import Principal
from splot.common.db import utcnow
from splot.common.errors import Problem, conflict, forbidden
from splot.common.etag import check_if_match
from splot.common.events import emit
from splot.common.pagination import paginate
from splot.directory import programmes
from splot.directory.models import Institution, PartnershipAgreement, User
from splot.directory.partnerships import access, agreements
from splot.directory.partnerships import schemas as ps
from splot.directory.partnerships.models import Partnership, PartnershipParty

_SERVING = ("PUP", "OPS", "CUS", "PCPR", "NGO", "CIS", "KIS")


def status_of(versions: list[PartnershipAgreement], day: date) -> str:
    """``in_force`` if a version is; else the newest version's state; ``initiative`` without one."""
    return partnership_status(versions, day)


async def emit_partnership(
    session: AsyncSession, event_type: str, partnership: Partnership, day: date
) -> None:
    versions = await agreements.of_partnership(session, partnership.id)
    payload: dict[str, Any] = {
        "id": str(partnership.id),
        "leader_institution_id": str(partnership.leader_institution_id),
        "area_teryt": list(partnership.area_teryt),
        "party_ids": [str(i) for i in access.party_ids(partnership, day)],
        "parties": [
            {
                "institution_id": str(p.institution_id),
                "joined_on": p.joined_on.isoformat(),
                "left_on": p.left_on.isoformat() if p.left_on else None,
            }
            for p in sorted(partnership.parties, key=lambda p: str(p.institution_id))
            if p.state == "party" and p.joined_on is not None
        ],
        "invited_ids": [str(i) for i in access.invited_ids(partnership)],
        "status": status_of(versions, day),
        "programme": partnership.programme,
        "version": partnership.version,
    }
    await emit(
        session, event_type, aggregate_type="partnership", aggregate_id=partnership.id, payload=payload
    )


async def _serving_institutions(session: AsyncSession, ids: list[uuid.UUID]) -> list[Institution]:
    found = list((await session.scalars(select(Institution).where(Institution.id.in_(ids)))).all())
    if len(found) != len(set(ids)) or any(not i.active or i.type not in _SERVING for i in found):
        raise Problem(
            422, "unknown_institution", "an invited institution is not an active serving institution"
        )
    return found


async def create(
    session: AsyncSession, *, data: ps.PartnershipCreate, actor: Principal, day: date
) -> Partnership:
    if actor.institution_id is None or not actor.has_role(*access.SIGNATORY_ROLES):
        raise forbidden("only an institution's administrator or coordinator proposes a partnership")
    if actor.institution_id in data.invited_institution_ids:
        raise Problem(422, "invalid_invitation", "your own institution proposes; invite the others")
    await _serving_institutions(session, [actor.institution_id, *data.invited_institution_ids])
    await programmes.check_code(session, data.programme)
    partnership = Partnership(
        programme=data.programme,
        name=data.name,
        purpose=data.purpose,
        area_teryt=list(data.area_teryt),
        proposed_by_institution_id=actor.institution_id,
        leader_institution_id=actor.institution_id,
        parties=[
            PartnershipParty(
                institution_id=actor.institution_id, state="party", joined_on=day, answered_at=utcnow()
            ),
            *(PartnershipParty(institution_id=i, state="invited") for i in data.invited_institution_ids),
        ],
    )
    session.add(partnership)
    await session.flush()
    await emit_partnership(session, "partnership.created", partnership, day)
    return partnership


async def _touch(session: AsyncSession, partnership: Partnership) -> None:
    """A change of its parties is a change of the partnership: a new version (and ETag)."""
    partnership.updated_at = utcnow()
    await session.flush()


async def invite(
    session: AsyncSession, *, partnership: Partnership, institution_id: uuid.UUID, actor: Principal, day: date
) -> Partnership:
    access.require_organiser(partnership, actor, day)
    await _serving_institutions(session, [institution_id])
    existing = access.party_of(partnership, institution_id)
    if existing is not None and existing.state != "declined" and existing.left_on is None:
        raise conflict("already_invited", "the institution is already invited or a party")
    if existing is None:
        partnership.parties.append(PartnershipParty(institution_id=institution_id, state="invited"))
    else:
        existing.state, existing.invited_at, existing.answered_at = "invited", utcnow(), None
        existing.joined_on = existing.left_on = None
    await _touch(session, partnership)
    await emit_partnership(session, "partnership.updated", partnership, day)
    return partnership


async def answer(
    session: AsyncSession, *, partnership: Partnership, accept: bool, actor: Principal, day: date
) -> Partnership:
    party = access.party_of(partnership, actor.institution_id)
    if party is None or party.state != "invited":
        raise conflict("not_invited", "your institution has no open invitation to this partnership")
    if not actor.has_role(*access.SIGNATORY_ROLES):
        raise forbidden("only your institution's administrator or coordinator answers the invitation")
    party.state = "party" if accept else "declined"
    party.answered_at = utcnow()
    party.joined_on = day if accept else None
    await _touch(session, partnership)
    await emit_partnership(session, "partnership.invitation_answered", partnership, day)
    return partnership


async def update(
    session: AsyncSession,
    *,
    partnership: Partnership,
    data: ps.PartnershipUpdate,
    actor: Principal,
    if_match: str | None,
    day: date,
) -> Partnership:
    access.require_organiser(partnership, actor, day)
    check_if_match(if_match, partnership.id, partnership.version)
    changes = data.model_dump(exclude_unset=True)
    parties = set(access.party_ids(partnership, day))
    if "leader_institution_id" in changes and changes["leader_institution_id"] not in parties:
        raise Problem(422, "not_a_party", "the leader must be a party")
    if changes.get("coordinator_subject") is not None:
        user = await _staff_user(session, changes["coordinator_subject"])
        if user is None or user.institution_id not in parties:
            raise Problem(422, "not_a_party", "the coordinator must be an active staff member of a party")
        changes.setdefault("coordinator_name", user.full_name)
    if changes.get("programme") is not None and changes["programme"] != partnership.programme:
        await programmes.check_code(session, changes["programme"])
    for field, value in changes.items():
        setattr(partnership, field, value)
    await _touch(session, partnership)
    await emit_partnership(session, "partnership.updated", partnership, day)
    return partnership


async def _staff_user(session: AsyncSession, subject: str) -> User | None:
    try:
        user_id = uuid.UUID(subject)
    except ValueError:
        return None
    user = await session.get(User, user_id)
    return user if user is not None and user.active else None


async def update_party(
    session: AsyncSession,
    *,
    partnership: Partnership,
    institution_id: uuid.UUID,
    data: ps.PartyUpdate,
    actor: Principal,
    day: date,
) -> Partnership:
    """A party's own administrator or coordinator sets its contact person and its leaving day."""
    party = access.party_of(partnership, institution_id)
    if party is None or not party.is_party_on(day) or institution_id != actor.institution_id:
        raise forbidden("a party changes only its own contact person and membership")
    if not actor.has_role(*access.SIGNATORY_ROLES):
        raise forbidden("only your institution's administrator or coordinator")
    changes = data.model_dump(exclude_unset=True)
    left_on = changes.pop("left_on", None)
    for field, value in changes.items():
        setattr(party, field, value)
    if left_on is not None:
        if left_on < day:
            raise Problem(422, "invalid_date", "a party cannot leave in the past")
        if institution_id == partnership.leader_institution_id:
            raise conflict("leader_cannot_leave", "hand the leadership to another party first")
        party.left_on = left_on
    await _touch(session, partnership)
    if left_on is not None:
        await emit_partnership(session, "partnership.party_left", partnership, day)
    return partnership


async def list_visible(
    session: AsyncSession, *, actor: Principal, day: date, cursor: str | None, limit: int | None
) -> tuple[list[Partnership], str | None]:
    from sqlalchemy.orm import selectinload

    stmt: Select[Any] = select(Partnership).options(selectinload(Partnership.parties))
    stmt = access.listing_filter(stmt, actor, day)
    return await paginate(
        session,
        stmt,
        order_by=[Partnership.created_at, Partnership.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )


async def summary(session: AsyncSession, partnership: Partnership, day: date) -> ps.PartnershipSummary:
    versions = await agreements.of_partnership(session, partnership.id)
    return ps.PartnershipSummary(
        id=partnership.id,
        name=partnership.name,
        area_teryt=list(partnership.area_teryt),
        status=status_of(versions, day),
        leader_institution_id=partnership.leader_institution_id,
        party_ids=access.party_ids(partnership, day),
        programme=partnership.programme,
    )


async def read(
    session: AsyncSession, partnership: Partnership, rel: access.Relation, day: date
) -> ps.PartnershipRead:
    """The full view for parties; invited institutions get the initiative and agreement texts
    without the contact persons and the coordinator."""
    versions = await agreements.of_partnership(session, partnership.id)
    base = (await summary(session, partnership, day)).model_dump()
    party_rows = [
        ps.PartyRead.model_validate(p)
        if rel == access.Relation.party
        else ps.PartyRead.model_validate(p).model_copy(
            update={"contact_name": None, "contact_email": None, "contact_phone": None}
        )
        for p in partnership.parties
        if p.state != "declined" or rel == access.Relation.party
    ]
    return ps.PartnershipRead(
        **base,
        access=rel.value,
        purpose=partnership.purpose,
        proposed_by_institution_id=partnership.proposed_by_institution_id,
        coordinator_subject=partnership.coordinator_subject if rel == access.Relation.party else None,
        coordinator_name=partnership.coordinator_name if rel == access.Relation.party else None,
        parties=party_rows,
        agreements=[
            ps.AgreementVersionRead.model_validate(agreements.version_read(a, day)) for a in versions
        ],
        version=partnership.version,
        created_at=partnership.created_at,
    )
