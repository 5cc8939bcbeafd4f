"""The part of the directory's legal-basis catalogue the demo cites (codes, citations, who and
what each covers), as seeded by the directory's migration 0004."""

from __future__ import annotations

from splot.referrals.peers import LegalBasisInfo

_SOCIAL = ("OPS", "CUS", "PCPR")
_NGOS = ("NGO", "CIS", "KIS")
_SOCIAL_SERVICES = (
    "social_work",
    "social_contract",
    "family_assistant",
    "crisis_intervention",
    "legal_counselling",
    "psychological_counselling",
    "family_counselling",
    "care_services",
    "kis",
    "cis",
    "debt_counselling",
    "housing_support",
    "childcare",
)

LEGAL_BASES: dict[str, LegalBasisInfo] = {
    b.code: b
    for b in (
        LegalBasisInfo(
            "ups_art45_social_work",
            "art. 45 ustawy o pomocy społecznej",
            _SOCIAL,
            ("social_work", "kis", "cis", "housing_support", "debt_counselling"),
        ),
        LegalBasisInfo(
            "ups_art108_contract",
            "art. 108 ustawy o pomocy społecznej",
            _SOCIAL,
            (
                "social_contract",
                "kis",
                "cis",
                "job_placement",
                "vocational_counselling",
                "training",
                "traineeship",
                "socially_useful_work",
            ),
        ),
        LegalBasisInfo(
            "ups_art47_crisis", "art. 47 ustawy o pomocy społecznej", _SOCIAL, ("crisis_intervention",)
        ),
        LegalBasisInfo(
            "rp_pup_services",
            "ustawa o rynku pracy i służbach zatrudnienia: Usługi rynku pracy powiatowego urzędu pracy: "
            "pośrednictwo pracy i poradnictwo zawodowe",
            ("PUP",),
            ("job_placement", "vocational_counselling"),
        ),
        LegalBasisInfo(
            "rp_pup_referral_to_social_services",
            "ustawa o rynku pracy i służbach zatrudnienia: Współpraca powiatowego urzędu pracy z ośrodkiem "
            "pomocy społecznej w aktywizacji bezrobotnych wymagających wsparcia socjalnego",
            ("PUP",),
            _SOCIAL_SERVICES,
        ),
        LegalBasisInfo(
            "uzs_art12_cis", "art. 12 ust. 1 ustawy o zatrudnieniu socjalnym", ("OPS", "CUS", "PUP"), ("cis",)
        ),
        LegalBasisInfo(
            "udpp_art11_public_task",
            "art. 11 ust. 1 ustawy o działalności pożytku publicznego i o wolontariacie",
            _NGOS,
        ),
    )
}


def code_for(sender_type: str, service_type: str) -> str:
    """The first provision the demo cites for such a sender and service type."""
    for basis in LEGAL_BASES.values():
        if basis.covers_institution(sender_type) and basis.covers_service(service_type):
            return basis.code
    raise LookupError(f"no demo legal basis for a {sender_type} referring to {service_type}")
