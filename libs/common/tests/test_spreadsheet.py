"""Spreadsheet cells: formula injection neutralised (OWASP), characters XLSX cannot hold replaced."""

import csv
import io
from datetime import date

import pytest

from splot.common.spreadsheet import (
    ILLEGAL_CHARACTERS_RE,
    csv_cell,
    is_formula_like,
    neutralise,
    xlsx_cell,
    xlsx_text,
)

PAYLOADS = [
    '=HYPERLINK("http://x","y")',
    "+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "=1",
    "-",
    '  =cmd|" /C calc"!A0',
    '"=1"',
    "\n@x",
    "\uff1d1+1",  # full-width equals sign
]
HARMLESS = ["", "Raport 2025-Q1", "PUP->OPS", "0-17", "65+", "1219", "a=b", "x-1", "'=already quoted"]


@pytest.mark.parametrize("text", PAYLOADS)
def test_text_that_starts_a_formula_gets_a_leading_quote(text):
    assert is_formula_like(text)
    assert neutralise(text) == "'" + text
    assert csv_cell(text) == "'" + text
    assert xlsx_cell(text) == "'" + text


@pytest.mark.parametrize("text", PAYLOADS + HARMLESS)
def test_neutralising_is_idempotent_and_never_leaves_a_formula(text):
    once = neutralise(text)
    assert neutralise(once) == once
    assert not is_formula_like(once)


@pytest.mark.parametrize("text", HARMLESS)
def test_harmless_text_is_unchanged(text):
    assert neutralise(text) == text and csv_cell(text) == text and xlsx_cell(text) == text


@pytest.mark.parametrize("value", [-2, -0.25, 0, 17, 3.5, True, None, date(2025, 3, 1)])
def test_numbers_and_other_values_pass_through(value):
    assert neutralise(value) is value
    assert csv_cell(value) is value
    assert xlsx_cell(value) is value


def test_a_csv_round_trip_keeps_the_quote_and_the_negative_number():
    out = io.StringIO()
    csv.writer(out).writerow([csv_cell(v) for v in ["-2+3", -2, '=HYPERLINK("http://x","y")', "\r=1"]])
    row = next(csv.reader(io.StringIO(out.getvalue())))
    assert row == ["'-2+3", "-2", '\'=HYPERLINK("http://x","y")', "'\r=1"]


def test_a_carriage_return_inside_a_cell_does_not_start_a_new_one():
    # The default line terminator (CRLF) makes csv.writer quote a field with a CR in it; with "\n"
    # a bare CR would end the row for readers and "=1" would begin a cell of its own.
    out = io.StringIO()
    csv.writer(out).writerow([csv_cell("x\r=1"), csv_cell("\r=1")])
    assert list(csv.reader(io.StringIO(out.getvalue(), newline=""))) == [["x\r=1", "'\r=1"]]
    bare = io.StringIO()
    csv.writer(bare, lineterminator="\n").writerow(["x\r=1"])
    assert len(list(csv.reader(io.StringIO(bare.getvalue(), newline="")))) == 2  # why CRLF matters


def test_control_characters_are_replaced_for_xlsx():
    assert xlsx_text("Raport\x00 \x07\x0b\x0c\x1f koniec") == "Raport\ufffd \ufffd\ufffd\ufffd\ufffd koniec"
    assert xlsx_text("tab\tline\nreturn\r") == "tab\tline\nreturn\r"  # allowed in XLSX
    assert xlsx_text("\ud800lone surrogate\uffff") == "\ufffdlone surrogate\ufffd"
    assert xlsx_text("a\x01b", replacement="") == "ab"


def test_removing_a_character_cannot_uncover_a_formula():
    assert xlsx_cell("\x01=1") == "\ufffd=1"  # replaced, so not a formula
    assert not is_formula_like(xlsx_cell("\x01=1"))
    assert xlsx_cell("\x0b-2+3") == "\ufffd-2+3"


def test_csv_cells_are_encodable():
    assert csv_cell("a\ud800b").encode("utf-8") == "a\ufffdb".encode()


def test_our_set_of_illegal_characters_is_openpyxls():
    openpyxl_cell = pytest.importorskip("openpyxl.cell.cell")
    for code in range(0x10000):
        char = chr(code)
        assert bool(ILLEGAL_CHARACTERS_RE.match(char)) == bool(
            openpyxl_cell.ILLEGAL_CHARACTERS_RE.match(char)
        ), hex(code)


def test_openpyxl_accepts_what_xlsx_cell_returns_and_keeps_it_text():
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    values = ["=1", "-2+3", "\x07bell", "title\x00with NUL", -2]
    sheet.append([xlsx_cell(v) for v in values])
    buffer = io.BytesIO()
    book.save(buffer)
    cells = list(openpyxl.load_workbook(buffer).active.iter_rows())[0]
    assert [c.value for c in cells] == ["'=1", "'-2+3", "\ufffdbell", "title\ufffdwith NUL", -2]
    assert [c.data_type for c in cells] == ["s", "s", "s", "s", "n"]
