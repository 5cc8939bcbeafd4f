"""The aggregate routes answer with prepared JSON (issue #17: validating every cell through
pydantic cost more than the query). What they send must be exactly what their declared
response model would have sent: every field, its type (1 vs 1.0), nothing extra."""

import pytest

from splot.reporting import schemas

from conftest import MINISTRY

CASES = [
    ("/v1/aggregate", {"measures": ["referrals", "accepted", "acceptance_rate", "median_response_days"],
                       "dimensions": ["route", "sender_voivodeship"], "granularity": "month"},
     schemas.AggregateRead),
    ("/v1/aggregate", {"measures": ["referrals"], "granularity": "quarter", "period_from": "2025-Q1",
                       "period_to": "2025-Q4"}, schemas.AggregateRead),
    ("/v1/series", {"measures": ["referrals", "completion_rate"], "granularity": "year"}, schemas.SeriesRead),
    ("/v1/indicators/flows", {"dimensions": ["status"]}, schemas.AggregateRead),
    ("/v1/indicators/responses", {"dimensions": ["route"]}, schemas.ResponsesRead),
    ("/v1/indicators/outcomes", {}, schemas.OutcomesRead),
]  # fmt: skip


@pytest.mark.parametrize(("path", "params", "model"), CASES)
@pytest.mark.parametrize("who", ["national", "institution"])
async def test_prepared_json_is_what_the_response_model_sends(
    client, dataset, analyst, staff, path, params, model, who
):
    headers = analyst("") if who == "national" else staff(dataset.inst["PUP_W"], "caseworker")
    response = await client.get(path, params=params, headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    sent = response.json()
    assert sent.get("rows") or sent.get("points")
    assert sent == model.model_validate(sent).model_dump(mode="json")
    # numbers keep their JSON type (a count is an integer, a rate a float)
    first = (sent.get("rows") or sent.get("points"))[0]["values"]
    counts = [c["value"] for name, c in first.items() if c["value"] is not None and name in ("referrals",)]
    assert all(type(v) is int for v in counts)


async def test_the_download_name_is_kept(client, dataset, analyst):
    response = await client.get("/v1/aggregate", params={"measures": ["referrals"]}, headers=analyst(""))
    assert response.headers["content-disposition"] == 'inline; filename="splot-aggregate.json"'
    assert MINISTRY  # the analyst of the ministry
