from splot.common.migrations import run_env
from splot.referrals.models import Base

run_env(Base.metadata)
