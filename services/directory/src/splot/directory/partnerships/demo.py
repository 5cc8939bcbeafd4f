"""The demo's Wieliczka partnership: the PUP, the MGOPS, the CUS in Gdów and the Fundacja
Wspólny Krok, with the Stowarzyszenie Wolni od Nałogu invited; an agreement confirmed by every
party, an amendment still pending, a plan, a service standard, targets, two meetings and the
first evaluations. Written directly (the demo has no acting user) with the events the API emits."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from splot.directory.models import AgreementConfirmation, Institution, PartnershipAgreement
from splot.directory.partnerships import agreements, core
from splot.directory.partnerships.models import (
    Evaluation,
    Meeting,
    Partnership,
    PartnershipParty,
    PartnershipTarget,
    PlanTask,
    SelectionCriteria,
    StandardStep,
)

DemoId = Callable[[str, str], uuid.UUID]

#: Party key -> the demo login that confirms for it (a coordinator or an administrator).
SIGNATORIES = {
    "pup-wieliczka": "pup.koordynator@splot.example",
    "mgops-wieliczka": "ops.koordynator@splot.example",
    "cus-gdow": "cus@splot.example",
    "fundacja-wspolny-krok": "ngo.koordynator@splot.example",
}
INVITED = "stowarzyszenie-wolni"
JOINED_ON = date(2026, 1, 15)


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 10, tzinfo=UTC)


async def seed(session: AsyncSession, *, demo_id: DemoId, today: date) -> None:
    ids = {key: demo_id("institution", key) for key in [*SIGNATORIES, INVITED]}
    pid = demo_id("partnership", "wieliczka")
    coordinator = demo_id("user", SIGNATORIES["mgops-wieliczka"])
    partnership = Partnership(
        id=pid,
        name="Partnerstwo na rzecz integracji społecznej w powiecie wielickim",
        purpose=(
            "Standardowa usługa aktywizacji społeczno-zawodowej świadczona wspólnie przez PUP, "
            "ośrodki pomocy społecznej i organizacje pozarządowe (model kooperacji)."
        ),
        area_teryt=["1219"],
        programme="PAI",
        proposed_by_institution_id=ids["mgops-wieliczka"],
        leader_institution_id=ids["mgops-wieliczka"],
        coordinator_subject=str(coordinator),
        coordinator_name="Tomasz Koordynator",
        created_at=_at(date(2026, 1, 8)),
        parties=[
            PartnershipParty(
                institution_id=inst,
                state="party",
                invited_at=_at(date(2026, 1, 8)),
                answered_at=_at(JOINED_ON),
                joined_on=JOINED_ON,
                contact_name="Osoba kontaktowa",
            )
            for key, inst in ids.items()
            if key != INVITED
        ]
        + [
            PartnershipParty(institution_id=ids[INVITED], state="invited", invited_at=_at(date(2026, 11, 20)))
        ],
    )
    session.add(partnership)
    await session.flush()
    await core.emit_partnership(session, "partnership.created", partnership, today)
    first = await _agreement(
        session, demo_id, partnership, ids, number=1, confirmed_by=list(SIGNATORIES), today=today
    )
    await _agreement(
        session,
        demo_id,
        partnership,
        ids,
        number=2,
        confirmed_by=["mgops-wieliczka", "pup-wieliczka"],
        today=today,
        amends=first,
    )
    _plan(session, demo_id, pid, ids)
    _meetings(session, demo_id, pid, ids)
    await session.flush()


async def _agreement(
    session: AsyncSession,
    demo_id: DemoId,
    partnership: Partnership,
    ids: dict[str, uuid.UUID],
    *,
    number: int,
    confirmed_by: list[str],
    today: date,
    amends: PartnershipAgreement | None = None,
) -> PartnershipAgreement:
    parties = [await session.get(Institution, ids[key]) for key in SIGNATORIES]
    confirmed_day = date(2026, 1, 30) if number == 1 else date(2026, 11, 28)
    agreement = PartnershipAgreement(
        id=demo_id("agreement", f"partnerstwo-wieliczka-{number}"),
        partnership_id=partnership.id,
        number=number,
        amends_id=amends.id if amends else None,
        title="Porozumienie partnerskie" if number == 1 else "Aneks nr 1 do porozumienia partnerskiego",
        document_number=f"MGOPS-WIE/PART/2026/{number}",
        scope=(
            "Strony wspólnie świadczą usługę aktywizacji według standardu (załącznik 1), "
            "wymieniają skierowania w Splot i oceniają współpracę co pół roku."
            if number == 1
            else "Włączenie Stowarzyszenia Wolni od Nałogu i skrócenie terminu odpowiedzi PUP do 3 dni."
        ),
        annexes=[
            {"title": "Standard usługi", "text": "Kroki usługi, wykonawcy i terminy w dniach roboczych."}
        ],
        valid_from=date(2026, 2, 1) if number == 1 else date(2027, 1, 1),
        valid_to=None,
        created_by_institution_id=ids["mgops-wieliczka"],
        parties=parties,
        confirmations=[
            AgreementConfirmation(
                institution_id=ids[key],
                confirmed_by_subject=str(demo_id("user", SIGNATORIES[key])),
                confirmed_by_role="coordinator",
                confirmed_at=_at(confirmed_day),
            )
            for key in confirmed_by
        ],
        confirmed_on=confirmed_day if set(confirmed_by) == set(SIGNATORIES) else None,
    )
    session.add(agreement)
    await session.flush()
    await agreements.emit_agreement(session, "agreement.created", agreement, today)
    if agreement.confirmed_on is not None:
        await agreements.emit_agreement(session, "agreement.confirmed", agreement, today)
    return agreement


def _plan(session: AsyncSession, demo_id: DemoId, pid: uuid.UUID, ids: dict[str, uuid.UUID]) -> None:
    session.add(
        SelectionCriteria(
            partnership_id=pid,
            teryt_codes=["1219"],
            age_min=18,
            age_max=64,
            labour_office_status="unemployed",
            social_assistance_use="current",
            notes="Osoby długotrwale bezrobotne korzystające z pomocy społecznej.",
        )
    )
    steps = [
        ("Wspólna diagnoza sytuacji osoby", ids["mgops-wieliczka"], None, "social_work", 5),
        ("Pośrednictwo pracy i doradztwo zawodowe", None, "PUP", "job_placement", 7),
        ("Doradztwo zawodowe", ids["pup-wieliczka"], None, "vocational_counselling", 5),
        ("Wsparcie organizacji pozarządowej (trening, mentoring)", None, "NGO", None, 10),
        ("Informacja zwrotna o rezultacie do kierującego", None, None, None, 5),
    ]
    for position, (name, performer, performer_type, service, days) in enumerate(steps, start=1):
        session.add(
            StandardStep(
                id=demo_id("standard-step", f"wieliczka-{position}"),
                partnership_id=pid,
                position=position,
                name=name,
                performer_institution_id=performer,
                performer_type=performer_type,
                service_type_code=service,
                deadline_working_days=days,
            )
        )
    for code, baseline, target in (
        ("sla_compliance", 0.72, 0.9),
        ("employment_outcome", 4, 12),
        ("closed_loop_rate", 0.5, 0.8),
    ):
        session.add(
            PartnershipTarget(
                id=demo_id("target", f"wieliczka-{code}"),
                partnership_id=pid,
                indicator_code=code,
                period="2026",
                baseline=baseline,
                target_value=target,
                direction="at_least",
            )
        )
    tasks = [
        ("Uzgodnienie standardu usługi", "mgops-wieliczka", date(2026, 2, 1), date(2026, 2, 28), "done"),
        (
            "Szkolenie kadr z pracy w Splot",
            "fundacja-wspolny-krok",
            date(2026, 3, 1),
            date(2026, 4, 30),
            "done",
        ),
        ("Wspólny nabór uczestników", "pup-wieliczka", date(2026, 4, 1), date(2026, 12, 31), "in_progress"),
    ]
    for n, (title, owner, start, due, status) in enumerate(tasks, start=1):
        session.add(
            PlanTask(
                id=demo_id("task", f"wieliczka-{n}"),
                partnership_id=pid,
                title=title,
                owner_institution_id=ids[owner],
                starts_on=start,
                due_on=due,
                status=status,
            )
        )


def _meetings(session: AsyncSession, demo_id: DemoId, pid: uuid.UUID, ids: dict[str, uuid.UUID]) -> None:
    present = sorted(str(ids[key]) for key in SIGNATORIES)
    first = demo_id("meeting", "wieliczka-1")
    task = demo_id("task", "wieliczka-4")
    session.add_all(
        [
            Meeting(
                id=first,
                partnership_id=pid,
                held_on=date(2026, 3, 10),
                present_institution_ids=present,
                agenda="Przyjęcie standardu usługi; plan działania na 2026 r.",
                decisions=[
                    {"text": "Przyjęto standard usługi.", "task_id": None},
                    {"text": "Przygotować wspólną ulotkę dla klientów.", "task_id": str(task)},
                ],
                minutes={
                    "title": "Protokół nr 1/2026",
                    "file_name": "protokol-1-2026.pdf",
                    "media_type": "application/pdf",
                },
                next_meeting_on=date(2026, 6, 16),
                recorded_by_institution_id=ids["mgops-wieliczka"],
            ),
            Meeting(
                id=demo_id("meeting", "wieliczka-2"),
                partnership_id=pid,
                held_on=date(2026, 6, 16),
                present_institution_ids=present[:3],
                agenda="Ocena półrocza; terminy odpowiedzi PUP.",
                decisions=[{"text": "Zaproponować aneks skracający termin odpowiedzi PUP.", "task_id": None}],
                minutes={
                    "title": "Protokół nr 2/2026",
                    "file_name": "protokol-2-2026.pdf",
                    "media_type": "application/pdf",
                },
                next_meeting_on=date(2026, 12, 15),
                recorded_by_institution_id=ids["mgops-wieliczka"],
            ),
            PlanTask(
                id=task,
                partnership_id=pid,
                title="Wspólna ulotka dla klientów",
                owner_institution_id=ids["fundacja-wspolny-krok"],
                due_on=date(2026, 4, 30),
                status="done",
                meeting_id=first,
            ),
        ]
    )
    for key, score in (("mgops-wieliczka", 4), ("pup-wieliczka", 3), ("fundacja-wspolny-krok", 5)):
        session.add(
            Evaluation(
                id=demo_id("evaluation", f"wieliczka-{key}-2026-H1"),
                partnership_id=pid,
                institution_id=ids[key],
                period="2026-H1",
                what_works="Wspólna diagnoza i szybkie skierowania.",
                barriers="Rotacja kadr; terminy odpowiedzi PUP.",
                proposals="Krótszy termin odpowiedzi w standardzie.",
                score=score,
                submitted_by_subject=str(demo_id("user", SIGNATORIES[key])),
                submitted_at=_at(date(2026, 7, 1)),
            )
        )
