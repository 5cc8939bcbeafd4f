import uuid

import pytest

from splot.common.testing import ServiceSpec
from splot.reporting.config import ReportingSettings
from splot.reporting.main import SERVICE_DIR, create_app

from sample import fixed_dataset, ingest

pytest_plugins = ["splot.common.testing"]

MINISTRY = uuid.UUID("00000000-0000-4000-8000-000000000001")


def _create_app(database_url: str):
    return create_app(ReportingSettings(database_url=database_url, ingest_enabled=False, log_json=True))


@pytest.fixture(scope="session")
def service_spec() -> ServiceSpec:
    return ServiceSpec(name="reporting", service_dir=SERVICE_DIR, create_app=_create_app)


@pytest.fixture
def settings(app) -> ReportingSettings:
    return app.state.settings


@pytest.fixture
def exact(app) -> ReportingSettings:
    """No suppression and no rounding: to check the arithmetic of every indicator."""
    app.state.settings = app.state.settings.model_copy(
        update={"suppression_threshold": 1, "sensitive_suppression_threshold": 1, "rounding_base": 1}
    )
    return app.state.settings


@pytest.fixture
def analyst(tokens):
    def make(scope: str = "", **kw) -> dict[str, str]:
        return tokens.headers(
            roles=["analyst"],
            analyst_scope=scope,
            institution_id=kw.pop("institution_id", MINISTRY),
            institution_type=kw.pop("institution_type", "MINISTRY"),
            teryt=kw.pop("teryt", "1465011"),
            **kw,
        )

    return make


@pytest.fixture
def staff(tokens):
    def make(inst, *roles: str) -> dict[str, str]:
        return tokens.headers(
            institution_id=inst.id,
            institution_type=inst.type,
            teryt=inst.teryt,
            roles=list(roles or ("caseworker",)),
        )

    return make


@pytest.fixture
async def dataset(sessionmaker, settings):
    data = fixed_dataset()
    await ingest(sessionmaker, data.feeds, settings)
    return data
