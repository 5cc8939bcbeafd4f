"""PESEL: ``parse_pesel`` and ``make_pesel`` (splot.clients.identity) against vectors that do not
come from the implementation.

- Published examples: python-stdnum's documentation of ``stdnum.pl.pesel`` and the worked examples
  of Wikipedia's "PESEL" article (each vector below says which).
- Numbers built here from the published algorithm, written out in this file (nothing is imported
  from identity.py or python-stdnum to build or check them): ``YYMMDD ZZZ P K`` where
  - the month carries the century: +80 for 1800–1899, +0 for 1900–1999, +20 for 2000–2099,
    +40 for 2100–2199, +60 for 2200–2299;
  - ``P``, the 10th digit, is even for a woman and odd for a man;
  - ``K`` = (10 − (Σ digitᵢ·wᵢ mod 10)) mod 10 over the first ten digits, w = 1,3,7,9,1,3,7,9,1,3.
"""

from __future__ import annotations

import calendar
from datetime import date

import pytest

from splot.clients.identity import IdentityError, PeselFacts, make_pesel, parse_pesel

# --- the published algorithm, written out independently ------------------------------------------

CHECK_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
MONTH_OFFSET_BY_CENTURY = {1800: 80, 1900: 0, 2000: 20, 2100: 40, 2200: 60}


def check_digit(first_ten: str) -> str:
    total = sum(int(digit) * weight for digit, weight in zip(first_ten, CHECK_WEIGHTS, strict=True))
    return str((10 - total % 10) % 10)


def build(year: int, month_field: int, day: int, serial: str) -> str:
    """Ten digits from the fields as they are written (``month_field`` already carries the century,
    ``serial`` is ZZZP), then the check digit."""
    first_ten = f"{year % 100:02d}{month_field:02d}{day:02d}{serial}"
    assert len(first_ten) == 10
    return first_ten + check_digit(first_ten)


def pesel_for(born: date, sex: str, serial: str = "123") -> str:
    """A valid PESEL of someone born on ``born``, ``sex`` "F" or "M" (10th digit 4 or 7)."""
    century = born.year // 100 * 100
    return build(
        born.year, born.month + MONTH_OFFSET_BY_CENTURY[century], born.day, serial + "47"[sex == "M"]
    )


def decode(pesel: str) -> tuple[date, str]:
    """Birth date and sex a valid PESEL encodes (the published rules, not the implementation's)."""
    assert len(pesel) == 11 and pesel.isdigit() and pesel[10] == check_digit(pesel[:10]), pesel
    month_field = int(pesel[2:4])
    for century, offset in MONTH_OFFSET_BY_CENTURY.items():
        if offset < month_field <= offset + 12:
            born = date(century + int(pesel[:2]), month_field - offset, int(pesel[4:6]))
            return born, "F" if int(pesel[9]) % 2 == 0 else "M"
    raise AssertionError(f"{pesel}: month field {month_field} encodes no century")


# --- vectors ------------------------------------------------------------------------------------

#: (PESEL, birth date, sex, where it is published)
PUBLISHED_VALID = [
    ("44051401359", date(1944, 5, 14), "M", "python-stdnum docs, stdnum.pl.pesel"),
    ("02122401358", date(1902, 12, 24), "M", "python-stdnum docs, stdnum.pl.pesel"),
    ("02211307589", date(2002, 1, 13), "F", "python-stdnum docs, stdnum.pl.pesel"),
]
#: (PESEL, why it is invalid, where it is published)
PUBLISHED_INVALID = [
    ("44051401358", "check digit (9 expected)", "python-stdnum docs; Wikipedia's worked example"),
    ("12345678901", "check digit (3 expected)", "Wikipedia's worked example"),
    ("02381307589", "month 38: no century has an 18th month", "python-stdnum docs"),
    ("12345678903", "month 34: right check digit, no 14th month", "Wikipedia's worked example"),
]

#: Every century the month can carry, at its first and last day, and the leap days.
DATES = [
    date(1800, 1, 1),
    date(1899, 12, 31),
    date(1900, 1, 1),
    date(1985, 3, 14),
    date(1999, 12, 31),
    date(2000, 1, 1),
    date(2000, 2, 29),  # 2000 is a leap year (divisible by 400)
    date(2004, 12, 31),
    date(2099, 12, 31),
    date(2100, 1, 1),
    date(2199, 12, 31),
    date(2200, 1, 1),
    date(2204, 2, 29),
    date(2299, 12, 31),
]

#: Right check digit, impossible date: (year, month field, day, what is wrong).
IMPOSSIBLE_DATES = [
    (1990, 2, 30, "30 February"),
    (1900, 2, 29, "29 February 1900 (not a leap year)"),
    (2001, 22, 29, "29 February 2001"),
    (2100, 42, 29, "29 February 2100 (not a leap year)"),
    (1990, 4, 31, "31 April"),
    (1990, 0, 10, "month 0"),
    (1990, 13, 10, "month 13"),
    (2010, 33, 10, "month 13 of the 2000s"),
    (1890, 93, 10, "month 13 of the 1800s"),
    (1990, 20, 10, "month field 20: month 0 of the 2000s"),
    (1990, 5, 0, "day 0"),
    (1990, 5, 32, "day 32"),
]


# --- tests --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pesel", "born", "sex", "source"), PUBLISHED_VALID, ids=[v[0] for v in PUBLISHED_VALID]
)
def test_published_valid_pesels(pesel: str, born: date, sex: str, source: str) -> None:
    assert decode(pesel) == (born, sex), f"the test's own algorithm disagrees with {source}"
    assert parse_pesel(pesel) == PeselFacts(pesel, born, sex)


@pytest.mark.parametrize(("pesel", "why", "source"), PUBLISHED_INVALID, ids=[v[0] for v in PUBLISHED_INVALID])
def test_published_invalid_pesels_are_refused(pesel: str, why: str, source: str) -> None:
    with pytest.raises(IdentityError) as refused:
        parse_pesel(pesel)
    assert (refused.value.code, refused.value.field) == ("invalid_pesel", "pesel"), why


@pytest.mark.parametrize("born", DATES, ids=str)
@pytest.mark.parametrize("sex", ["F", "M"])
def test_every_century_and_both_sexes_are_decoded(born: date, sex: str) -> None:
    pesel = pesel_for(born, sex)
    assert parse_pesel(pesel) == PeselFacts(pesel, born, sex)
    # Any even 10th digit is a woman, any odd one a man.
    for digit in "02468" if sex == "F" else "13579":
        other = build(born.year, int(pesel[2:4]), born.day, pesel[6:9] + digit)
        assert parse_pesel(other).sex == sex, other


@pytest.mark.parametrize(
    ("year", "month_field", "day", "what"), IMPOSSIBLE_DATES, ids=[v[3] for v in IMPOSSIBLE_DATES]
)
def test_impossible_dates_are_refused_even_with_a_right_check_digit(
    year: int, month_field: int, day: int, what: str
) -> None:
    pesel = build(year, month_field, day, "1234")
    with pytest.raises(IdentityError):
        parse_pesel(pesel)


def test_every_wrong_check_digit_is_refused() -> None:
    for born, sex in [(date(1985, 3, 14), "F"), (date(2004, 12, 31), "M"), (date(1899, 1, 1), "F")]:
        pesel = pesel_for(born, sex)
        for digit in "0123456789":
            if digit != pesel[10]:
                with pytest.raises(IdentityError):
                    parse_pesel(pesel[:10] + digit)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "4405140135",
        "440514013590",
        "44051401359" + "9" * 5,
        "4405140135A",
        "44O51401359",
        "abcdefghijk",
        "+4051401359",
    ],
)
def test_wrong_length_and_non_digits_are_refused(value: str) -> None:
    with pytest.raises(IdentityError):
        parse_pesel(value)


@pytest.mark.parametrize("born", DATES, ids=str)
@pytest.mark.parametrize("sex", ["F", "M"])
def test_generated_pesels_are_valid_and_encode_the_birth_date_and_sex(born: date, sex: str) -> None:
    """make_pesel (the demo data's and the tests' generator), checked with the rules above."""
    pesels = {make_pesel(born, sex, serial) for serial in range(1000)}
    assert len(pesels) == 1000, "every serial gives another number"
    for pesel in pesels:
        assert decode(pesel) == (born, sex), pesel


def test_the_leap_days_of_the_vectors_are_real() -> None:
    """The date vectors above are what the calendar says (guards the vectors, not the code)."""
    assert calendar.isleap(2000) and calendar.isleap(2204)
    assert not calendar.isleap(1900) and not calendar.isleap(2100) and not calendar.isleap(2001)
