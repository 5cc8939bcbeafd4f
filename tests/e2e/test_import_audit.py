"""Bulk import and the access log in a real browser: a PUP coordinator checks a CSV file with a dry
run, reads the per-row results, runs it for real with the progress bar to completion and downloads
the rejected rows (formula-safe, with the reason); then the auditor filters the access log and
exports it as CSV and XLSX. Every page is screenshotted and checked with axe-core (conftest.py).

Steps (``IMPORT_AUDIT`` at the end) run in order on one shared ``Scenario``."""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import openpyxl
from playwright.sync_api import Page, expect

from conftest import look, make_pesel, shot, sign_in, step

COORDINATOR = "pup.koordynator@splot.example"
AUDITOR = "audytor@splot.example"
PUP_NAME = "Powiatowy Urząd Pracy w Wieliczce"
FORMULA = '=HYPERLINK("http://evil.example","klik")'


@dataclass
class Scenario:
    new_page: Callable[[str], Page]
    tmp: Path
    rng: random.Random = field(default_factory=lambda: random.Random())
    tag: str = ""
    file: Path | None = None
    coordinator: Page | None = None
    auditor: Page | None = None


def write_file(s: Scenario) -> None:
    """A CSV as a spreadsheet saves it: BOM, semicolons, quoted cells; three good rows, one whose
    first name is a formula (refused, and neutralised in the rejected rows' CSV), one with an
    invalid PESEL."""
    s.tag = f"{s.rng.randrange(16**6):06x}"
    lines = ["external_id;pesel;first_name;last_name;birth_date;sex;phone"]
    for i in range(3):
        born = date(1970 + s.rng.randrange(30), 1 + s.rng.randrange(12), 1 + s.rng.randrange(28))
        pesel = make_pesel(s.rng, born, female=i % 2 == 0)
        lines.append(f'E2E-{s.tag}-{i};{pesel};"Ewa, {i}";Testowa{s.tag};;;+48 600 700 80{i}')
    lines.append(f'E2E-{s.tag}-f;;"{FORMULA.replace(chr(34), chr(34) * 2)}";Formułowa;;;')
    lines.append(f"E2E-{s.tag}-p;12345678901;Zły;Pesel;;;")
    s.file = s.tmp / f"osoby-{s.tag}.csv"
    s.file.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode())


def open_import(s: Scenario) -> None:
    """The coordinator opens Import from the navigation: the expected columns and the template."""
    page = s.coordinator = s.new_page("pup.koordynator")
    sign_in(page, COORDINATOR)
    page.get_by_role("navigation", name="Nawigacja główna").get_by_role("link", name="Import").click()
    expect(page.get_by_role("heading", level=1, name="Import osób z pliku")).to_be_visible()
    columns = page.get_by_role("table", name="Kolumny pliku importu")
    expect(columns.get_by_text("external_id", exact=True)).to_be_visible()
    with page.expect_download() as template:
        page.get_by_role("button", name="Pobierz szablon CSV").click()
    assert template.value.suggested_filename == "splot-import-szablon.csv"
    look(page, "import-1-start")


def dry_run(s: Scenario) -> None:
    """A dry run of the file: per-row outcomes, nothing saved, rejected rows with their reason."""
    page = s.coordinator
    assert page is not None and s.file is not None
    page.locator('input[type="file"]').set_input_files(str(s.file))
    expect(page.get_by_role("checkbox", name="Próba (bez zapisu)")).to_be_checked()
    page.get_by_role("button", name="Sprawdź plik").click()
    expect(page.get_by_role("heading", name="2. Wynik próby")).to_be_visible()
    expect(page.get_by_text("Próba zakończona")).to_be_visible()
    rows = page.get_by_role("table", name="Wynik każdego wiersza pliku")
    expect(rows.get_by_role("row")).to_have_count(6)
    # The formula is no name (the registry refuses it), the other row has an invalid PESEL.
    expect(rows.get_by_text("Niepoprawne wartości w wierszu.")).to_have_count(2)
    page.get_by_role("radiogroup", name="Pokaż wiersze").get_by_text("Odrzucone", exact=True).click()
    expect(rows.get_by_role("row")).to_have_count(3)
    look(page, "import-2-dry-run")


def real_run(s: Scenario) -> None:
    """The same file for real: a progress bar until the job completes."""
    page = s.coordinator
    assert page is not None
    page.get_by_role("button", name="Importuj naprawdę").click()
    expect(page.get_by_role("heading", name="2. Wynik importu")).to_be_visible()
    bar = page.get_by_role("progressbar", name="Postęp importu")
    expect(bar).to_be_visible()
    expect(page.get_by_text("Import zakończony.")).to_be_visible()
    expect(bar).to_have_attribute("aria-valuenow", "100")
    expect(page.get_by_text("Nowe: 3")).to_be_visible()
    expect(page.get_by_text("Odrzucone: 2")).to_be_visible()
    look(page, "import-3-done")
    page.get_by_role("heading", name="2. Wynik importu").scroll_into_view_if_needed()
    page.mouse.wheel(0, -80)
    shot(page, "screen-import", full_page=False)  # docs/screenshots/30-import.png


def download_rejected(s: Scenario) -> None:
    """The rejected rows as uploaded plus the reason; the formula comes back as text."""
    page = s.coordinator
    assert page is not None
    with page.expect_download() as download:
        page.get_by_role("button", name="Pobierz odrzucone wiersze (2)").click()
    body = Path(download.value.path()).read_bytes()
    assert body.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert [r["external_id"] for r in rows] == [f"E2E-{s.tag}-f", f"E2E-{s.tag}-p"]
    assert rows[0]["first_name"] == "'" + FORMULA
    assert rows[0]["rejection_code"] == "validation_error" and rows[1]["rejection_reason"]
    expect(page.get_by_text("Pobrano plik")).to_be_visible()


def auditor_filters(s: Scenario) -> None:
    """The auditor opens the access log, filters the PUP's entries of today on the basis
    "registration" and sees the import's entries."""
    page = s.auditor = s.new_page("audytor")
    sign_in(page, AUDITOR)
    page.get_by_role("navigation", name="Nawigacja główna").get_by_role(
        "link", name="Rejestr dostępu"
    ).click()
    expect(page.get_by_role("heading", level=1, name="Rejestr dostępu")).to_be_visible()
    look(page, "audit-1-log")
    form = page.get_by_role("form", name="Filtry rejestru dostępu")
    institution = form.get_by_role("combobox", name="Instytucja")
    institution.fill("Wieliczce")
    page.get_by_role("option", name=PUP_NAME, exact=True).click()
    form.get_by_role("combobox", name="Podstawa dostępu").click()
    page.get_by_role("option", name="rejestracja osoby przez instytucję", exact=True).click()
    today = date.today().isoformat()
    form.get_by_label("Od dnia").fill(today)
    form.get_by_label("Do dnia").fill(today)
    form.get_by_role("button", name="Filtruj").click()
    table = page.get_by_role("table", name="Wpisy rejestru dostępu, od najnowszych")
    expect(table.get_by_text("import_create").first).to_be_visible()
    expect(table.get_by_text("rejestracja osoby przez instytucję").first).to_be_visible()
    look(page, "audit-2-filtered")
    shot(page, "screen-access-log", full_page=False)  # docs/screenshots/31-access-log.png


def auditor_exports(s: Scenario) -> None:
    """CSV and XLSX exports of the filtered log (the export itself is logged)."""
    page = s.auditor
    assert page is not None
    with page.expect_download() as csv_download:
        page.get_by_role("button", name="Eksportuj CSV").click()
    text = Path(csv_download.value.path()).read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert rows and {r["legal_basis"] for r in rows} == {"registration"}
    assert any(r["action"] == "import_create" for r in rows)
    with page.expect_download() as xlsx_download:
        page.get_by_role("button", name="Eksportuj XLSX").click()
    assert xlsx_download.value.suggested_filename.endswith(".xlsx")
    book = openpyxl.load_workbook(io.BytesIO(Path(xlsx_download.value.path()).read_bytes()))
    assert book["access_log"].max_row == len(rows) + 1
    page.get_by_role("button", name="Wyczyść filtry").click()
    table = page.get_by_role("table", name="Wpisy rejestru dostępu, od najnowszych")
    expect(table.get_by_text("access_log_export").first).to_be_visible()
    look(page, "audit-3-exported")


IMPORT_AUDIT: list[Callable[[Scenario], None]] = [
    write_file,
    open_import,
    dry_run,
    real_run,
    download_rejected,
    auditor_filters,
    auditor_exports,
]


def test_import_and_access_log(new_page, tmp_path: Path) -> None:
    scenario = Scenario(new_page=new_page, tmp=tmp_path)
    for run in IMPORT_AUDIT:
        page = scenario.auditor or scenario.coordinator
        with step(run.__name__, page):
            run(scenario)
        print(f"✓ {run.__name__}: {(run.__doc__ or '').splitlines()[0]}")
