"""Webhook targets through the API and the scheduler: refused at creation and change, checked
again before every attempt (rebinding), pinned to the vetted address, no redirects, and nothing
but "connection failed" in the subscriber's log.

Only 127.0.0.1 and ::1 are ever connected to (the conftest's transport fails any test that tries
anything else); every other name goes through the stub resolver.
"""

import asyncio
import datetime as dt
import json
import ssl
import uuid

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from sqlalchemy import select

from splot.referrals import webhook_signature
from splot.referrals.config import ReferralsSettings
from splot.referrals.models import WebhookAttempt, WebhookDelivery, WebhookSubscription

from conftest import PUBLIC_V4, PUBLIC_V6, LoopbackOnly, Staff, create, run_scheduler

SUBSCRIPTIONS = "/v1/webhooks/subscriptions"
NOT_PUBLIC = "the address is not a public internet address"


def admin(world, institution_id=None):
    return world.headers(Staff(institution_id or world.pup, ("institution_admin",)))


def names(app) -> dict[str, list[str]]:
    return app.state.webhook_resolver.names


async def subscribe(client, world, url):
    response = await client.post(SUBSCRIPTIONS, json={"url": url}, headers=admin(world))
    assert response.status_code == 201, response.text
    return response.json()


async def the_delivery(session) -> WebhookDelivery:
    delivery = (await session.scalars(select(WebhookDelivery))).one()
    await session.refresh(delivery)
    return delivery


class Recorder:
    """A mock transport: records what would have been sent and answers ``status``."""

    def __init__(self, status=204, refuse=()):
        self.requests: list[httpx.Request] = []
        self.status = status
        self.refuse = set(refuse)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.host in self.refuse:
            raise httpx.ConnectError("unreachable", request=request)
        self.requests.append(request)
        return httpx.Response(self.status)

    @property
    def transport(self):
        return httpx.MockTransport(self)


class LocalServer:
    """A bare HTTP/1.1 server on a loopback address: a real socket, for what mocks cannot show."""

    def __init__(self, host="127.0.0.1", *, status=204, headers=(), tls=None, silent=False):
        self.host, self.status, self.headers, self.tls, self.silent = host, status, headers, tls, silent
        self.requests: list[dict] = []
        self._stop = asyncio.Event()

    async def __aenter__(self):
        self.server = await asyncio.start_server(self._handle, self.host, 0, ssl=self.tls)
        self.port = self.server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc):
        self._stop.set()
        self.server.close()
        await self.server.wait_closed()

    async def _handle(self, reader, writer):
        try:
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
            method, path, _ = head[0].split(" ", 2)
            headers = dict(line.split(":", 1) for line in head[1:] if line)
            headers = {k.strip().lower(): v.strip() for k, v in headers.items()}
            body = await reader.readexactly(int(headers.get("content-length", "0")))
            self.requests.append({"method": method, "path": path, "headers": headers, "body": body})
            if self.silent:
                await self._stop.wait()
                return
            extra = "".join(f"{k}: {v}\r\n" for k, v in self.headers)
            writer.write(f"HTTP/1.1 {self.status} X\r\ncontent-length: 0\r\n{extra}\r\n".encode())
            await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, ssl.SSLError):
            pass
        finally:
            writer.close()


# --- creation and change --------------------------------------------------------------------


REFUSED = [
    ("http://127.0.0.1/hooks", NOT_PUBLIC),
    ("http://127.0.0.1:5432/", NOT_PUBLIC),
    ("http://[::1]/hooks", NOT_PUBLIC),
    ("http://10.0.0.1/hooks", NOT_PUBLIC),
    ("http://172.16.0.1/hooks", NOT_PUBLIC),
    ("http://192.168.1.1/hooks", NOT_PUBLIC),
    ("http://[fd00::1]/hooks", NOT_PUBLIC),
    ("http://169.254.169.254/latest/meta-data/", NOT_PUBLIC),
    ("http://[fe80::1]/hooks", NOT_PUBLIC),
    ("http://0.0.0.0/hooks", NOT_PUBLIC),
    ("http://[::]/hooks", NOT_PUBLIC),
    ("http://224.0.0.1/hooks", NOT_PUBLIC),
    ("http://[ff02::1]/hooks", NOT_PUBLIC),
    ("http://240.0.0.1/hooks", NOT_PUBLIC),
    ("http://100.64.0.1/hooks", NOT_PUBLIC),
    ("http://198.18.0.1/hooks", NOT_PUBLIC),
    ("http://192.0.2.1/hooks", NOT_PUBLIC),
    ("http://[2001:db8::1]/hooks", NOT_PUBLIC),
    ("http://[::ffff:10.0.0.1]/hooks", NOT_PUBLIC),
    ("http://[::ffff:127.0.0.1]/hooks", NOT_PUBLIC),
    ("http://[64:ff9b::a00:1]/hooks", NOT_PUBLIC),
    ("http://[2002:a00:1::1]/hooks", NOT_PUBLIC),
    ("http://[fec0::1]/hooks", NOT_PUBLIC),
    ("http://2130706433/hooks", NOT_PUBLIC),
    ("http://0x7f.1/hooks", NOT_PUBLIC),
    ("http://017700000001/hooks", NOT_PUBLIC),
    ("http://localhost:8000/hooks", NOT_PUBLIC),
    ("http://api.localhost/hooks", NOT_PUBLIC),
    ("http://metadata.google.internal/computeMetadata/v1/", NOT_PUBLIC),
    ("http://intranet.example.com/hooks", NOT_PUBLIC),
    ("http://intranet6.example.com/hooks", NOT_PUBLIC),
    ("http://mixed.example.com/hooks", NOT_PUBLIC),
    ("http://nowhere.example.com/hooks", "the host does not resolve"),
    ("http://user:secret@receiver.test/hooks", "user names and passwords in the URL are not allowed"),
]


@pytest.fixture
def inside_names(app):
    names(app).update(
        {
            "intranet.example.com": ["10.1.2.3"],
            "intranet6.example.com": ["fd00::7"],
            "mixed.example.com": [PUBLIC_V4, "192.168.7.7"],
            "metadata.google.internal": ["169.254.169.254"],
            "localhost": ["127.0.0.1", "::1"],
        }
    )


@pytest.mark.parametrize(("url", "detail"), REFUSED)
async def test_a_subscription_to_a_non_public_target_is_refused(
    client, world, app, inside_names, url, detail
):
    response = await client.post(SUBSCRIPTIONS, json={"url": url}, headers=admin(world))
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["code"] == "webhook_url_not_allowed" and problem["detail"] == detail
    assert [e["loc"] for e in problem["errors"]] == [["body", "url"]]
    # Nothing about the inside in the answer: neither the URL nor what the name resolves to.
    for inside in ("10.1.2.3", "fd00::7", "192.168.7.7", "169.254.169.254", "127.0.0.1", "secret"):
        assert inside not in response.text
    listed = await client.get(SUBSCRIPTIONS, headers=admin(world))
    assert listed.json()["items"] == []


async def test_changing_the_url_to_a_non_public_target_is_refused(client, world, app, inside_names):
    sub = await subscribe(client, world, "https://receiver.test/hooks")
    url = f"{SUBSCRIPTIONS}/{sub['id']}"
    etag = (await client.get(url, headers=admin(world))).headers["etag"]
    for bad in ("http://169.254.169.254/", "https://intranet.example.com/hooks", "https://nowhere.test/"):
        refused = await client.patch(url, json={"url": bad}, headers={**admin(world), "If-Match": etag})
        assert refused.status_code == 422 and refused.json()["code"] == "webhook_url_not_allowed"
        assert refused.json()["errors"][0]["loc"] == ["body", "url"]
    kept = await client.get(url, headers=admin(world))
    assert kept.json()["url"] == "https://receiver.test/hooks" and kept.json()["version"] == 1
    names(app)["other.test"] = [PUBLIC_V6]
    changed = await client.patch(
        url, json={"url": "https://other.test/hooks"}, headers={**admin(world), "If-Match": etag}
    )
    assert changed.status_code == 200 and changed.json()["url"] == "https://other.test/hooks"


async def test_private_targets_only_where_the_setting_allows_them(client, world, app, inside_names):
    app.state.settings.webhook_allow_private_targets = True
    for url in ("http://127.0.0.1:9/hooks", "http://localhost:8000/hooks", "http://intranet.example.com/"):
        assert (await client.post(SUBSCRIPTIONS, json={"url": url}, headers=admin(world))).status_code == 201
    # User info and a name that does not resolve stay refused.
    for url in ("http://user:pw@127.0.0.1/", "http://nowhere.example.com/"):
        response = await client.post(SUBSCRIPTIONS, json={"url": url}, headers=admin(world))
        assert response.status_code == 422


def test_production_forces_private_targets_off(monkeypatch):
    monkeypatch.setenv("SPLOT_REFERRALS_WEBHOOK_ALLOW_PRIVATE_TARGETS", "true")
    monkeypatch.setenv("SPLOT_REFERRALS_WEBHOOK_ALLOW_HTTP", "true")
    assert ReferralsSettings().webhook_allow_private_targets is True
    assert ReferralsSettings(webhook_allow_private_targets=False).webhook_allow_private_targets is False
    production = ReferralsSettings(
        environment="production",
        database_url="postgresql+asyncpg://splot@db.example/referrals",
        service_client_secret="s" * 40,
        webhook_secret_key="k" * 40,
        webhook_allow_private_targets=True,
    )
    assert production.webhook_allow_private_targets is False and production.webhook_allow_http is False
    monkeypatch.delenv("SPLOT_REFERRALS_WEBHOOK_ALLOW_PRIVATE_TARGETS")
    assert ReferralsSettings().webhook_allow_private_targets is False  # the default


# --- delivery ---------------------------------------------------------------------------------


async def test_a_name_rebound_to_an_inside_address_is_not_delivered_to(client, world, app, session, capsys):
    app.state.settings.webhook_max_attempts = 2
    names(app)["rebind.example.com"] = [PUBLIC_V4]
    sub = await subscribe(client, world, "https://rebind.example.com/hooks?token=t0ps3cret")
    await create(client, world)
    names(app)["rebind.example.com"] = ["10.0.0.1"]  # DNS changes after the check
    recorder = Recorder()
    capsys.readouterr()
    first = await run_scheduler(app, transport=recorder.transport)
    assert first.webhooks_failed == 1 and recorder.requests == []
    delivery = await the_delivery(session)
    assert delivery.status == "pending" and delivery.attempts == 1
    assert delivery.last_error == "connection failed" and delivery.last_status_code is None
    # The operators' log names the cause; never the URL's query string.
    logged = [json.loads(line) for line in capsys.readouterr().out.splitlines() if "target_refused" in line]
    assert len(logged) == 1 and "10.0.0.1" in logged[0]["cause"] and logged[0]["reason"] == "address"
    assert "t0ps3cret" not in json.dumps(logged)
    # Private now, then gone from DNS: both plain failed attempts, the second one the dead letter.
    names(app).pop("rebind.example.com")
    later = delivery.next_attempt_at + dt.timedelta(seconds=1)
    assert (await run_scheduler(app, now=later, transport=recorder.transport)).webhooks_failed == 1
    delivery = await the_delivery(session)
    assert delivery.status == "dead" and delivery.last_error == "connection failed"
    assert recorder.requests == []
    log = await client.get(f"{SUBSCRIPTIONS}/{sub['id']}/deliveries", headers=admin(world))
    entry = log.json()["items"][0]
    assert [a["error"] for a in entry["attempt_log"]] == ["connection failed", "connection failed"]
    assert "10.0.0.1" not in log.text and "private" not in log.text


async def test_deliveries_go_to_the_vetted_address_under_the_original_name(client, world, app, session):
    names(app)["receiver.test"] = [PUBLIC_V6, PUBLIC_V4]
    await subscribe(client, world, "https://receiver.test/hooks?x=1")
    await create(client, world)
    # The first address does not take the connection: the next vetted one does.
    recorder = Recorder(refuse={PUBLIC_V6})
    assert (await run_scheduler(app, transport=recorder.transport)).webhooks_delivered == 1
    [sent] = recorder.requests
    assert sent.url.host == PUBLIC_V4 and sent.url.raw_path == b"/hooks?x=1" and sent.url.scheme == "https"
    assert sent.headers["host"] == "receiver.test"
    assert sent.extensions["sni_hostname"] == "receiver.test"
    assert sent.headers["connection"] == "close"
    attempts = (await session.scalars(select(WebhookAttempt))).all()
    assert [(a.status_code, a.error) for a in attempts] == [(204, None)]


async def test_a_network_failure_says_connection_failed_and_nothing_more(client, world, app, session):
    names(app)["receiver.test"] = [PUBLIC_V4, PUBLIC_V6]
    await subscribe(client, world, "https://receiver.test/hooks")
    await create(client, world)
    recorder = Recorder(refuse={PUBLIC_V4, PUBLIC_V6})
    assert (await run_scheduler(app, transport=recorder.transport)).webhooks_failed == 1
    delivery = await the_delivery(session)
    assert delivery.last_error == "connection failed" and delivery.status == "pending"


async def test_redirects_are_not_followed(client, world, app, session):
    app.state.settings.webhook_allow_private_targets = True
    async with LocalServer(status=302) as server:
        server.headers = [("location", f"http://127.0.0.1:{server.port}/elsewhere")]
        names(app)["hooks.test"] = ["127.0.0.1"]
        sub = await subscribe(client, world, f"http://hooks.test:{server.port}/hooks")
        await create(client, world)
        report = await run_scheduler(app)
    assert report.webhooks_failed == 1 and report.webhooks_delivered == 0
    assert [r["path"] for r in server.requests] == ["/hooks"]
    delivery = await the_delivery(session)
    assert delivery.last_status_code == 302 and delivery.last_error == "HTTP 302"
    assert delivery.status == "pending" and delivery.subscription_id == uuid.UUID(sub["id"])


@pytest.mark.parametrize("loopback", ["127.0.0.1", "::1"])
async def test_a_real_delivery_is_pinned_to_the_vetted_address(client, world, app, session, loopback):
    app.state.settings.webhook_allow_private_targets = True
    try:
        server = await LocalServer(loopback).__aenter__()
    except OSError:
        pytest.skip(f"{loopback} is not available here")
    try:
        names(app)["hooks.test"] = [loopback]
        sub = await subscribe(client, world, f"http://hooks.test:{server.port}/hooks")
        await create(client, world)
        report = await run_scheduler(app)
    finally:
        await server.__aexit__(None, None, None)
    assert report.webhooks_delivered == 1
    [got] = server.requests
    assert got["method"] == "POST" and got["path"] == "/hooks"
    assert got["headers"]["host"] == f"hooks.test:{server.port}"
    # Signed over the wire as the Standard Webhooks specification says (raises otherwise).
    webhook_signature.verify(sub["secret"], got["body"], got["headers"])
    assert got["headers"]["webhook-id"] == got["headers"]["splot-event-id"]
    assert app.state.webhook_resolver.asked.count("hooks.test") == 2  # at creation and at delivery


def _certificate(tmp_path, name):
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / f"{name}.crt", tmp_path / f"{name}.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_file, key_file


@pytest.mark.parametrize(("certified", "delivered"), [("hooks.test", True), ("other.test", False)])
async def test_tls_is_checked_against_the_name_not_the_address(
    client, world, app, session, tmp_path, certified, delivered
):
    """Connected to 127.0.0.1, the server is asked for (SNI) and must prove (certificate) the name."""
    app.state.settings.webhook_allow_private_targets = True
    cert_file, key_file = _certificate(tmp_path, certified)
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(cert_file, key_file)
    asked_for: list[str | None] = []
    server_tls.sni_callback = lambda sslobj, name, context: asked_for.append(name)
    client_tls = ssl.create_default_context(cafile=str(cert_file))
    names(app)["hooks.test"] = ["127.0.0.1"]
    async with LocalServer(tls=server_tls) as server:
        await subscribe(client, world, f"https://hooks.test:{server.port}/hooks")
        await create(client, world)
        report = await run_scheduler(app, transport=LoopbackOnly(verify=client_tls))
    assert asked_for == ["hooks.test"]
    delivery = await the_delivery(session)
    if delivered:
        assert report.webhooks_delivered == 1 and delivery.status == "delivered"
        assert server.requests[0]["headers"]["host"] == f"hooks.test:{server.port}"
    else:
        assert report.webhooks_failed == 1 and server.requests == []
        assert delivery.last_error == "connection failed"


async def test_a_silent_receiver_is_a_failed_attempt(client, world, app, session):
    app.state.settings.webhook_allow_private_targets = True
    app.state.settings.webhook_timeout_seconds = 0.2
    async with LocalServer(silent=True) as server:
        names(app)["hooks.test"] = ["127.0.0.1"]
        await subscribe(client, world, f"http://hooks.test:{server.port}/hooks")
        await create(client, world)
        report = await run_scheduler(app)
    assert report.webhooks_failed == 1 and len(server.requests) == 1
    delivery = await the_delivery(session)
    assert delivery.last_error == "connection failed" and delivery.last_status_code is None


async def test_a_subscription_made_before_the_guard_is_checked_at_delivery(client, world, app, session):
    """Rows written before this rule (or straight into the database) get no free pass."""
    sub = await subscribe(client, world, "https://receiver.test/hooks")
    stored = await session.get(WebhookSubscription, uuid.UUID(sub["id"]))
    stored.url = "http://169.254.169.254/latest/meta-data/"
    await session.flush()
    await create(client, world)
    recorder = Recorder()
    assert (await run_scheduler(app, transport=recorder.transport)).webhooks_failed == 1
    assert recorder.requests == []
    assert (await the_delivery(session)).last_error == "connection failed"
