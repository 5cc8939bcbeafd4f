"""SDMX-CSV 2.0.0 data and the SDMX-JSON 2.0.0 structure message, on a dataset computed by hand
(statistics_sample.py)."""

import csv
import io

import pytest
from statistics_sample import statistics_dataset

from splot.common import teryt
from splot.reporting.catalogue import DIMENSIONS, MEASURES

from sample import ingest

HEADER = [
    "STRUCTURE",
    "STRUCTURE_ID",
    "ACTION",
    "FREQ",
    "INDICATOR",
    "SENDER_VOIVODESHIP",
    "SENDER_POWIAT",
    "TARGET_VOIVODESHIP",
    "TARGET_POWIAT",
    "SENDER_TYPE",
    "TARGET_TYPE",
    "ROUTE",
    "SERVICE_TYPE",
    "PRIORITY",
    "STATUS",
    "AGE_BAND",
    "SEX",
    "PROGRAMME",
    "TIME_PERIOD",
    "OBS_VALUE",
    "OBS_STATUS",
    "OBS_CONF",
    "UNIT_MEASURE",
]
MARCH = {
    "measures": ["referrals", "acceptance_rate"],
    "dimensions": ["target_voivodeship", "route"],
    "granularity": "month",
    "period_from": "2025-03",
    "period_to": "2025-03",
    "format": "sdmx-csv",
}


@pytest.fixture
async def stats(sessionmaker, settings):
    data = statistics_dataset()
    await ingest(sessionmaker, data.feeds, settings)
    return data


async def _sdmx_rows(client, headers, **params) -> tuple[list[str], list[dict[str, str]]]:
    response = await client.get("/v1/exports/aggregate", params={**MARCH, **params}, headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/vnd.sdmx.data+csv; version=2.0.0")
    assert response.headers["content-disposition"] == 'attachment; filename="splot-aggregate-sdmx.csv"'
    lines = response.text.split("\r\n")
    assert lines[-1] == ""  # CRLF after every row (RFC 4180)
    reader = csv.reader(io.StringIO(response.text))
    header = next(reader)
    return header, [dict(zip(header, row, strict=True)) for row in reader]


def _obs(rows, indicator, voivodeship, route):
    (row,) = [
        r
        for r in rows
        if (r["INDICATOR"], r["TARGET_VOIVODESHIP"], r["ROUTE"]) == (indicator, voivodeship, route)
    ]
    return row["OBS_VALUE"], row["OBS_STATUS"], row["OBS_CONF"], row["UNIT_MEASURE"]


async def test_sdmx_csv_header_and_values_computed_by_hand(client, stats, analyst):
    header, rows = await _sdmx_rows(client, analyst(""))
    assert header == HEADER
    assert len(rows) == 6  # three (voivodeship, route) cells × two indicators
    for row in rows:
        assert row["STRUCTURE"] == "dataflow"
        assert row["STRUCTURE_ID"] == "PL.SPLOT:DF_REFERRALS(1.0.0)"
        assert row["ACTION"] == "I" and row["FREQ"] == "M" and row["TIME_PERIOD"] == "2025-03"
        # Neither grouped nor filtered: the total, so a cell has one key whatever query returns it.
        for dim in ("SENDER_VOIVODESHIP", "SENDER_POWIAT", "TARGET_POWIAT", "SERVICE_TYPE", "SEX", "STATUS"):
            assert row[dim] == "_T"
    assert _obs(rows, "referrals", "12", "PUP->CIS") == ("10", "A", "F", "REFERRAL")  # 12 -> 10
    assert _obs(rows, "acceptance_rate", "12", "PUP->CIS") == ("0.5", "A", "F", "RATIO")  # 5 / 10
    assert _obs(rows, "referrals", "14", "PUP->OPS") == ("10", "A", "F", "REFERRAL")  # 8 -> 10
    assert _obs(rows, "acceptance_rate", "14", "PUP->OPS") == ("", "O", "F", "RATIO")  # 0 / 0


async def test_suppressed_cells_stay_suppressed_and_valueless(client, stats, analyst):
    _, rows = await _sdmx_rows(client, analyst(""))
    # Three referrals: suppressed, no value (not 0), marked Q (suppressed) and C (confidential).
    assert _obs(rows, "referrals", "12", "PUP->OPS") == ("", "Q", "C", "REFERRAL")
    # The same cells through the plain CSV: the same rule.
    response = await client.get(
        "/v1/exports/aggregate", params={**MARCH, "format": "csv"}, headers=analyst("")
    )
    plain = [
        r
        for r in csv.DictReader(io.StringIO(response.text))
        if r["route"] == "PUP->OPS" and r["target_voivodeship"] == "12" and r["measure"] == "referrals"
    ]
    assert [(r["value"], r["suppressed"]) for r in plain] == [("", "true")]
    # Every suppressed cell of the JSON answer is valueless and Q in SDMX-CSV, and only those.
    body = (
        await client.get(
            "/v1/aggregate", params={k: v for k, v in MARCH.items() if k != "format"}, headers=analyst("")
        )
    ).json()
    suppressed = {
        (m, r["dimensions"]["target_voivodeship"], r["dimensions"]["route"])
        for r in body["rows"]
        for m, cell in r["values"].items()
        if cell["suppressed"]
    }
    assert suppressed == {
        (r["INDICATOR"], r["TARGET_VOIVODESHIP"], r["ROUTE"]) for r in rows if r["OBS_STATUS"] == "Q"
    }
    assert all(r["OBS_VALUE"] == "" for r in rows if r["OBS_STATUS"] == "Q")


async def test_filters_are_the_key_and_codes_are_sdmx_ids(client, stats, analyst):
    _, rows = await _sdmx_rows(
        client,
        analyst("12"),
        dimensions=["age_band"],
        measures=["referrals"],
        sender_type="PUP",
        granularity="quarter",
        period_from="2025-Q1",
        period_to="2025-Q1",
    )
    # The filter is the SENDER_TYPE of every row; the Kraków person was born in 1990 (35 in 2025).
    assert [(r["FREQ"], r["TIME_PERIOD"], r["SENDER_TYPE"], r["AGE_BAND"], r["ROUTE"]) for r in rows] == [
        ("Q", "2025-Q1", "PUP", "35-44", "_T")
    ]
    # The voivodeship-12 analyst sees the 15 Kraków referrals only (the Warsaw ones are outside).
    assert [r["OBS_VALUE"] for r in rows] == ["15"]


async def test_a_bad_format_is_a_422_problem(client, stats, analyst):
    response = await client.get(
        "/v1/exports/aggregate", params={**MARCH, "format": "sdmx-ml"}, headers=analyst("")
    )
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["code"] == "validation_error"
    # An edition's export has no SDMX rendering (its tables are not one data structure).
    response = await client.get(
        "/v1/editions/00000000-0000-4000-8000-000000000009/versions/1/export",
        params={"format": "sdmx-csv"},
        headers=analyst(""),
    )
    assert response.status_code == 422


async def test_the_structure_describes_every_catalogue_indicator_and_dimension(client, analyst):
    response = await client.get("/v1/sdmx/structure", headers=analyst("14"))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/vnd.sdmx.structure+json; version=2.0.0")
    message = response.json()
    assert message["meta"]["links"] == [{"href": "/v1/sdmx/structure", "rel": "self"}]
    data = message["data"]
    (flow,) = data["dataflows"]
    assert (flow["agencyID"], flow["id"], flow["version"]) == ("PL.SPLOT", "DF_REFERRALS", "1.0.0")
    assert (
        flow["structure"]
        == "urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=PL.SPLOT:DSD_REFERRALS(1.0.0)"
    )
    (dsd,) = data["dataStructures"]
    components = dsd["dataStructureComponents"]
    dims = components["dimensionList"]["dimensions"]
    # The CSV's dimension columns are the structure's dimensions, in order, the time dimension last.
    assert [d["id"] for d in dims] + [components["dimensionList"]["timeDimension"]["id"]] == HEADER[3:19]
    assert [d["position"] for d in dims] == list(range(len(dims)))
    assert [m["id"] for m in components["measureList"]["measures"]] == ["OBS_VALUE"]
    assert [a["id"] for a in components["attributeList"]["attributes"]] == [
        "OBS_STATUS",
        "OBS_CONF",
        "UNIT_MEASURE",
    ]

    codelists = {c["id"]: c for c in data["codelists"]}
    indicators = {c["id"]: c for c in codelists["CL_INDICATOR"]["codes"]}
    assert set(indicators) == set(MEASURES)
    for name, measure in MEASURES.items():
        assert measure.definition in indicators[name]["description"]
        assert measure.formula in indicators[name]["description"]
    # Every enumerated dimension points at a codelist of the message; the others have a pattern.
    urns = {f"urn:sdmx:org.sdmx.infomodel.codelist.Codelist=PL.SPLOT:{c}(1.0.0)" for c in codelists}
    for dim in dims:
        representation = dim["localRepresentation"]
        assert representation.get("enumeration") in urns or "pattern" in representation["format"], dim
    voivodeships = {c["id"] for c in codelists["CL_VOIVODESHIP"]["codes"]}
    assert voivodeships == {t.code for t in teryt.register().list(level=teryt.Level.voivodeship)} | {
        "unknown",
        "_T",
    }
    assert len(voivodeships) == 16 + 2
    powiats = {c["id"] for c in codelists["CL_POWIAT"]["codes"]}
    assert {"1261", "1465", "1219", "_T"} <= powiats and len(powiats) > 370
    assert {c["id"] for c in codelists["CL_AGE_BAND"]["codes"]} >= {"65_PLUS", "0-17", "_T"}
    assert {c["id"]: c["name"] for c in codelists["CL_OBS_STATUS"]["codes"]}.keys() == {"A", "Q", "O"}
    # Concepts carry the catalogue's definitions of the dimensions.
    (concepts,) = data["conceptSchemes"]
    described = {c["id"]: c.get("description") for c in concepts["concepts"]}
    for name, dim in DIMENSIONS.items():
        assert described[name.upper()] == dim.definition


async def test_the_structure_needs_a_reporting_caller(client, tokens):
    assert (await client.get("/v1/sdmx/structure")).status_code == 401
    service = tokens.service_headers("referrals", "events:read")
    assert (await client.get("/v1/sdmx/structure", headers=service)).status_code == 403


STABLE = ("/v1/aggregate", "/v1/series", "/v1/exports/aggregate", "/v1/sdmx/structure")


async def test_the_stable_urls_are_plain_gets_with_file_names(client, stats, analyst, app):
    """What spreadsheets and BI tools pull: GET, query parameters only, a file name."""
    paths = app.openapi()["paths"]
    for path in STABLE:
        assert set(paths[path]) == {"get"}, path
        assert {p["in"] for p in paths[path]["get"].get("parameters", [])} <= {"query"}, path
        assert "requestBody" not in paths[path]["get"], path
    query = {"measures": "referrals", "granularity": "year"}
    expected = {
        ("/v1/aggregate", None): 'inline; filename="splot-aggregate.json"',
        ("/v1/series", None): 'inline; filename="splot-series.json"',
        ("/v1/exports/aggregate", "csv"): 'attachment; filename="splot-aggregate.csv"',
        ("/v1/exports/aggregate", "xlsx"): 'attachment; filename="splot-aggregate.xlsx"',
        ("/v1/exports/aggregate", "sdmx-csv"): 'attachment; filename="splot-aggregate-sdmx.csv"',
    }
    for (path, fmt), disposition in expected.items():
        params = {**query, **({"format": fmt} if fmt else {})}
        response = await client.get(path, params=params, headers=analyst(""))
        assert response.status_code == 200, (path, fmt, response.text)
        assert response.headers["content-disposition"] == disposition, (path, fmt)
