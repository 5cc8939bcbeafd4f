"""Statutory legal bases: a referral's statutory basis is a provision of the directory's
legal-basis catalogue, chosen by its code. A draft's code must name an active provision; when the
referral is sent the provision must also be a task of the sender's institution type and cover the
referral's service type. The referral keeps the code and the citation (a snapshot, refreshed when
it is sent), so that what the receiver reads does not change with the catalogue."""

from __future__ import annotations

from splot.common.errors import Problem
from splot.referrals.models import Referral
from splot.referrals.peers import LegalBasisInfo, Peers

_SEE = " (see GET /api/directory/v1/legal-bases)"


async def _provision(code: str, *, peers: Peers) -> LegalBasisInfo:
    basis = (await peers.legal_bases()).get(code)
    if basis is None:
        raise Problem(
            422,
            "unknown_legal_basis",
            f"'{code}' is not a provision of the legal-basis catalogue" + _SEE,
            legal_basis_code=code,
        )
    if not basis.active:
        raise Problem(
            422,
            "legal_basis_inactive",
            f"'{code}' is no longer in force in the catalogue; choose a current provision" + _SEE,
            legal_basis_code=code,
        )
    return basis


async def check_draft(referral: Referral, *, peers: Peers) -> None:
    """A draft's statutory code names an active provision; its citation is copied."""
    if referral.legal_basis_kind != "statutory" or referral.legal_basis_code is None:
        return
    basis = await _provision(referral.legal_basis_code, peers=peers)
    referral.legal_basis_article = basis.citation


async def check_for_sending(referral: Referral, *, sender_type: str, peers: Peers) -> None:
    """The statutory basis of a referral about to be sent: an active provision, a task of the
    sender's institution type, covering its service type. The citation is copied again."""
    if referral.legal_basis_kind != "statutory":
        return
    if referral.legal_basis_code is None:
        raise Problem(
            422,
            "legal_basis_code_required",
            "a statutory basis names a provision of the legal-basis catalogue by its code" + _SEE,
        )
    basis = await _provision(referral.legal_basis_code, peers=peers)
    if not basis.covers_institution(sender_type):
        raise Problem(
            422,
            "legal_basis_institution_type",
            f"'{basis.code}' is not a statutory task of a {sender_type} (it is one of "
            + ", ".join(basis.institution_types)
            + ")",
            legal_basis_code=basis.code,
            institution_types=list(basis.institution_types),
        )
    assert referral.service_type_code is not None
    if not basis.covers_service(referral.service_type_code):
        raise Problem(
            422,
            "legal_basis_service_type",
            f"'{basis.code}' does not cover the service type {referral.service_type_code}",
            legal_basis_code=basis.code,
            service_types=list(basis.service_types),
        )
    referral.legal_basis_article = basis.citation
