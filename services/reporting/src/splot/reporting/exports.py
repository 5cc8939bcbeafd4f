"""CSV and XLSX renderings of protected tables (never of facts).

CSV (RFC 4180, CRLF line ends) is long: one line per (table, period, dimensions, measure) with
``value`` empty and ``suppressed`` true for a suppressed cell, then the metadata as lines of the
table ``metadata`` (``measure`` the key, ``value`` the value: title, scope, period, as-of,
suppression rules and, for an edition, its version and change note). XLSX has one wide sheet per
table, where a suppressed cell reads ``c`` (confidential), and a ``metadata`` sheet: the same keys
and the definition of every measure in the workbook.

Every cell goes through :mod:`splot.common.spreadsheet`: text that a spreadsheet would read as
a formula (``=…``, ``+…``, ``-…``, ``@…``, tab, carriage return) gets a leading ``'`` (OWASP CSV
injection), and characters an XLSX file cannot hold (control characters in a title stored before
input was checked) are replaced, so that every stored edition stays exportable. Numbers stay
numbers.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from splot.common.spreadsheet import csv_cell, xlsx_cell
from splot.reporting.catalogue import MEASURES

METADATA_TABLE = "metadata"

SUPPRESSED_MARK = "c"
EXTRA_DEFINITIONS = {
    "persons_served": "Distinct persons with a contact (referral sent or received, registration, access grant) with any institution in the period.",
    "persons_pup_ops": "Distinct persons served in the period by a PUP and by social assistance (OPS, CUS, PCPR).",
    "persons_pup_ngo": "Distinct persons served by a PUP and by an NGO (NGO, CIS, KIS).",
    "persons_ops_ngo": "Distinct persons served by social assistance and by an NGO.",
    "persons_pup_ops_ngo": "Distinct persons served by all three sectors.",
    "pup_ops_share": "persons_pup_ops / persons_served.",
    "pup_ops_ngo_share": "persons_pup_ops_ngo / persons_served.",
    "cooperation_index": "100 x mean(sector_coverage, reciprocity, ngo_involvement, agreement_coverage).",
    "active_pairs": "Institution pairs (unordered) with at least one referral between them in the period.",
    "reciprocity": "Share of active pairs with referrals in both directions.",
    "sector_coverage": "Share of the sector pairs PUP-OPS, PUP-NGO, OPS-NGO with at least one active pair.",
    "ngo_involvement": "Share of active pairs that include an NGO, CIS or KIS.",
    "agreement_coverage": "Share of active pairs whose institutions are parties to a common agreement in force.",
    "agreements_in_force": "Partnership agreements in force on the last day of the period with a party seated in the powiat.",
}


def definition_of(measure: str) -> tuple[str, str]:
    if measure in MEASURES:
        m = MEASURES[measure]
        return m.definition, m.formula
    return EXTRA_DEFINITIONS.get(measure, ""), ""


def _dimension_names(tables: list[dict[str, Any]]) -> list[str]:
    names: list[str] = []
    for table in tables:
        for name in table["dimensions"]:
            if name not in names:
                names.append(name)
    return names


def _text(value: Any) -> Any:
    """A metadata value as a cell: numbers as they are, anything else as text."""
    if value is None or isinstance(value, int | float):
        return value
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def to_csv(tables: list[dict[str, Any]], metadata: list[tuple[str, Any]] | None = None) -> str:
    dims = _dimension_names(tables)
    out = io.StringIO()
    # CRLF line ends (RFC 4180): the writer then quotes every field holding a CR or an LF. With
    # "\n" it would leave a bare CR unquoted, which readers take as a line break, so that the text
    # after it would start a new cell of its own: the injection the neutralising guards against.
    writer = csv.writer(out, lineterminator="\r\n")

    def write(cells: list[Any]) -> None:
        writer.writerow([csv_cell(c) for c in cells])

    write(["table", "period", *dims, "measure", "value", "suppressed"])
    for table in tables:
        for row in table["rows"]:
            for measure in table["measures"]:
                cell = row["values"].get(measure, {"value": None, "suppressed": False})
                value = "" if cell["value"] is None else cell["value"]
                write(
                    [
                        table["name"],
                        row["period"],
                        *(row["dimensions"].get(d, "") for d in dims),
                        measure,
                        value,
                        "true" if cell["suppressed"] else "false",
                    ]
                )
    for key, value in metadata or []:
        shown = _text(value)
        write([METADATA_TABLE, "", *("" for _ in dims), key, "" if shown is None else shown, "false"])
    return out.getvalue()


def to_xlsx(tables: list[dict[str, Any]], metadata: list[tuple[str, Any]]) -> bytes:
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    bold = Font(bold=True)
    measures_used: list[str] = []
    for table in tables:
        sheet = workbook.create_sheet(title=str(table["name"])[:31])  # our own table names
        header = ["period", *table["dimensions"], *table["measures"]]
        sheet.append([xlsx_cell(h) for h in header])
        for cell in sheet[1]:
            cell.font = bold
        for row in table["rows"]:
            values: list[Any] = [row["period"], *(row["dimensions"].get(d, "") for d in table["dimensions"])]
            for measure in table["measures"]:
                cell = row["values"].get(measure, {"value": None, "suppressed": False})
                values.append(SUPPRESSED_MARK if cell["suppressed"] else cell["value"])
            sheet.append([xlsx_cell(v) for v in values])
        measures_used += [m for m in table["measures"] if m not in measures_used]
    meta = workbook.create_sheet(title=METADATA_TABLE)

    def note(*cells: Any) -> None:
        meta.append([xlsx_cell(c) for c in cells])

    note("key", "value")
    for key, value in metadata:
        note(key, _text(value))
    note("legend", f"'{SUPPRESSED_MARK}' = suppressed (small cell, not zero); counts are rounded")
    meta.append([])
    note("measure", "definition", "formula")
    for measure in measures_used:
        definition, formula = definition_of(measure)
        note(measure, definition, formula)
    for cell in meta[1]:
        cell.font = bold
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def metadata_rows(
    *, title: str, scope: dict[str, Any], period: str, as_of: dict[str, Any], suppression: dict[str, Any]
) -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = [
        ("title", title),
        ("scope", ", ".join(f"{k}={v}" for k, v in scope.items() if v not in (None, ""))),
        ("period", period),
        ("generated_at", as_of.get("generated_at")),
        ("data_as_of", as_of.get("data_as_of")),
    ]
    for source in as_of.get("sources", []):
        rows.append(
            (
                f"source {source['source']}",
                f"last_seq={source['last_seq']} head_seq={source['head_seq']} lag={source['lag']} "
                f"last_success_at={source['last_success_at']}",
            )
        )
    rows += [
        ("suppression threshold", suppression["threshold"]),
        ("suppression threshold (sensitive service types)", suppression["sensitive_threshold"]),
        ("rounding base", suppression["rounding_base"]),
        ("sensitive service types", ", ".join(suppression["sensitive_service_types"])),
        ("definitions", "docs/indicators.md; GET /v1/catalogue"),
    ]
    return rows
