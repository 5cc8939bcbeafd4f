/**
 * Surveys of institutions (the reporting service's /v1/questionnaires, /v1/survey-rounds,
 * /v1/survey-tasks): queries and mutations. Changes of versioned records send If-Match.
 */
import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { unwrap, unwrapVersioned, type Versioned } from "@/lib/api/client";
import { downloadFile } from "@/lib/api/download";
import { cursor, cursorPaging } from "@/lib/api/paging";
import { reporting, type ReportingSchemas as S } from "@/lib/api/reporting";

export type Cell = S["Cell"];
export type QuestionType = S["QuestionType"];
export type QuestionnaireStatus = S["QuestionnaireStatus"];
export type RoundStatus = S["RoundStatus"];
export type ResponseStatus = S["ResponseStatus"];
export type QuestionOption = S["Option"];
export type Question = S["Question"];
export type Section = S["Section"];
export type QuestionnaireWrite = S["QuestionnaireWrite"];
export type QuestionnaireRead = S["QuestionnaireRead"];
export type QuestionnaireListItem = S["QuestionnaireListItem"];
export type TemplateItem = S["TemplateItem"];
export type RoundCreate = S["RoundCreate"];
export type RoundListItem = S["RoundListItem"];
export type RoundRead = S["RoundRead"];
export type RateRow = S["RateRow"];
export type ResponseRate = S["ResponseRate"];
export type RoundResults = S["RoundResults"];
export type QuestionResult = S["QuestionResult"];
export type Crosstab = S["Crosstab"];
export type SurveyTask = S["TaskItem"];
export type ResponseRead = S["ResponseRead"];

/** An answer as the API takes it: an option's value, a list of them, a number, a date or a text. */
export type AnswerValue = string | number | string[];
export type Answers = Record<string, AnswerValue>;

/** The hard indicators a question can be crossed with (the API's list). */
export const CROSSTAB_INDICATORS = ["referrals", "sla_compliance", "acceptance_rate", "closed_loop_rate", "completion_rate"] as const;

/** A response's answers as the form holds them. */
export function answersOf(response: ResponseRead): Answers {
  return response.answers as Answers;
}

const PAGE_SIZE = 50;

/** The filters of a round's results (all optional). */
export interface ResultQuery {
  territory?: string;
  question?: string;
  answer?: string;
}

export const surveyKeys = {
  all: ["surveys"] as const,
  templates: () => ["surveys", "templates"] as const,
  questionnaires: (status: string) => ["surveys", "questionnaires", status] as const,
  questionnaire: (id: string) => ["surveys", "questionnaire", id] as const,
  rounds: (status: string) => ["surveys", "rounds", status] as const,
  round: (id: string) => ["surveys", "round", id] as const,
  rate: (id: string, level: string) => ["surveys", "round", id, "rate", level] as const,
  results: (id: string, filters: ResultQuery) => ["surveys", "round", id, "results", filters] as const,
  crosstab: (id: string, question: string, indicator: string) => ["surveys", "round", id, "crosstab", question, indicator] as const,
  /** The prefix of the task lists (the shell's badge is under it too: src/lib/surveys/tasks.ts). */
  tasks: () => ["surveys", "tasks"] as const,
  taskList: (status: string) => ["surveys", "tasks", status] as const,
  response: (id: string) => ["surveys", "response", id] as const,
};

const round = (id: string) => ({ path: { round_id: id } });
const questionnaire = (id: string) => ({ path: { questionnaire_id: id } });

export const surveyQueries = {
  templates: () =>
    queryOptions({
      queryKey: surveyKeys.templates(),
      queryFn: () => unwrap(reporting.GET("/v1/survey-templates")),
      staleTime: 10 * 60_000,
    }),
  questionnaires: (status?: QuestionnaireStatus) =>
    infiniteQueryOptions({
      queryKey: surveyKeys.questionnaires(status ?? ""),
      ...cursorPaging,
      queryFn: ({ pageParam }) =>
        unwrap(reporting.GET("/v1/questionnaires", { params: { query: { status, cursor: cursor(pageParam), limit: PAGE_SIZE } } })),
    }),
  questionnaire: (id: string) =>
    queryOptions({
      queryKey: surveyKeys.questionnaire(id),
      queryFn: () => unwrapVersioned(reporting.GET("/v1/questionnaires/{questionnaire_id}", { params: questionnaire(id) })),
      staleTime: 0,
    }),
  rounds: (status?: RoundStatus) =>
    infiniteQueryOptions({
      queryKey: surveyKeys.rounds(status ?? ""),
      ...cursorPaging,
      queryFn: ({ pageParam }) =>
        unwrap(reporting.GET("/v1/survey-rounds", { params: { query: { status, cursor: cursor(pageParam), limit: PAGE_SIZE } } })),
    }),
  round: (id: string) =>
    queryOptions({
      queryKey: surveyKeys.round(id),
      queryFn: () => unwrap(reporting.GET("/v1/survey-rounds/{round_id}", { params: round(id) })),
    }),
  rate: (id: string, level: "voivodeship" | "powiat") =>
    queryOptions({
      queryKey: surveyKeys.rate(id, level),
      queryFn: () => unwrap(reporting.GET("/v1/survey-rounds/{round_id}/response-rate", { params: { ...round(id), query: { level } } })),
    }),
  results: (id: string, filters: ResultQuery) =>
    queryOptions({
      queryKey: surveyKeys.results(id, filters),
      queryFn: () =>
        unwrap(
          reporting.GET("/v1/survey-rounds/{round_id}/results", {
            params: {
              ...round(id),
              query: {
                territory: filters.territory || undefined,
                question: filters.question || undefined,
                answer: filters.answer || undefined,
              },
            },
          }),
        ),
      retry: false,
    }),
  crosstab: (id: string, question: string, indicator: string) =>
    queryOptions({
      queryKey: surveyKeys.crosstab(id, question, indicator),
      enabled: question !== "",
      queryFn: () =>
        unwrap(
          reporting.GET("/v1/survey-rounds/{round_id}/crosstab", {
            params: { ...round(id), query: { question, indicator: indicator || undefined } },
          }),
        ),
      retry: false,
    }),
  tasks: (status: "open" | "all" = "open") =>
    queryOptions({
      queryKey: surveyKeys.taskList(status),
      queryFn: () => unwrap(reporting.GET("/v1/survey-tasks", { params: { query: { status } } })),
    }),
  response: (id: string) =>
    queryOptions({
      queryKey: surveyKeys.response(id),
      queryFn: () => unwrapVersioned(reporting.GET("/v1/survey-rounds/{round_id}/response", { params: round(id) })),
      staleTime: 0,
    }),
};

export function useCreateQuestionnaire() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: QuestionnaireWrite | S["QuestionnaireFromTemplate"]) => unwrap(reporting.POST("/v1/questionnaires", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["surveys", "questionnaires"] }),
  });
}

export function useSaveQuestionnaire(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: QuestionnaireWrite; etag: string | null }) =>
      unwrapVersioned(
        reporting.PUT("/v1/questionnaires/{questionnaire_id}", {
          params: { ...questionnaire(id), header: { "If-Match": etag ?? "" } },
          body,
        }),
      ),
    onSuccess: (saved: Versioned<QuestionnaireRead>) => {
      queryClient.setQueryData(surveyKeys.questionnaire(id), saved);
      void queryClient.invalidateQueries({ queryKey: ["surveys", "questionnaires"] });
    },
  });
}

export function useCopyQuestionnaire(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(reporting.POST("/v1/questionnaires/{questionnaire_id}/copy", { params: questionnaire(id) })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["surveys", "questionnaires"] }),
  });
}

export function useOpenRound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RoundCreate) => unwrap(reporting.POST("/v1/survey-rounds", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveyKeys.all }),
  });
}

export function useCloseRound(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(reporting.POST("/v1/survey-rounds/{round_id}/close", { params: round(id) })),
    onSuccess: (closed) => {
      queryClient.setQueryData(surveyKeys.round(id), closed);
      void queryClient.invalidateQueries({ queryKey: ["surveys", "rounds"] });
    },
  });
}

export function useRemind(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(reporting.POST("/v1/survey-rounds/{round_id}/reminders", { params: round(id) })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveyKeys.round(id) }),
  });
}

export function useSetPublishable(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ answerId, publishable }: { answerId: string; publishable: boolean }) =>
      unwrap(
        reporting.PATCH("/v1/survey-rounds/{round_id}/texts/{answer_id}", {
          params: { path: { round_id: id, answer_id: answerId } },
          body: { publishable },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...surveyKeys.round(id), "results"] }),
  });
}

/** Saves the answers; a response never saved has no If-Match. */
export function useSaveResponse(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ answers, etag }: { answers: Answers; etag: string | null }) =>
      unwrapVersioned(
        reporting.PUT("/v1/survey-rounds/{round_id}/response", {
          params: { ...round(id), header: etag ? { "If-Match": etag } : undefined },
          body: { answers },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(surveyKeys.response(id), saved);
      void queryClient.invalidateQueries({ queryKey: surveyKeys.tasks() });
    },
  });
}

export function useSubmitResponse(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (etag: string | null) =>
      unwrapVersioned(
        reporting.POST("/v1/survey-rounds/{round_id}/response/submit", { params: { ...round(id), header: { "If-Match": etag ?? "" } } }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(surveyKeys.response(id), saved);
      void queryClient.invalidateQueries({ queryKey: surveyKeys.tasks() });
    },
  });
}

export function downloadRoundExport(id: string, format: "csv" | "xlsx"): Promise<string> {
  return downloadFile(`/api/reporting/v1/survey-rounds/${encodeURIComponent(id)}/export?format=${format}`, `ankieta-${id}.${format}`);
}
