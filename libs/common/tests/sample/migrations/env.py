from sample.app import Base
from splot.common.migrations import run_env

run_env(Base.metadata)
