/**
 * The institution's surveys that need attention (the reporting service's /v1/survey-tasks): open
 * ones with a deadline within 7 days, or that the analyst sent a reminder about. Shared by the
 * shell (the header's notifications count, the navigation's badge) and the notifications page.
 * Only coordinators and institution administrators fill in surveys.
 */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { unwrap } from "@/lib/api/client";
import type { components } from "@/lib/api/generated/reporting";
import { reporting } from "@/lib/api/reporting";
import { useAuth } from "@/lib/auth/AuthProvider";
import { hasAnyRole } from "@/lib/auth/roles";

export type DueSurveyTask = components["schemas"]["TaskItem"];

/** Days before the deadline from which an unsubmitted survey counts as a notification. */
export const DUE_WITHIN_DAYS = 7;

export const surveyTaskKeys = {
  /** Under the surveys feature's ["surveys", "tasks"]: saving or submitting there refreshes every count. */
  badge: () => ["surveys", "tasks", "badge"] as const,
};

export const surveyTaskQueries = {
  open: () =>
    queryOptions({
      queryKey: surveyTaskKeys.badge(),
      queryFn: () => unwrap(reporting.GET("/v1/survey-tasks", { params: { query: { status: "open" } } })),
      refetchInterval: 5 * 60_000,
      retry: false,
    }),
};

/** Whether a task needs attention: not submitted, open, and due within 7 days or reminded. */
export function isDue(task: DueSurveyTask): boolean {
  return task.status !== "submitted" && task.round_status === "open" && (task.days_left <= DUE_WITHIN_DAYS || task.reminded_at !== null);
}

/** The institution's surveys that need attention (none for other roles). */
export function useDueSurveyTasks() {
  const { roles } = useAuth();
  const enabled = hasAnyRole(roles, ["coordinator", "institution_admin"]);
  const list = useQuery({ ...surveyTaskQueries.open(), enabled });
  const tasks = enabled ? (list.data?.items ?? []).filter(isDue) : [];
  return { tasks, enabled, list };
}
