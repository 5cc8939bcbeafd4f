/**
 * Bulk import of persons (the clients service): the template, uploading a file (a dry run or for
 * real), a job's progress (polled while it runs), its per-row outcomes, and the rejected rows.
 */
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Role } from "@/lib/api/directory";
import { authorizedFetch, unwrap } from "@/lib/api/client";
import { clients, type ClientsSchemas } from "@/lib/api/clients";
import { downloadFile, saveBlob } from "@/lib/api/download";
import { cursor, cursorPaging } from "@/lib/api/paging";
import { ApiError } from "@/lib/api/problem";

export type ImportJob = ClientsSchemas["ImportRead"];
export type ImportRow = ClientsSchemas["ImportRowRead"];
export type ImportTemplate = ClientsSchemas["ImportTemplate"];
export type ImportColumn = ClientsSchemas["ImportColumn"];

/** Who imports (the API: coordinators, or the institution's own system). */
export const IMPORT_ROLES: readonly Role[] = ["coordinator"];
export const OUTCOMES = ["created", "matched", "updated", "unchanged", "rejected"] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** How often a running job is polled (ms). */
export const POLL_MS = 1000;
export const ROWS_PAGE = 50;
const BASE = "/api/clients/v1/imports";

const IMPORTS = ["clients", "imports"] as const;
export const importKeys = {
  all: IMPORTS,
  template: () => [...IMPORTS, "template"] as const,
  list: () => [...IMPORTS, "list"] as const,
  job: (id: string) => [...IMPORTS, "one", id] as const,
  rows: (id: string, outcome: Outcome | null) => [...IMPORTS, "one", id, "rows", outcome] as const,
};

export function isFinished(job: ImportJob | undefined): boolean {
  return job !== undefined && (job.status === "completed" || job.status === "failed");
}

export const importQueries = {
  template: () =>
    queryOptions({
      queryKey: importKeys.template(),
      staleTime: Infinity,
      queryFn: () => unwrap(clients.GET("/v1/imports/template")),
    }),
  list: () =>
    queryOptions({
      queryKey: importKeys.list(),
      queryFn: () => unwrap(clients.GET("/v1/imports", { params: { query: { limit: 10 } } })),
    }),
  job: (id: string) =>
    queryOptions({
      queryKey: importKeys.job(id),
      enabled: id !== "",
      queryFn: () => unwrap(clients.GET("/v1/imports/{import_id}", { params: { path: { import_id: id } } })),
      // The API processes the rows in batches after answering: poll until the job has finished.
      refetchInterval: (query) => (isFinished(query.state.data) ? false : POLL_MS),
    }),
  rows: (id: string, outcome: Outcome | null) =>
    infiniteQueryOptions({
      queryKey: importKeys.rows(id, outcome),
      ...cursorPaging,
      queryFn: ({ pageParam }) =>
        unwrap(
          clients.GET("/v1/imports/{import_id}/rows", {
            params: {
              path: { import_id: id },
              query: { outcome: outcome ?? undefined, cursor: cursor(pageParam), limit: ROWS_PAGE },
            },
          }),
        ),
    }),
};

export function useImportTemplate() {
  return useQuery(importQueries.template());
}

export function useImportJobs() {
  return useQuery(importQueries.list());
}

export function useImportJob(id: string) {
  return useQuery(importQueries.job(id));
}

export function useImportRows(id: string, outcome: Outcome | null, enabled: boolean) {
  return useInfiniteQuery({ ...importQueries.rows(id, outcome), enabled: enabled && id !== "" });
}

/** POST the file as multipart (the API reads CSV or JSON); 202 with the queued job. */
export async function uploadImport(file: File, dryRun: boolean): Promise<ImportJob> {
  const body = new FormData();
  body.append("file", file, file.name);
  const request = new Request(`${BASE}?dry_run=${dryRun ? "true" : "false"}`, {
    method: "POST",
    body,
    headers: { Accept: "application/json" },
  });
  const response = await authorizedFetch(request);
  if (!response.ok) throw await ApiError.fromResponse(response, undefined);
  return (await response.json()) as ImportJob;
}

export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => uploadImport(file, dryRun),
    onSuccess: (job) => {
      queryClient.setQueryData(importKeys.job(job.id), job);
      void queryClient.invalidateQueries({ queryKey: importKeys.list() });
    },
  });
}

export function downloadTemplate(template: ImportTemplate): void {
  saveBlob(new Blob([template.csv], { type: "text/csv;charset=utf-8" }), template.filename);
}

export function downloadRejected(id: string): Promise<string> {
  return downloadFile(`${BASE}/${encodeURIComponent(id)}/rejected.csv`, `splot-import-${id.slice(0, 8)}-odrzucone.csv`);
}

/** The rejection's problem code and its server detail (English), for a row. */
export function rejection(row: ImportRow): { code: string; detail: string; fields: string[] } {
  const problem = row.problem ?? {};
  const errors = Array.isArray(problem.errors) ? (problem.errors as { loc?: unknown[] }[]) : [];
  return {
    code: typeof problem.code === "string" ? problem.code : "",
    detail: typeof problem.detail === "string" ? problem.detail : "",
    fields: errors.map((e) => (Array.isArray(e.loc) ? String(e.loc[e.loc.length - 1]) : "")).filter(Boolean),
  };
}
