"""A good practice's body and a setup: the fixed dataset's institutions (Wieliczka 1219, Kraków
1261) and a partnership of PUP_W and OPS_W (the NGO left it)."""

import uuid

import pytest

from sample import fixed_dataset, ingest

BODY = {
    "title": "Wspólne dyżury PUP i OPS",
    "summary": "Doradca zawodowy dyżuruje raz w tygodniu w ośrodku pomocy społecznej.",
    "since": "2025-01-15",
    "problem_areas": ["communication", "information_flow"],
    "topic_tags": ["dyżury"],
    "target_groups": ["długotrwale bezrobotni"],
    "results": "Więcej osób podjęło zatrudnienie; łatwiejszy kontakt z doradcą.",
    "numeric_results": [{"label": "Osoby objęte wsparciem", "value": 42, "unit": "osób"}],
    "contact": {"name": "Anna Kowalska", "email": "anna@example.org", "phone": "+48 12 345 67 89"},
}


@pytest.fixture
async def world(sessionmaker, settings):
    data = fixed_dataset()
    i = data.inst
    pid = uuid.uuid4()
    data.feeds.partnership(
        "partnership.created", pid, [i["PUP_W"], i["OPS_W"], i["NGO_W"]], version=1, when="2025-01-15"
    )
    data.feeds.partnership(
        "partnership.party_left", pid, [i["PUP_W"], i["OPS_W"]], version=2, when="2025-03-06"
    )
    await ingest(sessionmaker, data.feeds, settings)
    data.partnership_id = pid  # type: ignore[attr-defined]
    return data


async def create(client, headers, **changes):
    response = await client.post("/v1/practices", json={**BODY, **changes}, headers=headers)
    assert response.status_code == 201, response.text
    return response


async def act(client, practice_id, headers, action, comment=None):
    body = {"action": action} if comment is None else {"action": action, "comment": comment}
    return await client.post(f"/v1/practices/{practice_id}/transitions", json=body, headers=headers)


async def published(client, submitter, reviewer, **changes) -> str:
    pid = (await create(client, submitter, **changes)).json()["id"]
    for headers, action in ((submitter, "submit"), (reviewer, "accept"), (reviewer, "publish")):
        response = await act(client, pid, headers, action)
        assert response.status_code == 200, response.text
    return pid
