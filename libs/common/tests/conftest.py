import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from splot.common.testing import ServiceSpec  # noqa: E402

from sample.app import SAMPLE_DIR, create_app  # noqa: E402

pytest_plugins = ["splot.common.testing"]


@pytest.fixture(scope="session")
def service_spec() -> ServiceSpec:
    return ServiceSpec(name="sample", service_dir=SAMPLE_DIR, create_app=create_app)
