# ruff: noqa: F811  (the ``world`` fixture is imported from practice_setup)
"""The published catalogue's search (Polish diacritics and case ignored, filters, keyset pages)
and a practice's attachments (format by content, size 413, at most 5, download headers)."""

import pytest
from practice_setup import (
    act,
    create,
    published,
    world,  # noqa: F401  (the fixture)
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
PDF = b"%PDF-1.7\n" + b"x" * 32


@pytest.fixture
async def catalogue(client, world, staff, analyst):
    i, reviewer = world.inst, analyst("")
    ids = {
        "lodz": await published(
            client,
            staff(i["OPS_W"]),
            reviewer,
            title="Współpraca z urzędem w Łodzi",
            summary="Zespół łączony PUP i OPS.",
            problem_areas=["communication"],
        ),
        "zrodlo": await published(
            client,
            staff(i["PUP_K"]),
            reviewer,
            title="Źródło informacji o ofertach",
            summary="Wspólna baza ofert dla klientów.",
            problem_areas=["information_flow", "service_availability"],
            results="Skrócenie czasu oczekiwania o połowę.",
        ),
        "cis": await published(
            client,
            staff(i["CIS_K"]),
            reviewer,
            title="Reintegracja w CIS",
            summary="Trening pracy.",
            problem_areas=["client_related"],
        ),
    }
    # not published: never found
    await create(client, staff(i["OPS_W"]), title="Łódzki szkic", summary="Łódź")
    return ids


async def _search(client, headers, **params):
    response = await client.get("/v1/practices", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return [p["id"] for p in response.json()["items"]], response.json()


@pytest.mark.parametrize(
    ("q", "found"),
    [
        ("lodzi", {"lodz"}),
        ("ŁODZI", {"lodz"}),
        ("Łódź", {"lodz"}),  # a word matches a part of a word: "lodz" is in "lodzi" (the draft is not found)
        ("zrodlo", {"zrodlo"}),
        ("źródło informacji", {"zrodlo"}),
        ("polowe", {"zrodlo"}),  # in the results
        ("wspolna", {"zrodlo"}),
        ("pup ops", {"lodz"}),
        ("nic takiego", set()),
        ("100%_", set()),
    ],
)
async def test_search_ignores_case_and_diacritics(client, catalogue, staff, world, q, found):
    ids, _ = await _search(client, staff(world.inst["NGO_W"]), q=q)
    assert set(ids) == {catalogue[k] for k in found}


async def test_filters_and_pages(client, catalogue, staff, world):
    headers = staff(world.inst["NGO_W"])
    ids, _ = await _search(client, headers, problem_area="information_flow")
    assert ids == [catalogue["zrodlo"]]
    ids, _ = await _search(client, headers, institution_type="CIS")
    assert ids == [catalogue["cis"]]
    ids, _ = await _search(client, headers, territory="1219")
    assert ids == [catalogue["lodz"]]
    ids, _ = await _search(client, headers, territory="12")
    assert set(ids) == set(catalogue.values())
    # newest published first, two at a time
    first, body = await _search(client, headers, limit=2)
    assert first == [catalogue["cis"], catalogue["zrodlo"]] and body["next_cursor"]
    rest, body = await _search(client, headers, limit=2, cursor=body["next_cursor"])
    assert rest == [catalogue["lodz"]] and body["next_cursor"] is None
    for bad in ({"territory": "1"}, {"problem_area": "Zła"}, {"cursor": "garbage"}, {"limit": 0}):
        response = await client.get("/v1/practices", params=bad, headers=headers)
        assert response.status_code in (400, 422), bad


async def test_attachments_by_content_size_count_and_download(client, world, staff, analyst, app):
    mine = staff(world.inst["OPS_W"])
    pid = (await create(client, mine)).json()["id"]
    url = f"/v1/practices/{pid}/attachments"

    photo = await client.post(url, files={"file": ("zdjęcie dyżuru.png", PNG, "image/png")}, headers=mine)
    assert photo.status_code == 201, photo.text
    assert photo.json()["media_type"] == "image/png" and photo.json()["file_name"] == "zdjęcie dyżuru.png"
    fake = await client.post(url, files={"file": ("raport.pdf", PNG, "application/pdf")}, headers=mine)
    assert fake.status_code == 415 and fake.json()["code"] == "unsupported_media_type"
    exe = await client.post(
        url, files={"file": ("run.exe", b"MZ\x90\x00", "application/octet-stream")}, headers=mine
    )
    assert exe.status_code == 415
    empty = await client.post(url, files={"file": ("pusty.txt", b"", "text/plain")}, headers=mine)
    assert empty.status_code == 422
    app.state.settings = app.state.settings.model_copy(update={"practice_attachment_max_bytes": 1024})
    big = await client.post(
        url, files={"file": ("duży.pdf", PDF + b"x" * 2000, "application/pdf")}, headers=mine
    )
    assert big.status_code == 413
    for n in range(4):
        made = await client.post(url, files={"file": (f"plik{n}.pdf", PDF, "application/pdf")}, headers=mine)
        assert made.status_code == 201
    sixth = await client.post(url, files={"file": ("plik6.txt", b"tekst", "text/plain")}, headers=mine)
    assert sixth.status_code == 409 and sixth.json()["code"] == "too_many_attachments"

    # another institution cannot attach, an analyst cannot either
    other = await client.post(
        url, files={"file": ("x.pdf", PDF, "application/pdf")}, headers=staff(world.inst["PUP_W"])
    )
    assert other.status_code == 404

    read = (await client.get(f"/v1/practices/{pid}", headers=mine)).json()
    assert len(read["attachments"]) == 5
    photo_id = photo.json()["id"]
    download = await client.get(f"{url}/{photo_id}", headers=mine)
    assert download.status_code == 200 and download.content == PNG
    assert download.headers["content-type"] == "image/png"
    assert download.headers["x-content-type-options"] == "nosniff"
    assert download.headers["content-disposition"].startswith('attachment; filename="zdjecie dyzuru.png"')
    assert "filename*=UTF-8''zdj%C4%99cie%20dy%C5%BCuru.png" in download.headers["content-disposition"]
    assert download.headers["cache-control"] == "private, no-store"

    # before publication the file is the institution's; after it, everyone's
    reader = staff(world.inst["CIS_K"])
    assert (await client.get(f"{url}/{photo_id}", headers=reader)).status_code == 404
    removed = await client.delete(f"{url}/{read['attachments'][1]['id']}", headers=mine)
    assert removed.status_code == 204
    reviewer = analyst("")
    for who, action in ((mine, "submit"), (reviewer, "accept"), (reviewer, "publish")):
        assert (await act(client, pid, who, action)).status_code == 200
    assert (await client.get(f"{url}/{photo_id}", headers=reader)).status_code == 200
    # a published practice takes no more files
    late = await client.post(url, files={"file": ("x.pdf", PDF, "application/pdf")}, headers=mine)
    assert late.status_code == 409 and late.json()["code"] == "not_editable"
    assert (await client.delete(f"{url}/{photo_id}", headers=mine)).status_code == 409
