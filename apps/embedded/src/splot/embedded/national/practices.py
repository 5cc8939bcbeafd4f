"""A handful of published good practices of the synthetic country: each described by a party of a
partnership whose agreement is in force, created, submitted, accepted and published (the
workflow's transitions recorded), its content checked by the service's own ``PracticeWrite``."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from splot.embedded.national.bulk import Loader, dumps
from splot.embedded.national.institutions import new_uuid
from splot.embedded.national.lifecycle import GENERATOR
from splot.embedded.national.partnerships import Loaded, derived
from splot.reporting.practices.schemas import PracticeWrite
from splot.reporting.practices.service import area_key, fold

#: (title, summary, problem areas, topic tags, results)
PRACTICES = (
    ("Dyżur doradcy zawodowego w ośrodku pomocy społecznej",
     "Doradca PUP przyjmuje klientów OPS raz w tygodniu na miejscu; wspólna diagnoza zamiast dwóch wizyt.",
     ["information_flow", "service_availability"], ["doradztwo", "wspólna diagnoza"],
     "Więcej osób podjęło zatrudnienie lub szkolenie."),
    ("Jeden plan działania dla rodziny",
     "Pracownik socjalny i doradca klienta PUP uzgadniają jeden plan, a organizacja pozarządowa prowadzi mentoring.",
     ["organisational", "communication"], ["plan indywidualny", "mentoring"],
     "Krótszy czas od skierowania do rozpoczęcia wsparcia."),
    ("Szybka informacja zwrotna o skierowaniu",
     "Każde skierowanie ma odpowiedź w trzy dni robocze; wyniki omawiane na kwartalnych spotkaniach partnerstwa.",
     ["information_flow"], ["skierowania", "terminy"], "Odsetek skierowań z informacją zwrotną wzrósł."),
    ("Wspólne szkolenia kadr PUP, OPS i NGO",
     "Dwa razy w roku wspólne szkolenie z pracy w Splot i z przepisów o aktywizacji.",
     ["staffing", "legal"], ["szkolenia"], "Mniej skierowań odrzuconych z powodów formalnych."),
    ("Zatrudnienie socjalne w CIS z opieką OPS",
     "Uczestnicy CIS mają stałego pracownika socjalnego; PUP przejmuje ich po zakończeniu zajęć.",
     ["client_related", "financial"], ["CIS", "zatrudnienie socjalne"], "Więcej uczestników kończy program."),
    ("Mapa usług partnerów w powiecie",
     "Wspólna, aktualizowana co kwartał mapa usług i wolnych miejsc u partnerów.",
     ["service_availability"], ["mapa usług"], "Mniej skierowań do usług bez wolnych miejsc."),
)  # fmt: skip


async def load(reporting: Loader, rng: random.Random, partnered: Loaded, *, now: datetime) -> int:
    """Up to six published practices; returns how many. ``rng`` is not drawn from."""
    rng = derived(rng, "practices")
    authors = [a for a in partnered.authors if a[2] < now.date() - timedelta(days=120)]
    practices: list[dict[str, Any]] = []
    transitions: list[dict[str, Any]] = []
    for (title, summary, areas, tags, results), (inst, partnership_id, since) in zip(
        PRACTICES, rng.sample(authors, min(len(authors), len(PRACTICES))), strict=False
    ):
        data = PracticeWrite.model_validate({
            "title": title, "summary": summary, "since": since.isoformat(), "problem_areas": areas,
            "partnership_id": str(partnership_id), "topic_tags": tags, "target_groups": ["osoby bezrobotne"],
            "results": results, "numeric_results": [{"label": "Uczestnicy", "value": rng.randint(12, 90), "unit": "osób"}],
            "contact": {"name": "Sekretariat", "email": f"partnerstwo.{str(inst.id)[:8]}@example.pl"},
        })  # fmt: skip
        created = datetime.combine(since + timedelta(days=rng.randint(60, 100)), datetime.min.time(), UTC)
        created = min(created, now - timedelta(days=30)) + timedelta(hours=rng.randint(8, 14))
        steps: list[tuple[str, str | None, str, str, datetime]] = [
            ("create", None, "draft", "coordinator", created)
        ]
        for action, source, target, role in (("submit", "draft", "submitted", "coordinator"),
                                              ("accept", "submitted", "accepted", "analyst"),
                                              ("publish", "accepted", "published", "analyst")):  # fmt: skip
            steps.append((action, source, target, role, steps[-1][4] + timedelta(days=rng.randint(1, 7))))
        practice_id = new_uuid(rng)
        numeric = [r.model_dump() for r in data.numeric_results]
        practices.append({
            "id": practice_id, "version": len(steps), "status": "published", "institution_id": inst.id,
            "institution_type": inst.type, "teryt": inst.teryt, "partnership_id": partnership_id,
            "title": data.title, "summary": data.summary, "since": data.since, "problem_areas": dumps(areas),
            "area_codes": area_key(areas), "topic_tags": dumps(tags), "target_groups": dumps(data.target_groups),
            "results": data.results, "numeric_results": dumps(numeric), "contact_name": data.contact.name,
            "contact_email": str(data.contact.email), "contact_phone": None,
            "search_text": fold(" ".join([data.title, data.summary, data.results,
                                          " ".join(f"{r['label']} {r['unit']}" for r in numeric), *tags, *data.target_groups])),
            "created_by_subject": GENERATOR, "created_at": created, "updated_at": steps[-1][4],
            "published_at": steps[-1][4],
        })  # fmt: skip
        transitions.extend(
            {"id": new_uuid(rng), "practice_id": practice_id, "action": action, "from_status": source,
             "to_status": target, "actor_subject": GENERATOR,
             "actor_institution_id": inst.id if role != "analyst" else None, "actor_role": role,
             "comment": None, "at": at}
            for action, source, target, role, at in steps
        )  # fmt: skip
    await reporting.copy("practice", practices)
    await reporting.copy("practice_transition", transitions)
    return len(practices)
