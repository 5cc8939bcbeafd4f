from splot.common.migrations import run_env

from sample.app import Base

run_env(Base.metadata)
