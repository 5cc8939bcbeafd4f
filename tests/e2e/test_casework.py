"""Casework in a real browser (issue 14): an OPS and a PUP build a joint diagnosis and a joint plan
for one person, the PUP creates a referral from a plan action, the NGO completes it, the action's
and the goal's proposed results follow the referral's outcome, and the analyst sees it counted.

First an analyst (the voivodeship's, ``wup.analityk``) and the PUP's coordinator note what the
casework measures of the month ("Plany i działania" in the reports) show; the problem area of the
diagnosis and the goal is one in which the analyst saw no goal achieved this month. A PUP caseworker
registers a person; the OPS registers her too (the PESEL proves it). The PUP starts a joint
diagnosis and invites the OPS, which writes its part and signs; the PUP signs. The PUP draws up a
joint plan with the OPS as a party, a goal and an action whose service (a social integration club,
KIS) the NGO offers; the OPS sees the plan. The PUP records the person's consent to a referral to
an NGO (the legal basis an NGO needs), then from the action opens the referral form (prefilled)
and sends it to the NGO on that consent; the NGO accepts, starts and completes it with an outcome.
Back on the plan the action shows the referral completed and proposes "zrealizowane"; once
recorded, the goal proposes "cel osiągnięty", which the PUP accepts. The printed plan and the
coordinators' list follow. Finally the measures count the new joint plan: exactly for the PUP's
coordinator (its own plans: one more person with a joint plan than before), and for the analyst
as a suppressed small number (see ``analyst_sees_it_counted`` for why that can fail).

Every page is screenshotted and checked with axe-core (conftest.py). Steps (``CASEWORK`` at the
end) run in order on one shared ``Scenario``."""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import Locator, Page, expect

from conftest import look, make_pesel, sign_in, step

PUP = "pup@splot.example"
OPS = "ops@splot.example"  # Miejsko-Gminny Ośrodek Pomocy Społecznej w Wieliczce
OPS_NAME = "Miejsko-Gminny Ośrodek Pomocy Społecznej w Wieliczce"
NGO = "ngo@splot.example"  # Fundacja Wspólny Krok (demo seed of services/directory): offers the KIS
NGO_NAME = "Fundacja Wspólny Krok"
#: The analyst of the voivodeship (12) the PUP is seated in, and the PUP's coordinator.
ANALYST = "wup.analityk@splot.example"
PUP_COORDINATOR = "pup.koordynator@splot.example"
LOGINS = {"pup": PUP, "ops": OPS, "ngo": NGO, "analyst": ANALYST, "coordinator": PUP_COORDINATOR}
LETTERS = "bcdfghjklmnprstwz"
PLAN_TYPE = "Wspólny plan instytucji"
GOAL = "Powrót na rynek pracy"
ACTION = "Zajęcia w Klubie Integracji Społecznej"
SERVICE = "Klub Integracji Społecznej (KIS)"
JOINT = "Osoby ze wspólnym planem"
NOTHING = "Brak planów i działań w tym okresie"
ACHIEVED = "cel osiągnięty"
#: Problem areas for the diagnosis and the goal, (Polish label, code), of which the scenario takes
#: the first whose goals achieved this month the analyst sees as 0. The demo's casework
#: (services/clients, casework/demo.py) assesses none of them, so on a fresh server it is the
#: first. A row is named by the area's label (the code only if the catalogue could not be read).
AREAS = (
    ("Brak doświadczenia zawodowego", "no_work_experience"),
    ("Brak dojazdu do pracy", "transport"),
    ("Bariera językowa", "language"),
    ("Obowiązki opiekuńcze", "care_duties"),
)
#: The referral's state reaches the plan through the referrals service's outbox: allow it a while.
SYNC_DEADLINE_S = 90


@dataclass
class Scenario:
    new_page: Callable[[str], Page]
    rng: random.Random = field(default_factory=random.Random)
    first_name: str = "Halina"
    last_name: str = ""
    pesel: str = ""
    person_id: str = ""
    referral_url: str = ""
    #: The problem area of the diagnosis and the goal (Polish label, code): one of ``AREAS``.
    area: tuple[str, str] = AREAS[0]
    #: What the casework measures showed before the scenario (persons with a joint plan).
    analyst_before: str = ""
    own_before: int = 0
    pages: dict[str, Page] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.last_name = "Planowa" + "".join(self.rng.choice(LETTERS) for _ in range(5))
        born = date(1965 + self.rng.randrange(30), 1 + self.rng.randrange(12), 1 + self.rng.randrange(28))
        self.pesel = make_pesel(self.rng, born, female=True)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def casework_url(self) -> str:
        return f"/plany/osoba/{self.person_id}"

    def page(self, who: str) -> Page:
        if who not in self.pages:
            page = self.new_page(who)
            sign_in(page, LOGINS[who])
            self.pages[who] = page
        return self.pages[who]


def choose(page: Page, scope: Page | Locator, label: str, option: str) -> None:
    """A Mantine Select (or MultiSelect): open it and pick the option."""
    scope.get_by_role("combobox", name=re.compile(f"^{label}")).click()
    page.get_by_role("option", name=option, exact=True).first.click()


def dialog(page: Page, name: str) -> Locator:
    box = page.get_by_role("dialog", name=name)
    expect(box).to_be_visible()
    return box


def diagnosis_card(page: Page) -> Locator:
    return page.get_by_role("article", name=re.compile(r"^Diagnoza z "))


def plan_card(page: Page) -> Locator:
    return page.get_by_role("article", name=PLAN_TYPE)


def open_casework(s: Scenario, page: Page) -> None:
    page.goto(s.casework_url)
    expect(page.get_by_role("heading", level=1, name=f"Diagnoza i plan: {s.full_name}")).to_be_visible()


def this_month() -> str:
    """The current month in Europe/Warsaw (the reporting service's days)."""
    return datetime.now(ZoneInfo("Europe/Warsaw")).strftime("%Y-%m")


def open_measures(page: Page) -> None:
    """The casework measures of this month ("Plany i działania" in the reports)."""
    page.goto(f"/raporty/plany?okres_typ=month&okres={this_month()}")
    expect(page.get_by_role("heading", level=1, name="Plany i działania")).to_be_visible()


def joint_plan_cell(page: Page) -> str:
    """What the page shows for the persons with a joint plan: "0" when it shows that the month holds
    no casework at all, else the cell's text (a number, or "ukryte")."""
    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=JOINT, exact=True))
    nothing = page.get_by_text(NOTHING, exact=True)
    expect(nothing.or_(row)).to_be_visible()
    if nothing.is_visible():
        return "0"
    return row.get_by_role("cell").inner_text().strip()


def achieved_cell(page: Page, area: tuple[str, str]) -> str:
    """What the page shows for the goals of ``area`` achieved in the period: "0" when nothing was
    assessed (no row), else the cell's text. The row is named by the area's label (or its code,
    should the catalogue not load)."""
    nothing = page.get_by_text(NOTHING, exact=True)
    goals = page.get_by_role("table", name=re.compile("^Cele z oceną końcową"))
    expect(nothing.or_(goals)).to_be_visible()
    if nothing.is_visible():
        return "0"
    headers = goals.get_by_role("columnheader").all_inner_texts()
    name = re.compile(f"^({re.escape(area[0])}|{re.escape(area[1])})$")
    row = goals.get_by_role("row").filter(has=page.get_by_role("rowheader", name=name))
    if row.count() == 0:
        return "0"
    # The row's first column is its header: the cells start with the second column.
    return row.get_by_role("cell").nth(headers.index(ACHIEVED) - 1).inner_text().strip()


def wait_for_measures(page: Page, counted: Callable[[], bool]) -> None:
    """Reload the measures until ``counted()`` (the reporting service reads the client registry's
    events every few seconds) or the deadline passes."""
    deadline = time.monotonic() + SYNC_DEADLINE_S
    while True:
        if counted() or time.monotonic() > deadline:
            return
        time.sleep(3)
        page.reload()
        expect(page.get_by_role("heading", level=1, name="Plany i działania")).to_be_visible()


# --- before: what the measures show ----------------------------------------------------------------


def analyst_notes_the_measures(s: Scenario, analyst: Page) -> None:
    """The analyst's measures of the month, protected (her territory: the voivodeship). The
    scenario's problem area is the first of ``AREAS`` with no goal achieved this month."""
    open_measures(analyst)
    expect(analyst.get_by_text("Zakres danych: województwo małopolskie")).to_be_visible()
    expect(analyst.get_by_test_id("casework-precision")).to_contain_text("Plany instytucji z Twojego obszaru")
    s.analyst_before = joint_plan_cell(analyst)
    free = [area for area in AREAS if achieved_cell(analyst, area) == "0"]
    assert free, "every candidate area already has goals achieved this month: run on a fresh server"
    s.area = free[0]
    look(analyst, "casework-00-measures-before")


def coordinator_notes_the_measures(s: Scenario, coordinator: Page) -> None:
    """The PUP's coordinator opens the measures from the list of plans: its own plans, exact."""
    coordinator.goto("/plany")
    expect(coordinator.get_by_role("heading", level=1, name="Plany do przeglądu")).to_be_visible()
    coordinator.get_by_role("link", name="Wskaźniki planów").click()
    expect(coordinator.get_by_role("heading", level=1, name="Plany i działania")).to_be_visible()
    coordinator.goto(f"/raporty/plany?okres_typ=month&okres={this_month()}")
    expect(coordinator.get_by_test_id("casework-precision")).to_contain_text("Dokładne liczby")
    text = joint_plan_cell(coordinator)
    assert text.isdigit(), f"an institution's own measures are exact, not {text!r}"
    s.own_before = int(text)


# --- the person, registered by both ----------------------------------------------------------------


def pup_registers_a_person(s: Scenario, pup: Page) -> None:
    """The PUP registers her and opens "Diagnoza i plan" from her page."""
    pup.goto("/osoby/nowa")
    expect(pup.get_by_role("heading", level=1, name="Zarejestruj osobę")).to_be_visible()
    pup.get_by_role("textbox", name="PESEL").fill(s.pesel)
    pup.get_by_role("textbox", name="Imię", exact=True).fill(s.first_name)
    pup.get_by_role("textbox", name="Nazwisko", exact=True).fill(s.last_name)
    pup.get_by_role("button", name="Zarejestruj", exact=True).click()
    pup.wait_for_url(re.compile(r"/osoby/[0-9a-f-]{36}$"))
    s.person_id = pup.url.rsplit("/", 1)[-1]
    pup.get_by_role("link", name="Diagnozy, plany i konferencje przypadku").click()
    expect(pup.get_by_role("heading", level=1, name=f"Diagnoza i plan: {s.full_name}")).to_be_visible()
    expect(pup.get_by_text("Nie ma jeszcze diagnozy sytuacji tej osoby.")).to_be_visible()
    look(pup, "casework-01-empty")


def ops_registers_her_too(s: Scenario, ops: Page) -> None:
    """The OPS finds the PESEL in the registry and registers the person in its institution."""
    ops.goto("/osoby")
    search = ops.get_by_role("search").get_by_role("textbox", name="Nazwisko lub PESEL")
    search.fill(s.pesel)
    ops.get_by_role("button", name="Szukaj po PESEL").click()
    ops.get_by_role("button", name=re.compile(r"^Zarejestruj w mojej instytucji")).first.click()
    box = dialog(ops, "Rejestracja osoby w Twojej instytucji")
    box.get_by_role("textbox", name=re.compile("^Powód rejestracji")).fill(
        "Zgłosiła się po pomoc w sprawie zasiłku"
    )
    box.get_by_role("button", name="Zarejestruj i otwórz kartę").click()
    ops.wait_for_url(re.compile(rf"/osoby/{s.person_id}$"))


# --- the joint diagnosis ---------------------------------------------------------------------------


def pup_starts_a_joint_diagnosis(s: Scenario, pup: Page) -> None:
    """Nowa diagnoza, joint: a problem area and a conclusion; then the OPS is invited."""
    pup.get_by_role("button", name="Nowa diagnoza").click()
    box = dialog(pup, "Nowa diagnoza")
    box.get_by_role("checkbox", name=re.compile("^Diagnoza wspólna")).check()
    choose(pup, box, "Obszary problemowe", s.area[0])
    box.get_by_role("combobox", name=re.compile("^Obszary problemowe")).press("Escape")
    box.get_by_role("textbox", name="Wnioski").fill("Potrzebne wsparcie w powrocie na rynek pracy.")
    look(pup, "casework-02-diagnosis-dialog", full_page=False)
    box.get_by_role("button", name="Zapisz").click()
    expect(box).to_be_hidden()
    card = diagnosis_card(pup)
    expect(card.get_by_text("wspólna", exact=True)).to_be_visible()
    card.get_by_role("button", name="Zaproś instytucję").click()
    box = dialog(pup, "Zaproś instytucję")
    choose(pup, box, "Instytucja", OPS_NAME)
    box.get_by_role("button", name="Zaproś instytucję").click()
    expect(box).to_be_hidden()
    expect(card.get_by_text(re.compile("nie podpisano")).first).to_be_visible()
    look(pup, "casework-03-diagnosis")


def ops_writes_its_part_and_signs(s: Scenario, ops: Page) -> None:
    """The OPS opens the same casework, writes its findings and signs its part off."""
    open_casework(s, ops)
    card = diagnosis_card(ops)
    card.get_by_role("button", name="Część mojej instytucji").click()
    box = dialog(ops, "Część mojej instytucji")
    box.get_by_role("textbox", name="Ustalenia mojej instytucji").fill(
        "Zaległości czynszowe, rodzina wspiera."
    )
    box.get_by_role("button", name="Zapisz").click()
    expect(box).to_be_hidden()
    card.get_by_role("button", name="Podpisz").click()
    expect(card.get_by_text(re.compile(r"podpisano \d"))).to_be_visible()
    look(ops, "casework-04-ops-signed")


def pup_signs_the_diagnosis(s: Scenario, pup: Page) -> None:
    """The owner's sign-off is the last: the diagnosis is signed."""
    pup.reload()
    card = diagnosis_card(pup)
    expect(card.get_by_text("Zaległości czynszowe, rodzina wspiera.")).to_be_visible()
    card.get_by_role("button", name="Podpisz").click()
    expect(card.get_by_text("podpisana", exact=True)).to_be_visible()


# --- the joint plan --------------------------------------------------------------------------------


def pup_draws_up_a_joint_plan(s: Scenario, pup: Page) -> None:
    """Nowy plan: the joint type with its legal basis, the OPS as a party, a review date."""
    pup.get_by_role("button", name="Nowy plan").click()
    box = dialog(pup, "Nowy plan")
    choose(pup, box, "Rodzaj planu", PLAN_TYPE)
    expect(box.get_by_text("Podstawa prawna:")).to_be_visible()
    choose(pup, box, "Instytucje współrealizujące", OPS_NAME)
    box.get_by_role("combobox", name=re.compile("^Instytucje współrealizujące")).press("Escape")
    box.get_by_label("Następny przegląd").fill((date.today() + timedelta(days=60)).isoformat())
    look(pup, "casework-05-plan-dialog", full_page=False)
    box.get_by_role("button", name="Zapisz").click()
    expect(box).to_be_hidden()
    expect(plan_card(pup).get_by_text(OPS_NAME).first).to_be_visible()


def pup_adds_a_goal_and_an_action(s: Scenario, pup: Page) -> None:
    """A goal for the diagnosed area and an action with a service type the NGO offers (KIS)."""
    card = plan_card(pup)
    card.get_by_role("button", name="Dodaj cel").click()
    box = dialog(pup, "Dodaj cel")
    choose(pup, box, "Obszar problemowy", s.area[0])
    box.get_by_role("textbox", name=re.compile("^Cel")).fill(GOAL)
    box.get_by_role("button", name="Zapisz").click()
    expect(box).to_be_hidden()
    goal = card.get_by_role("region", name=GOAL)
    goal.get_by_role("button", name="Dodaj działanie").click()
    box = dialog(pup, "Dodaj działanie")
    box.get_by_role("textbox", name=re.compile("^Działanie")).fill(ACTION)
    choose(pup, box, "Rodzaj usługi", SERVICE)
    box.get_by_label("Termin").fill((date.today() + timedelta(days=30)).isoformat())
    box.get_by_role("button", name="Zapisz").click()
    expect(box).to_be_hidden()
    row = goal.get_by_role("row").filter(has_text=ACTION)
    expect(row.get_by_text("zaplanowane", exact=True)).to_be_visible()
    expect(row.get_by_role("link", name="Utwórz skierowanie")).to_be_visible()
    look(pup, "casework-06-plan")


def ops_sees_the_plan(s: Scenario, ops: Page) -> None:
    """The OPS, a party, sees the plan's goal and action but does not edit the plan."""
    ops.reload()
    card = plan_card(ops)
    expect(card.get_by_role("region", name=GOAL)).to_be_visible()
    expect(card.get_by_text(ACTION)).to_be_visible()
    expect(card.get_by_role("button", name="Dodaj cel")).to_have_count(0)
    look(ops, "casework-07-ops-sees-plan")


# --- the referral that serves the action -----------------------------------------------------------


def pup_records_the_consent(s: Scenario, pup: Page) -> None:
    """An NGO receives a referral only on the person's consent: on her page the PUP records her
    consent to a referral to an NGO (the dialog's defaults), with where the signed form is kept."""
    pup.goto(f"/osoby/{s.person_id}")
    expect(pup.get_by_role("heading", level=1, name=s.full_name)).to_be_visible()
    consents = pup.get_by_role("region", name="Zgody")
    consents.get_by_role("button", name="Zarejestruj zgodę").click()
    box = dialog(pup, "Zarejestruj zgodę")
    expect(box.get_by_role("combobox", name="Cel")).to_have_value("skierowanie")
    box.get_by_role("textbox", name=re.compile(r"^Gdzie przechowywana")).fill(f"PUP/ZG/{s.last_name}")
    box.get_by_role("button", name="Zarejestruj zgodę").click()
    expect(box).to_be_hidden()
    expect(consents.get_by_text("aktywna")).to_be_visible()


def pup_refers_from_the_action(s: Scenario, pup: Page) -> None:
    """Utwórz skierowanie: the wizard starts with the person and the action's service type; the
    NGO's offer, and the person's consent as the legal basis."""
    open_casework(s, pup)
    goal = plan_card(pup).get_by_role("region", name=GOAL)
    goal.get_by_role("row").filter(has_text=ACTION).get_by_role("link", name="Utwórz skierowanie").click()
    expect(pup.get_by_role("heading", level=2, name="Krok 1 z 5: Osoba")).to_be_visible()
    expect(pup.get_by_text(f"Wybrano: {s.full_name}")).to_be_visible()
    pup.get_by_role("button", name="Dalej").click()
    expect(pup.get_by_role("heading", level=2, name="Krok 2 z 5: Usługa")).to_be_visible()
    expect(pup.get_by_role("combobox", name=re.compile("^Rodzaj usługi"))).to_have_value(SERVICE)
    pup.get_by_role("button", name="Dalej").click()
    expect(pup.get_by_role("heading", level=2, name="Krok 3 z 5: Realizator")).to_be_visible()
    pup.get_by_role("radiogroup", name="Oferta i realizator").get_by_role(
        "radio", name=re.compile(NGO_NAME)
    ).check()
    pup.get_by_role("button", name="Dalej").click()
    expect(pup.get_by_role("heading", level=2, name="Krok 4 z 5: Potrzeby i podstawa")).to_be_visible()
    pup.get_by_role("textbox", name="Opis potrzeb").fill(
        "Działanie z indywidualnego planu: udział w zajęciach KIS."
    )
    # An NGO as the target: the legal basis must be the person's consent (recorded above).
    expect(pup.get_by_role("radio", name="zadanie ustawowe")).to_be_disabled()
    pup.get_by_role("radiogroup", name="Podstawa prawna").get_by_role("radio", name="zgoda osoby").check()
    pup.get_by_role("radiogroup", name="Zgoda osoby").get_by_role(
        "radio", name=re.compile(r"^skierowanie · odbiorca: NGO")
    ).check()
    pup.get_by_role("button", name="Dalej").click()
    expect(pup.get_by_role("heading", level=2, name="Krok 5 z 5: Sprawdzenie")).to_be_visible()
    pup.get_by_role("button", name="Wyślij skierowanie").click()
    pup.wait_for_url(re.compile(r"/skierowania/[0-9a-f-]{36}$"))
    s.referral_url = re.sub(r"^https?://[^/]+", "", pup.url)


def open_action(page: Page, action: str) -> Locator:
    page.get_by_role("region", name="Dostępne działania").get_by_role("button", name=action).click()
    return dialog(page, action)


def ngo_completes_the_referral(s: Scenario, ngo: Page) -> None:
    """The NGO accepts, starts and completes the referral with an outcome (a completed programme)."""
    ngo.goto(s.referral_url)
    expect(ngo.get_by_text("Jesteś odbiorcą")).to_be_visible()
    box = open_action(ngo, "Przyjmij")
    box.get_by_role("button", name="Przyjmij").click()
    expect(box).to_be_hidden()
    box = open_action(ngo, "Rozpocznij realizację")
    box.get_by_role("button", name="Rozpocznij realizację").click()
    expect(box).to_be_hidden()
    expect(ngo.get_by_text("w realizacji", exact=True).first).to_be_visible()
    box = open_action(ngo, "Zakończ z rezultatem")
    box.get_by_role("checkbox", name="Ukończenie programu (KIS, CIS, PAI)").check()
    box.get_by_role("textbox", name="Co zostało zrealizowane").fill("8 tygodni zajęć w KIS.")
    box.get_by_role("button", name="Zakończ z rezultatem").click()
    expect(box).to_be_hidden()
    details = ngo.get_by_role("region", name="Szczegóły")
    expect(
        details.get_by_text("Ukończenie programu (KIS, CIS, PAI) — 8 tygodni zajęć w KIS.")
    ).to_be_visible()
    look(ngo, "casework-08-ngo-completed")


def pup_sees_the_action_follow(s: Scenario, pup: Page) -> None:
    """The action shows the referral completed; its proposed result is recorded; the goal then
    proposes "cel osiągnięty", which the PUP accepts."""
    deadline = time.monotonic() + SYNC_DEADLINE_S
    open_casework(s, pup)
    goal = plan_card(pup).get_by_role("region", name=GOAL)
    row = goal.get_by_role("row").filter(has_text=ACTION)
    while True:
        link = row.get_by_role("link", name="zakończone")
        expect(row).to_be_visible()
        if link.count() > 0 or time.monotonic() > deadline:
            break
        time.sleep(3)
        pup.reload()
    expect(link).to_be_visible()
    row.get_by_role("button", name="Zmień stan").click()
    box = dialog(pup, "Zmień stan")
    expect(box.get_by_text("Stan skierowania proponuje: zrealizowane")).to_be_visible()
    expect(box.get_by_role("combobox", name=re.compile("^Nowy stan"))).to_have_value("zrealizowane")
    box.get_by_role("button", name="Zapisz").click()
    expect(box).to_be_hidden()
    expect(goal.get_by_text("Proponowana ocena (na podstawie działań): cel osiągnięty")).to_be_visible()
    look(pup, "casework-09-proposed")
    goal.get_by_role("button", name="Oceń realizację celu").click()
    box = dialog(pup, "Oceń realizację celu")
    expect(box.get_by_role("combobox", name=re.compile("^Ocena końcowa"))).to_have_value("cel osiągnięty")
    box.get_by_role("button", name="Zapisz").click()
    expect(box).to_be_hidden()
    expect(goal.get_by_text("cel osiągnięty", exact=True)).to_be_visible()


def pup_prints_the_plan(s: Scenario, pup: Page) -> None:
    """The plan printed for the person to sign, and the list of plans due for review."""
    plan_card(pup).get_by_role("link", name="Wydruk do podpisu").click()
    expect(
        pup.get_by_role("heading", level=1, name="Indywidualny plan — dokument do podpisu")
    ).to_be_visible()
    expect(pup.get_by_text("podpis osoby")).to_be_visible()
    look(pup, "casework-10-print")
    pup.goto("/plany")
    expect(pup.get_by_role("heading", level=1, name="Plany do przeglądu")).to_be_visible()
    pup.get_by_text("Wszystkie aktywne", exact=True).click()
    expect(pup.get_by_role("link", name=s.full_name).first).to_be_visible()
    look(pup, "casework-11-list")


# --- after: the plan is counted --------------------------------------------------------------------


def coordinator_sees_it_counted(s: Scenario, coordinator: Page) -> None:
    """The PUP's own measures are exact: one more person with a joint plan than before, and the
    goal achieved in its area."""
    open_measures(coordinator)
    expected = str(s.own_before + 1)
    # The plan and the goal's assessment are separate events: wait for both.
    wait_for_measures(
        coordinator,
        lambda: joint_plan_cell(coordinator) == expected and achieved_cell(coordinator, s.area) != "0",
    )
    assert joint_plan_cell(coordinator) == expected, f"persons with a joint plan: expected {expected}"
    assert achieved_cell(coordinator, s.area) != "0", f"no goal of {s.area[0]} achieved"
    look(coordinator, "casework-12-measures-own")


def analyst_sees_it_counted(s: Scenario, analyst: Page) -> None:
    """The analyst sees the voivodeship's measures through the suppression policy: 1–4 read
    "ukryte", never a number, so one more plan cannot be seen as "+1" where there were some
    already. What makes this step able to fail is the cell chosen before the scenario: the goals
    of the scenario's problem area achieved this month, which the analyst saw as 0 (a zero is
    published as 0). Counted, the PUP's assessed goal turns it into a hidden small number
    ("ukryte"); not counted, it stays 0. The persons with a joint plan cannot read 0 once the new
    plan is counted either (when they read 0 before, they must now read "ukryte")."""
    open_measures(analyst)
    wait_for_measures(
        analyst, lambda: achieved_cell(analyst, s.area) != "0" and joint_plan_cell(analyst) != "0"
    )
    shown = achieved_cell(analyst, s.area)
    assert shown == "ukryte", f"goals of {s.area[0]} achieved: {shown!r}, expected a hidden small number"
    joint = joint_plan_cell(analyst)
    assert joint != "0", "the new joint plan is not counted"
    if s.analyst_before == "0":
        assert joint == "ukryte", f"persons with a joint plan: {joint!r}, expected a hidden small number"
    look(analyst, "casework-13-measures-analyst")


@dataclass(frozen=True)
class Step:
    who: str
    name: str
    run: Callable[[Scenario, Page], None]


CASEWORK = (
    Step("analyst", "the analyst notes the month's casework measures", analyst_notes_the_measures),
    Step("coordinator", "the PUP's coordinator notes its own measures", coordinator_notes_the_measures),
    Step("pup", "PUP registers a person and opens her casework", pup_registers_a_person),
    Step("ops", "OPS registers the same person", ops_registers_her_too),
    Step("pup", "PUP starts a joint diagnosis and invites the OPS", pup_starts_a_joint_diagnosis),
    Step("ops", "OPS writes its part and signs", ops_writes_its_part_and_signs),
    Step("pup", "PUP signs the diagnosis", pup_signs_the_diagnosis),
    Step("pup", "PUP draws up a joint plan with the OPS", pup_draws_up_a_joint_plan),
    Step("pup", "PUP adds a goal and an action", pup_adds_a_goal_and_an_action),
    Step("ops", "OPS sees the plan", ops_sees_the_plan),
    Step("pup", "PUP records the person's consent to a referral to an NGO", pup_records_the_consent),
    Step("pup", "PUP creates a referral to the NGO from the action", pup_refers_from_the_action),
    Step("ngo", "the NGO accepts and completes the referral", ngo_completes_the_referral),
    Step("pup", "the action and the goal follow the referral's outcome", pup_sees_the_action_follow),
    Step("pup", "PUP prints the plan and sees it listed", pup_prints_the_plan),
    Step("coordinator", "the PUP's coordinator sees the plan counted, exactly", coordinator_sees_it_counted),
    Step("analyst", "the analyst sees the plan counted, protected", analyst_sees_it_counted),
)


def test_casework_joint_plan_and_referral(new_page: Callable[[str], Page]) -> None:
    scenario = Scenario(new_page)
    for number, current in enumerate(CASEWORK, start=1):
        page = scenario.page(current.who)
        print(f"step {number}/{len(CASEWORK)}: {current.name}")
        with step(current.name, page):
            current.run(scenario, page)
