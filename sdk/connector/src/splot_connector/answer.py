"""``answer``: decisions taken in your case system posted back to Splot — ``accept``, ``reject``,
``start``, ``complete``… of a referral your institution received (a transition, with ``If-Match``
and a fresh read on 412). One on the command line, or many from a CSV
(``referral_id,action,text,reason_code,declined_by,outcome_codes,delivered``). An answer posted
once is remembered in the state file and not posted again.
"""

from __future__ import annotations

import csv
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from splot_connector.state import State
from splot_sdk import Splot, if_match_retry
from splot_sdk.referrals.api.referrals import get_referral_v1_referrals_referral_id_get as get_referral
from splot_sdk.referrals.api.workflow import (
    take_transition_v1_referrals_referral_id_transitions_post as take_transition,
)
from splot_sdk.referrals.models import TransitionRequest

FIELDS = ("text", "reason_code", "declined_by", "delivered")


@dataclass
class AnswerReport:
    posted: int = 0
    already: int = 0
    failed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"posted {self.posted}, already posted {self.already}, failed {len(self.failed)}"


def _request(action: str, values: dict[str, str]) -> TransitionRequest:
    body: dict[str, Any] = {"action": action}
    body.update({name: values[name] for name in FIELDS if values.get(name)})
    if values.get("outcome_codes"):
        body["outcome_codes"] = [code.strip() for code in values["outcome_codes"].split("|") if code.strip()]
    return TransitionRequest.from_dict(body)


def answer_one(
    splot: Splot, state: State, referral_id: str, action: str, values: dict[str, str]
) -> str | None:
    """``None`` when posted (or posted before), else why not."""
    if state.answered(referral_id, action):
        return "already"
    try:
        ident = uuid.UUID(referral_id)
        body = _request(action, values)
    except (ValueError, KeyError, TypeError) as invalid:
        return f"invalid answer ({type(invalid).__name__})"
    result = if_match_retry(
        read=lambda: get_referral.sync_detailed(ident, client=splot.referrals),
        change=lambda _current: body,
        write=lambda request, etag: take_transition.sync_detailed(
            ident, client=splot.referrals, body=request, if_match=etag
        ),
    )
    if result.status_code != 200:
        parsed = result.parsed
        code = parsed.to_dict().get("code", "") if parsed is not None and hasattr(parsed, "to_dict") else ""
        return f"refused {int(result.status_code)} {code}".strip()
    state.remember_answer(referral_id, action, int(result.status_code))
    return None


def answer_all(splot: Splot, state: State, answers: list[dict[str, str]]) -> AnswerReport:
    report = AnswerReport()
    for number, values in enumerate(answers, start=1):
        referral_id = (values.get("referral_id") or "").strip()
        action = (values.get("action") or "").strip()
        problem = answer_one(splot, state, referral_id, action, values)
        if problem is None:
            report.posted += 1
        elif problem == "already":
            report.already += 1
        else:
            report.failed.append(f"answer {number} ({referral_id} {action}): {problem}")
    return report


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))
