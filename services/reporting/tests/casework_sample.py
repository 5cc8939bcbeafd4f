"""Casework events of the client registry for tests, built from its committed event contract
(``openapi/events/clients.json``), like :mod:`sample`."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from splot.common.testing import event_example

from sample import Feeds, Institution, at, iso


@dataclass
class Casework:
    feeds: Feeds

    def diagnosis(
        self, person: uuid.UUID, owner: Institution, diagnosed_on: str, *, signed: str | None = None
    ) -> uuid.UUID:
        diagnosis_id = uuid.uuid4()
        fields = dict(
            diagnosis_id=str(diagnosis_id),
            person_id=str(person),
            owner_institution_id=str(owner.id),
            diagnosed_on=diagnosed_on,
            joint=True,
            status="draft",
            contributor_institution_ids=[str(owner.id)],
            signed_institution_ids=[],
            signed_at=None,
        )
        self._emit("diagnosis.created", fields, diagnosed_on, "diagnosis", diagnosis_id)
        if signed:
            fields |= {
                "status": "signed",
                "signed_at": iso(at(signed)),
                "signed_institution_ids": [str(owner.id)],
            }
            self._emit("diagnosis.signed", fields, signed, "diagnosis", diagnosis_id)
        return diagnosis_id

    def plan(
        self,
        person: uuid.UUID,
        owner: Institution,
        starts_on: str,
        *,
        plan_type: str = "joint_plan",
        parties: tuple[Institution, ...] = (),
        diagnosis: uuid.UUID | None = None,
        programme: str | None = None,
    ) -> Plan:
        plan = Plan(
            self,
            {
                "plan_id": str(uuid.uuid4()),
                "person_id": str(person),
                "plan_type_code": plan_type,
                "owner_institution_id": str(owner.id),
                "party_institution_ids": [str(p.id) for p in parties],
                "diagnosis_id": str(diagnosis) if diagnosis else None,
                "starts_on": starts_on,
                "status": "active",
                "next_review_due": None,
                "programme": programme,
            },
        )
        self._emit("plan.created", plan.fields, starts_on, "plan", plan.id)
        return plan

    def _emit(
        self, event_type: str, fields: dict, when: str, aggregate: str, aggregate_id: uuid.UUID
    ) -> None:
        self.feeds.clients.append(
            event_type,
            event_example("clients", event_type, **fields),
            occurred_at=at(when),
            aggregate_type=aggregate,
            aggregate_id=str(aggregate_id),
        )


class Plan:
    def __init__(self, casework: Casework, fields: dict) -> None:
        self.casework, self.fields = casework, fields
        self.id = uuid.UUID(fields["plan_id"])

    def update(self, when: str, **changes: object) -> Plan:
        self.fields |= changes
        self.casework._emit("plan.updated", self.fields, when, "plan", self.id)
        return self

    def review(self, reviewed_on: str, was_due: str | None) -> Plan:
        fields = {**self.fields, "reviewed_on": reviewed_on, "review_was_due": was_due}
        self.casework._emit("plan.reviewed", fields, reviewed_on, "plan", self.id)
        return self

    def _goal_fields(self, goal_id: uuid.UUID, area: str) -> dict:
        return {
            "plan_id": str(self.id),
            "goal_id": str(goal_id),
            "person_id": self.fields["person_id"],
            "plan_type_code": self.fields["plan_type_code"],
            "owner_institution_id": self.fields["owner_institution_id"],
            "area_code": area,
            "status": "open",
            "assessment": None,
            "assessed_at": None,
        }

    def goal(self, area: str, when: str, *, assessed: tuple[str, str] | None = None) -> uuid.UUID:
        goal_id = uuid.uuid4()
        fields = self._goal_fields(goal_id, area)
        self.casework._emit("plan.goal_added", fields, when, "plan", self.id)
        if assessed:
            assessment, on = assessed
            fields |= {"status": "assessed", "assessment": assessment, "assessed_at": iso(at(on))}
            self.casework._emit("plan.goal_assessed", fields, on, "plan", self.id)
        return goal_id

    def reopen(self, goal_id: uuid.UUID, area: str, when: str) -> None:
        self.casework._emit("plan.goal_reopened", self._goal_fields(goal_id, area), when, "plan", self.id)

    def action(
        self,
        owner: Institution,
        when: str,
        *,
        status: str = "planned",
        referral: tuple[Institution, str] | None = None,
    ) -> uuid.UUID:
        """An action of ``owner``; ``referral``: (receiver, status) of a referral serving it."""
        action_id = uuid.uuid4()
        fields = {
            "plan_id": str(self.id),
            "action_id": str(action_id),
            "goal_id": str(uuid.uuid4()),
            "person_id": self.fields["person_id"],
            "plan_owner_institution_id": self.fields["owner_institution_id"],
            "owner_institution_id": str(owner.id),
            "service_type_code": None,
            "due_date": None,
            "status": "planned",
            "referral_id": None,
            "referral_status": None,
            "proposed_result": None,
            "conference_id": None,
            "created_at": iso(at(when)),
        }
        self.casework._emit("plan.action_added", fields, when, "plan", self.id)
        if status != "planned":
            self.casework._emit("plan.action_changed", fields | {"status": status}, when, "plan", self.id)
        if referral is not None:
            receiver, referral_status = referral
            served = {
                "referral_id": str(uuid.uuid4()),
                "referral_status": referral_status,
                "referral_receiver_institution_id": str(receiver.id),
            }
            self.casework._emit("plan.action_changed", fields | served, when, "plan", self.id)
        return action_id


def march_dataset() -> tuple[Feeds, dict[str, Institution], dict[str, uuid.UUID]]:
    """The hand-computed casework of test_casework.py (its docstring gives the expected measures):
    the feeds, the institutions and the persons by name."""
    f = Feeds()
    i = {
        "OPS_W": f.institution("OPS", "1219053", "OPS Wieliczka"),
        "PUP_W": f.institution("PUP", "1219053", "PUP Wieliczka"),
        "NGO_W": f.institution("NGO", "1219053", "Fundacja"),
        "OPS_K": f.institution("OPS", "1261011", "OPS Kraków"),
    }
    p = {n: f.person(1990, "F", "1219053", i["OPS_W"]) for n in ("P1", "P2", "P3", "P4")}
    cw = Casework(f)
    d1 = cw.diagnosis(p["P1"], i["OPS_W"], "2025-03-03", signed="2025-03-05")
    d2 = cw.diagnosis(p["P3"], i["OPS_W"], "2025-02-24")
    a = cw.plan(p["P1"], i["OPS_W"], "2025-03-06", parties=(i["PUP_W"],), diagnosis=d1)
    a.goal("unemployment", "2025-03-06", assessed=("achieved", "2025-03-20"))
    housing = a.goal("housing", "2025-03-06", assessed=("not_achieved", "2025-03-21"))
    a.reopen(housing, "housing", "2025-03-25")
    a.action(i["PUP_W"], "2025-03-10")
    a.action(i["OPS_W"], "2025-03-12", status="done")
    a.action(i["NGO_W"], "2025-03-13", status="cancelled")
    a2 = cw.plan(p["P1"], i["OPS_W"], "2025-03-17", plan_type="individual_plan")
    a2.update("2025-04-10", status="closed")
    b = cw.plan(p["P2"], i["OPS_W"], "2025-03-07", plan_type="individual_plan")
    b.goal("unemployment", "2025-03-07", assessed=("achieved", "2025-03-27"))
    b.action(i["OPS_W"], "2025-03-07")
    b.update("2025-03-07", next_review_due="2025-03-31").review("2025-03-28", "2025-03-31")
    c = cw.plan(p["P3"], i["OPS_W"], "2025-03-03", parties=(i["OPS_W"], i["NGO_W"]), diagnosis=d2)
    c.action(i["NGO_W"], "2025-03-04")
    c.goal("unemployment", "2025-03-03", assessed=("partly_achieved", "2025-03-24"))
    c.review("2025-03-20", "2025-03-14")
    cw.plan(p["P1"], i["OPS_W"], "2025-04-02")
    d = cw.plan(p["P4"], i["OPS_K"], "2025-03-10", parties=(i["PUP_W"],))
    d.action(i["PUP_W"], "2025-03-11")
    f_plan = cw.plan(p["P2"], i["OPS_W"], "2025-05-05", plan_type="individual_plan")
    f_plan.action(i["OPS_W"], "2025-05-06", referral=(i["NGO_W"], "accepted"))
    f_plan.action(i["OPS_W"], "2025-05-07", referral=(i["PUP_W"], "rejected"))
    f_plan.action(i["OPS_W"], "2025-05-08", referral=(i["OPS_W"], "completed"))
    f_plan.action(i["OPS_W"], "2025-05-09")
    return f, i, p
