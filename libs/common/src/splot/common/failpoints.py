"""Named points where a test can make the process die at once, as ``kill -9`` would.

Crash-safety is a claim about what the database holds when a process stops between two steps;
the only honest test stops it exactly there. ``SPLOT_FAILPOINT=<name>`` makes :func:`hit` end the
process with exit status 137 (the status of a SIGKILL) without running any cleanup, flushing or
committing — and only outside production (``SPLOT_ENVIRONMENT`` or the service's own
``SPLOT_<SERVICE>_ENVIRONMENT`` set to ``production`` disables every failpoint).
"""

from __future__ import annotations

import os

KILLED = 137


def _production() -> bool:
    return any(
        value == "production"
        for key, value in os.environ.items()
        if key.startswith("SPLOT_") and key.endswith("ENVIRONMENT")
    )


def hit(name: str) -> None:
    wanted = os.environ.get("SPLOT_FAILPOINT")
    if wanted and wanted == name and not _production():
        os._exit(KILLED)
