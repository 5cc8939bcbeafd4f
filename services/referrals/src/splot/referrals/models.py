"""Referrals data model: referrals and their immutable event rows, reference codes, messages and
read receipts, notifications, the e-mail outbox, follow-ups, pending access revocations and
webhook subscriptions with their deliveries."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    event,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from splot.common.db import TimestampMixin, UTCDateTime, Versioned, make_metadata, new_id, utcnow
from splot.common.platform import include_platform_tables


class Base(DeclarativeBase):
    metadata = make_metadata()


include_platform_tables(Base.metadata)


class ReasonCode(Base):
    """Why a referral was rejected, withdrawn, failed or cancelled (reference data, seeded)."""

    __tablename__ = "reason_code"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    label_pl: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200))
    #: The workflow actions that accept this code.
    actions: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: Only the system may use it (``no_response``).
    system_only: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class OutcomeCode(Base):
    """What a completed referral achieved (``kind="outcome"``) or what a follow-up found
    (``kind="followup"``); reference data, seeded."""

    __tablename__ = "outcome_code"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), default="outcome")
    label_pl: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200))
    #: An employment outcome: completing with it schedules follow-ups at +3 and +6 months.
    employment: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Referral(Versioned, TimestampMixin, Base):
    __tablename__ = "referral"
    __table_args__ = (
        Index("ix_referral_target_status", "target_institution_id", "status"),
        Index("ix_referral_sender_status", "sender_institution_id", "status"),
        Index("ix_referral_status_due_at", "status", "due_at"),
        # The inbox and outbox pages (keyset on the box's sort key): at a million referrals a scan
        # of the sent_at index alone discarded ~20k rows of other institutions (issue #17).
        Index("ix_referral_target_sent", "target_institution_id", "sent_at", "id"),
        Index("ix_referral_target_due", "target_institution_id", "due_at", "id"),
        Index("ix_referral_sender_created", "sender_institution_id", "created_at", "id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    #: Human-readable number quoted in e-mails and on the phone (derived from the id, unique).
    number: Mapped[str] = mapped_column(String(32), unique=True)

    person_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    sender_institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    #: The sending staff member (users only; an API client's referrals have none).
    sender_user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    #: Subject of whoever created it (user id or API client id), for the audit trail.
    created_by: Mapped[str] = mapped_column(String(128))
    target_institution_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    #: Copied from the directory when sent: decides whether consent is required.
    target_institution_type: Mapped[str | None] = mapped_column(String(16))
    target_offer_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    service_type_code: Mapped[str | None] = mapped_column(String(48), index=True)
    #: Copied from the catalogue when sent: special-category data (GDPR art. 9).
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    priority: Mapped[str] = mapped_column(String(16), default="routine")
    needs_description: Mapped[str | None] = mapped_column(Text)
    legal_basis_kind: Mapped[str | None] = mapped_column(String(16))
    #: A statutory basis: its code in the directory's legal-basis catalogue, and the citation as
    #: the catalogue gave it (a snapshot; referrals recorded before the catalogue keep only their
    #: free-text citation here and no code).
    legal_basis_code: Mapped[str | None] = mapped_column(String(64))
    legal_basis_article: Mapped[str | None] = mapped_column(String(300))
    consent_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    #: A code of the directory's programme catalogue (checked when set; kept when deactivated).
    programme: Mapped[str | None] = mapped_column(String(40), index=True)
    planned_start_date: Mapped[date | None] = mapped_column(Date)
    planned_end_date: Mapped[date | None] = mapped_column(Date)
    assignee_user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    #: The action of an individual plan (in the client registry) this referral serves, if any.
    plan_action_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    #: The local partnership whose service standard set the answer's deadline (its sender and
    #: receiver are parties of it), when one did.
    deadline_partnership_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)

    parent_referral_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("referral.id"), index=True)
    #: The root of the forwarding tree (itself for a root): the whole chain is one indexed query.
    chain_root_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    chain_depth: Mapped[int] = mapped_column(Integer, default=0)

    status: Mapped[str] = mapped_column(String(24), default="draft")
    business_status: Mapped[str | None] = mapped_column(String(32))
    cancellation_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    acknowledged: Mapped[bool] = mapped_column(Boolean, default=False)
    #: The latest reason given by a reject, withdraw, fail or cancel (and who declined, for reject).
    reason_code: Mapped[str | None] = mapped_column(String(40))
    reason_text: Mapped[str | None] = mapped_column(Text)
    declined_by: Mapped[str | None] = mapped_column(String(16))
    outcome_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    delivered: Mapped[str | None] = mapped_column(Text)

    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: Response deadline (end of the Nth working day) and automatic expiry moment.
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: Idempotent marker of the scheduler's escalation (set without bumping the version).
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    def overdue_at(self, now: datetime) -> bool:
        return self.status == "requested" and self.due_at is not None and self.due_at <= now

    @property
    def overdue(self) -> bool:
        return self.overdue_at(utcnow())

    def party_ids(self) -> set[uuid.UUID]:
        return {i for i in (self.sender_institution_id, self.target_institution_id) if i is not None}


class ReferralEvent(Base):
    """One immutable row per transition: who, which institution, when, from, to, why."""

    __tablename__ = "referral_event"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    referral_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("referral.id"), index=True)
    action: Mapped[str] = mapped_column(String(32))
    from_status: Mapped[str | None] = mapped_column(String(24))
    to_status: Mapped[str] = mapped_column(String(24))
    #: The referral's version after the transition.
    version: Mapped[int] = mapped_column(Integer)
    actor_kind: Mapped[str] = mapped_column(String(16))  # user, client or system
    actor_subject: Mapped[str | None] = mapped_column(String(128))
    actor_institution_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    reason_code: Mapped[str | None] = mapped_column(String(40))
    text: Mapped[str | None] = mapped_column(Text)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


@event.listens_for(ReferralEvent, "before_update")
@event.listens_for(ReferralEvent, "before_delete")
def _referral_events_are_immutable(*_: Any) -> None:
    raise RuntimeError("referral events are immutable")


class Message(Versioned, Base):
    __tablename__ = "referral_message"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    referral_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("referral.id"), index=True)
    author_institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    author_subject: Mapped[str] = mapped_column(String(128))
    author_kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class MessageReceipt(Base):
    """A read receipt: the institution (one of its staff) has read the message."""

    __tablename__ = "message_receipt"

    message_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("referral_message.id", ondelete="CASCADE"), primary_key=True
    )
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    reader_subject: Mapped[str] = mapped_column(String(128))
    read_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Notification(Base):
    """An in-app notification addressed to a user, or to an institution (optionally one role in it),
    so that no user lookup is needed to address it."""

    __tablename__ = "notification"
    __table_args__ = (Index("ix_notification_inst_created", "recipient_institution_id", "created_at"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    recipient_institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    recipient_role: Mapped[str | None] = mapped_column(String(32))
    recipient_user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    kind: Mapped[str] = mapped_column(String(48))
    title: Mapped[str] = mapped_column(String(300))
    referral_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    referral_number: Mapped[str | None] = mapped_column(String(32))
    followup_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class NotificationReceipt(Base):
    __tablename__ = "notification_receipt"

    notification_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("notification.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    read_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class EmailMessage(Base):
    """E-mail outbox: sent by the scheduler, retried with back-off. Addressed to an institution's
    mailbox (resolved from the directory when sent); carries a link and a number, no personal data."""

    __tablename__ = "email_outbox"
    __table_args__ = (Index("ix_email_outbox_status_next", "status", "next_attempt_at"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending, sent, failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_error: Mapped[str | None] = mapped_column(String(200))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class FollowUp(Base):
    """A check at +3 or +6 months after an employment outcome: one set per chain (the first
    employment outcome reported in it), a task for the chain's root sender."""

    __tablename__ = "follow_up"
    __table_args__ = (
        UniqueConstraint("referral_id", "due_months", name="uq_follow_up_referral_months"),
        # One live set per chain: a second employment outcome reported up the chain adds none.
        Index(
            "uq_follow_up_chain_months",
            "chain_root_id",
            "due_months",
            unique=True,
            postgresql_where=text("status <> 'cancelled'"),
            sqlite_where=text("status <> 'cancelled'"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    #: The referral whose outcome it checks (the first completed with an employment outcome).
    referral_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("referral.id"), index=True)
    chain_root_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    #: Who answers it: the chain's root sender.
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    due_months: Mapped[int] = mapped_column(Integer)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open, answered, cancelled
    #: Idempotent marker: the sender was notified that the check is due.
    notified_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    outcome_code: Mapped[str | None] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    answered_by: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class AccessSync(Base):
    """The access a referral gives its receiver in the client registry, as of one version of the
    referral: written in the transaction that changed the referral (so it exists exactly when the
    change committed) and sent to the registry after the commit, retried by the scheduler until
    the registry confirms. Only the newest state of a (referral, receiver) matters: older pending
    ones are superseded when a newer one is written, and the registry ignores stale versions."""

    __tablename__ = "access_sync"
    __table_args__ = (Index("ix_access_sync_open", "done_at", "next_attempt_at"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    referral_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("referral.id"), index=True)
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    #: The referral's version this state belongs to.
    version: Mapped[int] = mapped_column(Integer)
    #: The grant state as sent to ``POST /v1/internal/access-grants`` of the client registry.
    state: Mapped[dict[str, Any]] = mapped_column(JSON)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_error: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: Set when a newer state of the same (referral, receiver) was written before this was sent.
    superseded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class WebhookSubscription(Versioned, TimestampMixin, Base):
    __tablename__ = "webhook_subscription"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    url: Mapped[str] = mapped_column(String(500))
    description: Mapped[str | None] = mapped_column(String(200))
    #: Event types delivered; empty means all referral events.
    event_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: The signing secret, encrypted with the service's webhook key (shown to the admin once).
    secret_encrypted: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[str] = mapped_column(String(128))


class WebhookDelivery(Base):
    __tablename__ = "webhook_delivery"
    __table_args__ = (
        UniqueConstraint("subscription_id", "event_id", name="uq_webhook_delivery_subscription_event"),
        Index("ix_webhook_delivery_status_next", "status", "next_attempt_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    subscription_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("webhook_subscription.id", ondelete="CASCADE"), index=True
    )
    #: The outbox event's id: stable across retries and replays (receivers deduplicate on it).
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    event_type: Mapped[str] = mapped_column(String(80))
    referral_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending, delivered, dead
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_status_code: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(String(200))
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class EventParty(Base):
    """An institution a referral's outbox event concerns (its sender, its receiver, a chain's root
    sender for a descendant's outcome): written with the event, in its transaction, by
    :func:`splot.referrals.publish.publish`; read by the institution's feed in the event's order."""

    __tablename__ = "event_party"

    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    event_seq: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"),
        ForeignKey("outbox_event.seq", ondelete="CASCADE"),
        primary_key=True,
    )


class WebhookAttempt(Base):
    __tablename__ = "webhook_attempt"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    delivery_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("webhook_delivery.id", ondelete="CASCADE"), index=True
    )
    attempted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    status_code: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(String(200))
    duration_ms: Mapped[int] = mapped_column(Integer, default=0)


class OccupancySync(Base):
    """Whether a referral occupies a place of its offer (accepted, in progress or on hold), as of
    one version of the referral: written in the transaction of the transition that changed it and
    delivered to the directory after the commit, retried by the scheduler until the directory
    confirms (see :mod:`splot.referrals.occupancy`). Older pending states of the same referral
    are superseded when a newer one is written; the directory ignores stale versions."""

    __tablename__ = "occupancy_sync"
    __table_args__ = (Index("ix_occupancy_sync_open", "done_at", "next_attempt_at"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    referral_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("referral.id"), index=True)
    offer_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    occupying: Mapped[bool] = mapped_column(Boolean)
    #: The referral's version this state belongs to.
    version: Mapped[int] = mapped_column(Integer)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_error: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    superseded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class PlanActionSync(Base):
    """The state of a referral that serves a plan action (status, outcome, receiver), as of one
    version of the referral: written in the transaction of every transition of such a referral
    and delivered to the client registry after the commit, retried by the scheduler until the
    registry confirms (see :mod:`splot.referrals.plan_actions`). Older pending states of the same
    referral are superseded when a newer one is written; the registry ignores stale versions."""

    __tablename__ = "plan_action_sync"
    __table_args__ = (Index("ix_plan_action_sync_open", "done_at", "next_attempt_at"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    referral_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("referral.id"), index=True)
    plan_action_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    #: The referral's person and sender: the registry checks the referral may serve the action.
    person_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    sender_institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    status: Mapped[str] = mapped_column(String(24))
    outcome_code: Mapped[str | None] = mapped_column(String(40))
    receiver_institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    #: The referral's version this state belongs to.
    version: Mapped[int] = mapped_column(Integer)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_error: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    superseded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
