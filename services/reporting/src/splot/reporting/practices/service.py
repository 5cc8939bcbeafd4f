"""Writing good practices: a draft of the caller's institution, its edits (If-Match), the
workflow's transitions (each recorded: who, when, a comment) and the reads."""

from __future__ import annotations

import unicodedata
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common import problem_areas
from splot.common.auth import Principal
from splot.common.db import utcnow
from splot.common.errors import Problem
from splot.common.etag import check_if_match
from splot.reporting.models import InstitutionDim, PartnershipPartyDim
from splot.reporting.practices import access
from splot.reporting.practices import schemas as ps
from splot.reporting.practices.models import Practice, PracticeAttachment, PracticeTransition

_FOLD = str.maketrans({"ł": "l", "Ł": "l", "ß": "ss", "đ": "d", "ø": "o"})


def fold(text: str) -> str:
    """Lower case without diacritics (``Łódź`` → ``lodz``), for a search that ignores both."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


def area_key(codes: list[str]) -> str:
    return "".join(f"|{c}|" for c in codes)


def _search_text(practice: Practice) -> str:
    numeric = " ".join(f"{r.get('label', '')} {r.get('unit', '')}" for r in practice.numeric_results)
    return fold(
        " ".join(
            [
                practice.title,
                practice.summary,
                practice.results,
                numeric,
                *practice.topic_tags,
                *practice.target_groups,
            ]
        )
    )


async def _validate(session: AsyncSession, data: ps.PracticeWrite, actor: Principal, today: Any) -> None:
    if unknown := problem_areas.unknown(data.problem_areas):
        raise Problem(
            422, "unknown_problem_area", f"not a problem area of the catalogue: {', '.join(unknown)}"
        )
    if data.since > today:
        raise Problem(422, "invalid_date", "a practice is one that already runs (since is not in the future)")
    if data.partnership_id is not None:
        membership = await session.get(PartnershipPartyDim, (data.partnership_id, actor.institution_id))
        if membership is None or not membership.is_party_on(today):
            raise Problem(422, "not_a_party", "your institution is not a current party of the partnership")


def _apply(practice: Practice, data: ps.PracticeWrite) -> None:
    practice.title = data.title
    practice.summary = data.summary
    practice.since = data.since
    practice.problem_areas = list(dict.fromkeys(data.problem_areas))
    practice.area_codes = area_key(practice.problem_areas)
    practice.partnership_id = data.partnership_id
    practice.topic_tags = list(dict.fromkeys(data.topic_tags))
    practice.target_groups = list(dict.fromkeys(data.target_groups))
    practice.results = data.results
    practice.numeric_results = [r.model_dump() for r in data.numeric_results]
    practice.contact_name = data.contact.name
    practice.contact_email = str(data.contact.email)
    practice.contact_phone = data.contact.phone
    practice.search_text = _search_text(practice)


def _record(
    session: AsyncSession,
    practice: Practice,
    actor: Principal,
    *,
    action: str,
    source: str | None,
    comment: str | None = None,
    role: str,
    at: datetime,
) -> None:
    session.add(
        PracticeTransition(
            practice_id=practice.id,
            action=action,
            from_status=source,
            to_status=practice.status,
            actor_subject=actor.subject,
            actor_institution_id=actor.institution_id,
            actor_role=role,
            comment=comment,
            at=at,
        )
    )


async def create(session: AsyncSession, *, data: ps.PracticeWrite, actor: Principal, today: Any) -> Practice:
    access.require_submitter(actor)
    institution = await session.get(InstitutionDim, actor.institution_id)
    if institution is None:
        raise Problem(
            422, "unknown_institution", "your institution is not yet known to the reporting service"
        )
    await _validate(session, data, actor, today)
    now = utcnow()
    practice = Practice(
        id=uuid.uuid4(),
        version=1,
        status="draft",
        institution_id=institution.id,
        institution_type=institution.type,
        teryt=institution.teryt,
        created_by_subject=actor.subject,
        created_at=now,
        updated_at=now,
    )
    _apply(practice, data)
    session.add(practice)
    await session.flush()
    _record(session, practice, actor, action="create", source=None, role=_submitter_role(actor), at=now)
    await session.flush()
    return practice


def _submitter_role(actor: Principal) -> str:
    return next((str(r) for r in access.SUBMITTER_ROLES if actor.has_role(r)), "staff")


async def get_for_update(session: AsyncSession, practice_id: uuid.UUID, actor: Principal) -> Practice:
    practice = await session.get(Practice, practice_id, with_for_update=True)
    return access.require_read(practice, actor)


async def update(
    session: AsyncSession,
    *,
    practice: Practice,
    data: ps.PracticeWrite,
    actor: Principal,
    if_match: str | None,
    today: Any,
) -> Practice:
    if not access.own(practice, actor):
        raise Problem(403, "forbidden", "the practice's institution edits it")
    check_if_match(if_match, practice.id, practice.version)
    if practice.status not in access.EDITABLE:
        raise Problem(
            409, "not_editable", f"a practice that is {practice.status} is not edited", state=practice.status
        )
    await _validate(session, data, actor, today)
    _apply(practice, data)
    practice.version += 1
    practice.updated_at = utcnow()
    await session.flush()
    return practice


async def transition(
    session: AsyncSession,
    *,
    practice: Practice,
    data: ps.TransitionCreate,
    actor: Principal,
    if_match: str | None,
) -> Practice:
    target = access.check_transition(practice, actor, data.action)
    if if_match:
        check_if_match(if_match, practice.id, practice.version)
    if data.action in access.NEEDS_COMMENT and not data.comment:
        raise Problem(422, "comment_required", f"say why you {data.action} the practice (comment)")
    now = utcnow()
    source = practice.status
    practice.status = target
    practice.version += 1
    practice.updated_at = now
    if data.action == "publish":
        practice.published_at = now
    elif data.action == "unpublish":
        practice.published_at = None
    who = "analyst" if data.action != "submit" else _submitter_role(actor)
    _record(
        session, practice, actor, action=data.action, source=source, comment=data.comment, role=who, at=now
    )
    await session.flush()
    return practice


# --- reading -------------------------------------------------------------------------------------


async def institution_names(session: AsyncSession, ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not ids:
        return {}
    rows = await session.execute(
        select(InstitutionDim.id, InstitutionDim.name).where(InstitutionDim.id.in_(ids))
    )
    return {row[0]: row[1] for row in rows.all()}


def summary_of(practice: Practice, names: dict[uuid.UUID, str]) -> dict[str, Any]:
    return {
        "id": practice.id,
        "status": practice.status,
        "title": practice.title,
        "summary": practice.summary,
        "institution_id": practice.institution_id,
        "institution_name": names.get(practice.institution_id),
        "institution_type": practice.institution_type,
        "teryt": practice.teryt,
        "problem_areas": list(practice.problem_areas),
        "since": practice.since,
        "published_at": practice.published_at,
        "updated_at": practice.updated_at,
    }


async def summaries(session: AsyncSession, practices: list[Practice]) -> list[dict[str, Any]]:
    names = await institution_names(session, {p.institution_id for p in practices})
    return [summary_of(p, names) for p in practices]


async def read(session: AsyncSession, practice: Practice, actor: Principal) -> dict[str, Any]:
    names = await institution_names(session, {practice.institution_id})
    attachments = (
        await session.scalars(
            select(PracticeAttachment)
            .where(PracticeAttachment.practice_id == practice.id)
            .order_by(PracticeAttachment.uploaded_at, PracticeAttachment.id)
        )
    ).all()
    history = (
        await session.scalars(
            select(PracticeTransition)
            .where(PracticeTransition.practice_id == practice.id)
            .order_by(PracticeTransition.at, PracticeTransition.id)
        )
    ).all()
    insider = access.own(practice, actor) or access.reviews(practice, actor)
    return {
        **summary_of(practice, names),
        "partnership_id": practice.partnership_id,
        "topic_tags": list(practice.topic_tags),
        "target_groups": list(practice.target_groups),
        "results": practice.results,
        "numeric_results": list(practice.numeric_results),
        "contact": {
            "name": practice.contact_name,
            "email": practice.contact_email,
            "phone": practice.contact_phone,
        },
        "attachments": list(attachments),
        # Readers of a published practice see when it was published, not the review's comments.
        "history": list(history) if insider else [t for t in history if t.action in ("publish",)],
        "allowed_actions": access.allowed_actions(practice, actor),
        "version": practice.version,
    }


async def get(session: AsyncSession, practice_id: uuid.UUID, actor: Principal) -> Practice:
    return access.require_read(await session.get(Practice, practice_id), actor)
