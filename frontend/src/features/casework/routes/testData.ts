/** Casework records as the clients service returns them, for this feature's tests. */
import type { Action, Diagnosis, Goal, Plan, PlanListItem, PlanType, ProblemArea } from "../api/casework";

// The ids of src/test/fixtures (a feature's non-test module may not import src/test).
export const PUP_ID = "28b79b65-98dc-5131-b05c-4c718936cb7a";
export const OPS_ID = "3c9e2f4a-1b7d-5e60-8a21-0d4f6b8c9e10";
export const PERSON_ID = "5f0c6a3e-7d1b-4c2a-9e8f-1a2b3c4d5e6f";
export const PLAN_ID = "9a000000-0000-4000-8000-000000000001";
export const GOAL_ID = "9a000000-0000-4000-8000-000000000002";
export const ACTION_ID = "9a000000-0000-4000-8000-000000000003";
export const DIAGNOSIS_ID = "9a000000-0000-4000-8000-000000000004";
export const REFERRAL_ID = "9a000000-0000-4000-8000-000000000005";

export function action(overrides: Partial<Action> = {}): Action {
  return {
    id: ACTION_ID,
    goal_id: GOAL_ID,
    owner_institution_id: PUP_ID,
    description: "Szkolenie zawodowe: magazynier",
    service_type_code: "social_contract",
    due_date: "2099-01-31",
    status: "planned",
    result: null,
    conference_id: null,
    referral: null,
    proposed_result: null,
    allowed_statuses: ["in_progress", "done", "not_done", "cancelled"],
    ...overrides,
  };
}

export function goal(overrides: Partial<Goal> = {}): Goal {
  return {
    id: GOAL_ID,
    area_code: "unemployment",
    description: "Podjęcie zatrudnienia",
    sensitive: false,
    status: "open",
    assessment: null,
    assessment_reason: null,
    assessed_at: null,
    proposed_assessment: null,
    actions: [action()],
    ...overrides,
  };
}

export function plan(overrides: Partial<Plan> = {}): Plan {
  return {
    id: PLAN_ID,
    person_id: PERSON_ID,
    plan_type_code: "joint_plan",
    legal_basis_code: "ups_art_108",
    owner_institution_id: PUP_ID,
    parties: [OPS_ID],
    diagnosis_id: null,
    starts_on: "2026-11-02",
    status: "active",
    agreement_date: null,
    agreement_method: null,
    next_review_due: "2026-12-01",
    review_overdue: true,
    goals: [goal()],
    hidden_sensitive_goals: 0,
    reviews: [],
    created_at: "2026-11-02T10:00:00Z",
    updated_at: "2026-11-02T10:00:00Z",
    version: 3,
    ...overrides,
  };
}

export function listItem(overrides: Partial<PlanListItem> = {}): PlanListItem {
  return {
    id: PLAN_ID,
    person_id: PERSON_ID,
    plan_type_code: "joint_plan",
    owner_institution_id: PUP_ID,
    status: "active",
    next_review_due: "2026-12-01",
    review_overdue: true,
    version: 3,
    ...overrides,
  };
}

export function diagnosis(overrides: Partial<Diagnosis> = {}): Diagnosis {
  return {
    id: DIAGNOSIS_ID,
    person_id: PERSON_ID,
    owner_institution_id: PUP_ID,
    author_sub: "u-1",
    diagnosed_on: "2026-10-20",
    joint: true,
    status: "draft",
    areas: [
      { code: "unemployment", institution_id: PUP_ID, note: "Od 2 lat bez pracy", sensitive: false },
      { code: "addiction", institution_id: PUP_ID, note: "Terapia w toku", sensitive: true },
    ],
    hidden_sensitive_areas: 1,
    strengths: "Prawo jazdy kat. B",
    person_view: "Chce pracować w pobliżu domu",
    conclusion: "Potrzebne szkolenie",
    contributors: [{ institution_id: OPS_ID, invited_at: "2026-10-20T10:00:00Z", section: "Zadłużenie czynszowe", signed_at: null }],
    signed_at: null,
    created_at: "2026-10-20T10:00:00Z",
    updated_at: "2026-10-20T10:00:00Z",
    version: 2,
    ...overrides,
  };
}

export const PROBLEM_AREAS: ProblemArea[] = [
  { code: "unemployment", label_pl: "Bezrobocie", label_en: "Unemployment", group: "social_assistance_ground", sensitive: false },
  { code: "addiction", label_pl: "Uzależnienie", label_en: "Addiction", group: "social_assistance_ground", sensitive: true },
];

export const PLAN_TYPES: PlanType[] = [
  {
    code: "joint_plan",
    label_pl: "Wspólny plan działania",
    label_en: "Joint plan",
    legal_basis_code: "ups_art_108",
    institution_types: ["PUP", "OPS"],
    joint: true,
  },
  {
    code: "ops_social_contract",
    label_pl: "Kontrakt socjalny",
    label_en: "Social contract",
    legal_basis_code: "ups_art_108",
    institution_types: ["OPS"],
    joint: false,
  },
];
