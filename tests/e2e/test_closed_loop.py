"""The closed loop in a real browser: a PUP registers a person and refers them to the OPS, the OPS
accepts and forwards to an NGO, the NGO completes with an outcome, and the PUP sees the outcome
come back in its referral's chain. Every main page on the way is screenshotted and checked with
axe-core; an uncaught error or a CSP refusal in any page fails it too (see conftest.py).

The scenario is a list of named steps (``CLOSED_LOOP`` at the end), each a small function with a
docstring, run in order on one shared ``ClosedLoop`` state (the users' pages and what earlier steps
found out). A failing step is named in the failure (``step '…' (page …)``) and leaves
``test-results/e2e/FAILED-<step>.png``; the steps that passed are listed in the captured output."""

from __future__ import annotations

import csv
import io
import random
import re
import string
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import openpyxl
from playwright.sync_api import Locator, Page, expect

from conftest import look, make_pesel, settle, sign_in, step

PUP = "pup@splot.example"
OPS = "ops@splot.example"  # Miejsko-Gminny Ośrodek Pomocy Społecznej w Wieliczce
NGO = "ngo@splot.example"  # Fundacja Wspólny Krok (demo seed of services/directory)
OPS_NAME = "Miejsko-Gminny Ośrodek Pomocy Społecznej w Wieliczce"
NGO_NAME = "Fundacja Wspólny Krok"
ANALYST = "analityk@splot.example"  # national scope
#: The analyst's table is narrowed to a cell no demo referral falls in, so one referral there is
#: visible: the cell goes from absent to "ukryte" (1–4 are published hidden, never as a number).
#: The demo persons are of working age (born 1960–2006), so the oldest or the youngest age band of
#: OPS → NGO referrals is empty this year; the test picks an empty one and registers a person of it.
AGE_BANDS = ("65+", "0-17")
ROUTE = "OPS → NGO"
INGESTION_DEADLINE_S = 90


def radio_group(page: Page, name: str) -> Locator:
    return page.get_by_role("radiogroup", name=name)


def choose(page: Page, scope: Page | Locator, label: str, option: str, *, exact: bool = False) -> None:
    """A Mantine Select: open it and pick the option."""
    box = scope.get_by_role("combobox", name=label, exact=exact)
    box.click()
    page.get_by_role("option", name=option, exact=True).click()
    expect(box).to_have_value(option)


def open_action(page: Page, action: str) -> Locator:
    """Click an allowed action of the referral page; returns its dialog."""
    page.get_by_role("region", name="Dostępne działania").get_by_role("button", name=action).click()
    dialog = page.get_by_role("dialog", name=action)
    expect(dialog).to_be_visible()
    return dialog


def analyst_table(page: Page) -> Locator:
    """Zestawienia: referrals OPS → NGO of this year by age band. Returns the result table."""
    page.get_by_role("tab", name="Zestawienia").click()
    expect(page.get_by_role("heading", level=1, name="Zestawienia")).to_be_visible()
    form = page.get_by_role("form", name="Parametry zestawienia")
    choose(page, form, "Okresy", "rok", exact=True)
    year = str(date.today().year)
    choose(page, form, "Od", year, exact=True)
    choose(page, form, "Do", year, exact=True)
    dimensions = form.get_by_role("combobox", name="Podział według")
    dimensions.click()
    dimensions.press("Backspace")  # the default breakdown (Kierunek) becomes a filter instead
    page.get_by_role("option", name="Wiek", exact=True).click()
    dimensions.press("Escape")
    choose(page, form, "Kierunek", ROUTE, exact=True)
    form.get_by_role("button", name="Pokaż zestawienie").click()
    table = page.get_by_role("table", name=re.compile(r"^Zestawienie:"))
    expect(table).to_be_visible()
    expect(table.get_by_role("columnheader", name="Wiek")).to_be_visible()
    return table


def age_row(table: Locator, band: str) -> Locator:
    return table.get_by_role("row").filter(has=table.page.get_by_role("cell", name=band, exact=True))


def birth_date_in(band: str, rng: random.Random) -> date:
    """A birth date whose age this year (the reporting's age: this year − birth year) is in ``band``."""
    year = date.today().year
    first, last = (year - 85, year - 70) if band == "65+" else (year - 17, year - 16)
    start = date(first, 1, 1)
    return start + timedelta(days=rng.randrange((date(last, 12, 31) - start).days))


# --- the shared state -------------------------------------------------------------------------


@dataclass
class ClosedLoop:
    """What the steps share: one page per user (each in its own browser context, opened at the
    user's first step) and what earlier steps found out."""

    new_page: Callable[[str], Page]
    rng: random.Random = field(default_factory=random.Random)
    pages: dict[str, Page] = field(default_factory=dict)
    suffix: str = ""
    first_name: str = "Helena"
    #: The analyst's age band without referrals yet, and the new person's birth date and PESEL in it.
    band: str = ""
    pesel: str = ""
    #: The PUP's referral (its page and number) and the OPS's forwarded one.
    referral_url: str = ""
    number: str = ""
    child_number: str = ""

    def __post_init__(self) -> None:
        self.suffix = "".join(self.rng.choices(string.ascii_lowercase, k=8))

    @property
    def last_name(self) -> str:
        return f"Testowa-{self.suffix.capitalize()}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def page(self, who: str) -> Page:
        if who not in self.pages:
            self.pages[who] = self.new_page(who)
        return self.pages[who]


# --- analyst: the cell the scenario will fill is empty ---------------------------------------


def analyst_sees_the_indicators(loop: ClosedLoop, analyst: Page) -> None:
    """The national analyst signs in and lands on the indicators with the map."""
    sign_in(analyst, ANALYST)
    expect(analyst.get_by_role("heading", level=1, name="Wskaźniki współpracy")).to_be_visible()
    expect(analyst.get_by_text("Zakres danych: cała Polska")).to_be_visible()
    expect(analyst.get_by_test_id("as-of")).to_contain_text("Dane na")
    expect(analyst.get_by_role("group", name=re.compile("Mapa"))).to_be_visible()
    look(analyst, "19-reporting-overview")


def analyst_drills_down_to_powiats(loop: ClosedLoop, analyst: Page) -> None:
    """A voivodeship on the map opens its powiats."""
    analyst.get_by_role("button", name=re.compile(r"^małopolskie: ")).click()
    expect(analyst.get_by_role("heading", name="Powiaty – małopolskie")).to_be_visible()
    look(analyst, "20-reporting-powiats")


def analyst_opens_the_network(loop: ClosedLoop, analyst: Page) -> None:
    """The powiat's cooperation network: the referral flows between institutions."""
    analyst.get_by_role("tab", name="Sieć współpracy").click()
    expect(analyst.get_by_role("heading", level=1, name="Sieć współpracy powiatu")).to_be_visible()
    expect(analyst.get_by_role("table", name=re.compile("Przepływy skierowań"))).to_be_visible()
    look(analyst, "21-reporting-network")


def analyst_finds_an_empty_age_band(loop: ClosedLoop, analyst: Page) -> None:
    """The table of this year's OPS → NGO referrals by age band has a band with none yet; the new
    person is born in it (so that the one referral of the scenario becomes visible there)."""
    table = analyst_table(analyst)
    expect(table.get_by_role("row")).not_to_have_count(0)
    empty = [band for band in AGE_BANDS if age_row(table, band).count() == 0]
    assert empty, f"every one of {AGE_BANDS} already has {ROUTE} referrals this year: pick another cell"
    loop.band = empty[0]
    look(analyst, "22-reporting-tables")
    born = birth_date_in(loop.band, loop.rng)
    loop.pesel = make_pesel(loop.rng, born, female=True)


def analyst_sees_the_editions(loop: ClosedLoop, analyst: Page) -> None:
    """The published editions of the statistics."""
    analyst.get_by_role("tab", name="Opublikowane edycje").click()
    expect(analyst.get_by_role("heading", level=1, name="Opublikowane edycje")).to_be_visible()
    look(analyst, "23-reporting-editions")


# --- PUP: register the person -------------------------------------------------------------------


def pup_signs_in(loop: ClosedLoop, pup: Page) -> None:
    """The labour office's caseworker signs in (the sign-in page is checked too)."""
    sign_in(pup, PUP, name="01-sign-in")


def pup_searches_the_pesel(loop: ClosedLoop, pup: Page) -> None:
    """Osoby: the new PESEL is not in the registry."""
    pup.get_by_role("navigation", name="Nawigacja główna").get_by_role("link", name="Osoby").click()
    expect(pup.get_by_role("heading", level=1, name="Osoby")).to_be_visible()
    search = pup.get_by_role("search").get_by_role("textbox", name="Nazwisko lub PESEL")
    search.fill(loop.pesel)
    pup.get_by_role("button", name="Szukaj po PESEL").click()
    expect(pup.get_by_text("W rejestrze nie ma osoby z tym numerem PESEL.")).to_be_visible()
    look(pup, "02-persons-search")


def pup_registers_the_person(loop: ClosedLoop, pup: Page) -> None:
    """The registration form, opened from the answer with the PESEL filled in."""
    # The header has one link; the answer "no such PESEL" offers another, carrying the PESEL.
    pup.get_by_role("main").get_by_role("link", name="Zarejestruj osobę").last.click()
    expect(pup.get_by_role("heading", level=1, name="Zarejestruj osobę")).to_be_visible()
    expect(pup.get_by_role("textbox", name="PESEL")).to_have_value(loop.pesel)
    pup.get_by_role("textbox", name="Imię", exact=True).fill(loop.first_name)
    pup.get_by_role("textbox", name="Nazwisko", exact=True).fill(loop.last_name)
    pup.get_by_role("textbox", name="Miejscowość").fill("Wieliczka")
    expect(pup.get_by_text(re.compile(r"^Poprawny PESEL: ur\. .*, kobieta$"))).to_be_visible()
    look(pup, "03-register")
    pup.get_by_role("button", name="Zarejestruj", exact=True).click()


def pup_lands_on_the_person(loop: ClosedLoop, pup: Page) -> None:
    """The new person's page shows the name and the PESEL."""
    pup.wait_for_url(re.compile(r"/osoby/[0-9a-f-]{36}$"))
    expect(pup.get_by_role("heading", level=1, name=loop.full_name)).to_be_visible()
    identity = pup.get_by_role("region", name="Dane identyfikacyjne")
    expect(identity.get_by_text(loop.pesel, exact=True)).to_be_visible()
    look(pup, "04-person")


# --- PUP: refer the person to the OPS -------------------------------------------------------------


def wizard_person(loop: ClosedLoop, pup: Page) -> None:
    """Nowe skierowanie from the person page: the wizard starts with the person chosen."""
    pup.get_by_role("link", name="Nowe skierowanie").first.click()
    expect(pup.get_by_role("heading", level=2, name="Krok 1 z 5: Osoba")).to_be_visible()
    expect(pup.get_by_text(f"Wybrano: {loop.full_name}")).to_be_visible()
    look(pup, "05-wizard-person")
    pup.get_by_role("button", name="Dalej").click()


def wizard_service(loop: ClosedLoop, pup: Page) -> None:
    """The service type: a social contract."""
    expect(pup.get_by_role("heading", level=2, name="Krok 2 z 5: Usługa")).to_be_visible()
    choose(pup, pup, "Rodzaj usługi", "Kontrakt socjalny")
    pup.get_by_role("button", name="Dalej").click()


def wizard_target(loop: ClosedLoop, pup: Page) -> None:
    """The OPS's offer."""
    expect(pup.get_by_role("heading", level=2, name="Krok 3 z 5: Realizator")).to_be_visible()
    offer = radio_group(pup, "Oferta i realizator").get_by_role("radio", name=re.compile(OPS_NAME))
    offer.check()
    look(pup, "06-wizard-target")
    pup.get_by_role("button", name="Dalej").click()


def wizard_needs(loop: ClosedLoop, pup: Page) -> None:
    """The needs and the legal basis (a statutory provision)."""
    expect(pup.get_by_role("heading", level=2, name="Krok 4 z 5: Potrzeby i podstawa")).to_be_visible()
    pup.get_by_role("textbox", name="Opis potrzeb").fill(
        "Długotrwale bezrobotna; potrzebne wsparcie socjalne przed powrotem na rynek pracy."
    )
    provision = pup.get_by_role("combobox", name=re.compile("Przepis"))
    provision.click()
    provision.fill("Współpraca")
    pup.get_by_role(
        "option", name=re.compile(r"^ustawa o rynku pracy i służbach zatrudnienia: Współpraca")
    ).click()
    pup.get_by_role("button", name="Dalej").click()


def wizard_review_and_send(loop: ClosedLoop, pup: Page) -> None:
    """The review names the OPS; sending opens the new referral's page."""
    expect(pup.get_by_role("heading", level=2, name="Krok 5 z 5: Sprawdzenie")).to_be_visible()
    expect(pup.get_by_text(OPS_NAME)).to_be_visible()
    look(pup, "07-wizard-review")
    pup.get_by_role("button", name="Wyślij skierowanie").click()
    pup.wait_for_url(re.compile(r"/skierowania/[0-9a-f-]{36}$"))
    loop.referral_url = pup.url


def pup_sees_the_sent_referral(loop: ClosedLoop, pup: Page) -> None:
    """The sender's view: the referral's number, waiting for an answer."""
    title = pup.get_by_role("heading", level=1, name=re.compile(r"^Skierowanie "))
    expect(title).to_be_visible()
    loop.number = title.inner_text().removeprefix("Skierowanie ").strip()
    expect(pup.get_by_text("Jesteś nadawcą")).to_be_visible()
    expect(pup.get_by_text("oczekuje na odpowiedź").first).to_be_visible()
    look(pup, "08-referral-sender")


def pup_finds_it_in_the_outbox(loop: ClosedLoop, pup: Page) -> None:
    """Skierowania wychodzące lists it."""
    pup.get_by_role("tab", name=re.compile(r"^Wychodzące")).click()
    expect(pup.get_by_role("heading", level=1, name="Skierowania wychodzące")).to_be_visible()
    expect(pup.get_by_role("link", name=loop.number, exact=True)).to_be_visible()
    look(pup, "09-outbox")


# --- OPS: accept, record the consent, forward to the NGO ------------------------------------------


def ops_finds_it_in_the_inbox(loop: ClosedLoop, ops: Page) -> None:
    """The OPS signs in; Skierowania przychodzące lists the referral, which it opens."""
    sign_in(ops, OPS)
    ops.goto("/skierowania/przychodzace")
    expect(ops.get_by_role("heading", level=1, name="Skierowania przychodzące")).to_be_visible()
    link = ops.get_by_role("link", name=loop.number, exact=True)
    expect(link).to_be_visible()
    look(ops, "10-inbox")
    link.click()


def ops_opens_the_referral(loop: ClosedLoop, ops: Page) -> None:
    """The receiver's view."""
    expect(ops.get_by_role("heading", level=1, name=f"Skierowanie {loop.number}")).to_be_visible()
    expect(ops.get_by_text("Jesteś odbiorcą")).to_be_visible()
    look(ops, "11-referral-receiver")


def ops_accepts(loop: ClosedLoop, ops: Page) -> None:
    """Przyjmij, assigned to the caseworker: the referral is accepted."""
    dialog = open_action(ops, "Przyjmij")
    dialog.get_by_role("checkbox", name="Przypisz do mnie").check()
    look(ops, "12-accept-dialog", full_page=False)
    dialog.get_by_role("button", name="Przyjmij").click()
    expect(dialog).to_be_hidden()
    expect(ops.get_by_text("przyjęte", exact=True).first).to_be_visible()


def ops_records_the_consent(loop: ClosedLoop, ops: Page) -> None:
    """On the person's page the OPS records the consent to a referral (the NGO's legal basis),
    then goes back to the referral."""
    ops.get_by_role("region", name="Szczegóły").get_by_role("link", name=loop.full_name).click()
    expect(ops.get_by_role("heading", level=1, name=loop.full_name)).to_be_visible()
    consents = ops.get_by_role("region", name="Zgody")
    consents.get_by_role("button", name="Zarejestruj zgodę").click()
    dialog = ops.get_by_role("dialog", name="Zarejestruj zgodę")
    expect(dialog.get_by_role("combobox", name="Cel")).to_have_value("skierowanie")
    dialog.get_by_role("textbox", name=re.compile(r"^Gdzie przechowywana")).fill(f"MGOPS/ZG/{loop.suffix}")
    dialog.get_by_role("button", name="Zarejestruj zgodę").click()
    expect(dialog).to_be_hidden()
    expect(consents.get_by_text("aktywna")).to_be_visible()
    ops.go_back()
    expect(ops.get_by_role("heading", level=1, name=f"Skierowanie {loop.number}")).to_be_visible()


def ops_forwards_to_the_ngo(loop: ClosedLoop, ops: Page) -> None:
    """Skieruj dalej to the NGO on the person's consent: a child referral in the same chain."""
    ops.get_by_role("region", name="Dostępne działania").get_by_role("button", name="Skieruj dalej").click()
    dialog = ops.get_by_role("dialog", name="Skieruj dalej")
    expect(dialog).to_be_visible()
    choose(ops, dialog, "Rodzaj usługi", "Klub Integracji Społecznej (KIS)")
    dialog.get_by_role("radio", name=re.compile(NGO_NAME)).check()
    dialog.get_by_role("textbox", name="Opis potrzeb").fill(
        "Udział w KIS: reintegracja społeczna i zawodowa."
    )
    # An NGO as the target: the legal basis must be the person's consent (recorded above).
    expect(dialog.get_by_role("radio", name="zadanie ustawowe")).to_be_disabled()
    dialog.get_by_role("radiogroup", name="Podstawa prawna").get_by_role("radio", name="zgoda osoby").check()
    consent = dialog.get_by_role("radiogroup", name="Zgoda osoby").get_by_role(
        "radio", name=re.compile(r"^skierowanie · odbiorca: NGO")
    )
    consent.check()
    look(ops, "13-forward-dialog", full_page=False)
    dialog.get_by_role("button", name="Wyślij skierowanie dalej").click()
    expect(dialog).to_be_hidden()
    ops.wait_for_url(lambda url: url != loop.referral_url and re.search(r"/skierowania/[0-9a-f-]{36}$", url))
    child_title = ops.get_by_role("heading", level=1, name=re.compile(r"^Skierowanie "))
    expect(child_title).not_to_have_text(f"Skierowanie {loop.number}")
    loop.child_number = child_title.inner_text().removeprefix("Skierowanie ").strip()
    chain = ops.get_by_role("navigation", name="Łańcuch skierowań")
    expect(chain.get_by_role("link", name=loop.number, exact=True)).to_be_visible()
    expect(chain.get_by_text(NGO_NAME)).to_be_visible()


# --- NGO: accept, start, complete with an outcome -------------------------------------------------


def ngo_sees_the_notification(loop: ClosedLoop, ngo: Page) -> None:
    """The NGO signs in; its notifications name the forwarded referral."""
    sign_in(ngo, NGO)
    ngo.get_by_role("link", name=re.compile(r"^Powiadomienia")).first.click()
    expect(ngo.get_by_role("heading", level=1, name="Powiadomienia")).to_be_visible()
    expect(ngo.get_by_role("link", name=loop.child_number, exact=True).first).to_be_visible()
    look(ngo, "14-notifications")


def ngo_opens_it_from_the_inbox(loop: ClosedLoop, ngo: Page) -> None:
    """Skierowania przychodzące → the forwarded referral, sent by the OPS."""
    ngo.get_by_role("tab", name=re.compile(r"^Przychodzące")).click()
    expect(ngo.get_by_role("heading", level=1, name="Skierowania przychodzące")).to_be_visible()
    ngo.get_by_role("link", name=loop.child_number, exact=True).click()
    expect(ngo.get_by_role("heading", level=1, name=f"Skierowanie {loop.child_number}")).to_be_visible()
    details = ngo.get_by_role("region", name="Szczegóły")
    expect(details.get_by_text(OPS_NAME)).to_be_visible()


def ngo_accepts(loop: ClosedLoop, ngo: Page) -> None:
    """Przyjmij."""
    dialog = open_action(ngo, "Przyjmij")
    dialog.get_by_role("button", name="Przyjmij").click()
    expect(dialog).to_be_hidden()


def ngo_starts(loop: ClosedLoop, ngo: Page) -> None:
    """Rozpocznij realizację: the referral is in progress."""
    dialog = open_action(ngo, "Rozpocznij realizację")
    dialog.get_by_role("button", name="Rozpocznij realizację").click()
    expect(dialog).to_be_hidden()
    expect(ngo.get_by_text("w realizacji", exact=True).first).to_be_visible()


def ngo_completes_with_an_outcome(loop: ClosedLoop, ngo: Page) -> None:
    """Zakończ z rezultatem: a completed programme, described."""
    dialog = open_action(ngo, "Zakończ z rezultatem")
    dialog.get_by_role("checkbox", name="Ukończenie programu (KIS, CIS, PAI)").check()
    dialog.get_by_role("textbox", name="Co zostało zrealizowane").fill("12 tygodni zajęć w KIS.")
    look(ngo, "15-complete-dialog", full_page=False)
    dialog.get_by_role("button", name="Zakończ z rezultatem").click()
    expect(dialog).to_be_hidden()
    details = ngo.get_by_role("region", name="Szczegóły")
    expect(
        details.get_by_text("Ukończenie programu (KIS, CIS, PAI) — 12 tygodni zajęć w KIS.")
    ).to_be_visible()
    look(ngo, "16-referral-completed")


# --- PUP: the outcome comes back ------------------------------------------------------------------


def pup_sees_the_outcome(loop: ClosedLoop, pup: Page) -> None:
    """The PUP's referral shows the NGO's completed child referral and its outcome in the chain."""
    pup.goto(loop.referral_url)
    expect(pup.get_by_role("heading", level=1, name=f"Skierowanie {loop.number}")).to_be_visible()
    chain = pup.get_by_role("navigation", name="Łańcuch skierowań")
    expect(chain.get_by_text(loop.number, exact=True)).to_be_visible()
    child = chain.get_by_role("listitem").filter(has_text=loop.child_number).last
    expect(child).to_contain_text("zakończone")
    expect(child).to_contain_text(NGO_NAME)
    expect(child).to_contain_text("1 rezultat")
    expect(child).to_contain_text("Rezultaty: Ukończenie programu (KIS, CIS, PAI)")
    look(pup, "17-referral-outcome")


def pup_reads_the_notifications(loop: ClosedLoop, pup: Page) -> None:
    """The PUP was told that its referral was accepted and forwarded."""
    pup.get_by_role("tab", name="Powiadomienia").click()
    expect(pup.get_by_role("heading", level=1, name="Powiadomienia")).to_be_visible()
    expect(pup.get_by_text(f"Skierowanie {loop.number} zostało przyjęte", exact=True)).to_be_visible()
    expect(pup.get_by_text(f"Skierowanie {loop.number} zostało przekazane dalej", exact=True)).to_be_visible()
    look(pup, "18-notifications-pup")


# --- analyst: the referral is counted -------------------------------------------------------------


def analyst_sees_the_referral_counted(loop: ClosedLoop, analyst: Page) -> None:
    """Once the reporting service has read the events, the empty cell shows the referral as a
    hidden small number ("ukryte": 1–4 are never published as numbers)."""
    analyst.reload()
    table = analyst_table(analyst)
    # The reporting service reads the other services' event feeds every few seconds: ask again
    # (the button re-reads the same table) until the new cell arrives.
    deadline = time.monotonic() + INGESTION_DEADLINE_S

    def completion_counted() -> bool:
        row = age_row(table, loop.band)
        # Okres, Wiek, Skierowania, Przyjęte, Zakończone, …: the completion is the last event.
        return row.count() == 1 and row.get_by_role("cell").nth(4).inner_text().strip() == "ukryte"

    while not completion_counted() and time.monotonic() < deadline:
        analyst.wait_for_timeout(2000)
        analyst.get_by_role("button", name="Pokaż zestawienie").click()
        settle(analyst)
    row = age_row(table, loop.band)
    expect(row).to_have_count(1)
    cells = row.get_by_role("cell")
    # Okres, Wiek, Skierowania, Przyjęte, Zakończone, Zamknięta pętla
    expect(cells.nth(0)).to_have_text(str(date.today().year))
    for column in (2, 3, 4):
        expect(cells.nth(column)).to_have_text("ukryte")
        expect(cells.nth(column).get_by_label("ukryte – mniej niż 5 przypadków")).to_be_visible()
    look(analyst, "24-reporting-counted")


def analyst_downloads_csv_and_xlsx(loop: ClosedLoop, analyst: Page) -> None:
    """The same table as CSV (the cell suppressed, no value) and as XLSX."""
    band, year = loop.band, date.today().year
    with analyst.expect_download() as download:
        analyst.get_by_role("button", name="Pobierz CSV").click()
    assert download.value.suggested_filename.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    cell = [r for r in rows if r["age_band"] == band and r["measure"] == "referrals"]
    assert cell == [
        {
            "table": "aggregate",
            "period": str(year),
            "age_band": band,
            "measure": "referrals",
            "value": "",
            "suppressed": "true",
        }
    ], cell
    with analyst.expect_download() as download:
        analyst.get_by_role("button", name="Pobierz XLSX").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()), read_only=True)
    values = [
        [str(v) for v in row if v is not None]
        for sheet in workbook
        for row in sheet.iter_rows(values_only=True)
    ]
    assert any(band in row and str(year) in row for row in values), values[:20]


# --- the scenario ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One named step: who acts (whose page it gets and screenshots on failure) and what it does."""

    who: str
    name: str
    run: Callable[[ClosedLoop, Page], None]


#: The closed loop, in order. The names are what a failure reports (and FAILED-<name>.png).
CLOSED_LOOP = (
    Step("analyst", "analyst signs in and sees the indicators", analyst_sees_the_indicators),
    Step("analyst", "analyst drills down to the powiats of małopolskie", analyst_drills_down_to_powiats),
    Step("analyst", "analyst opens the cooperation network of a powiat", analyst_opens_the_network),
    Step(
        "analyst",
        f"analyst's table has an age band without {ROUTE} referrals",
        analyst_finds_an_empty_age_band,
    ),
    Step("analyst", "analyst sees the published editions", analyst_sees_the_editions),
    Step("pup", "PUP signs in", pup_signs_in),
    Step("pup", "PUP opens the persons search", pup_searches_the_pesel),
    Step("pup", "PUP registers the person", pup_registers_the_person),
    Step("pup", "PUP lands on the person page", pup_lands_on_the_person),
    Step("pup", "PUP starts a referral from the person page (step 1: person)", wizard_person),
    Step("pup", "wizard step 2: service type", wizard_service),
    Step("pup", "wizard step 3: the OPS's offer", wizard_target),
    Step("pup", "wizard step 4: needs and legal basis", wizard_needs),
    Step("pup", "wizard step 5: review and send", wizard_review_and_send),
    Step("pup", "PUP sees the sent referral (sender view)", pup_sees_the_sent_referral),
    Step("pup", "PUP finds it in the outbox", pup_finds_it_in_the_outbox),
    Step("ops", "OPS signs in and finds the referral in its inbox", ops_finds_it_in_the_inbox),
    Step("ops", "OPS opens the referral (receiver view)", ops_opens_the_referral),
    Step("ops", "OPS accepts", ops_accepts),
    Step("ops", "OPS records the person's consent to a referral to an NGO", ops_records_the_consent),
    Step("ops", "OPS forwards to the NGO", ops_forwards_to_the_ngo),
    Step("ngo", "NGO signs in and sees the notification", ngo_sees_the_notification),
    Step("ngo", "NGO opens the forwarded referral from its inbox", ngo_opens_it_from_the_inbox),
    Step("ngo", "NGO accepts", ngo_accepts),
    Step("ngo", "NGO starts", ngo_starts),
    Step("ngo", "NGO completes with an outcome", ngo_completes_with_an_outcome),
    Step("pup", "PUP sees the NGO's outcome in its referral's chain", pup_sees_the_outcome),
    Step("pup", "PUP's notifications tell the referral's story", pup_reads_the_notifications),
    Step(
        "analyst",
        f"analyst sees the {ROUTE} referral counted (as a hidden small number)",
        analyst_sees_the_referral_counted,
    ),
    Step("analyst", "analyst downloads the same table as CSV and XLSX", analyst_downloads_csv_and_xlsx),
)


def test_closed_loop_pup_ops_ngo(new_page: Callable[[str], Page]) -> None:
    """The steps of ``CLOSED_LOOP`` in order on one shared state; the first failure stops it."""
    loop = ClosedLoop(new_page)
    for number, current in enumerate(CLOSED_LOOP, start=1):
        page = loop.page(current.who)
        print(f"step {number}/{len(CLOSED_LOOP)}: {current.name}")  # in the report's captured output
        with step(current.name, page):
            current.run(loop, page)


#: (who signs in, address, its page title) — the pages the scenario does not pass through.
OTHER_MAIN_PAGES = (
    ("pup.admin@splot.example", "/administracja/uzytkownicy", "Użytkownicy"),
    ("pup.admin@splot.example", "/administracja/klienci-api", "Klienci API"),
    ("pup.admin@splot.example", "/administracja/webhooki", "Webhooki"),
    ("ops.admin@splot.example", "/administracja/oferty", "Oferty usług"),
    ("admin@splot.example", "/administracja/instytucje", "Instytucje"),
    ("ops.koordynator@splot.example", "/raporty/partnerzy", "Współpraca z partnerami"),
    ("wup.analityk@splot.example", "/raporty/przeglad", "Wskaźniki współpracy"),
)


def test_the_other_main_pages_are_accessible(new_page: Callable[[str], Page]) -> None:
    """Administration and the institution's and region's reports: each page shows its data and
    axe finds no serious or critical violation (the scenario above covers the rest)."""
    signed_in: dict[str, Page] = {}
    for login, path, title in OTHER_MAIN_PAGES:
        page = signed_in.get(login)
        with step(f"{login} opens {path}", page):
            if page is None:
                page = signed_in[login] = new_page(login.split("@")[0])
                sign_in(page, login)
            page.goto(path)
            expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
            look(page, f"30-{path.strip('/').replace('/', '-')}")
