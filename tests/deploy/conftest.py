"""Deployment tests: the Dockerfiles, docker-compose.yml, infra/k8s, the gateway's nginx.conf and
the operations scripts, checked against the services' code (see deploylib.py)."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "network: needs the package index (skipped only when it cannot be reached, never otherwise)",
    )
