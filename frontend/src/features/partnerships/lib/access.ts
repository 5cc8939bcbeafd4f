/**
 * What the signed-in user may do in a partnership, as the directory decides it (access.py): a
 * *signatory* is an institution_admin or coordinator of a party; an *organiser* is a signatory or
 * the partnership's coordinator. The buttons follow these rules; the API enforces them.
 */
import type { Me } from "@/lib/api/directory";
import type { AgreementVersion, Partnership, PartnershipSummary } from "../api/partnerships";

const SIGNATORY_ROLES = ["institution_admin", "coordinator"];

export function hasSignatoryRole(me: Me | undefined): boolean {
  return (me?.roles ?? []).some((role) => SIGNATORY_ROLES.includes(role));
}

export function myInstitutionId(me: Me | undefined): string | null {
  return me?.institution?.id ?? me?.user?.institution_id ?? null;
}

/** Whether the user's institution is a current party. */
export function isParty(me: Me | undefined, partnership: PartnershipSummary): boolean {
  const mine = myInstitutionId(me);
  return mine !== null && partnership.party_ids.includes(mine);
}

export function isSignatory(me: Me | undefined, partnership: Partnership): boolean {
  return partnership.access === "party" && isParty(me, partnership) && hasSignatoryRole(me);
}

export function isOrganiser(me: Me | undefined, partnership: Partnership): boolean {
  if (partnership.access !== "party" || !isParty(me, partnership)) return false;
  return hasSignatoryRole(me) || (partnership.coordinator_subject !== null && partnership.coordinator_subject === me?.subject);
}

/** Analysts and system administrators see partnerships they are no party to as a summary only. */
export function seesSummaryOnly(me: Me | undefined, partnership: PartnershipSummary): boolean {
  const overseer = (me?.roles ?? []).some((role) => role === "analyst" || role === "system_admin");
  return overseer && !isParty(me, partnership);
}

/** The user's party may confirm this version: named by it, not yet confirmed, still pending. */
export function mayConfirm(me: Me | undefined, partnership: Partnership, agreement: AgreementVersion): boolean {
  const mine = myInstitutionId(me);
  return (
    agreement.status === "pending" &&
    mine !== null &&
    agreement.party_ids.includes(mine) &&
    hasSignatoryRole(me) &&
    partnership.access === "party" &&
    !agreement.confirmations.some((c) => c.institution_id === mine)
  );
}

/** Amending and terminating: a signatory of a party the version names, while pending or in force. */
export function mayChangeAgreement(me: Me | undefined, agreement: AgreementVersion): boolean {
  const mine = myInstitutionId(me);
  return (
    (agreement.status === "pending" || agreement.status === "in_force") &&
    mine !== null &&
    agreement.party_ids.includes(mine) &&
    hasSignatoryRole(me)
  );
}
