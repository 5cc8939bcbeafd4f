"""The work of a synthetic partnership (see :mod:`splot.embedded.national.partnerships`): client
selection criteria, the service standard, yearly targets, the action plan's tasks, meetings about
every quarter with their decisions and minutes, and each party's yearly evaluation (with its
``evaluation.submitted`` event). Also the texts they are written with."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from splot.common import problem_areas
from splot.directory.partnerships.lifecycle import in_force_from
from splot.embedded.national.bulk import dumps
from splot.embedded.national.institutions import new_uuid
from splot.embedded.national.lifecycle import GENERATOR

if TYPE_CHECKING:
    from splot.embedded.national.partnerships import Agreement, Builder, Partnership

FIRST = ("Anna", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Tomasz", "Piotr", "Marek", "Jan")
LAST = ("Nowak", "Kowalska", "Wiśniewska", "Wójcik", "Kamińska", "Lewandowski", "Zieliński", "Szymański")
PURPOSES = (
    "Wspólna usługa aktywizacji społeczno-zawodowej osób długotrwale bezrobotnych korzystających z pomocy społecznej.",
    "Skoordynowane wsparcie rodzin w kryzysie: diagnoza, praca socjalna, pośrednictwo pracy i poradnictwo.",
    "Model kooperacji PUP, OPS i organizacji pozarządowych w realizacji Programu Aktywizacja i Integracja.",
    "Wzajemne kierowanie klientów i wspólne planowanie wsparcia osób zagrożonych wykluczeniem społecznym.",
)
SCOPES = (
    "Strony wspólnie świadczą usługę według standardu (załącznik 1), wymieniają skierowania w Splot "
    "i raz w roku oceniają współpracę.",
    "Zmiana standardu usługi: krótsze terminy odpowiedzi i nowe etapy wsparcia.",
)
ANNEX = {"title": "Standard usługi", "text": "Kroki usługi, wykonawcy i terminy w dniach roboczych."}
STEPS = (
    ("Wspólna diagnoza sytuacji osoby", "OPS", "social_work", 5),
    ("Pośrednictwo pracy i doradztwo zawodowe", "PUP", "job_placement", 7),
    ("Doradztwo zawodowe", "PUP", "vocational_counselling", 5),
    ("Wsparcie organizacji pozarządowej (trening, mentoring)", "NGO", None, 10),
    ("Zatrudnienie socjalne w CIS", "CIS", None, 14),
    ("Informacja zwrotna o rezultacie do kierującego", None, None, 5),
)
TASKS = (
    "Uzgodnienie standardu usługi",
    "Szkolenie kadr z pracy w Splot",
    "Wspólny nabór uczestników",
    "Przygotowanie wspólnej ulotki dla klientów",
    "Mapa usług partnerów w powiecie",
    "Wspólne spotkania informacyjne dla klientów",
    "Przegląd terminów odpowiedzi na skierowania",
)
AGENDAS = (
    "Przyjęcie planu działania; harmonogram spotkań.",
    "Przegląd skierowań i terminów odpowiedzi.",
    "Ocena półrocza; wnioski do standardu usługi.",
    "Wspólny nabór uczestników; sprawy bieżące.",
    "Wyniki zatrudnienia uczestników; plan na kolejny rok.",
)
DECISIONS = (
    "Przyjęto sprawozdanie z realizacji planu.",
    "Ustalono termin kolejnego spotkania.",
    "Uzgodniono wspólną listę kontaktów.",
    "Przyjęto zmiany w harmonogramie zadań.",
)
WORKS = (
    "Szybkie skierowania i wspólna diagnoza.",
    "Regularne spotkania zespołu.",
    "Dobra wymiana informacji.",
)
BARRIERS = (
    "Rotacja kadr.",
    "Długie terminy odpowiedzi.",
    "Brak środków na wsparcie.",
    "Niska motywacja klientów.",
)
PROPOSALS = (
    "Krótszy termin odpowiedzi w standardzie.",
    "Więcej wspólnych szkoleń.",
    "Stały dyżur doradcy w OPS.",
)
#: (indicator, baseline range, improvement): the targets a partnership sets itself.
TARGETS = (
    ("sla_compliance", (0.6, 0.8), 0.1),
    ("closed_loop_rate", (0.4, 0.6), 0.2),
    ("acceptance_rate", (0.6, 0.8), 0.1),
    ("employment_outcome", (2, 10), 1.6),
)


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def partnership_name(rng: random.Random, powiat: str) -> str:
    area = f"powiat {powiat}" if powiat[:1].islower() else powiat
    return (
        rng.choice(("Partnerstwo na rzecz integracji społecznej", "Lokalne partnerstwo PUP–OPS"))
        + f" – {area}"
    )


def _at(rng: random.Random, day: date) -> datetime:
    return datetime(day.year, day.month, day.day, rng.randint(7, 14), rng.randint(0, 59), tzinfo=UTC)


def add(b: Builder, p: Partnership, agreed: Agreement | None) -> None:
    """The partnership's plan, meetings and (once its agreement is in force) evaluations."""
    rng = b.rng
    start = (in_force_from(agreed) if agreed else None) or p.created_at.date() + timedelta(days=14)
    parties = [x.institution for x in p.parties if x.state == "party"]
    b.add("partnership_criteria", {
        "partnership_id": p.id, "teryt_codes": dumps([p.powiat]), "age_min": 18,
        "age_max": rng.choice((64, 60, None)), "labour_office_status": rng.choice(("unemployed", "any", "jobseeker")),
        "social_assistance_use": rng.choice(("current", "any", "past")), "notes": None,
    })  # fmt: skip
    types = {i.type for i in parties}
    steps = [s for s in STEPS if s[1] is None or s[1] in types or (s[1] == "OPS" and "CUS" in types)]
    for position, (name, performer, service, days) in enumerate(steps, start=1):
        b.add("partnership_standard_step", {
            "id": new_uuid(rng), "partnership_id": p.id, "position": position, "name": name,
            "performer_institution_id": None, "performer_type": performer,
            "service_type_code": service if service in b.service_types else None, "deadline_working_days": days,
        })  # fmt: skip
    if agreed is not None:
        for year in range(start.year, b.today.year + 1):
            for code, (low, high), better in rng.sample(TARGETS, rng.randint(2, 3)):
                base = rng.uniform(low, high) if isinstance(low, float) else float(rng.randint(low, high))
                goal = min(0.98, base + better) if isinstance(low, float) else round(base * better)
                b.add("partnership_target", {
                    "id": new_uuid(rng), "partnership_id": p.id, "indicator_code": code, "period": str(year),
                    "baseline": round(base, 2), "target_value": round(goal, 2), "direction": "at_least",
                })  # fmt: skip
    for n, title in enumerate(rng.sample(TASKS, rng.randint(3, 5))):
        begins = start + timedelta(days=30 * n + rng.randint(0, 20))
        _task(
            b, p, title, rng.choice(parties).id, begins, begins + timedelta(days=rng.randint(30, 240)), None
        )
    _meetings(b, p, parties, start)
    if agreed is not None:
        _evaluations(b, p, start)


def _task(
    b: Builder,
    p: Partnership,
    title: str,
    owner: uuid.UUID,
    starts: date,
    due: date,
    meeting: uuid.UUID | None,
) -> uuid.UUID:
    rng, today = b.rng, b.today
    if due < today:
        status = "cancelled" if rng.random() < 0.08 else "done"
    else:
        status = "in_progress" if starts <= today else "planned"
    created = _at(rng, min(starts, today - timedelta(days=1)) - timedelta(days=rng.randint(0, 10)))
    task_id = new_uuid(rng)
    b.add("partnership_task", {
        "id": task_id, "version": 1 if status == "planned" else 2, "created_at": created,
        "updated_at": _at(rng, min(due, today - timedelta(days=1))) if status != "planned" else created,
        "partnership_id": p.id, "title": title, "description": None, "owner_institution_id": owner,
        "starts_on": starts, "due_on": due, "status": status, "meeting_id": meeting,
    })  # fmt: skip
    return task_id


def _meetings(b: Builder, p: Partnership, parties: list[Any], start: date) -> None:
    rng = b.rng
    day = start + timedelta(days=rng.randint(5, 40))
    number = 0
    while day < b.today:
        number += 1
        following = day + timedelta(days=rng.randint(75, 120))
        meeting_id = new_uuid(rng)
        decisions: list[dict[str, Any]] = [{"text": t, "task_id": None} for t in rng.sample(DECISIONS, 2)]
        if rng.random() < 0.3 and len(parties) > 1:
            owner = rng.choice(parties).id
            title = rng.choice(TASKS)
            task = _task(b, p, title, owner, day, day + timedelta(days=rng.randint(30, 90)), meeting_id)
            decisions.append({"text": f"Zadanie: {title}.", "task_id": str(task)})
        present = sorted({str(p.leader.id), *(str(i.id) for i in parties if rng.random() < 0.8)})
        created = _at(rng, min(day + timedelta(days=1), b.today - timedelta(days=1)))
        b.add("partnership_meeting", {
            "id": meeting_id, "version": 1, "created_at": created, "updated_at": created, "partnership_id": p.id,
            "held_on": day, "present_institution_ids": dumps(present), "agenda": rng.choice(AGENDAS),
            "decisions": dumps(decisions),
            "minutes": dumps({"title": f"Protokół nr {number}/{day.year}", "file_name": f"protokol-{number}-{day.year}.pdf",
                              "media_type": "application/pdf"}),
            "next_meeting_on": following, "recorded_by_institution_id": p.leader.id,
        })  # fmt: skip
        day = following


def _evaluations(b: Builder, p: Partnership, start: date) -> None:
    """Each party's evaluation of every whole year it was a party in force (from mid-year),
    submitted in January–February of the next year."""
    rng, codes = b.rng, [c for c in problem_areas.codes() if c != "other"]
    for year in range(start.year, b.today.year):
        if start > date(year, 6, 30):
            continue
        for party in p.parties:
            joined = party.joined_on
            if joined is None or joined > date(year, 6, 30) or rng.random() > 0.8:
                continue
            at = _at(rng, date(year + 1, 1, 10) + timedelta(days=rng.randint(0, 45)))
            if at >= b.now:
                continue
            areas = sorted(rng.sample(codes, rng.choice((0, 1, 1, 2, 2, 3))))
            score = rng.choices((1, 2, 3, 4, 5), weights=(3, 10, 30, 40, 17))[0]
            evaluation_id = new_uuid(rng)
            b.add("partnership_evaluation", {
                "id": evaluation_id, "partnership_id": p.id, "institution_id": party.institution.id,
                "period": str(year), "what_works": rng.choice(WORKS), "barriers": rng.choice(BARRIERS),
                "proposals": rng.choice(PROPOSALS), "score": score, "problem_areas": dumps(areas),
                "submitted_by_subject": GENERATOR, "submitted_at": at,
            })  # fmt: skip
            b.event("evaluation.submitted", "evaluation", {
                "id": str(evaluation_id), "partnership_id": str(p.id), "institution_id": str(party.institution.id),
                "period": str(year), "score": score, "problem_areas": areas, "submitted_at": at.isoformat(),
            }, at)  # fmt: skip
