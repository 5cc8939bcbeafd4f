/** Records as the services return them (typed by the contracts), for the tests' API handlers. */
import type { ClientsSchemas } from "@/lib/api/clients";
import type { Institution, Me, Offer, ServiceType, User } from "@/lib/api/directory";
import type { ReferralsSchemas } from "@/lib/api/referrals";
import type { components as DirectoryComponents } from "@/lib/api/generated/directory";

type LegalBasis = DirectoryComponents["schemas"]["LegalBasisRead"];

export const PUP_ID = "28b79b65-98dc-5131-b05c-4c718936cb7a";
export const OPS_ID = "3c9e2f4a-1b7d-5e60-8a21-0d4f6b8c9e10";

export const institution: Institution = {
  id: PUP_ID,
  type: "PUP",
  name: "Powiatowy Urząd Pracy w Wieliczce",
  short_name: null,
  teryt: "1219053",
  powiat_code: "1219",
  voivodeship_code: "12",
  regon: null,
  krs: null,
  nip: null,
  street: "ul. Przykładowa 1",
  postal_code: "32-020",
  city: "Wieliczka",
  email: null,
  phone: null,
  website: null,
  active: true,
  version: 1,
  created_at: "2026-11-23T19:12:56Z",
  updated_at: "2026-11-23T19:12:56Z",
};

export function otherInstitution(overrides: Partial<Institution> = {}): Institution {
  return {
    ...institution,
    id: OPS_ID,
    type: "OPS",
    name: "Miejsko-Gminny Ośrodek Pomocy Społecznej w Wieliczce",
    street: null,
    ...overrides,
  };
}

export function user(overrides: Partial<User> = {}): User {
  return {
    id: "f20de0e7-3f8a-5cb6-a273-8ccdd54cb148",
    institution_id: PUP_ID,
    email: "pup.admin@splot.example",
    full_name: "Maria Administratorka",
    roles: ["institution_admin"],
    analyst_scope: null,
    active: true,
    locked: false,
    last_login_at: "2026-11-23T19:33:23Z",
    deactivated_at: null,
    version: 1,
    created_at: "2026-11-23T19:12:56Z",
    updated_at: "2026-11-23T19:12:56Z",
    ...overrides,
  };
}

export function me(roles: User["roles"] = ["institution_admin"], overrides: Partial<User> = {}): Me {
  const u = user({ roles, ...overrides });
  return { subject: u.id, kind: "user", user: u, institution, roles, scopes: [] };
}

export type Person = ClientsSchemas["PersonRead"];

export function person(overrides: Partial<Person> = {}): Person {
  return {
    id: "5f0c6a3e-7d1b-4c2a-9e8f-1a2b3c4d5e6f",
    status: "active",
    pesel: "85070524498",
    document_number: null,
    first_name: "Jan",
    last_name: "Kowalski",
    birth_date: "1985-07-05",
    birth_year: 1985,
    sex: "M",
    citizenship: "PL",
    street: "ul. Słoneczna 4",
    postal_code: "32-020",
    city: "Wieliczka",
    gmina: "1219053",
    phone: "+48 600 100 200",
    email: null,
    preferred_contact: null,
    registered_by_institution_id: PUP_ID,
    registrations: [{ institution_id: PUP_ID, registered_at: "2026-11-20T09:00:00Z", how: "created" }],
    access_basis: "registration",
    case_attributes: [],
    version: 1,
    created_at: "2026-11-20T09:00:00Z",
    updated_at: "2026-11-20T09:00:00Z",
    ...overrides,
  };
}

export function consent(overrides: Partial<ClientsSchemas["ConsentRead"]> = {}): ClientsSchemas["ConsentRead"] {
  return {
    id: "c0a80101-0000-4000-8000-000000000001",
    person_id: person().id,
    purpose: "referral",
    recipient_institution_id: null,
    recipient_institution_type: "NGO",
    service_type_code: null,
    covers_sensitive: false,
    given_at: "2026-11-20T09:30:00Z",
    expires_at: null,
    withdrawn_at: null,
    withdrawal_reason: null,
    evidence_reference: "Oświadczenie nr 12/2026",
    recorded_by_institution_id: PUP_ID,
    state: "valid",
    version: 1,
    created_at: "2026-11-20T09:30:00Z",
    ...overrides,
  };
}

export function serviceType(overrides: Partial<ServiceType> = {}): ServiceType {
  return {
    code: "social_contract",
    name_pl: "Kontrakt socjalny",
    name_en: "Social contract",
    category: "social",
    sensitive: false,
    provider_types: ["OPS", "CUS"],
    response_days_routine: 10,
    response_days_urgent: 3,
    active: true,
    ...overrides,
  };
}

export function offer(overrides: Partial<Offer> = {}): Offer {
  return {
    id: "0ffe0000-0000-4000-8000-000000000001",
    institution_id: OPS_ID,
    service_type_code: "social_contract",
    name: "Kontrakt socjalny w MGOPS",
    description: null,
    teryt: "1219053",
    street: null,
    postal_code: null,
    city: "Wieliczka",
    eligibility_note: null,
    capacity_available: 4,
    capacity_max: 10,
    capacity_updated_at: "2026-11-20T08:00:00Z",
    occupied: 2,
    active: true,
    version: 1,
    created_at: "2026-11-01T08:00:00Z",
    updated_at: "2026-11-20T08:00:00Z",
    ...overrides,
  };
}

export type Referral = ReferralsSchemas["ReferralRead"];

export function referral(overrides: Partial<Referral> = {}): Referral {
  return {
    id: "r-1",
    number: "SK-2026-AAAAA-BBBBB",
    version: 3,
    status: "requested",
    business_status: null,
    cancellation_requested: false,
    acknowledged: false,
    overdue: false,
    person_id: "p-1",
    sender_institution_id: "i-1",
    sender_user_id: null,
    target_institution_id: "i-2",
    target_institution_type: "OPS",
    target_offer_id: null,
    service_type_code: "social_contract",
    sensitive: false,
    priority: "routine",
    needs_description: "x",
    legal_basis: { kind: "statutory", code: "ups_social_assistance", citation: "art. 100", article: "art. 100", consent_id: null },
    programme: null,
    planned_start_date: null,
    planned_end_date: null,
    assignee_user_id: null,
    parent_referral_id: null,
    chain_root_id: "r-1",
    chain_depth: 0,
    reason_code: null,
    reason_text: null,
    declined_by: null,
    outcome_codes: [],
    delivered: null,
    created_at: "2026-11-20T10:00:00Z",
    updated_at: "2026-11-20T10:00:00Z",
    sent_at: "2026-11-20T10:00:00Z",
    responded_at: null,
    accepted_at: null,
    started_at: null,
    ended_at: null,
    due_at: "2026-11-27T23:00:00Z",
    expires_at: "2026-12-10T23:00:00Z",
    my_sides: ["receiver"],
    allowed_actions: [],
    view: "party",
    ...overrides,
  };
}

export function legalBasis(overrides: Partial<LegalBasis> = {}): LegalBasis {
  return {
    code: "ups_art108_contract",
    act_title: "Ustawa z dnia 12 marca 2004 r. o pomocy społecznej",
    act_short_name: "ustawa o pomocy społecznej",
    act_journal: null,
    article: "108",
    paragraph: null,
    point: null,
    citation: "art. 108 ustawy o pomocy społecznej",
    title_pl: "Kontrakt socjalny",
    title_en: "Social contract",
    institution_types: ["OPS", "CUS", "PCPR"],
    service_types: ["social_contract"],
    active: true,
    ...overrides,
  };
}
