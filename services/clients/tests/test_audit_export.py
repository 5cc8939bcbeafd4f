"""The auditor's access log: filters (person, institution, user, period, basis of access) with
validation, and its export (CSV, XLSX) — bounded, formula-safe and itself audited."""

import csv
import io

import pytest
from openpyxl import load_workbook

from splot.clients.config import ClientsSettings

FORMULA_REASON = '=HYPERLINK("http://evil.example","klik") walk-in client'


async def _scene(world):
    """A PUP registers a person (with a formula-like override reason on a near-duplicate); an NGO
    reads the person through a grant."""
    pup, ngo = world.inst("PUP"), world.inst("NGO")
    pid = (await world.person(pup, headers=world.headers(pup, sub="pup-anna")))["id"]
    await world.person(
        pup,
        headers=world.headers(pup, sub="pup-anna"),
        pesel=None,
        birth_date="1985-03-14",
        sex="F",
        override_reason=FORMULA_REASON,
    )
    await world.grant(pid, ngo)
    read = await world.client.get(f"/v1/persons/{pid}", headers=world.headers(ngo, sub="ngo-ewa"))
    assert read.status_code == 200
    return pup, ngo, pid


async def _log(world, **params):
    return await world.client.get("/v1/access-log", params=params, headers=world.role("auditor"))


async def test_filters_by_basis_user_institution_and_person(world):
    pup, ngo, pid = await _scene(world)
    by_basis = (await _log(world, legal_basis="access_grant")).json()["items"]
    assert [(i["action"], i["subject"]) for i in by_basis] == [("read", "ngo-ewa")]
    by_user = (await _log(world, subject="pup-anna")).json()["items"]
    assert by_user and {i["subject"] for i in by_user} == {"pup-anna"}
    by_inst = (await _log(world, institution_id=str(ngo.id))).json()["items"]
    assert {i["institution_id"] for i in by_inst} == {str(ngo.id)}
    both = (await _log(world, person_id=pid, legal_basis="registration")).json()["items"]
    assert both and all(i["person_id"] == pid and i["legal_basis"] == "registration" for i in both)


async def test_period_is_validated(world):
    await _scene(world)
    reversed_ = await _log(world, since="2026-03-02", until="2026-03-01")
    assert reversed_.status_code == 422 and reversed_.json()["code"] == "invalid_period"
    for params in ({"since": "2026-02-30"}, {"until": "01.03.2026"}, {"legal_basis": "x y"}):
        assert (await _log(world, **params)).status_code == 422
    same_day = await _log(world, since="2026-03-01", until="2026-03-01")
    assert same_day.status_code == 200
    export = await world.client.get(
        "/v1/access-log/export",
        params={"since": "2026-03-02", "until": "2026-03-01"},
        headers=world.role("auditor"),
    )
    assert export.status_code == 422 and export.json()["code"] == "invalid_period"


async def test_paging_with_the_cursor(world):
    await _scene(world)
    first = (await _log(world, limit=2)).json()
    assert len(first["items"]) == 2 and first["next_cursor"]
    second = (await _log(world, limit=2, cursor=first["next_cursor"])).json()
    assert {i["id"] for i in first["items"]}.isdisjoint({i["id"] for i in second["items"]})


async def test_csv_export_is_filtered_formula_safe_and_audited(world):
    pup, _, pid = await _scene(world)
    auditor = world.role("auditor")
    response = await world.client.get(
        "/v1/access-log/export", params={"institution_id": str(pup.id), "format": "csv"}, headers=auditor
    )
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))
    assert rows and {r["institution_id"] for r in rows} == {str(pup.id)}
    reasons = [r["reason"] for r in rows if r["reason"]]
    assert "'" + FORMULA_REASON in reasons
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r.values())
    [entry] = await world.log(action="access_log_export")
    assert entry.legal_basis == "audit" and entry.subject_kind == "user"
    assert entry.reason.startswith(f"csv, {len(rows)} rows") and str(pup.id) in entry.reason
    assert entry.resource == "GET /v1/access-log/export"
    del pid


async def test_xlsx_export_keeps_formulas_as_text(world):
    await _scene(world)
    response = await world.client.get(
        "/v1/access-log/export",
        params={"format": "xlsx", "legal_basis": "registration"},
        headers=world.role("auditor"),
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    sheet = book["access_log"]
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    reason_col = header.index("reason")
    cells = [row[reason_col].value for row in sheet.iter_rows(min_row=2)]
    assert "'" + FORMULA_REASON in cells
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    assert [row[header.index("legal_basis")].value for row in sheet.iter_rows(min_row=2)] == [
        "registration"
    ] * (sheet.max_row - 1)
    assert (
        await world.client.get(
            "/v1/access-log/export", params={"format": "pdf"}, headers=world.role("auditor")
        )
    ).status_code == 422


@pytest.fixture
def small_export_app(app):
    settings: ClientsSettings = app.state.settings
    before = settings.access_log_export_max_rows
    settings.access_log_export_max_rows = 2
    yield app
    settings.access_log_export_max_rows = before


async def test_export_over_the_limit_is_refused_with_a_clear_message(world, small_export_app):
    await _scene(world)
    response = await world.client.get("/v1/access-log/export", headers=world.role("auditor"))
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "export_too_large" and body["max_rows"] == 2 and body["matching"] > 2
    assert "narrow the filters" in body["detail"]
    assert await world.log(action="access_log_export") == []


@pytest.mark.parametrize("path", ["/v1/access-log", "/v1/access-log/export"])
@pytest.mark.parametrize(
    ("role", "own", "expected"),
    [
        ("auditor", True, 200),
        ("auditor", False, 200),
        ("caseworker", True, 403),
        ("coordinator", True, 403),
        ("coordinator", False, 403),
        ("institution_admin", True, 403),
        ("analyst", False, 403),
        ("system_admin", False, 403),
    ],
)
async def test_access_log_matrix(world, path, role, own, expected):
    pup, _, _ = await _scene(world)
    inst = pup if own else world.inst("OPS")
    response = await world.client.get(
        path, params={"institution_id": str(pup.id)}, headers=world.headers(inst, role)
    )
    assert response.status_code == expected
    if expected == 403:
        assert b"pup-anna" not in response.content and b"HYPERLINK" not in response.content


async def test_institution_systems_and_anonymous_callers_get_nothing(world):
    pup, _, _ = await _scene(world)
    for path in ("/v1/access-log", "/v1/access-log/export"):
        assert (await world.client.get(path, headers=world.system(pup))).status_code == 403
        assert (await world.client.get(path)).status_code == 401
