"""The demo's scenarios: who refers whom to what, and the steps, messages, forwards and expiry
each plays (:mod:`splot.referrals.demo` plays them through the service's own rules)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Step:
    side: str  # "sender" or "receiver"
    action: str
    payload: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Scenario:
    key: str
    sender: str
    target: str
    service_type: str
    days_ago: float
    steps: tuple[Step, ...] = ()
    priority: str = "routine"
    programme: str | None = None
    needs: str = "Wsparcie w powrocie na rynek pracy; szczegóły w rozmowie."
    #: Forward after the steps: (child key, target, service type, child steps).
    forward: tuple[str, str, str, tuple[Step, ...]] | None = None
    messages: tuple[tuple[str, str], ...] = ()
    expire: bool = False
    draft: bool = False
    #: Refer the person of an open action of a demo plan for that action (the registry's demo
    #: plans; the action then follows the referral's states).
    for_plan: bool = False


R, S = "receiver", "sender"
ACCEPT = Step(R, "accept")
START = Step(R, "start")


def _complete(*codes: str) -> Step:
    return Step(
        R, "complete", {"outcome_codes": list(codes), "delivered": "Usługa zrealizowana zgodnie z planem."}
    )


SCENARIOS: tuple[Scenario, ...] = (
    Scenario("pup-ops-new", "pup-wieliczka", "mgops-wieliczka", "social_work", 1),
    Scenario(
        "pup-ops-overdue",
        "pup-wieliczka",
        "mgops-wieliczka",
        "social_contract",
        9,
        messages=((S, "Czy możemy umówić wspólne spotkanie z klientem w przyszłym tygodniu?"),),
    ),
    Scenario(
        "pup-ops-chain",
        "pup-wieliczka",
        "mgops-wieliczka",
        "social_work",
        30,
        steps=(ACCEPT, START),
        programme="PAI",
        for_plan=True,
        forward=(
            "ops-ngo-chain",
            "fundacja-wspolny-krok",
            "kis",
            (ACCEPT, START, _complete("programme_completed")),
        ),
        messages=(
            (S, "Klient zgłosił się do nas z potrzebą wsparcia socjalnego."),
            (R, "Dziękujemy, przekazaliśmy sprawę do KIS Fundacji Wspólny Krok."),
        ),
    ),
    Scenario(
        "pup-ops-chain-2",
        "pup-wieliczka",
        "mgops-wieliczka",
        "social_work",
        20,
        steps=(ACCEPT,),
        for_plan=True,
        forward=("ops-ngo-chain-2", "fundacja-wspolny-krok", "vocational_counselling", (ACCEPT,)),
    ),
    Scenario(
        "pup-niepolomice-crisis",
        "pup-wieliczka",
        "ops-niepolomice",
        "crisis_intervention",
        6,
        steps=(ACCEPT, START),
        priority="urgent",
        messages=((R, "Interwencja rozpoczęta, pierwsze spotkanie odbyło się wczoraj."),),
    ),
    Scenario(
        "pup-gdow-hold",
        "pup-wieliczka",
        "cus-gdow",
        "care_services",
        15,
        steps=(ACCEPT, START, Step(R, "hold", {"text": "Usługa wstrzymana na czas pobytu w szpitalu."})),
    ),
    Scenario(
        "pup-ops-rejected",
        "pup-wieliczka",
        "mgops-wieliczka",
        "family_assistant",
        12,
        steps=(
            Step(
                R,
                "reject",
                {
                    "reason_code": "not_eligible",
                    "declined_by": "provider",
                    "text": "Brak przesłanek do asystentury.",
                },
            ),
        ),
    ),
    Scenario(
        "pup-niepolomice-withdrawn",
        "pup-wieliczka",
        "ops-niepolomice",
        "social_work",
        10,
        steps=(Step(S, "withdraw", {"reason_code": "duplicate", "text": "Skierowanie wysłane dwukrotnie."}),),
    ),
    Scenario("pup-gdow-expired", "pup-wieliczka", "cus-gdow", "social_work", 28, expire=True),
    Scenario(
        "pup-ops-error",
        "pup-wieliczka",
        "mgops-wieliczka",
        "social_work",
        3,
        steps=(Step(S, "mark_in_error", {"text": "Skierowanie dotyczyło innej osoby."}),),
    ),
    Scenario("pup-draft", "pup-wieliczka", "mgops-wieliczka", "social_contract", 0, draft=True),
    Scenario(
        "ops-pup-employed",
        "mgops-wieliczka",
        "pup-wieliczka",
        "job_placement",
        120,
        steps=(ACCEPT, START, _complete("employed"), Step(S, "acknowledge")),
        programme="PAI",
    ),
    Scenario(
        "ops-pup-failed",
        "mgops-wieliczka",
        "pup-wieliczka",
        "training",
        40,
        steps=(
            ACCEPT,
            Step(R, "fail", {"reason_code": "client_unreachable", "text": "Brak kontaktu od 3 tygodni."}),
        ),
    ),
    Scenario("ops-cis-overdue", "mgops-wieliczka", "stowarzyszenie-nowy-start", "cis", 11),
    Scenario(
        "ops-wolni-therapy",
        "mgops-wieliczka",
        "stowarzyszenie-wolni",
        "addiction_therapy",
        8,
        steps=(ACCEPT, Step(R, "set_business_status", {"business_status": "appointment_scheduled"})),
    ),
    Scenario(
        "niepolomice-cis-cancel",
        "ops-niepolomice",
        "stowarzyszenie-nowy-start",
        "cis",
        25,
        steps=(ACCEPT, START, Step(S, "request_cancellation", {"text": "Osoba podjęła zatrudnienie."})),
    ),
    Scenario("gup-mops-new", "gup-krakow", "mops-krakow", "social_work", 2),
    Scenario(
        "gup-mops-chain",
        "gup-krakow",
        "mops-krakow",
        "social_work",
        12,
        steps=(ACCEPT,),
        forward=("mops-dobryadres-chain", "fundacja-dobry-adres", "debt_counselling", ()),
    ),
    Scenario(
        "mops-gup-training",
        "mops-krakow",
        "gup-krakow",
        "job_placement",
        60,
        steps=(ACCEPT, _complete("training_completed"), Step(S, "acknowledge")),
    ),
    Scenario(
        "mops-dobryadres-housing",
        "mops-krakow",
        "fundacja-dobry-adres",
        "housing_support",
        45,
        steps=(ACCEPT, START, _complete("housing_secured", "goals_met")),
    ),
    Scenario(
        "gdow-pup-counselling", "cus-gdow", "pup-wieliczka", "vocational_counselling", 4, steps=(ACCEPT,)
    ),
    Scenario("ngo-pup-placement", "fundacja-wspolny-krok", "pup-wieliczka", "job_placement", 2),
    Scenario(
        "cis-ops-social-work",
        "stowarzyszenie-nowy-start",
        "ops-niepolomice",
        "social_work",
        5,
        steps=(Step(R, "set_business_status", {"business_status": "contact_attempted"}),),
    ),
    Scenario("wolni-ops-contract", "stowarzyszenie-wolni", "mgops-wieliczka", "social_contract", 1),
    Scenario("dobryadres-mops-work", "fundacja-dobry-adres", "mops-krakow", "social_work", 3),
)
