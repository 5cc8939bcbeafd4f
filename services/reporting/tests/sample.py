"""Building event feeds for tests: the three sources in memory, and a small fixed dataset whose
indicators are computed by hand in test_indicators.py.

Every payload is built from the producer's *published* contract (``openapi/events/<service>.json``,
:func:`splot.common.testing.event_example`): the example of its event type with this sample's
values set. A field the producer renames or drops therefore fails here, not silently in
production."""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from splot.common.testing import event_example
from splot.reporting.consumer import ingest_until_caught_up
from splot.reporting.ingestion import IngestContext
from splot.reporting.sources import InMemorySource, Sources, StaticServiceTypes

CATALOGUE = [
    {"code": "social_work", "sensitive": False, "category": "social_assistance"},
    {"code": "family_assistant", "sensitive": False, "category": "social_assistance"},
    {"code": "job_placement", "sensitive": False, "category": "labour_market"},
    {"code": "training", "sensitive": False, "category": "labour_market"},
    {"code": "debt_counselling", "sensitive": False, "category": "other_support"},
    {"code": "cis_programme", "sensitive": False, "category": "social_employment"},
    {"code": "addiction_therapy", "sensitive": True, "category": "other_support"},
    {"code": "psychological_counselling", "sensitive": True, "category": "social_assistance"},
]


def at(text: str) -> datetime:
    """'2025-03-03' (10:00 UTC) or a full ISO timestamp."""
    if "T" not in text:
        text += "T10:00:00+00:00"
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


@dataclass
class Institution:
    id: uuid.UUID
    type: str
    teryt: str
    name: str
    version: int = 1


@dataclass
class Feeds:
    directory: InMemorySource = field(default_factory=lambda: InMemorySource("directory"))
    clients: InMemorySource = field(default_factory=lambda: InMemorySource("clients"))
    referrals: InMemorySource = field(default_factory=lambda: InMemorySource("referrals"))
    #: The registry's current person payload of each person (what its person events carry).
    people: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)

    def sources(self) -> Sources:
        return Sources(
            feeds=[self.directory, self.clients, self.referrals], catalogue=StaticServiceTypes(CATALOGUE)
        )

    # directory
    def institution(
        self, type: str, teryt: str, name: str | None = None, *, when: str = "2024-12-01"
    ) -> Institution:
        inst = Institution(uuid.uuid4(), type, teryt, name or f"{type} {teryt}")
        self.directory.append("institution.created", self.institution_payload(inst), occurred_at=at(when))
        return inst

    @staticmethod
    def institution_payload(inst: Institution) -> dict[str, Any]:
        return {
            "id": str(inst.id),
            "type": inst.type,
            "name": inst.name,
            "teryt": inst.teryt,
            "powiat_code": inst.teryt[:4],
            "voivodeship_code": inst.teryt[:2],
            "active": True,
            "version": inst.version,
        }

    def offer(self, inst: Institution, service_type: str, *, capacity: int = 5) -> uuid.UUID:
        offer_id = uuid.uuid4()
        self.directory.append(
            "offer.created",
            {
                "id": str(offer_id),
                "institution_id": str(inst.id),
                "service_type_code": service_type,
                "teryt": inst.teryt,
                "capacity_available": capacity,
                "capacity_max": capacity,
                "active": True,
                "version": 1,
            },
            occurred_at=at("2024-12-02"),
        )
        return offer_id

    def agreement(
        self,
        parties: list[Institution],
        valid_from: str,
        valid_to: str | None = None,
        *,
        confirmed_on: str | None = "",
        ended_on: str | None = None,
    ) -> uuid.UUID:
        """An agreement confirmed by every party on its first day, unless ``confirmed_on`` says
        otherwise (None: a party has not confirmed, it is pending)."""
        agreement_id = uuid.uuid4()
        confirmed = valid_from if confirmed_on == "" else confirmed_on
        self.directory.append(
            "agreement.confirmed" if confirmed else "agreement.created",
            event_example(
                "directory",
                "agreement.created",
                id=str(agreement_id),
                party_ids=sorted(str(p.id) for p in parties),
                valid_from=valid_from,
                valid_to=valid_to,
                version=1,
                partnership_id=None,
                status="in_force" if confirmed else "pending",
                confirmed_on=confirmed,
                ended_on=ended_on,
            ),
            occurred_at=at("2024-12-03"),
        )
        return agreement_id

    def partnership(
        self,
        event_type: str,
        partnership_id: uuid.UUID,
        parties: list[Institution],
        *,
        version: int,
        when: str,
        leader: Institution | None = None,
        area: tuple[str, ...] = ("1219",),
        invited: tuple[Institution, ...] = (),
        status: str = "in_force",
        memberships: list[dict] | None = None,
        programme: str | None = None,
    ) -> None:
        """A ``partnership.*`` event as the directory writes it: the parties on the day ``when``."""
        self.directory.append(
            event_type,
            event_example(
                "directory",
                event_type,
                id=str(partnership_id),
                leader_institution_id=str((leader or parties[0]).id),
                area_teryt=list(area),
                party_ids=sorted(str(p.id) for p in parties),
                invited_ids=sorted(str(p.id) for p in invited),
                status=status,
                version=version,
                parties=memberships or [],
                programme=programme,
            ),
            occurred_at=at(when),
            aggregate_type="partnership",
            aggregate_id=str(partnership_id),
        )

    # clients
    def person(
        self,
        birth_year: int | None,
        sex: str | None,
        gmina: str | None,
        registered_by: Institution,
        *,
        when: str = "2025-02-01",
    ) -> uuid.UUID:
        person_id = uuid.uuid4()
        self.people[person_id] = {
            "person_id": str(person_id),
            "birth_year": birth_year,
            "sex": sex,
            "gmina": gmina,
            "registering_institution_id": str(registered_by.id),
            "status": "active",
        }
        self._person_event("person.created", person_id, when)
        return person_id

    def _person_event(self, event_type: str, person_id: uuid.UUID, when: str, **extra: Any) -> None:
        self.clients.append(
            event_type,
            event_example("clients", event_type, **self.people[person_id], **extra),
            occurred_at=at(when),
            aggregate_type="person",
            aggregate_id=str(person_id),
        )

    def registered(self, person: uuid.UUID, inst: Institution, *, when: str) -> None:
        """Another institution registers an existing person (person.registered)."""
        self._person_event("person.registered", person, when, institution_id=str(inst.id))

    def merge(self, survivor: uuid.UUID, merged: uuid.UUID, *, when: str) -> None:
        # As the registry emits it: the survivor's payload plus the merged person's id.
        self.people[merged] = {**self.people[merged], "status": "merged"}
        self._person_event("person.merged", survivor, when, merged_person_id=str(merged))

    def access(self, person: uuid.UUID, inst: Institution, *, when: str) -> None:
        grant_id = str(uuid.uuid4())
        self.clients.append(
            "access.granted",
            event_example(
                "clients",
                "access.granted",
                grant_id=grant_id,
                person_id=str(person),
                institution_id=str(inst.id),
                referral_id=str(uuid.uuid4()),
                granted_at=iso(at(when)),
            ),
            occurred_at=at(when),
            aggregate_type="access_grant",
            aggregate_id=grant_id,
        )

    def consent(self, person: uuid.UUID, inst: Institution, *, when: str) -> None:
        consent_id = str(uuid.uuid4())
        self.clients.append(
            "consent.given",
            event_example(
                "clients",
                "consent.given",
                consent_id=consent_id,
                person_id=str(person),
                recipient_institution_id=str(inst.id),
                recipient_institution_type=inst.type,
                purpose="referral",
                given_at=iso(at(when)),
                expires_at=None,
                withdrawn_at=None,
            ),
            occurred_at=at(when),
            aggregate_type="consent",
            aggregate_id=consent_id,
        )

    # referrals
    def referral(
        self,
        sender: Institution,
        target: Institution,
        person: uuid.UUID,
        service_type: str,
        *,
        priority: str = "routine",
        parent: Referral | None = None,
    ) -> Referral:
        return Referral(self, sender, target, person, service_type, priority, parent)


class Referral:
    """Emits ``referral.<action>`` events with the full snapshot, as the referrals service does."""

    def __init__(
        self,
        feeds: Feeds,
        sender: Institution,
        target: Institution,
        person: uuid.UUID,
        service_type: str,
        priority: str,
        parent: Referral | None,
    ) -> None:
        self.feeds = feeds
        self.id = uuid.uuid4()
        self.snapshot: dict[str, Any] = {
            "id": str(self.id),
            "number": f"SK/{self.id.hex[:6]}",
            "version": 1,
            "parent_referral_id": str(parent.id) if parent else None,
            "chain_root_id": (parent.snapshot["chain_root_id"] if parent else str(self.id)),
            "chain_depth": (parent.snapshot["chain_depth"] + 1) if parent else 0,
            "person_id": str(person),
            "sender_institution_id": str(sender.id),
            "target_institution_id": str(target.id),
            "target_offer_id": None,
            "service_type_code": service_type,
            "priority": priority,
            "programme": None,
            "status": "draft",
            "business_status": None,
            "legal_basis_kind": "statutory",
            "reason_code": None,
            "declined_by": None,
            "outcome_codes": [],
            "cancellation_requested": False,
            "acknowledged": False,
            "created_at": None,
            "sent_at": None,
            "responded_at": None,
            "accepted_at": None,
            "started_at": None,
            "ended_at": None,
            "due_at": None,
            "overdue": False,
        }
        self.sender = sender
        self.target = target

    def _emit(
        self,
        action: str,
        when: datetime,
        to_status: str | None = None,
        *,
        system: bool = False,
        **changes: Any,
    ) -> Referral:
        before = self.snapshot["status"]
        self.snapshot = copy.deepcopy(self.snapshot)
        self.snapshot["version"] += 1
        if to_status:
            self.snapshot["status"] = to_status
        self.snapshot.update(changes)
        self.feeds.referrals.append(
            f"referral.{action}",
            event_example(
                "referrals",
                f"referral.{action}",
                action=action,
                from_status=before,
                to_status=self.snapshot["status"],
                actor_institution_id=None if system else str(self.sender.id),
                referral=copy.deepcopy(self.snapshot),
            ),
            occurred_at=when,
            aggregate_type="referral",
            aggregate_id=str(self.id),
        )
        return self

    def send(self, when: str, due: str | None = None) -> Referral:
        moment = at(when)
        self.snapshot["created_at"] = iso(moment)
        self.snapshot["version"] = 0  # the draft was version 1; sending makes it 1 here for simplicity
        return self._emit(
            "sent", moment, "requested", sent_at=iso(moment), due_at=iso(at(due)) if due else None
        )

    def accept(self, when: str) -> Referral:
        return self._emit(
            "accepted", at(when), "accepted", responded_at=iso(at(when)), accepted_at=iso(at(when))
        )

    def reject(self, when: str, reason: str, declined_by: str) -> Referral:
        return self._emit(
            "rejected",
            at(when),
            "rejected",
            responded_at=iso(at(when)),
            ended_at=iso(at(when)),
            reason_code=reason,
            declined_by=declined_by,
        )

    def withdraw(self, when: str, reason: str) -> Referral:
        return self._emit("withdrawn", at(when), "cancelled", ended_at=iso(at(when)), reason_code=reason)

    def expire(self, when: str) -> Referral:
        return self._emit(
            "expired", at(when), "cancelled", system=True, ended_at=iso(at(when)), reason_code="no_response"
        )

    def overdue(self, when: str) -> Referral:
        self.snapshot["version"] -= 1  # a system flag: same version, newer event
        return self._emit("overdue", at(when), system=True, overdue=True)

    def start(self, when: str) -> Referral:
        return self._emit("started", at(when), "in_progress", started_at=iso(at(when)))

    def complete(self, when: str, outcomes: list[str]) -> Referral:
        return self._emit("completed", at(when), "completed", ended_at=iso(at(when)), outcome_codes=outcomes)

    def fail(self, when: str, reason: str) -> Referral:
        return self._emit("failed", at(when), "failed", ended_at=iso(at(when)), reason_code=reason)

    def acknowledge(self, when: str) -> Referral:
        return self._emit("acknowledged", at(when), acknowledged=True)

    def mark_in_error(self, when: str) -> Referral:
        return self._emit("marked_in_error", at(when), "entered_in_error")

    def reopen(self, when: str) -> Referral:
        return self._emit(
            "reopened",
            at(when),
            "requested",
            responded_at=None,
            ended_at=None,
            reason_code=None,
            declined_by=None,
        )

    def followup(self, due_months: int, outcome: str, when: str) -> Referral:
        self.feeds.referrals.append(
            "followup.answered",
            event_example(
                "referrals",
                "followup.answered",
                followup_id=str(uuid.uuid4()),
                referral_id=str(self.id),
                due_months=due_months,
                outcome_code=outcome,
                answered_at=iso(at(when)),
            ),
            occurred_at=at(when),
            aggregate_type="followup",
            aggregate_id=str(self.id),
        )
        return self


async def ingest(sessionmaker, feeds: Feeds, settings, *, batch_size: int = 50):
    return await ingest_until_caught_up(
        sessionmaker, feeds.sources(), IngestContext.from_settings(settings), batch_size=batch_size
    )


@dataclass
class Dataset:
    feeds: Feeds
    inst: dict[str, Institution]
    persons: dict[str, uuid.UUID]
    refs: dict[str, Referral]


def fixed_dataset() -> Dataset:
    """The hand-computed dataset (see test_indicators.py for the expected values)."""
    f = Feeds()
    i = {
        "PUP_W": f.institution("PUP", "1219053", "PUP Wieliczka"),
        "OPS_W": f.institution("OPS", "1219053", "OPS Wieliczka"),
        "OPS_N": f.institution("OPS", "1219043", "OPS Niepołomice"),
        "NGO_W": f.institution("NGO", "1219053", "Fundacja Wspólny Krok"),
        "PUP_K": f.institution("PUP", "1261011", "PUP Kraków"),
        "CIS_K": f.institution("CIS", "1261011", "CIS Kraków"),
    }
    f.offer(i["NGO_W"], "debt_counselling")
    f.agreement([i["PUP_W"], i["OPS_W"], i["NGO_W"]], "2025-01-01")
    f.agreement([i["PUP_K"], i["CIS_K"]], "2024-01-01", "2025-02-28")
    p = {
        "P1": f.person(1990, "F", "1219053", i["PUP_W"]),
        "P2": f.person(1960, "M", "1219043", i["OPS_N"]),
        "P3": f.person(2000, "F", "1261011", i["PUP_K"]),
        "P4": f.person(1985, "M", "1219053", i["PUP_W"]),
        "P5": f.person(1975, "M", "1219043", i["OPS_N"]),
    }
    f.consent(p["P3"], i["CIS_K"], when="2025-03-20")
    r: dict[str, Referral] = {}
    # March 2025 cohort (10 counted referrals)
    r["R1"] = f.referral(i["PUP_W"], i["OPS_W"], p["P1"], "social_work")
    r["R1"].send("2025-03-03", due="2025-03-10").accept("2025-03-05").start("2025-03-07")
    r["R1"].complete("2025-03-14", ["social_contract_signed"]).acknowledge("2025-03-17")
    r["R2"] = f.referral(i["PUP_W"], i["OPS_W"], p["P2"], "social_work")
    r["R2"].send("2025-03-04", due="2025-03-11").reject("2025-03-12", "no_capacity", "provider")
    r["R3"] = f.referral(i["PUP_W"], i["NGO_W"], p["P1"], "debt_counselling")
    r["R3"].send("2025-03-05", due="2025-03-12").reject("2025-03-06", "client_declined", "client")
    r["R4"] = f.referral(i["OPS_W"], i["PUP_W"], p["P4"], "job_placement", priority="urgent")
    r["R4"].send("2025-03-10", due="2025-03-12").accept("2025-03-11").start("2025-03-12")
    r["R4"].complete("2025-04-16", ["employed"]).acknowledge("2025-04-17")
    r["R5"] = f.referral(i["OPS_W"], i["NGO_W"], p["P2"], "addiction_therapy")
    r["R5"].send("2025-03-12", due="2025-03-19").accept("2025-03-13").start("2025-03-17")
    r["R5"].fail("2025-03-28", "client_unreachable")
    r["R6"] = f.referral(i["OPS_N"], i["PUP_W"], p["P2"], "training")
    r["R6"].send("2025-03-17", due="2025-03-24").overdue("2025-03-25").expire("2025-04-04")
    r["R7"] = f.referral(i["PUP_W"], i["OPS_N"], p["P4"], "social_work")
    r["R7"].send("2025-03-20", due="2025-03-27").withdraw("2025-03-21", "duplicate")
    r["R8"] = f.referral(i["PUP_K"], i["CIS_K"], p["P3"], "cis_programme")
    r["R8"].send("2025-03-24", due="2025-03-31").accept("2025-03-26").start("2025-03-31")
    r["R10"] = f.referral(i["OPS_W"], i["NGO_W"], p["P1"], "psychological_counselling", parent=r["R1"])
    r["R10"].send("2025-03-06", due="2025-03-13").accept("2025-03-07").start("2025-03-07")
    r["R10"].complete("2025-03-21", [])
    r["R11"] = f.referral(i["PUP_W"], i["OPS_W"], p["P4"], "family_assistant")
    r["R11"].send("2025-03-28", due="2025-04-04").overdue("2025-04-07")
    # excluded: entered in error
    r["R13"] = f.referral(i["PUP_W"], i["OPS_W"], p["P1"], "social_work")
    r["R13"].send("2025-03-18", due="2025-03-25").mark_in_error("2025-03-19")
    # April cohort: sent 00:30 local time on 1 April
    r["R12"] = f.referral(i["PUP_W"], i["OPS_N"], p["P4"], "social_work")
    r["R12"].send("2025-03-31T22:30:00Z", due="2025-04-08").accept("2025-04-02T08:00:00Z")
    r["R15"] = f.referral(i["OPS_W"], i["PUP_W"], p["P5"], "job_placement")
    r["R15"].send("2025-04-14", due="2025-04-22").accept("2025-04-22T09:00:00Z")
    r["R15"].complete("2025-04-30", ["employed_subsidised"])
    f.access(p["P4"], i["NGO_W"], when="2025-04-10")
    # follow-ups
    r["R4"].followup(3, "employed", "2025-07-16").followup(6, "dropped_out", "2025-10-16")
    r["R15"].followup(3, "employed", "2025-07-30")
    f.merge(p["P1"], p["P5"], when="2025-05-02")
    # May cohort: ten referrals answered after 1..10 working days
    answered = [
        "2025-05-06",
        "2025-05-07",
        "2025-05-08",
        "2025-05-09",
        "2025-05-12",
        "2025-05-13",
        "2025-05-14",
        "2025-05-15",
        "2025-05-16",
        "2025-05-19",
    ]
    for n, day in enumerate(answered, start=1):
        ref = f.referral(i["PUP_K"], i["CIS_K"], p["P3"], "cis_programme")
        ref.send("2025-05-05", due="2025-05-12").accept(day + "T09:00:00Z")
        r[f"M{n}"] = ref
    return Dataset(f, i, p, r)
