"""Merging two records of one person (undoing one: :mod:`splot.clients.merge_undo`).

A merge never gives anyone access they did not have: only a coordinator of an institution that
*registered both* records merges them (a referral grant, a consent or break-glass is not enough:
merging a record of one's own into a person seen through a temporary grant would turn that
grant into a permanent registration). Nothing of the merged record's identity or contact data
reaches the survivor unless the coordinator chose the field explicitly (``take_from_merged``),
and the choice is audited. Registrations, external ids, case attributes, consents, grants and
break-glass records move to the survivor (a human's data stays together).

Every merge is kept with the before-image of both records and the ids of what moved
(:class:`~splot.clients.models.PersonMerge`), so that within ``merge_undo_days`` it can be undone
exactly; after that window the before-images are erased by the retention job.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients import access_requests, events, identity, schemas
from splot.clients.access import Access, Actor, AuditContext, access_to, log_access
from splot.clients.casework import merging
from splot.clients.casework.models import CaseConference, Diagnosis, Plan
from splot.clients.config import ClientsSettings
from splot.clients.models import (
    AccessGrant,
    BreakGlass,
    CaseAttribute,
    Consent,
    ExternalRef,
    Person,
    PersonMerge,
    PersonStatus,
    Registration,
)
from splot.clients.persons import IDENTIFYING_FIELDS, visible_person
from splot.common.db import rows_affected, utcnow
from splot.common.errors import Problem, forbidden, not_found
from splot.common.pagination import paginate

#: Identity and contact fields kept in a merge's before-image.
IMAGE_FIELDS = (*IDENTIFYING_FIELDS, "birth_year", "sex", "gmina")
#: Tables whose rows simply follow the person.
#: Rows that follow a person into the survivor (and back on undo).
#: Casework (diagnoses, plans, case conferences) follows with its child rows; a lead worker does not
#: (the survivor keeps its own).
_Following = ExternalRef | Consent | AccessGrant | BreakGlass | Diagnosis | Plan | CaseConference
FOLLOWING: dict[str, type[_Following]] = {
    "external_refs": ExternalRef,
    "consents": Consent,
    "grants": AccessGrant,
    "break_glass": BreakGlass,
    "diagnoses": Diagnosis,
    "plans": Plan,
    "case_conferences": CaseConference,
}


def _image(person: Person) -> dict[str, Any]:
    return {field: _plain(getattr(person, field)) for field in IMAGE_FIELDS}


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def restore_image(person: Person, image: dict[str, Any], fields: tuple[str, ...] | list[str]) -> None:
    for field in fields:
        value = image.get(field)
        if field == "birth_date" and value is not None:
            value = date.fromisoformat(value)
        setattr(person, field, value)


def merge_read(merge: PersonMerge, now: datetime | None = None) -> schemas.MergeRead:
    now = now or utcnow()
    return schemas.MergeRead(
        id=merge.id,
        survivor_id=merge.survivor_id,
        merged_id=merge.merged_id,
        institution_id=merge.institution_id,
        reason=merge.reason,
        merged_at=merge.merged_at,
        taken_fields=list(merge.taken_fields),
        undo_until=merge.undo_until,
        undoable=merge.undone_at is None and merge.undo_until > now,
        undone_at=merge.undone_at,
    )


def _check_taken(survivor: Person, merged: Person, take: list[str]) -> None:
    empty = [f for f in take if getattr(merged, f) in (None, "")]
    if empty:
        raise Problem(
            422,
            "nothing_to_take",
            "the merged record has no value for: " + ", ".join(empty),
            errors=[{"loc": ["body", "take_from_merged"], "msg": "no value", "type": "nothing_to_take"}],
        )
    if "pesel" in take and survivor.pesel:
        raise Problem(422, "pesel_kept", "the survivor has a PESEL; a PESEL is never replaced")
    # Taking a PESEL also takes the birth date and sex it encodes (a PESEL is authoritative).


async def merge_persons(
    session: AsyncSession,
    *,
    actor: Actor,
    data: schemas.MergeCreate,
    settings: ClientsSettings,
    audit: AuditContext,
) -> tuple[PersonMerge, Person, Access]:
    if data.survivor_id == data.merged_id:
        raise Problem(422, "same_person", "survivor and merged record are the same")
    now = utcnow()
    survivor, merged = await _mergeable(session, actor=actor, data=data, now=now)
    take = sorted({field.value for field in data.take_from_merged})
    _check_taken(survivor, merged, take)
    record = PersonMerge(
        survivor_id=survivor.id,
        merged_id=merged.id,
        institution_id=actor.institution_id,
        subject=actor.subject[:128],
        reason=data.reason,
        merged_at=now,
        taken_fields=take,
        survivor_before=_image(survivor),
        merged_before=_image(merged),
        moves={},
        undo_until=now + timedelta(days=settings.merge_undo_days),
    )
    moves = await _move_rows(session, survivor=survivor, merged=merged)
    taken = {field: getattr(merged, field) for field in take}
    for field in IDENTIFYING_FIELDS:
        setattr(merged, field, None)
    merged.status = PersonStatus.merged
    merged.merged_into_id = survivor.id
    merged.merged_at = now
    await session.flush()  # the merged record lets go of its PESEL before the survivor takes it
    _take(survivor, taken)
    survivor.last_activity_at = now
    record.moves = moves
    session.add(record)
    await session.flush()
    await events.person_event(session, "person.merged", survivor, merged_person_id=str(merged.id))
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[survivor.id, merged.id],
        action="merge",
        legal_basis="registration",
        basis_ref=str(record.id),
        reason=(data.reason + (" | fields taken: " + ", ".join(take) if take else ""))[:1000],
    )
    access = await access_to(session, actor=actor, person_id=survivor.id, now=now)
    return record, survivor, access


async def _mergeable(
    session: AsyncSession, *, actor: Actor, data: schemas.MergeCreate, now: datetime
) -> tuple[Person, Person]:
    """Both records, when the caller's institution registered both and their PESELs agree."""
    survivor, survivor_access = await visible_person(
        session, actor=actor, person_id=data.survivor_id, now=now
    )
    merged, merged_access = await visible_person(session, actor=actor, person_id=data.merged_id, now=now)
    if not (survivor_access.registered and merged_access.registered):
        raise forbidden(
            "only a coordinator of an institution that registered both records merges them "
            "(access through a referral, a consent or break-glass is not enough)"
        )
    if survivor.pesel and merged.pesel and survivor.pesel != merged.pesel:
        raise Problem(
            409, "conflicting_identifiers", "the records have different PESEL numbers: different people"
        )
    return survivor, merged


def _take(survivor: Person, taken: dict[str, Any]) -> None:
    for field, value in taken.items():
        setattr(survivor, field, value)
        if field in ("first_name", "last_name"):
            setattr(survivor, f"{field}_norm", identity.normalise_name(value))
    if "pesel" in taken:
        parsed = identity.parse_pesel(taken["pesel"])
        survivor.birth_date, survivor.birth_year, survivor.sex = (
            parsed.birth_date,
            parsed.birth_date.year,
            parsed.sex,
        )


async def _move_rows(session: AsyncSession, *, survivor: Person, merged: Person) -> dict[str, Any]:
    """Move what belongs to the person, recording every id (and every value replaced or dropped)."""
    moves: dict[str, Any] = {
        "registrations_moved": [],
        "registrations_dropped": [],
        "registration_dates": {},
        "attributes_moved": [],
        "attributes_dropped": [],
        "attributes_replaced": [],
    }
    await _move_registrations(session, survivor=survivor, merged=merged, moves=moves)
    await _move_attributes(session, survivor=survivor, merged=merged, moves=moves)
    await session.flush()
    for key, model in FOLLOWING.items():
        ids = list((await session.scalars(select(model.id).where(model.person_id == merged.id))).all())
        moves[key] = [str(i) for i in ids]
        if ids:
            await session.execute(
                update(model).where(model.id.in_(ids)).values(person_id=survivor.id),
                execution_options={"synchronize_session": False},
            )
    moves["lead_workers"] = await merging.follow_merge_lead_worker(
        session, survivor_id=survivor.id, merged_id=merged.id
    )
    moves["access_requests"] = await access_requests.follow_merge(
        session, survivor_id=survivor.id, merged_id=merged.id
    )
    # Earlier merges into the merged record now point at the survivor (one hop, always).
    earlier = list((await session.scalars(select(Person.id).where(Person.merged_into_id == merged.id))).all())
    moves["repointed_merges"] = [str(i) for i in earlier]
    if earlier:
        await session.execute(
            update(Person)
            .where(Person.id.in_(earlier))
            .values(merged_into_id=survivor.id)
            .execution_options(synchronize_session=False)
        )
    return moves


async def _move_registrations(
    session: AsyncSession, *, survivor: Person, merged: Person, moves: dict[str, Any]
) -> None:
    """One registration per institution; the earliest date wins."""
    kept_regs = {
        r.institution_id: r
        for r in (await session.scalars(select(Registration).where(Registration.person_id == survivor.id)))
    }
    for reg in (await session.scalars(select(Registration).where(Registration.person_id == merged.id))).all():
        kept = kept_regs.get(reg.institution_id)
        if kept is None:
            reg.person_id = survivor.id
            moves["registrations_moved"].append(str(reg.id))
            continue
        moves["registrations_dropped"].append(
            {
                "id": str(reg.id),
                "institution_id": str(reg.institution_id),
                "registered_at": reg.registered_at.isoformat(),
                "registered_by": reg.registered_by,
                "how": reg.how,
            }
        )
        if reg.registered_at < kept.registered_at:
            moves["registration_dates"][str(kept.id)] = kept.registered_at.isoformat()
            kept.registered_at = reg.registered_at
        await session.delete(reg)


async def _move_attributes(
    session: AsyncSession, *, survivor: Person, merged: Person, moves: dict[str, Any]
) -> None:
    """Per (institution, code) the most recently updated value wins."""
    kept_attrs = {
        (a.institution_id, a.code): a
        for a in (await session.scalars(select(CaseAttribute).where(CaseAttribute.person_id == survivor.id)))
    }
    for attr in (
        await session.scalars(select(CaseAttribute).where(CaseAttribute.person_id == merged.id))
    ).all():
        kept_attr = kept_attrs.get((attr.institution_id, attr.code))
        if kept_attr is None:
            attr.person_id = survivor.id
            moves["attributes_moved"].append(str(attr.id))
            continue
        moves["attributes_dropped"].append(_attribute_image(attr))
        if attr.updated_at > kept_attr.updated_at:
            moves["attributes_replaced"].append(_attribute_image(kept_attr))
            kept_attr.value = attr.value
        await session.delete(attr)


def _attribute_image(attr: CaseAttribute) -> dict[str, Any]:
    return {
        "id": str(attr.id),
        "institution_id": str(attr.institution_id),
        "code": attr.code,
        "value": attr.value,
        "recorded_by": attr.recorded_by,
        "recorded_at": attr.recorded_at.isoformat(),
    }


async def get_merge(session: AsyncSession, *, actor: Actor, merge_id: uuid.UUID) -> PersonMerge:
    """A merge, for institutions registered on the survivor (others: 404)."""
    merge = await session.get(PersonMerge, merge_id)
    if merge is None:
        raise not_found("merge")
    access = await access_to(session, actor=actor, person_id=merge.survivor_id, now=utcnow())
    if not access.registered:
        raise not_found("merge")
    return merge


async def list_merges(
    session: AsyncSession, *, actor: Actor, person_id: uuid.UUID, cursor: str | None, limit: int | None
) -> tuple[list[PersonMerge], str | None]:
    """The merges into a person (newest first), for institutions registered on it (others: 404,
    like the person): where a coordinator finds a merge to undo within its window."""
    access = await access_to(session, actor=actor, person_id=person_id, now=utcnow())
    if not access.registered:
        raise not_found("person")
    return await paginate(
        session,
        select(PersonMerge).where(PersonMerge.survivor_id == person_id),
        order_by=[PersonMerge.merged_at, PersonMerge.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )


async def forget_expired_before_images(session: AsyncSession, *, now: datetime | None = None) -> int:
    """Retention: a merge that can no longer be undone keeps no copy of anyone's identity."""
    now = now or utcnow()
    result = await session.execute(
        update(PersonMerge)
        .where(PersonMerge.undo_until <= now, PersonMerge.images_erased_at.is_(None))
        .values(survivor_before={}, merged_before={}, images_erased_at=now)
        .execution_options(synchronize_session=False)
    )
    return rows_affected(result)
