from splot.common.migrations import run_env
from splot.directory.models import Base

run_env(Base.metadata)
