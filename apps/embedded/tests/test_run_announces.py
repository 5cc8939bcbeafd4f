"""`splot-embedded run` says "Splot is running" only when it is: the server listens and every
service answers /ready, and the services' first calls to their peers (which go through that very
server) raise no warnings on the way."""

import os
import socket
import subprocess
import sys
import time
from datetime import datetime

import httpx

SERVICES = ("directory", "clients", "referrals", "reporting")


def _stamped_at_or_after(line: str, moment: str) -> bool:
    stamp = line[:8]
    return len(stamp) == 8 and stamp[2] == ":" and stamp[5] == ":" and stamp >= moment


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_logins_are_printed_once_every_service_is_ready(tmp_path):
    port = _free_port()
    env = {**os.environ, "SPLOT_DATA_DIR": str(tmp_path / "var"), "SPLOT_STATIC_DIR": str(tmp_path / "dist")}
    env.pop("SPLOT_EMBEDDED_LOG_REQUESTS", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "splot.embedded.cli", "run", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    stopping = "99:99:99"
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            assert line, "the server stopped:\n" + "".join(lines)
            lines.append(line)
            if line.startswith("Splot is running"):
                break
        else:
            raise AssertionError("never announced:\n" + "".join(lines))
        # At the moment it says so, every service answers.
        for name in SERVICES:
            ready = httpx.get(f"http://127.0.0.1:{port}/api/{name}/ready", timeout=5)
            assert ready.status_code == 200, (name, ready.text)
        time.sleep(6)  # the background loops' next round (revocations every few seconds)
        stopping = datetime.now().strftime("%H:%M:%S")
    finally:
        process.terminate()
        out, _ = process.communicate(timeout=30)
        lines.append(out)
    # What the server logs while it stops (its peers, reached through itself, are going away with
    # it) is not the start; console lines begin with the local time.
    log = "".join(
        line for line in "".join(lines).splitlines(keepends=True) if not _stamped_at_or_after(line, stopping)
    )
    assert "revocations_refresh_failed" not in log and "service_types_unavailable" not in log, log
    assert "WARNING" not in log, log
