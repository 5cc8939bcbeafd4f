"""What every referral rule starts with: who may read or change referrals, loading one the caller
may see (404 for absent and not yours alike), the table's rules from the settings, the referral
as the API shows it, and the flush that bumps its version (412 when someone was faster)."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Executable, Update, and_, bindparam, exists, insert, inspect, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError

from splot.common.db import new_id, table_of, utcnow
from splot.common.errors import Problem, forbidden, not_found
from splot.referrals import schemas
from splot.referrals.config import ReferralsSettings
from splot.referrals.models import Referral, ReferralEvent
from splot.referrals.peers import Peers
from splot.referrals.schemas import ReadView
from splot.referrals.workflow import TRANSITIONS, Actor, Rules, Side, Status, allowed, sides_of


def rules(settings: ReferralsSettings) -> Rules:
    return Rules(
        reopen_window=timedelta(days=settings.reopen_window_days), max_chain_depth=settings.max_chain_depth
    )


def require_reader(actor: Actor) -> None:
    if not actor.can_read:
        raise forbidden("referrals are read by caseworkers and coordinators (or systems with referrals:read)")


def require_writer(actor: Actor) -> None:
    require_reader(actor)
    if not actor.roles:
        raise forbidden("your role or token does not allow changing referrals")


def is_party(referral: Referral, actor: Actor) -> bool:
    """The actor's institution sent it, or received it (a draft is its sender's only)."""
    return bool(sides_of(actor, referral) - {Side.system})


async def _fetch(session: AsyncSession, referral_id: uuid.UUID, *, for_update: bool = False) -> Referral:
    """The referral, fresh from the database (404 when there is none)."""
    stmt = select(Referral).where(Referral.id == referral_id).execution_options(populate_existing=True)
    if for_update:
        # Concurrent transitions queue here; the loser then sees the new version: 412.
        stmt = stmt.with_for_update()
    referral = (await session.scalars(stmt)).first()
    if referral is None:
        raise not_found("referral")
    return referral


async def load_referral(
    session: AsyncSession, referral_id: uuid.UUID, actor: Actor, *, for_update: bool = False
) -> Referral:
    """A referral for one of its parties (or the system); 404 for everyone else."""
    referral = await _fetch(session, referral_id, for_update=for_update)
    if not actor.is_system and not is_party(referral, actor):
        raise not_found("referral")
    return referral


async def lock_referral(session: AsyncSession, referral_id: uuid.UUID, actor: Actor) -> Referral:
    """A referral for one of its parties (or the system), locked for a transition: one Core
    statement, and a :class:`Referral` outside the session (no unit of work, no identity map);
    :func:`save_change` writes what changed on it. 404 for everyone else."""
    row = (await session.execute(_LOCK, {"referral_id": referral_id})).first()
    if row is None:
        raise not_found("referral")
    values = dict(zip(_KEYS, row, strict=True))
    referral = _new_referral()
    referral.__dict__.update(values)
    if not actor.is_system and not is_party(referral, actor):
        raise not_found("referral")
    session.info.setdefault(_LOADED, {})[referral.id] = values
    return referral


_TABLE = table_of(Referral)
#: Attribute names of the referral's columns, in the order of the table (the row's order).
_KEYS = tuple(inspect(Referral).get_property_by_column(c).key for c in _TABLE.columns)
_LOCK = select(*_TABLE.columns).where(_TABLE.c.id == bindparam("referral_id")).with_for_update()
_new_referral = inspect(Referral).class_manager.new_instance
_LOADED = "splot.referrals.locked_referrals"
_EVENTS = table_of(ReferralEvent)
#: The event row of a transition, every column bound (its id and version included).
_INSERT_EVENT = insert(_EVENTS).values(
    {c.key: bindparam(f"e_{c.key}", type_=c.type) for c in _EVENTS.columns}
)
#: UPDATE statements by the set of columns a change writes (a few per action) and whether the
#: event row rides along (PostgreSQL), built once.
_UPDATES: dict[tuple[frozenset[str], bool], Executable] = {}


def _update_of(keys: frozenset[str], *, with_event: bool) -> Executable:
    stmt = _UPDATES.get((keys, with_event))
    if stmt is None:
        columns = {_TABLE.c[k]: bindparam(f"p_{k}", type_=_TABLE.c[k].type) for k in sorted(keys)}
        change = (
            update(_TABLE)
            .where(_TABLE.c.id == bindparam("p_where_id"), _TABLE.c.version == bindparam("p_where_version"))
            .values({**columns, _TABLE.c.version: _TABLE.c.version + 1})
            .returning(_TABLE.c.version)
        )
        stmt = _with_event(change) if with_event else change
        _UPDATES[(keys, with_event)] = stmt
    return stmt


def _with_event(change: Update) -> Executable:
    """``WITH updated AS (UPDATE …), event AS (INSERT INTO referral_event … SELECT … FROM updated)
    SELECT version FROM updated``: the event row only when the update matched its version."""
    updated = change.cte("updated")
    names = [c.key for c in _EVENTS.columns if c.key != "version"]
    # Typed parameters (asyncpg's dialect casts each: ``$1::UUID``), so nothing is inferred.
    values = [bindparam(f"e_{k}", type_=_EVENTS.c[k].type) for k in names]
    event = insert(_EVENTS).from_select([*names, "version"], select(*values, updated.c.version)).cte("event")
    return select(updated.c.version).add_cte(event)


async def get_referral(session: AsyncSession, *, referral_id: uuid.UUID, actor: Actor) -> Referral:
    require_reader(actor)
    return await load_referral(session, referral_id, actor)


def chain_party_clause(institution_id: uuid.UUID | None) -> Any:
    """Referrals (sent, not drafts) the institution sent or received: what makes it a chain's party."""
    return and_(
        Referral.status != Status.draft.value,
        or_(
            Referral.sender_institution_id == institution_id,
            Referral.target_institution_id == institution_id,
        ),
    )


async def is_chain_party(session: AsyncSession, chain_root_id: uuid.UUID, actor: Actor) -> bool:
    """The actor's institution sent or received some referral of the chain."""
    if actor.institution_id is None:
        return False
    stmt = select(
        exists().where(Referral.chain_root_id == chain_root_id, chain_party_clause(actor.institution_id))
    )
    return bool((await session.execute(stmt)).scalar_one())


async def read_referral(
    session: AsyncSession, *, referral_id: uuid.UUID, actor: Actor
) -> tuple[Referral, ReadView]:
    """A referral for reading: its parties see all of it; a party of another referral of the same
    chain sees the chain view (status, dates, parties, outcome; no case content). 404 otherwise."""
    require_reader(actor)
    referral = await _fetch(session, referral_id)
    if actor.is_system or is_party(referral, actor):
        return referral, ReadView.party
    if referral.status != Status.draft and await is_chain_party(session, referral.chain_root_id, actor):
        return referral, ReadView.chain
    raise not_found("referral")


def _stale() -> Problem:
    return Problem(412, "stale_etag", "the referral was changed by someone else; reload it and try again")


async def flush_change(session: AsyncSession) -> None:
    """Flush a referral's change; a version that moved meanwhile is a 412."""
    try:
        await session.flush()
    except StaleDataError as exc:
        raise _stale() from exc


async def save_change(
    session: AsyncSession, referral: Referral, *, event: dict[str, Any] | None = None
) -> None:
    """Write a referral's change, bumping its version once (a version that moved meanwhile is a
    412), then its ``event`` row (the columns of :class:`ReferralEvent` but ``id`` and
    ``version``: the new version is set here). For a referral from :func:`lock_referral`, one
    Core ``UPDATE … WHERE id AND version RETURNING version`` of the columns that changed, which
    on PostgreSQL carries the event's INSERT (a CTE inserting from the update's result: no event
    when the version moved); for one the session holds, its flush."""
    loaded: dict[str, Any] | None = session.info.get(_LOADED, {}).get(referral.id)
    if loaded is None:
        await flush_change(session)
        await _insert_event(session, referral, event)
        return
    current = referral.__dict__
    changed = {k: current[k] for k in _KEYS if current[k] != loaded[k]}
    if not changed:
        await _insert_event(session, referral, event)
        return
    params = {f"p_{k}": v for k, v in changed.items()}
    params.update(p_where_id=referral.id, p_where_version=loaded["version"])
    with_event = event is not None and session.get_bind().dialect.name == "postgresql"
    if with_event:
        params.update(_event_params(event or {}, loaded["version"] + 1))
    stmt = _update_of(frozenset(changed), with_event=with_event)
    version = (await session.execute(stmt, params)).scalar_one_or_none()
    if version is None:
        raise _stale()
    current["version"] = version
    loaded.update(changed, version=version)
    if not with_event:
        await _insert_event(session, referral, event)


def _event_params(event: dict[str, Any], version: int) -> dict[str, Any]:
    return {f"e_{k}": v for k, v in event.items()} | {"e_id": new_id(), "e_version": version}


async def _insert_event(session: AsyncSession, referral: Referral, event: dict[str, Any] | None) -> None:
    if event is not None:
        await session.execute(_INSERT_EVENT, _event_params(event, referral.version))


#: What the chain view leaves out: case content and the staff of institutions other than yours.
CHAIN_VIEW_HIDDEN: dict[str, Any] = {
    "needs_description": None,
    "legal_basis": None,
    "reason_text": None,
    "delivered": None,
    "sender_user_id": None,
    "assignee_user_id": None,
    "allowed_actions": [],
    "my_sides": [],
}
#: A sensitive (GDPR art. 9) referral of someone else's shows not even what it was for.
SENSITIVE_HIDDEN: dict[str, Any] = {"service_type_code": None, "outcome_codes": [], "target_offer_id": None}


def referral_read(
    referral: Referral,
    actor: Actor,
    settings: ReferralsSettings,
    now: datetime | None = None,
    *,
    view: ReadView = ReadView.party,
) -> schemas.ReferralRead:
    read = _full_read(referral, actor, settings, now)
    if view is ReadView.party:
        return read
    hidden = CHAIN_VIEW_HIDDEN | (SENSITIVE_HIDDEN if referral.sensitive else {})
    return read.model_copy(update={**hidden, "view": ReadView.chain})


def _full_read(
    referral: Referral, actor: Actor, settings: ReferralsSettings, now: datetime | None
) -> schemas.ReferralRead:
    now = now or utcnow()
    legal_basis = None
    if referral.legal_basis_kind:
        legal_basis = schemas.LegalBasisRead(
            kind=referral.legal_basis_kind,
            code=referral.legal_basis_code,
            citation=referral.legal_basis_article,
            article=referral.legal_basis_article,
            consent_id=referral.consent_id,
        )
    actions = allowed(actor, referral, rules(settings), now) if actor.roles else []
    data = {name: getattr(referral, name) for name in _READ_COLUMNS}
    data.update(
        overdue=referral.overdue_at(now),
        legal_basis=legal_basis,
        outcome_codes=list(referral.outcome_codes or []),
        my_sides=sorted(sides_of(actor, referral) - {Side.system}),
        allowed_actions=[_ALLOWED_ACTIONS[t.action] for t in actions],
    )
    return schemas.ReferralRead.model_validate(data)


#: The read's fields the referral has as they are (the others are computed above), found once.
_READ_COLUMNS = tuple(name for name in schemas.ReferralRead.model_fields if hasattr(Referral, name))
#: What an action needs, as the read lists it: the same for every referral, built once.
_ALLOWED_ACTIONS = {
    t.action: schemas.AllowedAction(
        action=t.action,
        endpoint=t.endpoint,
        required_fields=list(t.required),
        optional_fields=list(t.optional),
    )
    for t in TRANSITIONS.values()
}


async def sender_contact(
    session: AsyncSession, *, referral_id: uuid.UUID, actor: Actor, peers: Peers
) -> schemas.SenderContact:
    """Who sent the referral and how to reach them (its two parties; 404 when the sender was a
    system, or the directory no longer knows the user)."""
    referral = await get_referral(session, referral_id=referral_id, actor=actor)
    if referral.sender_user_id is None:
        raise not_found("sender contact")
    contact = await peers.user_contact(referral.sender_user_id)
    if contact is None or contact.institution_id != referral.sender_institution_id:
        raise not_found("sender contact")
    return schemas.SenderContact(
        user_id=contact.id,
        institution_id=contact.institution_id,
        full_name=contact.full_name,
        email=contact.email,
        active=contact.active,
    )
