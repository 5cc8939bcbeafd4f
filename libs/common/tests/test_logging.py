import json

import structlog

from splot.common.logging import MASK, configure_logging, redact_personal_data


def test_personal_data_fields_are_masked():
    event = redact_personal_data(
        None,
        "info",
        {
            "event": "person.created",
            "pesel": "44051401458",
            "first_name": "Anna",
            "password": "secret123",
            "person_id": "7f0c7e4e-0000-4000-8000-000000000001",
            "count": 3,
        },
    )
    assert event["pesel"] == event["first_name"] == event["password"] == MASK
    assert event["person_id"] == "7f0c7e4e-0000-4000-8000-000000000001" and event["count"] == 3


def test_pesel_and_tokens_inside_free_text_are_masked():
    event = redact_personal_data(
        None,
        "info",
        {
            "event": "lookup",
            "detail": "searched 44051401458 with Bearer eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl",
            "nested": {"email": "anna@example.org", "ids": ["44051401458"]},
        },
    )
    text = json.dumps(event)
    assert "44051401458" not in text and "eyJhbGciOi" not in text and "anna@example.org" not in text


def test_configured_logger_emits_json_without_personal_data(capsys):
    configure_logging("INFO", json=True)
    structlog.get_logger("t").info("person.matched", pesel="44051401458", person_id="p-1")
    line = capsys.readouterr().out.strip().splitlines()[-1]
    record = json.loads(line)
    assert record["event"] == "person.matched" and record["person_id"] == "p-1"
    assert "44051401458" not in line
