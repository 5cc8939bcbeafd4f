import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { authorizedFetch, unwrap } from "@/lib/api/client";
import { ApiError } from "@/lib/api/problem";
import { reporting, type ReportingSchemas } from "@/lib/api/reporting";
import { download, reportingKeys } from "./reporting";

export type FrozenReport = ReportingSchemas["FrozenReportRead"];
export type RoundListItem = ReportingSchemas["RoundListItem"];
export type PracticeSummary = ReportingSchemas["PracticeSummary"];

/** What a results report is generated for: GET /v1/results-report's parameters. */
export interface ReportParams {
  territory: string;
  /** First and last month, YYYY-MM. */
  from: string;
  to: string;
  title?: string;
  rounds: string[];
  practices: string[];
}

/** The report's URL (the SPA fetches it with the session's token; the PDF downloads from it). */
export function resultsReportUrl(params: ReportParams, format: "html" | "pdf"): string {
  const search = new URLSearchParams({ territory: params.territory, from: params.from, to: params.to, format });
  if (params.title?.trim()) search.set("title", params.title.trim());
  for (const id of params.rounds) search.append("round", id);
  for (const id of params.practices) search.append("practice", id);
  return `/api/reporting/v1/results-report?${search.toString()}`;
}

async function fetchHtml(url: string): Promise<string> {
  const response = await authorizedFetch(new Request(url, { headers: { Accept: "text/html" } }));
  if (!response.ok) throw await ApiError.fromResponse(response, undefined);
  return response.text();
}

/** The HTML of the report (shown in a sandboxed frame: the document never runs in the app). */
export function fetchReportHtml(params: ReportParams): Promise<string> {
  return fetchHtml(resultsReportUrl(params, "html"));
}

export function downloadReportPdf(params: ReportParams): Promise<string> {
  return download(resultsReportUrl(params, "pdf"), `splot-raport-${params.territory || "PL"}.pdf`);
}

function frozenUrl(editionId: string, version: number, format: "html" | "pdf"): string {
  return `/api/reporting/v1/editions/${encodeURIComponent(editionId)}/versions/${version}/report?format=${format}`;
}

export function fetchFrozenReportHtml(editionId: string, version: number): Promise<string> {
  return fetchHtml(frozenUrl(editionId, version, "html"));
}

export function downloadFrozenReportPdf(editionId: string, version: number): Promise<string> {
  return download(frozenUrl(editionId, version, "pdf"), `splot-raport-v${version}.pdf`);
}

/** Survey rounds the analyst may put in a report (the first 200, newest first). */
export function useReportRounds(enabled: boolean) {
  return useQuery({
    queryKey: [...reportingKeys.all, "report", "rounds"] as const,
    queryFn: () => unwrap(reporting.GET("/v1/survey-rounds", { params: { query: { limit: 200 } } })),
    enabled,
    staleTime: 60_000,
  });
}

/** Published good practices of a territory ("" all). */
export function useReportPractices(territory: string, enabled: boolean) {
  return useQuery({
    queryKey: [...reportingKeys.all, "report", "practices", territory] as const,
    queryFn: () => unwrap(reporting.GET("/v1/practices", { params: { query: { territory: territory || undefined, limit: 200 } } })),
    enabled,
    staleTime: 60_000,
  });
}

export function useFreezeReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ editionId, body }: { editionId: string; body: ReportingSchemas["ReportFreeze"] }) =>
      unwrap(reporting.POST("/v1/editions/{edition_id}/report", { params: { path: { edition_id: editionId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportingKeys.editions() }),
  });
}
