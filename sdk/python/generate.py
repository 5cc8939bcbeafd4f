"""Generate (or check) the SDK's generated part: ``python sdk/python/generate.py write|check``.

Each contract ``openapi/<service>.json`` becomes the package ``splot_sdk.<service>`` through
openapi-python-client (pinned in the root dev dependencies, settings in
``openapi-python-client.yaml``), formatted with the repository's ruff settings. ``write`` replaces
the committed packages (``make sdk``); ``check`` fails when they differ from what the contracts
generate now (``make check-openapi``). Generated code is never edited by hand.
"""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SDK_DIR = Path(__file__).resolve().parent
REPO_ROOT = SDK_DIR.parents[1]
PACKAGE_DIR = SDK_DIR / "src" / "splot_sdk"
CONFIG = SDK_DIR / "openapi-python-client.yaml"
SERVICES = ("directory", "clients", "referrals", "reporting")


def _run(command: list[str], cwd: Path) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"failed: {' '.join(command)}")


def generate(into: Path) -> None:
    """Generate every service's package under ``into`` (``into/<service>/``)."""
    for service in SERVICES:
        _run(
            [
                sys.executable,
                "-m",
                "openapi_python_client",
                "generate",
                "--path",
                str(REPO_ROOT / "openapi" / f"{service}.json"),
                "--meta",
                "none",
                "--output-path",
                str(into / service),
                "--config",
                str(CONFIG),
            ],
            cwd=into,
        )
    ruff = [sys.executable, "-m", "ruff"]
    settings = ["--config", str(REPO_ROOT / "pyproject.toml")]
    _run([*ruff, "check", *settings, "--fix-only", "--extend-select=I", "--exit-zero", "."], cwd=into)
    _run([*ruff, "format", *settings, "."], cwd=into)


def _differences(left: Path, right: Path) -> list[str]:
    comparison = filecmp.dircmp(left, right, ignore=["__pycache__"])
    out = [str(right / name) for name in comparison.left_only + comparison.right_only]
    _, mismatch, errors = filecmp.cmpfiles(left, right, comparison.common_files, shallow=False)
    out += [str(right / name) for name in mismatch + errors]
    for name in comparison.common_dirs:
        out += _differences(left / name, right / name)
    return out


def main(argv: list[str]) -> int:
    mode = argv[0] if argv else "write"
    if mode not in ("write", "check"):
        print("usage: generate.py write|check", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="splot-sdk-") as tmp:
        fresh = Path(tmp)
        generate(fresh)
        stale = []
        for service in SERVICES:
            target = PACKAGE_DIR / service
            if mode == "write":
                shutil.rmtree(target, ignore_errors=True)
                shutil.copytree(fresh / service, target)
                print(f"wrote {target.relative_to(REPO_ROOT)}")
            elif not target.is_dir() or _differences(fresh / service, target):
                stale.append(service)
    if stale:
        print("stale SDK packages (run `make sdk`): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
