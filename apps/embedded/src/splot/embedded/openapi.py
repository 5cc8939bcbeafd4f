"""Write (or check) the published contracts: ``python -m splot.embedded.openapi write|check``.

``openapi/<service>.json`` is each service's OpenAPI document; ``openapi/events/<service>.json``
the AsyncAPI document of its event feed (for the services that publish events)."""

from __future__ import annotations

import sys
from pathlib import Path

from splot.common import asyncapi
from splot.common.app import render_openapi
from splot.common.events import declared
from splot.common.settings import ServiceSettings
from splot.embedded.services import SERVICES

OPENAPI_DIR = Path(__file__).resolve().parents[5] / "openapi"


def contracts() -> dict[str, str]:
    """Relative path under ``openapi/`` -> the document's text."""
    out = {}
    for service in SERVICES:
        settings: ServiceSettings = service.settings()
        app = service.create_app(settings)
        out[f"{service.name}.json"] = render_openapi(app)
        if declared(service.name):
            out[f"events/{service.name}.json"] = asyncapi.render(
                service.name, title=app.title, version=app.version
            )
    return out


def main(argv: list[str]) -> int:
    mode = argv[0] if argv else "write"
    OPENAPI_DIR.mkdir(exist_ok=True)
    stale = []
    for name, text in contracts().items():
        path = OPENAPI_DIR / name
        path.parent.mkdir(exist_ok=True)
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
