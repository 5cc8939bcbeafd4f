"""A local partnership in a real browser: the OPS coordinator starts it, the PUP and an NGO accept
the invitation, the agreement is drafted and confirmed by all three (then in force), the coordinator
records a meeting whose decision adds a plan task, a target shows the measured value of the
parties' joint work (exact for a member), and the regional analyst sees only the summary with
protected values. Every page is screenshotted and checked with
axe-core.

Steps (``STEPS`` at the end) run in order on one shared ``Scenario``."""

from __future__ import annotations

import random
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from playwright.sync_api import Page, expect

from conftest import look, make_pesel, settle, sign_in, step

OPS = "ops.koordynator@splot.example"
PUP = "pup.koordynator@splot.example"
NGO = "ngo.koordynator@splot.example"
ANALYST = "rops.analityk@splot.example"  # powiat 1219
PUP_NAME = "Powiatowy Urząd Pracy w Wieliczce"
NGO_NAME = "Fundacja Wspólny Krok"


@dataclass
class Scenario:
    new_page: Callable[[str], Page]
    name: str
    ops: Page | None = None
    pup: Page | None = None
    ngo: Page | None = None
    url: str = ""


def _pick_institution(page: Page, search: str, option: str) -> None:
    field = page.locator(".mantine-MultiSelect-inputField")
    field.fill(search)
    page.get_by_role("option", name=re.compile(re.escape(option))).click()


def ops_starts(s: Scenario) -> None:
    """The OPS coordinator proposes the partnership and invites the PUP and the NGO."""
    page = s.ops = s.new_page("ops")
    sign_in(page, OPS)
    page.goto("/partnerstwa")
    expect(page.get_by_role("heading", level=1, name="Partnerstwa lokalne")).to_be_visible()
    look(page, "partnerships-list")
    page.get_by_role("link", name="Zainicjuj partnerstwo").click()
    expect(page.get_by_role("heading", level=1, name="Nowe partnerstwo lokalne")).to_be_visible()
    page.get_by_role("textbox", name=re.compile("^Nazwa partnerstwa")).fill(s.name)
    page.get_by_role("textbox", name=re.compile("^Cel")).fill(
        "Wspólna usługa aktywizacji osób długotrwale bezrobotnych."
    )
    _pick_institution(page, "Powiatowy Urząd", PUP_NAME)
    _pick_institution(page, "Wspólny Krok", NGO_NAME)
    look(page, "partnerships-create")
    page.get_by_role("button", name="Zaproponuj partnerstwo").click()
    expect(page.get_by_role("heading", level=1, name=s.name)).to_be_visible()
    page.wait_for_url(re.compile(r"/partnerstwa/[0-9a-f-]+/przeglad$"))
    s.url = page.url.rsplit("/", 1)[0]
    expect(
        page.get_by_role("table", name="Partnerzy i zaproszone instytucje").get_by_text(
            "zaproszona", exact=True
        )
    ).to_have_count(2)
    look(page, "partnership-overview-initiative")


def _accept(page: Page, s: Scenario, who: str) -> None:
    page.goto("/partnerstwa?widok=invitations")
    page.get_by_role("link", name=s.name).click()
    expect(page.get_by_role("heading", level=1, name=s.name)).to_be_visible()
    look(page, f"partnership-invitation-{who}")
    page.get_by_role("button", name="Przyjmij zaproszenie").click()
    expect(page.get_by_text("Zaproszenie przyjęte — Twoja instytucja jest partnerem.")).to_be_visible()
    expect(page.get_by_role("tab", name="Spotkania")).to_be_visible()


def pup_and_ngo_accept(s: Scenario) -> None:
    s.pup = s.new_page("pup")
    sign_in(s.pup, PUP)
    _accept(s.pup, s, "pup")
    s.ngo = s.new_page("ngo")
    sign_in(s.ngo, NGO)
    _accept(s.ngo, s, "ngo")


def _confirm(page: Page, s: Scenario) -> None:
    page.goto(f"{s.url}/porozumienie")
    button = page.get_by_role("button", name="Potwierdź w imieniu mojej instytucji")
    button.click()
    expect(page.get_by_text("Potwierdzono porozumienie.")).to_be_visible()
    expect(button).to_have_count(0)


def agreement_confirmed_by_all(s: Scenario) -> None:
    """The coordinator drafts the agreement (pending); each party confirms; then it is in force."""
    page = s.ops
    assert page is not None and s.pup is not None and s.ngo is not None
    page.goto(f"{s.url}/porozumienie")
    page.get_by_role("button", name="Przygotuj porozumienie").click()
    dialog = page.get_by_role("dialog", name="Porozumienie o współpracy")
    dialog.get_by_role("textbox", name=re.compile("^Numer porozumienia")).fill(f"PL/{s.name[-6:]}")
    dialog.get_by_role("textbox", name=re.compile("^Treść")).fill("§ 1. Strony świadczą wspólną usługę.")
    dialog.get_by_label(re.compile("^Obowiązuje od")).fill(date.today().isoformat())
    look(page, "partnership-agreement-form", full_page=False)
    dialog.get_by_role("button", name="Zapisz porozumienie").click()
    expect(page.get_by_text("porozumienie czeka na potwierdzenia").first).to_be_visible()
    _confirm(page, s)
    _confirm(s.pup, s)
    _confirm(s.ngo, s)
    page.reload()
    section = page.get_by_role("region", name=re.compile("Wersja 1"))
    expect(section.get_by_text("obowiązuje")).to_be_visible()
    expect(section.get_by_text("jeszcze nie potwierdzono")).to_have_count(0)
    look(page, "partnership-agreement-in-force")


def coordinator_sets_the_standard(s: Scenario) -> None:
    """The service standard: the OPS answers the parties' referrals for a social contract within
    3 working days (instead of the usual 5)."""
    page = s.ops
    assert page is not None
    page.goto(f"{s.url}/plan")
    page.get_by_role("button", name="Zmień standard").click()
    dialog = page.get_by_role("dialog", name="Zmień standard")
    dialog.get_by_role("button", name="Dodaj krok").click()
    dialog.get_by_role("textbox", name=re.compile("^Nazwa kroku")).fill("Kontrakt socjalny w OPS")
    dialog.get_by_role("combobox", name=re.compile("^Rodzaj usługi")).click()
    page.get_by_role("option", name="Kontrakt socjalny", exact=True).click()
    dialog.get_by_role("textbox", name=re.compile(r"^Termin \(dni robocze\)")).fill("3")
    look(page, "partnership-standard-form", full_page=False)
    dialog.get_by_role("button", name="Zapisz").click()
    expect(page.get_by_text("Zapisano plan.")).to_be_visible()
    expect(
        page.get_by_role("table", name="Standard usługi").get_by_text("Kontrakt socjalny w OPS")
    ).to_be_visible()


def referral_between_parties_follows_the_standard(s: Scenario) -> None:
    """The PUP refers one of its clients to the OPS for a social contract: the due date is the
    standard's, and the referral page says so with a link to the partnership."""
    page = s.pup
    assert page is not None
    page.goto("/osoby/nowa")
    rng = random.Random()
    page.get_by_role("textbox", name="PESEL").fill(
        make_pesel(rng, date(1979, 5, 1 + rng.randrange(28)), True)
    )
    page.get_by_role("textbox", name="Imię", exact=True).fill("Marta")
    page.get_by_role("textbox", name="Nazwisko", exact=True).fill(f"Partnerska{rng.randrange(10**6):06d}")
    page.get_by_role("button", name="Zarejestruj", exact=True).click()
    page.wait_for_url(re.compile(r"/osoby/[0-9a-f-]{36}$"))
    page.get_by_role("link", name="Nowe skierowanie").first.click()
    expect(page.get_by_role("heading", level=2, name="Krok 1 z 5: Osoba")).to_be_visible()
    page.get_by_role("button", name="Dalej").click()
    page.get_by_role("combobox", name=re.compile("^Rodzaj usługi")).click()
    page.get_by_role("option", name="Kontrakt socjalny", exact=True).click()
    page.get_by_role("button", name="Dalej").click()
    expect(page.get_by_role("heading", level=2, name="Krok 3 z 5: Realizator")).to_be_visible()
    page.get_by_role("radiogroup", name="Oferta i realizator").get_by_role(
        "radio", name=re.compile("Ośrodek Pomocy Społecznej w Wieliczce")
    ).check()
    page.get_by_role("button", name="Dalej").click()
    page.get_by_role("textbox", name="Opis potrzeb").fill("Wsparcie socjalne w ramach partnerstwa.")
    provision = page.get_by_role("combobox", name=re.compile("Przepis"))
    provision.click()
    provision.fill("Współpraca")
    page.get_by_role(
        "option", name=re.compile(r"^ustawa o rynku pracy i służbach zatrudnienia: Współpraca")
    ).click()
    page.get_by_role("button", name="Dalej").click()
    page.get_by_role("button", name="Wyślij skierowanie").click()
    page.wait_for_url(re.compile(r"/skierowania/[0-9a-f-]{36}$"))
    link = page.get_by_role("link", name="termin wg standardu usługi partnerstwa")
    expect(link).to_be_visible()
    assert link.get_attribute("href") == s.url.replace(page.url.split("/skierowania")[0], "")
    look(page, "partnership-standard-deadline-on-referral")


def coordinator_records_meeting(s: Scenario) -> None:
    """A meeting with a decision that adds a task to the plan."""
    page = s.ops
    assert page is not None
    page.goto(f"{s.url}/spotkania")
    page.get_by_role("button", name="Zapisz spotkanie").click()
    dialog = page.get_by_role("dialog", name="Zapisz spotkanie")
    dialog.get_by_role("textbox", name=re.compile("^Porządek obrad")).fill("Standard usługi i terminy")
    dialog.get_by_role("button", name="Dodaj ustalenie").click()
    dialog.get_by_role("textbox", name=re.compile("^Treść ustalenia")).fill("Wspólne dyżury doradców w OPS")
    dialog.get_by_role("checkbox", name=re.compile("Dodaj z tego ustalenia zadanie")).check()
    dialog.get_by_role("combobox", name=re.compile("^Odpowiada")).click()
    page.get_by_role("option", name=PUP_NAME).click()
    look(page, "partnership-meeting-form", full_page=False)
    dialog.get_by_role("button", name="Zapisz spotkanie").click()
    expect(page.get_by_text("Spotkanie zapisane.")).to_be_visible()
    expect(page.get_by_text("Wspólne dyżury doradców w OPS")).to_be_visible()
    look(page, "partnership-meetings")
    page.get_by_role("tab", name="Plan działania").click()
    expect(
        page.get_by_role("table", name="Zadania").get_by_text("Wspólne dyżury doradców w OPS")
    ).to_be_visible()
    look(page, "partnership-plan")


def targets_show_measured(s: Scenario) -> None:
    """A target for this year's referrals shows the exact count of the parties' joint referrals."""
    page = s.ops
    assert page is not None
    page.goto(f"{s.url}/cele")
    page.get_by_role("button", name="Zmień cele").click()
    dialog = page.get_by_role("dialog", name="Zmień cele")
    dialog.get_by_role("button", name="Dodaj cel").click()
    dialog.get_by_role("combobox", name=re.compile("^Wskaźnik")).click()
    page.get_by_role("option", name="Skierowania", exact=True).click()
    dialog.get_by_role("textbox", name=re.compile("^Cel")).fill("10")
    dialog.get_by_role("button", name="Zapisz").click()
    expect(page.get_by_text("Zapisano plan.")).to_be_visible()
    _until_measured(page, "measured-referrals")
    expect(page.get_by_test_id("measured-referrals")).to_have_text(re.compile(r"^\d+$"))
    expect(page.get_by_text(re.compile("dokładne liczby wspólnych skierowań partnerów"))).to_be_visible()
    look(page, "partnership-targets")


def _until_measured(page: Page, test_id: str) -> None:
    """The reporting service learns of the partnership from the directory's events: read again
    until it has (a few seconds at most)."""
    for _ in range(15):
        settle(page)
        if page.get_by_test_id(test_id).count() > 0:
            return
        page.wait_for_timeout(1000)
        page.reload()
    expect(page.get_by_test_id(test_id)).to_be_visible()


def analyst_sees_summary(s: Scenario) -> None:
    """The regional analyst (powiat 1219) sees the status, area and protected measures only."""
    page = s.new_page("analityk")
    sign_in(page, ANALYST)
    page.goto("/partnerstwa")
    page.get_by_role("link", name=s.name).click()
    expect(page.get_by_role("heading", level=1, name=s.name)).to_be_visible()
    page.wait_for_url(re.compile(r"/podsumowanie$"))
    _until_measured(page, "summary-referrals")
    expect(page.get_by_test_id("summary-referrals")).to_have_text(re.compile(r"^(\d+|ukryte.*)$"))
    expect(page.get_by_text(re.compile("Wartości zmierzone są chronione"))).to_be_visible()
    expect(page.get_by_role("tab", name="Porozumienie")).to_have_count(0)
    look(page, "partnership-analyst-summary")


STEPS = [
    ops_starts,
    pup_and_ngo_accept,
    agreement_confirmed_by_all,
    coordinator_sets_the_standard,
    referral_between_parties_follows_the_standard,
    coordinator_records_meeting,
    targets_show_measured,
    analyst_sees_summary,
]


def test_partnership_from_initiative_to_measured_targets(new_page: Callable[[str], Page]) -> None:
    s = Scenario(new_page=new_page, name=f"Partnerstwo e2e {uuid.uuid4().hex[:6]}")
    for run in STEPS:
        page = s.ops
        with step(run.__name__, page):
            run(s)
        print(f"  ✓ {run.__name__}")
