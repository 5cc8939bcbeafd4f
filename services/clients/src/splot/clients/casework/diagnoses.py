"""Diagnoses of a person's situation: an institution's dated, authored assessment (problem areas
with notes, strengths, the person's own view, a conclusion), and joint ones that contributors
invited by the owner complete and sign off. A change to the text clears the sign-offs given;
the diagnosis is ``signed`` once every contributor has signed. Keyword-only, ``flush()`` only."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients.access import Access, Actor, AuditContext, log_access
from splot.clients.casework import events
from splot.clients.casework.catalogue import area_of
from splot.clients.casework.models import Diagnosis, DiagnosisArea, DiagnosisContributor
from splot.clients.casework.visibility import (
    contributors_of,
    institution_sees_person,
    may_see_sensitive,
    person_access,
    require_writable,
    visible_diagnosis,
)
from splot.clients.persons import touch
from splot.clients.schemas.casework import (
    ContributionSet,
    ContributorRead,
    DiagnosisAreaInput,
    DiagnosisAreaRead,
    DiagnosisCreate,
    DiagnosisRead,
    DiagnosisUpdate,
)
from splot.common.db import utcnow
from splot.common.errors import Problem, forbidden
from splot.common.etag import check_if_match
from splot.common.pagination import paginate


def diagnosis_key(diagnosis_id: uuid.UUID) -> str:
    return f"diagnosis.{diagnosis_id}"


async def _areas(session: AsyncSession, diagnosis_id: uuid.UUID) -> list[DiagnosisArea]:
    return list(
        (
            await session.scalars(
                select(DiagnosisArea)
                .where(DiagnosisArea.diagnosis_id == diagnosis_id)
                .order_by(DiagnosisArea.area_code, DiagnosisArea.institution_id)
            )
        ).all()
    )


async def diagnosis_read(
    session: AsyncSession,
    diagnosis: Diagnosis,
    *,
    actor: Actor,
    access: Access,
    contributors: Sequence[DiagnosisContributor] | None = None,
) -> DiagnosisRead:
    contributors = contributors if contributors is not None else await contributors_of(session, diagnosis.id)
    shown: list[DiagnosisAreaRead] = []
    hidden = 0
    for area in await _areas(session, diagnosis.id):
        if area.sensitive and not may_see_sensitive(area.institution_id, actor=actor, access=access):
            hidden += 1
            continue
        shown.append(
            DiagnosisAreaRead(
                code=area.area_code,
                institution_id=area.institution_id,
                note=area.note,
                sensitive=area.sensitive,
            )
        )
    return DiagnosisRead(
        id=diagnosis.id,
        person_id=diagnosis.person_id,
        owner_institution_id=diagnosis.owner_institution_id,
        author_sub=diagnosis.author_sub,
        diagnosed_on=diagnosis.diagnosed_on,
        joint=diagnosis.joint,
        status=diagnosis.status,
        areas=shown,
        hidden_sensitive_areas=hidden,
        strengths=diagnosis.strengths,
        person_view=diagnosis.person_view,
        conclusion=diagnosis.conclusion,
        contributors=[
            ContributorRead(
                institution_id=c.institution_id,
                invited_at=c.invited_at,
                section=c.section,
                signed_at=c.signed_at,
            )
            for c in contributors
        ],
        signed_at=diagnosis.signed_at,
        created_at=diagnosis.created_at,
        updated_at=diagnosis.updated_at,
        version=diagnosis.version,
    )


async def _replace_areas(
    session: AsyncSession, *, diagnosis: Diagnosis, institution_id: uuid.UUID, areas: list[DiagnosisAreaInput]
) -> None:
    codes = [a.code for a in areas]
    if len(set(codes)) != len(codes):
        raise Problem(422, "duplicate_area", "each problem area once per contributor")
    await session.execute(
        delete(DiagnosisArea).where(
            DiagnosisArea.diagnosis_id == diagnosis.id, DiagnosisArea.institution_id == institution_id
        )
    )
    for i, item in enumerate(areas):
        area = await area_of(session, item.code, field=f"areas.{i}.code")
        session.add(
            DiagnosisArea(
                diagnosis_id=diagnosis.id,
                institution_id=institution_id,
                area_code=area.code,
                note=item.note,
                sensitive=area.sensitive or item.sensitive,
            )
        )


async def _record(
    session: AsyncSession,
    *,
    actor: Actor,
    access: Access,
    diagnosis: Diagnosis,
    audit: AuditContext,
    event_type: str,
) -> DiagnosisRead:
    diagnosis.updated_at = utcnow()
    await session.flush()
    contributors = await contributors_of(session, diagnosis.id)
    await events.diagnosis_event(
        session, event_type, diagnosis, areas=await _areas(session, diagnosis.id), contributors=contributors
    )
    await touch(session, diagnosis.person_id)
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[diagnosis.person_id],
        action="casework_write",
        legal_basis=access.basis,
        basis_ref=str(diagnosis.id),
    )
    return await diagnosis_read(session, diagnosis, actor=actor, access=access, contributors=contributors)


async def create_diagnosis(
    session: AsyncSession, *, actor: Actor, person_id: uuid.UUID, data: DiagnosisCreate, audit: AuditContext
) -> DiagnosisRead:
    access = await person_access(session, actor=actor, person_id=person_id)
    require_writable(access)
    diagnosis = Diagnosis(
        person_id=person_id,
        owner_institution_id=actor.institution_id,
        author_sub=actor.subject[:128],
        diagnosed_on=data.diagnosed_on,
        joint=data.joint,
        strengths=data.strengths,
        person_view=data.person_view,
        conclusion=data.conclusion,
        status="draft",
    )
    session.add(diagnosis)
    await session.flush()
    session.add(DiagnosisContributor(diagnosis_id=diagnosis.id, institution_id=actor.institution_id))
    await _replace_areas(session, diagnosis=diagnosis, institution_id=actor.institution_id, areas=data.areas)
    return await _record(
        session, actor=actor, access=access, diagnosis=diagnosis, audit=audit, event_type="diagnosis.created"
    )


async def _editable(
    session: AsyncSession, *, actor: Actor, diagnosis_id: uuid.UUID, if_match: str | None, owner: bool
) -> tuple[Diagnosis, Access, list[DiagnosisContributor]]:
    diagnosis, access, contributors = await visible_diagnosis(session, actor=actor, diagnosis_id=diagnosis_id)
    require_writable(access)
    if owner and diagnosis.owner_institution_id != actor.institution_id:
        raise forbidden("only the diagnosis' owner changes it")
    check_if_match(if_match, diagnosis_key(diagnosis.id), diagnosis.version)
    if diagnosis.status == "signed":
        raise Problem(409, "diagnosis_signed", "a signed diagnosis is final; start a new one")
    return diagnosis, access, contributors


def _clear_sign_offs(contributors: list[DiagnosisContributor]) -> None:
    for contributor in contributors:
        contributor.signed_at = None
        contributor.signed_by = None


async def update_diagnosis(
    session: AsyncSession,
    *,
    actor: Actor,
    diagnosis_id: uuid.UUID,
    data: DiagnosisUpdate,
    if_match: str | None,
    audit: AuditContext,
) -> DiagnosisRead:
    diagnosis, access, contributors = await _editable(
        session, actor=actor, diagnosis_id=diagnosis_id, if_match=if_match, owner=True
    )
    for field in ("diagnosed_on", "strengths", "person_view", "conclusion"):
        if field in data.model_fields_set:
            value = getattr(data, field)
            if field == "diagnosed_on" and value is None:
                continue
            setattr(diagnosis, field, value)
    if data.areas is not None:
        await _replace_areas(
            session, diagnosis=diagnosis, institution_id=actor.institution_id, areas=data.areas
        )
    _clear_sign_offs(contributors)
    return await _record(
        session, actor=actor, access=access, diagnosis=diagnosis, audit=audit, event_type="diagnosis.updated"
    )


async def invite_contributor(
    session: AsyncSession,
    *,
    actor: Actor,
    diagnosis_id: uuid.UUID,
    institution_id: uuid.UUID,
    if_match: str | None,
    audit: AuditContext,
) -> DiagnosisRead:
    """The owner invites an institution that has access to the person (registration or an
    active referral grant) to contribute to its joint diagnosis."""
    diagnosis, access, contributors = await _editable(
        session, actor=actor, diagnosis_id=diagnosis_id, if_match=if_match, owner=True
    )
    if not diagnosis.joint:
        raise Problem(409, "not_joint", "only a joint diagnosis has other contributors")
    if institution_id in {c.institution_id for c in contributors}:
        raise Problem(409, "already_contributor", "the institution already contributes")
    if not await institution_sees_person(
        session, institution_id=institution_id, person_id=diagnosis.person_id
    ):
        raise Problem(
            422,
            "institution_without_access",
            "the institution has no access to the person (registration or a referral's grant)",
        )
    session.add(DiagnosisContributor(diagnosis_id=diagnosis.id, institution_id=institution_id))
    _clear_sign_offs(contributors)
    return await _record(
        session, actor=actor, access=access, diagnosis=diagnosis, audit=audit, event_type="diagnosis.updated"
    )


async def set_contribution(
    session: AsyncSession,
    *,
    actor: Actor,
    diagnosis_id: uuid.UUID,
    data: ContributionSet,
    if_match: str | None,
    audit: AuditContext,
) -> DiagnosisRead:
    diagnosis, access, contributors = await _editable(
        session, actor=actor, diagnosis_id=diagnosis_id, if_match=if_match, owner=False
    )
    mine = next(c for c in contributors if c.institution_id == actor.institution_id)
    mine.section = data.section
    await _replace_areas(session, diagnosis=diagnosis, institution_id=actor.institution_id, areas=data.areas)
    _clear_sign_offs(contributors)
    return await _record(
        session, actor=actor, access=access, diagnosis=diagnosis, audit=audit, event_type="diagnosis.updated"
    )


async def sign_diagnosis(
    session: AsyncSession, *, actor: Actor, diagnosis_id: uuid.UUID, if_match: str | None, audit: AuditContext
) -> DiagnosisRead:
    """The caller's institution signs its part off; the last sign-off makes the diagnosis final."""
    diagnosis, access, contributors = await _editable(
        session, actor=actor, diagnosis_id=diagnosis_id, if_match=if_match, owner=False
    )
    mine = next(c for c in contributors if c.institution_id == actor.institution_id)
    if mine.signed_at is not None:
        raise Problem(409, "already_signed", "your institution has signed this diagnosis off")
    now = utcnow()
    mine.signed_at = now
    mine.signed_by = actor.subject[:128]
    event_type = "diagnosis.updated"
    if all(c.signed_at is not None for c in contributors):
        diagnosis.status = "signed"
        diagnosis.signed_at = now
        event_type = "diagnosis.signed"
    return await _record(
        session, actor=actor, access=access, diagnosis=diagnosis, audit=audit, event_type=event_type
    )


async def get_diagnosis(
    session: AsyncSession, *, actor: Actor, diagnosis_id: uuid.UUID, audit: AuditContext
) -> DiagnosisRead:
    diagnosis, access, contributors = await visible_diagnosis(session, actor=actor, diagnosis_id=diagnosis_id)
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[diagnosis.person_id],
        action="read",
        legal_basis=access.basis,
        basis_ref=access.basis_ref,
    )
    return await diagnosis_read(session, diagnosis, actor=actor, access=access, contributors=contributors)


async def list_diagnoses(
    session: AsyncSession,
    *,
    actor: Actor,
    person_id: uuid.UUID,
    cursor: str | None,
    limit: int | None,
    audit: AuditContext,
) -> tuple[list[DiagnosisRead], str | None]:
    """The person's diagnoses the caller takes part in (all of them in break-glass), newest first."""
    access = await person_access(session, actor=actor, person_id=person_id)
    stmt = select(Diagnosis).where(Diagnosis.person_id == person_id)
    if not access.read_only:
        stmt = stmt.where(
            Diagnosis.id.in_(
                select(DiagnosisContributor.diagnosis_id).where(
                    DiagnosisContributor.institution_id == actor.institution_id
                )
            )
        )
    rows, next_cursor = await paginate(
        session,
        stmt,
        order_by=[Diagnosis.created_at, Diagnosis.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[person_id],
        action="read",
        legal_basis=access.basis,
        basis_ref=access.basis_ref,
    )
    return [await diagnosis_read(session, d, actor=actor, access=access) for d in rows], next_cursor
