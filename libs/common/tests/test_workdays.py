"""Deadlines in Polish working days, checked against the holidays package."""

from datetime import UTC, date, datetime, timedelta

import holidays
import pytest

from splot.common import workdays


def test_christmas_eve_is_a_public_holiday_since_2025():
    pl = holidays.country_holidays("PL", years=[2024, 2025, 2026])
    assert date(2024, 12, 24) not in pl
    assert date(2026, 12, 24) in pl


def test_routine_deadline_from_23_december_skips_christmas_new_year_and_weekends():
    # Sent Wednesday 2026-12-23: 24, 25, 26 Dec are holidays, 26/27 Dec and 2/3 Jan weekends,
    # 1 Jan a holiday: working days are 28, 29, 30, 31 Dec and 4 Jan.
    assert workdays.add_working_days(date(2026, 12, 23), 5) == date(2027, 1, 4)
    pl = holidays.country_holidays("PL", years=[2026, 2027])
    day, counted = date(2026, 12, 23), 0
    while counted < 5:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in pl:
            counted += 1
    assert day == date(2027, 1, 4)


def test_urgent_deadline_and_easter():
    assert workdays.add_working_days(date(2026, 12, 23), 2) == date(2026, 12, 29)
    # Easter Monday 2027-03-29 is a holiday: Friday 26 March + 1 working day = Tuesday 30 March.
    assert workdays.add_working_days(date(2027, 3, 26), 1) == date(2027, 3, 30)
    assert workdays.add_working_days(date(2026, 5, 1), 0) == date(2026, 5, 1)
    with pytest.raises(ValueError):
        workdays.add_working_days(date(2026, 5, 1), -1)


def test_deadline_is_the_end_of_the_working_day_in_warsaw():
    # 22:30 UTC on 23 Dec is already 24 Dec in Warsaw (UTC+1): the count starts from 24 Dec.
    late = datetime(2026, 12, 23, 22, 30, tzinfo=UTC)
    due = workdays.deadline(late, 5, "Europe/Warsaw")
    assert due == datetime(2027, 1, 4, 23, 0, tzinfo=UTC)  # midnight 5 Jan in Warsaw
    early = datetime(2026, 12, 23, 9, 0, tzinfo=UTC)
    assert workdays.deadline(early, 5, "Europe/Warsaw") == datetime(2027, 1, 4, 23, 0, tzinfo=UTC)
    summer = datetime(2026, 7, 1, 9, 0, tzinfo=UTC)  # Wednesday; UTC+2 in summer
    assert workdays.deadline(summer, 2, "Europe/Warsaw") == datetime(2026, 7, 3, 22, 0, tzinfo=UTC)


def test_add_months_clamps_to_the_end_of_the_month():
    moment = datetime(2026, 8, 31, 12, 0, tzinfo=UTC)
    assert workdays.add_months(moment, 6) == datetime(2027, 2, 28, 12, 0, tzinfo=UTC)
    assert workdays.add_months(moment, 3) == datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    assert workdays.add_months(datetime(2027, 11, 30, tzinfo=UTC), 3) == datetime(2028, 2, 29, tzinfo=UTC)
