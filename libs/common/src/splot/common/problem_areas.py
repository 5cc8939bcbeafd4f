"""The catalogue of problem areas of cooperation (barriers named by the ministry's monitoring
methodology): one bundled list shared by every service (``data/problem_areas.json``), with the
mapping of the referrals' reason codes (rejection, failure, cancellation) to an area."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

BUNDLED = Path(__file__).parent / "data" / "problem_areas.json"
#: At most this many areas on a partnership evaluation or a good practice.
MAX_AREAS = 5


@dataclass(frozen=True)
class ProblemArea:
    code: str
    name_pl: str
    name_en: str
    description_pl: str
    description_en: str

    def as_dict(self) -> dict[str, str]:
        return {
            "code": self.code,
            "name_pl": self.name_pl,
            "name_en": self.name_en,
            "description_pl": self.description_pl,
            "description_en": self.description_en,
        }


@cache
def _load() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(BUNDLED.read_text(encoding="utf-8"))
    return data


@cache
def areas() -> tuple[ProblemArea, ...]:
    """Every area, in the catalogue's order."""
    return tuple(ProblemArea(**a) for a in _load()["areas"])


def codes() -> tuple[str, ...]:
    return tuple(a.code for a in areas())


def label(code: str, lang: str = "pl") -> str:
    for a in areas():
        if a.code == code:
            return a.name_en if lang == "en" else a.name_pl
    raise KeyError(code)


def reason_mapping() -> dict[str, str]:
    """The referrals' reason code → its problem area."""
    return dict(_load()["referral_reasons"])


def area_of_reason(code: str | None) -> str | None:
    """The problem area of a referral's reason code (None for none; an unknown code is ``other``)."""
    if not code:
        return None
    return reason_mapping().get(code, "other")


def unknown(values: list[str]) -> list[str]:
    """The values that are not codes of the catalogue."""
    known = set(codes())
    return [v for v in values if v not in known]
