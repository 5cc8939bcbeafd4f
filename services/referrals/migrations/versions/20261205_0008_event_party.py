"""an institution's event feed: the institutions each referral event concerns

- ``event_party``: one row per (institution, outbox event) the institution is told of — the
  referral's sender and receiver, and a chain's root sender for a descendant's outcome (the rule
  of ``splot.referrals.publish.publish``, which writes the rows with the event from now on). Its
  primary key ``(institution_id, event_seq)`` is the feed's index.
- Back-fill: the rows of the events already in the outbox, from their payloads (the referral's
  snapshot names its sender and receiver, its chain's root and depth) and, for follow-ups and
  a chain's root sender, from the referral table. So an institution's feed starts at its first
  event, not at the upgrade.

Revision ID: 0008
Revises: 0007
"""

import uuid
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Actions whose result a chain's root sender hears of (``recording.CHAIN_OUTCOMES`` at 0008).
_CHAIN_OUTCOMES = frozenset({"complete", "fail"})
_BATCH = 1000

_outbox = sa.table(
    "outbox_event",
    sa.column("seq", sa.BigInteger()),
    sa.column("aggregate_type", sa.String()),
    sa.column("aggregate_id", sa.String()),
    sa.column("payload", sa.JSON()),
)
_referral = sa.table(
    "referral",
    sa.column("id", sa.Uuid()),
    sa.column("sender_institution_id", sa.Uuid()),
    sa.column("target_institution_id", sa.Uuid()),
)
_party = sa.table(
    "event_party", sa.column("institution_id", sa.Uuid()), sa.column("event_seq", sa.BigInteger())
)


def upgrade() -> None:
    op.create_table(
        "event_party",
        sa.Column("institution_id", sa.Uuid(), nullable=False),
        sa.Column("event_seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_seq"],
            ["outbox_event.seq"],
            name=op.f("fk_event_party_event_seq_outbox_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("institution_id", "event_seq", name=op.f("pk_event_party")),
    )
    _backfill(op.get_bind())


def downgrade() -> None:
    op.drop_table("event_party")


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value is not None else None
    except ValueError:
        return None


def _backfill(bind: sa.Connection) -> None:
    after = 0
    while True:
        events = bind.execute(
            sa.select(_outbox.c.seq, _outbox.c.aggregate_id, _outbox.c.payload)
            .where(_outbox.c.aggregate_type == "referral", _outbox.c.seq > after)
            .order_by(_outbox.c.seq)
            .limit(_BATCH)
        ).all()
        if not events:
            return
        after = events[-1].seq
        referrals = _referrals(bind, events)
        rows = [
            {"institution_id": institution_id, "event_seq": event.seq}
            for event in events
            for institution_id in sorted(_parties(event.aggregate_id, event.payload or {}, referrals))
        ]
        if rows:
            bind.execute(sa.insert(_party), rows)


def _referrals(bind: sa.Connection, events: Sequence[Any]) -> dict[uuid.UUID, tuple[Any, Any]]:
    """Sender and receiver of the referrals the batch's events name (their own, their chain's root)."""
    wanted: set[uuid.UUID] = set()
    for event in events:
        payload = event.payload or {}
        snapshot = payload.get("referral") or {}
        for value in (event.aggregate_id, payload.get("referral_id"), snapshot.get("chain_root_id")):
            found = _uuid(value)
            if found is not None:
                wanted.add(found)
    if not wanted:
        return {}
    rows = bind.execute(
        sa.select(_referral.c.id, _referral.c.sender_institution_id, _referral.c.target_institution_id).where(
            _referral.c.id.in_(sorted(wanted))
        )
    ).all()
    return {row.id: (row.sender_institution_id, row.target_institution_id) for row in rows}


def _parties(
    aggregate_id: str, payload: dict[str, Any], referrals: dict[uuid.UUID, tuple[Any, Any]]
) -> set[uuid.UUID]:
    snapshot = payload.get("referral")
    if isinstance(snapshot, dict):  # a transition: the referral as it was, with its chain
        parties = {
            i
            for i in (
                _uuid(snapshot.get("sender_institution_id")),
                _uuid(snapshot.get("target_institution_id")),
            )
            if i is not None
        }
        root_id, own_id = _uuid(snapshot.get("chain_root_id")), _uuid(snapshot.get("id"))
        if (
            payload.get("action") in _CHAIN_OUTCOMES
            and (snapshot.get("chain_depth") or 0) > 0
            and root_id is not None
            and root_id != own_id
            and root_id in referrals
        ):
            root_sender = referrals[root_id][0]
            if root_sender is not None:
                parties.add(root_sender)
        return parties
    # A follow-up (or any other referral event): the referral's parties.
    referral_id = _uuid(payload.get("referral_id")) or _uuid(aggregate_id)
    if referral_id is None or referral_id not in referrals:
        return set()
    return {i for i in referrals[referral_id] if i is not None}
