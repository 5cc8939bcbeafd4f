"""Data steps of the reporting migrations (down to the revision before, write, up again)."""

import uuid

from sqlalchemy import text

from splot.common.db import create_engine
from splot.common.migrations import downgrade, upgrade
from splot.common.testing import migrated_database
from splot.reporting.main import SERVICE_DIR


async def test_0017_starts_each_cursor_at_the_highest_position_processed(service_spec, tmp_path_factory):
    """Every recorded event came at a position up to its cursor's, or up to the highest recorded
    one where a cursor was moved back: the new column must not start below either, or a re-read
    page would skip the look-up of ids that were applied."""
    url = await migrated_database(service_spec, "splot_test_reporting_0017", tmp_path_factory)
    await downgrade(SERVICE_DIR, url, "0016")
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO source_cursor (source, last_seq, head_seq, events_applied, consecutive_failures)"
                    " VALUES ('referrals', 40, 50, 40, 0), ('clients', 3, 9, 3, 0), ('directory', 0, 0, 0, 0)"
                )
            )
            for source, seq in (("referrals", 12), ("referrals", 40), ("clients", 2), ("clients", 7)):
                await conn.execute(
                    text(
                        "INSERT INTO processed_event (event_id, source, seq, processed_at)"
                        " VALUES (:id, :source, :seq, CURRENT_TIMESTAMP)"
                    ),
                    {
                        "id": uuid.uuid4().hex if "sqlite" in url else uuid.uuid4(),
                        "source": source,
                        "seq": seq,
                    },
                )
    finally:
        await engine.dispose()
    await upgrade(SERVICE_DIR, url)
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(
                text("SELECT source, processed_through FROM source_cursor ORDER BY source")
            )
            # clients: its cursor was moved back to 3 after position 7 had been applied
            assert [tuple(r) for r in rows] == [("clients", 7), ("directory", 0), ("referrals", 40)]
    finally:
        await engine.dispose()
