"""Text cells that are safe to put in CSV and XLSX exports.

Two dangers, two functions:

* **Formula injection** (OWASP "CSV Injection"): a spreadsheet treats a cell beginning with ``=``,
  ``+``, ``-``, ``@``, a tab or a carriage return as a formula (``=HYPERLINK(...)``,
  ``@SUM(...)``, DDE payloads). :func:`neutralise` prefixes such *text* with a single quote, so the
  cell is shown as the text it is. The check also looks past leading whitespace and double quotes
  (``  =1``, ``"=1``), which some spreadsheets strip before deciding what a cell is, and treats
  the full-width forms of the four characters (``＝ ＋ － ＠``), which some locales' spreadsheets
  read as formulas, the same way. Numbers are left alone: a negative number is a number, not a
  formula, and stays numeric. The result never starts a formula again (it is idempotent).
* **Characters an XLSX file cannot hold**: openpyxl refuses the C0 control characters other than
  tab, line feed and carriage return (``openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE``), and XML 1.0
  cannot carry lone surrogates or U+FFFE/U+FFFF at all. :func:`xlsx_text` replaces them with
  U+FFFD, so that a stored value written before input was checked still exports.

Use :func:`csv_cell` and :func:`xlsx_cell` on every cell an exporter writes: they do both, in the
right order (first remove what cannot be stored, then neutralise, so that removing a character
cannot uncover a formula). A CSV writer must also quote every field holding a line break, or the
text after a bare CR starts a cell of its own: ``csv.writer``'s default ``lineterminator``
(``"\r\n"``) does; ``lineterminator="\n"`` leaves a CR unquoted.
"""

from __future__ import annotations

import re
from typing import Any

#: Characters that make a spreadsheet read a cell as a formula (OWASP), with the full-width forms.
FORMULA_TRIGGERS = frozenset("=+-@\t\r" + "\uff1d\uff0b\uff0d\uff20")
#: What is looked past before the first character is checked: whitespace and double quotes.
_LEADING = re.compile(r'^[\s"]+')
QUOTE = "'"
REPLACEMENT = "\ufffd"

#: The characters openpyxl refuses (the same set as ``openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE``,
#: kept here so that this module does not need openpyxl; a test checks they agree).
ILLEGAL_CHARACTERS_RE = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
#: Besides those, what XML 1.0 cannot carry: lone surrogates (which Python strings can hold, e.g.
#: from a JSON ``"\ud800"``) and the non-characters U+FFFE and U+FFFF.
_XML_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037\ud800-\udfff\ufffe\uffff]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def is_formula_like(text: str) -> bool:
    """Would a spreadsheet read this text as a formula?"""
    if not text:
        return False
    if text[0] in FORMULA_TRIGGERS:
        return True
    rest = _LEADING.sub("", text, count=1)
    return bool(rest) and rest[0] in FORMULA_TRIGGERS


def neutralise(value: Any) -> Any:
    """``value`` with text that would start a formula prefixed by ``'``; anything else (numbers,
    booleans, dates, ``None``) unchanged."""
    if isinstance(value, str) and is_formula_like(value):
        return QUOTE + value
    return value


def xlsx_text(text: str, replacement: str = REPLACEMENT) -> str:
    """``text`` without the characters openpyxl refuses or XML cannot carry (each replaced)."""
    return _XML_ILLEGAL.sub(replacement, text)


def csv_text(text: str, replacement: str = REPLACEMENT) -> str:
    """``text`` without lone surrogates, which cannot be encoded as UTF-8 (each replaced)."""
    return _SURROGATES.sub(replacement, text)


def csv_cell(value: Any) -> Any:
    """A value ready for ``csv.writer``: text made encodable, then neutralised."""
    if isinstance(value, str):
        return neutralise(csv_text(value))
    return value


def xlsx_cell(value: Any) -> Any:
    """A value ready for an openpyxl cell: text made storable, then neutralised. Numbers, dates,
    booleans and ``None`` pass through (a negative number stays a number)."""
    if isinstance(value, str):
        return neutralise(xlsx_text(value))
    return value
