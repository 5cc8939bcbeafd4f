"""The last two parties confirming an agreement at the same moment, on a database the app really
commits to: neither may miss the other's confirmation (the agreement would stay pending for
ever). The server takes them one after the other: both succeed, without the caller retrying."""

import asyncio
import uuid

import httpx

from splot.directory.models import Institution


def _headers(tokens, inst: Institution) -> dict[str, str]:
    return tokens.headers(
        sub=str(uuid.uuid4()),
        institution_id=inst.id,
        institution_type=inst.type,
        teryt=inst.teryt,
        roles=["coordinator"],
        stp=1,
        sid=str(uuid.uuid4()),
    )


async def test_parallel_last_confirmations_complete_the_agreement(committed_app, tokens):
    async with committed_app.state.sessionmaker() as session:
        insts = [
            Institution(type=t, teryt="1219053", name=f"{t} {uuid.uuid4().hex[:6]}")
            for t in ("OPS", "PUP", "NGO")
        ]
        session.add_all(insts)
        await session.commit()
    ops, pup, ngo = insts
    h = {i.type: _headers(tokens, i) for i in insts}
    transport = httpx.ASGITransport(app=committed_app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver", timeout=60) as client:
        body = {
            "name": "P",
            "purpose": "P",
            "area_teryt": ["1219"],
            "invited_institution_ids": [str(pup.id), str(ngo.id)],
        }
        pid = (await client.post("/v1/partnerships", json=body, headers=h["OPS"])).json()["id"]
        for t in ("PUP", "NGO"):
            await client.put(f"/v1/partnerships/{pid}/invitation", json={"accept": True}, headers=h[t])
        text = {"title": "A", "document_number": "1", "text": "T", "valid_from": "2026-01-01"}
        agreement = (
            await client.post(f"/v1/partnerships/{pid}/agreements", json=text, headers=h["OPS"])
        ).json()
        url = f"/v1/agreements/{agreement['id']}/confirmations"
        assert (await client.post(url, headers=h["OPS"])).status_code == 200
        answers = await asyncio.gather(*(client.post(url, headers=h[t]) for t in ("PUP", "NGO")))
        assert [a.status_code for a in answers] == [200, 200], [a.text for a in answers]
        assert sorted(len(a.json()["confirmations"]) for a in answers) == [2, 3]
        final = (await client.get(f"/v1/agreements/{agreement['id']}/version", headers=h["NGO"])).json()
    assert len(final["confirmations"]) == 3
    assert final["confirmed_on"] is not None and final["status"] == "in_force"
