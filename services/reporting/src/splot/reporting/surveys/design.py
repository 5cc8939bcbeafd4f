"""The rules of a questionnaire beyond its schema: unique keys, options only on choice questions
(2..30, unique values, known problem areas), a scale's bounds, a number's bounds, ``show_if``
referring to an EARLIER choice or scale question and to its values, indicator codes from the
cross-tab's list (:mod:`splot.reporting.surveys.indicators`). Broken rules answer 422
``invalid_questionnaire`` listing every error (``loc``, ``msg``, ``type``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from splot.common import problem_areas
from splot.common.errors import Problem
from splot.reporting.surveys.indicators import INDICATORS
from splot.reporting.surveys.schemas import QuestionnaireWrite

CHOICE = ("single_choice", "multiple_choice")
#: Questions a ``show_if`` may refer to, and whose answers filter results and cross-tabs.
CONDITIONAL = ("single_choice", "multiple_choice", "scale")
WITH_INDICATOR = ("single_choice", "multiple_choice", "scale", "number")


def questions(document: dict[str, Any]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(section, question) pairs in order."""
    for section in document["sections"]:
        for question in section["questions"]:
            yield section, question


def question_map(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {q["key"]: q for _, q in questions(document)}


def answer_values(question: dict[str, Any]) -> list[str]:
    """The values a choice or scale question's answer can take, as text (filters, show_if)."""
    if question["type"] in CHOICE:
        return [o["value"] for o in question["options"]]
    if question["type"] == "scale" and question.get("scale"):
        return [str(v) for v in range(question["scale"]["min"], question["scale"]["max"] + 1)]
    return []


def _errors(doc: QuestionnaireWrite) -> list[dict[str, Any]]:
    errors: list[dict[str, Any]] = []
    areas = set(problem_areas.codes())

    def err(loc: list[str | int], msg: str, type_: str) -> None:
        errors.append({"loc": ["body", *loc], "msg": msg, "type": type_})

    section_keys: set[str] = set()
    earlier: dict[str, Any] = {}
    seen: set[str] = set()
    for si, section in enumerate(doc.sections):
        if section.key in section_keys:
            err(["sections", si, "key"], "section keys must be unique", "duplicate_key")
        section_keys.add(section.key)
        for qi, q in enumerate(section.questions):
            loc: list[str | int] = ["sections", si, "questions", qi]
            kind = q.type.value
            if q.key in seen:
                err([*loc, "key"], "question keys must be unique in the questionnaire", "duplicate_key")
            seen.add(q.key)
            if kind in CHOICE:
                if not 2 <= len(q.options) <= 30:
                    err([*loc, "options"], "a choice question has 2 to 30 options", "options_count")
                values = [o.value for o in q.options]
                if len(set(values)) != len(values):
                    err([*loc, "options"], "option values must be unique", "duplicate_option")
                for oi, option in enumerate(q.options):
                    if option.problem_area is not None and option.problem_area not in areas:
                        err(
                            [*loc, "options", oi, "problem_area"],
                            "unknown problem area",
                            "unknown_problem_area",
                        )
            elif q.options:
                err([*loc, "options"], "only choice questions have options", "options_not_expected")
            if kind == "scale":
                if q.scale is None:
                    err([*loc, "scale"], "a scale question needs its scale", "scale_required")
                elif not q.scale.min < q.scale.max:
                    err([*loc, "scale"], "the scale needs 0 <= min < max <= 10", "invalid_scale")
            elif q.scale is not None:
                err([*loc, "scale"], "only scale questions have a scale", "scale_not_expected")
            if kind == "number":
                spec = q.number
                if spec is not None and spec.min is not None and spec.max is not None and spec.min > spec.max:
                    err([*loc, "number"], "min must not be above max", "invalid_bounds")
            elif q.number is not None:
                err([*loc, "number"], "only number questions have number bounds", "number_not_expected")
            if q.show_if is not None:
                target = earlier.get(q.show_if.question)
                if target is None or target.type.value not in CONDITIONAL:
                    err(
                        [*loc, "show_if", "question"],
                        "show_if must refer to an earlier choice or scale question",
                        "invalid_show_if",
                    )
                else:
                    allowed = set(answer_values(target.model_dump()))
                    if not set(q.show_if.equals_any) <= allowed:
                        err(
                            [*loc, "show_if", "equals_any"],
                            "values the question cannot take",
                            "invalid_show_if",
                        )
            if q.indicator is not None:
                if kind not in WITH_INDICATOR:
                    err(
                        [*loc, "indicator"],
                        "only choice, scale and number questions",
                        "indicator_not_expected",
                    )
                elif q.indicator not in INDICATORS:
                    err([*loc, "indicator"], "not an indicator of the cross-tab", "unknown_indicator")
            earlier[q.key] = q
    return errors


def validate(doc: QuestionnaireWrite) -> dict[str, Any]:
    """The document as stored (plain JSON), or 422 ``invalid_questionnaire``."""
    errors = _errors(doc)
    if errors:
        raise Problem(422, "invalid_questionnaire", "the questionnaire breaks its rules", errors=errors)
    return doc.model_dump(mode="json")
