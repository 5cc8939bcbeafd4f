"""Write or check ``openapi/reporting.json``: ``python -m splot.reporting.openapi [write|check]``."""

from __future__ import annotations

import json
import sys

from splot.reporting.config import ReportingSettings
from splot.reporting.main import SERVICE_DIR, create_app

CONTRACT = SERVICE_DIR.parents[1] / "openapi" / "reporting.json"


def render(schema: dict[str, object]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def contract() -> str:
    return render(create_app(ReportingSettings(ingest_enabled=False)).openapi())


def main(argv: list[str]) -> int:
    mode = argv[0] if argv else "write"
    text = contract()
    if mode == "write":
        CONTRACT.write_text(text, encoding="utf-8")
        print(f"wrote {CONTRACT}")
        return 0
    if not CONTRACT.exists() or CONTRACT.read_text(encoding="utf-8") != text:
        print("openapi/reporting.json is stale: python -m splot.reporting.openapi write", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
