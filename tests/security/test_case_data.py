"""Attacks on case data by legitimate users of other institutions: turning a temporary grant into
a permanent registration by a merge, reading sensitive attributes through an unsuitable or
unaccepted referral, bulk lookups through a dry-run import, recording another kind of
institution's data, referring to institutions that serve nobody, assigning to strangers."""

from __future__ import annotations

from blackbox import Api, ok, pesel, problem

OPS = "ops.koordynator@splot.example"
PUP = "pup.koordynator@splot.example"
NGO_THERAPY = "wolni@splot.example"  # Stowarzyszenie Wolni od Nałogu: addiction therapy
AUDITOR = "audytor@splot.example"


def _attributes(person: dict) -> dict[str, dict]:
    return {g["institution_id"]: g["values"] for g in person["case_attributes"]}


def test_a_grant_cannot_be_turned_into_a_registration_by_a_merge(api: Api) -> None:
    pup, ops = api.as_(PUP), api.as_(OPS)
    theirs = api.person(pup, first_name="Marta", last_name="Scalana", phone=None, preferred_contact=None)
    referral = ok(api.refer(pup, theirs["id"], ops.institution_id(), "social_work"), 201)
    seen = ok(ops.get(f"/api/clients/v1/persons/{theirs['id']}"))
    assert seen["access_basis"] == "access_grant"
    # The OPS registers a record of its own for "the same" person, with its own contact data...
    mine = ok(
        ops.post(
            "/api/clients/v1/persons",
            json={
                "first_name": "Marta",
                "last_name": "Scalana",
                "birth_date": theirs["birth_date"],
                "sex": theirs["sex"],
                "phone": "+48 500 111 222",
                "override_reason": "walk-in client without documents",
            },
        ),
        201,
    )
    # ...and tries to merge it into the PUP's client, either way round.
    for survivor, merged in ((theirs["id"], mine["id"]), (mine["id"], theirs["id"])):
        refused = ops.post(
            "/api/clients/v1/persons/merges",
            json={
                "survivor_id": survivor,
                "merged_id": merged,
                "reason": "the same person, checked at the desk",
                "take_from_merged": ["phone"],
            },
        )
        problem(refused, 403, "forbidden")
    after = ok(ops.get(f"/api/clients/v1/persons/{theirs['id']}"))
    assert after["access_basis"] == "access_grant" and after["phone"] is None
    # When the referral ends (and its retention passes) the OPS is not left with a registration.
    assert {r["institution_id"] for r in after["registrations"]} == {pup.institution_id()}
    assert referral["status"] == "requested"


def test_sensitive_attributes_reach_only_a_suitable_receiver_and_only_after_acceptance(api: Api) -> None:
    ops, pup, ngo = api.as_(OPS), api.as_(PUP), api.as_(NGO_THERAPY)
    person = api.person(ops)
    pid = person["id"]
    for code, value in (("homelessness", True), ("addiction_therapy", True), ("disability_degree", "mild")):
        ok(ops.put(f"/api/clients/v1/persons/{pid}/attributes/{code}", json={"value": value}), 201)
    # A third institution registers the person too and records its own data.
    ok(
        pup.post(
            f"/api/clients/v1/persons/{pid}/registrations",
            json={"pesel": person["pesel"], "reason": "Osoba zgłosiła się do PUP jako bezrobotna"},
        ),
        201,
    )
    ok(pup.put(f"/api/clients/v1/persons/{pid}/attributes/education_level", json={"value": "higher"}), 201)

    # The review's case: a sensitive service to an institution that does not provide it.
    refused = api.refer(ops, pid, pup.institution_id(), "psychological_counselling")
    problem(refused, 422, "service_not_provided")

    consent = ok(
        ops.post(
            f"/api/clients/v1/persons/{pid}/consents",
            json={
                "purpose": "referral",
                "recipient_institution_id": ngo.institution_id(),
                "covers_sensitive": True,
                "evidence_reference": "MGOPS/ZG/77",
            },
        ),
        201,
    )
    sent = ok(
        api.refer(
            ops,
            pid,
            ngo.institution_id(),
            "addiction_therapy",
            legal_basis={"kind": "consent", "consent_id": consent["id"]},
        ),
        201,
    )
    before = ok(ngo.get(f"/api/clients/v1/persons/{pid}"))
    assert _attributes(before) == {ops.institution_id(): {"homelessness": True}}
    ok(api.transition(ngo, sent["id"], "accept"))
    after = ok(ngo.get(f"/api/clients/v1/persons/{pid}"))
    # Accepted: the OPS's addiction therapy travels with an addiction-therapy referral; its
    # disability degree does not, and nothing the PUP recorded ever does.
    assert _attributes(after) == {ops.institution_id(): {"homelessness": True, "addiction_therapy": True}}
    listed = ok(ngo.get(f"/api/clients/v1/persons/{pid}/attributes"))
    assert {a["code"] for a in listed["items"]} == {"homelessness", "addiction_therapy"}
    assert "education_level" not in str(after) and "disability_degree" not in str(listed)


def test_a_dry_run_import_is_no_unaudited_bulk_lookup(api: Api) -> None:
    pup, ops, caseworker = api.as_(PUP), api.as_(OPS), api.as_("ops@splot.example")
    theirs = api.person(pup)
    rows = (
        "external_id;pesel;first_name;last_name\n"
        f"DRY-1;{theirs['pesel']};Anna;Testowa\n"
        f"DRY-2;{pesel()};Nowa;Osoba\n"
    ).encode()
    refused = caseworker.post(
        "/api/clients/v1/imports",
        params={"dry_run": "true"},
        content=rows,
        headers={"Content-Type": "text/csv"},
    )
    problem(refused, 403)
    job = ok(
        ops.post(
            "/api/clients/v1/imports",
            params={"dry_run": "true"},
            content=rows,
            headers={"Content-Type": "text/csv"},
        ),
        202,
    )
    assert job["dry_run"] is True
    # Every match the dry run reported is in the access log, as an identity lookup by the OPS.
    log = ok(
        api.as_(AUDITOR).get(
            "/api/clients/v1/access-log",
            params={"person_id": theirs["id"], "action": "import_dry_run_match"},
        )
    )
    assert [(e["institution_id"], e["legal_basis"]) for e in log["items"]] == [
        (ops.institution_id(), "identity_lookup")
    ]
    # And it registered nothing: the OPS still cannot open the person.
    problem(ops.get(f"/api/clients/v1/persons/{theirs['id']}"), 404, "not_found")


def test_institutions_record_only_their_kind_of_data_and_refer_only_to_serving_ones(api: Api) -> None:
    pup, ops = api.as_(PUP), api.as_(OPS)
    person = api.person(ops)
    problem(
        ops.put(
            f"/api/clients/v1/persons/{person['id']}/attributes/unemployment_status",
            json={"value": "registered_unemployed"},
        ),
        403,
        "attribute_not_for_institution",
    )
    ministry = api.as_("analityk@splot.example").institution_id()
    wup = api.as_("wup.analityk@splot.example").institution_id()
    for target in (ministry, wup):
        problem(api.refer(ops, person["id"], target, "social_work"), 422, "target_not_serving")
    sent = ok(api.refer(pup, api.person(pup)["id"], ops.institution_id(), "social_work"), 201)
    stranger = pup.me()["user"]["id"]  # a PUP caseworker is not the OPS's staff
    problem(
        api.transition(ops, sent["id"], "accept", assignee_user_id=stranger),
        422,
        "assignee_not_in_institution",
    )
    colleague = api.as_("ops@splot.example").me()["user"]["id"]
    accepted = ok(api.transition(ops, sent["id"], "accept", assignee_user_id=colleague))
    assert accepted["assignee_user_id"] == colleague
