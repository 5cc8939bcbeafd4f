"""The bundled questionnaire templates: "wspolpraca-pup-ops" (Współpraca PUP–OPS), the questions
a cooperation study of labour offices and social assistance centres asks (forms of cooperation,
contacts, joint programmes, barriers mapped to problem areas, information exchange, assessment
of the partner)."""

from __future__ import annotations

import copy
from typing import Any

from splot.common.errors import Problem


def _opts(*pairs: tuple[str, str] | tuple[str, str, str]) -> list[dict[str, Any]]:
    return [{"value": p[0], "label": p[1], "problem_area": p[2] if len(p) > 2 else None} for p in pairs]


def _q(key: str, text: str, type: str, *, required: bool = True, **extra: Any) -> dict[str, Any]:
    question: dict[str, Any] = {
        "key": key,
        "text": text,
        "help": extra.pop("help", None),
        "type": type,
        "required": required,
        "options": extra.pop("options", []),
        "scale": extra.pop("scale", None),
        "number": extra.pop("number", None),
        "show_if": extra.pop("show_if", None),
        "indicator": extra.pop("indicator", None),
    }
    assert not extra, extra
    return question


_SCALE_1_5 = {"min": 1, "max": 5, "min_label": "bardzo źle", "max_label": "bardzo dobrze"}

WSPOLPRACA_PUP_OPS: dict[str, Any] = {
    "title": "Współpraca PUP–OPS",
    "description": (
        "Ankieta monitorująca współpracę powiatowych urzędów pracy i ośrodków pomocy społecznej "
        "(metodyka monitoringu ministerstwa). Odpowiedzi dotyczą okresu sprawozdawczego rundy."
    ),
    "sections": [
        {
            "key": "formy",
            "title": "Formy współpracy",
            "description": None,
            "questions": [
                _q(
                    "formy_wspolpracy",
                    "Jakie formy współpracy z partnerem (PUP/OPS) stosowała Państwa instytucja?",
                    "multiple_choice",
                    options=_opts(
                        ("porozumienie", "Pisemne porozumienie o współpracy"),
                        ("skierowania", "Wzajemne kierowanie klientów"),
                        ("wspolne_spotkania", "Wspólne spotkania z klientami"),
                        ("zespoly", "Zespoły interdyscyplinarne / robocze"),
                        ("wymiana_danych", "Wymiana informacji o klientach"),
                        ("inne", "Inne"),
                    ),
                ),
                _q(
                    "porozumienie_pisemne",
                    "Czy współpraca opiera się na pisemnym porozumieniu?",
                    "single_choice",
                    options=_opts(("tak", "Tak"), ("w_przygotowaniu", "W przygotowaniu"), ("nie", "Nie")),
                ),
            ],
        },
        {
            "key": "kontakty",
            "title": "Częstotliwość kontaktów",
            "description": None,
            "questions": [
                _q(
                    "czestotliwosc_kontaktow",
                    "Jak często pracownicy kontaktują się z partnerem w sprawach klientów?",
                    "single_choice",
                    options=_opts(
                        ("codziennie", "Codziennie"),
                        ("co_tydzien", "Co najmniej raz w tygodniu"),
                        ("co_miesiac", "Co najmniej raz w miesiącu"),
                        ("rzadziej", "Rzadziej niż raz w miesiącu"),
                        ("wcale", "Wcale"),
                    ),
                    indicator="sla_compliance",
                ),
                _q(
                    "kontakty_miesiecznie",
                    "Ile kontaktów roboczych z partnerem odbyło się średnio w miesiącu?",
                    "number",
                    required=False,
                    number={"min": 0, "max": 10000, "integer": True, "unit": "kontaktów"},
                    indicator="referrals",
                ),
            ],
        },
        {
            "key": "programy",
            "title": "Wspólne programy",
            "description": None,
            "questions": [
                _q(
                    "wspolne_programy",
                    "Czy instytucja realizowała z partnerem wspólne programy lub projekty?",
                    "single_choice",
                    options=_opts(("tak", "Tak"), ("nie", "Nie")),
                ),
                _q(
                    "programy_jakie",
                    "Jakie to były programy?",
                    "multiple_choice",
                    show_if={"question": "wspolne_programy", "equals_any": ["tak"]},
                    options=_opts(
                        ("aktywizacja_integracja", "Program Aktywizacja i Integracja"),
                        ("cis_kis", "Programy CIS/KIS"),
                        ("projekty_ue", "Projekty współfinansowane z UE"),
                        ("inne", "Inne"),
                    ),
                ),
                _q(
                    "programy_od_kiedy",
                    "Od kiedy trwa najdłuższy wspólny program?",
                    "date",
                    required=False,
                    show_if={"question": "wspolne_programy", "equals_any": ["tak"]},
                ),
            ],
        },
        {
            "key": "bariery",
            "title": "Bariery współpracy",
            "description": None,
            "questions": [
                _q(
                    "bariery",
                    "Jakie bariery utrudniają współpracę z partnerem?",
                    "multiple_choice",
                    options=_opts(
                        ("przepisy", "Niejasne lub niespójne przepisy", "legal"),
                        ("organizacja", "Różna organizacja pracy i procedury", "organisational"),
                        ("dane", "Trudności w wymianie danych o klientach", "information_flow"),
                        ("kadry", "Braki kadrowe, rotacja pracowników", "staffing"),
                        ("finanse", "Brak środków finansowych", "financial"),
                        ("klienci", "Niska motywacja klientów", "client_related"),
                        ("brak", "Brak barier"),
                    ),
                ),
                _q(
                    "bariery_opis",
                    "Proszę opisać najważniejszą barierę",
                    "text",
                    required=False,
                ),
            ],
        },
        {
            "key": "informacja",
            "title": "Wymiana informacji",
            "description": None,
            "questions": [
                _q(
                    "wymiana_informacji",
                    "Jak ocenia Pan/Pani wymianę informacji z partnerem?",
                    "scale",
                    scale=_SCALE_1_5,
                    indicator="closed_loop_rate",
                ),
            ],
        },
        {
            "key": "ocena",
            "title": "Ocena partnera",
            "description": None,
            "questions": [
                _q(
                    "ocena_partnera",
                    "Jak ogólnie ocenia Pan/Pani współpracę z partnerem?",
                    "scale",
                    scale=_SCALE_1_5,
                    indicator="sla_compliance",
                ),
                _q(
                    "dobre_praktyki",
                    "Co w tej współpracy działa najlepiej (dobre praktyki)?",
                    "text",
                    required=False,
                ),
            ],
        },
    ],
}

TEMPLATES: dict[str, dict[str, Any]] = {"wspolpraca-pup-ops": WSPOLPRACA_PUP_OPS}


def question_count(document: dict[str, Any]) -> int:
    return sum(len(section["questions"]) for section in document["sections"])


def template(code: str) -> dict[str, Any]:
    """A deep copy of the template's questionnaire document (404 for an unknown code)."""
    if code not in TEMPLATES:
        raise Problem(404, "not_found", "no such survey template")
    return copy.deepcopy(TEMPLATES[code])
