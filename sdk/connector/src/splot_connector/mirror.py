"""``mirror persons.csv``: the persons of a case system's CSV export, registered in Splot's
client registry once each.

Adapt :data:`COLUMNS` to your export's header. ``case_id`` (your system's id of the person) is the
row's key: it becomes the person's ``external_id`` and the key of the connector's state. A row
already sent unchanged is skipped; a changed one updates the person (``PATCH`` with ``If-Match``);
a new one is registered — or, when the registry already holds your institution's record with the
same PESEL (the state file was lost, another system registered it), that record is taken. Rows
the registry refuses are reported by line and case id, never by name, and the run goes on.
"""

from __future__ import annotations

import csv
import hashlib
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from splot_connector.state import State
from splot_sdk import PersonConflict, Splot, ensure_person, if_match_retry
from splot_sdk.clients.api.persons import get_person_v1_persons_person_id_get as get_person
from splot_sdk.clients.api.persons import update_person_v1_persons_person_id_patch as update_person
from splot_sdk.clients.models import PersonUpdate

#: Idempotency keys of the registrations are UUID5s of the row in this namespace (a row sent again
#: after a lost answer is answered as the first time; a changed row is a new request).
IDEMPOTENCY_NAMESPACE = uuid.UUID("6d1f0c4e-8b0a-4d8e-9a57-0c7e3b5f2a91")

#: Splot's field → the column of your export that holds it (edit the right-hand side).
COLUMNS: dict[str, str] = {
    "case_id": "case_id",
    "pesel": "pesel",
    "document_number": "document_number",
    "first_name": "first_name",
    "last_name": "last_name",
    "birth_date": "birth_date",
    "sex": "sex",
    "citizenship": "citizenship",
    "street": "street",
    "postal_code": "postal_code",
    "city": "city",
    "gmina": "gmina",
    "phone": "phone",
    "email": "email",
    "preferred_contact": "preferred_contact",
}


@dataclass
class MirrorReport:
    created: int = 0
    existing: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"created {self.created}, found existing {self.existing}, updated {self.updated}, "
            f"unchanged {self.unchanged}, failed {len(self.failed)}"
        )


def _fields(row: dict[str, str]) -> dict[str, str]:
    out = {}
    for name, column in COLUMNS.items():
        value = (row.get(column) or "").strip()
        if value and name != "case_id":
            out[name] = value
    return out


def _hash(fields: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        sample = handle.read(4096)
        handle.seek(0)
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t") if sample.strip() else csv.excel
        return list(csv.DictReader(handle, dialect=dialect))


def _problem(body: Any) -> str:
    if isinstance(body, dict):
        return str(body.get("code") or body.get("title") or "refused")
    return "refused"


def _update(splot: Splot, person_id: str, fields: dict[str, str]) -> tuple[int, str]:
    result = if_match_retry(
        read=lambda: get_person.sync_detailed(uuid.UUID(person_id), client=splot.clients),
        change=lambda _current: PersonUpdate.from_dict(fields),
        write=lambda body, etag: update_person.sync_detailed(
            uuid.UUID(person_id), client=splot.clients, body=body, if_match=etag
        ),
    )
    parsed = result.parsed
    code = _problem(parsed.to_dict()) if parsed is not None and result.status_code != 200 else ""
    return int(result.status_code), code


def mirror(splot: Splot, state: State, csv_path: Path) -> MirrorReport:
    report = MirrorReport()
    key = COLUMNS["case_id"]
    for line, row in enumerate(_rows(csv_path), start=2):
        case_id = (row.get(key) or "").strip()
        if not case_id:
            report.failed.append(f"line {line}: no {key}")
            continue
        fields = _fields(row)
        row_hash = _hash(fields)
        known = state.mirrored(case_id)
        if known is not None and known[1] == row_hash:
            report.unchanged += 1
            continue
        if known is not None:
            status, code = _update(splot, known[0], fields)
            if status != 200:
                report.failed.append(f"line {line} (case {case_id}): update refused {status} {code}")
                continue
            state.remember_row(case_id, known[0], row_hash)
            report.updated += 1
            continue
        try:
            person_id, created = ensure_person(
                splot.clients,
                {**fields, "external_id": case_id},
                idempotency_key=str(uuid.uuid5(IDEMPOTENCY_NAMESPACE, f"person:{case_id}:{row_hash}")),
            )
        except PersonConflict as refused:
            report.failed.append(f"line {line} (case {case_id}): {refused.status} {_problem(refused.body)}")
            continue
        except (KeyError, ValueError, TypeError) as invalid:  # a cell the models cannot take
            report.failed.append(f"line {line} (case {case_id}): invalid row ({type(invalid).__name__})")
            continue
        state.remember_row(case_id, person_id, row_hash)
        if created:
            report.created += 1
        else:
            report.existing += 1
    return report
