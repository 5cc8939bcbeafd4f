"""Identity rules with no database: PESEL, name normalisation, document numbers, fuzzy scores."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from operator import mul

from rapidfuzz import fuzz
from stdnum.exceptions import ValidationError
from stdnum.pl import pesel as stdnum_pesel

# Letters NFKD does not decompose into a base letter plus a combining mark.
_FOLD = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"})
_SEPARATORS = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=65536)
def normalise_name(value: str) -> str:
    """Search form of a name: casefolded, diacritics stripped (ł→l), separators collapsed.

    ``"  Łukasz-Żółć  "`` → ``"lukasz zolc"``.
    """
    folded = value.casefold().translate(_FOLD)
    stripped = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", stripped).strip()


def name_tokens(first_norm: str | None, last_norm: str | None) -> list[str]:
    """The words a name search finds a person by: the first word of the first name and every
    word of the last name (normalised forms). ``("anna maria", "nowak kowalska")`` →
    ``["anna", "nowak", "kowalska"]``. A query word matches a person when it is a prefix of one."""
    words = (first_norm or "").split()[:1] + (last_norm or "").split()
    return list(dict.fromkeys(w[:100] for w in words))


def next_prefix(token: str) -> str:
    """The least string above every string starting with ``token`` (bytewise, as the C collation
    and SQLite compare): ``"kow"`` → ``"kox"``. Normalised words are ``[0-9a-z]+``."""
    return token[:-1] + chr(ord(token[-1]) + 1)


def compact_document_number(value: str) -> str:
    return re.sub(r"[\s\-/.]", "", value).upper()


class IdentityError(ValueError):
    """An identity inconsistency; ``field`` names the offending input."""

    def __init__(self, code: str, field: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.field = field
        self.message = message


@dataclass(frozen=True)
class PeselFacts:
    pesel: str
    birth_date: date
    sex: str


@lru_cache(maxsize=8192)
def parse_pesel(value: str) -> PeselFacts:
    """Validate a PESEL (python-stdnum) and derive the birth date and sex it encodes.

    Cached: schema validation and identity reconciliation parse the same number in turn, and a
    bulk import parses each row's number twice. Eleven ASCII digits (what the schemas accept)
    are checked here, by the same rules, at a fraction of the cost (a bulk import checks one
    number per row); anything else goes to python-stdnum as it is."""
    if len(value) == 11 and value.isascii() and value.isdigit():
        facts = _parse_digits(value)
        if facts is None:
            raise IdentityError("invalid_pesel", "pesel", "not a valid PESEL")
        return facts
    try:
        number = stdnum_pesel.validate(value)
        birth = stdnum_pesel.get_birth_date(number)
    except ValidationError as exc:
        raise IdentityError("invalid_pesel", "pesel", "not a valid PESEL") from exc
    return PeselFacts(number, birth, stdnum_pesel.get_gender(number))


_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
#: The century a PESEL's month encodes (month // 20), as python-stdnum reads it.
_CENTURIES = (1900, 2000, 2100, 2200, 1800)


def _parse_digits(number: str) -> PeselFacts | None:
    """python-stdnum's ``validate``, ``get_birth_date`` and ``get_gender`` for eleven ASCII
    digits: none when the check digit or the encoded date is wrong."""
    digits = number.encode()  # ASCII codes: 48 is "0", and 48 * sum(_WEIGHTS) = 2112
    if (10 + 2112 - sum(map(mul, _WEIGHTS, digits))) % 10 != digits[10] - 48:
        return None
    month = int(number[2:4])
    year = int(number[0:2]) + _CENTURIES[month // 20]
    try:
        birth = date(year, month % 20, int(number[4:6]))
    except ValueError:
        return None
    return PeselFacts(number, birth, "F" if digits[9] % 2 == 0 else "M")  # "0" is 48: even


def reconcile(*, pesel: str | None, birth_date: date | None, sex: str | None) -> tuple[str | None, date, str]:
    """Cross-check given birth date and sex against the PESEL; fill them in when omitted."""
    if pesel is None:
        if birth_date is None:
            raise IdentityError("birth_date_required", "birth_date", "birth_date is required without a PESEL")
        if sex is None:
            raise IdentityError("sex_required", "sex", "sex is required without a PESEL")
        return None, birth_date, sex
    facts = parse_pesel(pesel)
    if birth_date is not None and birth_date != facts.birth_date:
        raise IdentityError("pesel_mismatch", "birth_date", "birth_date does not match the PESEL")
    if sex is not None and sex != facts.sex:
        raise IdentityError("pesel_mismatch", "sex", "sex does not match the PESEL")
    return facts.pesel, facts.birth_date, facts.sex


def make_pesel(birth_date: date, sex: str, serial: int) -> str:
    """A PESEL with a valid check digit for a birth date, sex ("F"/"M") and serial (0-999)."""
    year = birth_date.year
    offsets = {18: 80, 19: 0, 20: 20, 21: 40, 22: 60}
    month = birth_date.month + offsets[year // 100]
    sex_digit = (serial % 5) * 2 + (1 if sex == "M" else 0)
    body = f"{year % 100:02d}{month:02d}{birth_date.day:02d}{serial % 1000:03d}{sex_digit}"
    return body + stdnum_pesel.calc_check_digit(body)


def name_score(first_a: str, last_a: str, first_b: str, last_b: str) -> float:
    """Similarity (0-100) of two normalised full names; order of the names does not matter."""
    return float(fuzz.token_sort_ratio(f"{first_a} {last_a}", f"{first_b} {last_b}"))


def initials(first_name: str | None, last_name: str | None) -> str:
    parts = [p[:1].upper() + "." for p in (first_name, last_name) if p]
    return " ".join(parts)
