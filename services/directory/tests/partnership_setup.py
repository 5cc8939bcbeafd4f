"""Builders shared by the partnership tests: a partnership started through the API, invitations
answered, an agreement confirmed by every party."""

from dataclasses import dataclass, field

from splot.directory.models import Institution


@dataclass
class Setup:
    """A partnership proposed by ``ops``; ``pup`` and ``ngo`` invited (joined if ``join``)."""

    id: str
    ops: Institution
    pup: Institution
    ngo: Institution
    staff: dict = field(default_factory=dict)

    def h(self, factory, key: str) -> dict[str, str]:
        return factory.headers(self.staff[key])


async def start(client, factory, *, join: bool = True, area: str = "1219") -> Setup:
    ops = await factory.institution("OPS", teryt="1219053")
    pup = await factory.institution("PUP", teryt="1219053")
    ngo = await factory.institution("NGO", teryt="1219053")
    staff = {
        "ops": await factory.user(ops, "coordinator"),
        "ops_cw": await factory.user(ops, "caseworker"),
        "pup": await factory.user(pup, "institution_admin"),
        "pup_cw": await factory.user(pup, "caseworker"),
        "ngo": await factory.user(ngo, "coordinator"),
    }
    created = await client.post(
        "/v1/partnerships",
        json={
            "name": "Partnerstwo Wieliczka",
            "purpose": "Wspólna usługa aktywizacji",
            "area_teryt": [area],
            "invited_institution_ids": [str(pup.id), str(ngo.id)],
        },
        headers=factory.headers(staff["ops"]),
    )
    assert created.status_code == 201, created.text
    setup = Setup(created.json()["id"], ops, pup, ngo, staff)
    if join:
        for key in ("pup", "ngo"):
            answered = await client.put(
                f"/v1/partnerships/{setup.id}/invitation",
                json={"accept": True},
                headers=setup.h(factory, key),
            )
            assert answered.status_code == 200, answered.text
    return setup


AGREEMENT = {
    "title": "Porozumienie o partnerstwie",
    "document_number": "P/1/2026",
    "text": "Strony współpracują przy usłudze.",
    "annexes": [{"title": "Standard usługi", "text": "Kroki i terminy"}],
    "valid_from": "2026-01-01",
}


async def agreement(client, factory, setup: Setup, *, confirm: bool = True, **changes) -> dict:
    created = await client.post(
        f"/v1/partnerships/{setup.id}/agreements",
        json={**AGREEMENT, **changes},
        headers=setup.h(factory, "ops"),
    )
    assert created.status_code == 201, created.text
    body = created.json()
    if confirm:
        for key in ("ops", "pup", "ngo"):
            confirmed = await client.post(
                f"/v1/agreements/{body['id']}/confirmations", headers=setup.h(factory, key)
            )
            assert confirmed.status_code == 200, confirmed.text
            body = confirmed.json()
    return body
