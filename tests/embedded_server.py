"""The embedded server as ``make run`` starts it, for the suites that test it from the outside (the
browser test, the black-box security suite): ``splot-embedded run`` on 127.0.0.1 and a free port,
with fresh, migrated and seeded SQLite databases in a temporary directory (never ``var/``)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
READY_PATHS = ("/api/directory/ready", "/api/clients/ready", "/api/referrals/ready", "/api/reporting/ready")
START_TIMEOUT = 120.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def tail(path: Path, lines: int = 80) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no output)"


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@contextmanager
def embedded_server(
    data_dir: Path, *, static_dir: Path | None = None, env: dict[str, str] | None = None
) -> Iterator[str]:
    """Run the server until the block ends; yields its base URL. Only the given ``SPLOT_*``
    settings reach it: a developer's or CI's own (database URLs, peers on :8000…) must not."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("SPLOT_")}
    environment.update(SPLOT_DATA_DIR=str(data_dir), PYTHONUNBUFFERED="1")
    if static_dir is not None:
        environment["SPLOT_STATIC_DIR"] = str(static_dir)
    environment.update(env or {})
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log_path = data_dir / "server.log"
    command = [sys.executable, "-m", "splot.embedded.cli", "run", "--host", "127.0.0.1", "--port", str(port)]
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command, cwd=REPO_ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not all(_answers(base_url + path) for path in READY_PATHS):
            if process.poll() is not None:
                pytest.fail(
                    f"the server exited with {process.returncode} before it was ready:\n{tail(log_path)}",
                    pytrace=False,
                )
            if time.monotonic() > deadline:
                pytest.fail(
                    f"the server did not answer {', '.join(READY_PATHS)} within {START_TIMEOUT:.0f} s:\n"
                    f"{tail(log_path)}",
                    pytrace=False,
                )
            time.sleep(0.25)
        yield base_url
    finally:
        _stop(process)
        # Shown by pytest only when a test of the session failed.
        print(f"\n--- server output (last lines of {log_path}) ---\n{tail(log_path, 40)}")
