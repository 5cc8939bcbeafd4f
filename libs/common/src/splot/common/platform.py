"""Tables every service carries next to its own: the event outbox and the idempotency store."""

from __future__ import annotations

from sqlalchemy import MetaData

from splot.common.events import outbox_event, platform_metadata
from splot.common.idempotency import idempotency_key

PLATFORM_TABLES = (outbox_event, idempotency_key)


def include_platform_tables(metadata: MetaData) -> None:
    """Add the platform tables to a service's metadata so its migrations create them."""
    for table in platform_metadata.tables.values():
        table.to_metadata(metadata)
