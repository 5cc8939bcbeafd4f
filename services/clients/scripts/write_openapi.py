"""Write ``openapi/clients.json`` from the code: ``uv run python services/clients/scripts/write_openapi.py``.

Rendered exactly like ``splot.embedded.openapi`` renders every contract (``make openapi``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from splot.clients.config import ClientsSettings
from splot.clients.main import create_app
from splot.embedded.openapi import render

CONTRACT = Path(__file__).resolve().parents[3] / "openapi" / "clients.json"


def main(argv: list[str]) -> int:
    text = render(create_app(ClientsSettings()).openapi())
    if argv and argv[0] == "check":
        if not CONTRACT.exists() or CONTRACT.read_text(encoding="utf-8") != text:
            print("openapi/clients.json is stale: run this script without arguments", file=sys.stderr)
            return 1
        return 0
    CONTRACT.write_text(text, encoding="utf-8")
    print(f"wrote {CONTRACT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
