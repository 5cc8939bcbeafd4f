"""The results report: numbers and suppression in its model, HTML escaping and headers, the PDF's
text, freezing it in an edition, who may read it and bad input."""

import io

import pytest
from pypdf import PdfReader

from splot.reporting.report import service
from splot.reporting.report.html import render_html
from splot.reporting.report.model import Report
from splot.reporting.scopes import territory_scope
from splot.reporting.suppression import Policy

from sample import ingest

EXACT = Policy(threshold=1, sensitive_threshold=1, rounding_base=1, sensitive_codes=frozenset())
DEFAULT = Policy(threshold=5, sensitive_threshold=10, rounding_base=5, sensitive_codes=frozenset())


async def _model(sessionmaker, policy, territory="12", period_from="2025-03", period_to="2025-04") -> Report:
    async with sessionmaker() as session:
        return await service.adhoc(
            session,
            scope=territory_scope("", analyst=True),
            policy=policy,
            territory=territory,
            period_from=period_from,
            period_to=period_to,
            title=None,
            rounds=[],
            practices=[],
        )


def _table(report: Report, section: str, title: str):
    block = next(b for b in report.section(section).blocks if getattr(b, "title", None) == title)
    return {label: cells for label, cells in block.rows}


def _block(report: Report, section: str, kind: str):
    return next(b for b in report.section(section).blocks if b.kind == kind)


async def test_model_holds_the_indicators_exactly(sessionmaker, dataset):
    report = await _model(sessionmaker, EXACT)
    assert [s.key for s in report.sections] == [
        "indicators",
        "map",
        "surveys",
        "problem_areas",
        "practices",
        "methodology",
    ]
    totals = _table(report, "indicators", "Kluczowe wskaźniki w okresie")
    # March: 10 counted referrals (R13 entered in error is not), April: R15 (R12 sent on 1 April local)
    assert totals["Skierowania"][0].value == 12
    assert totals["Przyjęte"][0].value == 7  # R1 R4 R5 R8 R10 + R12 R15
    monthly = _block(report, "indicators", "line_chart")
    assert [(p.label, p.value.value) for p in monthly.points] == [("2025-03", 10), ("2025-04", 2)]
    routes = {b.label: b.value.value for b in _block(report, "indicators", "bar_chart").bars}
    assert routes["PUP → OPS"] == 5  # R1 R2 R7 R11 in March, R12 in April
    areas = {a.code: a.value.value for a in _block(report, "map", "map").areas}
    assert areas["1219"] == 11 and areas["1261"] == 1 and all(len(c) == 4 for c in areas)
    notes = report.section("methodology")
    terms = [i.term for i in _block(report, "methodology", "definitions").items]
    assert "Odsetek przyjętych (acceptance_rate)" in terms
    assert any("ukryte (<1)" in b.text for b in notes.blocks if b.kind == "text")
    assert Report.from_json(report.to_json()) == report


async def test_small_cells_are_hidden_in_the_model_and_the_html(sessionmaker, dataset):
    # a whole quarter is one published cell: 10 referrals; PUP→OPS has 4 in Q1, hidden
    report = await _model(sessionmaker, DEFAULT, period_from="2025-01", period_to="2025-03")
    totals = _table(report, "indicators", "Kluczowe wskaźniki w okresie")
    assert totals["Skierowania"][0].model_dump() == {"value": 10, "suppressed": False}
    routes = {b.label: b.value for b in _block(report, "indicators", "bar_chart").bars}
    assert routes["PUP → OPS"].suppressed and routes["PUP → OPS"].value is None
    html = render_html(report)
    assert "ukryte (&lt;5)" in html and "PUP → OPS" in html
    # months that are not a lattice period are summed from the published months: March's 10 and
    # April's hidden 2 make the total hidden
    split = await _model(sessionmaker, DEFAULT, period_from="2025-03", period_to="2025-04")
    assert _table(split, "indicators", "Kluczowe wskaźniki w okresie")["Skierowania"][0].suppressed
    # two quarters: 15 accepted of 15 answered as published, but some were rejected in each
    # quarter: the rate is never shown as 100 %
    half = await _model(sessionmaker, DEFAULT, period_from="2025-01", period_to="2025-06")
    rows = _table(half, "indicators", "Kluczowe wskaźniki w okresie")
    assert rows["Przyjęte"][0].value == rows["Z odpowiedzią"][0].value == 15
    assert rows["Odsetek przyjętych"][0].value == 0.9999
    assert "99,9 %" in render_html(half) and "100,0 %" not in render_html(half)


async def test_html_is_escaped_and_self_contained(client, dataset, analyst):
    response = await client.get(
        "/v1/results-report",
        params={
            "territory": "12",
            "from": "2025-01",
            "to": "2025-03",
            "title": "<script>alert(1)</script> Małopolska",
        },
        headers=analyst("12"),
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"].startswith(
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    )
    body = response.text
    assert "<script" not in body and "&lt;script&gt;alert(1)&lt;/script&gt; Małopolska" in body
    assert "src=" not in body and 'href="http' not in body and "<link" not in body
    assert "<svg" in body and "Kluczowe wskaźniki" in body and "Wyniki ankiet" in body


async def test_pdf_has_the_indicators_and_the_survey_section(client, dataset, analyst):
    response = await client.get(
        "/v1/results-report",
        params={"territory": "12", "from": "2025-01", "to": "2025-03", "format": "pdf"},
        headers=analyst("12"),
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert (
        response.headers["content-disposition"]
        == 'attachment; filename="splot-raport-12-2025-01-2025-03.pdf"'
    )
    assert response.content.startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    for expected in (
        "Kluczowe wskaźniki",
        "Skierowania",
        "Odsetek przyjętych",
        "Wyniki ankiet",
        "Uwagi metodologiczne",
    ):
        assert expected in text, expected
    assert "województwo małopolskie" in text and "ukryte (<5)" in text
    assert "\n10\n" in f"\n{text}\n" or " 10\n" in text or "10\n" in text


async def _publish(client, headers):
    response = await client.post(
        "/v1/editions", json={"period": "2025-Q1", "territory": "12"}, headers=headers
    )
    assert response.status_code == 201, response.text
    return response.json()


async def test_frozen_report_does_not_change_with_new_data(client, dataset, analyst, sessionmaker, settings):
    h = analyst("12")
    edition = await _publish(client, h)
    base = f"/v1/editions/{edition['id']}"
    assert (await client.get(f"{base}/versions/1/report", headers=h)).status_code == 404
    frozen = await client.post(f"{base}/report", json={"title": "Raport <b>Q1</b>"}, headers=h)
    assert frozen.status_code == 201, frozen.text
    assert frozen.json()["version"] == 1 and frozen.json()["period_from"] == "2025-01"
    assert frozen.headers["location"] == "versions/1/report"
    again = await client.post(f"{base}/report", json={}, headers=h)
    assert again.status_code == 409 and again.json()["code"] == "report_exists"
    listed = (await client.get(base, headers=h)).json()
    assert [v["has_report"] for v in listed["versions"]] == [True]

    html = (await client.get(f"{base}/versions/1/report", headers=h)).text
    pdf = await client.get(f"{base}/versions/1/report", params={"format": "pdf"}, headers=h)
    assert "Raport &lt;b&gt;Q1&lt;/b&gt;" in html and "Zamrożony w wydaniu, wersja 1" in html
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    # twenty more referrals arrive in March: the frozen report stays as it was
    for _ in range(20):
        dataset.feeds.referral(
            dataset.inst["PUP_W"], dataset.inst["OPS_W"], dataset.persons["P2"], "social_work"
        ).send("2025-03-11", due="2025-03-18")
    await ingest(sessionmaker, dataset.feeds, settings)
    assert (await client.get(f"{base}/versions/1/report", headers=h)).text == html
    live = await client.get(
        "/v1/results-report", params={"territory": "12", "from": "2025-01", "to": "2025-03"}, headers=h
    )
    assert live.text != html
    assert (await client.get(f"{base}/versions/2/report", headers=h)).status_code == 404


@pytest.mark.parametrize(
    ("who", "territory", "expected"),
    [
        ("analyst_12", "12", 200),
        ("analyst_12", "1219", 200),
        ("analyst_national", "12", 200),
        ("analyst_12", "", 403),
        ("analyst_14", "12", 403),
        ("analyst_1219", "12", 403),
        ("coordinator", "12", 403),
        ("caseworker", "12", 403),
        ("system", "12", 403),
        ("service", "12", 403),
    ],
)
async def test_who_may_generate_a_report(client, dataset, analyst, staff, tokens, who, territory, expected):
    headers = _caller(who, analyst, staff, tokens, dataset)
    response = await client.get(
        "/v1/results-report",
        params={"territory": territory, "from": "2025-03", "to": "2025-03"},
        headers=headers,
    )
    assert response.status_code == expected, response.text
    if expected == 403 and who.startswith("analyst"):
        assert response.json()["code"] == "territory_out_of_scope"


@pytest.mark.parametrize(
    ("who", "read", "freeze"),
    [
        ("analyst_12", 200, 201),
        ("analyst_national", 200, 201),
        ("analyst_14", 200, 403),
        ("coordinator", 200, 403),
        ("caseworker", 200, 403),
        ("system", 200, 403),
        ("service", 403, 403),
    ],
)
async def test_who_may_freeze_and_read_an_edition_report(
    client, dataset, analyst, staff, tokens, who, read, freeze
):
    edition = await _publish(client, analyst("12"))
    base = f"/v1/editions/{edition['id']}"
    headers = _caller(who, analyst, staff, tokens, dataset)
    assert (await client.post(f"{base}/report", json={}, headers=headers)).status_code == freeze
    if freeze != 201:
        assert (await client.post(f"{base}/report", json={}, headers=analyst("12"))).status_code == 201
    response = await client.get(f"{base}/versions/1/report", headers=headers)
    assert response.status_code == read, response.text


def _caller(who, analyst, staff, tokens, dataset):
    pup = dataset.inst["PUP_W"]
    if who.startswith("analyst_"):
        scope = who.removeprefix("analyst_")
        return analyst("" if scope == "national" else scope)
    if who in ("coordinator", "caseworker"):
        return staff(pup, who)
    if who == "system":
        return tokens.headers(
            scope="reporting:read",
            institution_id=pup.id,
            institution_type="PUP",
            teryt=pup.teryt,
            roles=(),
            ptype="client",
        )
    return tokens.service_headers("referrals", "events:read")


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({"territory": "12", "from": "2025-04", "to": "2025-03"}, 422, "invalid_period"),
        ({"territory": "12", "from": "2025-13", "to": "2025-03"}, 422, None),
        ({"territory": "12", "from": "2025-03"}, 422, None),
        ({"territory": "123", "from": "2025-03", "to": "2025-03"}, 422, None),
        ({"territory": "12", "from": "2015-01", "to": "2025-03"}, 422, "invalid_period"),
        ({"territory": "12", "from": "2025-03", "to": "2025-03", "format": "docx"}, 422, None),
        ({"territory": "12", "from": "2025-03", "to": "2025-03", "title": "a\nb"}, 422, None),
        ({"territory": "12", "from": "2025-03", "to": "2025-03", "practice": "not-a-uuid"}, 422, None),
    ],
)
async def test_bad_input_is_a_problem(client, dataset, analyst, params, status, code):
    response = await client.get("/v1/results-report", params=params, headers=analyst("12"))
    assert response.status_code == status, response.text
    if code:
        assert response.json()["code"] == code


async def test_freezing_in_an_unknown_edition_is_404(client, dataset, analyst):
    response = await client.post(
        "/v1/editions/00000000-0000-4000-8000-000000000999/report", json={}, headers=analyst("12")
    )
    assert response.status_code == 404
    response = await client.post(
        "/v1/editions/00000000-0000-4000-8000-000000000999/report",
        json={"rounds": ["x"]},
        headers=analyst("12"),
    )
    assert response.status_code == 422
