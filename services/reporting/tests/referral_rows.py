"""Referral facts written straight into the analytical store (for the surveys' cross-tab)."""

from __future__ import annotations

import uuid

from splot.reporting.models import ReferralFact


def referral(
    *, sender: uuid.UUID | None = None, target: uuid.UUID | None = None, month: tuple[int, int], **flags: int
) -> ReferralFact:
    return ReferralFact(
        referral_id=uuid.uuid4(),
        version=1,
        last_event_seq=1,
        chain_depth=0,
        sender_institution_id=sender or uuid.uuid4(),
        target_institution_id=target or uuid.uuid4(),
        service_type="social_work",
        priority="routine",
        status="accepted",
        sent_year=month[0],
        sent_month=month[1],
        referrals=1,
        responded=1,
        **flags,
    )
