"""Published editions: frozen, versioned, downloadable; corrections with a change note."""

import io

from openpyxl import load_workbook

from sample import ingest


async def _publish(client, headers, **body):
    return await client.post(
        "/v1/editions", json={"period": "2025-Q1", "territory": "12", **body}, headers=headers
    )


async def test_publish_freeze_correct_and_download(client, dataset, analyst, sessionmaker, settings):
    h = analyst("12")
    response = await _publish(client, h, title="Małopolska, I kwartał 2025")
    assert response.status_code == 201, response.text
    edition = response.json()
    assert (
        edition["current_version"] == 1
        and edition["granularity"] == "quarter"
        and edition["territory"] == "12"
    )
    etag = response.headers["etag"]

    v1 = (await client.get(f"/v1/editions/{edition['id']}/versions/1", headers=h)).json()
    tables = {t["name"]: t for t in v1["content"]["tables"]}
    assert set(tables) >= {
        "totals",
        "flows",
        "responses",
        "timeliness",
        "closed_loop",
        "outcomes",
        "shared_clients",
        "cooperation_index",
    }
    assert tables["totals"]["rows"][0]["values"]["referrals"] == {"value": 10, "suppressed": False}
    assert v1["content"]["suppression"]["threshold"] == 5 and v1["content"]["as_of"]["sources"]

    # new events arrive: the published version does not change
    dataset.feeds.referral(
        dataset.inst["PUP_W"], dataset.inst["OPS_W"], dataset.persons["P1"], "social_work"
    ).send("2025-02-10", due="2025-02-17")
    for _ in range(5):
        dataset.feeds.referral(
            dataset.inst["PUP_W"], dataset.inst["OPS_W"], dataset.persons["P2"], "social_work"
        ).send("2025-02-11", due="2025-02-18")
    await ingest(sessionmaker, dataset.feeds, settings)
    again = (await client.get(f"/v1/editions/{edition['id']}/versions/1", headers=h)).json()
    assert again == v1

    # a correction needs the current ETag and a change note, and creates version 2
    note = {"change_note": "Late February referrals from PUP Wieliczka included."}
    assert (
        await client.post(f"/v1/editions/{edition['id']}/versions", json=note, headers=h)
    ).status_code == 428
    stale = await client.post(
        f"/v1/editions/{edition['id']}/versions", json=note, headers={**h, "If-Match": '"x.0"'}
    )
    assert stale.status_code == 412
    corrected = await client.post(
        f"/v1/editions/{edition['id']}/versions", json=note, headers={**h, "If-Match": etag}
    )
    assert corrected.status_code == 201, corrected.text
    assert corrected.json()["current_version"] == 2
    assert [v["change_note"] for v in corrected.json()["versions"]] == [None, note["change_note"]]
    v2 = (await client.get(f"/v1/editions/{edition['id']}/versions/2", headers=h)).json()
    totals = next(t for t in v2["content"]["tables"] if t["name"] == "totals")
    assert totals["rows"][0]["values"]["referrals"] == {"value": 15, "suppressed": False}  # 16 rounded
    assert (await client.get(f"/v1/editions/{edition['id']}/versions/1", headers=h)).json() == v1

    csv = await client.get(
        f"/v1/editions/{edition['id']}/versions/1/export", params={"format": "csv"}, headers=h
    )
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv.headers["content-disposition"]
    lines = csv.text.splitlines()
    assert lines[0].startswith("table,period,") and lines[0].endswith(",measure,value,suppressed")
    assert any(line.startswith("totals,2025-Q1,") and ",referrals,10,false" in line for line in lines)

    xlsx = await client.get(
        f"/v1/editions/{edition['id']}/versions/2/export", params={"format": "xlsx"}, headers=h
    )
    assert xlsx.status_code == 200
    book = load_workbook(io.BytesIO(xlsx.content))
    assert "metadata" in book.sheetnames and "totals" in book.sheetnames
    meta = {row[0]: row[1] for row in book["metadata"].iter_rows(values_only=True) if row and row[0]}
    assert meta["suppression threshold"] == 5 and meta["rounding base"] == 5
    assert meta["change_note"] == note["change_note"] and meta["version"] == 2
    assert "data_as_of" in meta and "referrals" in meta

    listing = (await client.get("/v1/editions", params={"territory": "12"}, headers=h)).json()
    assert [e["id"] for e in listing["items"]] == [edition["id"]]


async def test_editions_are_unique_per_period_and_scope(client, dataset, analyst):
    h = analyst("")
    assert (await _publish(client, h)).status_code == 201
    again = await _publish(client, h)
    assert again.status_code == 409 and again.json()["code"] == "edition_exists"
    assert (await _publish(client, h, territory="")).status_code == 201
    assert (await _publish(client, h, territory="", period="2025-03")).status_code == 201


async def test_only_analysts_publish_within_their_scope(client, dataset, analyst, staff):
    assert (await _publish(client, staff(dataset.inst["PUP_W"], "coordinator"))).status_code == 403
    assert (await _publish(client, analyst("14"))).status_code == 403
    assert (await _publish(client, analyst("1219"), territory="1219")).status_code == 201
    bad = await _publish(client, analyst(""), period="2025-13")
    assert bad.status_code == 422


async def test_small_editions_are_suppressed(client, dataset, analyst):
    response = await _publish(client, analyst("1261"), territory="1261", period="2025-03")
    edition = response.json()
    content = (await client.get(f"/v1/editions/{edition['id']}/versions/1", headers=analyst("1261"))).json()[
        "content"
    ]
    totals = next(t for t in content["tables"] if t["name"] == "totals")
    assert totals["rows"][0]["values"]["referrals"] == {"value": None, "suppressed": True}  # one referral


async def test_pagination_of_editions(client, dataset, analyst):
    h = analyst("")
    for period in ("2025-01", "2025-02", "2025-03"):
        assert (await _publish(client, h, territory="", period=period)).status_code == 201
    first = (await client.get("/v1/editions", params={"limit": 2}, headers=h)).json()
    second = (
        await client.get("/v1/editions", params={"limit": 2, "cursor": first["next_cursor"]}, headers=h)
    ).json()
    assert len(first["items"]) == 2 and len(second["items"]) == 1 and second["next_cursor"] is None
    assert (
        await client.get(f"/v1/editions/{first['items'][0]['id']}/versions/9", headers=h)
    ).status_code == 404
