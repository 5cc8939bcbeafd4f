"""Data for the SDK's tests: valid PESELs nobody has, a person, a referral PUP → OPS."""

from __future__ import annotations

import base64
import json
import random
import uuid
from datetime import date, timedelta
from typing import Any

from stdnum.pl import pesel as stdnum_pesel

from splot_sdk import Splot, ensure_person
from splot_sdk.referrals.api.referrals import create_referral_v1_referrals_post as create_referral
from splot_sdk.referrals.models import ReferralCreate, ReferralRead


def pesel(birth: date | None = None) -> str:
    """A valid PESEL (random serial; the check digit from python-stdnum, as everywhere here)."""
    birth = birth or date(1970, 1, 1) + timedelta(days=random.randrange(15000))  # noqa: S311
    month = birth.month + {19: 0, 20: 20}[birth.year // 100]
    digits = f"{birth.year % 100:02d}{month:02d}{birth.day:02d}{random.randrange(10000):04d}"  # noqa: S311
    return digits + str(stdnum_pesel.calc_check_digit(digits))


def person_body(**overrides: Any) -> dict[str, Any]:
    return {
        "pesel": pesel(),
        "first_name": "Anna",
        "last_name": "Testowa-" + uuid.uuid4().hex[:6],
        "gmina": "1219053",
        "phone": "+48 600 700 800",
        "preferred_contact": "phone",
        **overrides,
    }


def claims(splot: Splot) -> dict[str, Any]:
    """The claims of the system's current access token (obtained if need be)."""
    if splot.auth.token is None:
        splot.directory.get_httpx_client().get("/v1/service-types").raise_for_status()
    assert splot.auth.token is not None
    payload = splot.auth.token.split(".")[1]
    return dict(json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))))


def institution_id(splot: Splot) -> str:
    return str(claims(splot)["inst"])


def send_referral(sender: Splot, receiver: Splot) -> ReferralRead:
    """A new person of the sender, referred (sent) to the receiver for social work."""
    person_id, _ = ensure_person(sender.clients, person_body())
    code = (
        "rp_pup_referral_to_social_services"
        if claims(sender).get("inst_type") == "PUP"
        else "ups_social_assistance"
    )
    response = create_referral.sync_detailed(
        client=sender.referrals,
        body=ReferralCreate.from_dict(
            {
                "person_id": person_id,
                "target_institution_id": institution_id(receiver),
                "service_type_code": "social_work",
                "priority": "routine",
                "needs_description": "Wsparcie w poszukiwaniu pracy",
                "legal_basis": {"kind": "statutory", "code": code},
                "send": True,
            }
        ),
    )
    assert response.status_code == 201, response.content
    assert isinstance(response.parsed, ReferralRead)
    return response.parsed


def send_referral_for(sender: Splot, receiver: Splot) -> str:
    """:func:`send_referral`, the referral's id as a string."""
    return str(send_referral(sender, receiver).id)
