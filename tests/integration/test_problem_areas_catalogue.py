"""The problem areas catalogue (splot.common.problem_areas) maps every reason code the referrals
service seeds (its migration 0002 and any later one adding codes) to an area of the catalogue."""

import importlib.util
import re
from pathlib import Path

from splot.common import problem_areas

REFERRALS_MIGRATIONS = Path(__file__).parents[2] / "services" / "referrals" / "migrations" / "versions"


def _seeded_reason_codes() -> set[str]:
    path = next(REFERRALS_MIGRATIONS.glob("*_0002_reason_and_outcome_codes.py"))
    spec = importlib.util.spec_from_file_location("reasons_0002", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    codes = {row[0] for row in module.REASONS}
    assert codes, "no reason codes read"
    return codes


def test_every_referral_reason_code_maps_to_an_area() -> None:
    mapping = problem_areas.reason_mapping()
    seeded = _seeded_reason_codes()
    assert seeded - set(mapping) == set(), "reason codes without a problem area"
    assert set(mapping) - seeded == set(), "mapped reason codes the referrals service does not have"
    assert set(mapping.values()) <= set(problem_areas.codes())


def test_later_migrations_add_no_unmapped_reason_codes() -> None:
    mapping = problem_areas.reason_mapping()
    for path in REFERRALS_MIGRATIONS.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        if "reason_code" not in text or "_0002_" in path.name:
            continue
        for code in re.findall(r'"code":\s*"([a-z_]+)"', text):
            assert code in mapping, f"{path.name} adds reason code {code} without a problem area"


def test_catalogue_codes_labels_and_lookup() -> None:
    codes = problem_areas.codes()
    assert len(codes) == len(set(codes)) >= 9
    assert all(re.fullmatch(r"[a-z_]+", c) for c in codes)
    for area in problem_areas.areas():
        assert area.name_pl and area.name_en and area.description_pl and area.description_en
    assert problem_areas.area_of_reason("no_capacity") == "service_availability"
    assert problem_areas.area_of_reason("client_declined") == "client_related"
    assert problem_areas.area_of_reason("never_seen") == "other"
    assert problem_areas.area_of_reason(None) is None
    assert problem_areas.label("legal") == "Prawne"
    assert problem_areas.label("legal", "en") == "Legal"
    assert problem_areas.unknown(["legal", "nope"]) == ["nope"]
