"""Bulk import of persons from an institution's own system (CSV or JSON).

Upsert keyed by (institution, external id). Per row: ``created``; ``matched`` (an existing person
with exactly this PESEL, which the institution now registers; identity is not overwritten);
``updated`` / ``unchanged`` (the external id is known: non-empty fields are applied); or
``rejected`` with a problem document. A row that only resembles someone (name and birth date,
or a document number) is refused as ``ambiguous_match``, never guessed. ``dry_run`` reports the
same outcomes without writing anything.

The upload is stored as rows and processed in batches (one transaction each) by a background
task after the response, or by the worker loop that also resumes abandoned jobs; progress is
``processed_rows / total_rows``. Row data is erased as soon as the row is processed.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

import structlog
from fastapi import FastAPI
from pydantic import ValidationError
from sqlalchemy import func, insert, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from splot.clients import events, identity, schemas
from splot.clients.access import Actor
from splot.clients.config import ClientsSettings
from splot.clients.matching import Known, Probe, score_candidates
from splot.clients.models import (
    AccessLog,
    ExternalRef,
    ImportJob,
    ImportRow,
    Person,
    PersonStatus,
    Registration,
)
from splot.common.db import utcnow
from splot.common.errors import PROBLEM_TYPE_BASE, Problem, forbidden, not_found
from splot.common.events import emit_many
from splot.common.observability import current_request_id
from splot.common.pagination import paginate

log = structlog.get_logger("splot.clients.imports")

COLUMNS = frozenset(schemas.ImportRecord.model_fields)
SQLITE_CACHE_KIB = 128 * 1024
#: Fields an update applies when the row has a value for them.
_UPDATABLE = (
    "document_number",
    "first_name",
    "last_name",
    "citizenship",
    "street",
    "postal_code",
    "city",
    "gmina",
    "phone",
    "email",
    "preferred_contact",
)


# --- upload ------------------------------------------------------------------------------------


def parse_csv(raw: bytes) -> list[dict[str, Any]]:
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Problem(422, "invalid_file", "the CSV file must be UTF-8 encoded") from exc
    first_line = content.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    reader = csv.DictReader(io.StringIO(content, newline=""), delimiter=delimiter)
    header = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
    if not header or not any(header):
        raise Problem(422, "empty_import", "the file has no header row")
    unknown = sorted(set(header) - COLUMNS)
    if unknown:
        raise Problem(
            422,
            "unknown_columns",
            "unknown column(s): " + ", ".join(h[:40] for h in unknown[:10]),
            allowed_columns=sorted(COLUMNS),
        )
    if "external_id" not in header:
        raise Problem(422, "missing_columns", "the external_id column is required")
    reader.fieldnames = header
    rows: list[dict[str, Any]] = []
    try:
        for row in reader:
            rows.append(
                {
                    k: (v.strip() or None) if isinstance(v, str) else None
                    for k, v in row.items()
                    if k in COLUMNS
                }
            )
    except csv.Error as exc:
        raise Problem(422, "invalid_file", "the CSV file cannot be read") from exc
    return rows


def parse_json(raw: bytes) -> list[dict[str, Any]]:
    try:
        document = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise Problem(400, "malformed_json", "request body is not valid JSON") from exc
    rows = document.get("rows") if isinstance(document, dict) else document
    if not isinstance(rows, list):
        raise Problem(422, "invalid_file", 'send a JSON array of rows or {"rows": [...]}')
    if not all(isinstance(row, dict) for row in rows):
        raise Problem(422, "invalid_file", "every row must be a JSON object")
    return rows


async def create_job(
    session: AsyncSession,
    *,
    actor: Actor,
    rows: list[dict[str, Any]],
    source_format: str,
    dry_run: bool,
    settings: ClientsSettings,
) -> ImportJob:
    if not (actor.is_coordinator or actor.principal.kind == "client"):
        raise forbidden("imports are run by a coordinator or the institution's own system")
    if not rows:
        raise Problem(422, "empty_import", "the import has no rows")
    if len(rows) > settings.import_max_rows:
        raise Problem(422, "too_many_rows", f"an import has at most {settings.import_max_rows} rows")
    job = ImportJob(
        institution_id=actor.institution_id,
        created_by=actor.subject[:128],
        status="queued",
        dry_run=dry_run,
        source_format=source_format,
        total_rows=len(rows),
        processed_rows=0,
    )
    session.add(job)
    await session.flush()
    chunk = 5000
    for start in range(0, len(rows), chunk):
        await session.execute(
            insert(ImportRow),
            [
                {
                    "job_id": job.id,
                    "row_number": start + i + 1,
                    "data": row,
                    "external_id": row.get("external_id")[:64]
                    if isinstance(row.get("external_id"), str)
                    else None,
                }
                for i, row in enumerate(rows[start : start + chunk])
            ],
        )
    return job


def job_read(job: ImportJob) -> schemas.ImportRead:
    return schemas.ImportRead(
        id=job.id,
        institution_id=job.institution_id,
        status=job.status,
        dry_run=job.dry_run,
        source_format=job.source_format,
        total_rows=job.total_rows,
        processed_rows=job.processed_rows,
        progress=round(job.processed_rows / job.total_rows, 4) if job.total_rows else 1.0,
        counts=schemas.ImportCounts(
            created=job.created_count,
            matched=job.matched_count,
            updated=job.updated_count,
            unchanged=job.unchanged_count,
            rejected=job.rejected_count,
        ),
        created_at=job.created_at,
        started_at=job.started_at,
        finished_at=job.finished_at,
    )


async def get_job(session: AsyncSession, *, actor: Actor, job_id: uuid.UUID) -> ImportJob:
    job = await session.get(ImportJob, job_id, populate_existing=True)
    if job is None or job.institution_id != actor.institution_id:
        raise not_found("import")
    return job


async def list_jobs(
    session: AsyncSession, *, actor: Actor, cursor: str | None, limit: int | None
) -> tuple[list[ImportJob], str | None]:
    return await paginate(
        session,
        select(ImportJob).where(ImportJob.institution_id == actor.institution_id),
        order_by=[ImportJob.created_at, ImportJob.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )


async def list_rows(
    session: AsyncSession,
    *,
    actor: Actor,
    job_id: uuid.UUID,
    outcome: str | None,
    cursor: str | None,
    limit: int | None,
) -> tuple[list[ImportRow], str | None]:
    job = await get_job(session, actor=actor, job_id=job_id)
    stmt = select(ImportRow).where(ImportRow.job_id == job.id)
    if outcome:
        stmt = stmt.where(ImportRow.outcome == outcome)
    return await paginate(session, stmt, order_by=[ImportRow.row_number], cursor=cursor, limit=limit)


# --- processing --------------------------------------------------------------------------------


def _problem(code: str, detail: str, errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
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


@dataclass
class _PersonState:
    id: uuid.UUID
    status: str
    merged_into_id: uuid.UUID | None
    pesel: str | None
    document_number: str | None
    first_norm: str | None
    last_norm: str | None
    birth_date: date | None
    fields: dict[str, Any]
    version: int
    birth_year: int
    sex: str
    gmina: str | None
    registered_by: uuid.UUID

    def known(self) -> Known:
        return Known(
            self.id, self.pesel, self.document_number, self.first_norm, self.last_norm, self.birth_date
        )


@dataclass
class _Batch:
    """What one batch writes, in bulk, at its end."""

    persons: list[dict[str, Any]] = field(default_factory=list)
    person_updates: list[dict[str, Any]] = field(default_factory=list)
    registrations: list[dict[str, Any]] = field(default_factory=list)
    refs: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    audit: list[dict[str, Any]] = field(default_factory=list)
    results: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))


@dataclass
class _DryRunMemory:
    """Dry runs write nothing, so rows earlier in the file are remembered to report later ones
    as the real run would."""

    pesels: dict[str, uuid.UUID] = field(default_factory=dict)
    external_ids: dict[str, uuid.UUID] = field(default_factory=dict)
    knowns: dict[date, list[Known]] = field(default_factory=lambda: defaultdict(list))


_PERSON_COLUMNS = (
    Person.id,
    Person.status,
    Person.merged_into_id,
    Person.pesel,
    Person.document_number,
    Person.first_name_norm,
    Person.last_name_norm,
    Person.birth_date,
    Person.first_name,
    Person.last_name,
    Person.citizenship,
    Person.street,
    Person.postal_code,
    Person.city,
    Person.gmina,
    Person.phone,
    Person.email,
    Person.preferred_contact,
    Person.version,
    Person.birth_year,
    Person.sex,
    Person.registered_by_institution_id,
)


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, StrEnum) else value


def _state(row: Any) -> _PersonState:
    return _PersonState(
        id=row.id,
        status=row.status,
        merged_into_id=row.merged_into_id,
        pesel=row.pesel,
        document_number=row.document_number,
        first_norm=row.first_name_norm,
        last_norm=row.last_name_norm,
        birth_date=row.birth_date,
        fields={f: getattr(row, f) for f in _UPDATABLE},
        version=row.version,
        birth_year=row.birth_year,
        sex=row.sex,
        gmina=row.gmina,
        registered_by=row.registered_by_institution_id,
    )


class _Processor:
    def __init__(self, session: AsyncSession, job: ImportJob, settings: ClientsSettings) -> None:
        self.session = session
        self.job = job
        self.settings = settings
        self.institution_id = job.institution_id
        self.memory = _DryRunMemory()

    async def _prefetch(self, records: list[tuple[ImportRow, schemas.ImportRecord, Probe]]) -> None:
        ext_ids = [rec.external_id for _, rec, _ in records]
        pesels = [p.pesel for _, _, p in records if p.pesel]
        docs = [p.document_number for _, _, p in records if p.document_number]
        self.refs: dict[str, uuid.UUID] = dict(
            (
                await self.session.execute(
                    select(ExternalRef.external_id, ExternalRef.person_id).where(
                        ExternalRef.institution_id == self.institution_id,
                        ExternalRef.external_id.in_(ext_ids),
                    )
                )
            ).all()
        )
        # One query per index (an OR across columns would scan the whole table on SQLite), and
        # birth-date candidates only for rows that still need fuzzy matching: a row with a PESEL
        # can only resemble a record without one (two different PESELs are two people).
        rows: dict[uuid.UUID, Any] = {}

        async def load(condition: Any) -> None:
            for r in (await self.session.execute(select(*_PERSON_COLUMNS).where(condition))).all():
                rows[r.id] = r

        await load(Person.id.in_(set(self.refs.values())))
        if pesels:
            await load(Person.pesel.in_(pesels))
        if docs:
            await load(Person.document_number.in_(docs))
        known_pesels = {r.pesel for r in rows.values() if r.pesel}
        pending = [
            p for _, rec, p in records if rec.external_id not in self.refs and p.pesel not in known_pesels
        ]
        all_dates = {p.birth_date for p in pending if p.birth_date and not p.pesel}
        unpesel_dates = {p.birth_date for p in pending if p.birth_date and p.pesel} - all_dates
        if all_dates:
            await load(Person.birth_date.in_(all_dates))
        if unpesel_dates:
            await load(Person.birth_date.in_(unpesel_dates) & Person.pesel.is_(None))
        survivors = {r.merged_into_id for r in rows.values() if r.merged_into_id} - set(rows)
        if survivors:
            for r in (
                await self.session.execute(select(*_PERSON_COLUMNS).where(Person.id.in_(survivors)))
            ).all():
                rows[r.id] = r
        self.persons: dict[uuid.UUID, _PersonState] = {r.id: _state(r) for r in rows.values()}
        self.by_pesel = {
            p.pesel: p.id for p in self.persons.values() if p.pesel and p.status == PersonStatus.active
        }
        self.by_date: dict[date, list[Known]] = defaultdict(list)
        self.by_doc: dict[str, list[Known]] = defaultdict(list)
        for p in self.persons.values():
            if p.status != PersonStatus.active:
                continue
            if p.birth_date:
                self.by_date[p.birth_date].append(p.known())
            if p.document_number:
                self.by_doc[p.document_number].append(p.known())
        self.registered = set(
            (
                await self.session.scalars(
                    select(Registration.person_id).where(
                        Registration.institution_id == self.institution_id,
                        Registration.person_id.in_(list(self.persons)),
                    )
                )
            ).all()
        )

    def _reject(self, batch: _Batch, row: ImportRow, problem: dict[str, Any]) -> None:
        batch.counts["rejected"] += 1
        batch.results.append(
            {"id": row.id, "outcome": "rejected", "person_id": None, "problem": problem, "data": None}
        )

    def _done(self, batch: _Batch, row: ImportRow, outcome: str, person_id: uuid.UUID) -> None:
        batch.counts[outcome] += 1
        batch.results.append(
            {"id": row.id, "outcome": outcome, "person_id": person_id, "problem": None, "data": None}
        )

    def _audit(
        self,
        batch: _Batch,
        person_id: uuid.UUID,
        action: str,
        now: datetime,
        *,
        legal_basis: str = "registration",
    ) -> None:
        batch.audit.append(
            {
                "id": uuid.uuid4(),
                "occurred_at": now,
                "subject": self.job.created_by,
                "subject_kind": "import",
                "institution_id": self.institution_id,
                "person_id": person_id,
                "action": action,
                "resource": f"import {self.job.id}",
                "legal_basis": legal_basis,
                "basis_ref": None,
                "reason": None,
                "request_id": current_request_id(),
            }
        )

    def _event(
        self, batch: _Batch, event_type: str, state: _PersonState, now: datetime, **extra: Any
    ) -> None:
        batch.events.append(
            {
                "id": uuid.uuid4(),
                "type": event_type,
                "aggregate_type": "person",
                "aggregate_id": str(state.id),
                "occurred_at": now,
                "payload": {
                    **events.person_payload_of(
                        person_id=state.id,
                        birth_year=state.birth_year,
                        sex=state.sex,
                        gmina=state.gmina,
                        registering_institution_id=state.registered_by,
                        status=PersonStatus.active,
                    ),
                    **extra,
                },
            }
        )

    def _register(self, batch: _Batch, person_id: uuid.UUID, external_id: str, now: datetime) -> bool:
        newly = person_id not in self.registered
        if newly:
            self.registered.add(person_id)
            batch.registrations.append(
                {
                    "id": uuid.uuid4(),
                    "person_id": person_id,
                    "institution_id": self.institution_id,
                    "registered_at": now,
                    "registered_by": self.job.created_by,
                    "how": "import",
                }
            )
        batch.refs.append(
            {
                "id": uuid.uuid4(),
                "institution_id": self.institution_id,
                "external_id": external_id,
                "person_id": person_id,
                "created_at": now,
            }
        )
        self.refs[external_id] = person_id
        return newly

    def _row(
        self, batch: _Batch, row: ImportRow, rec: schemas.ImportRecord, probe: Probe, sex: str, now: datetime
    ) -> None:
        dry = self.job.dry_run
        if dry and rec.external_id in self.memory.external_ids:
            self._done(batch, row, "updated", self.memory.external_ids[rec.external_id])
            return
        person_id = self.refs.get(rec.external_id)
        if person_id is not None:
            self._update(batch, row, rec, probe, person_id, now)
            return
        if probe.pesel:
            existing = self.by_pesel.get(probe.pesel) or (
                self.memory.pesels.get(probe.pesel) if dry else None
            )
            if existing is not None:
                if not dry:
                    newly = self._register(batch, existing, rec.external_id, now)
                    self._audit(batch, existing, "import_match", now)
                    if newly and existing in self.persons:
                        self._event(
                            batch,
                            "person.registered",
                            self.persons[existing],
                            now,
                            institution_id=str(self.institution_id),
                        )
                else:
                    # A dry run reveals the registry id as a real run would (which registers the
                    # person), so it is audited like the identity lookup it amounts to.
                    self.memory.external_ids[rec.external_id] = existing
                    self._audit(batch, existing, "import_dry_run_match", now, legal_basis="identity_lookup")
                self._done(batch, row, "matched", existing)
                return
        candidates = list(self.by_date.get(probe.birth_date, [])) if probe.birth_date else []
        if probe.document_number:
            candidates += self.by_doc.get(probe.document_number, [])
        if dry and probe.birth_date:
            candidates += self.memory.knowns.get(probe.birth_date, [])
        if score_candidates(probe, candidates, threshold=self.settings.match_name_threshold):
            self._reject(
                batch,
                row,
                _problem(
                    "ambiguous_match",
                    "a person with a similar name and the same birth date or document exists; "
                    "add the PESEL or register this person by hand",
                ),
            )
            return
        new_id = uuid.uuid4()
        state = _PersonState(
            id=new_id,
            status=PersonStatus.active,
            merged_into_id=None,
            pesel=probe.pesel,
            document_number=probe.document_number,
            first_norm=probe.first_norm,
            last_norm=probe.last_norm,
            birth_date=probe.birth_date,
            fields={name: _plain(getattr(rec, name)) for name in _UPDATABLE},
            version=1,
            birth_year=probe.birth_date.year if probe.birth_date else 0,
            sex=sex,
            gmina=rec.gmina,
            registered_by=self.institution_id,
        )
        known = state.known()
        if not dry:
            self.persons[new_id] = state
        if probe.birth_date:
            (self.memory.knowns if dry else self.by_date)[probe.birth_date].append(known)
        if dry:
            if probe.pesel:
                self.memory.pesels[probe.pesel] = new_id
            self.memory.external_ids[rec.external_id] = new_id
            self._done(batch, row, "created", new_id)
            return
        if probe.pesel:
            self.by_pesel[probe.pesel] = new_id
        if probe.document_number:
            self.by_doc[probe.document_number].append(known)
        batch.persons.append(
            {
                "id": new_id,
                "status": PersonStatus.active,
                "pesel": probe.pesel,
                "document_number": probe.document_number,
                "first_name": rec.first_name,
                "last_name": rec.last_name,
                "first_name_norm": probe.first_norm,
                "last_name_norm": probe.last_norm,
                "birth_date": probe.birth_date,
                "birth_year": state.birth_year,
                "sex": sex,
                "citizenship": rec.citizenship,
                "street": rec.street,
                "postal_code": rec.postal_code,
                "city": rec.city,
                "gmina": rec.gmina,
                "phone": rec.phone,
                "email": rec.email,
                "preferred_contact": rec.preferred_contact.value if rec.preferred_contact else None,
                "registered_by_institution_id": self.institution_id,
                "last_activity_at": now,
                "created_at": now,
                "updated_at": now,
                "version": 1,
            }
        )
        self.registered.add(new_id)
        batch.registrations.append(
            {
                "id": uuid.uuid4(),
                "person_id": new_id,
                "institution_id": self.institution_id,
                "registered_at": now,
                "registered_by": self.job.created_by,
                "how": "import",
            }
        )
        batch.refs.append(
            {
                "id": uuid.uuid4(),
                "institution_id": self.institution_id,
                "external_id": rec.external_id,
                "person_id": new_id,
                "created_at": now,
            }
        )
        self.refs[rec.external_id] = new_id
        self._event(batch, "person.created", state, now)
        self._audit(batch, new_id, "import_create", now)
        self._done(batch, row, "created", new_id)

    def _update(
        self,
        batch: _Batch,
        row: ImportRow,
        rec: schemas.ImportRecord,
        probe: Probe,
        person_id: uuid.UUID,
        now: datetime,
    ) -> None:
        state = self.persons.get(person_id)
        if state is not None and state.status == PersonStatus.merged and state.merged_into_id:
            state = self.persons.get(state.merged_into_id)
        if state is None or state.status != PersonStatus.active:
            self._reject(
                batch, row, _problem("person_unavailable", "the person of this external_id was anonymised")
            )
            return
        if probe.pesel and state.pesel and probe.pesel != state.pesel:
            self._reject(batch, row, _problem("pesel_mismatch", "the PESEL differs from the one on record"))
            return
        if state.birth_date and probe.birth_date and state.birth_date != probe.birth_date:
            self._reject(
                batch, row, _problem("birth_date_mismatch", "the birth date differs from the one on record")
            )
            return
        changes: dict[str, Any] = {}
        if probe.pesel and not state.pesel:
            owner = self.by_pesel.get(probe.pesel)
            if owner is not None and owner != state.id:
                self._reject(batch, row, _problem("duplicate_pesel", "another record has this PESEL"))
                return
            changes["pesel"] = probe.pesel
        for name in _UPDATABLE:
            value = getattr(rec, name)
            if value is None:
                continue
            value = _plain(value)
            if state.fields.get(name) != value:
                changes[name] = value
        if "first_name" in changes:
            changes["first_name_norm"] = probe.first_norm
        if "last_name" in changes:
            changes["last_name_norm"] = probe.last_norm
        if not changes:
            self._done(batch, row, "unchanged", state.id)
            return
        if not self.job.dry_run:
            state.fields.update({k: v for k, v in changes.items() if k in _UPDATABLE})
            state.version += 1
            if "pesel" in changes:
                state.pesel = changes["pesel"]
                self.by_pesel[changes["pesel"]] = state.id
            if "gmina" in changes:
                state.gmina = changes["gmina"]
            batch.person_updates.append(
                {
                    "id": state.id,
                    **changes,
                    "version": state.version,
                    "updated_at": now,
                    "last_activity_at": now,
                }
            )
            self._event(batch, "person.updated", state, now)
            self._audit(batch, state.id, "import_update", now)
        self._done(batch, row, "updated", state.id)

    async def batch(self, rows: list[ImportRow]) -> _Batch:
        batch = _Batch()
        now = utcnow()
        parsed: list[tuple[ImportRow, schemas.ImportRecord, Probe, str]] = []
        for row in rows:
            data = row.data or {}
            try:
                rec = schemas.ImportRecord.model_validate(data)
            except ValidationError as exc:
                errors = [
                    {"loc": ["row", *[str(p) for p in e["loc"]]], "msg": e["msg"], "type": e["type"]}
                    for e in exc.errors(include_input=False, include_url=False)
                ]
                self._reject(batch, row, _problem("validation_error", "the row is not valid", errors))
                continue
            try:
                pesel, birth, sex = identity.reconcile(
                    pesel=rec.pesel, birth_date=rec.birth_date, sex=rec.sex.value if rec.sex else None
                )
            except identity.IdentityError as exc:
                self._reject(
                    batch,
                    row,
                    _problem(
                        exc.code,
                        exc.message,
                        [{"loc": ["row", exc.field], "msg": exc.message, "type": exc.code}],
                    ),
                )
                continue
            probe = Probe(
                pesel=pesel,
                document_number=rec.document_number,
                first_norm=identity.normalise_name(rec.first_name),
                last_norm=identity.normalise_name(rec.last_name),
                birth_date=birth,
            )
            parsed.append((row, rec, probe, sex))
        await self._prefetch([(r, rec, p) for r, rec, p, _ in parsed])
        for row, rec, probe, sex in parsed:
            self._row(batch, row, rec, probe, sex, now)
        return batch

    async def write(self, batch: _Batch) -> None:
        session = self.session
        if batch.persons:
            await session.execute(insert(Person.__table__), batch.persons)
        for values in batch.person_updates:
            table = Person.__table__
            changes = {k: v for k, v in values.items() if k != "id"}
            await session.execute(update(table).where(table.c.id == values["id"]).values(**changes))
        if batch.registrations:
            await session.execute(insert(Registration.__table__), batch.registrations)
        if batch.refs:
            await session.execute(insert(ExternalRef.__table__), batch.refs)
        if batch.events:
            await emit_many(session, batch.events)
        if batch.audit:
            await session.execute(insert(AccessLog.__table__), batch.audit)
        if batch.results:
            await session.execute(update(ImportRow), batch.results)


async def claim_job(session: AsyncSession, *, job_id: uuid.UUID, settings: ClientsSettings) -> bool:
    """Atomically take a queued (or abandoned) job; false when another worker has it."""
    now = utcnow()
    stale = now - timedelta(seconds=settings.import_stale_seconds)
    result = await session.execute(
        update(ImportJob)
        .where(
            ImportJob.id == job_id,
            or_(
                ImportJob.status == "queued",
                (ImportJob.status == "running") & (ImportJob.heartbeat_at < stale),
            ),
        )
        .values(status="running", heartbeat_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def process_job(
    session: AsyncSession,
    *,
    job_id: uuid.UUID,
    settings: ClientsSettings,
    commit: Callable[[], Awaitable[None]] | None = None,
) -> ImportJob:
    """Process a claimed job batch by batch; ``commit`` (background mode) ends each batch's
    transaction, inline mode leaves committing to the request."""
    job = await session.get(ImportJob, job_id, populate_existing=True)
    if job is None:
        raise not_found("import")
    if job.started_at is None:
        job.started_at = utcnow()
    if session.bind is not None and session.bind.dialect.name == "sqlite":
        # Random UUID keys make index inserts touch pages all over the B-trees: give this
        # connection a cache that holds them (SQLite's default is 2 MB).
        await session.execute(text(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}"))
    processor = _Processor(session, job, settings)
    # Rows are processed in order; a resumed job continues after the last processed row.
    last = (
        await session.scalar(
            select(func.max(ImportRow.row_number)).where(
                ImportRow.job_id == job.id, ImportRow.outcome.is_not(None)
            )
        )
    ) or 0
    while True:
        rows = list(
            (
                await session.scalars(
                    select(ImportRow)
                    .where(ImportRow.job_id == job.id, ImportRow.row_number > last)
                    .order_by(ImportRow.row_number)
                    .limit(settings.import_batch_size)
                )
            ).all()
        )
        if not rows:
            break
        last = rows[-1].row_number
        batch = await processor.batch(rows)
        await processor.write(batch)
        job.processed_rows += len(rows)
        job.created_count += batch.counts["created"]
        job.matched_count += batch.counts["matched"]
        job.updated_count += batch.counts["updated"]
        job.unchanged_count += batch.counts["unchanged"]
        job.rejected_count += batch.counts["rejected"]
        job.heartbeat_at = utcnow()
        await session.flush()
        for row in rows:
            session.expunge(row)
        if commit is not None:
            await commit()
    job.status = "completed"
    job.finished_at = utcnow()
    await session.flush()
    return job


async def run_job(
    maker: async_sessionmaker[AsyncSession], job_id: uuid.UUID, settings: ClientsSettings
) -> None:
    """Background processing of one job (after the upload's response, or by the worker)."""
    async with maker() as session:
        claimed = await claim_job(session, job_id=job_id, settings=settings)
        await session.commit()
        if not claimed:
            return
        try:
            await process_job(session, job_id=job_id, settings=settings, commit=session.commit)
            await session.commit()
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            await session.rollback()
            log.error("import_failed", job_id=str(job_id), exc_info=exc)
            await session.execute(
                update(ImportJob)
                .where(ImportJob.id == job_id)
                .values(status="failed", finished_at=utcnow())
                .execution_options(synchronize_session=False)
            )
            await session.commit()


async def import_worker(app: FastAPI) -> None:
    """Background task: pick up queued jobs and resume abandoned ones (another replica died)."""
    settings: ClientsSettings = app.state.settings
    if settings.import_poll_seconds <= 0:
        return
    while True:
        await asyncio.sleep(settings.import_poll_seconds)
        try:
            stale = utcnow() - timedelta(seconds=settings.import_stale_seconds)
            async with app.state.sessionmaker() as session:
                ids = (
                    await session.scalars(
                        select(ImportJob.id)
                        .where(
                            or_(
                                ImportJob.status == "queued",
                                (ImportJob.status == "running") & (ImportJob.heartbeat_at < stale),
                            )
                        )
                        .order_by(ImportJob.created_at)
                        .limit(5)
                    )
                ).all()
            for job_id in ids:
                await run_job(app.state.sessionmaker, job_id, settings)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.error("import_worker_failed", exc_info=exc)
