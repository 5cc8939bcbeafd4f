from splot.common.migrations import run_env
from splot.reporting.models import Base
from splot.reporting.practices import models as _practices_models  # noqa: F401
from splot.reporting.programmes import ProgrammeRef as _ProgrammeRef  # noqa: F401
from splot.reporting.report import tables as _report_tables  # noqa: F401
from splot.reporting.surveys import models as _surveys_models  # noqa: F401

run_env(Base.metadata)
