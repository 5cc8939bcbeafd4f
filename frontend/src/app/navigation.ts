/**
 * The main navigation and which roles see each entry. A feature whose API does not exist yet is
 * "preparing" (its route shows "w przygotowaniu") or "hidden" (no entry, no route); flip it to
 * "ready" when its screens land in src/features/<feature>.
 */
import type { Role } from "@/lib/api/directory";
import { FRONT_LINE_ROLES, hasAnyRole } from "@/lib/auth/roles";

export type FeatureState = "ready" | "preparing" | "hidden";

export type FeatureId =
  "persons" | "referrals" | "reporting" | "admin" | "imports" | "audit" | "partnerships" | "casework" | "surveys" | "practices";

export const FEATURES: Record<FeatureId, FeatureState> = {
  persons: "ready",
  referrals: "ready",
  reporting: "ready",
  admin: "ready",
  imports: "ready",
  audit: "ready",
  partnerships: "ready",
  casework: "ready",
  surveys: "ready",
  practices: "ready",
};

export interface NavItem {
  feature: FeatureId;
  path: string;
  /** i18n key of the label. */
  label: string;
  roles: readonly Role[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { feature: "persons", path: "/osoby", label: "nav.persons", roles: FRONT_LINE_ROLES },
  { feature: "referrals", path: "/skierowania", label: "nav.referrals", roles: FRONT_LINE_ROLES },
  // Analysts see their territory; coordinators their institution's own flows (the API scopes both).
  { feature: "reporting", path: "/raporty", label: "nav.reports", roles: ["analyst", "coordinator"] },
  { feature: "admin", path: "/administracja", label: "nav.admin", roles: ["institution_admin", "system_admin"] },
  // Who may import and who reads the access log follow the clients API.
  { feature: "imports", path: "/import", label: "nav.imports", roles: ["coordinator"] },
  { feature: "audit", path: "/audyt", label: "nav.audit", roles: ["auditor"] },
  // Staff of an institution that can be a party (and analysts: the summary of their territory's).
  {
    feature: "partnerships",
    path: "/partnerstwa",
    label: "partnerships.nav",
    roles: ["caseworker", "coordinator", "institution_admin", "analyst"],
  },
  // Diagnoses and individual plans: front-line staff (coordinators included).
  { feature: "casework", path: "/plany", label: "casework.nav", roles: FRONT_LINE_ROLES },
  // Surveys of institutions: analysts design and send them, coordinators and admins answer.
  { feature: "surveys", path: "/ankiety", label: "surveys.nav", roles: ["analyst", "coordinator", "institution_admin"] },
  // Good practices: every member of staff browses; institutions submit, analysts review.
  {
    feature: "practices",
    path: "/dobre-praktyki",
    label: "practices.nav",
    roles: ["caseworker", "coordinator", "institution_admin", "analyst"],
  },
];

export function featureVisible(feature: FeatureId, features: Record<FeatureId, FeatureState> = FEATURES): boolean {
  return features[feature] !== "hidden";
}

export function navItemsFor(roles: readonly string[], features: Record<FeatureId, FeatureState> = FEATURES): NavItem[] {
  return NAV_ITEMS.filter((item) => featureVisible(item.feature, features) && hasAnyRole(roles, item.roles));
}

export function rolesFor(feature: FeatureId): readonly Role[] {
  return NAV_ITEMS.find((item) => item.feature === feature)?.roles ?? [];
}
