from splot.common.migrations import run_env
from splot.reporting.models import Base

run_env(Base.metadata)
