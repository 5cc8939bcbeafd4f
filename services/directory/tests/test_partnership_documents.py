"""A meeting's minutes as a file (issue #15): an organiser uploads, every party downloads it
byte for byte; nobody else learns it exists. Only document formats, recognised by content, within
the size limit; the name is made safe and the download cannot run in the browser."""

import hashlib

import pytest

from partnership_setup import agreement, start

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
MEETING = {"held_on": "2026-03-10", "agenda": "Przegląd standardu usługi"}

#: (who, role) -> upload answer, download answer. Written out, not derived from the access module.
MATRIX = {
    ("party", "coordinator"): (201, 200),
    ("party", "institution_admin"): (201, 200),
    ("party", "caseworker"): (403, 200),
    ("invited", "coordinator"): (404, 404),
    ("outsider", "institution_admin"): (404, 404),
    ("analyst_in_scope", "analyst"): (404, 404),
    ("ministry", "system_admin"): (404, 404),
}


async def _meeting(client, factory, s) -> str:
    body = {**MEETING, "present_institution_ids": [str(s.ops.id), str(s.pup.id)]}
    recorded = await client.post(f"/v1/partnerships/{s.id}/meetings", json=body, headers=s.h(factory, "ops"))
    assert recorded.status_code == 201, recorded.text
    return recorded.json()["id"]


def _file(name: str, content: bytes, media: str = "application/octet-stream") -> dict:
    return {"file": (name, content, media)}


async def _who(factory, s, who: str, role: str):
    if who == "party":
        return await factory.user(s.pup, role)
    if who == "invited":
        return await factory.user(s.invited, role)
    if who == "outsider":
        return await factory.user(await factory.institution("PUP", teryt="1219053"), role)
    if who == "analyst_in_scope":
        return await factory.user(
            await factory.institution("ROPS", teryt="1261011"), "analyst", analyst_scope="12"
        )
    return await factory.user(await factory.institution("MINISTRY", teryt="1465011"), role)


async def test_minutes_upload_and_download(client, factory):
    s = await start(client, factory)
    await agreement(client, factory, s)
    meeting_id = await _meeting(client, factory, s)
    url = f"/v1/partnerships/{s.id}/meetings/{meeting_id}/minutes"

    uploaded = await client.post(
        url,
        files=_file("../../etc/Protokół nr 1\u202e.pdf", PDF, "application/pdf"),
        data={"title": "Protokół 1/2026"},
        headers=s.h(factory, "ops"),
    )
    assert uploaded.status_code == 201, uploaded.text
    document = uploaded.json()
    assert (document["file_name"], document["media_type"], document["size_bytes"]) == (
        "Protokół nr 1.pdf",
        "application/pdf",
        len(PDF),
    )
    assert document["sha256"] == hashlib.sha256(PDF).hexdigest() and document["title"] == "Protokół 1/2026"
    assert uploaded.headers["Location"] == f"../../documents/{document['id']}"

    meetings = (await client.get(f"/v1/partnerships/{s.id}/meetings", headers=s.h(factory, "ngo"))).json()
    assert meetings["items"][0]["minutes"] == {
        "title": "Protokół 1/2026",
        "file_name": "Protokół nr 1.pdf",
        "media_type": "application/pdf",
        "size_bytes": len(PDF),
        "document_id": document["id"],
    }
    got = await client.get(f"/v1/partnerships/{s.id}/documents/{document['id']}", headers=s.h(factory, "ngo"))
    assert got.status_code == 200 and got.content == PDF
    assert got.headers["content-type"] == "application/pdf"
    assert got.headers["content-disposition"] == (
        "attachment; filename=\"Protoko_ nr 1.pdf\"; filename*=UTF-8''Protok%C3%B3%C5%82%20nr%201.pdf"
    )
    assert got.headers["x-content-type-options"] == "nosniff"
    assert got.headers["content-security-policy"].startswith("sandbox")

    # A later upload becomes the minutes; the earlier file stays readable.
    again = await client.post(url, files=_file("protokol.txt", b"Zmiany: brak"), headers=s.h(factory, "pup"))
    assert again.status_code == 201 and again.json()["media_type"] == "text/plain; charset=utf-8"
    assert again.json()["title"] == "Protokół ze spotkania 2026-03-10"
    listed = (await client.get(f"/v1/partnerships/{s.id}/meetings", headers=s.h(factory, "ngo"))).json()
    assert listed["items"][0]["minutes"]["document_id"] == again.json()["id"]
    first = await client.get(
        f"/v1/partnerships/{s.id}/documents/{document['id']}", headers=s.h(factory, "pup")
    )
    assert first.content == PDF


@pytest.mark.parametrize(
    ("name", "content", "status", "code"),
    [
        ("minutes.exe", b"MZ\x90\x00", 415, "unsupported_media_type"),
        ("minutes.pdf", b"<html><script>alert(1)</script>", 415, "unsupported_media_type"),
        ("minutes.docx", b"%PDF-1.4 not a zip", 415, "unsupported_media_type"),
        ("minutes.txt", b"\xff\xfe\x00bad", 415, "unsupported_media_type"),
        ("minutes.html", b"<html></html>", 415, "unsupported_media_type"),
        ("minutes.pdf", b"", 422, "empty_file"),
        ("...", PDF, 422, "invalid_file_name"),
    ],
)
async def test_only_documents_are_kept(client, factory, name, content, status, code):
    s = await start(client, factory)
    meeting_id = await _meeting(client, factory, s)
    answer = await client.post(
        f"/v1/partnerships/{s.id}/meetings/{meeting_id}/minutes",
        files=_file(name, content),
        headers=s.h(factory, "ops"),
    )
    assert (answer.status_code, answer.json()["code"]) == (status, code)


async def test_a_file_over_the_limit_is_refused(client, factory, app):
    s = await start(client, factory)
    meeting_id = await _meeting(client, factory, s)
    limit = app.state.settings.partnership_document_max_bytes
    answer = await client.post(
        f"/v1/partnerships/{s.id}/meetings/{meeting_id}/minutes",
        files=_file("big.pdf", PDF + b"0" * limit),
        headers=s.h(factory, "ops"),
    )
    assert (answer.status_code, answer.json()["code"]) == (413, "payload_too_large")
    listed = (await client.get(f"/v1/partnerships/{s.id}/meetings", headers=s.h(factory, "ops"))).json()
    assert listed["items"][0]["minutes"] is None


async def test_a_meeting_of_another_partnership_is_not_found(client, factory):
    s = await start(client, factory)
    other = await start(client, factory)
    meeting_id = await _meeting(client, factory, other)
    answer = await client.post(
        f"/v1/partnerships/{s.id}/meetings/{meeting_id}/minutes",
        files=_file("p.pdf", PDF),
        headers=s.h(factory, "ops"),
    )
    assert answer.status_code == 404


@pytest.mark.parametrize(("who", "role"), list(MATRIX))
async def test_access_matrix(client, factory, who, role):
    s = await start(client, factory)
    s.invited = await factory.institution("CIS", teryt="1219053")
    invited = await client.post(
        f"/v1/partnerships/{s.id}/invitations",
        json={"institution_id": str(s.invited.id)},
        headers=s.h(factory, "ops"),
    )
    assert invited.status_code == 200
    await agreement(client, factory, s)
    meeting_id = await _meeting(client, factory, s)
    kept = await client.post(
        f"/v1/partnerships/{s.id}/meetings/{meeting_id}/minutes",
        files=_file("p.pdf", PDF),
        headers=s.h(factory, "ops"),
    )
    h = factory.headers(await _who(factory, s, who, role))
    upload, download = MATRIX[(who, role)]
    tried = await client.post(
        f"/v1/partnerships/{s.id}/meetings/{meeting_id}/minutes", files=_file("x.pdf", PDF), headers=h
    )
    got = await client.get(f"/v1/partnerships/{s.id}/documents/{kept.json()['id']}", headers=h)
    assert (tried.status_code, got.status_code) == (upload, download)
    if download == 200:
        assert got.content == PDF
    else:
        assert PDF not in got.content and got.json()["code"] == "not_found"
