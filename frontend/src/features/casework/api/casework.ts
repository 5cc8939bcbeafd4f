/**
 * Casework (the clients service): diagnoses, individual plans, the lead worker and case
 * conferences — query factories and mutations. Every change of a versioned record sends If-Match
 * with the version read; the answer (the record's new version) replaces the cached one.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { unwrap } from "@/lib/api/client";
import { clients, type ClientsSchemas } from "@/lib/api/clients";
import { directory } from "@/lib/api/directory";

export type Diagnosis = ClientsSchemas["DiagnosisRead"];
export type DiagnosisCreate = ClientsSchemas["DiagnosisCreate"];
export type DiagnosisUpdate = ClientsSchemas["DiagnosisUpdate"];
export type DiagnosisAreaInput = ClientsSchemas["DiagnosisAreaInput"];
export type Plan = ClientsSchemas["PlanRead"];
export type PlanListItem = ClientsSchemas["PlanListItem"];
export type PlanCreate = ClientsSchemas["PlanCreate"];
export type PlanUpdate = ClientsSchemas["PlanUpdate"];
export type Goal = ClientsSchemas["GoalRead"];
export type Action = ClientsSchemas["ActionRead"];
export type ActionCreate = ClientsSchemas["ActionCreate"];
export type ActionUpdate = ClientsSchemas["ActionUpdate"];
export type ActionStatus = ClientsSchemas["ActionStatus"];
export type Assessment = ClientsSchemas["Assessment"];
export type GoalAssess = ClientsSchemas["GoalAssess"];
export type ReviewCreate = ClientsSchemas["ReviewCreate"];
export type PlanType = ClientsSchemas["PlanTypeRead"];
export type ProblemArea = ClientsSchemas["ProblemAreaRead"];
export type LeadWorker = ClientsSchemas["LeadWorkerRead"];
export type LeadWorkerSet = ClientsSchemas["LeadWorkerSet"];
export type Conference = ClientsSchemas["CaseConferenceRead"];
export type ConferenceCreate = ClientsSchemas["CaseConferenceCreate"];

export const ACTION_STATUSES: readonly ActionStatus[] = ["planned", "in_progress", "done", "not_done", "cancelled"];
export const ASSESSMENTS: readonly Assessment[] = ["achieved", "partly_achieved", "not_achieved", "abandoned"];
export const AGREEMENT_METHODS = ["signed_paper", "oral_recorded", "electronic"] as const;

/** The ETag the clients service gives a version of a casework record (sent back in If-Match). */
export function etagOf(kind: "plan" | "diagnosis" | "lead-worker", id: string, version: number): string {
  return `"${kind}.${id}.${version}"`;
}

export const caseworkKeys = {
  all: ["casework"] as const,
  problemAreas: () => ["casework", "problem-areas"] as const,
  planTypes: () => ["casework", "plan-types"] as const,
  diagnoses: (personId: string) => ["casework", "person", personId, "diagnoses"] as const,
  plans: (personId: string) => ["casework", "person", personId, "plans"] as const,
  plan: (planId: string) => ["casework", "plan", planId] as const,
  leadWorker: (personId: string) => ["casework", "person", personId, "lead-worker"] as const,
  conferences: (personId: string) => ["casework", "person", personId, "conferences"] as const,
  due: (before: string | null) => ["casework", "plans", "due", before] as const,
  person: (id: string) => ["clients", "persons", "one", id] as const,
  institution: (id: string) => ["directory", "institutions", "one", id] as const,
  institutions: (teryt: string) => ["directory", "institutions", "area", teryt] as const,
  legalBases: () => ["directory", "legal-bases", "all"] as const,
  serviceTypes: () => ["directory", "service-types"] as const,
  staff: () => ["directory", "users", "active"] as const,
};

const REFERENCE = { staleTime: 60 * 60 * 1000 };

export const caseworkQueries = {
  problemAreas: () =>
    queryOptions({ queryKey: caseworkKeys.problemAreas(), ...REFERENCE, queryFn: () => unwrap(clients.GET("/v1/problem-areas")) }),
  planTypes: () => queryOptions({ queryKey: caseworkKeys.planTypes(), ...REFERENCE, queryFn: () => unwrap(clients.GET("/v1/plan-types")) }),
  diagnoses: (personId: string) =>
    queryOptions({
      queryKey: caseworkKeys.diagnoses(personId),
      queryFn: () =>
        unwrap(clients.GET("/v1/persons/{person_id}/diagnoses", { params: { path: { person_id: personId }, query: { limit: 100 } } })),
    }),
  plans: (personId: string) =>
    queryOptions({
      queryKey: caseworkKeys.plans(personId),
      queryFn: () =>
        unwrap(clients.GET("/v1/persons/{person_id}/plans", { params: { path: { person_id: personId }, query: { limit: 100 } } })),
    }),
  plan: (planId: string) =>
    queryOptions({
      queryKey: caseworkKeys.plan(planId),
      queryFn: () => unwrap(clients.GET("/v1/plans/{plan_id}", { params: { path: { plan_id: planId } } })),
    }),
  leadWorker: (personId: string) =>
    queryOptions({
      queryKey: caseworkKeys.leadWorker(personId),
      queryFn: () => unwrap(clients.GET("/v1/persons/{person_id}/lead-worker", { params: { path: { person_id: personId } } })),
    }),
  conferences: (personId: string) =>
    queryOptions({
      queryKey: caseworkKeys.conferences(personId),
      queryFn: () =>
        unwrap(
          clients.GET("/v1/persons/{person_id}/case-conferences", { params: { path: { person_id: personId }, query: { limit: 100 } } }),
        ),
    }),
  /** Active plans of the caller's institution (owned or a party), optionally only those due for review before a day. */
  due: (before: string | null) =>
    queryOptions({
      queryKey: caseworkKeys.due(before),
      queryFn: () => unwrap(clients.GET("/v1/plans", { params: { query: { review_due_before: before ?? undefined, limit: 200 } } })),
    }),
  person: (id: string) =>
    queryOptions({
      queryKey: caseworkKeys.person(id),
      queryFn: () => unwrap(clients.GET("/v1/persons/{person_id}", { params: { path: { person_id: id } } })),
    }),
  institution: (id: string) =>
    queryOptions({
      queryKey: caseworkKeys.institution(id),
      ...REFERENCE,
      queryFn: () => unwrap(directory.GET("/v1/institutions/{institution_id}", { params: { path: { institution_id: id } } })),
    }),
  institutions: (teryt: string) =>
    queryOptions({
      queryKey: caseworkKeys.institutions(teryt),
      ...REFERENCE,
      queryFn: () => unwrap(directory.GET("/v1/institutions", { params: { query: { teryt, active: true, limit: 200 } } })),
    }),
  legalBases: () =>
    queryOptions({ queryKey: caseworkKeys.legalBases(), ...REFERENCE, queryFn: () => unwrap(directory.GET("/v1/legal-bases")) }),
  serviceTypes: () =>
    queryOptions({ queryKey: caseworkKeys.serviceTypes(), ...REFERENCE, queryFn: () => unwrap(directory.GET("/v1/service-types")) }),
  staff: () =>
    queryOptions({
      queryKey: caseworkKeys.staff(),
      staleTime: 5 * 60 * 1000,
      queryFn: () => unwrap(directory.GET("/v1/users", { params: { query: { active: true, limit: 200 } } })),
    }),
};

export const useProblemAreas = () => useQuery(caseworkQueries.problemAreas());
export const usePlanTypes = () => useQuery(caseworkQueries.planTypes());
export const useServiceTypes = () => useQuery(caseworkQueries.serviceTypes());
export const useLegalBases = () => useQuery(caseworkQueries.legalBases());
export const useStaff = (enabled = true) => useQuery({ ...caseworkQueries.staff(), enabled });
export function useInstitution(id: string | null | undefined) {
  return useQuery({ ...caseworkQueries.institution(id ?? ""), enabled: !!id });
}
export function useAreaInstitutions(teryt: string | null | undefined) {
  return useQuery({ ...caseworkQueries.institutions(teryt ?? ""), enabled: !!teryt });
}
export function usePerson(id: string) {
  return useQuery({ ...caseworkQueries.person(id), retry: false });
}

// ---- mutations -------------------------------------------------------------------------------

/** After a change of a person's casework: the new plan version in place, the lists read again. */
function useRefresh(personId: string) {
  const queryClient = useQueryClient();
  return {
    plan: async (plan: Plan) => {
      queryClient.setQueryData(caseworkKeys.plan(plan.id), plan);
      await queryClient.invalidateQueries({ queryKey: caseworkKeys.plans(personId) });
      await queryClient.invalidateQueries({ queryKey: ["casework", "plans", "due"] });
    },
    diagnoses: () => queryClient.invalidateQueries({ queryKey: caseworkKeys.diagnoses(personId) }),
    leadWorker: () => queryClient.invalidateQueries({ queryKey: caseworkKeys.leadWorker(personId) }),
    conferences: () => queryClient.invalidateQueries({ queryKey: caseworkKeys.conferences(personId) }),
    /** After a 412: read the person's casework again. */
    all: () => queryClient.invalidateQueries({ queryKey: ["casework", "person", personId] }),
  };
}

export function useCaseworkRefresh(personId: string) {
  return useRefresh(personId);
}

export function useCreateDiagnosis(personId: string) {
  const refresh = useRefresh(personId);
  return useMutation({
    mutationFn: (body: DiagnosisCreate) =>
      unwrap(clients.POST("/v1/persons/{person_id}/diagnoses", { params: { path: { person_id: personId } }, body })),
    onSuccess: () => refresh.diagnoses(),
  });
}

type DiagnosisChange =
  | { kind: "update"; body: DiagnosisUpdate }
  | { kind: "contribution"; body: ClientsSchemas["ContributionSet"] }
  | { kind: "invite"; institutionId: string }
  | { kind: "sign" };

export function useChangeDiagnosis(personId: string) {
  const refresh = useRefresh(personId);
  return useMutation({
    mutationFn: ({ diagnosis, change }: { diagnosis: Diagnosis; change: DiagnosisChange }) => {
      const params = {
        path: { diagnosis_id: diagnosis.id },
        header: { "If-Match": etagOf("diagnosis", diagnosis.id, diagnosis.version) },
      };
      switch (change.kind) {
        case "update":
          return unwrap(clients.PATCH("/v1/diagnoses/{diagnosis_id}", { params, body: change.body }));
        case "contribution":
          return unwrap(clients.PUT("/v1/diagnoses/{diagnosis_id}/contribution", { params, body: change.body }));
        case "invite":
          return unwrap(
            clients.POST("/v1/diagnoses/{diagnosis_id}/contributors", { params, body: { institution_id: change.institutionId } }),
          );
        case "sign":
          return unwrap(clients.POST("/v1/diagnoses/{diagnosis_id}/sign-off", { params }));
      }
    },
    onSuccess: () => refresh.diagnoses(),
    onError: () => refresh.diagnoses(),
  });
}

export function useCreatePlan(personId: string) {
  const refresh = useRefresh(personId);
  return useMutation({
    mutationFn: (body: PlanCreate) =>
      unwrap(clients.POST("/v1/persons/{person_id}/plans", { params: { path: { person_id: personId } }, body })),
    onSuccess: (plan) => refresh.plan(plan),
  });
}

export type PlanChange =
  | { kind: "update"; body: PlanUpdate }
  | { kind: "review"; body: ReviewCreate }
  | { kind: "goal"; body: ClientsSchemas["GoalCreate"] }
  | { kind: "assess"; goalId: string; body: GoalAssess }
  | { kind: "reopen"; goalId: string }
  | { kind: "action"; body: ActionCreate }
  | { kind: "action-update"; actionId: string; body: ActionUpdate };

function sendPlanChange(plan: Pick<Plan, "id" | "version">, change: PlanChange): Promise<Plan> {
  const header = { "If-Match": etagOf("plan", plan.id, plan.version) };
  const path = { plan_id: plan.id };
  switch (change.kind) {
    case "update":
      return unwrap(clients.PATCH("/v1/plans/{plan_id}", { params: { path, header }, body: change.body }));
    case "review":
      return unwrap(clients.POST("/v1/plans/{plan_id}/reviews", { params: { path, header }, body: change.body }));
    case "goal":
      return unwrap(clients.POST("/v1/plans/{plan_id}/goals", { params: { path, header }, body: change.body }));
    case "assess":
      return unwrap(
        clients.POST("/v1/plans/{plan_id}/goals/{goal_id}/assessment", {
          params: { path: { ...path, goal_id: change.goalId }, header },
          body: change.body,
        }),
      );
    case "reopen":
      return unwrap(
        clients.DELETE("/v1/plans/{plan_id}/goals/{goal_id}/assessment", { params: { path: { ...path, goal_id: change.goalId }, header } }),
      );
    case "action":
      return unwrap(clients.POST("/v1/plans/{plan_id}/actions", { params: { path, header }, body: change.body }));
    case "action-update":
      return unwrap(
        clients.PATCH("/v1/plans/{plan_id}/actions/{action_id}", {
          params: { path: { ...path, action_id: change.actionId }, header },
          body: change.body,
        }),
      );
  }
}

export function useChangePlan(personId: string) {
  const refresh = useRefresh(personId);
  return useMutation({
    mutationFn: ({ plan, change }: { plan: Pick<Plan, "id" | "version">; change: PlanChange }) => sendPlanChange(plan, change),
    onSuccess: (plan) => refresh.plan(plan),
  });
}

export function useSetLeadWorker(personId: string) {
  const refresh = useRefresh(personId);
  return useMutation({
    mutationFn: ({ current, body }: { current: LeadWorker | undefined; body: LeadWorkerSet }) =>
      unwrap(
        clients.PUT("/v1/persons/{person_id}/lead-worker", {
          params: {
            path: { person_id: personId },
            // The first assignment needs no precondition (the API ignores it); a reassignment the version read.
            header: { "If-Match": etagOf("lead-worker", personId, current?.version ?? 0) },
          },
          body,
        }),
      ),
    onSettled: () => refresh.leadWorker(),
  });
}

export function useRecordConference(personId: string) {
  const refresh = useRefresh(personId);
  return useMutation({
    mutationFn: (body: ConferenceCreate) =>
      unwrap(clients.POST("/v1/persons/{person_id}/case-conferences", { params: { path: { person_id: personId } }, body })),
    onSuccess: () => refresh.conferences(),
  });
}
