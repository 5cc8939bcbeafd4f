"""The shared registry across institutions in a real browser (issue 13, defects 2 and 3).

1. A walk-in client: the PUP registers a person with the full form (address, gmina from TERYT,
   citizenship, contact); the OPS finds her by PESEL — initials and birth year only — registers
   her in its own institution with a declared reason and opens her record (never an error page).
2. A duplicate: the NGO types the same person again without a PESEL; the 409 lists the candidate
   masked, and the NGO asks for access with a reason; the PUP sees the request (with a count in
   the persons' tabs), approves it, and the NGO opens the record from its outgoing requests.

Every page is screenshotted and checked with axe-core (conftest.py). Steps (``REGISTRY`` at the
end) run in order on one shared ``Scenario``."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from playwright.sync_api import Locator, Page, expect

from conftest import look, make_pesel, sign_in, step

PUP = "pup@splot.example"
OPS = "ops@splot.example"
NGO = "ngo@splot.example"
LETTERS = "bcdfghjklmnprstwz"


@dataclass
class Scenario:
    new_page: Callable[[str], Page]
    rng: random.Random = field(default_factory=random.Random)
    born: date = date(1979, 4, 17)
    pesel: str = ""
    first_name: str = "Maria"
    last_name: str = ""
    pup: Page | None = None
    ops: Page | None = None
    ngo: Page | None = None

    def __post_init__(self) -> None:
        # A surname no demo person has, so the name search and the duplicate check find only her.
        self.last_name = "Wąs" + "".join(self.rng.choice(LETTERS) for _ in range(6))
        self.born = date(
            1960 + self.rng.randrange(30), 1 + self.rng.randrange(12), 1 + self.rng.randrange(28)
        )
        self.pesel = make_pesel(self.rng, self.born, female=True)

    @property
    def initials_hint(self) -> str:
        return f"{self.first_name[0]}. {self.last_name[0]}., ur. {self.born.year}"


def choose(page: Page, label: str, option: re.Pattern[str] | str) -> None:
    """A Mantine Select: type to filter, then pick the option."""
    box = page.get_by_role("combobox", name=label, exact=True)
    box.click()
    page.get_by_role("option", name=option).first.click()


def persons(page: Page) -> None:
    page.get_by_role("navigation", name="Nawigacja główna").get_by_role("link", name="Osoby").click()
    expect(page.get_by_role("heading", level=1, name="Osoby")).to_be_visible()


def search_pesel(page: Page, pesel: str) -> Locator:
    persons(page)
    page.get_by_role("search").get_by_role("textbox", name="Nazwisko lub PESEL").fill(pesel)
    page.get_by_role("button", name="Szukaj po PESEL").click()
    return page.get_by_role("main")


# --- 1. a walk-in client found by PESEL --------------------------------------------------------


def pup_registers_with_the_full_form(s: Scenario) -> None:
    """The PUP registers her: PESEL, names, citizenship, address with the gmina from TERYT, contact."""
    page = s.pup = s.new_page("pup")
    sign_in(page, PUP)
    persons(page)
    page.get_by_role("main").get_by_role("link", name="Zarejestruj osobę").first.click()
    expect(page.get_by_role("heading", level=1, name="Zarejestruj osobę")).to_be_visible()
    page.get_by_role("textbox", name="PESEL").fill(s.pesel)
    page.get_by_role("textbox", name="Imię", exact=True).fill(s.first_name)
    page.get_by_role("textbox", name="Nazwisko", exact=True).fill(s.last_name)
    choose(page, "Obywatelstwo", re.compile(r"\(PL\)$"))
    page.get_by_role("textbox", name="Ulica i numer").fill("ul. Zamkowa 3")
    page.get_by_role("textbox", name="Kod pocztowy").fill("32-020")
    page.get_by_role("textbox", name="Miejscowość").fill("Wieliczka")
    choose(page, "Województwo", "małopolskie")
    choose(page, "Powiat", "wielicki")
    choose(page, "Gmina", re.compile(r"^Wieliczka"))
    page.get_by_role("textbox", name="Telefon").fill("+48 600 123 456")
    choose(page, "Preferowany sposób kontaktu", "telefon")
    look(page, "registry-01-register-form")
    page.get_by_role("button", name="Zarejestruj", exact=True).click()
    page.wait_for_url(re.compile(r"/osoby/[0-9a-f-]{36}$"))
    expect(page.get_by_role("heading", level=1, name=f"{s.first_name} {s.last_name}")).to_be_visible()


def ops_finds_her_by_pesel(s: Scenario) -> None:
    """The OPS searches the PESEL: initials and birth year, and "Zarejestruj w mojej instytucji"
    instead of a link to a record it cannot open."""
    page = s.ops = s.new_page("ops")
    sign_in(page, OPS)
    main = search_pesel(page, s.pesel)
    expect(main.get_by_text(s.initials_hint, exact=True)).to_be_visible()
    expect(main.get_by_role("link", name="Otwórz kartę")).to_have_count(0)
    look(page, "registry-02-ops-lookup")


def ops_registers_her_with_a_reason(s: Scenario) -> None:
    """The OPS registers her in its institution with a declared reason and lands on her record."""
    page = s.ops
    assert page is not None
    page.get_by_role("button", name=f"Zarejestruj w mojej instytucji: {s.initials_hint}").click()
    dialog = page.get_by_role("dialog", name="Rejestracja osoby w Twojej instytucji")
    dialog.get_by_role("textbox", name=re.compile("^Powód rejestracji")).fill(
        "Zgłosiła się do ośrodka po pomoc w sprawie zasiłku okresowego."
    )
    look(page, "registry-03-register-here", full_page=False)
    dialog.get_by_role("button", name="Zarejestruj i otwórz kartę").click()
    page.wait_for_url(re.compile(r"/osoby/[0-9a-f-]{36}$"))
    expect(page.get_by_role("heading", level=1, name=f"{s.first_name} {s.last_name}")).to_be_visible()
    expect(page.get_by_role("alert")).to_have_count(0)
    look(page, "registry-04-ops-person")


def ops_then_opens_her_from_the_lookup(s: Scenario) -> None:
    """Searching the PESEL again now offers "Otwórz kartę"."""
    page = s.ops
    assert page is not None
    main = search_pesel(page, s.pesel)
    expect(main.get_by_role("link", name="Otwórz kartę")).to_be_visible()


# --- 2. a duplicate, an access request and its approval -----------------------------------------


def ngo_types_her_again_without_pesel(s: Scenario) -> None:
    """The NGO registers her without a PESEL: a likely duplicate it cannot see, shown masked."""
    page = s.ngo = s.new_page("ngo")
    sign_in(page, NGO)
    persons(page)
    page.get_by_role("main").get_by_role("link", name="Zarejestruj osobę").first.click()
    expect(page.get_by_role("heading", level=1, name="Zarejestruj osobę")).to_be_visible()
    page.get_by_text("Bez PESEL (dokument)", exact=True).click()
    page.get_by_role("textbox", name=re.compile("^Numer dokumentu")).fill(
        "ZX" + str(s.rng.randrange(10**6, 10**7))
    )
    page.get_by_label(re.compile("^Data urodzenia")).fill(s.born.isoformat())
    page.get_by_text("kobieta", exact=True).click()
    page.get_by_role("textbox", name="Imię", exact=True).fill(s.first_name)
    page.get_by_role("textbox", name="Nazwisko", exact=True).fill(s.last_name)
    page.get_by_role("button", name="Zarejestruj", exact=True).click()
    alert = page.get_by_role("alert").filter(has_text="Ta osoba może już być w rejestrze")
    expect(alert.get_by_text(s.initials_hint, exact=True)).to_be_visible()
    expect(alert).not_to_contain_text(s.last_name)
    look(page, "registry-05-duplicate")


def ngo_asks_for_access(s: Scenario) -> None:
    """Asks with "Poproś o dostęp" and a reason: the request goes to the registering institutions."""
    page = s.ngo
    assert page is not None
    page.get_by_role("button", name=f"Poproś o dostęp: {s.initials_hint}").click()
    page.get_by_role("textbox", name=re.compile("^Powód prośby o dostęp")).fill(
        "Uczestniczka naszego programu aktywizacji, przyszła z własnej inicjatywy."
    )
    page.get_by_role("button", name="Wyślij prośbę").click()
    expect(page.get_by_text(re.compile("^Wysłano prośbę o dostęp"))).to_be_visible()
    page.get_by_role("link", name="Zobacz wysłane prośby").click()
    table = page.get_by_role("table", name="Wysłane przez moją instytucję")
    expect(table.get_by_text(s.initials_hint, exact=True)).to_be_visible()
    expect(table.get_by_text("oczekuje", exact=True)).to_be_visible()
    look(page, "registry-06-outgoing")


def pup_approves_the_request(s: Scenario) -> None:
    """The PUP sees the request in "Prośby o dostęp" (with a count) and approves it."""
    page = s.pup
    assert page is not None
    persons(page)
    tab = page.get_by_role("tab", name=re.compile("^Prośby o dostęp"))
    expect(tab.get_by_label(re.compile("czek"))).to_be_visible()
    tab.click()
    expect(page.get_by_role("heading", level=1, name="Prośby o dostęp")).to_be_visible()
    row = page.get_by_role("row").filter(has_text=s.last_name)
    expect(row.get_by_text("Fundacja Wspólny Krok")).to_be_visible()
    look(page, "registry-07-incoming")
    row.get_by_role("button", name="Zatwierdź").click()
    dialog = page.get_by_role("dialog", name="Zatwierdzenie prośby o dostęp")
    look(page, "registry-08-approve", full_page=False)
    dialog.get_by_role("button", name="Zatwierdź").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("row").filter(has_text=s.last_name)).to_have_count(0)


def ngo_opens_the_record(s: Scenario) -> None:
    """The NGO's request is approved and its link opens her record."""
    page = s.ngo
    assert page is not None
    page.goto("/osoby/prosby-o-dostep?box=outgoing&state=all")
    table = page.get_by_role("table", name="Wysłane przez moją instytucję")
    expect(table.get_by_text("zatwierdzona", exact=True)).to_be_visible()
    table.get_by_role("link", name=re.compile(s.last_name)).click()
    expect(page.get_by_role("heading", level=1, name=f"{s.first_name} {s.last_name}")).to_be_visible()
    look(page, "registry-09-ngo-person")


REGISTRY: list[Callable[[Scenario], None]] = [
    pup_registers_with_the_full_form,
    ops_finds_her_by_pesel,
    ops_registers_her_with_a_reason,
    ops_then_opens_her_from_the_lookup,
    ngo_types_her_again_without_pesel,
    ngo_asks_for_access,
    pup_approves_the_request,
    ngo_opens_the_record,
]


def test_registry_across_institutions(new_page) -> None:
    scenario = Scenario(new_page=new_page)
    for run in REGISTRY:
        page = scenario.ngo or scenario.ops or scenario.pup
        with step(run.__name__, page):
            run(scenario)
        print(f"✓ {run.__name__}: {(run.__doc__ or '').splitlines()[0]}")
