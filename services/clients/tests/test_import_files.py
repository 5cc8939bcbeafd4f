"""Files around a bulk import: the template, and the download of the rejected rows (the row as
uploaded plus the reason, formula-safe, only for the importing institution's coordinators), odd
CSV content (BOM, separators, quotes, formula-leading cells), and erasing kept rejected rows."""

import csv
import io
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from splot.clients.config import ClientsSettings
from splot.clients.import_export import COLUMNS
from splot.clients.imports import erase_rejected_data
from splot.clients.models import ImportJob, ImportRow
from splot.common.db import utcnow

from conftest import PESEL_ANNA

BAD = (
    "\ufeffexternal_id;first_name;last_name;birth_date;sex;phone\r\n"
    "R-1;Anna;Kowalska;1985-03-14;F;+48 600 100 200\r\n"
    'R-2;"=HYPERLINK(""http://x.example"",""klik"")";Nowak;;;\r\n'
    'R-3;"Jan; Maria";"O\'Brien ""Kuba""";1999-13-01;M;\r\n'
    "R-4;@SUM(A1);-Lis;1990-01-01;X;+48 600 100 201\r\n"
)


async def _upload(world, inst, content, *, dry_run=False, headers=None, media="text/csv"):
    response = await world.client.post(
        "/v1/imports",
        content=content if isinstance(content, bytes) else content.encode(),
        params={"dry_run": str(dry_run).lower()},
        headers={**(headers or world.headers(inst, "coordinator")), "Content-Type": media},
    )
    assert response.status_code == 202, response.text
    return response.json()


def _read(body: bytes) -> list[dict[str, str]]:
    assert body.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline=""), delimiter=";"))


async def test_template_lists_every_column_and_imports_as_is(world):
    pup = world.inst("PUP")
    response = await world.client.get("/v1/imports/template", headers=world.headers(pup, "coordinator"))
    assert response.status_code == 200
    body = response.json()
    assert [c["name"] for c in body["columns"]] == list(COLUMNS) and COLUMNS[0] == "external_id"
    required = {c["name"] for c in body["columns"] if c["required"]}
    assert required == {"external_id", "first_name", "last_name"}
    [example] = _read(body["csv"].encode())
    assert list(example) == list(COLUMNS) and body["filename"].endswith(".csv")
    job = await _upload(world, pup, body["csv"])
    assert job["counts"]["created"] == 1 and job["counts"]["rejected"] == 0


async def test_rejected_rows_download_keeps_columns_adds_reason_and_neutralises_formulas(world):
    pup = world.inst("PUP")
    job = await _upload(world, pup, BAD, dry_run=True)
    assert job["counts"] == {"created": 1, "matched": 0, "updated": 0, "unchanged": 0, "rejected": 3}
    response = await world.client.get(
        f"/v1/imports/{job['id']}/rejected.csv", headers=world.headers(pup, "coordinator")
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    rows = _read(response.content)
    assert list(rows[0]) == [
        "external_id",
        "first_name",
        "last_name",
        "birth_date",
        "sex",
        "phone",
        "rejected_row",
        "rejection_code",
        "rejection_reason",
    ]
    assert [r["external_id"] for r in rows] == ["R-2", "R-3", "R-4"]
    assert [r["rejected_row"] for r in rows] == ["2", "3", "4"]
    # Formula-leading cells come back as text; quotes and separators inside cells survive.
    assert rows[0]["first_name"] == '\'=HYPERLINK("http://x.example","klik")'
    assert rows[2]["first_name"] == "'@SUM(A1)" and rows[2]["last_name"] == "'-Lis"
    assert rows[2]["phone"] == "'+48 600 100 201"
    assert rows[1]["first_name"] == "Jan; Maria" and rows[1]["last_name"] == 'O\'Brien "Kuba"'
    assert all(r["rejection_code"] and r["rejection_reason"] for r in rows)
    assert "birth_date" in rows[1]["rejection_reason"]
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r.values())
    # The download is audited.
    [entry] = await world.log(action="import_rejected_rows")
    assert entry.institution_id == pup.id and entry.basis_ref == job["id"]


async def test_corrected_download_uploads_again_with_the_quote_removed(world):
    pup = world.inst("PUP")
    job = await _upload(world, pup, BAD)
    body = (
        await world.client.get(
            f"/v1/imports/{job['id']}/rejected.csv", headers=world.headers(pup, "coordinator")
        )
    ).content.decode("utf-8-sig")
    fixed = body.replace('\'=HYPERLINK(""http://x.example"",""klik"")', "Ewa").replace(
        ";;;", ";1980-01-01;F;"
    )
    fixed = fixed.replace("1999-13-01", "1999-12-01").replace("'@SUM(A1)", "Ola").replace("'-Lis", "Lis")
    # The neutralised phone ('+48 …) is read back as it was (else it would not validate).
    again = await _upload(world, pup, fixed.replace(";X;", ";F;"))
    assert again["counts"]["rejected"] == 0 and again["counts"]["created"] == 3
    rows = await world.client.get(
        f"/v1/imports/{again['id']}/rows", headers=world.headers(pup, "coordinator")
    )
    lis = next(r for r in rows.json()["items"] if r["external_id"] == "R-4")
    person = await world.client.get(f"/v1/persons/{lis['person_id']}", headers=world.headers(pup))
    assert person.json()["phone"] == "+48 600 100 201" and person.json()["first_name"] == "Ola"


@pytest.mark.parametrize(
    ("role", "own", "expected"),
    [
        ("coordinator", True, 200),
        ("caseworker", True, 403),
        ("analyst", True, 403),
        ("auditor", True, 403),
        ("institution_admin", True, 403),
        ("system_admin", True, 403),
        ("coordinator", False, 404),
        ("caseworker", False, 404),
    ],
)
async def test_rejected_rows_access_matrix(world, role, own, expected):
    pup, other = world.inst("PUP"), world.inst("OPS")
    job = await _upload(world, pup, BAD)
    inst = pup if own else other
    response = await world.client.get(
        f"/v1/imports/{job['id']}/rejected.csv", headers=world.headers(inst, role)
    )
    assert response.status_code == expected, response.text
    if expected != 200:
        assert b"Nowak" not in response.content and b"HYPERLINK" not in response.content


async def test_institution_system_downloads_its_own_rejected_rows_not_anothers(world):
    pup, ops = world.inst("PUP"), world.inst("OPS")
    mine = await _upload(world, pup, BAD, headers=world.system(pup))
    theirs = await _upload(world, ops, BAD.replace("R-", "S-"))
    ok = await world.client.get(f"/v1/imports/{mine['id']}/rejected.csv", headers=world.system(pup))
    assert ok.status_code == 200 and b"R-2" in ok.content and b"S-2" not in ok.content
    refused = await world.client.get(f"/v1/imports/{theirs['id']}/rejected.csv", headers=world.system(pup))
    assert refused.status_code == 404 and b"S-2" not in refused.content
    rows = await world.client.get(
        f"/v1/imports/{theirs['id']}/rows", headers=world.headers(pup, "coordinator")
    )
    assert rows.status_code == 404


async def test_template_needs_a_front_line_role(world):
    pup = world.inst("PUP")
    for role, expected in (("caseworker", 200), ("analyst", 403), ("auditor", 403)):
        response = await world.client.get("/v1/imports/template", headers=world.headers(pup, role))
        assert response.status_code == expected
    assert (await world.client.get("/v1/imports/template")).status_code == 401


async def test_odd_csv_content_is_read_or_refused_with_a_problem(world):
    pup = world.inst("PUP")
    comma = f'external_id,pesel,first_name,last_name\r\nC-1,{PESEL_ANNA},"Anna, Maria",Kowalska\r\n'
    job = await _upload(world, pup, ("\ufeff" + comma).encode())
    assert job["counts"]["created"] == 1
    tab = "external_id\tfirst_name\tlast_name\tbirth_date\tsex\nT-1\tJan\tNowak\t1970-01-01\tM\n"
    assert (await _upload(world, pup, tab))["counts"]["created"] == 1
    for content, code in (
        (b"\xff\xfeexternal_id", "invalid_file"),
        (b"first_name;last_name\nA;B\n", "missing_columns"),
        (b'external_id;=cmd|"/c calc"!A0\nX;1\n', "unknown_columns"),
    ):
        response = await world.client.post(
            "/v1/imports",
            content=content,
            headers={**world.headers(pup, "coordinator"), "Content-Type": "text/csv"},
        )
        assert response.status_code == 422 and response.json()["code"] == code


async def test_kept_rejected_rows_are_erased_after_the_keep_period(world):
    pup = world.inst("PUP")
    job = await _upload(world, pup, BAD)
    settings = ClientsSettings(import_rejected_keep_days=7)
    assert await erase_rejected_data(world.session, settings=settings) == 0
    await world.session.execute(
        update(ImportJob)
        .where(ImportJob.id == uuid.UUID(job["id"]))
        .values(finished_at=utcnow() - timedelta(days=8))
    )
    assert await erase_rejected_data(world.session, settings=settings) == 3
    kept = await world.session.scalars(select(ImportRow.data).where(ImportRow.data.is_not(None)))
    assert kept.all() == []
    await world.session.commit()
    response = await world.client.get(
        f"/v1/imports/{job['id']}/rejected.csv", headers=world.headers(pup, "coordinator")
    )
    rows = _read(response.content)
    # Only the reasons are left.
    assert [r["rejected_row"] for r in rows] == ["2", "3", "4"] and not any(r["external_id"] for r in rows)
