"""A small dataset in two voivodeships for the pulling-statistics tests (SDMX, API clients).

March 2025, every value computable by hand (threshold 5, rounding base 5):

* PUP Kraków -> CIS Kraków (voivodeship 12): 12 referrals, 7 accepted and 5 rejected by the
  provider. Published: referrals 12 -> 10, accepted 7 -> 5, responded 12 -> 10, so
  acceptance_rate = 5 / 10 = 0.5 (the published terms' ratio, not 7/12).
* PUP Kraków -> OPS Wieliczka (12): 3 referrals, unanswered: referrals suppressed; the
  acceptance rate has a zero denominator, so it does not exist (null, not suppressed).
* PUP Warszawa -> OPS Warszawa (voivodeship 14): 8 referrals, unanswered: referrals 8 -> 10.

Totals: the country 23 (published 25), voivodeship 12: 15 (15), voivodeship 14: 8 (10);
PUP Kraków's own referrals 15 (exact).
"""

from __future__ import annotations

from dataclasses import dataclass

from sample import Feeds, Institution


@dataclass
class StatisticsDataset:
    feeds: Feeds
    inst: dict[str, Institution]


def statistics_dataset() -> StatisticsDataset:
    f = Feeds()
    i = {
        "PUP_K": f.institution("PUP", "1261011", "PUP Kraków"),
        "CIS_K": f.institution("CIS", "1261011", "CIS Kraków"),
        "OPS_W": f.institution("OPS", "1219053", "OPS Wieliczka"),
        "PUP_WAW": f.institution("PUP", "1465011", "PUP Warszawa"),
        "OPS_WAW": f.institution("OPS", "1465011", "OPS Warszawa"),
    }
    krakow = f.person(1990, "F", "1261011", i["PUP_K"])
    warsaw = f.person(1980, "M", "1465011", i["PUP_WAW"])
    for n in range(12):
        ref = f.referral(i["PUP_K"], i["CIS_K"], krakow, "cis_programme")
        ref.send(f"2025-03-{3 + n:02d}", due=f"2025-03-{20 + n % 5:02d}")
        if n < 7:
            ref.accept(f"2025-03-{4 + n:02d}")
        else:
            ref.reject(f"2025-03-{4 + n:02d}", "no_capacity", "provider")
    for n in range(3):
        f.referral(i["PUP_K"], i["OPS_W"], krakow, "social_work").send(f"2025-03-{10 + n:02d}")
    for n in range(8):
        f.referral(i["PUP_WAW"], i["OPS_WAW"], warsaw, "social_work").send(f"2025-03-{3 + n:02d}")
    return StatisticsDataset(f, i)
