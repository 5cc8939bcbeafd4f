"""The reference connector end to end, run as a program (``python -m splot_connector``) against
the embedded server: the PUP's case system mirrored from CSV (idempotent, resumable, updates),
a referral to the OPS, the OPS's connector receiving it from the feed (into a folder and into
SQLite) and from a webhook delivery, and posting its answer back."""

from __future__ import annotations

import base64
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sdk_world import pesel, send_referral_for

from splot_sdk import Splot
from splot_sdk.referrals.api.referrals import get_referral_v1_referrals_referral_id_get as get_referral
from splot_sdk.referrals.api.webhooks import (
    create_subscription_v1_webhooks_subscriptions_post as create_subscription,
)
from splot_sdk.referrals.models import EventType, Status, SubscriptionCreate, SubscriptionWithSecret

HEADER = "case_id;pesel;first_name;last_name;gmina;phone;preferred_contact\n"


def connector(
    base_url: str, credentials: tuple[str, str], state: Path, *args: str
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPLOT_")}
    env.update(SPLOT_URL=base_url, SPLOT_CLIENT_ID=credentials[0], SPLOT_CLIENT_SECRET=credentials[1])
    return subprocess.run(
        [sys.executable, "-m", "splot_connector", "--state", str(state), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _rows(prefix: str, phones: list[str]) -> list[str]:
    return [
        f"{prefix}-{n};{pesel()};Anna;Eksportowa-{prefix}-{n};1219053;{phone};phone\n"
        for n, phone in enumerate(phones)
    ]


def test_the_mirror_is_idempotent_resumable_and_follows_changes(
    base_url: str, pup_credentials: tuple[str, str], tmp_path: Path
) -> None:
    prefix = "SK" + uuid.uuid4().hex[:6]
    rows = _rows(prefix, ["+48 600 000 001", "+48 600 000 002", "+48 600 000 003"])
    export = tmp_path / "persons.csv"
    export.write_text(HEADER + "".join(rows), encoding="utf-8")
    state = tmp_path / "pup.sqlite3"

    first = connector(base_url, pup_credentials, state, "mirror", str(export))
    assert first.returncode == 0, first.stderr
    assert "created 3, found existing 0, updated 0, unchanged 0, failed 0" in first.stdout
    again = connector(base_url, pup_credentials, state, "mirror", str(export))
    assert "created 0, found existing 0, updated 0, unchanged 3, failed 0" in again.stdout

    # the state file lost: the registry's records are found, none duplicated
    lost = connector(base_url, pup_credentials, tmp_path / "new-state.sqlite3", "mirror", str(export))
    assert lost.returncode == 0, lost.stderr
    assert "created 0, found existing 3" in lost.stdout
    ids = dict(sqlite3.connect(state).execute("select case_id, person_id from mirrored").fetchall())
    found = dict(
        sqlite3.connect(tmp_path / "new-state.sqlite3").execute("select case_id, person_id from mirrored")
    )
    assert ids == found and len(set(ids.values())) == 3

    # a changed phone is sent as an update; a row the registry refuses is reported without names
    changed = [rows[0].replace("+48 600 000 001", "+48 600 999 999"), *rows[1:]]
    bad = f"{prefix}-bad;12345678901;Zofia;Niepoprawna;1219053;+48 600 000 004;phone\n"
    export.write_text(HEADER + "".join(changed) + bad, encoding="utf-8")
    third = connector(base_url, pup_credentials, state, "mirror", str(export))
    assert third.returncode == 1
    assert "created 0, found existing 0, updated 1, unchanged 2, failed 1" in third.stdout
    assert f"line 5 (case {prefix}-bad)" in third.stderr and "Niepoprawna" not in third.stderr


def test_incoming_referrals_are_received_and_answered(
    base_url: str,
    pup: Splot,
    ops: Splot,
    ops_credentials: tuple[str, str],
    tmp_path: Path,
) -> None:
    start = datetime.now(UTC).isoformat()
    referral = send_referral_for(pup, ops)
    state, inbox = tmp_path / "ops.sqlite3", tmp_path / "inbox"

    received = connector(base_url, ops_credentials, state, "receive", "--to", str(inbox), "--since", start)
    assert received.returncode == 0, received.stderr
    written = json.loads((inbox / f"{referral}.json").read_text(encoding="utf-8"))
    assert written["referral"]["status"] == "requested" and written["last_event"]["type"] == "referral.sent"
    nothing_new = connector(base_url, ops_credentials, state, "receive", "--to", str(inbox))
    assert "events 0" in nothing_new.stdout  # resumed from the saved cursor

    answered = connector(
        base_url, ops_credentials, state, "answer", referral, "accept", "--text", "Przyjmujemy"
    )
    assert answered.returncode == 0, answered.stderr
    assert "posted 1, already posted 0, failed 0" in answered.stdout
    twice = connector(base_url, ops_credentials, state, "answer", referral, "accept")
    assert "posted 0, already posted 1, failed 0" in twice.stdout
    seen = get_referral.sync(uuid.UUID(referral), client=pup.referrals)
    assert seen is not None and getattr(seen, "status", None) == Status.ACCEPTED

    update = connector(base_url, ops_credentials, state, "receive", "--to", str(inbox))
    assert "events 1, incoming referrals written 1" in update.stdout
    assert (
        json.loads((inbox / f"{referral}.json").read_text(encoding="utf-8"))["referral"]["status"]
        == "accepted"
    )

    # the same feed into SQLite, from another state file
    database = tmp_path / "incoming.sqlite3"
    into_db = connector(
        base_url,
        ops_credentials,
        tmp_path / "other.sqlite3",
        "receive",
        "--to",
        f"sqlite:{database}",
        "--since",
        start,
    )
    assert into_db.returncode == 0, into_db.stderr
    row = sqlite3.connect(database).execute(
        "select status, last_event from incoming_referrals where referral_id = ?", (referral,)
    )
    assert row.fetchone() == ("accepted", "referral.accepted")


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_incoming_referrals_arrive_by_webhook(
    base_url: str, pup: Splot, ops: Splot, ops_credentials: tuple[str, str], tmp_path: Path
) -> None:
    port = _free_port()
    created = create_subscription.sync_detailed(
        client=ops.referrals,
        body=SubscriptionCreate(url=f"http://127.0.0.1:{port}/splot", event_types=[EventType.REFERRAL_SENT]),
    )
    assert isinstance(created.parsed, SubscriptionWithSecret), created.content
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPLOT_")}
    env.update(
        SPLOT_URL=base_url,
        SPLOT_CLIENT_ID=ops_credentials[0],
        SPLOT_CLIENT_SECRET=ops_credentials[1],
        SPLOT_WEBHOOK_SECRETS=created.parsed.secret,
    )
    inbox = tmp_path / "hooks"
    command = [sys.executable, "-m", "splot_connector", "--state", str(tmp_path / "hooks.sqlite3"), "receive"]
    process = subprocess.Popen(
        [*command, "--to", str(inbox), "--listen", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert process.stdout is not None and "listening" in process.stdout.readline()
        forged = urllib.request.Request(
            f"http://127.0.0.1:{port}/splot",
            data=b'{"id": "x"}',
            headers={
                "webhook-id": "msg_x",
                "webhook-timestamp": str(int(time.time())),
                "webhook-signature": "v1," + base64.b64encode(b"0" * 32).decode(),
            },
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(forged, timeout=10)  # noqa: S310 (a local URL)
        assert refused.value.code == 400

        referral = send_referral_for(pup, ops)
        target = inbox / f"{referral}.json"
        deadline = time.monotonic() + 60
        while not target.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert target.exists(), "the delivery did not arrive"
        assert json.loads(target.read_text(encoding="utf-8"))["last_event"]["type"] == "referral.sent"
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=30)
    assert "incoming referrals written 1" in output
