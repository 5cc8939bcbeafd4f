"""Write (or check) the published contract ``openapi/referrals.json``:
``python -m splot.referrals.contract write|check``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from splot.referrals.config import ReferralsSettings

CONTRACT = Path(__file__).resolve().parents[5] / "openapi" / "referrals.json"


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def current() -> str:
    from splot.referrals.main import create_app

    return render(create_app(ReferralsSettings(scheduler_enabled=False)).openapi())


def main(argv: list[str]) -> int:
    mode = argv[0] if argv else "write"
    text = current()
    if mode == "write":
        CONTRACT.parent.mkdir(exist_ok=True)
        CONTRACT.write_text(text, encoding="utf-8")
        print(f"wrote {CONTRACT}")
        return 0
    if not CONTRACT.exists() or CONTRACT.read_text(encoding="utf-8") != text:
        print(
            "openapi/referrals.json is stale: run `python -m splot.referrals.contract write`", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
