"""Turning event payloads into facts: pseudonyms, the working-day calendar, derived measures."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from splot.common.workdays import is_working_day

TERMINAL = frozenset({"rejected", "completed", "failed", "cancelled", "entered_in_error"})
OPEN = frozenset({"requested", "accepted", "in_progress", "on_hold"})


class Pseudonymiser:
    """Keyed hash of registry person ids (HMAC-SHA256): stable for joins, not reversible without
    the key, and the raw id is never stored."""

    def __init__(self, key: str) -> None:
        self._key = key.encode()

    def __call__(self, person_id: object) -> str | None:
        if person_id is None:
            return None
        return hmac.new(self._key, str(person_id).strip().lower().encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Calendar:
    zone: ZoneInfo

    @classmethod
    def named(cls, name: str) -> Calendar:
        return cls(ZoneInfo(name))

    def local_date(self, moment: datetime) -> date:
        return moment.astimezone(self.zone).date()

    def load_holidays(self) -> None:
        """Load the holiday calendar (the ``holidays`` package's country modules take a noticeable
        fraction of a second to import) for this year."""
        _working_days_of_year(datetime.now(self.zone).year)

    def working_days(self, start: datetime | None, end: datetime | None) -> int | None:
        if start is None or end is None:
            return None
        return working_days_between(self.local_date(start), self.local_date(end))


@cache
def _working_days_of_year(year: int) -> tuple[int, tuple[int, ...]]:
    """The ordinal of 1 January of ``year`` and, for each day of the year from that one, the number
    of working days from 1 January up to and including it (the common calendar's
    :func:`~splot.common.workdays.is_working_day`)."""
    first = date(year, 1, 1)
    counts: list[int] = []
    count = 0
    day = first
    while day.year == year:
        count += is_working_day(day)
        counts.append(count)
        day += timedelta(days=1)
    return first.toordinal(), tuple(counts)


def _working_days_to(day: date) -> int:
    first, counts = _working_days_of_year(day.year)
    return counts[day.toordinal() - first]


def working_days_between(start: date, end: date) -> int:
    """:func:`splot.common.workdays.working_days_between` (working days after ``start`` up to and
    including ``end``) from per-year running counts: a few look-ups instead of a step per day (a
    rebuild computes three durations for each of millions of facts)."""
    if end <= start:
        return 0
    if start.year == end.year:
        return _working_days_to(end) - _working_days_to(start)
    days = _working_days_of_year(start.year)[1][-1] - _working_days_to(start)
    for year in range(start.year + 1, end.year):
        days += _working_days_of_year(year)[1][-1]
    return days + _working_days_to(end)


def parse_datetime(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        moment = value
    else:
        moment = datetime.fromisoformat(value if isinstance(value, str) else str(value))  # "Z" included
    if moment.tzinfo is None:
        raise ValueError("timestamps in feeds must carry a timezone")
    return moment


def parse_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


@dataclass(frozen=True)
class _Moments:
    """The timestamps of a referral snapshot, parsed."""

    sent: datetime | None
    responded: datetime | None
    accepted: datetime | None
    started: datetime | None
    ended: datetime | None
    due: datetime | None

    @classmethod
    def of(cls, snapshot: Mapping[str, Any]) -> _Moments:
        """From a snapshot's values (ISO 8601 text, or datetimes already parsed)."""
        return cls(
            sent=parse_datetime(snapshot.get("sent_at")),
            responded=parse_datetime(snapshot.get("responded_at")),
            accepted=parse_datetime(snapshot.get("accepted_at")),
            started=parse_datetime(snapshot.get("started_at")),
            ended=parse_datetime(snapshot.get("ended_at")),
            due=parse_datetime(snapshot.get("due_at")),
        )


def _sla_state(status: str, at: _Moments, *, counted: bool, overdue: bool) -> str | None:
    """met / missed / pending / not_applicable; None when there is no deadline or it is not counted."""
    if at.due is None or not counted:
        return None
    if at.responded is not None:
        return "met" if at.responded <= at.due else "missed"
    if overdue:
        return "missed"
    if status in TERMINAL:
        return "not_applicable"  # withdrawn before the deadline, never answered
    return "pending"


def _measure_flags(
    snapshot: dict[str, Any],
    at: _Moments,
    *,
    outcomes: set[str],
    overdue: bool,
    sla_state: str | None,
    employment_outcomes: Collection[str],
    followup_3m: str | None,
    followup_6m: str | None,
) -> dict[str, bool]:
    """Whether the referral counts towards each count measure (before the ``counted`` check)."""
    status = snapshot["status"]
    ended = at.accepted is not None and status in ("completed", "failed", "cancelled")
    reported = (status == "completed" and bool(outcomes)) or (
        status in ("failed", "cancelled") and bool(snapshot.get("reason_code"))
    )
    employment = status == "completed" and bool(outcomes & set(employment_outcomes))
    return {
        "referrals": True,
        "responded": at.responded is not None,
        "accepted": at.accepted is not None,
        "rejected": status == "rejected",
        "rejected_by_client": status == "rejected" and snapshot.get("declined_by") == "client",
        "rejected_by_provider": status == "rejected" and snapshot.get("declined_by") == "provider",
        "started": at.started is not None,
        "completed": status == "completed",
        "failed": status == "failed",
        "cancelled": status == "cancelled",
        "open": status in OPEN,
        "ended": ended,
        "closed_loop": ended and reported,
        "acknowledged": status in ("completed", "failed") and bool(snapshot.get("acknowledged")),
        "sla_met": sla_state == "met",
        "sla_missed": sla_state == "missed",
        "overdue": status == "requested" and overdue,
        "forwarded": int(snapshot.get("chain_depth") or 0) > 0,
        "employment_outcome": employment,
        "followup_3m_answered": employment and followup_3m is not None,
        "followup_3m_employed": employment and followup_3m in employment_outcomes,
        "followup_6m_answered": employment and followup_6m is not None,
        "followup_6m_employed": employment and followup_6m in employment_outcomes,
    }


def derive(
    snapshot: dict[str, Any],
    *,
    calendar: Calendar,
    employment_outcomes: Collection[str],
    followup_3m: str | None,
    followup_6m: str | None,
    moments: Mapping[str, datetime | None] | None = None,
) -> dict[str, Any]:
    """The derived columns of a referral fact (cohort, durations, SLA state, measure flags);
    ``moments``: the snapshot's timestamps already parsed (``sent_at`` etc.), if the caller has them."""
    status = snapshot["status"]
    at = _Moments.of(snapshot if moments is None else moments)
    outcomes = set(snapshot.get("outcome_codes") or [])
    overdue = bool(snapshot.get("overdue"))
    counted = at.sent is not None and status not in ("draft", "entered_in_error")
    cohort = calendar.local_date(at.sent) if counted and at.sent else None
    sla_state = _sla_state(status, at, counted=counted, overdue=overdue)
    flags = _measure_flags(
        snapshot,
        at,
        outcomes=outcomes,
        overdue=overdue,
        sla_state=sla_state,
        employment_outcomes=employment_outcomes,
        followup_3m=followup_3m,
        followup_6m=followup_6m,
    )
    return {
        "sent_year": cohort.year if cohort else None,
        "sent_month": cohort.month if cohort else None,
        "sla_state": sla_state,
        "response_days": calendar.working_days(at.sent, at.responded) if counted else None,
        "start_days": calendar.working_days(at.sent, at.started) if counted else None,
        "completion_days": calendar.working_days(at.sent, at.ended)
        if counted and status == "completed"
        else None,
        **{name: int(bool(value) and counted) for name, value in flags.items()},
    }
