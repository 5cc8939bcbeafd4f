"""Local partnerships of the synthetic country (issue #15 data): in about 60 % of the powiats the
PUP, the OPS/CUS of some gminas, a few NGOs and sometimes the CIS form a partnership. Most have an
agreement confirmed by every party (some amended a year on), a coordinator, a plan with tasks, a
service standard, yearly targets, meetings spread over the years and a yearly evaluation by each
party; a few are still being formed (invitations unanswered) or wait for a confirmation.

Written with COPY into the directory's tables, with the ``partnership.*``, ``agreement.*`` and
``evaluation.submitted`` events the API would have written (each payload as of its day), and the
reporting rows its ingestion derives from the newest of them (partnership and agreement
dimensions, memberships, the problem areas evaluations name)."""

from __future__ import annotations

import random
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import splot.directory.events  # noqa: F401 - declares the partnership events
from splot.common import problem_areas
from splot.common.events import check_payload
from splot.directory.partnerships.lifecycle import agreement_status, in_force_from
from splot.embedded.national import partnership_work as work
from splot.embedded.national.bulk import Loader, dumps
from splot.embedded.national.institutions import Institution, new_uuid
from splot.embedded.national.lifecycle import GENERATOR
from splot.embedded.national.territory import powiats
from splot.reporting.practices.problem_areas import period_days

#: Share of the powiats with a partnership; of those, the shares still forming or pending.
SHARE, INITIATIVE, PENDING = 0.6, 0.05, 0.07


@dataclass
class Agreement:
    """An agreement version (the fields ``lifecycle.agreement_status`` reads, and the rest)."""

    id: uuid.UUID
    number: int
    party_ids: list[uuid.UUID]
    created_at: datetime
    valid_from: date
    valid_to: date | None
    partnership_id: uuid.UUID | None = None
    amends_id: uuid.UUID | None = None
    confirmations: list[tuple[uuid.UUID, datetime]] = field(default_factory=list)
    confirmed_on: date | None = None
    terminated_on: date | None = None
    superseded_on: date | None = None
    version: int = 1
    changed_on: date | None = None


@dataclass
class Party:
    institution: Institution
    state: str  # party, invited or declined
    invited_at: datetime
    answered_at: datetime | None = None

    @property
    def joined_on(self) -> date | None:
        return self.answered_at.date() if self.state == "party" and self.answered_at else None


@dataclass
class Partnership:
    id: uuid.UUID
    powiat: str
    leader: Institution
    parties: list[Party]
    created_at: datetime
    programme: str | None
    version: int = 1
    coordinator: str | None = None
    agreements: list[Agreement] = field(default_factory=list)
    updated_at: datetime | None = None

    def party_ids(self, at: datetime) -> list[uuid.UUID]:
        """The parties once the answers given by ``at`` are in."""
        return sorted(
            p.institution.id for p in self.parties
            if p.state == "party" and p.answered_at is not None and p.answered_at <= at
        )  # fmt: skip

    def status(self, day: date) -> str:
        states = [agreement_status(a, day).value for a in self.agreements if a.created_at.date() <= day]
        return "in_force" if "in_force" in states else (states[-1] if states else "initiative")


@dataclass
class Loaded:
    """What the surveys build on: the institutions in a partnership whose agreement is in force
    (by the day it came in force)."""

    in_force_since: dict[uuid.UUID, date] = field(default_factory=dict)
    partnerships: int = 0
    #: (a party, its partnership, the day the agreement came in force): who may describe a practice.
    authors: list[tuple[Institution, uuid.UUID, date]] = field(default_factory=list)


def _at(rng: random.Random, day: date) -> datetime:
    return datetime(day.year, day.month, day.day, rng.randint(7, 14), rng.randint(0, 59), tzinfo=UTC)


def _month_after(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


class Builder:
    """The partnerships of the country and everything they record, as rows and events."""

    def __init__(
        self,
        rng: random.Random,
        now: datetime,
        since: datetime,
        programmes: Sequence[str],
        service_types: set[str],
    ) -> None:
        self.rng, self.now, self.since = rng, now, since
        self.today = now.date()
        self.programmes = list(programmes)
        self.service_types = service_types
        self.rows: dict[str, list[dict[str, Any]]] = {}
        self.events: list[dict[str, Any]] = []
        self.loaded = Loaded()

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.rows.setdefault(table, []).append(row)

    def event(self, kind: str, aggregate: str, payload: dict[str, Any], at: datetime) -> None:
        self.events.append(
            {"id": new_uuid(self.rng), "type": kind, "aggregate_type": aggregate,
             "aggregate_id": payload["id"], "occurred_at": at, "payload": payload}
        )  # fmt: skip

    # --- the partnership and its parties -----------------------------------------------------

    def partnership(self, powiat: str, name: str, members: list[Institution]) -> None:
        rng = self.rng
        pup = next(i for i in members if i.type == "PUP")
        social = [i for i in members if i.type in ("OPS", "CUS")]
        ngos = [i for i in members if i.type == "NGO"]
        seat = [i for i in social if i.teryt == pup.teryt][:1] or social[:1]
        others = [i for i in social if i not in seat]
        chosen = [pup, *seat, *rng.sample(others, min(len(others), rng.randint(0, 3)))]
        chosen += rng.sample(ngos, min(len(ngos), rng.randint(1, 3)))
        chosen += [i for i in members if i.type == "CIS" and rng.random() < 0.5]
        leader = seat[0] if seat and rng.random() < 0.6 else pup
        draw = rng.random()
        kind = (
            "initiative" if draw < INITIATIVE else "pending" if draw < INITIATIVE + PENDING else "confirmed"
        )
        window = (self.now - self.since).days
        if kind == "confirmed":
            start = self.since.date() + timedelta(days=int(window * 0.7 * rng.random() ** 1.5))
        else:
            start = self.today - timedelta(days=rng.randint(25, 150))
        created = _at(rng, start)
        parties = [Party(leader, "party", created, created)]
        for inst in chosen:
            if inst is not leader:
                parties.append(Party(inst, "invited", created))
        declined = [i for i in ngos if i not in chosen]
        if declined and rng.random() < 0.15:
            parties.append(Party(rng.choice(declined), "invited", created))
        p = Partnership(
            new_uuid(rng), powiat, leader, parties, created,
            rng.choice(self.programmes) if self.programmes and rng.random() < 0.4 else None,
        )  # fmt: skip
        self.loaded.partnerships += 1
        self._partnership_event("partnership.created", p, created)
        last = self._answers(p, kind, declined_last=len(parties) > len(chosen))
        if kind != "initiative":
            self._agreements(p, kind, last)
        self._rows(p, name)

    def _answers(self, p: Partnership, kind: str, *, declined_last: bool) -> datetime:
        rng, last = self.rng, p.created_at
        for n, party in enumerate(p.parties[1:], start=1):
            at = _at(rng, p.created_at.date() + timedelta(days=rng.randint(2, 25)))
            if at.date() >= self.today or (kind == "initiative" and rng.random() < 0.4):
                continue  # not answered yet
            party.state = "declined" if declined_last and n == len(p.parties) - 1 else "party"
            party.answered_at = at
            last = max(last, at)
        for party in sorted(p.parties[1:], key=lambda x: x.answered_at or self.now):
            if party.answered_at is not None:
                p.version += 1
                self._partnership_event("partnership.invitation_answered", p, party.answered_at)
        return last

    def _partnership_event(self, kind: str, p: Partnership, at: datetime) -> None:
        day = at.date()
        p.updated_at = at
        self.event(kind, "partnership", {
            "id": str(p.id), "leader_institution_id": str(p.leader.id), "area_teryt": [p.powiat],
            "party_ids": [str(i) for i in p.party_ids(at)],
            "parties": [
                {"institution_id": str(x.institution.id), "joined_on": x.joined_on.isoformat(), "left_on": None}
                for x in sorted(p.parties, key=lambda x: str(x.institution.id))
                if x.joined_on is not None and x.answered_at is not None and x.answered_at <= at
            ],
            "invited_ids": sorted(
                str(x.institution.id) for x in p.parties
                if x.state == "invited" or (x.answered_at is not None and x.answered_at > at)
            ),
            "status": p.status(day), "programme": p.programme, "version": p.version,
        }, at)  # fmt: skip

    # --- agreements ---------------------------------------------------------------------------

    def _agreements(self, p: Partnership, kind: str, answered: datetime) -> None:
        rng = self.rng
        created = answered + timedelta(days=rng.randint(5, 25))
        if created >= self.now - timedelta(days=1):
            return  # the parties have only just answered
        first = self._agreement(p, 1, created, complete=kind == "confirmed")
        if first.confirmed_on is None:
            return
        appointed = _at(rng, first.confirmed_on + timedelta(days=rng.randint(1, 10)))
        if appointed < self.now:  # the coordinator, named once the agreement is confirmed
            p.version += 1
            p.coordinator = work.person(rng)
            self._partnership_event("partnership.updated", p, appointed)
        self.loaded.in_force_since.update(
            {i: min(in_force_from(first) or self.today, self.loaded.in_force_since.get(i, self.today))
             for i in first.party_ids}
        )  # fmt: skip
        start = in_force_from(first)
        assert start is not None
        author = rng.choice([x.institution for x in p.parties if x.institution.id in first.party_ids])
        self.loaded.authors.append((author, p.id, start))
        amend_at = _at(rng, start + timedelta(days=rng.randint(300, 520)))
        if rng.random() < 0.25 and amend_at.date() < self.today - timedelta(days=40):
            second = self._agreement(p, 2, amend_at, complete=rng.random() < 0.85, amends=first)
            if second.confirmed_on is not None:
                first.superseded_on = in_force_from(second)
                first.version += 1
                first.changed_on = second.confirmed_on
                at = max(c[1] for c in second.confirmations)
                self.event("agreement.superseded", "agreement", self._agreement_payload(first, at.date()), at)

    def _agreement(
        self,
        p: Partnership,
        number: int,
        created: datetime,
        *,
        complete: bool,
        amends: Agreement | None = None,
    ) -> Agreement:
        rng = self.rng
        parties = p.party_ids(created)
        valid_from = _month_after(created.date() + timedelta(days=10))
        valid_to = (
            valid_from.replace(year=valid_from.year + 3) - timedelta(days=1) if rng.random() < 0.3 else None
        )
        a = Agreement(
            new_uuid(rng), number, parties, created, valid_from, valid_to, p.id, amends.id if amends else None
        )
        a.changed_on = created.date()
        p.agreements.append(a)
        self.event("agreement.created", "agreement", self._agreement_payload(a, created.date()), created)
        times = sorted(_at(rng, created.date() + timedelta(days=rng.randint(1, 28))) for _ in parties)
        order = rng.sample(parties, len(parties))
        if not complete:
            times = times[: rng.randint(1, len(parties) - 1)] if len(parties) > 1 else []
        for institution_id, at in zip(order, times, strict=False):
            if at >= self.now:
                break
            a.confirmations.append((institution_id, at))
            a.version += 1
            a.changed_on = at.date()
            if len(a.confirmations) == len(parties):
                a.confirmed_on = at.date()
            self.event("agreement.confirmed", "agreement", self._agreement_payload(a, at.date()), at)
        return a

    @staticmethod
    def _agreement_payload(a: Agreement, day: date) -> dict[str, Any]:
        ended = [d for d in (a.terminated_on, a.superseded_on) if d is not None]
        return {
            "id": str(a.id), "party_ids": sorted(str(i) for i in a.party_ids),
            "valid_from": a.valid_from.isoformat(), "valid_to": a.valid_to.isoformat() if a.valid_to else None,
            "version": a.version, "partnership_id": str(a.partnership_id), "number": a.number,
            "status": agreement_status(a, day).value,
            "confirmed_on": a.confirmed_on.isoformat() if a.confirmed_on else None,
            "ended_on": min(ended).isoformat() if ended else None,
        }  # fmt: skip

    # --- the directory's rows -------------------------------------------------------------------

    def _rows(self, p: Partnership, powiat_name: str) -> None:
        rng = self.rng
        self.add("partnership", {
            "id": p.id, "version": p.version, "created_at": p.created_at, "updated_at": p.updated_at,
            "name": work.partnership_name(rng, powiat_name)[:300], "purpose": rng.choice(work.PURPOSES),
            "area_teryt": dumps([p.powiat]), "proposed_by_institution_id": p.leader.id,
            "leader_institution_id": p.leader.id, "coordinator_subject": GENERATOR if p.coordinator else None,
            "coordinator_name": p.coordinator, "programme": p.programme,
        })  # fmt: skip
        for n, party in enumerate(p.parties):
            self.add("partnership_party", {
                "id": new_uuid(rng), "partnership_id": p.id, "institution_id": party.institution.id,
                "state": party.state, "invited_at": party.invited_at, "answered_at": party.answered_at,
                "joined_on": party.joined_on, "left_on": None,
                "contact_name": work.person(rng) if party.state == "party" else None,
                "contact_email": f"partnerstwo{n}.{str(party.institution.id)[:8]}@example.pl"
                if party.state == "party" else None,
                "contact_phone": None,
            })  # fmt: skip
        for a in p.agreements:
            self._agreement_rows(p, a)
        agreed = next((a for a in p.agreements if a.confirmed_on is not None), None)
        work.add(self, p, agreed)

    def _agreement_rows(self, p: Partnership, a: Agreement) -> None:
        self.add("partnership_agreement", {
            "id": a.id, "version": a.version, "created_at": a.created_at,
            "updated_at": max([a.created_at, *(c[1] for c in a.confirmations)]),
            "title": "Porozumienie partnerskie" if a.number == 1 else f"Aneks nr {a.number - 1} do porozumienia",
            "document_number": f"PART/{p.powiat}/{a.created_at.year}/{a.number}",
            "scope": work.SCOPES[a.number > 1], "valid_from": a.valid_from, "valid_to": a.valid_to,
            "created_by_institution_id": p.leader.id, "partnership_id": p.id, "number": a.number,
            "amends_id": a.amends_id, "annexes": dumps([work.ANNEX]), "confirmed_on": a.confirmed_on,
            "terminated_on": None, "termination_reason": None, "superseded_on": a.superseded_on,
            "status_recorded": agreement_status(a, a.changed_on or a.created_at.date()).value,
        })  # fmt: skip
        for institution_id in a.party_ids:
            self.add("agreement_party", {"agreement_id": a.id, "institution_id": institution_id})
        for institution_id, at in a.confirmations:
            self.add("agreement_confirmation", {
                "agreement_id": a.id, "institution_id": institution_id, "confirmed_by_subject": GENERATOR,
                "confirmed_by_role": self.rng.choice(("coordinator", "institution_admin")), "confirmed_at": at,
            })  # fmt: skip


# --- reporting: what ingestion derives from the newest events -----------------------------------


def reporting_rows(events: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """``partnership_dim``, ``partnership_party``, ``agreement_dim``, ``agreement_party`` and
    ``evaluation_area_fact`` as the reporting handlers leave them after ``events`` (in order)."""
    newest: dict[tuple[str, str], dict[str, Any]] = {}
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in (
        "partnership_dim", "partnership_party", "agreement_dim", "agreement_party", "evaluation_area_fact")}  # fmt: skip
    known = set(problem_areas.codes())
    for e in events:
        p = e["payload"]
        if e["aggregate_type"] == "evaluation":
            first, last = period_days(p["period"])
            rows["evaluation_area_fact"].append({
                "evaluation_id": uuid.UUID(p["id"]), "partnership_id": uuid.UUID(p["partnership_id"]),
                "institution_id": uuid.UUID(p["institution_id"]), "period": p["period"], "first_day": first,
                "last_day": last, "problem_areas": dumps([c for c in p["problem_areas"] if c in known]),
                "submitted_at": datetime.fromisoformat(p["submitted_at"]),
            })  # fmt: skip
        else:
            newest[(e["aggregate_type"], p["id"])] = p
    for (aggregate, key), p in newest.items():
        if aggregate == "partnership":
            rows["partnership_dim"].append({
                "id": uuid.UUID(key), "status": p["status"], "version": p["version"],
                "leader_institution_id": uuid.UUID(p["leader_institution_id"]),
                "area_teryt": dumps(sorted(set(p["area_teryt"]))), "programme": p["programme"],
            })  # fmt: skip
            rows["partnership_party"].extend(
                {"partnership_id": uuid.UUID(key), "institution_id": uuid.UUID(m["institution_id"]),
                 "joined_on": date.fromisoformat(m["joined_on"]), "left_on": None}
                for m in p["parties"]
            )  # fmt: skip
        else:
            rows["agreement_dim"].append({
                "id": uuid.UUID(key), "valid_from": date.fromisoformat(p["valid_from"]),
                "valid_to": date.fromisoformat(p["valid_to"]) if p["valid_to"] else None,
                "version": p["version"], "status": p["status"],
                "confirmed_on": date.fromisoformat(p["confirmed_on"]) if p["confirmed_on"] else None,
                "ended_on": date.fromisoformat(p["ended_on"]) if p["ended_on"] else None,
                "partnership_id": uuid.UUID(p["partnership_id"]), "number": p["number"],
            })  # fmt: skip
            rows["agreement_party"].extend(
                {"agreement_id": uuid.UUID(key), "institution_id": uuid.UUID(i)}
                for i in sorted(set(p["party_ids"]))
            )
    return rows


def derived(rng: random.Random, name: str) -> random.Random:
    """A generator of its own, seeded from ``rng``'s state without drawing from it (the rest
    of the country does not change)."""
    return random.Random(f"{name}:{rng.getstate()!r}")  # noqa: S311 - synthetic data


async def load(
    loaders: Mapping[str, Loader], rng: random.Random, institutions: list[Institution],
    *, now: datetime, since: datetime, events: bool,
) -> Loaded:  # fmt: skip
    """Build the partnerships, COPY them into the directory (with their events when ``events``)
    and their reporting rows; what the surveys build on is returned. ``rng`` is not drawn from."""
    directory, reporting, rng = loaders["directory"], loaders["reporting"], derived(rng, "partnerships")
    programmes = [
        r["code"] for r in await directory.conn.fetch("SELECT code FROM programme WHERE active ORDER BY code")
    ]
    by_powiat: dict[str, list[Institution]] = {}
    for inst in institutions:
        by_powiat.setdefault(inst.powiat, []).append(inst)
    service_types = {r["code"] for r in await directory.conn.fetch("SELECT code FROM service_type")}
    builder = Builder(rng, now, since, programmes, service_types)
    for powiat in powiats():
        members = by_powiat.get(powiat.code, [])
        if rng.random() < SHARE and any(i.type == "PUP" for i in members) and any(i.type in ("OPS", "CUS") for i in members):  # fmt: skip
            builder.partnership(powiat.code, powiat.name, members)
    # Parents before children (the foreign keys are checked where the role cannot skip them).
    for table in sorted(builder.rows, key=lambda t: t == "partnership_task"):
        await directory.copy(table, builder.rows[table])
    ordered = sorted(builder.events, key=lambda e: e["occurred_at"])
    for table, rows in reporting_rows(ordered).items():
        await reporting.copy(table, rows)
    if events and ordered:
        for e in ordered:
            check_payload(e["type"], e["payload"])
        await directory.number(ordered)
        for e in ordered:
            e["payload"] = dumps(e["payload"])
        await directory.copy_outbox(ordered)
    return builder.loaded
