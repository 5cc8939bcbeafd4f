"""Attacks on the monitoring methodology's surfaces (issue 16) by legitimate users: an institution
that was not invited reading or answering a survey, a respondent reading the results, a covering
analyst reading the free texts or the respondents' identities, an analyst reaching beyond her
territory, a filter isolating one institution's answer, and the results report outside the
caller's territory. The demo's powiat 1219 has one PUP and one OPS seated there; the ROPS analyst's
territory is that powiat, the national analyst covers it."""

from __future__ import annotations

import time
from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from blackbox import Api, As, ok, problem

R = "/api/reporting/v1"
ROPS = "rops.analityk@splot.example"  # territory 1219
NATIONAL = "analityk@splot.example"  # territory "" (covers 1219)
PUP = "pup.koordynator@splot.example"  # invited (PUP of 1219)
OPS = "ops.koordynator@splot.example"  # invited when OPS is a chosen type
NGO = "ngo.koordynator@splot.example"  # an NGO of 1219: never invited below
CASEWORKER = "pup@splot.example"
AGREEMENT = "porozumienie_pisemne"
SECRET_TEXT = "Poufna uwaga PUP o partnerze"


def _call(who: As, method: str, path: str, **kwargs: Any) -> httpx.Response:
    """A request that waits out the caller's rate limit (the suite's flood test drains it)."""
    for _ in range(10):
        answer = who.request(method, path, **kwargs)
        if answer.status_code != 429:
            return answer
        time.sleep(int(answer.headers.get("retry-after", "1")))
    raise AssertionError(f"{path}: still rate limited")


def _answers(contacts: str, agreement: str) -> dict[str, Any]:
    return {
        "formy_wspolpracy": ["skierowania"],
        AGREEMENT: agreement,
        "czestotliwosc_kontaktow": contacts,
        "wspolne_programy": "nie",
        "bariery": ["kadry"],
        "bariery_opis": SECRET_TEXT,
        "wymiana_informacji": 4,
        "ocena_partnera": 4,
    }


def _submit(who: As, round_id: str, answers: dict[str, Any]) -> None:
    saved = ok(
        _call(who, "PUT", f"{R}/survey-rounds/{round_id}/response", json={"answers": answers}), raw=True
    )
    ok(
        _call(
            who,
            "POST",
            f"{R}/survey-rounds/{round_id}/response/submit",
            headers={"If-Match": saved.headers["etag"]},
        )
    )


@pytest.fixture(scope="module")
def round_id(api: Api) -> str:
    """A round of the cooperation template for the PUPs and OPSs of 1219, answered by both: they
    agree on the written agreement and differ on how often they talk."""
    rops = api.as_(ROPS)
    questionnaire = ok(
        _call(rops, "POST", f"{R}/questionnaires", json={"template": "wspolpraca-pup-ops"}), 201
    )
    body = {
        "questionnaire_id": questionnaire["id"],
        "title": "Runda testu bezpieczeństwa",
        "territory": "1219",
        "institution_types": ["PUP", "OPS"],
        "period_from": "2026-01",
        "period_to": "2026-06",
        "deadline": (date.today() + timedelta(days=10)).isoformat(),
    }
    opened = ok(_call(rops, "POST", f"{R}/survey-rounds", json=body), 201)
    _submit(api.as_(PUP), opened["id"], _answers("co_tydzien", "tak"))
    _submit(api.as_(OPS), opened["id"], _answers("codziennie", "tak"))
    return str(opened["id"])


def test_an_institution_not_invited_can_neither_see_nor_answer_the_round(api: Api, round_id: str) -> None:
    ngo = api.as_(NGO)
    problem(_call(ngo, "GET", f"{R}/survey-rounds/{round_id}/response"), 404)
    problem(_call(ngo, "PUT", f"{R}/survey-rounds/{round_id}/response", json={"answers": {}}), 404)
    problem(
        _call(ngo, "POST", f"{R}/survey-rounds/{round_id}/response/submit", headers={"If-Match": '"x"'}), 404
    )
    assert round_id not in str(ok(_call(ngo, "GET", f"{R}/survey-tasks", params={"status": "all"})))
    # A caseworker answers nothing, even for an invited institution.
    problem(_call(api.as_(CASEWORKER), "GET", f"{R}/survey-rounds/{round_id}/response"), 403)


def test_a_respondent_reads_no_results_no_export_and_no_other_answers(api: Api, round_id: str) -> None:
    pup = api.as_(PUP)
    for path in (
        "",
        "/results",
        "/response-rate",
        "/crosstab?question=porozumienie_pisemne",
        "/export?format=csv",
    ):
        problem(_call(pup, "GET", f"{R}/survey-rounds/{round_id}{path}"), 403)
    own = ok(_call(pup, "GET", f"{R}/survey-rounds/{round_id}/response"))
    assert own["answers"]["czestotliwosc_kontaktow"] == "co_tydzien"  # its own, not the OPS's


def test_a_covering_analyst_sees_neither_free_texts_nor_who_answered(api: Api, round_id: str) -> None:
    national = api.as_(NATIONAL)
    results = ok(_call(national, "GET", f"{R}/survey-rounds/{round_id}/results"))
    texts = [q for q in results["questions"] if q["type"] == "text"]
    assert texts and all(q.get("texts") is None for q in texts)
    assert SECRET_TEXT not in str(results)
    export = _call(national, "GET", f"{R}/survey-rounds/{round_id}/export", params={"format": "csv"})
    assert export.status_code == 200, export.text
    assert "Wieliczce" not in export.text and SECRET_TEXT not in export.text
    # Owner-only actions.
    problem(_call(national, "POST", f"{R}/survey-rounds/{round_id}/close"), 403)
    problem(_call(national, "POST", f"{R}/survey-rounds/{round_id}/reminders"), 403)
    # The owner sees both.
    owner = ok(_call(api.as_(ROPS), "GET", f"{R}/survey-rounds/{round_id}/results"))
    assert SECRET_TEXT in str(owner)
    owner_export = _call(
        api.as_(ROPS), "GET", f"{R}/survey-rounds/{round_id}/export", params={"format": "csv"}
    )
    assert "Wieliczce" in owner_export.text


def test_no_view_shows_one_institutions_answer(api: Api, round_id: str) -> None:
    rops = api.as_(ROPS)
    results = ok(_call(rops, "GET", f"{R}/survey-rounds/{round_id}/results"))
    contacts = next(q for q in results["questions"] if q["key"] == "czestotliwosc_kontaktow")
    for option in contacts["options"]:
        if option["value"] in ("co_tydzien", "codziennie"):
            assert option["count"] == {"value": None, "suppressed": True}, option
    agreement = next(q for q in results["questions"] if q["key"] == AGREEMENT)
    assert next(o for o in agreement["options"] if o["value"] == "tak")["count"]["value"] == 2
    # Filtering by one institution's answer isolates it: the whole view is protected.
    narrowed = ok(
        _call(
            rops,
            "GET",
            f"{R}/survey-rounds/{round_id}/results",
            params={"question": "czestotliwosc_kontaktow", "answer": "codziennie"},
        )
    )
    assert narrowed["respondents"]["suppressed"] is True
    for question in narrowed["questions"]:
        for option in question.get("options") or []:
            assert option["count"]["value"] in (None, 0), (question["key"], option)
    # A filter on a multiple-choice question (overlapping groups) is refused, not computed.
    problem(
        _call(
            rops,
            "GET",
            f"{R}/survey-rounds/{round_id}/results",
            params={"question": "bariery", "answer": "kadry"},
        ),
        422,
    )


def test_an_analyst_reaches_nothing_beyond_her_territory(api: Api, round_id: str) -> None:
    rops = api.as_(ROPS)
    questionnaire = ok(
        _call(rops, "POST", f"{R}/questionnaires", json={"template": "wspolpraca-pup-ops"}), 201
    )
    for territory in ("12", "", "1261"):
        body = {
            "questionnaire_id": questionnaire["id"],
            "title": "Poza obszarem",
            "territory": territory,
            "institution_types": ["PUP"],
            "period_from": "2026-01",
            "period_to": "2026-02",
            "deadline": (date.today() + timedelta(days=5)).isoformat(),
        }
        problem(_call(rops, "POST", f"{R}/survey-rounds", json=body), 403, "territory_out_of_scope")
    for territory in ("12", ""):
        problem(
            _call(
                rops,
                "GET",
                f"{R}/results-report",
                params={"territory": territory, "from": "2026-01", "to": "2026-06"},
            ),
            403,
        )
    # A round of her territory is no key to a report of another one.
    problem(
        _call(
            api.as_(NATIONAL),
            "GET",
            f"{R}/results-report",
            params={"territory": "14", "from": "2026-01", "to": "2026-06", "round": round_id},
        ),
        422,
        "unknown_round",
    )


def test_the_report_is_for_analysts_and_its_html_runs_nothing(api: Api, round_id: str) -> None:
    params = {"territory": "1219", "from": "2026-01", "to": "2026-06", "round": round_id}
    for who in (PUP, NGO, CASEWORKER):
        problem(_call(api.as_(who), "GET", f"{R}/results-report", params=params), 403)
    html = _call(api.as_(ROPS), "GET", f"{R}/results-report", params={**params, "format": "html"})
    assert html.status_code == 200, html.text[:300]
    assert "default-src 'none'" in html.headers["content-security-policy"]
    assert "<script" not in html.text.lower()
    assert SECRET_TEXT not in html.text  # free text is published only when marked publishable
    pdf = _call(api.as_(ROPS), "GET", f"{R}/results-report", params={**params, "format": "pdf"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert "attachment" in pdf.headers["content-disposition"]


def test_malformed_survey_input_is_a_problem_never_a_500(api: Api, round_id: str) -> None:
    pup = api.as_(PUP)
    path = f"{R}/survey-rounds/{round_id}/response"
    for answers in (
        {"no_such_question": "x"},
        {AGREEMENT: ["tak", "nie"]},
        {AGREEMENT: "maybe"},
        {"wymiana_informacji": 99},
        {"wymiana_informacji": "4"},
        {"bariery_opis": "x" * 10_000},
        {"programy_jakie": ["cis_kis"]},  # hidden: the PUP said it had no joint programmes
    ):
        answer = _call(
            pup,
            "PUT",
            path,
            json={"answers": {**_answers("co_tydzien", "tak"), **answers}},
            headers={"If-Match": ok(_call(pup, "GET", path), raw=True).headers["etag"]},
        )
        assert answer.status_code == 422, (answers, answer.status_code, answer.text[:200])
    for cursor in ("x", "W10", "😀", "../" * 20):
        answer = _call(api.as_(ROPS), "GET", f"{R}/questionnaires", params={"cursor": cursor})
        assert answer.status_code == 422, (cursor, answer.status_code)
    problem(_call(api.as_(ROPS), "GET", f"{R}/survey-rounds/not-a-uuid"), 422)
    problem(
        _call(api.as_(ROPS), "GET", f"{R}/survey-rounds/{round_id}/results", params={"territory": "99"}), 422
    )
