"""Shared helpers of the casework tests: a person seen by an OPS and a PUP (both registered), an
NGO with a referral grant, and shortcuts for plans and diagnoses."""

import uuid
from dataclasses import dataclass

from conftest import PESEL_ANNA, Inst, World


@dataclass
class Case:
    world: World
    ops: Inst
    pup: Inst
    ngo: Inst
    person_id: str
    ops_user: dict
    pup_user: dict
    ngo_user: dict

    def h(self, inst: Inst, *roles: str) -> dict:
        return self.world.headers(inst, *roles)

    async def post(
        self, path: str, body: dict, headers: dict, etag: str | None = None, expect: int | None = None
    ):
        if etag is not None:
            headers = {**headers, "If-Match": etag}
        response = await self.world.client.post(path, json=body, headers=headers)
        if expect is not None:
            assert response.status_code == expect, response.text
        return response

    async def patch(
        self, path: str, body: dict, headers: dict, etag: str | None = None, expect: int | None = None
    ):
        if etag is not None:
            headers = {**headers, "If-Match": etag}
        response = await self.world.client.patch(path, json=body, headers=headers)
        if expect is not None:
            assert response.status_code == expect, response.text
        return response

    async def plan(self, owner: Inst | None = None, plan_type: str = "joint_plan", parties=None, **extra):
        owner = owner or self.ops
        body = {"plan_type_code": plan_type, "starts_on": "2026-11-06", **extra}
        if parties is not None:
            body["parties"] = [str(p.id) for p in parties]
        response = await self.post(f"/v1/persons/{self.person_id}/plans", body, self.h(owner), expect=201)
        return response.json(), response.headers["ETag"]

    async def goal(self, plan: dict, etag: str, area: str = "unemployment", owner: Inst | None = None):
        response = await self.post(
            f"/v1/plans/{plan['id']}/goals",
            {"area_code": area, "description": "Find stable work"},
            self.h(owner or self.ops),
            etag,
            expect=200,
        )
        return response.json(), response.headers["ETag"]

    async def action(
        self, plan: dict, etag: str, goal_id: str, owner: Inst | None = None, by: Inst | None = None, **extra
    ):
        body = {"goal_id": goal_id, "description": "Vocational counselling", **extra}
        if owner is not None:
            body["owner_institution_id"] = str(owner.id)
        response = await self.post(
            f"/v1/plans/{plan['id']}/actions", body, self.h(by or self.ops), etag, expect=200
        )
        return response.json(), response.headers["ETag"]


async def make_case(world: World) -> Case:
    ops, pup, ngo = world.inst("OPS"), world.inst("PUP"), world.inst("NGO")
    person = await world.person(ops)
    pid = person["id"]
    registered = await world.client.post(
        f"/v1/persons/{pid}/registrations",
        json={"pesel": PESEL_ANNA, "reason": "registered unemployed at our office"},
        headers=world.headers(pup),
    )
    assert registered.status_code in (200, 201), registered.text
    await world.grant(
        pid, ngo, sender=ops, service_type="social_work", accepted=True, referral_id=uuid.uuid4()
    )
    return Case(world, ops, pup, ngo, pid, world.headers(ops), world.headers(pup), world.headers(ngo))
