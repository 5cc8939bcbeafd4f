import splot.clients.casework.models  # noqa: F401  (casework tables in the metadata)
from splot.clients.models import Base
from splot.common.migrations import run_env

run_env(Base.metadata)
