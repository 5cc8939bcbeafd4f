"""Diagnoses through the API: areas (sensitive by the catalogue or raised), joint diagnoses with
invited contributors and their sign-offs, If-Match, and the events."""

import pytest

from casework_world import make_case


@pytest.fixture
async def case(world):
    return await make_case(world)


BODY = {
    "diagnosed_on": "2026-11-02",
    "joint": True,
    "areas": [
        {"code": "unemployment", "note": "Out of work for two years"},
        {"code": "addiction", "note": "In therapy"},
        {"code": "debt", "note": "Bailiff", "sensitive": True},
    ],
    "strengths": "Motivated, supportive sister",
    "person_view": "Wants a job near home",
    "conclusion": "Joint plan with the PUP",
}


async def _create(case, body=None):
    response = await case.post(
        f"/v1/persons/{case.person_id}/diagnoses", body or BODY, case.ops_user, expect=201
    )
    return response.json(), response.headers["ETag"]


async def test_areas_are_sensitive_by_the_catalogue_or_when_raised(case):
    diagnosis, _ = await _create(case)
    sensitive = {a["code"]: a["sensitive"] for a in diagnosis["areas"]}
    assert sensitive == {"unemployment": False, "addiction": True, "debt": True}
    assert diagnosis["status"] == "draft" and diagnosis["hidden_sensitive_areas"] == 0
    assert [c["institution_id"] for c in diagnosis["contributors"]] == [str(case.ops.id)]
    unknown = await case.post(
        f"/v1/persons/{case.person_id}/diagnoses",
        {"diagnosed_on": "2026-11-02", "areas": [{"code": "sadness"}]},
        case.ops_user,
    )
    assert unknown.status_code == 422 and unknown.json()["code"] == "unknown_problem_area"
    twice = await case.post(
        f"/v1/persons/{case.person_id}/diagnoses",
        {"diagnosed_on": "2026-11-02", "areas": [{"code": "debt"}, {"code": "debt"}]},
        case.ops_user,
    )
    assert twice.status_code == 422


async def test_a_joint_diagnosis_is_signed_when_every_contributor_signed(case):
    diagnosis, etag = await _create(case)
    url = f"/v1/diagnoses/{diagnosis['id']}"
    # The PUP sees the person but is no contributor yet: the diagnosis does not exist for it.
    assert (await case.world.client.get(url, headers=case.pup_user)).status_code == 404
    early = await case.post(f"{url}/sign-off", {}, case.pup_user, etag)
    assert early.status_code == 404
    invited = await case.post(
        f"{url}/contributors", {"institution_id": str(case.pup.id)}, case.ops_user, etag, 200
    )
    etag = invited.headers["ETag"]
    contributed = await case.world.client.put(
        f"{url}/contribution",
        json={"section": "Registered unemployed since 2024", "areas": [{"code": "low_qualifications"}]},
        headers={**case.pup_user, "If-Match": etag},
    )
    assert contributed.status_code == 200, contributed.text
    etag = contributed.headers["ETag"]
    ops_signed = await case.post(f"{url}/sign-off", {}, case.ops_user, etag, 200)
    assert ops_signed.json()["status"] == "draft"
    again = await case.post(f"{url}/sign-off", {}, case.ops_user, ops_signed.headers["ETag"])
    assert again.status_code == 409
    pup_signed = await case.post(f"{url}/sign-off", {}, case.pup_user, ops_signed.headers["ETag"], 200)
    final = pup_signed.json()
    assert final["status"] == "signed" and final["signed_at"] is not None
    assert all(c["signed_at"] for c in final["contributors"])
    # The PUP sees the OPS's non-sensitive area and its own; not the OPS's sensitive ones.
    pup_view = (await case.world.client.get(url, headers=case.pup_user)).json()
    assert {a["code"] for a in pup_view["areas"]} == {"unemployment", "low_qualifications"}
    assert pup_view["hidden_sensitive_areas"] == 2
    assert "In therapy" not in str(pup_view) and "addiction" not in str(pup_view)
    changed = await case.patch(url, {"conclusion": "changed"}, case.ops_user, pup_signed.headers["ETag"])
    assert changed.status_code == 409 and changed.json()["code"] == "diagnosis_signed"
    events = await case.world.events(diagnosis["id"])
    assert [e["type"] for e in events] == [
        "diagnosis.created",
        "diagnosis.updated",
        "diagnosis.updated",
        "diagnosis.updated",
        "diagnosis.signed",
    ]
    signed = events[-1]["payload"]
    assert set(signed["signed_institution_ids"]) == {str(case.ops.id), str(case.pup.id)}
    assert "therapy" not in str(signed) and "Motivated" not in str(signed)


async def test_a_change_clears_the_sign_offs(case):
    diagnosis, etag = await _create(case)
    url = f"/v1/diagnoses/{diagnosis['id']}"
    invited = await case.post(
        f"{url}/contributors", {"institution_id": str(case.pup.id)}, case.ops_user, etag, 200
    )
    signed = await case.post(f"{url}/sign-off", {}, case.pup_user, invited.headers["ETag"], 200)
    changed = await case.patch(
        url, {"conclusion": "A new conclusion"}, case.ops_user, signed.headers["ETag"], 200
    )
    assert all(c["signed_at"] is None for c in changed.json()["contributors"])


async def test_contributors_are_invited_by_the_owner_among_institutions_with_access(case):
    diagnosis, etag = await _create(case)
    url = f"/v1/diagnoses/{diagnosis['id']}"
    stranger = case.world.inst("NGO")
    refused = await case.post(
        f"{url}/contributors", {"institution_id": str(stranger.id)}, case.ops_user, etag
    )
    assert refused.status_code == 422 and refused.json()["code"] == "institution_without_access"
    missing = await case.post(f"{url}/contributors", {"institution_id": str(case.ngo.id)}, case.ops_user)
    assert missing.status_code == 428
    ok = await case.post(
        f"{url}/contributors", {"institution_id": str(case.ngo.id)}, case.ops_user, etag, 200
    )
    stale = await case.post(f"{url}/contributors", {"institution_id": str(case.pup.id)}, case.ops_user, etag)
    assert stale.status_code == 412
    dup = await case.post(
        f"{url}/contributors", {"institution_id": str(case.ngo.id)}, case.ops_user, ok.headers["ETag"]
    )
    assert dup.status_code == 409
    # A contributor may not invite others nor change the owner's part.
    by_ngo = await case.post(
        f"{url}/contributors", {"institution_id": str(case.pup.id)}, case.ngo_user, ok.headers["ETag"]
    )
    assert by_ngo.status_code == 403
    patch = await case.patch(url, {"conclusion": "mine"}, case.ngo_user, ok.headers["ETag"])
    assert patch.status_code == 403
    single, single_etag = await _create(case, {"diagnosed_on": "2026-11-03"})
    not_joint = await case.post(
        f"/v1/diagnoses/{single['id']}/contributors",
        {"institution_id": str(case.pup.id)},
        case.ops_user,
        single_etag,
    )
    assert not_joint.status_code == 409 and not_joint.json()["code"] == "not_joint"


async def test_a_single_diagnosis_is_signed_by_its_owner_and_listed(case):
    diagnosis, etag = await _create(case, {"diagnosed_on": "2026-11-03", "areas": [{"code": "poverty"}]})
    signed = await case.post(f"/v1/diagnoses/{diagnosis['id']}/sign-off", {}, case.ops_user, etag, 200)
    assert signed.json()["status"] == "signed"
    listed = await case.world.client.get(f"/v1/persons/{case.person_id}/diagnoses", headers=case.ops_user)
    assert [d["id"] for d in listed.json()["items"]] == [diagnosis["id"]]
    assert (
        await case.world.client.get(f"/v1/persons/{case.person_id}/diagnoses", headers=case.pup_user)
    ).json()["items"] == []


async def test_a_plan_links_its_diagnosis_and_raised_areas_make_goals_sensitive(case):
    diagnosis, _ = await _create(case)
    plan, etag = await case.plan(diagnosis_id=diagnosis["id"])
    plan, etag = await case.goal(plan, etag, area="debt")
    assert plan["diagnosis_id"] == diagnosis["id"] and plan["goals"][0]["sensitive"] is True
    other, _ = await case.world.client.get("/v1/problem-areas", headers=case.ops_user), None
    assert other.status_code == 200
    foreign = await case.post(
        f"/v1/persons/{case.person_id}/plans",
        {
            "plan_type_code": "pup_individual_action_plan",
            "starts_on": "2026-11-06",
            "diagnosis_id": diagnosis["id"],
        },
        case.pup_user,
    )
    assert foreign.status_code == 422 and foreign.json()["code"] == "unknown_diagnosis"


async def test_catalogues(case):
    areas = (await case.world.client.get("/v1/problem-areas", headers=case.ops_user)).json()["items"]
    by_code = {a["code"]: a for a in areas}
    assert {c for c, a in by_code.items() if a["sensitive"]} >= {
        "disability",
        "long_term_illness",
        "addiction",
        "domestic_violence",
        "release_from_prison",
    }
    assert by_code["poverty"]["group"] == "social_assistance_ground" and not by_code["poverty"]["sensitive"]
    assert {"low_qualifications", "care_duties", "transport", "housing", "debt"} <= {
        c for c, a in by_code.items() if a["group"] == "employment_barrier"
    }
    types = (await case.world.client.get("/v1/plan-types", headers=case.ops_user)).json()["items"]
    assert {t["code"]: t["legal_basis_code"] for t in types} == {
        "pup_individual_action_plan": "rp_individual_action_plan",
        "ops_social_contract": "ups_art108_contract",
        "cis_kis_individual_programme": "uzs_art13_individual_programme",
        "ngo_support_plan": "udpp_art11_public_task",
        "joint_plan": "ups_social_assistance",
    }
    assert [t["code"] for t in types if t["joint"]] == ["joint_plan"]
