"""Programmes: a referral can belong to a programme of the directory's catalogue (the PUP–OPS
"Aktywizacja i Integracja" programme, CIS/KIS programmes, EU-funded projects), chosen by its
code. A new or changed code must name an active programme; a referral keeps its code when the
programme is later deactivated. A forwarded referral inherits its parent's programme unless the
forward names one. The code travels in the referral's events: reporting counts by it."""

from __future__ import annotations

from splot.common.errors import Problem
from splot.referrals.peers import Peers


async def check(code: str | None, *, peers: Peers) -> None:
    """``code`` (if any) names an active programme of the catalogue, or a 422."""
    if code is None:
        return
    programme = (await peers.programmes()).get(code)
    if programme is None or not programme.active:
        raise Problem(
            422,
            "unknown_programme",
            f"'{code}' is not an active programme of the catalogue (see GET /api/directory/v1/programmes)",
            programme=code,
        )
