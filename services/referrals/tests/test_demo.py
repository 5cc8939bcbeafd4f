"""Demo data: every status, chains, overdue referrals, a populated inbox for every institution."""

import uuid

from sqlalchemy import func, select

from splot.common.events import outbox_event
from splot.referrals import demo
from splot.referrals.models import AccessSync, Message, Notification, Referral, ReferralEvent
from splot.referrals.workflow import Status

KEYS = {
    "pup-wieliczka": "PUP",
    "mgops-wieliczka": "OPS",
    "ops-niepolomice": "OPS",
    "cus-gdow": "CUS",
    "gup-krakow": "PUP",
    "mops-krakow": "OPS",
    "fundacja-wspolny-krok": "NGO",
    "stowarzyszenie-nowy-start": "CIS",
    "fundacja-dobry-adres": "NGO",
    "stowarzyszenie-wolni": "NGO",
    "wup-krakow": "WUP",
    "rops-krakow": "ROPS",
    "ministerstwo": "MINISTRY",
}
MONITORING = {"wup-krakow", "rops-krakow", "ministerstwo"}
#: Offers of the directory's demo institutions (the embedded seeding passes them on).
OFFERS = {"fundacja-wspolny-krok": ("kis", "vocational_counselling")}


def _refs():
    institutions = {
        key: demo.DemoInstitutionRef(
            uuid.uuid5(uuid.NAMESPACE_DNS, key), key, type_, "1219053", OFFERS.get(key, ())
        )
        for key, type_ in KEYS.items()
    }
    persons = [
        demo.DemoPersonRef(uuid.uuid5(uuid.NAMESPACE_DNS, f"person-{i}"), institutions[key].id)
        for i, key in enumerate(
            ["pup-wieliczka", "pup-wieliczka", "mgops-wieliczka", "gup-krakow", "mops-krakow"]
        )
    ]
    return institutions, persons


async def test_demo_seed_populates_every_inbox_and_status(session, app):
    institutions, persons = _refs()
    result = await demo.seed(session, institutions=institutions, persons=persons, settings=app.state.settings)
    assert result.created is True
    referrals = (await session.scalars(select(Referral))).all()
    assert {r.status for r in referrals} == {s.value for s in Status}
    for key, ref in institutions.items():
        inbox = [r for r in referrals if r.target_institution_id == ref.id and r.status != "draft"]
        assert bool(inbox) == (key not in MONITORING), key
    assert any(r.overdue for r in referrals)
    # A PUP -> OPS -> NGO chain with the child's outcome.
    children = [r for r in referrals if r.parent_referral_id is not None]
    assert children and all(r.chain_depth == 1 for r in children)
    ngo_ids = {institutions[k].id for k in ("fundacja-wspolny-krok", "fundacja-dobry-adres")}
    assert any(c.target_institution_id in ngo_ids and c.status == "completed" for c in children)
    # NGOs and CIS were referred with consent, public bodies on a statutory basis.
    by_id = {ref.id: ref for ref in institutions.values()}
    for r in referrals:
        if r.status != "draft":
            expected = (
                "consent" if by_id[r.target_institution_id].type in ("NGO", "CIS", "KIS") else "statutory"
            )
            assert r.legal_basis_kind == expected
    assert (await session.execute(select(func.count()).select_from(Message))).scalar_one() >= 5
    assert (await session.execute(select(func.count()).select_from(Notification))).scalar_one() >= 20
    # The same events the API would emit: one per transition row.
    transitions = (await session.execute(select(func.count()).select_from(ReferralEvent))).scalar_one()
    feed = (await session.execute(select(func.count()).select_from(outbox_event))).scalar_one()
    assert feed == transitions
    sent_types = (await session.scalars(select(outbox_event.c.type).distinct())).all()
    assert {"referral.sent", "referral.forwarded", "referral.completed", "referral.expired"} <= set(
        sent_types
    )
    # Grants: one per sent referral, inactive once the referral has ended.
    sent = [r for r in referrals if r.status != "draft"]
    assert len(result.grants) == len(sent)
    grants = {g.referral_id: g for g in result.grants}
    for r in sent:
        g = grants[r.id]
        assert (g.person_id, g.institution_id, g.covers_sensitive) == (
            r.person_id,
            r.target_institution_id,
            r.sensitive,
        )
        assert g.active == (
            r.status not in ("rejected", "completed", "failed", "cancelled", "entered_in_error")
        )
        assert (
            g.accepted == (r.accepted_at is not None) and g.sender_institution_id == r.sender_institution_id
        )
    assert any(g.covers_sensitive for g in result.grants)
    # The seeding hands these to the registry itself: nothing is left for the scheduler.
    pending = await session.scalar(
        select(func.count())
        .select_from(AccessSync)
        .where(AccessSync.done_at.is_(None), AccessSync.superseded_at.is_(None))
    )
    assert pending == 0


async def test_demo_seed_is_idempotent_and_deterministic(session, app):
    institutions, persons = _refs()
    first = await demo.seed(session, institutions=institutions, persons=persons, settings=app.state.settings)
    count = (await session.execute(select(func.count()).select_from(Referral))).scalar_one()
    again = await demo.seed(session, institutions=institutions, persons=persons, settings=app.state.settings)
    assert again.created is False
    assert (await session.execute(select(func.count()).select_from(Referral))).scalar_one() == count
    assert sorted(g.referral_id for g in again.grants) == sorted(g.referral_id for g in first.grants)
    assert demo.demo_id("referral", "pup-ops-new") in first.referral_ids
