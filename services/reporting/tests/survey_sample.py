"""Institutions, a questionnaire and helpers for the surveys' tests (issue #16).

Institutions are put straight into the institution dimension (what the directory's feed would
have written): three PUP/OPS in powiat Wieliczka (1219), two in Kraków (1261, voivodeship 12),
one in Warsaw (1465, voivodeship 14), and an NGO in Wieliczka (never invited as PUP+OPS)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from splot.reporting.models import InstitutionDim


@dataclass(frozen=True)
class Inst:
    id: uuid.UUID
    type: str
    teryt: str
    name: str


INSTITUTIONS = {
    "PUP_W": ("PUP", "1219011", "PUP Wieliczka"),
    "OPS_W": ("OPS", "1219011", "MGOPS Wieliczka"),
    "OPS_B": ("OPS", "1219022", "GOPS Biskupice"),
    "PUP_K": ("PUP", "1261011", "PUP Kraków"),
    "OPS_K": ("OPS", "1261011", "MOPS Kraków"),
    "OPS_M": ("OPS", "1465011", "OPS Warszawa"),
    "NGO_W": ("NGO", "1219011", "Fundacja Wieliczka"),
}


async def seed(sessionmaker: Any, names: tuple[str, ...] | None = None) -> dict[str, Inst]:
    out = {}
    async with sessionmaker() as session:
        for key, (kind, teryt, name) in INSTITUTIONS.items():
            if names is not None and key not in names:
                continue
            inst = Inst(uuid.uuid4(), kind, teryt, name)
            session.add(
                InstitutionDim(
                    id=inst.id,
                    type=kind,
                    name=name,
                    teryt=teryt,
                    powiat_code=teryt[:4],
                    voivodeship_code=teryt[:2],
                    active=True,
                    version=1,
                )
            )
            out[key] = inst
        await session.commit()
    return out


def question(key: str, type: str, **extra: Any) -> dict[str, Any]:
    return {
        "key": key,
        "text": f"Pytanie {key}",
        "type": type,
        "required": extra.pop("required", True),
        **extra,
    }


def options(*values: str) -> list[dict[str, Any]]:
    return [{"value": v, "label": v.upper()} for v in values]


def document(**changes: Any) -> dict[str, Any]:
    doc = {
        "title": "Ankieta testowa",
        "description": None,
        "sections": [
            {
                "key": "s1",
                "title": "Sekcja",
                "questions": [
                    question(
                        "kontakty",
                        "single_choice",
                        options=options("a", "b", "c"),
                        indicator="sla_compliance",
                    ),
                    question("ocena", "scale", scale={"min": 1, "max": 5}),
                    question(
                        "powody",
                        "multiple_choice",
                        options=options("x", "y", "z"),
                        show_if={"question": "kontakty", "equals_any": ["a", "b"]},
                    ),
                    question(
                        "liczba", "number", required=False, number={"min": 0, "max": 100, "integer": True}
                    ),
                    question("od_kiedy", "date", required=False),
                    question("uwagi", "text", required=False),
                ],
            }
        ],
    }
    doc.update(changes)
    return doc


def tomorrow_plus(days: int = 14) -> str:
    return (date.today() + timedelta(days=days)).isoformat()


async def new_questionnaire(
    client: Any, headers: dict[str, str], doc: dict[str, Any] | None = None
) -> dict[str, Any]:
    r = await client.post("/v1/questionnaires", json=doc or document(), headers=headers)
    assert r.status_code == 201, r.text
    return r.json()


async def open_round(
    client: Any,
    headers: dict[str, str],
    questionnaire_id: str,
    *,
    territory: str = "1219",
    types: tuple[str, ...] = ("PUP", "OPS"),
    deadline: str | None = None,
    expect: int = 201,
    **extra: Any,
) -> dict[str, Any]:
    body = {
        "questionnaire_id": questionnaire_id,
        "title": "Runda 2025",
        "territory": territory,
        "institution_types": list(types),
        "period_from": "2025-01",
        "period_to": "2025-03",
        "deadline": deadline or tomorrow_plus(),
        **extra,
    }
    r = await client.post("/v1/survey-rounds", json=body, headers=headers)
    assert r.status_code == expect, r.text
    return dict(r.json())


async def answer(
    client: Any, headers: dict[str, str], round_id: str, answers: dict[str, Any], *, submit: bool = True
) -> dict[str, Any]:
    current = await client.get(f"/v1/survey-rounds/{round_id}/response", headers=headers)
    assert current.status_code == 200, current.text
    put = await client.put(
        f"/v1/survey-rounds/{round_id}/response",
        json={"answers": answers},
        headers={**headers, "If-Match": current.headers["ETag"]},
    )
    assert put.status_code == 200, put.text
    if not submit:
        return dict(put.json())
    done = await client.post(
        f"/v1/survey-rounds/{round_id}/response/submit", headers={**headers, "If-Match": put.headers["ETag"]}
    )
    assert done.status_code == 200, done.text
    return dict(done.json())
