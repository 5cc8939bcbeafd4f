/**
 * Local partnerships (the directory's /v1/partnerships…): the list, the partnership with its
 * parties and agreement versions, the plan (tasks, criteria, standard, targets), meetings and
 * evaluations; and the measured values of targets (the reporting service, in the caller's scope).
 */
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { unwrap, unwrapVersioned } from "@/lib/api/client";
import { directory } from "@/lib/api/directory";
import type { components } from "@/lib/api/generated/directory";
import { cursor, cursorPaging } from "@/lib/api/paging";
import { reporting, type ReportingSchemas } from "@/lib/api/reporting";

type Schemas = components["schemas"];
export type PartnershipSummary = Schemas["PartnershipSummary"];
export type Partnership = Schemas["PartnershipRead"];
export type PartnershipStatus = PartnershipSummary["status"];
export type PartnershipCreate = Schemas["PartnershipCreate"];
export type PartnershipUpdate = Schemas["PartnershipUpdate"];
export type Party = Schemas["PartyRead"];
export type PartyUpdate = Schemas["PartyUpdate"];
export type AgreementVersion = Schemas["AgreementVersionRead"];
export type AgreementVersionCreate = Schemas["AgreementVersionCreate"];
export type Annex = Schemas["Annex"];
export type Task = Schemas["TaskRead"];
export type TaskCreate = Schemas["TaskCreate"];
export type TaskStatus = Task["status"];
export type Plan = Schemas["PlanRead"];
export type Criteria = Schemas["Criteria"];
export type StandardStep = Schemas["StandardStepRead"];
export type StandardStepIn = Schemas["StandardStepIn"];
export type Target = Schemas["TargetRead"];
export type TargetIn = Schemas["TargetIn"];
export type Meeting = Schemas["MeetingRead"];
export type MeetingCreate = Schemas["MeetingCreate"];
export type Evaluation = Schemas["EvaluationRead"];
export type EvaluationCreate = Schemas["EvaluationCreate"];
export type EvaluationSummary = Schemas["EvaluationSummary"];
export type Institution = Schemas["InstitutionRead"];
export type MeasureName = ReportingSchemas["MeasureName"];
export type AggregateRead = ReportingSchemas["AggregateRead"];
export type PartnershipMeasures = ReportingSchemas["PartnershipMeasuresRead"];

export const STATUSES: readonly PartnershipStatus[] = ["initiative", "pending", "in_force", "expired", "terminated", "superseded"];
export const TASK_STATUSES: readonly TaskStatus[] = ["planned", "in_progress", "done", "cancelled"];
const PAGE_SIZE = 50;
const REFERENCE = { staleTime: 10 * 60 * 1000 };

/** The feature's query keys (the directory's and reporting's records it reads included). */
export const partnershipKeys = {
  all: ["partnerships"] as const,
  list: () => ["partnerships", "list"] as const,
  /** One partnership with its ETag (and everything under it). */
  detail: (id: string) => ["partnerships", "one", id] as const,
  summary: (id: string) => ["partnerships", "summary", id] as const,
  tasks: (id: string) => ["partnerships", "one", id, "tasks"] as const,
  plan: (id: string) => ["partnerships", "one", id, "plan"] as const,
  meetings: (id: string) => ["partnerships", "one", id, "meetings"] as const,
  evaluations: (id: string) => ["partnerships", "one", id, "evaluations"] as const,
  evaluationSummary: (id: string, period: string) => ["partnerships", "one", id, "evaluations", "summary", period] as const,
  institution: (id: string) => ["directory", "institutions", "one", id] as const,
  institutionSearch: (q: string) => ["directory", "institutions", "search", q] as const,
  serviceTypes: () => ["directory", "service-types"] as const,
  staff: () => ["directory", "users", "active"] as const,
  measured: (id: string, from: string, to: string) => ["reporting", "partnerships", id, "measures", from, to] as const,
};

export const partnershipQueries = {
  list: () =>
    infiniteQueryOptions({
      queryKey: partnershipKeys.list(),
      ...cursorPaging,
      queryFn: ({ pageParam }) =>
        unwrap(directory.GET("/v1/partnerships", { params: { query: { cursor: cursor(pageParam), limit: PAGE_SIZE } } })),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: partnershipKeys.detail(id),
      queryFn: () => unwrapVersioned(directory.GET("/v1/partnerships/{partnership_id}", { params: { path: { partnership_id: id } } })),
      staleTime: 0,
    }),
  summary: (id: string) =>
    queryOptions({
      queryKey: partnershipKeys.summary(id),
      queryFn: () => unwrap(directory.GET("/v1/partnerships/{partnership_id}/summary", { params: { path: { partnership_id: id } } })),
    }),
  tasks: (id: string) =>
    queryOptions({
      queryKey: partnershipKeys.tasks(id),
      queryFn: () =>
        unwrap(
          directory.GET("/v1/partnerships/{partnership_id}/tasks", { params: { path: { partnership_id: id }, query: { limit: 200 } } }),
        ),
    }),
  plan: (id: string) =>
    queryOptions({
      queryKey: partnershipKeys.plan(id),
      queryFn: () => unwrapVersioned(directory.GET("/v1/partnerships/{partnership_id}/plan", { params: { path: { partnership_id: id } } })),
      staleTime: 0,
    }),
  meetings: (id: string) =>
    infiniteQueryOptions({
      queryKey: partnershipKeys.meetings(id),
      ...cursorPaging,
      queryFn: ({ pageParam }) =>
        unwrap(
          directory.GET("/v1/partnerships/{partnership_id}/meetings", {
            params: { path: { partnership_id: id }, query: { cursor: cursor(pageParam), limit: 25 } },
          }),
        ),
    }),
  evaluations: (id: string) =>
    infiniteQueryOptions({
      queryKey: partnershipKeys.evaluations(id),
      ...cursorPaging,
      queryFn: ({ pageParam }) =>
        unwrap(
          directory.GET("/v1/partnerships/{partnership_id}/evaluations", {
            params: { path: { partnership_id: id }, query: { cursor: cursor(pageParam), limit: 25 } },
          }),
        ),
    }),
  evaluationSummary: (id: string, period: string) =>
    queryOptions({
      queryKey: partnershipKeys.evaluationSummary(id, period),
      enabled: PERIOD.test(period),
      queryFn: () =>
        unwrap(
          directory.GET("/v1/partnerships/{partnership_id}/evaluations/summary", {
            params: { path: { partnership_id: id }, query: { period } },
          }),
        ),
    }),
  serviceTypes: () =>
    queryOptions({
      queryKey: partnershipKeys.serviceTypes(),
      queryFn: () => unwrap(directory.GET("/v1/service-types")),
      ...REFERENCE,
    }),
  institution: (id: string) =>
    queryOptions({
      queryKey: partnershipKeys.institution(id),
      queryFn: () => unwrap(directory.GET("/v1/institutions/{institution_id}", { params: { path: { institution_id: id } } })),
      ...REFERENCE,
    }),
  institutionSearch: (q: string) =>
    queryOptions({
      queryKey: partnershipKeys.institutionSearch(q),
      enabled: q.trim().length >= 2,
      queryFn: () => unwrap(directory.GET("/v1/institutions", { params: { query: { q: q.trim(), active: true, limit: 20 } } })),
      ...REFERENCE,
    }),
  staff: () =>
    queryOptions({
      queryKey: partnershipKeys.staff(),
      queryFn: () => unwrap(directory.GET("/v1/users", { params: { query: { active: true, limit: 200 } } })),
      retry: false,
      ...REFERENCE,
    }),
  /**
   * The reporting service's measured values of the partnership's joint work in a target period:
   * exact for its parties, protected (suppressed, rounded) for an analyst.
   */
  measured: (id: string, period: string) => {
    const range = monthRange(period);
    return queryOptions({
      queryKey: partnershipKeys.measured(id, range?.from ?? "", range?.to ?? ""),
      enabled: range !== null,
      retry: false,
      queryFn: () => {
        if (range === null) throw new Error("unsupported period");
        return unwrap(
          reporting.GET("/v1/partnerships/{partnership_id}/measures", {
            params: { path: { partnership_id: id }, query: { from: range.from, to: range.to } },
          }),
        );
      },
    });
  },
};

/** A period of targets and evaluations: a year, a half, a quarter or a month (2026, 2026-H1, 2026-Q3, 2026-05). */
export const PERIOD = /^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;

/** The months of a target period (2026 → 2026-01…2026-12; 2026-H2 → 07…12; 2026-Q1 → 01…03; 2026-05 → 05…05); null if malformed. */
export function monthRange(period: string): { from: string; to: string } | null {
  if (!PERIOD.test(period)) return null;
  const year = period.slice(0, 4);
  const part = period.slice(5);
  const month = (m: number) => `${year}-${String(m).padStart(2, "0")}`;
  if (part === "") return { from: month(1), to: month(12) };
  if (part.startsWith("H")) return part === "H1" ? { from: month(1), to: month(6) } : { from: month(7), to: month(12) };
  if (part.startsWith("Q")) {
    const q = Number(part.slice(1));
    return { from: month(q * 3 - 2), to: month(q * 3) };
  }
  return { from: month(Number(part)), to: month(Number(part)) };
}

export function usePartnerships() {
  return useInfiniteQuery(partnershipQueries.list());
}

export function usePartnership(id: string) {
  return useQuery(partnershipQueries.detail(id));
}

/** The directory's service-type catalogue (a standard's step names its service type from it). */
export function useServiceTypes() {
  return useQuery(partnershipQueries.serviceTypes());
}

export function useInstitution(id: string) {
  return useQuery(partnershipQueries.institution(id));
}

function useInvalidate(id: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: partnershipKeys.detail(id) });
}

function ifMatch(etag: string | null) {
  return { "If-Match": etag ?? "" };
}

export function useCreatePartnership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PartnershipCreate) => unwrap(directory.POST("/v1/partnerships", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnershipKeys.list() }),
  });
}

export function useUpdatePartnership(id: string) {
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string | null; body: PartnershipUpdate }) =>
      unwrap(
        directory.PATCH("/v1/partnerships/{partnership_id}", { params: { path: { partnership_id: id }, header: ifMatch(etag) }, body }),
      ),
    onSuccess: invalidate,
  });
}

export function useAnswerInvitation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accept: boolean) =>
      unwrap(directory.PUT("/v1/partnerships/{partnership_id}/invitation", { params: { path: { partnership_id: id } }, body: { accept } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnershipKeys.all }),
  });
}

export function useInvite(id: string) {
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: (institutionId: string) =>
      unwrap(
        directory.POST("/v1/partnerships/{partnership_id}/invitations", {
          params: { path: { partnership_id: id } },
          body: { institution_id: institutionId },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useUpdateParty(id: string) {
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: ({ institutionId, body }: { institutionId: string; body: PartyUpdate }) =>
      unwrap(
        directory.PATCH("/v1/partnerships/{partnership_id}/parties/{institution_id}", {
          params: { path: { partnership_id: id, institution_id: institutionId } },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useCreateAgreement(id: string) {
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: (body: AgreementVersionCreate) =>
      unwrap(directory.POST("/v1/partnerships/{partnership_id}/agreements", { params: { path: { partnership_id: id } }, body })),
    onSuccess: invalidate,
  });
}

export function useConfirmAgreement(id: string) {
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: (agreementId: string) =>
      unwrap(directory.POST("/v1/agreements/{agreement_id}/confirmations", { params: { path: { agreement_id: agreementId } } })),
    onSuccess: invalidate,
  });
}

export function useTerminateAgreement(id: string) {
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: ({ agreementId, reason }: { agreementId: string; reason: string }) =>
      unwrap(
        directory.POST("/v1/agreements/{agreement_id}/termination", {
          params: { path: { agreement_id: agreementId } },
          body: { reason },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useCreateTask(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TaskCreate) =>
      unwrap(directory.POST("/v1/partnerships/{partnership_id}/tasks", { params: { path: { partnership_id: id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnershipKeys.tasks(id) }),
  });
}

/** A task's ETag: the directory's `"<id>.<version>"` (the list carries the version, not the header). */
export function taskEtag(task: Task): string {
  return `"${task.id}.${task.version}"`;
}

export function useSetTaskStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ task, status }: { task: Task; status: TaskStatus }) =>
      unwrap(
        directory.PATCH("/v1/partnerships/{partnership_id}/tasks/{task_id}", {
          params: { path: { partnership_id: id, task_id: task.id }, header: ifMatch(taskEtag(task)) },
          body: { status },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: partnershipKeys.tasks(id) }),
  });
}

function usePlanChange<B>(id: string, send: (etag: string | null, body: B) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string | null; body: B }) => send(etag, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnershipKeys.detail(id) }),
  });
}

export function useSetCriteria(id: string) {
  return usePlanChange<Criteria>(id, (etag, body) =>
    unwrap(
      directory.PUT("/v1/partnerships/{partnership_id}/criteria", {
        params: { path: { partnership_id: id }, header: ifMatch(etag) },
        body,
      }),
    ),
  );
}

export function useSetStandard(id: string) {
  return usePlanChange<StandardStepIn[]>(id, (etag, steps) =>
    unwrap(
      directory.PUT("/v1/partnerships/{partnership_id}/standard", {
        params: { path: { partnership_id: id }, header: ifMatch(etag) },
        body: { steps },
      }),
    ),
  );
}

export function useSetTargets(id: string) {
  return usePlanChange<TargetIn[]>(id, (etag, targets) =>
    unwrap(
      directory.PUT("/v1/partnerships/{partnership_id}/targets", {
        params: { path: { partnership_id: id }, header: ifMatch(etag) },
        body: { targets },
      }),
    ),
  );
}

export function useRecordMeeting(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MeetingCreate) =>
      unwrap(directory.POST("/v1/partnerships/{partnership_id}/meetings", { params: { path: { partnership_id: id } }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: partnershipKeys.meetings(id) });
      await queryClient.invalidateQueries({ queryKey: partnershipKeys.tasks(id) });
    },
  });
}

export function useSubmitEvaluation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EvaluationCreate) =>
      unwrap(directory.POST("/v1/partnerships/{partnership_id}/evaluations", { params: { path: { partnership_id: id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnershipKeys.evaluations(id) }),
  });
}
