"""Write (or check) the published OpenAPI contracts: ``python -m splot.embedded.openapi write|check``."""

from __future__ import annotations

import sys
from pathlib import Path

from splot.common.app import render_openapi
from splot.common.settings import ServiceSettings
from splot.embedded.services import SERVICES

OPENAPI_DIR = Path(__file__).resolve().parents[5] / "openapi"


def contracts() -> dict[str, str]:
    out = {}
    for service in SERVICES:
        settings: ServiceSettings = service.settings()
        app = service.create_app(settings)
        out[service.name] = render_openapi(app)
    return out


def main(argv: list[str]) -> int:
    mode = argv[0] if argv else "write"
    OPENAPI_DIR.mkdir(exist_ok=True)
    stale = []
    for name, text in contracts().items():
        path = OPENAPI_DIR / f"{name}.json"
        if mode == "write":
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(OPENAPI_DIR.parent)}")
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    if stale:
        print("stale contracts (run `make openapi`): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
