"""Case attributes: the catalogue, a person's attributes (each visible by the rule of
:func:`splot.clients.access.may_see_attribute`), and an institution writing its own values.
Keyword-only, ``flush()`` never ``commit()``."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, false, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients import schemas
from splot.clients.access import Actor, AuditContext, log_access, may_see_attribute
from splot.clients.models import AttributeChange, AttributeDefinition, CaseAttribute, Person
from splot.clients.persons import attribute_definitions, touch, visible_person, writable_person
from splot.common.errors import Problem, not_found
from splot.common.etag import check_if_match
from splot.common.pagination import paginate


async def list_attribute_definitions(session: AsyncSession) -> list[AttributeDefinition]:
    return list((await session.scalars(select(AttributeDefinition).order_by(AttributeDefinition.code))).all())


def attribute_key(attribute: CaseAttribute | schemas.AttributeRead) -> str:
    """The resource id in an attribute's ETag: person, recording institution and code."""
    return f"{attribute.person_id}.{attribute.institution_id}.{attribute.code}"


def attribute_read(attribute: CaseAttribute, definition: AttributeDefinition | None) -> schemas.AttributeRead:
    return schemas.AttributeRead(
        person_id=attribute.person_id,
        institution_id=attribute.institution_id,
        code=attribute.code,
        value=attribute.value,
        sensitive=definition.sensitive if definition else True,
        recorded_at=attribute.recorded_at,
        updated_at=attribute.updated_at,
        version=attribute.version,
    )


async def list_attributes(
    session: AsyncSession,
    *,
    actor: Actor,
    person_id: uuid.UUID,
    cursor: str | None,
    limit: int | None,
    audit: AuditContext,
) -> tuple[list[schemas.AttributeRead], str | None]:
    person, access = await visible_person(session, actor=actor, person_id=person_id)
    definitions = await attribute_definitions(session)
    # A person has a few dozen attributes at most: decide visibility row by row (the rule is
    # one function, shared with the person's record), then page over the visible ones.
    candidates = (
        await session.scalars(select(CaseAttribute).where(CaseAttribute.person_id == person.id))
    ).all()
    visible_ids = [
        a.id
        for a in candidates
        if may_see_attribute(a, definition=definitions.get(a.code), actor=actor, access=access)
    ]
    stmt: Select[Any] = select(CaseAttribute).where(CaseAttribute.id.in_(visible_ids))
    rows, next_cursor = await paginate(
        session, stmt, order_by=[CaseAttribute.code, CaseAttribute.id], cursor=cursor, limit=limit
    )
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[person.id],
        action="read",
        legal_basis=access.basis,
        basis_ref=access.basis_ref,
    )
    return [attribute_read(a, definitions.get(a.code)) for a in rows], next_cursor


def _check_value(definition: AttributeDefinition, value: Any) -> Any:
    kind = definition.value_type
    ok = False
    if kind == "boolean":
        ok = isinstance(value, bool)
    elif kind == "integer":
        ok = isinstance(value, int) and not isinstance(value, bool) and -1_000_000 <= value <= 1_000_000
    elif kind == "text":
        ok = isinstance(value, str) and 0 < len(value.strip()) <= 2000
        value = value.strip() if ok else value
    elif kind == "date":
        if isinstance(value, str) and len(value) == 10:
            try:
                date.fromisoformat(value)
                ok = True
            except ValueError:
                ok = False
    elif kind == "enum":
        ok = isinstance(value, str) and value in (definition.allowed_values or [])
    if not ok:
        expected = kind if kind != "enum" else "one of " + ", ".join(definition.allowed_values or [])
        raise Problem(
            422,
            "invalid_attribute_value",
            f"{definition.code} takes {expected}",
            errors=[
                {"loc": ["body", "value"], "msg": f"expected {expected}", "type": "invalid_attribute_value"}
            ],
        )
    return value


async def set_attribute(
    session: AsyncSession,
    *,
    actor: Actor,
    person_id: uuid.UUID,
    code: str,
    data: schemas.AttributeSet,
    if_match: str | None,
    audit: AuditContext,
) -> tuple[schemas.AttributeRead, bool]:
    """Record your institution's value of an attribute (only the recording institution writes it)."""
    person, access = await writable_person(session, actor=actor, person_id=person_id)
    definition = await session.get(AttributeDefinition, code)
    if definition is None or not definition.active:
        raise not_found("attribute definition")
    recorder_type = actor.principal.institution_type
    if definition.institution_types and recorder_type not in definition.institution_types:
        raise Problem(
            403,
            "attribute_not_for_institution",
            f"{code} is recorded by " + ", ".join(definition.institution_types) + " institutions only",
            institution_types=list(definition.institution_types),
        )
    value = _check_value(definition, data.value)
    attribute = await session.scalar(
        select(CaseAttribute).where(
            CaseAttribute.person_id == person.id,
            CaseAttribute.institution_id == actor.institution_id,
            CaseAttribute.code == code,
        )
    )
    created = attribute is None
    if attribute is None:
        attribute = CaseAttribute(
            person_id=person.id,
            institution_id=actor.institution_id,
            code=code,
            value=value,
            recorded_by=actor.subject[:128],
        )
        session.add(attribute)
    else:
        check_if_match(if_match, attribute_key(attribute), attribute.version)
        attribute.value = value
        attribute.recorded_by = actor.subject[:128]
    session.add(_change(attribute, "recorded" if created else "changed", value, actor))
    await session.flush()
    await touch(session, person.id)
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[person.id],
        action="attribute_write",
        legal_basis=access.basis,
        basis_ref=code,
    )
    return attribute_read(attribute, definition), created


async def delete_attribute(
    session: AsyncSession,
    *,
    actor: Actor,
    person_id: uuid.UUID,
    code: str,
    if_match: str | None,
    audit: AuditContext,
) -> None:
    person, access = await writable_person(session, actor=actor, person_id=person_id)
    attribute = await session.scalar(
        select(CaseAttribute).where(
            CaseAttribute.person_id == person.id,
            CaseAttribute.institution_id == actor.institution_id,
            CaseAttribute.code == code,
        )
    )
    if attribute is None:
        raise not_found("attribute")
    check_if_match(if_match, attribute_key(attribute), attribute.version)
    session.add(_change(attribute, "removed", None, actor))
    await session.delete(attribute)
    await session.flush()
    await touch(session, person.id)
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[person.id],
        action="attribute_delete",
        legal_basis=access.basis,
        basis_ref=code,
    )


def _change(attribute: CaseAttribute, change: str, value: Any, actor: Actor) -> AttributeChange:
    return AttributeChange(
        person_id=attribute.person_id,
        institution_id=attribute.institution_id,
        code=attribute.code,
        change=change,
        value=value,
        changed_by=actor.subject[:128],
    )


async def attribute_history(
    session: AsyncSession,
    *,
    actor: Actor,
    person_id: uuid.UUID,
    code: str | None,
    cursor: str | None,
    limit: int | None,
    audit: AuditContext,
) -> tuple[list[schemas.AttributeChangeRead], str | None]:
    """Every value of the person's attributes you may see, newest first: the same rule as the
    current values (:func:`may_see_attribute`), applied to each recording institution. A record
    merged into this one brings its history along."""
    person, access = await visible_person(session, actor=actor, person_id=person_id)
    definitions = await attribute_definitions(session)
    person_ids = [
        person.id,
        *(await session.scalars(select(Person.id).where(Person.merged_into_id == person.id))),
    ]
    recorders = (
        await session.execute(
            select(AttributeChange.institution_id, AttributeChange.code)
            .where(AttributeChange.person_id.in_(person_ids))
            .distinct()
        )
    ).all()
    visible = [
        (institution_id, c)
        for institution_id, c in recorders
        if (code is None or c == code)
        and may_see_attribute(
            _Recorder(institution_id), definition=definitions.get(c), actor=actor, access=access
        )
    ]
    stmt: Select[Any] = select(AttributeChange).where(
        AttributeChange.person_id.in_(person_ids),
        or_(
            false(),
            *(and_(AttributeChange.institution_id == i, AttributeChange.code == c) for i, c in visible),
        ),
    )
    rows, next_cursor = await paginate(
        session,
        stmt,
        order_by=[AttributeChange.changed_at, AttributeChange.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[person.id],
        action="read",
        legal_basis=access.basis,
        basis_ref=access.basis_ref,
    )
    own = actor.institution_id
    return [
        schemas.AttributeChangeRead(
            person_id=person.id,
            institution_id=row.institution_id,
            code=row.code,
            change=row.change,
            value=row.value,
            sensitive=(d.sensitive if (d := definitions.get(row.code)) else True),
            changed_by=row.changed_by if row.institution_id == own else None,
            changed_at=row.changed_at,
        )
        for row in rows
    ], next_cursor


class _Recorder:
    def __init__(self, institution_id: uuid.UUID) -> None:
        self.institution_id = institution_id
