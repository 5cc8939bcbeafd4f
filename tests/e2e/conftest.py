"""Browser end-to-end tests: the embedded server started the way ``make run`` starts it, on a free
port with fresh SQLite databases in a temporary directory (never ``var/``), and Debian's Chromium
driven by Playwright (sync API; no ``playwright install``: ``CHROMIUM`` names the binary, default
``/usr/bin/chromium``).

Screenshots (full page) go to ``test-results/e2e/`` at the repository root; every page shot is also
checked with axe-core (WCAG 2.1 A/AA), and a serious or critical violation fails the test.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Error, Page, expect, sync_playwright
from stdnum.pl import pesel

from embedded_server import embedded_server

REPO_ROOT = Path(__file__).resolve().parents[2]
DIST = REPO_ROOT / "frontend" / "dist"
AXE_JS = REPO_ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
RESULTS = REPO_ROOT / "test-results" / "e2e"

PASSWORD = os.environ.get("SPLOT_DEMO_PASSWORD", "Splot-demo-2026")
VIEWPORT = {"width": 1280, "height": 720}
#: Auto-waiting limit of expect() and of actions; generous, CI machines are busy.
TIMEOUT_MS = 20_000
#: axe-core rules of WCAG 2.0/2.1 levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
#: Every check's violations (any impact), written to test-results/e2e/axe.json.
AXE_REPORT: dict[str, dict] = {}

expect.set_options(timeout=TIMEOUT_MS)


# --- the server ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``splot-embedded run`` (what ``make run`` runs) on 127.0.0.1 and a free port, with its own
    freshly migrated and seeded databases; stopped at the end of the session.

    ``SPLOT_E2E_BASE_URL`` points the tests at a server that is already running instead (for
    working on the tests; they create their own uniquely named data)."""
    external = os.environ.get("SPLOT_E2E_BASE_URL")
    if external:
        yield external.rstrip("/")
        return
    if not (DIST / "index.html").is_file():
        pytest.fail(
            "frontend/dist/index.html is missing: run `make frontend` first (builds the SPA)", pytrace=False
        )
    # The referrals service caches the directory's answers (a partnership's standard too) for a
    # minute in production; the browser tests create a partnership and refer between its parties
    # a moment later.
    fresh = {"SPLOT_REFERRALS_DIRECTORY_CACHE_SECONDS": "1"}
    with embedded_server(tmp_path_factory.mktemp("splot-data"), static_dir=DIST, env=fresh) as base_url:
        yield base_url


# --- the browser --------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        pytest.fail(
            f"Chromium not found at {path}: install Debian's package (`apt-get install chromium`) "
            "or set CHROMIUM to a Chromium binary",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_JS.is_file():
        pytest.fail(f"{AXE_JS.relative_to(REPO_ROOT)} is missing: run `make install-frontend`", pytrace=False)
    return AXE_JS.read_text()


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        # Playwright gives Chromium a fresh temporary profile (its own --user-data-dir).
        launched = playwright.chromium.launch(
            executable_path=chromium_path,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture(scope="session")
def results_dir() -> Path:
    """test-results/e2e/, emptied at the start of the session: it always shows the last run."""
    shutil.rmtree(RESULTS, ignore_errors=True)
    RESULTS.mkdir(parents=True)
    return RESULTS


@dataclass
class BrowserProblems:
    """Uncaught exceptions and Content-Security-Policy refusals seen in any page of the test."""

    items: list[str] = field(default_factory=list)

    def watch(self, page: Page, who: str) -> None:
        page.on("pageerror", lambda error: self.items.append(f"{who}: uncaught {error}"))

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error" and "Content Security Policy" in message.text:
                self.items.append(f"{who}: {message.text}")

        page.on("console", on_console)


@pytest.fixture
def browser_problems() -> BrowserProblems:
    return BrowserProblems()


@pytest.fixture
def new_page(
    browser: Browser, server_url: str, axe_source: str, results_dir: Path, browser_problems: BrowserProblems
) -> Iterator[Callable[[str], Page]]:
    """``new_page(who)``: a page in a fresh browser context (its own storage: one user per context),
    1280×720, Polish, Europe/Warsaw. Contexts are closed at the end of the test, which then fails
    if any page had an uncaught error or a Content-Security-Policy refusal."""
    contexts = []

    def open_page(who: str) -> Page:
        context = browser.new_context(
            base_url=server_url,
            viewport=VIEWPORT,
            locale="pl-PL",
            timezone_id="Europe/Warsaw",
        )
        # axe-core is added to every document before the application's scripts run: injecting it
        # later (a <script> tag) would need the server's Content-Security-Policy turned off, and the
        # application is tested under the policy it is served with.
        context.add_init_script(script=axe_source)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        browser_problems.watch(page, who)
        return page

    yield open_page
    for context in contexts:
        with contextlib.suppress(Error):
            context.close()
    if browser_problems.items:
        pytest.fail("errors in the browser:\n  " + "\n  ".join(browser_problems.items), pytrace=False)


# --- helpers for the tests ----------------------------------------------------------------------


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9._-]+", "-", name.lower()).strip("-")


def settle(page: Page) -> None:
    """Wait until the page shows its data: no network traffic, no loading placeholders, no running
    transitions (a dialog fading in would give axe half-transparent colours)."""
    page.wait_for_load_state("networkidle")
    page.wait_for_function(
        """() =>
          document.querySelectorAll("[aria-busy='true'], .mantine-Skeleton-root, .skeleton-block").length === 0 &&
          !document.querySelector(".mantine-Loader-root, .mantine-Button-loader") &&
          document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity)""",
        timeout=TIMEOUT_MS,
    )


def shot(page: Page, name: str, *, full_page: bool = True) -> Path:
    """A screenshot ``test-results/e2e/<name>.png`` (the whole page unless ``full_page=False``,
    better for an open dialog), once the page has settled."""
    settle(page)
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{_slug(name)}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def check_axe(page: Page, name: str) -> list[dict]:
    """axe-core on the whole document (WCAG 2.1 A and AA rules); fails on a serious or critical
    violation, listing each rule with its impact, help and the elements concerned. Returns all
    violations (minor and moderate ones do not fail)."""
    settle(page)
    violations = page.evaluate(
        """async (tags) => {
          if (typeof axe === "undefined") throw new Error("axe-core was not injected");
          const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
          return result.violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help,
            targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
          }));
        }""",
        AXE_TAGS,
    )
    AXE_REPORT[name] = {"url": page.url, "violations": violations}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "axe.json").write_text(json.dumps(AXE_REPORT, indent=2, ensure_ascii=False))
    bad = [v for v in violations if v["impact"] in ("serious", "critical")]
    if bad:
        listing = "\n".join(
            f"  {v['id']} ({v['impact']}): {v['help']}\n    {'; '.join(v['targets'])}" for v in bad
        )
        pytest.fail(
            f"axe: {len(bad)} serious/critical violation(s) on {name} ({page.url}):\n{listing}", pytrace=False
        )
    return violations


def look(page: Page, name: str, *, full_page: bool = True) -> None:
    """Screenshot and accessibility check of the page as it is now."""
    shot(page, name, full_page=full_page)
    check_axe(page, name)


@contextlib.contextmanager
def step(name: str, page: Page | None = None) -> Iterator[None]:
    """One step of a scenario: a failure names the step and leaves a screenshot of ``page``."""
    try:
        yield
    except (Exception, pytest.fail.Exception) as error:
        where = f"step {name!r}" + (f" (page {page.url})" if page is not None else "")
        if page is not None:
            with contextlib.suppress(Exception):
                page.screenshot(path=str(RESULTS / f"FAILED-{_slug(name)}.png"), full_page=True)
        if isinstance(error, pytest.fail.Exception):
            pytest.fail(f"{where}: {error.msg}", pytrace=error.pytrace)
        error.add_note(f"in {where}")
        raise


def sign_in(page: Page, email: str, password: str = PASSWORD, *, name: str | None = None) -> None:
    """Through the sign-in page; ``name`` also takes its screenshot and accessibility check."""
    page.goto("/logowanie")
    form = page.get_by_role("form", name="Logowanie do Splotu")
    expect(form).to_be_visible()
    if name:
        look(page, name)
    form.get_by_role("textbox", name="Adres e-mail").fill(email)
    form.get_by_label(re.compile(r"^Hasło")).fill(password)
    form.get_by_role("button", name="Zaloguj się").click()
    page.wait_for_url(lambda url: "/logowanie" not in url)


def make_pesel(rng: random.Random, born: date, female: bool) -> str:
    """A valid PESEL for a person born on ``born`` (an even sex digit: a woman)."""
    month = born.month + (20 if born.year >= 2000 else 0)
    sex_digit = rng.choice("02468" if female else "13579")
    digits = f"{born.year % 100:02d}{month:02d}{born.day:02d}{rng.randrange(1000):03d}{sex_digit}"
    return digits + pesel.calc_check_digit(digits)
