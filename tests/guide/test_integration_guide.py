"""The integrator guide (docs/integration.md) runs as written: every ```python block, in order, in
one namespace, against the embedded server that `make run` starts (fresh demo data), and the quick
start's script. A block that raises fails the test with its line in the guide."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest

from embedded_server import REPO_ROOT, embedded_server

GUIDE = REPO_ROOT / "docs" / "integration.md"
QUICKSTART = "python3 -m uv run python docs/examples/quickstart.py"
_BLOCK = re.compile(r"^```python\n(.*?)^```$", re.S | re.M)


def blocks(text: str) -> list[tuple[int, str]]:
    """``(line, code)`` of every python block of the guide."""
    return [(text.count("\n", 0, m.start()) + 2, m.group(1)) for m in _BLOCK.finditer(text)]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    existing = os.environ.get("SPLOT_GUIDE_URL")  # a running `make run`, while editing the guide
    if existing:
        yield existing
        return
    with embedded_server(tmp_path_factory.mktemp("guide")) as url:
        yield url


def test_the_guide_has_no_unfinished_section() -> None:
    text = GUIDE.read_text()
    assert not re.search(r"^[A-Z_]+_SECTION$", text, re.M)
    assert len(blocks(text)) >= 10
    assert QUICKSTART in text


def test_every_python_block_of_the_guide_runs(
    base_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SPLOT_URL", base_url)
    monkeypatch.chdir(tmp_path)  # files the examples save land here, not in the repository
    namespace: dict[str, object] = {"__name__": "integration_guide"}
    for line, code in blocks(GUIDE.read_text()):
        try:
            exec(compile(code, f"{GUIDE}:{line}", "exec"), namespace)  # noqa: S102 - the guide's own code
        except Exception:
            pytest.fail(
                f"the block at docs/integration.md:{line} failed:\n"
                + textwrap.indent(traceback.format_exc(), "  ")
            )


def test_the_quick_start_script_runs(base_url: str) -> None:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("SPLOT_")} | {
        "SPLOT_URL": base_url
    }
    done = subprocess.run(
        [sys.executable, "docs/examples/quickstart.py"],
        cwd=REPO_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "completed" in done.stdout
