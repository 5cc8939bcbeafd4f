"""The gateway's nginx.conf, run by a real nginx against stub services on loopback: routing with
the prefix stripped, the SPA fallback and caching, security headers, request ids, body limits,
problem documents for the gateway's own errors, the token endpoint's rate limit, the access log.

nginx comes from PATH or is unpacked from Debian's package by infra/ci/nginx.sh (no installation);
on a machine with neither the tests skip, saying so.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from deploylib import NGINX_CONF, PORTS, ROOT

REQUEST_ID = re.compile(r"^[0-9a-f]{32}$")
MIME_TYPES = """types {
    text/html html;
    text/css css;
    application/javascript js;
    application/json json;
    image/svg+xml svg;
}
"""


def _docs_pages() -> dict[str, bytes]:
    """The docs pages exactly as the services serve them (fastapi-offline, no root_path)."""
    from fastapi_offline import FastAPIOffline

    app = FastAPIOffline()

    async def fetch() -> dict[str, bytes]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://s") as client:
            return {path: (await client.get(path)).content for path in ("/docs", "/redoc")}

    return asyncio.run(fetch())


class _Stub(BaseHTTPRequestHandler):
    """A Splot service stand-in: echoes what reached it as JSON."""

    service = "?"
    docs: dict[str, bytes] = {}

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        received = 0
        while received < length:
            chunk = self.rfile.read(min(1 << 20, length - received))
            if not chunk:
                break
            received += len(chunk)
        if self.path in self.docs:
            body, content_type = self.docs[self.path], "text/html; charset=utf-8"
        else:
            body = json.dumps(
                {
                    "service": self.service,
                    "method": self.command,
                    "path": self.path,
                    "headers": {k.lower(): v for k, v in self.headers.items()},
                    "body_bytes": received,
                }
            ).encode()
            content_type = "application/json"
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Request-ID", self.headers.get("X-Request-ID", "none"))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, *args: object) -> None:
        pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Gateway:
    url: str
    process: subprocess.Popen
    access_log: Path
    error_log: Path


def _start_gateway(nginx: str, tmp: Path, upstreams: dict[str, int]) -> Gateway:
    conf_dir = tmp / "conf"
    html = tmp / "html"
    (html / "assets").mkdir(parents=True)
    (html / "index.html").write_text("<!doctype html><title>Splot</title><div id=root></div>")
    (html / "assets" / "app-1a2b3c.js").write_text("console.log('splot');" * 100)
    conf_dir.mkdir()
    shutil.copytree(ROOT / "infra/gateway/splot", conf_dir / "splot")
    (conf_dir / "mime.types").write_text(MIME_TYPES)
    port = _free_port()
    conf = NGINX_CONF.read_text(encoding="utf-8")
    for service, default_port in PORTS.items():
        conf = conf.replace(f"server {service}:{default_port};", f"server 127.0.0.1:{upstreams[service]};")
    conf = (
        conf.replace("listen 8080 default_server;", f"listen 127.0.0.1:{port} default_server;")
        .replace("pid /tmp/nginx.pid;", f"pid {tmp}/nginx.pid;")
        .replace("/tmp/nginx-", f"{tmp}/nginx-")
        .replace("root /usr/share/nginx/html;", f"root {html};")
        .replace("access_log /dev/stdout splot_json;", f"access_log {tmp}/access.log splot_json;")
    )
    if os.geteuid() == 0:  # workers would otherwise drop to "nobody" and not read tmp_path
        conf = "user root;\n" + conf
    (conf_dir / "nginx.conf").write_text(conf)
    error_log = tmp / "error.log"
    process = subprocess.Popen(
        [
            nginx,
            "-p",
            str(tmp),
            "-c",
            str(conf_dir / "nginx.conf"),
            "-e",
            str(error_log),
            "-g",
            "daemon off;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=error_log.open("a"),
    )
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"nginx exited:\n{error_log.read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.05)
    else:
        process.terminate()
        raise AssertionError(f"nginx did not listen:\n{error_log.read_text()}")
    return Gateway(f"http://127.0.0.1:{port}", process, tmp / "access.log", error_log)


def _stop(gateway: Gateway) -> None:
    gateway.process.terminate()
    try:
        gateway.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        gateway.process.kill()


@pytest.fixture(scope="module")
def nginx() -> str:
    result = subprocess.run(
        [str(ROOT / "infra/ci/nginx.sh")], capture_output=True, text=True, timeout=300, check=False
    )
    if result.returncode != 0:
        pytest.skip(f"no nginx binary to run the gateway configuration: {result.stderr.strip()}")
    return result.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def gateway(nginx: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gateway]:
    docs = _docs_pages()
    servers = []
    for service in PORTS:
        handler = type(f"Stub_{service}", (_Stub,), {"service": service, "docs": docs})
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    upstreams = {service: server.server_address[1] for service, server in zip(PORTS, servers, strict=True)}
    gw = _start_gateway(nginx, tmp_path_factory.mktemp("gateway"), upstreams)
    try:
        yield gw
    finally:
        _stop(gw)
        for server in servers:
            server.shutdown()
            server.server_close()


@pytest.fixture()
def http(gateway: Gateway) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=gateway.url, timeout=30) as client:
        yield client


def _security_headers(response: httpx.Response) -> None:
    h = response.headers
    assert "frame-ancestors 'none'" in h["content-security-policy"]
    assert h["strict-transport-security"].startswith("max-age=")
    assert h["x-content-type-options"] == "nosniff"
    assert h["referrer-policy"] == "same-origin"
    assert h["x-frame-options"] == "DENY"
    assert len(h.get_list("x-request-id")) == 1


def test_spa_index_and_client_side_routes(http: httpx.Client) -> None:
    for path in ("/", "/referrals/3f1c/timeline", "/index.html"):
        response = http.get(path)
        assert response.status_code == 200, path
        assert "<div id=root>" in response.text
        assert response.headers["cache-control"] == "no-cache"
        _security_headers(response)
        csp = response.headers["content-security-policy"]
        assert "script-src 'self';" in csp  # no inline scripts outside the API docs pages
        assert REQUEST_ID.match(response.headers["x-request-id"])


def test_assets_are_cached_for_a_year_and_never_fall_back(http: httpx.Client) -> None:
    response = http.get("/assets/app-1a2b3c.js", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert response.headers.get("content-encoding") == "gzip"
    _security_headers(response)
    assert http.get("/assets/missing.js").status_code == 404


@pytest.mark.parametrize("service", list(PORTS))
def test_api_routes_strip_the_prefix(http: httpx.Client, service: str) -> None:
    response = http.get(f"/api/{service}/v1/things?cursor=abc", headers={"X-Forwarded-For": "203.0.113.9"})
    assert response.status_code == 200
    seen = response.json()
    assert seen["service"] == service
    assert seen["path"] == "/v1/things?cursor=abc"
    # The client cannot choose its address: the services trust X-Forwarded-For from the gateway.
    assert seen["headers"]["x-forwarded-for"] == "127.0.0.1"
    assert seen["headers"]["x-forwarded-prefix"] == f"/api/{service}"
    assert REQUEST_ID.match(seen["headers"]["x-request-id"])
    assert response.headers["x-request-id"] == seen["headers"]["x-request-id"]
    _security_headers(response)
    assert "content-encoding" not in response.headers  # no compression of API responses
    assert http.get(f"/api/{service}").headers.get("location") == f"/api/{service}/"


def test_request_ids_are_kept_when_well_formed(http: httpx.Client) -> None:
    response = http.get("/api/clients/v1/x", headers={"X-Request-ID": "trace-42.a:b"})
    assert response.json()["headers"]["x-request-id"] == "trace-42.a:b"
    assert response.headers["x-request-id"] == "trace-42.a:b"
    response = http.get("/api/clients/v1/x", headers={"X-Request-ID": "not valid; injected"})
    assert REQUEST_ID.match(response.json()["headers"]["x-request-id"])


def test_api_docs_pages_work_under_the_prefix(http: httpx.Client) -> None:
    for service in PORTS:
        docs = http.get(f"/api/{service}/docs")
        assert docs.status_code == 200
        csp = docs.headers["content-security-policy"]
        assert "script-src 'self' 'unsafe-inline'" in csp and "worker-src 'self' blob:" in csp
        assert f"'/api/{service}/openapi.json'" in docs.text
        assert f'"/api/{service}/static-offline-docs/swagger-ui-bundle.js"' in docs.text
        assert f"'/api/{service}/docs/oauth2-redirect'" in docs.text
        assert '"/static-offline-docs/' not in docs.text
        redoc = http.get(f"/api/{service}/redoc")
        assert f'spec-url="/api/{service}/openapi.json"' in redoc.text
        assert "worker-src 'self' blob:" in redoc.headers["content-security-policy"]


def test_metrics_and_unknown_apis_are_not_served(http: httpx.Client) -> None:
    for path in ("/api/clients/metrics", "/api/directory/metrics", "/api/nope/v1/x"):
        response = http.get(path)
        assert response.status_code == 404, path
        if path.startswith("/api/nope"):
            assert response.headers["content-type"] == "application/problem+json"
            assert response.json()["status"] == 404


def test_body_limits(http: httpx.Client) -> None:
    too_big = http.post("/api/referrals/v1/referrals", content=b"x" * (3 * 1024 * 1024))
    assert too_big.status_code == 413
    assert too_big.headers["content-type"] == "application/problem+json"
    assert too_big.json()["status"] == 413
    _security_headers(too_big)
    upload = http.post(
        "/api/clients/v1/imports",
        content=b"a;b\n" * (10 * 1024 * 1024 // 4),
        headers={"Content-Type": "text/csv"},
    )
    assert upload.status_code == 200
    assert upload.json()["path"] == "/v1/imports"
    assert upload.json()["body_bytes"] == 10 * 1024 * 1024


def test_token_endpoint_is_rate_limited(http: httpx.Client) -> None:
    # 5 r/s with a burst of 20: at most 20 + 5/s pass, however slow this machine is.
    statuses = []
    limited = None
    started = time.monotonic()
    while len(statuses) < 200:
        response = http.post("/api/directory/v1/oauth/token", data={"grant_type": "password"})
        statuses.append(response.status_code)
        if response.status_code == 429:
            limited = response
            break
    elapsed = time.monotonic() - started
    assert limited is not None, f"no 429 after {len(statuses)} requests in {elapsed:.1f}s"
    assert set(statuses[:-1]) == {200}
    assert len(statuses) - 1 <= 21 + 5 * elapsed + 1
    assert limited.headers["content-type"] == "application/problem+json"
    assert limited.json()["status"] == 429
    _security_headers(limited)
    # Other directory paths are not limited.
    assert http.get("/api/directory/.well-known/jwks.json").status_code == 200


def test_access_log_is_json_without_query_strings(http: httpx.Client, gateway: Gateway) -> None:
    http.get("/api/clients/v1/persons?pesel=44051401359", headers={"X-Request-ID": "log-check-1"})
    deadline = time.monotonic() + 5
    line = None
    while time.monotonic() < deadline and line is None:
        for raw in gateway.access_log.read_text().splitlines():
            entry = json.loads(raw)
            if entry["request_id"] == "log-check-1":
                line = entry
        time.sleep(0.05)
    assert line is not None
    assert line["path"] == "/api/clients/v1/persons" and line["status"] == 200
    assert "44051401359" not in gateway.access_log.read_text()


def test_unavailable_service_is_a_problem_document(nginx: str, tmp_path: Path) -> None:
    closed = _free_port()  # nothing listens there
    gw = _start_gateway(nginx, tmp_path, dict.fromkeys(PORTS, closed))
    try:
        response = httpx.get(f"{gw.url}/api/reporting/v1/indicators", timeout=30)
    finally:
        _stop(gw)
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["retry-after"] == "5"
    assert response.json()["status"] == 503
    _security_headers(response)
