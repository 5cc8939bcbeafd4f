"""The services the embedded mode runs, and how to migrate, seed and build each of them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.settings import ServiceSettings
from splot.directory import demo as directory_demo
from splot.directory.config import DirectorySettings
from splot.directory.main import SERVICE_DIR as DIRECTORY_DIR
from splot.directory.main import create_app as create_directory


@dataclass(frozen=True)
class EmbeddedService:
    name: str
    settings: Callable[[], ServiceSettings]
    create_app: Callable[[Any], FastAPI]
    service_dir: Path
    #: Seeds the service's demo data; receives what earlier services' seeds returned.
    seed: Callable[[AsyncSession, dict[str, Any]], Awaitable[Any]]


def _service_secrets() -> dict[str, str]:
    """Each peer service's own client secret, so the directory can register it (embedded only)."""
    return {
        name: ServiceSettings(_env_prefix=f"SPLOT_{name.upper()}_").service_client_secret.get_secret_value()
        for name in directory_demo.SERVICE_CLIENTS
    }


async def _seed_directory(session: AsyncSession, _: dict[str, Any]) -> Any:
    return await directory_demo.seed(session, service_secrets=_service_secrets())


SERVICES: tuple[EmbeddedService, ...] = (
    EmbeddedService("directory", DirectorySettings, create_directory, DIRECTORY_DIR, _seed_directory),
)
