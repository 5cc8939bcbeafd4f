"""Defect 7 and the notifications in a real browser: the analyst's trend chart leaves the years
before the data as gaps ("—", never 0) and every percentage reads as the true share would (never
"100%" below one); a caseworker's notifications are titled from their kind in the reader's
language, Polish and then English. Every page is screenshotted and checked with axe-core.

Steps (``STEPS`` at the end) run in order on one shared ``Scenario``."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from playwright.sync_api import Page, expect

from conftest import look, settle, sign_in, step

ANALYST = "analityk@splot.example"  # national scope
PUP = "pup@splot.example"
#: Titles the SPA gives known kinds (pl.json / en.json, referrals.notifications.kind).
POLISH_TITLE = re.compile(r"(skierowani[eau]|Skierowanie|Przydzielono|Nowa wiadomość|Czas sprawdzić) .*\d")
ENGLISH_TITLE = re.compile(r"(referral|Referral|The answer|Time for|New message|The sender|Update on) .*\d")


@dataclass
class Scenario:
    new_page: Callable[[str], Page]
    analyst: Page | None = None
    pup: Page | None = None


def trend_has_gaps(s: Scenario) -> None:
    """Five years of referrals: the years before the demo data read "—" in the chart's table."""
    page = s.analyst = s.new_page("analityk")
    sign_in(page, ANALYST)
    year = date.today().year
    page.goto(f"/raporty/przeglad?okres_typ=year&okres={year}")
    settle(page)
    table = page.get_by_role("table", name="Skierowania w kolejnych okresach")
    oldest = table.get_by_role("row", name=re.compile(rf"^{year - 4}"))
    expect(oldest).to_have_count(1)
    cells = oldest.get_by_role("cell")
    expect(cells).to_have_count(3)
    for i in range(3):
        expect(cells.nth(i)).to_have_text("—")
    current = table.get_by_role("row", name=re.compile(rf"^{year}"))
    expect(current.get_by_role("cell").first).not_to_have_text("—")
    look(page, "reporting-gaps")


def no_rounded_hundred(s: Scenario) -> None:
    """Every percentage on the page is a number with at most one decimal; "100%" only where the
    share is exactly one (the demo has rejections, so the acceptance rate is below it)."""
    page = s.analyst
    assert page is not None
    kpi = page.locator(".kpi[data-measure='acceptance_rate'] .kpi-value")
    expect(kpi).to_have_text(re.compile(r"^\d{1,2}(,\d)?\s?%$"))


def notifications_in_polish(s: Scenario) -> None:
    """The PUP caseworker's notifications: each title from its kind, in Polish."""
    page = s.pup = s.new_page("pup")
    sign_in(page, PUP)
    page.goto("/skierowania/powiadomienia")
    settle(page)
    items = page.get_by_role("listitem")
    expect(items.first).to_be_visible()
    for text in items.all_inner_texts()[:10]:
        assert POLISH_TITLE.search(text), text
    look(page, "notifications-pl")


def notifications_in_english(s: Scenario) -> None:
    """Switching to English retitles them: the server's Polish text is never shown."""
    page = s.pup
    assert page is not None
    page.get_by_role("combobox", name="Język").select_option("en")
    expect(page.get_by_role("heading", level=1, name="Notifications")).to_be_visible()
    settle(page)
    for text in page.get_by_role("listitem").all_inner_texts()[:10]:
        assert ENGLISH_TITLE.search(text), text
        assert "Skierowanie" not in text and "skierowania" not in text, text
    look(page, "notifications-en")


STEPS = [trend_has_gaps, no_rounded_hundred, notifications_in_polish, notifications_in_english]


def test_reporting_gaps_and_translated_notifications(new_page: Callable[[str], Page]) -> None:
    s = Scenario(new_page=new_page)
    for run in STEPS:
        page = s.pup or s.analyst
        with step(run.__name__, page):
            run(s)
        print(f"  ✓ {run.__name__}")
