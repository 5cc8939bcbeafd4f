"""CSV and XLSX exports of the generic aggregate, with suppression and metadata."""

import csv
import io

from openpyxl import load_workbook


async def test_csv_export_applies_suppression(client, dataset, analyst):
    params = {
        "measures": ["referrals", "acceptance_rate"],
        "dimensions": ["route"],
        "granularity": "quarter",
        "format": "csv",
    }
    response = await client.get("/v1/exports/aggregate", params=params, headers=analyst(""))
    assert response.status_code == 200, response.text
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert set(rows[0]) == {"table", "period", "route", "measure", "value", "suppressed"}
    pup_cis_q2 = next(
        r
        for r in rows
        if r["route"] == "PUP->CIS" and r["period"] == "2025-Q2" and r["measure"] == "referrals"
    )
    assert pup_cis_q2["value"] == "10" and pup_cis_q2["suppressed"] == "false"
    small = next(r for r in rows if r["route"] == "PUP->NGO" and r["measure"] == "referrals")
    assert small["value"] == "" and small["suppressed"] == "true"


async def test_xlsx_export_has_a_metadata_sheet(client, dataset, analyst):
    params = {
        "measures": ["referrals", "median_response_days"],
        "dimensions": ["target_type"],
        "format": "xlsx",
        "period_from": "2025-03",
        "period_to": "2025-05",
    }
    response = await client.get("/v1/exports/aggregate", params=params, headers=analyst("12"))
    assert response.status_code == 200, response.text
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["aggregate", "metadata"]
    data = list(book["aggregate"].iter_rows(values_only=True))
    assert data[0] == ("period", "target_type", "referrals", "median_response_days")
    assert ("2025-05", "CIS", 10, 5) in data
    assert ("2025-03", "NGO", "c", "c") in data  # three referrals: suppressed, not zero
    meta = {row[0]: row[1] for row in book["metadata"].iter_rows(values_only=True) if row and row[0]}
    assert (
        meta["suppression threshold"] == 5 and meta["suppression threshold (sensitive service types)"] == 10
    )
    assert "voivodeship" in meta["scope"] and "source referrals" in meta
    assert "working days" in meta["median_response_days"]
