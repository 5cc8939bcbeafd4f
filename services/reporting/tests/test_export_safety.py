"""Exports are safe to open: no live formulas (OWASP CSV injection) in CSV or XLSX, every stored
edition exportable even with a control character in its title, and free text refused at input
when it carries control characters."""

import csv
import io
import uuid

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from splot.reporting import exports
from splot.reporting.models import Edition, EditionVersion

PAYLOADS = ['=HYPERLINK("http://x","y")', "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


async def _publish(client, headers, **body):
    response = await client.post(
        "/v1/editions", json={"period": "2025-Q1", "territory": "12", **body}, headers=headers
    )
    assert response.status_code == 201, response.text
    return response


async def _export(client, headers, edition_id, version, fmt):
    response = await client.get(
        f"/v1/editions/{edition_id}/versions/{version}/export", params={"format": fmt}, headers=headers
    )
    assert response.status_code == 200, response.text
    return response


def _csv_metadata(text: str) -> dict[str, str]:
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["table"] != "metadata"  # the data come first, the metadata after them
    return {r["measure"]: r["value"] for r in rows if r["table"] == "metadata"}


def _xlsx_metadata(content: bytes) -> dict[str, object]:
    sheet = load_workbook(io.BytesIO(content))["metadata"]
    return {row[0].value: row[1] for row in sheet.iter_rows() if row[0].value is not None}


async def _store(session, edition_id, *, title=None, change_note=None):
    """Write straight to the database, as data stored before input was checked would be."""
    edition_id = uuid.UUID(edition_id)
    if title is not None:
        await session.execute(update(Edition).where(Edition.id == edition_id).values(title=title))
    if change_note is not None:
        await session.execute(
            update(EditionVersion)
            .where(EditionVersion.edition_id == edition_id, EditionVersion.version == 2)
            .values(change_note=change_note)
        )
    await session.commit()


@pytest.mark.parametrize("payload", PAYLOADS)
async def test_titles_and_change_notes_come_out_neutralised(client, dataset, analyst, session, payload):
    h = analyst("12")
    published = await _publish(client, h)
    edition_id = published.json()["id"]
    corrected = await client.post(
        f"/v1/editions/{edition_id}/versions",
        json={"change_note": "a first correction"},
        headers={**h, "If-Match": published.headers["etag"]},
    )
    assert corrected.status_code == 201, corrected.text
    await _store(session, edition_id, title=payload, change_note=payload)

    meta = _csv_metadata((await _export(client, h, edition_id, 2, "csv")).text)
    assert meta["title"] == f"'{payload} — version 2"
    assert meta["change_note"] == f"'{payload}"
    assert meta["version"] == "2"

    cells = _xlsx_metadata((await _export(client, h, edition_id, 2, "xlsx")).content)
    for key in ("title", "change_note"):
        cell = cells[key]
        assert cell.data_type == "s", (key, cell.data_type)
        assert isinstance(cell.value, str) and cell.value.startswith("'"), (key, cell.value)
    shown = payload.replace("\r", "\n")  # XML reads a bare CR back as a line feed
    assert cells["title"].value == f"'{shown} — version 2"
    assert cells["change_note"].value == f"'{shown}"
    assert cells["version"].value == 2 and cells["version"].data_type == "n"


async def test_a_formula_title_given_through_the_api_is_neutralised(client, dataset, analyst):
    h = analyst("12")
    title = '=HYPERLINK("http://x","y")'
    edition_id = (await _publish(client, h, title=title)).json()["id"]
    assert _csv_metadata((await _export(client, h, edition_id, 1, "csv")).text)["title"] == (
        f"'{title} — version 1"
    )
    cell = _xlsx_metadata((await _export(client, h, edition_id, 1, "xlsx")).content)["title"]
    assert cell.data_type == "s" and cell.value == f"'{title} — version 1"


async def test_an_edition_with_a_control_character_in_its_title_still_exports(
    client, dataset, analyst, session
):
    h = analyst("12")
    edition_id = (await _publish(client, h)).json()["id"]
    # Stored before titles were checked (NUL aside, which PostgreSQL text cannot hold at all).
    await _store(session, edition_id, title="Raport\x0b2025\x1b[31m\x07")
    text = (await _export(client, h, edition_id, 1, "csv")).text
    assert _csv_metadata(text)["title"] == "Raport\x0b2025\x1b[31m\x07 — version 1"
    cells = _xlsx_metadata((await _export(client, h, edition_id, 1, "xlsx")).content)
    assert cells["title"].value == "Raport\ufffd2025\ufffd[31m\ufffd — version 1"
    assert cells["title"].data_type == "s"


def test_negative_numbers_stay_numbers_and_text_values_are_neutralised():
    table = {
        "name": "t",
        "title": "T",
        "dimensions": ["route"],
        "measures": ["referrals"],
        "rows": [
            {"period": "2025", "dimensions": {"route": "-2+3"}, "values": {"referrals": _cell(-2)}},
            {"period": "2025", "dimensions": {"route": "=1+1"}, "values": {"referrals": _cell(-0.5)}},
        ],
    }
    metadata = [("title", "@SUM(A1)"), ("threshold", -3)]
    rows = list(csv.DictReader(io.StringIO(exports.to_csv([table], metadata))))
    assert [(r["route"], r["value"]) for r in rows if r["table"] == "t"] == [
        ("'-2+3", "-2"),
        ("'=1+1", "-0.5"),
    ]
    assert {r["measure"]: r["value"] for r in rows if r["table"] == "metadata"} == {
        "title": "'@SUM(A1)",
        "threshold": "-3",
    }
    book = load_workbook(io.BytesIO(exports.to_xlsx([table], metadata)))
    data = list(book["t"].iter_rows(min_row=2))
    assert [(c.value, c.data_type) for c in data[0]] == [("2025", "s"), ("'-2+3", "s"), (-2, "n")]
    assert [(c.value, c.data_type) for c in data[1]] == [("2025", "s"), ("'=1+1", "s"), (-0.5, "n")]
    meta = {row[0].value: row[1] for row in book["metadata"].iter_rows() if row[0].value}
    assert (meta["title"].value, meta["title"].data_type) == ("'@SUM(A1)", "s")
    assert (meta["threshold"].value, meta["threshold"].data_type) == (-3, "n")


def _cell(value):
    return {"value": value, "suppressed": False}


# --- input -----------------------------------------------------------------------------------


def _control_character_problem(response, field: str) -> None:
    """422, a problem document, located at the field (this service's schema) or at the body (the
    platform's guard, which may answer first for control characters other than tab and breaks)."""
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["code"] in ("validation_error", "control_character")
    assert problem["errors"] and all(e["type"] == "control_character" for e in problem["errors"])
    assert all(e["loc"] in (["body", field], ["body"]) for e in problem["errors"])
    assert "SECRET" not in response.text  # the input is not echoed back


@pytest.mark.parametrize(
    "title", ["SECRET\ttab", "SECRET\nline", "SECRET\r\nline", "SECRET\x07", "SECRET\x1b[0m"]
)
async def test_titles_refuse_control_characters_and_line_breaks(client, dataset, analyst, title):
    response = await client.post("/v1/editions", json={"period": "2025", "title": title}, headers=analyst(""))
    _control_character_problem(response, "title")


async def test_a_title_with_a_tab_is_refused_at_the_field(client, dataset, analyst):
    response = await client.post(
        "/v1/editions", json={"period": "2025", "title": "Raport\t2025"}, headers=analyst("")
    )
    assert response.status_code == 422
    problem = response.json()
    assert problem["code"] == "validation_error"
    assert [(e["loc"], e["type"]) for e in problem["errors"]] == [(["body", "title"], "control_character")]


@pytest.mark.parametrize("note", ["SECRET\x00", "SECRET\x0b", "SECRET\x1b[31m", "SECRET\x7f\x08"])
async def test_change_notes_refuse_control_characters(client, dataset, analyst, note):
    h = analyst("12")
    published = await _publish(client, h)
    response = await client.post(
        f"/v1/editions/{published.json()['id']}/versions",
        json={"change_note": note},
        headers={**h, "If-Match": published.headers["etag"]},
    )
    _control_character_problem(response, "change_note")


async def test_change_notes_may_have_several_lines(client, dataset, analyst):
    h = analyst("12")
    published = await _publish(client, h)
    note = "Poprawki:\n\t- luty doliczony\r\n\t- korekta"
    response = await client.post(
        f"/v1/editions/{published.json()['id']}/versions",
        json={"change_note": note},
        headers={**h, "If-Match": published.headers["etag"]},
    )
    assert response.status_code == 201, response.text
    assert response.json()["versions"][-1]["change_note"] == note
