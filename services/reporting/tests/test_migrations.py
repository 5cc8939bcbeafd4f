"""The migrations build exactly the schema the models describe (a model change without its
migration, or the reverse, fails here)."""

from splot.common.testing import schema_differences
from splot.reporting.models import Base


async def test_migrated_schema_matches_the_models(engine):
    assert await schema_differences(engine, Base.metadata) == []
