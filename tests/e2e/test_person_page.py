"""The person's page in a real browser (issue 13: the screens over the registry's APIs).

A PUP caseworker registers a person, records case data (typed by the catalogue; a sensitive value
hidden until shown), changes one and reads its history; records a consent and opens its form to
print; reads the person's access report (art. 15 RODO) as a page and as a printed document. An OPS
coordinator, whose institution cannot see her, opens emergency access (break-glass) with a reason
and sees when it ends; the PUP then sees that access listed on her page.

Every page is screenshotted and checked with axe-core (conftest.py); the printed documents are
also shot under the print stylesheet. Steps (``PERSON_PAGE`` at the end) run in order on one
shared ``Scenario``."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from playwright.sync_api import Page, expect

from conftest import look, make_pesel, shot, sign_in, step

PUP = "pup@splot.example"
OPS_COORDINATOR = "ops.koordynator@splot.example"
LETTERS = "bcdfghjklmnprstwz"
REASON = "Zagrożenie zdrowia osoby, pilna interwencja w nocy"


@dataclass
class Scenario:
    new_page: Callable[[str], Page]
    rng: random.Random = field(default_factory=random.Random)
    first_name: str = "Helena"
    last_name: str = ""
    pesel: str = ""
    person_url: str = ""
    pup: Page | None = None
    ops: Page | None = None

    def __post_init__(self) -> None:
        self.last_name = "Kartowa" + "".join(self.rng.choice(LETTERS) for _ in range(5))
        born = date(1960 + self.rng.randrange(30), 1 + self.rng.randrange(12), 1 + self.rng.randrange(28))
        self.pesel = make_pesel(self.rng, born, female=True)


def choose(page: Page, label: str, option: str) -> None:
    """A Mantine Select in the open dialog: open it, then pick the option."""
    page.get_by_role("dialog").get_by_role("combobox", name=re.compile(f"^{label}")).click()
    page.get_by_role("option", name=option, exact=True).first.click()


def region(page: Page, name: str):
    return page.get_by_role("region", name=name)


def pup_registers_a_person(s: Scenario) -> None:
    """The PUP registers her; the person's page names the record state in Polish (defect 7)."""
    page = s.pup = s.new_page("pup")
    sign_in(page, PUP)
    page.goto("/osoby/nowa")
    expect(page.get_by_role("heading", level=1, name="Zarejestruj osobę")).to_be_visible()
    page.get_by_role("textbox", name="PESEL").fill(s.pesel)
    page.get_by_role("textbox", name="Imię", exact=True).fill(s.first_name)
    page.get_by_role("textbox", name="Nazwisko", exact=True).fill(s.last_name)
    page.get_by_role("button", name="Zarejestruj", exact=True).click()
    page.wait_for_url(re.compile(r"/osoby/[0-9a-f-]{36}$"))
    s.person_url = re.sub(r"^https?://[^/]+", "", page.url)
    expect(page.get_by_role("heading", level=1, name=f"{s.first_name} {s.last_name}")).to_be_visible()
    identity = region(page, "Dane identyfikacyjne")
    expect(identity.get_by_text("aktywny", exact=True)).to_be_visible()
    expect(identity.get_by_text("active", exact=True)).to_have_count(0)
    expect(page.get_by_role("link", name="Edytuj dane")).to_be_visible()
    look(page, "person-01-page")


def pup_records_case_data(s: Scenario) -> None:
    """Case data typed by the catalogue: a choice, and a sensitive one hidden until shown."""
    page = s.pup
    assert page is not None
    attributes = region(page, "Dane sprawy")
    attributes.get_by_role("button", name="Dodaj dane sprawy").click()
    dialog = page.get_by_role("dialog", name="Nowe dane sprawy")
    choose(page, "Rodzaj danych", "Poziom wykształcenia")
    choose(page, "Wartość", "wyższe")
    look(page, "person-02-attribute-dialog", full_page=False)
    dialog.get_by_role("button", name="Zapisz").click()
    expect(dialog).to_be_hidden()
    expect(attributes.get_by_text("wyższe", exact=True)).to_be_visible()

    attributes.get_by_role("button", name="Dodaj dane sprawy").click()
    dialog = page.get_by_role("dialog", name="Nowe dane sprawy")
    choose(page, "Rodzaj danych", "Stopień niepełnosprawności")
    expect(dialog.get_by_text(re.compile("Dane szczególnej kategorii"))).to_be_visible()
    choose(page, "Wartość", "umiarkowany")
    dialog.get_by_role("button", name="Zapisz").click()
    expect(dialog).to_be_hidden()
    expect(attributes.get_by_text("ukryte", exact=True)).to_be_visible()
    expect(attributes.get_by_text("umiarkowany", exact=True)).to_have_count(0)
    look(page, "person-03-attributes-hidden")
    attributes.get_by_role("button", name="Pokaż wartość: Stopień niepełnosprawności").click()
    expect(attributes.get_by_text("umiarkowany", exact=True)).to_be_visible()


def pup_changes_case_data_and_reads_its_history(s: Scenario) -> None:
    """A change (If-Match) and the attribute's history: both values, newest first, with who."""
    page = s.pup
    assert page is not None
    attributes = region(page, "Dane sprawy")
    attributes.get_by_role("button", name="Zmień: Poziom wykształcenia").click()
    dialog = page.get_by_role("dialog", name="Zmiana danych sprawy")
    choose(page, "Wartość", "średnie zawodowe")
    dialog.get_by_role("button", name="Zapisz").click()
    expect(dialog).to_be_hidden()
    expect(attributes.get_by_text("średnie zawodowe", exact=True)).to_be_visible()
    attributes.get_by_role("button", name="Historia: Poziom wykształcenia").click()
    history = page.get_by_role("dialog", name="Historia danych sprawy")
    rows = history.get_by_role("row")
    expect(rows).to_have_count(3)  # the header, the change, the first value
    expect(rows.nth(1)).to_contain_text("zmieniono")
    expect(rows.nth(1)).to_contain_text("średnie zawodowe")
    expect(rows.nth(2)).to_contain_text("wprowadzono")
    look(page, "person-04-attribute-history", full_page=False)
    history.get_by_role("button", name="Zamknij").click()
    expect(history).to_be_hidden()


def pup_records_a_consent_and_prints_it(s: Scenario) -> None:
    """A consent recorded (recipient type, evidence), then its form to sign, printed."""
    page = s.pup
    assert page is not None
    consents = region(page, "Zgody")
    consents.get_by_role("button", name="Zarejestruj zgodę").click()
    dialog = page.get_by_role("dialog", name="Zarejestruj zgodę")
    dialog.get_by_role("textbox", name=re.compile("Gdzie przechowywana jest podpisana zgoda")).fill(
        "Oświadczenie 7/2026"
    )
    dialog.get_by_role("checkbox", name=re.compile("Obejmuje dane szczególnej kategorii")).check()
    look(page, "person-05-consent-dialog", full_page=False)
    dialog.get_by_role("button", name="Zarejestruj zgodę").click()
    expect(dialog).to_be_hidden()
    expect(consents.get_by_text("aktywna", exact=True)).to_be_visible()
    consents.get_by_role("link", name=re.compile("^Drukuj formularz zgody")).click()
    expect(
        page.get_by_role("heading", level=1, name="Zgoda na udostępnianie danych osobowych")
    ).to_be_visible()
    main = page.get_by_role("main")
    expect(main.get_by_text(f"{s.first_name} {s.last_name}, PESEL {s.pesel}")).to_be_visible()
    expect(main.get_by_text("Oświadczenie 7/2026")).to_be_visible()
    expect(main.get_by_text("Czytelny podpis osoby")).to_be_visible()
    look(page, "person-06-consent-print-view")
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Nawigacja główna")).to_be_hidden()
    expect(page.get_by_role("button", name="Drukuj")).to_be_hidden()
    shot(page, "person-07-consent-printed")
    page.emulate_media(media="screen")
    page.get_by_role("link", name="Wróć do karty osoby").click()
    expect(page.get_by_role("heading", level=1, name=f"{s.first_name} {s.last_name}")).to_be_visible()


def pup_reads_the_access_report(s: Scenario) -> None:
    """The access report (art. 15): who, when, on what basis, in words; printable."""
    page = s.pup
    assert page is not None
    page.get_by_role("link", name="Raport dostępu (art. 15 RODO)").click()
    expect(page.get_by_role("heading", level=1, name="Raport dostępu do danych osobowych")).to_be_visible()
    summary = page.get_by_role("table", name="Podsumowanie według instytucji")
    expect(summary.get_by_text("rejestracja w instytucji").first).to_be_visible()
    entries = page.get_by_role("table", name="Wszystkie odczyty i czynności")
    expect(entries.get_by_text("zapis danych sprawy").first).to_be_visible()
    expect(entries.get_by_text("przyjęcie zgody").first).to_be_visible()
    look(page, "person-08-access-report")
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Drukuj raport")).to_be_hidden()
    shot(page, "person-09-access-report-printed")
    page.emulate_media(media="screen")


def ops_coordinator_opens_emergency_access(s: Scenario) -> None:
    """The OPS cannot see her; its coordinator opens break-glass with a reason and sees its end."""
    page = s.ops = s.new_page("ops-coordinator")
    sign_in(page, OPS_COORDINATOR)
    page.goto(s.person_url)
    main = page.get_by_role("main")
    expect(main.get_by_text(re.compile("Twoja instytucja nie ma dostępu do tej osoby"))).to_be_visible()
    look(page, "person-10-not-visible")
    main.get_by_role("link", name="Poproś o dostęp awaryjny").click()
    expect(page.get_by_role("heading", level=1, name="Dostęp awaryjny")).to_be_visible()
    page.get_by_role("textbox", name=re.compile("^Powód dostępu")).fill(REASON)
    hours = page.get_by_role("textbox", name=re.compile("^Czas trwania"))
    hours.fill("4")
    expect(
        page.get_by_text(re.compile("Otwarcie dostępu i każdy odczyt zapisujemy w rejestrze dostępu"))
    ).to_be_visible()
    look(page, "person-11-break-glass-form")
    page.get_by_role("button", name="Otwórz dostęp awaryjny").click()
    expect(
        page.get_by_text(re.compile(r"Dostęp awaryjny aktywny do .*\(pozostało [34] godz\."))
    ).to_be_visible()
    look(page, "person-12-break-glass-open")
    page.get_by_role("link", name="Przejdź do karty osoby").click()
    expect(page.get_by_role("heading", level=1, name=f"{s.first_name} {s.last_name}")).to_be_visible()
    expect(page.get_by_text("Dostęp awaryjny (tylko odczyt)")).to_be_visible()
    expect(page.get_by_text(re.compile("Dostęp awaryjny aktywny do"))).to_be_visible()
    expect(page.get_by_role("button", name="Zarejestruj zgodę")).to_have_count(0)
    look(page, "person-13-break-glass-person")


def pup_sees_the_emergency_access(s: Scenario) -> None:
    """The registering PUP sees the OPS's emergency access, with its reason, on her page."""
    page = s.pup
    assert page is not None
    page.goto(s.person_url)
    glass = region(page, "Dostęp awaryjny")
    expect(glass.get_by_text(REASON)).to_be_visible()
    expect(glass.get_by_text("aktywny", exact=True)).to_be_visible()
    look(page, "person-14-break-glass-listed")


PERSON_PAGE: list[Callable[[Scenario], None]] = [
    pup_registers_a_person,
    pup_records_case_data,
    pup_changes_case_data_and_reads_its_history,
    pup_records_a_consent_and_prints_it,
    pup_reads_the_access_report,
    ops_coordinator_opens_emergency_access,
    pup_sees_the_emergency_access,
]


def test_person_page(new_page) -> None:
    scenario = Scenario(new_page=new_page)
    for run in PERSON_PAGE:
        page = scenario.ops or scenario.pup
        with step(run.__name__, page):
            run(scenario)
        print(f"✓ {run.__name__}: {(run.__doc__ or '').splitlines()[0]}")
