/** Records for the feature's tests (typed by the directory's contract). */
import type { AgreementVersion, Institution, Meeting, Partnership, PartnershipSummary, Party, Plan, Task } from "./api/partnerships";

export const P_ID = "7a1e0000-0000-4000-8000-000000000001";
export const AGR_ID = "7a1e0000-0000-4000-8000-0000000000a1";
export const TASK_ID = "7a1e0000-0000-4000-8000-0000000000b1";
/** The same ids as src/test/fixtures (the signed-in user's PUP, and an OPS). */
export const PUP = "28b79b65-98dc-5131-b05c-4c718936cb7a";
export const OPS = "3c9e2f4a-1b7d-5e60-8a21-0d4f6b8c9e10";
export const NGO = "5d9e2f4a-1b7d-5e60-8a21-0d4f6b8c9e99";

const NAMES: Record<string, [string, Institution["type"]]> = {
  [PUP]: ["Powiatowy Urząd Pracy w Wieliczce", "PUP"],
  [OPS]: ["Miejsko-Gminny Ośrodek Pomocy Społecznej w Wieliczce", "OPS"],
  [NGO]: ["Fundacja Razem", "NGO"],
};

export function institutionOf(id: string): Institution {
  const [name, type] = NAMES[id] ?? ["Instytucja", "NGO"];
  return {
    id,
    type,
    name,
    short_name: null,
    teryt: "1219053",
    powiat_code: "1219",
    voivodeship_code: "12",
    regon: null,
    krs: null,
    nip: null,
    street: null,
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
}

export function summary(overrides: Partial<PartnershipSummary> = {}): PartnershipSummary {
  return {
    id: P_ID,
    name: "Partnerstwo na rzecz aktywizacji w Wieliczce",
    area_teryt: ["1219"],
    status: "in_force",
    leader_institution_id: OPS,
    party_ids: [OPS, PUP],
    ...overrides,
  };
}

export function party(institutionId: string, overrides: Partial<Party> = {}): Party {
  return {
    institution_id: institutionId,
    state: "party",
    invited_at: "2026-01-10T09:00:00Z",
    answered_at: "2026-01-11T09:00:00Z",
    joined_on: "2026-01-11",
    left_on: null,
    contact_name: null,
    contact_email: null,
    contact_phone: null,
    ...overrides,
  };
}

export function agreement(overrides: Partial<AgreementVersion> = {}): AgreementVersion {
  return {
    id: AGR_ID,
    partnership_id: P_ID,
    number: 1,
    amends_id: null,
    title: "Porozumienie o współpracy",
    document_number: "PL/1/2026",
    text: "§ 1. Strony współpracują.",
    annexes: [{ title: "Standard usługi", text: "Kroki usługi", attachment: null }],
    valid_from: "2026-01-15",
    valid_to: null,
    party_ids: [OPS, PUP],
    status: "pending",
    confirmed_on: null,
    terminated_on: null,
    termination_reason: null,
    superseded_on: null,
    confirmations: [
      { institution_id: OPS, confirmed_by_subject: "u-ops", confirmed_by_role: "coordinator", confirmed_at: "2026-01-12T10:00:00Z" },
    ],
    version: 1,
    ...overrides,
  };
}

export function partnership(overrides: Partial<Partnership> = {}): Partnership {
  return {
    ...summary(),
    status: "pending",
    access: "party",
    purpose: "Wspólna usługa aktywizacji dla osób długotrwale bezrobotnych.",
    proposed_by_institution_id: OPS,
    coordinator_subject: null,
    coordinator_name: "Tomasz Koordynator",
    parties: [party(OPS, { contact_name: "Tomasz Koordynator", contact_email: "t@ops.example" }), party(PUP)],
    agreements: [agreement()],
    version: 3,
    created_at: "2026-01-10T09:00:00Z",
    ...overrides,
  };
}

export function task(overrides: Partial<Task> = {}): Task {
  return {
    id: TASK_ID,
    title: "Uzgodnienie standardu usługi",
    description: null,
    owner_institution_id: OPS,
    starts_on: "2026-02-01",
    due_on: "2026-02-28",
    status: "planned",
    meeting_id: null,
    version: 2,
    ...overrides,
  };
}

export function plan(overrides: Partial<Plan> = {}): Plan {
  return {
    criteria: {
      teryt_codes: ["1219"],
      age_min: 18,
      age_max: 64,
      labour_office_status: "unemployed",
      social_assistance_use: "current",
      notes: null,
    },
    standard: [
      {
        id: "s1",
        position: 1,
        name: "Diagnoza w OPS",
        performer_institution_id: OPS,
        performer_type: null,
        service_type_code: "social_work",
        deadline_working_days: 5,
      },
    ],
    targets: [
      { id: "t1", indicator_code: "sla_compliance", period: "2026", baseline: 0.72, target_value: 0.9, direction: "at_least" },
      { id: "t2", indicator_code: "employment_outcome", period: "2026", baseline: 4, target_value: 12, direction: "at_least" },
      { id: "t3", indicator_code: "cooperation_index", period: "2026", baseline: null, target_value: 0.5, direction: "at_least" },
    ],
    partnership_version: 3,
    ...overrides,
  };
}

export function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: "m1",
    held_on: "2026-03-10",
    present_institution_ids: [OPS, PUP],
    agenda: "Przegląd skierowań",
    decisions: [{ text: "Skrócić czas odpowiedzi", task_id: TASK_ID }],
    minutes: { title: "Protokół nr 1", file_name: "protokol-1.pdf", media_type: null, size_bytes: null },
    next_meeting_on: "2026-06-10",
    recorded_by_institution_id: OPS,
    version: 1,
    ...overrides,
  };
}
