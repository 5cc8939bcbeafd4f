"""Services share no code, so a few catalogues are kept on both sides of a service boundary. These
tests fail when the two copies drift apart (a measure renamed in reporting, a target code left
behind in the directory)."""

from splot.directory.partnerships.indicators import INDICATOR_CODES as DIRECTORY_TARGET_CODES
from splot.reporting.partnership_measures import INDICATOR_CODES as REPORTING_MEASURED_CODES


def test_partnership_target_codes_are_exactly_what_reporting_measures() -> None:
    directory = set(DIRECTORY_TARGET_CODES)
    reporting = set(REPORTING_MEASURED_CODES)
    assert directory - reporting == set(), "targets the reporting service cannot measure"
    assert reporting - directory == set(), "measures a partnership cannot set a target for"
    assert len(DIRECTORY_TARGET_CODES) == len(directory), "a target code is listed twice"
