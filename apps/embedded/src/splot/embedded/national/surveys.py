"""The methodology's survey of institutions in the synthetic country: the questionnaire the
reporting service ships (template ``wspolpraca-pup-ops``), one national round a year for each
of the last whole years of the window (opened in January, closed after six weeks), sent to every
PUP, OPS and CUS; about two in three answer (more of those in a partnership whose agreement is
in force, whose answers are also better), a few leave a draft. Every answer passes the service's
own checks (``clean_answers``, ``require_complete``). Written with COPY into the reporting tables."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from splot.embedded.national.bulk import Loader, dumps
from splot.embedded.national.institutions import Institution, new_uuid
from splot.embedded.national.lifecycle import GENERATOR
from splot.embedded.national.partnerships import derived
from splot.reporting.surveys import templates
from splot.reporting.surveys.design import questions, validate
from splot.reporting.surveys.responses import clean_answers, require_complete
from splot.reporting.surveys.schemas import QuestionnaireWrite

TEMPLATE = "wspolpraca-pup-ops"
TYPES = ("CUS", "OPS", "PUP")
#: The share of recipients that submit (the later round more), and that leave a draft.
RESPONSE_RATES, DRAFTS = (0.62, 0.72), 0.03
BARRIERS = ("przepisy", "organizacja", "dane", "kadry", "finanse", "klienci")
BARRIER_TEXTS = (
    "Różne terminy i procedury w obu instytucjach.",
    "Brak wspólnego systemu wymiany informacji o klientach.",
    "Duża rotacja pracowników socjalnych.",
    "Brak środków na wspólne działania.",
)
PRACTICE_TEXTS = (
    "Wspólne dyżury doradcy zawodowego w ośrodku pomocy społecznej.",
    "Cotygodniowe spotkania pracowników obu instytucji w sprawach klientów.",
    "Wspólna diagnoza i jeden plan działania dla rodziny.",
    "Szybka informacja zwrotna o skierowaniu przez Splot.",
)


def _at(rng: random.Random, day: date) -> datetime:
    return datetime(day.year, day.month, day.day, rng.randint(7, 15), rng.randint(0, 59), tzinfo=UTC)


def answers(rng: random.Random, kind: str, partnered: bool, year: int) -> dict[str, Any]:
    """A plausible response: ``partnered`` institutions cooperate more and rate it better."""
    q = rng.betavariate(2 + 3 * partnered, 2)
    forms = [
        value
        for value, share in (
            ("porozumienie", 0.9 if partnered else 0.2),
            ("skierowania", 0.9),
            ("wspolne_spotkania", q),
            ("zespoly", 0.5),
            ("wymiana_danych", q),
            ("inne", 0.05),
        )
        if rng.random() < share
    ] or ["skierowania"]
    result: dict[str, Any] = {
        "formy_wspolpracy": forms,
        "porozumienie_pisemne": "tak"
        if partnered and rng.random() < 0.9
        else rng.choices(("tak", "w_przygotowaniu", "nie"), weights=(3, 2, 5))[0],
    }
    level = q + rng.gauss(0, 0.1)
    result["czestotliwosc_kontaktow"] = (
        "codziennie" if level > 0.8 else "co_tydzien" if level > 0.6 else "co_miesiac" if level > 0.35
        else "rzadziej" if level > 0.1 else "wcale"
    )  # fmt: skip
    if rng.random() < 0.85:
        result["kontakty_miesiecznie"] = int(q * (60 if kind == "PUP" else 25) * rng.uniform(0.5, 1.5))
    result["wspolne_programy"] = "tak" if rng.random() < 0.3 + 0.5 * q else "nie"
    if result["wspolne_programy"] == "tak":
        result["programy_jakie"] = sorted(
            rng.sample(("aktywizacja_integracja", "cis_kis", "projekty_ue", "inne"), rng.randint(1, 2))
        )
        if rng.random() < 0.6:
            result["programy_od_kiedy"] = date(rng.randint(year - 4, year), rng.randint(1, 12), 1).isoformat()
    if rng.random() < 0.1 + 0.2 * q:
        result["bariery"] = ["brak"]
    else:
        named = set(rng.sample(BARRIERS, rng.randint(1, 3)))
        result["bariery"] = [b for b in BARRIERS if b in named]
        if rng.random() < 0.25:
            result["bariery_opis"] = rng.choice(BARRIER_TEXTS)
    for key in ("wymiana_informacji", "ocena_partnera"):
        result[key] = max(1, min(5, round(1 + 4 * q + rng.gauss(0, 0.6))))
    if rng.random() < 0.2:
        result["dobre_praktyki"] = rng.choice(PRACTICE_TEXTS)
    return result


def questionnaire() -> dict[str, Any]:
    """The shipped template as the service stores it (validated by its own rules)."""
    return validate(QuestionnaireWrite.model_validate(templates.template(TEMPLATE)))


async def load(
    reporting: Loader, rng: random.Random, institutions: list[Institution],
    *, now: datetime, since: datetime, in_force_since: dict[uuid.UUID, date],
) -> int:  # fmt: skip
    """The questionnaire, the rounds, their recipients, responses and free-text marks; returns
    the number of rounds. ``rng`` is not drawn from."""
    rng = derived(rng, "surveys")
    document = questionnaire()
    text_keys = [q["key"] for _, q in questions(document) if q["type"] == "text"]
    years = [y for y in (now.year - 2, now.year - 1) if date(y, 12, 31) >= since.date()]
    recipients = [i for i in institutions if i.type in TYPES]
    if not years or not recipients:
        return 0
    qid = new_uuid(rng)
    rows: dict[str, list[dict[str, Any]]] = {"survey_round": [], "survey_recipient": [], "survey_response": [],
                                             "survey_text_answer": []}  # fmt: skip
    first_open: datetime | None = None
    for n, year in enumerate(years):
        opened = _at(rng, date(year + 1, 1, rng.randint(12, 20)))
        if opened >= now - timedelta(days=1):
            continue
        first_open = first_open or opened
        deadline = opened.date() + timedelta(days=45)
        closed = deadline < now.date()
        reminded = _at(rng, deadline - timedelta(days=7))
        round_id = new_uuid(rng)
        rows["survey_round"].append({
            "id": round_id, "questionnaire_id": qid, "title": f"Monitoring współpracy PUP–OPS za {year} r.",
            "territory": "", "institution_types": dumps(list(TYPES)), "period_from": f"{year}-01",
            "period_to": f"{year}-12", "deadline": deadline, "reminder_days": 3, "owner_scope": "",
            "owner_user_id": GENERATOR, "status": "closed" if closed else "open", "opened_at": opened,
            "closed_at": _at(rng, deadline + timedelta(days=1)) if closed else None,
            "reminders_sent_at": reminded if reminded < now else None, "auto_reminded": reminded < now,
        })  # fmt: skip
        rate = RESPONSE_RATES[min(n, len(RESPONSE_RATES) - 1)]
        for inst in recipients:
            partnered = inst.id in in_force_since and in_force_since[inst.id] <= date(year, 12, 31)
            draw = rng.random()
            status = "submitted" if draw < rate + 0.15 * partnered else "draft" if draw > 1 - DRAFTS else None
            at = _at(rng, opened.date() + timedelta(days=int(45 * rng.random() ** 1.3)))
            if status is not None and at >= now:
                status = None
            rows["survey_recipient"].append({
                "round_id": round_id, "institution_id": inst.id, "institution_type": inst.type,
                "name": inst.name[:300], "teryt": inst.teryt, "powiat_code": inst.teryt[:4],
                "voivodeship_code": inst.teryt[:2],
                "reminded_at": reminded if reminded < now and (status != "submitted" or at > reminded) else None,
            })  # fmt: skip
            if status is None:
                continue
            given = answers(rng, inst.type, partnered, year)
            if status == "draft":
                given = dict(list(given.items())[: rng.randint(1, len(given) - 1)])  # the first pages
            given = clean_answers(document, given)
            if status == "submitted":
                require_complete(document, given)
            response_id = new_uuid(rng)
            rows["survey_response"].append({
                "id": response_id, "round_id": round_id, "institution_id": inst.id, "status": status,
                "answers": dumps(given), "submitted_at": at if status == "submitted" else None,
                "created_at": at, "updated_at": at, "version": 1,
            })  # fmt: skip
            rows["survey_text_answer"].extend(
                {"id": new_uuid(rng), "round_id": round_id, "response_id": response_id, "question_key": key,
                 "publishable": closed and status == "submitted" and rng.random() < 0.5}
                for key in text_keys if key in given
            )  # fmt: skip
    if first_open is None:
        return 0
    created = first_open - timedelta(days=14)
    await reporting.copy("survey_questionnaire", [{
        "id": qid, "title": document["title"], "description": document["description"],
        "sections": dumps(document["sections"]), "status": "frozen", "version_no": 1, "previous_id": None,
        "template": TEMPLATE, "owner_scope": "", "created_by": GENERATOR, "created_at": created,
        "updated_at": first_open, "version": 2,
    }])  # fmt: skip
    for table, table_rows in rows.items():
        await reporting.copy(table, table_rows)
    return len(rows["survey_round"])
