# ruff: noqa: F811  (the ``world`` fixture is imported from practice_setup)
"""Good practices (issue #16): the workflow draft → submitted → returned (comments, edited,
resubmitted) | accepted → published | rejected, illegal steps 409, every step recorded; edits
with If-Match; validation; who reads what (role × own/other institution × covering/outside
analyst × state)."""

import uuid

import pytest
from practice_setup import (
    BODY,
    act,
    create,
    published,
    world,  # noqa: F401  (the fixture)
)


async def test_the_whole_workflow_is_recorded_and_visible_to_both_sides(client, world, staff, analyst):
    i = world.inst
    mine, reviewer = staff(i["OPS_W"], "coordinator"), analyst("12")
    made = await create(client, mine, partnership_id=str(world.partnership_id))
    practice = made.json()
    assert practice["status"] == "draft" and practice["institution_name"] == "OPS Wieliczka"
    assert practice["institution_type"] == "OPS" and practice["teryt"] == "1219053"
    assert practice["allowed_actions"] == ["edit", "attach", "submit"]
    assert made.headers["etag"] and made.headers["location"].endswith(practice["id"])
    pid = practice["id"]

    # a draft is not in the review queue, nor readable by the analyst
    assert (await client.get(f"/v1/practices/{pid}", headers=reviewer)).status_code == 404
    assert (await act(client, pid, reviewer, "accept")).status_code == 404
    submitted = await act(client, pid, mine, "submit")
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"
    queue = (await client.get("/v1/practices/review-queue", headers=reviewer)).json()["items"]
    assert [p["id"] for p in queue] == [pid]

    # returning needs a comment; the submitter sees it and edits
    assert (await act(client, pid, reviewer, "return")).json()["code"] == "comment_required"
    returned = await act(client, pid, reviewer, "return", "Proszę dodać wyniki liczbowe.")
    assert returned.json()["status"] == "returned"
    read = await client.get(f"/v1/practices/{pid}", headers=mine)
    assert read.json()["history"][-1]["comment"] == "Proszę dodać wyniki liczbowe."
    assert read.json()["history"][-1]["actor_role"] == "analyst"
    changed = {**BODY, "title": "Wspólne dyżury doradców PUP w OPS"}
    stale = await client.put(f"/v1/practices/{pid}", json=changed, headers={**mine, "If-Match": '"x.1"'})
    assert stale.status_code == 412
    missing = await client.put(f"/v1/practices/{pid}", json=changed, headers=mine)
    assert missing.status_code == 428
    edited = await client.put(
        f"/v1/practices/{pid}", json=changed, headers={**mine, "If-Match": read.headers["etag"]}
    )
    assert edited.status_code == 200 and edited.json()["title"] == changed["title"]
    assert (await act(client, pid, mine, "submit")).json()["status"] == "submitted"
    assert (await act(client, pid, reviewer, "accept")).json()["status"] == "accepted"
    # an accepted practice is no longer edited by its institution
    etag = (await client.get(f"/v1/practices/{pid}", headers=mine)).headers["etag"]
    frozen = await client.put(f"/v1/practices/{pid}", json=changed, headers={**mine, "If-Match": etag})
    assert frozen.status_code == 409 and frozen.json()["code"] == "not_editable"
    done = await act(client, pid, reviewer, "publish")
    assert done.json()["status"] == "published" and done.json()["published_at"]
    history = done.json()["history"]
    assert [(h["action"], h["from_status"], h["to_status"]) for h in history] == [
        ("create", None, "draft"),
        ("submit", "draft", "submitted"),
        ("return", "submitted", "returned"),
        ("submit", "returned", "submitted"),
        ("accept", "submitted", "accepted"),
        ("publish", "accepted", "published"),
    ]
    assert history[0]["actor_role"] == "coordinator"
    assert (await client.get("/v1/practices/review-queue", headers=reviewer)).json()["items"] == []
    # a reader elsewhere sees the practice but not the review's comments
    other = await client.get(f"/v1/practices/{pid}", headers=staff(i["CIS_K"]))
    assert other.status_code == 200
    assert [h["action"] for h in other.json()["history"]] == ["publish"]
    assert other.json()["allowed_actions"] == []
    # unpublish takes it back to accepted
    back = await act(client, pid, reviewer, "unpublish")
    assert back.json()["status"] == "accepted" and back.json()["published_at"] is None
    assert (await client.get(f"/v1/practices/{pid}", headers=staff(i["CIS_K"]))).status_code == 404


@pytest.mark.parametrize(
    ("status_path", "action"),
    [
        ([], "accept"),
        ([], "publish"),
        (["submit"], "publish"),
        (["submit"], "submit"),
        (["submit", "accept"], "accept"),
        (["submit", "accept", "publish"], "reject"),
        (["submit", "reject"], "accept"),
        (["submit", "reject"], "submit"),
        (["submit", "accept", "publish"], "publish"),
    ],
)
async def test_illegal_transitions_are_409(client, world, staff, analyst, status_path, action):
    i = world.inst
    mine, reviewer = staff(i["PUP_W"]), analyst("1219")
    pid = (await create(client, mine)).json()["id"]
    for step in status_path:
        who = mine if step == "submit" else reviewer
        comment = "Nie spełnia kryteriów" if step == "reject" else None
        assert (await act(client, pid, who, step, comment)).status_code == 200
    who = mine if action == "submit" else reviewer
    if action == "submit" and "reject" in status_path:
        response = await act(client, pid, who, action)
        assert response.status_code == 409 and response.json()["code"] == "invalid_transition"
        return
    response = await act(client, pid, who, action, "komentarz")
    if not status_path and action in ("accept", "publish"):
        assert response.status_code == 404  # a draft is not visible to the analyst
    else:
        assert response.status_code == 409 and response.json()["code"] == "invalid_transition"


async def test_the_wrong_person_is_refused(client, world, staff, analyst):
    i = world.inst
    mine = staff(i["PUP_W"])
    pid = (await create(client, mine)).json()["id"]
    assert (await act(client, pid, mine, "submit")).status_code == 200
    # the institution cannot review its own practice
    assert (await act(client, pid, mine, "accept")).status_code == 403
    # a covering analyst cannot submit (nor edit)
    assert (await act(client, pid, analyst("12"), "submit")).status_code == 403
    # an analyst outside the territory does not see it
    assert (await act(client, pid, analyst("14"), "accept")).status_code == 404
    assert (await act(client, pid, analyst("1261"), "accept")).status_code == 404


ROLES = ["caseworker", "coordinator", "institution_admin", "auditor"]
ANALYSTS = {"national": "", "voivodeship": "12", "powiat": "1219", "other_powiat": "1261", "other": "14"}
COVERING = {"national", "voivodeship", "powiat"}


@pytest.fixture
async def by_state(client, world, staff, analyst):
    """A practice of OPS_W in every state."""
    mine, reviewer = staff(world.inst["OPS_W"]), analyst("")
    steps = {
        "draft": [],
        "submitted": ["submit"],
        "returned": ["submit", "return"],
        "accepted": ["submit", "accept"],
        "rejected": ["submit", "reject"],
        "published": ["submit", "accept", "publish"],
    }
    ids = {}
    for state, path in steps.items():
        pid = (await create(client, mine, title=f"Praktyka {state}")).json()["id"]
        for step in path:
            response = await act(client, pid, mine if step == "submit" else reviewer, step, "uwagi")
            assert response.status_code == 200, response.text
        ids[state] = pid
    return ids


STATES = ["draft", "submitted", "returned", "accepted", "rejected", "published"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("whose", ["own", "other"])
async def test_access_matrix_of_institution_staff(client, world, staff, by_state, role, whose):
    inst = world.inst["OPS_W" if whose == "own" else "PUP_K"]
    headers = staff(inst, role)
    for state in STATES:
        response = await client.get(f"/v1/practices/{by_state[state]}", headers=headers)
        submitter = role != "auditor" and whose == "own"
        expected = 200 if state == "published" or submitter else 404
        assert response.status_code == expected, (role, whose, state)
        if expected == 200:
            editable = submitter and state in ("draft", "returned")
            assert ("edit" in response.json()["allowed_actions"]) is editable
    mine = await client.get("/v1/practices/mine", headers=headers)
    if role == "auditor":
        assert mine.status_code == 403
    else:
        listed = {p["id"] for p in mine.json()["items"]}
        assert listed == (set(by_state.values()) if whose == "own" else set())
    created = await client.post("/v1/practices", json=BODY, headers=headers)
    assert created.status_code == (403 if role == "auditor" else 201)


@pytest.mark.parametrize("who", list(ANALYSTS))
async def test_access_matrix_of_analysts(client, world, analyst, by_state, who):
    headers = analyst(ANALYSTS[who])
    for state in STATES:
        response = await client.get(f"/v1/practices/{by_state[state]}", headers=headers)
        covering = who in COVERING
        expected = 200 if state == "published" or (covering and state != "draft") else 404
        assert response.status_code == expected, (who, state)
    queue = (await client.get("/v1/practices/review-queue", headers=headers)).json()["items"]
    assert {p["id"] for p in queue} == (
        {by_state["submitted"], by_state["accepted"]} if who in COVERING else set()
    )
    assert (await client.post("/v1/practices", json=BODY, headers=headers)).status_code == 403


async def test_systems_and_services_read_no_practices(client, world, tokens, by_state, staff):
    inst = world.inst["OPS_W"]
    system = tokens.headers(
        scope="reporting:read",
        institution_id=inst.id,
        institution_type="OPS",
        teryt=inst.teryt,
        roles=(),
        ptype="client",
    )
    service = tokens.service_headers("referrals", "reporting:read")
    for headers in (system, service):
        assert (await client.get("/v1/practices", headers=headers)).status_code == 403
        assert (
            await client.get(f"/v1/practices/{by_state['published']}", headers=headers)
        ).status_code == 403
    assert (await client.get("/v1/practices/review-queue", headers=staff(inst))).status_code == 403


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"problem_areas": ["weather"]}, "unknown_problem_area"),
        ({"problem_areas": []}, "validation_error"),
        (
            {"problem_areas": ["legal", "staffing", "financial", "other", "communication", "organisational"]},
            None,
        ),
        ({"since": "2999-01-01"}, "invalid_date"),
        ({"since": "15.01.2025"}, None),
        ({"title": "Dwie\nlinie"}, None),
        ({"contact": {"name": "A", "email": "not-an-email"}}, None),
        ({"contact": {"name": "A", "email": "a@example.org", "phone": "call me"}}, None),
        ({"numeric_results": [{"label": "x", "value": 1, "unit": ""}] * 6}, None),
        ({"numeric_results": [{"label": "x", "value": "1"}]}, None),
        ({"unknown_field": 1}, None),
        ({"partnership_id": str(uuid.uuid4())}, "not_a_party"),
    ],
)
async def test_bad_input_is_422(client, world, staff, changes, code):
    response = await client.post(
        "/v1/practices", json={**BODY, **changes}, headers=staff(world.inst["OPS_W"])
    )
    assert response.status_code == 422, response.text
    if code:
        assert response.json()["code"] == code


async def test_only_a_current_party_names_a_partnership(client, world, staff):
    left = await client.post(
        "/v1/practices",
        json={**BODY, "partnership_id": str(world.partnership_id)},
        headers=staff(world.inst["NGO_W"]),
    )
    assert left.status_code == 422 and left.json()["code"] == "not_a_party"
    await create(client, staff(world.inst["PUP_W"]), partnership_id=str(world.partnership_id))


async def test_an_unknown_practice_is_404(client, world, staff):
    assert (
        await client.get(f"/v1/practices/{uuid.uuid4()}", headers=staff(world.inst["OPS_W"]))
    ).status_code == 404
    assert (
        await client.get("/v1/practices/not-a-uuid", headers=staff(world.inst["OPS_W"]))
    ).status_code == 422


async def test_published_practices_for_the_report(client, world, staff, analyst, session):
    from splot.reporting.practices.search import published_practices

    i = world.inst
    a = await published(client, staff(i["OPS_W"]), analyst(""), problem_areas=["legal"])
    b = await published(client, staff(i["PUP_K"]), analyst(""), problem_areas=["staffing"])
    await create(client, staff(i["OPS_W"]), problem_areas=["legal"])  # a draft: never listed
    assert {p["id"] for p in await published_practices(session, territory="")} == {uuid.UUID(a), uuid.UUID(b)}
    assert [p["id"] for p in await published_practices(session, territory="1219")] == [uuid.UUID(a)]
    assert [
        p["id"] for p in await published_practices(session, territory="", problem_areas=["staffing"])
    ] == [uuid.UUID(b)]
    assert (
        await published_practices(session, territory="", ids=[uuid.UUID(a)], problem_areas=["staffing"]) == []
    )
