"""The referral work of issue #13 in a real browser: an OPS coordinator assigns a received referral
to a social worker and reassigns it, the social worker finds it in the inbox by its number (with
the client's name and the assignee in the list), the OPS answers a follow-up check after an
employment outcome, and the PUP prints a referral for the client (print media emulated). Every
page is screenshotted and checked with axe-core.

Steps (``STEPS`` at the end) run in order on one shared ``Work`` state."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from playwright.sync_api import Locator, Page, expect

from conftest import look, settle, sign_in, step

PUP = "pup@splot.example"
OPS = "ops@splot.example"  # Katarzyna Pracownik-Socjalna (caseworker)
OPS_COORDINATOR = "ops.koordynator@splot.example"  # Tomasz Koordynator
SOCIAL_WORKER = "Katarzyna Pracownik-Socjalna"
COORDINATOR = "Tomasz Koordynator"
NUMBER = re.compile(r"SK-\d{4}-[0-9A-Z]{5}-[0-9A-Z]{5}")


@dataclass
class Work:
    new_page: Callable[[str], Page]
    coordinator: Page | None = None
    number: str = ""
    referral_url: str = ""


def choose(page: Page, scope: Page | Locator, label: str, option: str) -> None:
    box = scope.get_by_role("combobox", name=re.compile(label))
    box.click()
    page.get_by_role("option", name=option, exact=True).click()
    expect(box).to_have_value(option)


def assign_dialog(page: Page, number: str) -> Locator:
    page.get_by_role("region", name="Dostępne działania").get_by_role("button", name="Przydziel").click()
    dialog = page.get_by_role("dialog", name=f"Przydziel skierowanie {number}")
    expect(dialog).to_be_visible()
    return dialog


def assign(s: Work) -> None:
    """The OPS coordinator opens an unassigned received referral and assigns it to a social worker."""
    page = s.coordinator = s.new_page("ops-koordynator")
    sign_in(page, OPS_COORDINATOR)
    page.goto("/skierowania/przychodzace?assignee=none&status=requested")
    table = page.get_by_role("table")
    first = table.get_by_role("link", name=NUMBER).first
    expect(first).to_be_visible()
    look(page, "work-inbox-unassigned")
    s.number = first.inner_text().strip()
    first.click()
    expect(page.get_by_role("heading", level=1, name=f"Skierowanie {s.number}")).to_be_visible()
    s.referral_url = page.url
    details = page.get_by_role("region", name="Szczegóły")
    expect(details.get_by_text("nieprzydzielone")).to_be_visible()
    dialog = assign_dialog(page, s.number)
    choose(page, dialog, "Pracownik socjalny lub doradca klienta", SOCIAL_WORKER)
    look(page, "work-assign-dialog", full_page=False)
    dialog.get_by_role("button", name="Przydziel").click()
    expect(dialog).to_be_hidden()
    expect(details.get_by_text(SOCIAL_WORKER)).to_be_visible()
    look(page, "work-referral-assigned")


def reassign(s: Work) -> None:
    """The coordinator takes it over (reassigns to themselves); the history records both."""
    page = s.coordinator
    assert page is not None
    dialog = assign_dialog(page, s.number)
    # The current assignee is not offered again.
    dialog.get_by_role("combobox", name=re.compile("Pracownik socjalny")).click()
    expect(page.get_by_role("option", name=SOCIAL_WORKER, exact=True)).to_have_count(0)
    page.keyboard.press("Escape")
    choose(page, dialog, "Pracownik socjalny lub doradca klienta", COORDINATOR)
    dialog.get_by_role("button", name="Przydziel").click()
    expect(dialog).to_be_hidden()
    details = page.get_by_role("region", name="Szczegóły")
    expect(details.get_by_text(COORDINATOR)).to_be_visible()
    timeline = page.get_by_role("region", name="Historia")
    expect(timeline.get_by_text(re.compile("Przydziel"))).to_have_count(2)
    look(page, "work-referral-reassigned")


def find_by_number(s: Work) -> None:
    """A social worker searches the inbox by part of the number: the row names the client and
    the assignee; sorting by the response deadline keeps the search."""
    page = s.new_page("ops")
    sign_in(page, OPS)
    page.goto("/skierowania/przychodzace")
    page.get_by_role("textbox", name="Numer skierowania").fill(s.number.split("-")[-1].lower())
    expect(page).to_have_url(re.compile(r"number="))
    table = page.get_by_role("table")
    expect(table.get_by_role("row")).to_have_count(2)  # the header and the referral
    row = table.get_by_role("row").nth(1)
    expect(row.get_by_role("link", name=s.number)).to_be_visible()
    expect(row.get_by_text(COORDINATOR)).to_be_visible()
    expect(row.get_by_role("cell").nth(1)).not_to_have_text("")
    choose(page, page, "Kolejność", "Termin odpowiedzi (najbliższy)")
    expect(page).to_have_url(re.compile(r"sort=due"))
    expect(table.get_by_role("link", name=s.number)).to_be_visible()
    look(page, "work-inbox-search")


def answer_follow_up(s: Work) -> None:
    """The OPS started the demo's employed chain: its due follow-up check is answered."""
    page = s.coordinator
    assert page is not None
    page.goto("/skierowania/sprawdzenia")
    expect(
        page.get_by_role("heading", level=1, name="Sprawdzenie sytuacji osoby po skierowaniu")
    ).to_be_visible()
    table = page.get_by_role("table")
    button = table.get_by_role("button", name="Zapisz wynik").first
    expect(button).to_be_visible()
    look(page, "work-followups-due")
    button.click()
    dialog = page.get_by_role("dialog", name=re.compile("Wynik sprawdzenia"))
    expect(dialog).to_be_visible()
    choose(page, dialog, "Wynik", "Nadal pracuje u tego samego pracodawcy")
    dialog.get_by_role("textbox", name=re.compile("Uwagi")).fill("Rozmowa telefoniczna z osobą.")
    look(page, "work-followup-answer", full_page=False)
    dialog.get_by_role("button", name="Zapisz wynik").click()
    expect(dialog).to_be_hidden()
    page.locator("label", has_text="Z odpowiedzią").click()
    expect(page).to_have_url(re.compile(r"tab=answered"))
    expect(
        page.get_by_role("table").get_by_text("Nadal pracuje u tego samego pracodawcy").first
    ).to_be_visible()
    look(page, "work-followups-answered")


def print_referral(s: Work) -> None:
    """The PUP prints a referral it sent for the client: number, dates, both institutions with
    their addresses, the client's name, what to bring and a contact; the print media shows only the
    document (no navigation)."""
    page = s.new_page("pup")
    sign_in(page, PUP)
    page.goto("/skierowania/wychodzace?status=requested")
    page.get_by_role("table").get_by_role("link", name=NUMBER).first.click()
    expect(page.get_by_role("heading", level=1, name=NUMBER)).to_be_visible()
    page.get_by_role("link", name="Drukuj").click()
    heading = page.get_by_role("heading", level=1, name=re.compile(r"^Skierowanie nr SK-"))
    expect(heading).to_be_visible()
    for text in ("Instytucja kierująca", "Instytucja przyjmująca", "Osoba kierowana", "Co zabrać ze sobą"):
        expect(page.get_by_text(text, exact=True)).to_be_visible()
    settle(page)
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name="Drukuj").click()
    assert page.evaluate("() => window.__printed") == 1
    look(page, "work-print-screen")
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation").first).to_be_hidden()
    expect(page.get_by_role("button", name="Drukuj")).to_be_hidden()
    expect(heading).to_be_visible()
    look(page, "work-print-media")
    page.emulate_media(media="screen")


STEPS = [
    ("assign", assign),
    ("reassign", reassign),
    ("find by number", find_by_number),
    ("answer a follow-up", answer_follow_up),
    ("print a referral", print_referral),
]


def test_referral_work(new_page) -> None:
    work = Work(new_page=new_page)
    for name, run in STEPS:
        with step(name, work.coordinator):
            run(work)
