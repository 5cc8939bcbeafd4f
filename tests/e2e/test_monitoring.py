"""Monitoring the way the ministry's methodology does it, in a real browser (issue 16).

The regional social policy centre's analyst (``rops.analityk``, whose territory is the powiat of
Wieliczka, 1219) creates a questionnaire from the bundled "Współpraca PUP–OPS" template and sends
it to the PUPs and OPSs of her powiat. The PUP's and the OPS's coordinators answer it: they agree
on a written agreement and disagree on how often they talk to each other. The analyst sees the
response rate and the results: the answer both gave is shown (2), each of the two different ones
is hidden as a small cell (one institution's answer is never visible on its own). The OPS's
coordinator submits a good practice, the analyst accepts and publishes it, and an NGO caseworker
finds it by searching the catalogue. Finally the analyst downloads the results report as a PDF,
whose text holds the key indicators and the survey section.

Every page is screenshotted and checked with axe-core (conftest.py). Steps (``MONITORING`` at the
end) run in order on one shared ``Scenario``."""

from __future__ import annotations

import io
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import Locator, Page, expect
from pypdf import PdfReader

from conftest import RESULTS, look, sign_in, step

ANALYST = "rops.analityk@splot.example"  # Beata Analityczka, territory 1219 (powiat wielicki)
PUP_COORDINATOR = "pup.koordynator@splot.example"  # Powiatowy Urząd Pracy w Wieliczce
OPS_COORDINATOR = "ops.koordynator@splot.example"  # Miejsko-Gminny Ośrodek Pomocy Społecznej w Wieliczce
NGO = "ngo@splot.example"  # a caseworker of Fundacja Wspólny Krok
LOGINS = {"analyst": ANALYST, "pup": PUP_COORDINATOR, "ops": OPS_COORDINATOR, "ngo": NGO}
TEMPLATE = "Współpraca PUP–OPS"
AGREEMENT = "Czy współpraca opiera się na pisemnym porozumieniu?"
CONTACTS = "Jak często pracownicy kontaktują się z partnerem w sprawach klientów?"
LETTERS = "bcdfghjklmnprstwz"


@dataclass
class Scenario:
    new_page: Callable[[str], Page]
    rng: random.Random = field(default_factory=random.Random)
    round_title: str = ""
    round_url: str = ""
    practice_title: str = ""
    pages: dict[str, Page] = field(default_factory=dict)

    def __post_init__(self) -> None:
        tag = "".join(self.rng.choice(LETTERS) for _ in range(6))
        self.round_title = f"Monitoring współpracy {tag}"
        self.practice_title = f"Wspólne dyżury PUP i OPS {tag}"

    def page(self, who: str) -> Page:
        if who not in self.pages:
            page = self.new_page(who)
            sign_in(page, LOGINS[who])
            self.pages[who] = page
        return self.pages[who]


def today() -> date:
    return datetime.now(ZoneInfo("Europe/Warsaw")).date()


def group(page: Page, role: str, name: str) -> Locator:
    """A radio or checkbox group named by its question."""
    found = page.get_by_role(role, name=name)
    expect(found).to_be_visible()
    return found


# --- the survey ------------------------------------------------------------------------------------


def analyst_opens_a_round(s: Scenario, analyst: Page) -> None:
    """From the template to an open round for the PUPs and OPSs of her powiat."""
    analyst.goto("/ankiety")
    expect(analyst.get_by_role("heading", level=1, name="Ankiety")).to_be_visible()
    analyst.get_by_role("tab", name="Kwestionariusze").click()
    analyst.get_by_role("button", name="Nowy z szablonu").click()
    analyst.get_by_role("menuitem", name=re.compile(f"^{TEMPLATE}")).click()
    expect(analyst.get_by_role("heading", level=1, name=re.compile(TEMPLATE))).to_be_visible()
    # The preview shows the questionnaire as the institutions will see it.
    analyst.get_by_role("tab", name="Podgląd").click()
    expect(group(analyst, "radiogroup", AGREEMENT)).to_be_visible()
    look(analyst, "monitoring-01-designer-preview")
    analyst.get_by_role("link", name="Otwórz rundę", exact=True).click()
    expect(analyst.get_by_role("heading", level=1, name="Nowa runda ankiety")).to_be_visible()
    analyst.get_by_role("textbox", name="Tytuł rundy").fill(s.round_title)
    analyst.get_by_label("Termin odpowiedzi").fill((today() + timedelta(days=14)).isoformat())
    for kind in ("PUP", "OPS"):
        expect(analyst.get_by_role("checkbox", name=re.compile(f"^{kind}\\b"))).to_be_checked()
    look(analyst, "monitoring-02-new-round")
    analyst.get_by_role("button", name="Otwórz rundę").click()
    expect(analyst.get_by_role("heading", level=1, name=s.round_title)).to_be_visible()
    s.round_url = analyst.url
    look(analyst, "monitoring-03-round-opened")


def answer(s: Scenario, page: Page, contacts: str, look_as: str) -> None:
    page.goto("/ankiety")
    expect(page.get_by_role("heading", level=1, name="Ankiety do wypełnienia")).to_be_visible()
    page.get_by_role("link", name=s.round_title).click()
    group(
        page, "group", "Jakie formy współpracy z partnerem (PUP/OPS) stosowała Państwa instytucja?"
    ).get_by_label("Wzajemne kierowanie klientów").check()
    group(page, "radiogroup", AGREEMENT).get_by_label("Tak", exact=True).check()
    group(page, "radiogroup", CONTACTS).get_by_label(contacts, exact=True).check()
    programmes = "Czy instytucja realizowała z partnerem wspólne programy lub projekty?"
    group(page, "radiogroup", programmes).get_by_label("Nie", exact=True).check()
    # "Jakie to były programy?" is asked only of those who had one.
    expect(page.get_by_text("Jakie to były programy?")).to_have_count(0)
    group(page, "group", "Jakie bariery utrudniają współpracę z partnerem?").get_by_label(
        "Braki kadrowe, rotacja pracowników"
    ).check()
    group(page, "radiogroup", "Jak ocenia Pan/Pani wymianę informacji z partnerem?").get_by_label(
        "4", exact=True
    ).check()
    group(page, "radiogroup", "Jak ogólnie ocenia Pan/Pani współpracę z partnerem?").get_by_label(
        "4", exact=True
    ).check()
    page.get_by_role("button", name="Zapisz szkic").click()
    expect(page.get_by_text("szkic", exact=True).first).to_be_visible()
    page.get_by_role("button", name="Wyślij").click()
    expect(page.get_by_text("Odpowiedź wysłana").first).to_be_visible()
    expect(page.get_by_role("button", name="Popraw")).to_be_visible()
    look(page, look_as)


def pup_answers(s: Scenario, pup: Page) -> None:
    answer(s, pup, "Co najmniej raz w tygodniu", "monitoring-04-pup-answered")


def ops_answers(s: Scenario, ops: Page) -> None:
    answer(s, ops, "Codziennie", "monitoring-05-ops-answered")


def analyst_sees_the_response_rate_and_results(s: Scenario, analyst: Page) -> None:
    analyst.goto(s.round_url)
    expect(analyst.get_by_role("heading", level=1, name=s.round_title)).to_be_visible()
    expect(analyst.get_by_role("group", name="Wysłane")).to_have_text(re.compile(r"Wysłane\s*2$"))
    expect(analyst.get_by_role("table", name=re.compile("^Zwrot ankiet według"))).to_be_visible()
    look(analyst, "monitoring-06-response-rate")
    analyst.get_by_role("link", name="Wyniki").click()
    expect(analyst.get_by_role("heading", level=1, name=f"Wyniki: {s.round_title}")).to_be_visible()
    agreement = analyst.get_by_role("table", name=AGREEMENT)
    yes = agreement.get_by_role("row").filter(has=analyst.get_by_role("rowheader", name="Tak", exact=True))
    expect(yes.get_by_role("cell").first).to_have_text("2")
    contacts = analyst.get_by_role("table", name=CONTACTS)
    for option in ("Codziennie", "Co najmniej raz w tygodniu"):
        row = contacts.get_by_role("row").filter(
            has=analyst.get_by_role("rowheader", name=option, exact=True)
        )
        expect(row.get_by_role("cell").first).to_have_text(re.compile("ukryte"))
    look(analyst, "monitoring-07-results")


# --- a good practice ----------------------------------------------------------------------------------


def ops_submits_a_practice(s: Scenario, ops: Page) -> None:
    ops.goto("/dobre-praktyki")
    ops.get_by_role("tab", name="Zgłoś praktykę").click()
    ops.get_by_role("textbox", name="Tytuł").fill(s.practice_title)
    ops.get_by_role("textbox", name="Na czym polega praktyka").fill(
        "Pracownik socjalny OPS pełni raz w tygodniu dyżur w PUP: wspólne rozmowy z osobami "
        "bezrobotnymi korzystającymi z pomocy społecznej, jeden plan działania."
    )
    ops.get_by_label("Działa od").fill("2025-03-01")
    ops.get_by_label("Obszary problemowe").first.click()
    ops.get_by_role("option", name="Komunikacja między instytucjami").click()
    ops.keyboard.press("Escape")
    ops.get_by_role("textbox", name="Osoba do kontaktu").fill("Tomasz Koordynator")
    ops.get_by_role("textbox", name="E-mail kontaktowy").fill("ops.koordynator@splot.example")
    look(ops, "monitoring-08-practice-form")
    ops.get_by_role("button", name="Zapisz szkic").click()
    expect(ops.get_by_role("heading", level=1, name=s.practice_title)).to_be_visible()
    ops.get_by_role("button", name="Wyślij do oceny").click()
    expect(ops.get_by_text("Wysłana do oceny").first).to_be_visible()


def analyst_publishes_the_practice(s: Scenario, analyst: Page) -> None:
    analyst.goto("/dobre-praktyki")
    analyst.get_by_role("tab", name="Do oceny").click()
    analyst.get_by_role("link", name=s.practice_title).click()
    expect(analyst.get_by_role("heading", level=1, name=s.practice_title)).to_be_visible()
    analyst.get_by_role("textbox", name="Komentarz dla zgłaszającego").fill("Dziękujemy, praktyka przyjęta.")
    analyst.get_by_role("button", name="Przyjmij").click()
    publish = analyst.get_by_role("button", name="Opublikuj")
    expect(publish).to_be_enabled()
    publish.click()
    expect(analyst.get_by_role("button", name="Wycofaj publikację")).to_be_visible()
    look(analyst, "monitoring-09-practice-published")


def ngo_finds_the_practice(s: Scenario, ngo: Page) -> None:
    ngo.goto("/dobre-praktyki")
    ngo.get_by_role("tab", name="Katalog").click()
    # Searched without diacritics and in another case: "dyzur" finds "dyżur".
    ngo.get_by_role("searchbox", name="Szukaj praktyk").fill("DYZUR w pup")
    ngo.get_by_role("button", name="Szukaj").click()
    found = ngo.get_by_role("link", name=s.practice_title)
    expect(found).to_be_visible()
    found.click()
    expect(ngo.get_by_role("heading", level=1, name=s.practice_title)).to_be_visible()
    expect(ngo.get_by_text("Miejsko-Gminny Ośrodek Pomocy Społecznej w Wieliczce").first).to_be_visible()


# --- the results report -----------------------------------------------------------------------------


def analyst_downloads_the_report(s: Scenario, analyst: Page) -> None:
    """The PDF of her territory for the default period (the last twelve months, which hold the
    round's reference month) holds the key indicators, the survey section with the round's
    results and the methodology notes."""
    analyst.goto("/raporty/raport")
    expect(analyst.get_by_role("heading", level=1, name="Raport wyników")).to_be_visible()
    download_button = analyst.get_by_role("button", name="Pobierz PDF")
    expect(download_button).to_be_enabled()
    look(analyst, "monitoring-10-report")
    with analyst.expect_download() as downloading:
        download_button.click()
    download = downloading.value
    assert re.fullmatch(r"splot-raport-1219-\d{4}-\d{2}-\d{4}-\d{2}\.pdf", download.suggested_filename)
    download.save_as(RESULTS / "monitoring-report.pdf")  # kept with the screenshots, to look at
    content = download.path().read_bytes()
    assert content.startswith(b"%PDF")
    text = " ".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(content)).pages)
    text = re.sub(r"\s+", " ", text)
    for expected in (
        "Kluczowe wskaźniki",
        "Skierowania",
        "Odpowiedzi w terminie",
        "Wyniki ankiet",
        "Uwagi metodologiczne",
    ):
        assert expected in text, f"the report's PDF lacks {expected!r}"
    assert s.round_title in text, "the survey section does not name the round"
    assert AGREEMENT in text, "the survey section lacks the round's questions"


@dataclass(frozen=True)
class Step:
    who: str
    name: str
    run: Callable[[Scenario, Page], None]


MONITORING = (
    Step("analyst", "the ROPS analyst sends the cooperation survey to her powiat", analyst_opens_a_round),
    Step("pup", "the PUP's coordinator answers", pup_answers),
    Step("ops", "the OPS's coordinator answers", ops_answers),
    Step(
        "analyst",
        "the analyst sees the response rate and protected results",
        analyst_sees_the_response_rate_and_results,
    ),
    Step("ops", "the OPS's coordinator submits a good practice", ops_submits_a_practice),
    Step("analyst", "the analyst accepts and publishes it", analyst_publishes_the_practice),
    Step("ngo", "an NGO caseworker finds it in the catalogue", ngo_finds_the_practice),
    Step("analyst", "the analyst downloads the results report as a PDF", analyst_downloads_the_report),
)


def test_monitoring_round_practice_and_report(new_page: Callable[[str], Page]) -> None:
    scenario = Scenario(new_page)
    for number, current in enumerate(MONITORING, start=1):
        page = scenario.page(current.who)
        print(f"step {number}/{len(MONITORING)}: {current.name}")
        with step(current.name, page):
            current.run(scenario, page)
