"""Reading one staged row of a bulk import: validated against
:class:`~splot.clients.schemas.ImportRecord` and its identity reconciled (:func:`parse_row`), or
the problem document that rejects it. Nothing here touches the database."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NamedTuple

from pydantic import ValidationError

from splot.clients import identity, schemas
from splot.clients.matching import Probe
from splot.common.errors import PROBLEM_TYPE_BASE


class StagedRow(NamedTuple):
    """A staged row as a batch reads it (a plain row, not an ORM object)."""

    id: int
    row_number: int
    data: dict[str, Any] | None


@dataclass(frozen=True)
class Parsed:
    """A row that passed validation and identity reconciliation."""

    row_id: int
    rec: schemas.ImportRecord
    probe: Probe
    sex: str


def problem(code: str, detail: str, errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_BASE + code,
        "title": "Unprocessable Content",
        "status": 422,
        "code": code,
        "detail": detail,
    }
    if errors:
        body["errors"] = errors
    return body


def plain(value: Any) -> Any:
    return value.value if isinstance(value, StrEnum) else value


def parse_row(row_id: int, data: dict[str, Any]) -> Parsed | dict[str, Any]:
    """The row validated and its identity reconciled, or the problem that rejects it."""
    try:
        rec = schemas.ImportRecord.model_validate(data)
    except ValidationError as exc:
        errors = [
            {"loc": ["row", *[str(p) for p in e["loc"]]], "msg": e["msg"], "type": e["type"]}
            for e in exc.errors(include_input=False, include_url=False)
        ]
        return problem("validation_error", "the row is not valid", errors)
    try:
        pesel, birth, sex = identity.reconcile(
            pesel=rec.pesel, birth_date=rec.birth_date, sex=rec.sex.value if rec.sex else None
        )
    except identity.IdentityError as exc:
        return problem(
            exc.code, exc.message, [{"loc": ["row", exc.field], "msg": exc.message, "type": exc.code}]
        )
    probe = Probe(
        pesel=pesel,
        document_number=rec.document_number,
        first_norm=identity.normalise_name(rec.first_name),
        last_norm=identity.normalise_name(rec.last_name),
        birth_date=birth,
    )
    return Parsed(row_id, rec, probe, sex)
