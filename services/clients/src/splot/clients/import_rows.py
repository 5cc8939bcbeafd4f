"""The decisions of a bulk import, row by row. Nothing here reads or writes the database: the
rows are decided against a :class:`RegistryView` (what the batch's rows refer to, loaded by
:mod:`splot.clients.import_batch`) and every decision is recorded in the :class:`Batch` that is
written in bulk at its end.

Per row: ``created``; ``matched`` (an existing person with exactly this PESEL, which the
institution now registers; identity is not overwritten); ``updated`` / ``unchanged`` (the external
id is known: non-empty fields are applied); or ``rejected`` with a problem document. A row that
only resembles someone (name and birth date, or a document number) is refused as
``ambiguous_match``, never guessed. A dry run decides the same without writing anything.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from splot.clients import events, schemas
from splot.clients.import_parse import Parsed, plain, problem
from splot.clients.matching import Known, Probe, score_candidates
from splot.clients.models import PersonStatus
from splot.common.observability import current_request_id

#: Fields an update applies when the row has a value for them.
UPDATABLE = (
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


@dataclass(frozen=True)
class JobContext:
    """The job the rows belong to."""

    job_id: uuid.UUID
    institution_id: uuid.UUID
    created_by: str
    dry_run: bool
    match_threshold: float


@dataclass
class PersonState:
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
class RegistryView:
    """What one batch's rows refer to, kept up to date as the batch decides its rows (so a later
    row sees a person an earlier row created)."""

    #: The institution's external ids → person.
    refs: dict[str, uuid.UUID]
    persons: dict[uuid.UUID, PersonState]
    #: Persons the institution has registered.
    registered: set[uuid.UUID]
    by_pesel: dict[str, uuid.UUID] = field(default_factory=dict)
    by_date: dict[date, list[Known]] = field(default_factory=lambda: defaultdict(list))
    by_doc: dict[str, list[Known]] = field(default_factory=lambda: defaultdict(list))

    def __post_init__(self) -> None:
        for p in self.persons.values():
            if p.status != PersonStatus.active:
                continue
            if p.pesel:
                self.by_pesel[p.pesel] = p.id
            if p.birth_date:
                self.by_date[p.birth_date].append(p.known())
            if p.document_number:
                self.by_doc[p.document_number].append(p.known())


@dataclass
class DryRunMemory:
    """Dry runs write nothing, so rows earlier in the file are remembered to report later ones
    as the real run would."""

    pesels: dict[str, uuid.UUID] = field(default_factory=dict)
    external_ids: dict[str, uuid.UUID] = field(default_factory=dict)
    knowns: dict[date, list[Known]] = field(default_factory=lambda: defaultdict(list))


@dataclass
class Batch:
    """What one batch writes, in bulk, at its end."""

    persons: list[dict[str, Any]] = field(default_factory=list)
    person_updates: list[dict[str, Any]] = field(default_factory=list)
    registrations: list[dict[str, Any]] = field(default_factory=list)
    refs: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    audit: list[dict[str, Any]] = field(default_factory=list)
    results: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def reject(self, row_id: int, problem: dict[str, Any]) -> None:
        # A rejected row keeps its data, for the download of the rejected rows (to correct and
        # upload again), until the import worker erases it (``import_rejected_keep_days``).
        self.counts["rejected"] += 1
        self.results.append({"id": row_id, "outcome": "rejected", "person_id": None, "problem": problem})

    def done(self, row_id: int, outcome: str, person_id: uuid.UUID) -> None:
        self.counts[outcome] += 1
        self.results.append(
            {"id": row_id, "outcome": outcome, "person_id": person_id, "problem": None, "data": None}
        )


# --- pure decisions ----------------------------------------------------------------------------


def pesel_match(view: RegistryView, memory: DryRunMemory, probe: Probe, *, dry: bool) -> uuid.UUID | None:
    """The person with exactly this PESEL (in a dry run, also one an earlier row would create)."""
    if not probe.pesel:
        return None
    return view.by_pesel.get(probe.pesel) or (memory.pesels.get(probe.pesel) if dry else None)


def is_ambiguous(
    view: RegistryView, memory: DryRunMemory, probe: Probe, *, dry: bool, threshold: float
) -> bool:
    """The row resembles someone (name and birth date, or document number): never guessed."""
    candidates = list(view.by_date.get(probe.birth_date, [])) if probe.birth_date else []
    if probe.document_number:
        candidates += view.by_doc.get(probe.document_number, [])
    if dry and probe.birth_date:
        candidates += memory.knowns.get(probe.birth_date, [])
    return bool(score_candidates(probe, candidates, threshold=threshold))


def update_of(
    view: RegistryView, person_id: uuid.UUID, rec: schemas.ImportRecord, probe: Probe
) -> tuple[PersonState, dict[str, Any]] | dict[str, Any]:
    """The person a known external id names (a merged one's survivor) and the changes the row
    brings (none: unchanged), or the problem that rejects the row."""
    state = view.persons.get(person_id)
    if state is not None and state.status == PersonStatus.merged and state.merged_into_id:
        state = view.persons.get(state.merged_into_id)
    if state is None or state.status != PersonStatus.active:
        return problem("person_unavailable", "the person of this external_id was anonymised")
    if probe.pesel and state.pesel and probe.pesel != state.pesel:
        return problem("pesel_mismatch", "the PESEL differs from the one on record")
    if state.birth_date and probe.birth_date and state.birth_date != probe.birth_date:
        return problem("birth_date_mismatch", "the birth date differs from the one on record")
    changes: dict[str, Any] = {}
    if probe.pesel and not state.pesel:
        owner = view.by_pesel.get(probe.pesel)
        if owner is not None and owner != state.id:
            return problem("duplicate_pesel", "another record has this PESEL")
        changes["pesel"] = probe.pesel
    for name in UPDATABLE:
        value = getattr(rec, name)
        if value is None:
            continue
        value = plain(value)
        if state.fields.get(name) != value:
            changes[name] = value
    if "first_name" in changes:
        changes["first_name_norm"] = probe.first_norm
    if "last_name" in changes:
        changes["last_name_norm"] = probe.last_norm
    return state, changes


def new_person(ctx: JobContext, parsed: Parsed) -> PersonState:
    probe, rec = parsed.probe, parsed.rec
    return PersonState(
        id=uuid.uuid4(),
        status=PersonStatus.active,
        merged_into_id=None,
        pesel=probe.pesel,
        document_number=probe.document_number,
        first_norm=probe.first_norm,
        last_norm=probe.last_norm,
        birth_date=probe.birth_date,
        fields={name: plain(getattr(rec, name)) for name in UPDATABLE},
        version=1,
        birth_year=probe.birth_date.year if probe.birth_date else 0,
        sex=parsed.sex,
        gmina=rec.gmina,
        registered_by=ctx.institution_id,
    )


# --- what the decisions write -------------------------------------------------------------------


def person_row(ctx: JobContext, state: PersonState, parsed: Parsed, now: datetime) -> dict[str, Any]:
    probe, rec = parsed.probe, parsed.rec
    return {
        "id": state.id,
        "status": PersonStatus.active,
        "pesel": probe.pesel,
        "document_number": probe.document_number,
        "first_name": rec.first_name,
        "last_name": rec.last_name,
        "first_name_norm": probe.first_norm,
        "last_name_norm": probe.last_norm,
        "birth_date": probe.birth_date,
        "birth_year": state.birth_year,
        "sex": parsed.sex,
        "citizenship": rec.citizenship,
        "street": rec.street,
        "postal_code": rec.postal_code,
        "city": rec.city,
        "gmina": rec.gmina,
        "phone": rec.phone,
        "email": rec.email,
        "preferred_contact": rec.preferred_contact.value if rec.preferred_contact else None,
        "registered_by_institution_id": ctx.institution_id,
        "last_activity_at": now,
        "created_at": now,
        "updated_at": now,
        "version": 1,
    }


def audit_row(
    ctx: JobContext, person_id: uuid.UUID, action: str, now: datetime, *, legal_basis: str = "registration"
) -> dict[str, Any]:
    return {
        "id": uuid.uuid4(),
        "occurred_at": now,
        "subject": ctx.created_by,
        "subject_kind": "import",
        "institution_id": ctx.institution_id,
        "person_id": person_id,
        "action": action,
        "resource": f"import {ctx.job_id}",
        "legal_basis": legal_basis,
        "basis_ref": None,
        "reason": None,
        "request_id": current_request_id(),
    }


def event_row(event_type: str, state: PersonState, now: datetime, **extra: Any) -> dict[str, Any]:
    return {
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


# --- deciding a row -----------------------------------------------------------------------------


@dataclass
class RowDecisions:
    """Decides a batch's rows in order, recording each outcome (and, unless a dry run, what it
    writes) in ``batch`` and keeping ``view`` and the dry run's ``memory`` up to date."""

    ctx: JobContext
    view: RegistryView
    memory: DryRunMemory
    batch: Batch

    def row(self, parsed: Parsed, now: datetime) -> None:
        dry, rec = self.ctx.dry_run, parsed.rec
        if dry and rec.external_id in self.memory.external_ids:
            self.batch.done(parsed.row_id, "updated", self.memory.external_ids[rec.external_id])
            return
        person_id = self.view.refs.get(rec.external_id)
        if person_id is not None:
            self._update(parsed, person_id, now)
            return
        existing = pesel_match(self.view, self.memory, parsed.probe, dry=dry)
        if existing is not None:
            self._match(parsed, existing, now)
            return
        if is_ambiguous(self.view, self.memory, parsed.probe, dry=dry, threshold=self.ctx.match_threshold):
            self.batch.reject(
                parsed.row_id,
                problem(
                    "ambiguous_match",
                    "a person with a similar name and the same birth date or document exists; "
                    "add the PESEL or register this person by hand",
                ),
            )
            return
        self._create(parsed, now)

    def _match(self, parsed: Parsed, existing: uuid.UUID, now: datetime) -> None:
        ctx, batch, external_id = self.ctx, self.batch, parsed.rec.external_id
        if not ctx.dry_run:
            newly = self._register(existing, external_id, now)
            batch.audit.append(audit_row(ctx, existing, "import_match", now))
            if newly and existing in self.view.persons:
                batch.events.append(
                    event_row(
                        "person.registered",
                        self.view.persons[existing],
                        now,
                        institution_id=str(ctx.institution_id),
                    )
                )
        else:
            # A dry run reveals the registry id as a real run would (which registers the
            # person), so it is audited like the identity lookup it amounts to.
            self.memory.external_ids[external_id] = existing
            batch.audit.append(
                audit_row(ctx, existing, "import_dry_run_match", now, legal_basis="identity_lookup")
            )
        batch.done(parsed.row_id, "matched", existing)

    def _create(self, parsed: Parsed, now: datetime) -> None:
        ctx, view, probe = self.ctx, self.view, parsed.probe
        state = new_person(ctx, parsed)
        known = state.known()
        if probe.birth_date:
            (self.memory.knowns if ctx.dry_run else view.by_date)[probe.birth_date].append(known)
        if ctx.dry_run:
            if probe.pesel:
                self.memory.pesels[probe.pesel] = state.id
            self.memory.external_ids[parsed.rec.external_id] = state.id
            self.batch.done(parsed.row_id, "created", state.id)
            return
        view.persons[state.id] = state
        if probe.pesel:
            view.by_pesel[probe.pesel] = state.id
        if probe.document_number:
            view.by_doc[probe.document_number].append(known)
        self.batch.persons.append(person_row(ctx, state, parsed, now))
        self._register(state.id, parsed.rec.external_id, now)
        self.batch.events.append(event_row("person.created", state, now))
        self.batch.audit.append(audit_row(ctx, state.id, "import_create", now))
        self.batch.done(parsed.row_id, "created", state.id)

    def _update(self, parsed: Parsed, person_id: uuid.UUID, now: datetime) -> None:
        decided = update_of(self.view, person_id, parsed.rec, parsed.probe)
        if isinstance(decided, dict):
            self.batch.reject(parsed.row_id, decided)
            return
        state, changes = decided
        if not changes:
            self.batch.done(parsed.row_id, "unchanged", state.id)
            return
        if not self.ctx.dry_run:
            state.fields.update({k: v for k, v in changes.items() if k in UPDATABLE})
            state.version += 1
            if "pesel" in changes:
                state.pesel = changes["pesel"]
                self.view.by_pesel[changes["pesel"]] = state.id
            if "gmina" in changes:
                state.gmina = changes["gmina"]
            self.batch.person_updates.append(
                {
                    "id": state.id,
                    **changes,
                    "version": state.version,
                    "updated_at": now,
                    "last_activity_at": now,
                }
            )
            self.batch.events.append(event_row("person.updated", state, now))
            self.batch.audit.append(audit_row(self.ctx, state.id, "import_update", now))
        self.batch.done(parsed.row_id, "updated", state.id)

    def _register(self, person_id: uuid.UUID, external_id: str, now: datetime) -> bool:
        """The institution registers the person (unless it has) under its external id."""
        ctx = self.ctx
        newly = person_id not in self.view.registered
        if newly:
            self.view.registered.add(person_id)
            self.batch.registrations.append(
                {
                    "id": uuid.uuid4(),
                    "person_id": person_id,
                    "institution_id": ctx.institution_id,
                    "registered_at": now,
                    "registered_by": ctx.created_by,
                    "how": "import",
                }
            )
        self.batch.refs.append(
            {
                "id": uuid.uuid4(),
                "institution_id": ctx.institution_id,
                "external_id": external_id,
                "person_id": person_id,
                "created_at": now,
            }
        )
        self.view.refs[external_id] = person_id
        return newly
