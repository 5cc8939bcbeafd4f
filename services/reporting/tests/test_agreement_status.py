"""Only agreements every party confirmed count (issue #15): in ``agreement_coverage``, the
cooperation index, ``agreements_in_force`` and the partners view. On the code before, an
agreement one party declared alone raised them."""

from datetime import UTC, datetime

import pytest

from splot.common.testing import event_example

from sample import fixed_dataset, ingest


async def _wieliczka(client, analyst, period: str = "2025-03") -> dict:
    response = await client.get(
        "/v1/indicators/cooperation-index", params={"period": period}, headers=analyst("12")
    )
    assert response.status_code == 200, response.text
    return {r["powiat"]: r for r in response.json()["rows"]}["1219"]


@pytest.mark.parametrize(
    ("facts", "counts"),
    [
        ({"confirmed_on": None}, False),  # a party has not confirmed
        ({"confirmed_on": "2025-04-02"}, False),  # confirmed after the period
        ({"confirmed_on": "2025-02-10"}, True),
        ({"confirmed_on": "2025-01-01", "ended_on": "2025-03-15"}, False),  # terminated in March
        ({"confirmed_on": "2025-01-01", "ended_on": "2025-04-01"}, True),  # ends after the period
    ],
)
async def test_an_agreement_counts_only_confirmed_and_not_ended(
    client, sessionmaker, settings, analyst, facts, counts
):
    data = fixed_dataset()
    i = data.inst
    # The one active pair of Wieliczka no agreement covers: PUP Wieliczka <-> OPS Niepołomice.
    data.feeds.agreement([i["PUP_W"], i["OPS_N"]], "2025-01-01", **facts)
    await ingest(sessionmaker, data.feeds, settings)
    wieliczka = await _wieliczka(client, analyst)
    assert wieliczka["agreement_coverage"]["value"] == (1.0 if counts else 0.75)
    assert wieliczka["agreements_in_force"] == (2 if counts else 1)
    assert wieliczka["cooperation_index"]["value"] == (75.0 if counts else 68.8)


async def test_a_later_confirmation_event_makes_a_pending_agreement_count(
    client, sessionmaker, settings, analyst
):
    data = fixed_dataset()
    i = data.inst
    agreement_id = data.feeds.agreement([i["PUP_W"], i["OPS_N"]], "2025-01-01", confirmed_on=None)
    await ingest(sessionmaker, data.feeds, settings)
    assert (await _wieliczka(client, analyst))["agreement_coverage"]["value"] == 0.75
    data.feeds.directory.append(
        "agreement.confirmed",
        event_example(
            "directory",
            "agreement.confirmed",
            id=str(agreement_id),
            party_ids=sorted([str(i["PUP_W"].id), str(i["OPS_N"].id)]),
            valid_from="2025-01-01",
            valid_to=None,
            version=3,
            partnership_id=None,
            status="in_force",
            confirmed_on="2025-01-20",
            ended_on=None,
        ),
        occurred_at=datetime(2025, 1, 20, 10, tzinfo=UTC),
    )
    await ingest(sessionmaker, data.feeds, settings)
    assert (await _wieliczka(client, analyst))["agreement_coverage"]["value"] == 1.0
