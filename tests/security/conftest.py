"""The black-box security suite: the embedded server as ``make run`` starts it (demo data, every
service calling its peers over HTTP), attacked through HTTP only, by legitimate users of one
institution going after another's data, and by anyone on the network.

The server runs with production's guards where they differ from the development defaults:
webhooks only to public https targets. Revocations are refreshed every second so that a revoked token
stops working within the test's patience. Every request goes to 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from blackbox import Api
from embedded_server import embedded_server

SERVICES = ("DIRECTORY", "CLIENTS", "REFERRALS", "REPORTING")


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    env = {
        "SPLOT_REFERRALS_WEBHOOK_ALLOW_PRIVATE_TARGETS": "false",
        "SPLOT_REFERRALS_WEBHOOK_ALLOW_HTTP": "false",
    }
    for service in SERVICES:
        env[f"SPLOT_{service}_REVOCATION_REFRESH_SECONDS"] = "1"
    with embedded_server(tmp_path_factory.mktemp("splot-security"), env=env) as url:
        yield url


@pytest.fixture(scope="session")
def api(base_url: str) -> Iterator[Api]:
    with Api(base_url) as client:
        yield client
