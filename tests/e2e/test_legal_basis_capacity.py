"""Legal bases and offer capacity (issue #13, defects 8 and 6) in a real browser: the OPS's
administrator sees the places referrals take in its offers and reports that one offer is full;
the PUP refers a newly registered person there, choosing the statutory basis from the catalogue
(a searchable list of the provisions a PUP may cite for the service), and confirms sending to the
full offer; the referral shows the provision's citation. The offer's places are restored at the
end. Every page is screenshotted and checked with axe-core.

Steps (``STEPS`` at the end) run in order on one shared ``Capacity`` state."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from playwright.sync_api import Page, expect

from conftest import look, make_pesel, sign_in, step

PUP = "pup@splot.example"
OPS_ADMIN = "ops.admin@splot.example"
OPS_NAME = "Miejsko-Gminny Ośrodek Pomocy Społecznej w Wieliczce"
OFFER = "Asystent rodziny"
PROVISION = re.compile(r"^ustawa o rynku pracy i służbach zatrudnienia: Współpraca powiatowego urzędu pracy")
CITATION = "ustawa o rynku pracy i służbach zatrudnienia: Współpraca powiatowego urzędu pracy"
LETTERS = "abcdefghijklmnoprstuwz"


@dataclass
class Capacity:
    new_page: Callable[[str], Page]
    rng: random.Random = field(default_factory=random.Random)
    admin: Page | None = None
    pup: Page | None = None
    last_name: str = ""
    pesel: str = ""

    def __post_init__(self) -> None:
        self.last_name = "Miejscowa" + "".join(self.rng.choice(LETTERS) for _ in range(5))
        born = date(1970 + self.rng.randrange(20), 1 + self.rng.randrange(12), 1 + self.rng.randrange(28))
        self.pesel = make_pesel(self.rng, born, female=True)


def set_free_places(page: Page, places: str) -> None:
    page.get_by_role("button", name=f"Miejsca: zmień liczbę wolnych miejsc w ofercie {OFFER}").click()
    dialog = page.get_by_role("dialog", name="Liczba wolnych miejsc")
    expect(dialog.get_by_text(re.compile(r"zajmują w tej ofercie miejsca: \d+"))).to_be_visible()
    dialog.get_by_role("textbox", name="Wolne miejsca").fill(places)
    if places == "0":
        look(page, "capacity-01-set-places", full_page=False)
    dialog.get_by_role("button", name="Zapisz").click()
    expect(dialog).to_be_hidden()


def admin_reports_a_full_offer(s: Capacity) -> None:
    """The OPS's offers list the places referrals take; the administrator reports 0 free places."""
    page = s.admin = s.new_page("ops-admin")
    sign_in(page, OPS_ADMIN)
    page.goto("/administracja/oferty")
    expect(page.get_by_role("heading", level=1, name="Oferty usług")).to_be_visible()
    expect(page.get_by_role("columnheader", name="Zajęte przez skierowania")).to_be_visible()
    set_free_places(page, "0")
    row = page.get_by_role("row", name=re.compile(OFFER))
    expect(row.get_by_text(re.compile(r"brak miejsc"))).to_be_visible()
    look(page, "capacity-02-offers")


def pup_registers_a_person(s: Capacity) -> None:
    """A new person at the PUP (the wizard starts from her page)."""
    page = s.pup = s.new_page("pup")
    sign_in(page, PUP)
    page.goto("/osoby/nowa")
    page.get_by_role("textbox", name="PESEL").fill(s.pesel)
    page.get_by_role("textbox", name="Imię", exact=True).fill("Irena")
    page.get_by_role("textbox", name="Nazwisko", exact=True).fill(s.last_name)
    page.get_by_role("button", name="Zarejestruj", exact=True).click()
    page.wait_for_url(re.compile(r"/osoby/[0-9a-f-]{36}$"))
    page.get_by_role("link", name="Nowe skierowanie").first.click()
    expect(page.get_by_role("heading", level=2, name="Krok 1 z 5: Osoba")).to_be_visible()
    page.get_by_role("button", name="Dalej").click()


def pup_chooses_the_full_offer(s: Capacity) -> None:
    """Family assistance at the OPS, whose offer shows no free places."""
    page = s.pup
    assert page is not None
    box = page.get_by_role("combobox", name=re.compile("Rodzaj usługi"))
    box.click()
    page.get_by_role("option", name=OFFER, exact=True).click()
    page.get_by_role("button", name="Dalej").click()
    expect(page.get_by_role("heading", level=2, name="Krok 3 z 5: Realizator")).to_be_visible()
    offers = page.get_by_role("radiogroup", name=re.compile("Oferta i realizator"))
    offers.get_by_role("radio", name=re.compile(OPS_NAME)).check()
    expect(offers.get_by_text(re.compile(r"wolne miejsca: 0 z 10"))).to_be_visible()
    look(page, "capacity-03-wizard-offer")
    page.get_by_role("button", name="Dalej").click()


def pup_chooses_the_provision(s: Capacity) -> None:
    """The legal basis: a searchable list of the provisions a PUP may cite for this service."""
    page = s.pup
    assert page is not None
    expect(page.get_by_role("heading", level=2, name="Krok 4 z 5: Potrzeby i podstawa")).to_be_visible()
    page.get_by_role("textbox", name="Opis potrzeb").fill("Rodzina potrzebuje wsparcia asystenta.")
    provision = page.get_by_role("combobox", name=re.compile("Przepis"))
    provision.click()
    provision.fill("Współpraca")
    page.get_by_role("option", name=PROVISION).click()
    expect(page.get_by_text(re.compile(r"^Akt: Ustawa z dnia 20 marca 2025 r\."))).to_be_visible()
    look(page, "capacity-04-wizard-provision")
    page.get_by_role("button", name="Dalej").click()


def pup_confirms_sending_to_the_full_offer(s: Capacity) -> None:
    """The review cites the provision; sending asks for a confirmation first."""
    page = s.pup
    assert page is not None
    expect(page.get_by_role("heading", level=2, name="Krok 5 z 5: Sprawdzenie")).to_be_visible()
    expect(page.get_by_text(re.compile(f"^zadanie ustawowe: {CITATION}"))).to_be_visible()
    page.get_by_role("button", name="Wyślij skierowanie").click()
    expect(page.get_by_text("Brak wolnych miejsc w wybranej ofercie")).to_be_visible()
    look(page, "capacity-05-confirm")
    page.get_by_role("button", name="Wyślij mimo to").click()
    page.wait_for_url(re.compile(r"/skierowania/[0-9a-f-]{36}$"))
    expect(page.get_by_text(re.compile(f"^zadanie ustawowe: {CITATION}"))).to_be_visible()
    look(page, "capacity-06-referral")


def admin_restores_the_places(s: Capacity) -> None:
    """The offer gets its free places back (the other browser tests share the demo data)."""
    page = s.admin
    assert page is not None
    page.reload()
    set_free_places(page, "2")


STEPS = [
    ("the OPS reports a full offer", admin_reports_a_full_offer),
    ("the PUP registers a person", pup_registers_a_person),
    ("the PUP chooses the full offer", pup_chooses_the_full_offer),
    ("the PUP chooses the provision", pup_chooses_the_provision),
    ("the PUP confirms sending", pup_confirms_sending_to_the_full_offer),
    ("the OPS restores the places", admin_restores_the_places),
]


def test_legal_basis_and_capacity(new_page) -> None:
    state = Capacity(new_page=new_page)
    for name, run in STEPS:
        with step(name, state.pup or state.admin):
            run(state)
