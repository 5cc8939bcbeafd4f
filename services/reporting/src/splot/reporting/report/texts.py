"""The report's wording (Polish: the report is published to Polish institutions) and the
indicators it shows. Indicator definitions themselves come from the catalogue."""

from __future__ import annotations

#: The key indicators: those of an edition's "totals" table and the rates the methodology asks
#: about (responses on time, closed loop, employment outcomes). Counts and ratios only: they can be
#: summed over a range of published cells (percentiles cannot).
KEY_INDICATORS = (
    "referrals",
    "responded",
    "accepted",
    "acceptance_rate",
    "sla_compliance",
    "completed",
    "closed_loop_rate",
    "employment_outcome",
    "employment_rate",
    "forwarded_share",
)
ROUTE_INDICATORS = ("referrals", "acceptance_rate", "sla_compliance", "closed_loop_rate")
MAP_MEASURE = "referrals"

#: The SPA's Polish names of the measures (frontend/src/locales/pl.json, reporting.measure).
LABELS = {
    "referrals": "Skierowania",
    "responded": "Z odpowiedzią",
    "accepted": "Przyjęte",
    "acceptance_rate": "Odsetek przyjętych",
    "sla_compliance": "Odpowiedzi w terminie",
    "sla_met": "Odpowiedziane w terminie",
    "sla_missed": "Odpowiedziane po terminie",
    "completed": "Zakończone",
    "ended": "Zakończone po przyjęciu",
    "closed_loop": "Z informacją zwrotną",
    "closed_loop_rate": "Odsetek z informacją zwrotną",
    "employment_outcome": "Z zatrudnieniem",
    "employment_rate": "Odsetek zatrudnionych",
    "forwarded": "Przekazane dalej",
    "forwarded_share": "Udział przekazanych dalej",
}


def label(measure: str) -> str:
    return LABELS.get(measure, measure)


INDICATORS_INTRO = (
    "Wskaźniki liczone są ze skierowań wysłanych w okresie (kohorta miesiąca wysłania), "
    "w których instytucja wysyłająca lub przyjmująca ma siedzibę na obszarze raportu."
)


def suppression_rule(threshold: int, rounding_base: int) -> str:
    return (
        f"Ochrona małych liczebności: liczby od 1 do {threshold - 1} są ukryte (oznaczone "
        f"„ukryte (<{threshold})”), pozostałe zaokrąglone do wielokrotności {rounding_base}. Odsetki "
        "liczone są z opublikowanych (zaokrąglonych) liczb i są ukryte, gdy ukryty jest licznik lub "
        "mianownik; odsetek mniejszy niż 100% nigdy nie jest pokazywany jako 100%."
    )


RANGE_RULE = (
    "Sumy za okres: okres raportu jest dzielony na jak najmniej pełnych lat, kwartałów i miesięcy; "
    "sumy są dodawane z opublikowanych wartości tych okresów, a suma z choćby jednym ukrytym "
    "składnikiem jest ukryta. Odsetki liczone są z tak otrzymanych sum."
)


def survey_rule(threshold: int) -> str:
    return (
        "Wyniki ankiet: odpowiedzi instytucji (nie osób) są ukryte, gdy daną odpowiedź wybrało od 1 "
        f"do {threshold - 1} instytucji albo gdy dałoby się je wyliczyć z różnicy dwóch pokazanych "
        "liczb; odpowiedź jednej instytucji nigdy nie jest widoczna osobno. Odpowiedzi opisowe "
        "publikowane są wyłącznie wtedy, gdy autor badania oznaczył je jako możliwe do publikacji."
    )
