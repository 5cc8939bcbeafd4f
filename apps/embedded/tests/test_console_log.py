"""`make run` logs for a person at a console: short lines, only failed and slow requests, the demo
logins printed once everything has started, no personal data; JSON stays the production format."""

import json
import os
import subprocess
import sys
import textwrap
import uuid

import pytest
import structlog

from splot.common.logging import configure_logging

PESEL = "90010112345"

SCRIPT = textwrap.dedent(
    f"""
    import asyncio

    import httpx
    import structlog
    from asgi_lifespan import LifespanManager

    from splot.embedded import cli

    cli.configure_console_logging()

    async def main():
        await cli.migrate()
        app = cli.build_app(on_ready=lambda: print("READY", flush=True))
        async with LifespanManager(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8000") as client:
                assert (await client.get("/api/directory/.well-known/jwks.json")).status_code == 200
                assert (await client.get("/api/referrals/v1/referrals/{{REFERRAL}}")).status_code == 401
                found = await client.get("/api/clients/v1/persons", params={{"pesel": "{PESEL}"}})
                assert found.status_code >= 400, found.status_code
        structlog.get_logger().warning("lookup_failed", pesel="{PESEL}", name="Jan Kowalski", detail="PESEL {PESEL}")

    asyncio.run(main())
    """
)


def test_the_embedded_console_is_short_and_keeps_only_problems(tmp_path):
    referral = uuid.uuid4()
    env = {
        **os.environ,
        "SPLOT_DATA_DIR": str(tmp_path / "var"),
        "SPLOT_STATIC_DIR": str(tmp_path / "dist"),
    }
    env.pop("SPLOT_EMBEDDED_LOG_REQUESTS", None)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT.replace("{REFERRAL}", str(referral))],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    after_start = out[out.index("READY") :].splitlines()[1:]
    # No JSON; one short line per failed request, with the route template and no ids or query.
    assert not any(line.lstrip().startswith("{") for line in out.splitlines())
    requests = [line for line in after_start if " GET " in line]
    assert len(requests) == 2, after_start
    assert requests[0].split()[1:] == [
        "referrals",
        "GET",
        "/v1/referrals/{referral_id}",
        "401",
        requests[0].split()[-1],
    ]
    assert requests[1].split()[1:4] == ["clients", "GET", "/v1/persons"]
    assert requests[1].split()[4].startswith("4")
    assert all(len(line) < 100 for line in requests)
    # The successful request is not logged.
    assert "jwks" not in out
    # A warning: level and event, personal data masked.
    warning = next(line for line in after_start if "lookup_failed" in line)
    assert warning.split()[1:3] == ["WARNING", "lookup_failed"]
    assert PESEL not in out and "Kowalski" not in out and str(referral) not in out
    assert "pesel=[redacted]" in warning and "name=[redacted]" in warning


@pytest.fixture
def restore_logging():
    """Back to JSON on the real stdout afterwards (capsys's stream is closed after the test)."""
    yield
    configure_logging(json=True, force=True)


def test_every_request_when_asked_and_json_in_production(restore_logging, capsys):
    configure_logging(json=False, requests="all", force=True)
    structlog.get_logger().info(
        "request", service="directory", method="GET", route="/v1/me", status=200, duration_ms=3.4
    )
    line = capsys.readouterr().out.strip()
    assert line.split()[1:] == ["directory", "GET", "/v1/me", "200", "3ms"]

    configure_logging(json=False, requests="problems", force=True)
    structlog.get_logger().info(
        "request", service="directory", method="GET", route="/v1/me", status=200, duration_ms=3
    )
    structlog.get_logger().info(
        "request", service="directory", method="GET", route="/v1/me", status=200, duration_ms=2500
    )
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1 and lines[0].endswith("200 2500ms")

    configure_logging(json=True, force=True)
    structlog.get_logger().info(
        "request", service="directory", method="GET", route="/v1/me", status=200, pesel=PESEL
    )
    record = json.loads(capsys.readouterr().out)
    assert record["event"] == "request" and record["status"] == 200 and record["pesel"] == "[redacted]"


def test_a_slow_but_ready_probe_is_no_problem_on_the_console(restore_logging, capsys):
    configure_logging(json=False, requests="problems", force=True)
    for status in (200, 503):
        structlog.get_logger().info(
            "request", service="reporting", method="GET", route="/ready", status=status, duration_ms=4272
        )
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1 and "/ready 503" in lines[0]
