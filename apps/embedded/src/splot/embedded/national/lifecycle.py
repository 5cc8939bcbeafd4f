"""One referral's life, played on a transient ``Referral`` of the referrals service: every
transition moves the version, writes the event row the service would write and the outbox event
(the service's own ``transition_payload``), with the deadlines of the service's working-day
calendar. Steps later than "now" do not happen, so recent referrals are still open."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast
from zoneinfo import ZoneInfo

from splot.common import workdays
from splot.embedded.national.institutions import new_uuid
from splot.referrals.models import Referral
from splot.referrals.publish import transition_payload
from splot.referrals.workflow import TRANSITIONS

GENERATOR = "national-generator"
TZ = "Europe/Warsaw"
WARSAW = ZoneInfo(TZ)


#: Actions whose reason (code and text) the referral keeps (see ``splot.referrals.effects``).
REASON_AND_END = frozenset({"reject", "withdraw", "fail", "cancel", "expire"})
REASON_NOTED = frozenset({"hold", "request_cancellation"})


class ReferralState:
    """A referral's columns as plain attributes: what ``publish.snapshot`` reads, at a tenth of
    the cost of a transient ORM object (millions of them are played)."""

    __slots__ = tuple(c.key for c in Referral.__table__.columns)

    def __init__(self, **values: Any) -> None:
        for name in self.__slots__:
            setattr(self, name, values.pop(name))
        if values:
            raise TypeError(f"not a referral column: {', '.join(values)}")

    overdue_at = Referral.overdue_at

    if TYPE_CHECKING:  # the columns are slots: any of them may be read and set

        def __getattr__(self, name: str) -> Any: ...

        def __setattr__(self, name: str, value: Any) -> None: ...

    def as_referral(self) -> Referral:
        return cast(Referral, self)


#: How many more payloads this process compares with the service's ``transition_payload``.
_VERIFY = 2_000


def _str(value: uuid.UUID | None) -> str | None:
    return None if value is None else str(value)


class Later(Exception):
    """The next step would happen after now."""


@lru_cache(maxsize=200_000)
def deadline(day: date, days: int) -> datetime:
    return workdays.end_of_day(workdays.add_working_days(day, days), TZ)


@lru_cache(maxsize=200_000)
def working_day_after(day: date, days: int) -> date:
    return workdays.add_working_days(day, days)


def local_moment(day: date, rng: random.Random, start: float = 7.5, end: float = 15.5) -> datetime:
    seconds = int((start + rng.random() * (end - start)) * 3600)
    return datetime.combine(day, time(seconds // 3600, seconds // 60 % 60, seconds % 60), WARSAW).astimezone(
        UTC
    )


def after_working_days(moment: datetime, days: int, rng: random.Random) -> datetime:
    """A working-hours moment ``days`` working days after ``moment`` (later the same day for 0)."""
    if days <= 0:
        return moment + timedelta(minutes=rng.randint(20, 300))
    return local_moment(working_day_after(moment.astimezone(WARSAW).date(), days), rng)


class Play:
    """The state of one referral while its story is played."""

    def __init__(self, referral: ReferralState, now: datetime, rng: random.Random) -> None:
        self.r = referral
        self.now = now
        self.rng = rng
        self.events: list[dict[str, Any]] = []  # referral_event rows
        self.outbox: list[dict[str, Any]] = []  # outbox rows without seq (payload as dict)
        self.last: datetime = referral.created_at
        # The ids never change over a story: formatted once (the payloads repeat them).
        r, s = referral, _str
        self._ids = (
            s(r.id), s(r.parent_referral_id), s(r.chain_root_id), s(r.person_id),
            s(r.sender_institution_id), s(r.target_institution_id), s(r.target_offer_id),
        )  # fmt: skip
        self._isos: dict[datetime, str] = {}

    def _at(self, moment: datetime) -> datetime:
        moment = max(moment, self.last + timedelta(seconds=1))
        if moment > self.now:
            raise Later
        self.last = moment
        return moment

    def _iso(self, moment: datetime | None) -> str | None:
        if moment is None:
            return None
        text = self._isos.get(moment)
        if text is None:
            text = self._isos[moment] = moment.astimezone(UTC).isoformat()
        return text

    def payload(
        self, action: str, from_status: str | None, actor: uuid.UUID | None, at: datetime
    ) -> dict[str, Any]:
        """``publish.transition_payload`` of the referral, built faster: the same keys in the same
        order and the same values (the ids, fixed for a story, and each moment formatted once).
        :func:`transition_payload` stays the mapping: ``_emit`` compares the first payloads of
        every process with it, and the tests compare them all."""
        r = self.r
        iso = self._iso
        id_, parent, root, person, sender, target, offer = self._ids
        return {
            "action": action,
            "from_status": from_status,
            "to_status": r.status,
            "actor_institution_id": _str(actor),
            "referral": {
                "id": id_,
                "number": r.number,
                "version": r.version,
                "parent_referral_id": parent,
                "chain_root_id": root,
                "chain_depth": r.chain_depth,
                "person_id": person,
                "sender_institution_id": sender,
                "target_institution_id": target,
                "target_offer_id": offer,
                "service_type_code": r.service_type_code,
                "priority": r.priority,
                "programme": r.programme,
                "status": r.status,
                "business_status": r.business_status,
                "legal_basis_kind": r.legal_basis_kind,
                "reason_code": r.reason_code,
                "declined_by": r.declined_by,
                "outcome_codes": list(r.outcome_codes or []),
                "cancellation_requested": r.cancellation_requested,
                "acknowledged": r.acknowledged,
                "created_at": iso(r.created_at),
                "sent_at": iso(r.sent_at),
                "responded_at": iso(r.responded_at),
                "accepted_at": iso(r.accepted_at),
                "started_at": iso(r.started_at),
                "ended_at": iso(r.ended_at),
                "due_at": iso(r.due_at),
                "overdue": r.status == "requested" and r.due_at is not None and r.due_at <= at,
            },
        }

    def _emit(
        self, event_type: str, action: str, from_status: str | None, actor: uuid.UUID | None, at: datetime
    ) -> None:
        global _VERIFY
        payload = self.payload(action, from_status, actor, at)
        if _VERIFY > 0:
            _VERIFY -= 1
            expected = transition_payload(
                self.r.as_referral(),
                action=action,
                from_status=from_status,
                actor_institution_id=actor,
                now=at,
            )
            if payload != expected or list(payload["referral"]) != list(expected["referral"]):
                raise RuntimeError(
                    f"the loader's snapshot differs from publish.snapshot: {payload} != {expected}"
                )
        self.outbox.append(
            {
                "id": new_uuid(self.rng),
                "type": event_type,
                "aggregate_type": "referral",
                "aggregate_id": str(self.r.id),
                "occurred_at": at,
                "payload": payload,
            }
        )

    def escalate_if_due(self, until: datetime) -> None:
        """The scheduler's escalation once a requested referral passes its deadline."""
        r = self.r
        if r.status == "requested" and r.escalated_at is None and r.due_at is not None and r.due_at < until:
            at = self._at(r.due_at + timedelta(minutes=self.rng.randint(1, 30)))
            r.escalated_at = at
            self._emit("referral.overdue", "overdue", r.status, None, at)

    def step(
        self,
        action: str,
        moment: datetime,
        *,
        actor: uuid.UUID | None,
        reason_code: str | None = None,
        text: str | None = None,
        details: dict[str, Any] | None = None,
        **changes: Any,
    ) -> datetime:
        self.escalate_if_due(min(moment, self.now))
        at = self._at(moment)
        t = TRANSITIONS[action]
        r = self.r
        from_status = r.status
        for name, value in changes.items():
            setattr(r, name, value)
        if action == "send":
            r.sent_at = at
        elif action == "accept":
            r.responded_at = r.accepted_at = at
        elif action == "reject":
            r.responded_at = at
        elif action == "start":
            r.started_at = r.started_at or at
        if action in REASON_AND_END or (action in REASON_NOTED and (reason_code or text)):
            r.reason_code, r.reason_text = reason_code, text
        if t.to_status is not None:
            r.status = str(t.to_status)
        if t.sets_flag:
            setattr(r, t.sets_flag, True)
        if r.status in ("rejected", "completed", "failed", "cancelled") and r.ended_at is None:
            r.ended_at = at
        if action != "send" or r.version > 1 or r.parent_referral_id is None:
            r.version += 1
        r.updated_at = at
        self.events.append(
            {
                "id": new_uuid(self.rng),
                "referral_id": r.id,
                "action": action,
                "from_status": from_status,
                "to_status": r.status,
                "version": r.version,
                "actor_kind": "system" if actor is None else "client",
                "actor_subject": None if actor is None else GENERATOR,
                "actor_institution_id": actor,
                "reason_code": reason_code,
                "text": text,
                "payload": details or {},
                "occurred_at": at,
            }
        )
        assert t.event_type is not None
        self._emit(t.event_type, action, from_status, actor, at)
        return at

    def finish(self) -> None:
        try:
            self.escalate_if_due(self.now)
        except Later:
            pass
