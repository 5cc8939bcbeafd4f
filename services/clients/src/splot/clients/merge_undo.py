"""Undoing a merge within its window: both records and every row that moved go back exactly (the
before-images and ids recorded by :mod:`splot.clients.merges`), for a registrant of both records."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients import events, identity, schemas
from splot.clients.access import Actor, AuditContext, log_access
from splot.clients.casework.models import LeadWorker
from splot.clients.merges import FOLLOWING, IMAGE_FIELDS, get_merge, restore_image
from splot.clients.models import (
    AccessRequest,
    AccessRequestStatus,
    CaseAttribute,
    Person,
    PersonMerge,
    PersonStatus,
    Registration,
)
from splot.common.db import utcnow
from splot.common.errors import Problem, forbidden


async def undo_merge(
    session: AsyncSession,
    *,
    actor: Actor,
    merge_id: uuid.UUID,
    data: schemas.MergeUndo,
    audit: AuditContext,
) -> PersonMerge:
    """Put both records back as they were before the merge. What happened to the survivor since
    (new attributes, consents, referrals' grants) stays with the survivor."""
    merge = await get_merge(session, actor=actor, merge_id=merge_id)
    if str(actor.institution_id) not in await _merged_record_institutions(session, merge):
        raise forbidden("only a coordinator of an institution that registered both records undoes a merge")
    now = utcnow()
    if merge.undone_at is not None:
        raise Problem(409, "merge_undone", "this merge was already undone")
    if merge.undo_until <= now or merge.images_erased_at is not None:
        raise Problem(409, "undo_window_closed", "this merge can no longer be undone")
    survivor = await session.get(Person, merge.survivor_id, with_for_update=True)
    merged = await session.get(Person, merge.merged_id, with_for_update=True)
    if (
        survivor is None
        or merged is None
        or survivor.status != PersonStatus.active
        or merged.status != PersonStatus.merged
        or merged.merged_into_id != survivor.id
    ):
        raise Problem(409, "merge_superseded", "the records changed since (merged again or anonymised)")
    await _give_back_identities(session, merge=merge, survivor=survivor, merged=merged, now=now)
    await _move_back(session, merge=merge, survivor=survivor, merged=merged)
    merge.undone_at = now
    merge.undone_by = actor.subject[:128]
    await session.flush()
    await events.person_event(session, "person.unmerged", merged, survivor_person_id=str(survivor.id))
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[survivor.id, merged.id],
        action="unmerge",
        legal_basis="registration",
        basis_ref=str(merge.id),
        reason=data.reason,
    )
    return merge


async def _merged_record_institutions(session: AsyncSession, merge: PersonMerge) -> set[str]:
    """The institutions that had registered the merged record (their registrations moved or were
    dropped as duplicates of the survivor's)."""
    return {r["institution_id"] for r in merge.moves.get("registrations_dropped", [])} | {
        str(r.institution_id)
        for r in (
            await session.scalars(
                select(Registration).where(
                    Registration.id.in_([uuid.UUID(i) for i in merge.moves.get("registrations_moved", [])])
                )
            )
        )
    }


async def _give_back_identities(
    session: AsyncSession, *, merge: PersonMerge, survivor: Person, merged: Person, now: datetime
) -> None:
    """Both records' identity as it was before the merge; the merged record is active again."""
    taken = list(merge.taken_fields)
    if taken:
        # The survivor gives back what it took (its PESEL first: it is unique).
        restore_image(
            survivor,
            merge.survivor_before,
            [*taken, *(("birth_date", "birth_year", "sex") if "pesel" in taken else ())],
        )
        if "first_name" in taken:
            survivor.first_name_norm = identity.normalise_name(survivor.first_name or "")
        if "last_name" in taken:
            survivor.last_name_norm = identity.normalise_name(survivor.last_name or "")
        await session.flush()
    restore_image(merged, merge.merged_before, IMAGE_FIELDS)
    merged.first_name_norm = identity.normalise_name(merged.first_name or "") or None
    merged.last_name_norm = identity.normalise_name(merged.last_name or "") or None
    merged.status = PersonStatus.active
    merged.merged_into_id = None
    merged.merged_at = None
    merged.last_activity_at = now


def _ids(values: list[str]) -> list[uuid.UUID]:
    return [uuid.UUID(v) for v in values]


async def _move_back(session: AsyncSession, *, merge: PersonMerge, survivor: Person, merged: Person) -> None:
    moves = merge.moves
    for key, model in (
        *FOLLOWING.items(),
        ("registrations_moved", Registration),
        ("attributes_moved", CaseAttribute),
        ("lead_workers", LeadWorker),
    ):
        ids = _ids(moves.get(key, []))
        if ids:
            await session.execute(
                update(model)
                .where(model.id.in_(ids), model.person_id == survivor.id)
                .values(person_id=merged.id)
                .execution_options(synchronize_session=False)
            )
    for reg in moves.get("registrations_dropped", []):
        session.add(
            Registration(
                id=uuid.UUID(reg["id"]),
                person_id=merged.id,
                institution_id=uuid.UUID(reg["institution_id"]),
                registered_at=datetime.fromisoformat(reg["registered_at"]),
                registered_by=reg["registered_by"],
                how=reg["how"],
            )
        )
    for reg_id, registered_at in moves.get("registration_dates", {}).items():
        kept = await session.get(Registration, uuid.UUID(reg_id))
        if kept is not None:
            kept.registered_at = datetime.fromisoformat(registered_at)
    for attr in moves.get("attributes_dropped", []):
        session.add(
            CaseAttribute(
                id=uuid.UUID(attr["id"]),
                person_id=merged.id,
                institution_id=uuid.UUID(attr["institution_id"]),
                code=attr["code"],
                value=attr["value"],
                recorded_by=attr["recorded_by"],
                recorded_at=datetime.fromisoformat(attr["recorded_at"]),
            )
        )
    for attr in moves.get("attributes_replaced", []):
        kept_attr = await session.get(CaseAttribute, uuid.UUID(attr["id"]))
        if kept_attr is not None and kept_attr.person_id == survivor.id:
            kept_attr.value = attr["value"]
    requests = _ids(moves.get("access_requests", []))
    if requests:  # still undecided: they ask for the record they named again
        await session.execute(
            update(AccessRequest)
            .where(
                AccessRequest.id.in_(requests),
                AccessRequest.person_id == survivor.id,
                AccessRequest.status == AccessRequestStatus.pending,
            )
            .values(person_id=merged.id)
            .execution_options(synchronize_session=False)
        )
    repointed = _ids(moves.get("repointed_merges", []))
    if repointed:
        await session.execute(
            update(Person)
            .where(Person.id.in_(repointed), Person.merged_into_id == survivor.id)
            .values(merged_into_id=merged.id)
            .execution_options(synchronize_session=False)
        )
    await session.flush()
