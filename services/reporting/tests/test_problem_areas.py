"""Problem areas of cooperation (issue #16): rejected and failed referrals by the area of their
reason (persons: the normal policy), partnership evaluations naming areas (institutions: the
institutions' threshold), scopes (analysts within their territory, staff their institution
exactly) and the catalogue."""

import uuid

import pytest

from splot.common import problem_areas as catalogue
from splot.reporting.practices.problem_areas import period_days

from sample import at, fixed_dataset, ingest

MARCH = {"from": "2025-03", "to": "2025-03"}


def _evaluation(feeds, partnership_id, inst, period, areas, when="2025-03-20", evaluation_id=None):
    feeds.directory.append(
        "evaluation.submitted",
        {
            "id": str(evaluation_id or uuid.uuid4()),
            "partnership_id": str(partnership_id),
            "institution_id": str(inst.id),
            "period": period,
            "score": 3,
            "problem_areas": areas,
            "submitted_at": at(when).isoformat(),
        },
        occurred_at=at(when),
    )


@pytest.fixture
async def data(sessionmaker, settings):
    """The fixed dataset (March 2025: R2 rejected no_capacity PUP_W→OPS_W, R3 rejected
    client_declined PUP_W→NGO_W, R5 failed client_unreachable OPS_W→NGO_W) and evaluations."""
    d = fixed_dataset()
    i = d.inst
    pid, other = uuid.uuid4(), uuid.uuid4()
    _evaluation(d.feeds, pid, i["PUP_W"], "2025-H1", ["information_flow"], when="2025-03-10")
    # the PUP's newer evaluation for the same period replaces the older one
    _evaluation(d.feeds, pid, i["PUP_W"], "2025-H1", ["staffing", "communication"], when="2025-03-20")
    _evaluation(d.feeds, pid, i["OPS_W"], "2025-Q1", ["staffing"])
    _evaluation(d.feeds, pid, i["NGO_W"], "2025", ["staffing", "legal"])
    _evaluation(d.feeds, other, i["PUP_K"], "2025-03", ["staffing"])
    _evaluation(d.feeds, other, i["CIS_K"], "2024-H2", ["staffing"], when="2024-12-20")  # before March
    await ingest(sessionmaker, d.feeds, settings)
    return d


def _by_code(body):
    return {row["code"]: row for row in body["items"]}


async def _get(client, headers, **params):
    return await client.get("/v1/problem-areas", params={**MARCH, **params}, headers=headers)


async def test_exact_counts_for_an_analyst_with_no_suppression(client, data, analyst, app):
    app.state.settings = app.state.settings.model_copy(
        update={"suppression_threshold": 1, "rounding_base": 1, "survey_suppression_threshold": 1}
    )
    response = await _get(client, analyst(""))
    assert response.status_code == 200, response.text
    rows = _by_code(response.json())
    assert [r["code"] for r in response.json()["items"]] == list(catalogue.codes())
    assert rows["service_availability"]["referrals"] == {"value": 1, "suppressed": False}  # R2
    assert rows["client_related"]["referrals"] == {"value": 2, "suppressed": False}  # R3, R5
    assert rows["information_flow"]["evaluations"]["value"] == 0  # the PUP's older evaluation
    # PUP_W (newest), OPS_W (Q1), NGO_W (2025), PUP_K (March); CIS_K's 2024-H2 does not overlap
    assert rows["staffing"]["evaluations"] == {"value": 4, "suppressed": False}
    assert rows["communication"]["evaluations"]["value"] == 1
    assert rows["legal"]["evaluations"]["value"] == 1
    assert rows["staffing"]["total"]["value"] == 4 + rows["staffing"]["referrals"]["value"]
    assert rows["client_related"]["total"]["value"] == 2


async def test_a_territory_narrows_both_sources(client, data, analyst, app):
    app.state.settings = app.state.settings.model_copy(
        update={"suppression_threshold": 1, "rounding_base": 1, "survey_suppression_threshold": 1}
    )
    krakow = _by_code((await _get(client, analyst("12"), territory="1261")).json())
    assert krakow["staffing"]["evaluations"]["value"] == 1  # PUP_K
    assert krakow["client_related"]["referrals"]["value"] == 0
    wieliczka = _by_code((await _get(client, analyst("1219"))).json())
    assert wieliczka["staffing"]["evaluations"]["value"] == 3
    assert wieliczka["client_related"]["referrals"]["value"] == 2


async def test_small_counts_are_suppressed_for_analysts(client, data, analyst):
    body = (await _get(client, analyst(""))).json()
    rows = _by_code(body)
    assert body["exact"] is False
    assert rows["client_related"]["referrals"] == {"value": None, "suppressed": True}  # 2 < 5
    assert rows["client_related"]["partial"] is True
    # institutions are protected by survey_suppression_threshold (2 by default), not rounded
    assert body["institution_threshold"] == 2
    assert rows["staffing"]["evaluations"] == {"value": 4, "suppressed": False}
    assert rows["legal"]["evaluations"] == {"value": None, "suppressed": True}
    assert rows["financial"]["evaluations"] == {"value": 0, "suppressed": False}


@pytest.mark.parametrize("roles", [("caseworker",), ("coordinator",), ("institution_admin",)])
async def test_institution_staff_see_their_own_institution_exactly(client, data, staff, roles):
    response = await _get(client, staff(data.inst["PUP_W"], *roles))
    assert response.status_code == 200, response.text
    body = response.json()
    rows = _by_code(body)
    assert body["exact"] is True and body["territory"] is None
    assert rows["service_availability"]["referrals"]["value"] == 1  # R2 (sender)
    assert rows["client_related"]["referrals"]["value"] == 1  # R3; R5 is between others
    assert rows["staffing"]["evaluations"]["value"] == 1
    assert rows["information_flow"]["evaluations"]["value"] == 0
    ngo = _by_code((await _get(client, staff(data.inst["NGO_W"]))).json())
    assert ngo["client_related"]["referrals"]["value"] == 2  # R3, R5 (receiver)


@pytest.mark.parametrize(
    ("scope", "territory"), [("12", "14"), ("1219", "1261"), ("1219", "12"), ("1219", "")]
)
async def test_a_territory_outside_the_analysts_scope_is_403(client, data, analyst, scope, territory):
    response = await _get(client, analyst(scope), territory=territory)
    assert response.status_code == 403
    assert response.json()["code"] == "territory_out_of_scope"


async def test_staff_cannot_ask_for_a_territory_and_services_cannot_read(client, data, staff, tokens):
    response = await _get(client, staff(data.inst["PUP_W"]), territory="12")
    assert response.status_code == 403 and response.json()["code"] == "territory_out_of_scope"
    service = await _get(client, tokens.service_headers("referrals", "reporting:read"))
    assert service.status_code == 403


@pytest.mark.parametrize(
    "params",
    [
        {"from": "2025-13", "to": "2025-03"},
        {"from": "2025-03"},
        {"from": "2025-04", "to": "2025-03"},
        {"from": "2025-03", "to": "2025-03", "territory": "1x"},
    ],
)
async def test_bad_input_is_a_422(client, data, analyst, params):
    response = await client.get("/v1/problem-areas", params=params, headers=analyst(""))
    assert response.status_code == 422


async def test_the_catalogue_is_read_by_any_staff_user(client, data, staff, tokens):
    response = await client.get("/v1/problem-areas/catalogue", headers=staff(data.inst["NGO_W"]))
    assert response.status_code == 200
    body = response.json()
    assert [a["code"] for a in body["items"]] == list(catalogue.codes())
    assert body["referral_reasons"]["no_capacity"] == "service_availability"
    denied = await client.get(
        "/v1/problem-areas/catalogue", headers=tokens.service_headers("referrals", "reporting:read")
    )
    assert denied.status_code == 403


async def test_a_redelivered_evaluation_is_stored_once(sessionmaker, session, settings):
    from sqlalchemy import func, select

    from splot.reporting.practices.models import EvaluationAreaFact

    d = fixed_dataset()
    eid = uuid.uuid4()
    for _ in range(2):
        _evaluation(
            d.feeds, uuid.uuid4(), d.inst["PUP_W"], "2025-H2", ["legal", "not_a_code"], evaluation_id=eid
        )
    await ingest(sessionmaker, d.feeds, settings)
    assert await session.scalar(select(func.count()).select_from(EvaluationAreaFact)) == 1
    stored = await session.get(EvaluationAreaFact, eid)
    assert stored.problem_areas == ["legal"]
    assert (stored.first_day.isoformat(), stored.last_day.isoformat()) == ("2025-07-01", "2025-12-31")


def test_period_days():
    assert [d.isoformat() for d in period_days("2026")] == ["2026-01-01", "2026-12-31"]
    assert [d.isoformat() for d in period_days("2026-H1")] == ["2026-01-01", "2026-06-30"]
    assert [d.isoformat() for d in period_days("2026-Q4")] == ["2026-10-01", "2026-12-31"]
    assert [d.isoformat() for d in period_days("2024-02")] == ["2024-02-01", "2024-02-29"]


async def test_survey_answers_mapped_to_areas_count_institutions(client, data, session, analyst, staff, app):
    from datetime import date

    from splot.reporting.surveys.models import (
        SurveyQuestionnaire,
        SurveyRecipient,
        SurveyResponse,
        SurveyRound,
    )

    app.state.settings = app.state.settings.model_copy(update={"survey_suppression_threshold": 2})
    sections = [
        {
            "key": "s1",
            "title": "Bariery",
            "questions": [
                {
                    "key": "barriers",
                    "text": "Bariery współpracy",
                    "type": "multiple_choice",
                    "options": [
                        {"value": "law", "label": "Przepisy", "problem_area": "legal"},
                        {"value": "people", "label": "Kadry", "problem_area": "staffing"},
                        {"value": "none", "label": "Brak"},
                    ],
                },
                {
                    "key": "main",
                    "text": "Główna bariera",
                    "type": "single_choice",
                    "options": [{"value": "money", "label": "Pieniądze", "problem_area": "financial"}],
                },
            ],
        }
    ]
    q = SurveyQuestionnaire(title="Q", sections=sections, status="frozen", owner_scope="", created_by="a")
    session.add(q)
    await session.flush()

    def round_(period_from, period_to):
        r = SurveyRound(
            questionnaire_id=q.id,
            title="R",
            territory="12",
            institution_types=["PUP", "OPS", "NGO", "CIS"],
            period_from=period_from,
            period_to=period_to,
            deadline=date(2025, 4, 30),
            owner_scope="",
            owner_user_id="a",
        )
        session.add(r)
        return r

    march, old = round_("2025-01", "2025-03"), round_("2024-01", "2024-12")
    await session.flush()
    answers = {
        "PUP_W": ("submitted", {"barriers": ["law", "people"], "main": "money"}),
        "OPS_W": ("submitted", {"barriers": ["people"]}),
        "NGO_W": ("draft", {"barriers": ["law"]}),  # not submitted: does not count
        "PUP_K": ("submitted", {"barriers": ["none"], "main": "money"}),
    }
    for key, (status, given) in answers.items():
        inst = data.inst[key]
        for r in (march, old):
            session.add(
                SurveyRecipient(
                    round_id=r.id,
                    institution_id=inst.id,
                    institution_type=inst.type,
                    name=inst.name,
                    teryt=inst.teryt,
                    powiat_code=inst.teryt[:4],
                    voivodeship_code=inst.teryt[:2],
                )
            )
        session.add(SurveyResponse(round_id=march.id, institution_id=inst.id, status=status, answers=given))
        # an old round outside the months: never counts
        session.add(
            SurveyResponse(
                round_id=old.id, institution_id=inst.id, status="submitted", answers={"barriers": ["law"]}
            )
        )
    await session.commit()

    rows = _by_code((await _get(client, analyst(""))).json())
    assert rows["staffing"]["surveys"] == {"value": 2, "suppressed": False}  # PUP_W, OPS_W
    assert rows["financial"]["surveys"] == {"value": 2, "suppressed": False}  # PUP_W, PUP_K
    assert rows["legal"]["surveys"] == {"value": None, "suppressed": True}  # PUP_W only: 1 < 2
    wieliczka = _by_code((await _get(client, analyst("1219"))).json())
    assert wieliczka["financial"]["surveys"] == {"value": None, "suppressed": True}
    own = _by_code((await _get(client, staff(data.inst["PUP_W"]))).json())
    assert own["legal"]["surveys"] == {"value": 1, "suppressed": False}
    assert own["legal"]["total"]["value"] == 1
