import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { authorizedFetch, unwrap, unwrapVersioned } from "@/lib/api/client";
import { directory } from "@/lib/api/directory";
import { ApiError } from "@/lib/api/problem";
import { reporting, type ReportingSchemas } from "@/lib/api/reporting";
import { loadPolandMap } from "../map/geography";

export type AsOf = ReportingSchemas["AsOf"];
export type Cell = ReportingSchemas["Cell"];
export type AggregateRead = ReportingSchemas["AggregateRead"];
export type AggregateRow = ReportingSchemas["AggregateRow"];
export type SeriesRead = ReportingSchemas["SeriesRead"];
export type NetworkRead = ReportingSchemas["NetworkRead"];
export type Edition = ReportingSchemas["EditionRead"];
export type EditionVersion = ReportingSchemas["EditionVersionRead"];
export type Granularity = ReportingSchemas["Granularity"];
export type DimensionName = ReportingSchemas["DimensionName"];
export type MeasureName = ReportingSchemas["MeasureName"];
export type Scope = ReportingSchemas["ScopeRead"];
export type ExportFormat = ReportingSchemas["ExportFormat"];
export type CaseworkRead = ReportingSchemas["CaseworkRead"];

/** Filters every aggregate endpoint accepts (all optional); values as the API spells them. */
export interface Filters {
  sender_voivodeship?: string;
  sender_powiat?: string;
  target_voivodeship?: string;
  target_powiat?: string;
  sender_type?: string;
  target_type?: string;
  route?: string;
  service_type?: string;
  priority?: string;
  status?: string;
  age_band?: string;
  sex?: string;
  /** A programme code of the directory's catalogue; "none": referrals without a programme. */
  programme?: string;
}

export const FILTER_NAMES = [
  "sender_voivodeship",
  "sender_powiat",
  "target_voivodeship",
  "target_powiat",
  "sender_type",
  "target_type",
  "route",
  "service_type",
  "priority",
  "status",
  "age_band",
  "sex",
  "programme",
] as const satisfies readonly (keyof Filters)[];

export interface AggregateQuery {
  measures: MeasureName[];
  dimensions?: DimensionName[];
  granularity: Granularity;
  period_from?: string;
  period_to?: string;
  filters?: Filters;
}

const STALE = 60_000;

/** The reporting feature's query keys, one factory for the feature. */
export const reportingKeys = {
  all: ["reporting"] as const,
  status: () => ["reporting", "status"] as const,
  catalogue: () => ["reporting", "catalogue"] as const,
  aggregate: (q: AggregateQuery) => ["reporting", "aggregate", q] as const,
  series: (q: AggregateQuery) => ["reporting", "series", q] as const,
  network: (period: string, serviceType: string | null) => ["reporting", "network", period, serviceType] as const,
  partners: (period: string, institutionId: string | null) => ["reporting", "partners", period, institutionId] as const,
  casework: (from: string, to: string) => ["reporting", "casework", from, to] as const,
  editions: () => ["reporting", "editions"] as const,
  edition: (id: string) => ["reporting", "editions", id] as const,
  version: (id: string, version: number) => ["reporting", "editions", id, version] as const,
  /** The map's geometry (a chunk of the app, not an API). */
  geography: () => ["reporting", "geography"] as const,
  serviceTypes: () => ["directory", "service-types"] as const,
};

function cleanFilters(filters: Filters | undefined): Filters {
  const out: Filters = {};
  for (const name of FILTER_NAMES) {
    const value = filters?.[name];
    if (value) out[name] = value;
  }
  return out;
}

function aggregateParams(q: AggregateQuery) {
  return {
    measures: q.measures,
    dimensions: q.dimensions && q.dimensions.length > 0 ? q.dimensions : undefined,
    granularity: q.granularity,
    period_from: q.period_from || undefined,
    period_to: q.period_to || undefined,
    ...cleanFilters(q.filters),
  };
}

export const reportingQueries = {
  status: () =>
    queryOptions({
      queryKey: reportingKeys.status(),
      queryFn: () => unwrap(reporting.GET("/v1/status")),
      refetchInterval: 30_000,
    }),
  catalogue: () =>
    queryOptions({
      queryKey: reportingKeys.catalogue(),
      queryFn: () => unwrap(reporting.GET("/v1/catalogue")),
      staleTime: Infinity,
    }),
  aggregate: (q: AggregateQuery) =>
    queryOptions({
      queryKey: reportingKeys.aggregate(q),
      queryFn: () => unwrap(reporting.GET("/v1/aggregate", { params: { query: aggregateParams(q) } })),
      placeholderData: keepPreviousData,
      staleTime: STALE,
      enabled: q.measures.length > 0,
    }),
  series: (q: AggregateQuery) =>
    queryOptions({
      queryKey: reportingKeys.series(q),
      queryFn: () => {
        // A series has periods, not breakdowns.
        const { dimensions, ...query } = aggregateParams(q);
        return unwrap(reporting.GET("/v1/series", { params: { query } }));
      },
      placeholderData: keepPreviousData,
      staleTime: STALE,
    }),
  network: (period: string, serviceType: string | null) =>
    queryOptions({
      queryKey: reportingKeys.network(period, serviceType),
      queryFn: () =>
        unwrap(
          reporting.GET("/v1/indicators/network", { params: { query: { period, service_type: serviceType || undefined, limit: 2000 } } }),
        ),
      placeholderData: keepPreviousData,
      staleTime: STALE,
    }),
  partners: (period: string, institutionId: string | null) =>
    queryOptions({
      queryKey: reportingKeys.partners(period, institutionId),
      queryFn: () =>
        unwrap(reporting.GET("/v1/indicators/partners", { params: { query: { period, institution_id: institutionId || undefined } } })),
      placeholderData: keepPreviousData,
      staleTime: STALE,
    }),
  /** The casework measures of the months from … to (YYYY-MM). */
  casework: (from: string, to: string) =>
    queryOptions({
      queryKey: reportingKeys.casework(from, to),
      queryFn: () => unwrap(reporting.GET("/v1/casework", { params: { query: { from, to } } })),
      placeholderData: keepPreviousData,
      staleTime: STALE,
    }),
  editions: () =>
    queryOptions({
      queryKey: reportingKeys.editions(),
      queryFn: () => unwrap(reporting.GET("/v1/editions", { params: { query: { limit: 200 } } })),
    }),
  edition: (id: string) =>
    queryOptions({
      queryKey: reportingKeys.edition(id),
      queryFn: () => unwrap(reporting.GET("/v1/editions/{edition_id}", { params: { path: { edition_id: id } } })),
    }),
  version: (id: string, version: number) =>
    queryOptions({
      queryKey: reportingKeys.version(id, version),
      staleTime: Infinity,
      queryFn: () =>
        unwrap(reporting.GET("/v1/editions/{edition_id}/versions/{version}", { params: { path: { edition_id: id, version } } })),
    }),
  geography: () => queryOptions({ queryKey: reportingKeys.geography(), queryFn: loadPolandMap, staleTime: Infinity }),
  /** Service types with their Polish/English names (the directory's catalogue). */
  serviceTypes: () =>
    queryOptions({
      queryKey: reportingKeys.serviceTypes(),
      queryFn: () => unwrap(directory.GET("/v1/service-types")),
      staleTime: Infinity,
    }),
};

export function useIngestionStatus() {
  return useQuery(reportingQueries.status());
}

export function useCatalogue() {
  return useQuery(reportingQueries.catalogue());
}

export function useAggregate(q: AggregateQuery, enabled = true) {
  const options = reportingQueries.aggregate(q);
  return useQuery({ ...options, enabled: enabled && options.enabled });
}

export function useSeries(q: AggregateQuery) {
  return useQuery(reportingQueries.series(q));
}

export function useNetwork(period: string, serviceType: string | null) {
  return useQuery(reportingQueries.network(period, serviceType));
}

export function usePartners(period: string, institutionId: string | null, enabled = true) {
  return useQuery({ ...reportingQueries.partners(period, institutionId), enabled });
}

export function useCasework(from: string, to: string) {
  return useQuery(reportingQueries.casework(from, to));
}

export function useEditions() {
  return useQuery(reportingQueries.editions());
}

export function useEdition(id: string) {
  return useQuery(reportingQueries.edition(id));
}

export function useEditionVersion(id: string, version: number | null) {
  return useQuery({ ...reportingQueries.version(id, version ?? 1), enabled: version !== null });
}

export function usePublishEdition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportingSchemas["EditionCreate"]) => unwrap(reporting.POST("/v1/editions", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportingKeys.editions() }),
  });
}

export function useCorrectEdition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // A correction is computed by the server from the current data, so it is taken against the
    // current version: its ETag is read just before (If-Match is required; 412 if one raced in).
    mutationFn: async (changeNote: string) => {
      const { etag } = await unwrapVersioned(reporting.GET("/v1/editions/{edition_id}", { params: { path: { edition_id: id } } }));
      return unwrap(
        reporting.POST("/v1/editions/{edition_id}/versions", {
          params: { path: { edition_id: id }, header: { "If-Match": etag ?? "" } },
          body: { change_note: changeNote },
        }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportingKeys.editions() }),
  });
}

/** The map's geometry (loaded on demand: its own chunk). */
export function useGeography(enabled = true) {
  return useQuery({ ...reportingQueries.geography(), enabled });
}

/** Service types with their Polish/English names (the directory's catalogue). */
export function useServiceTypes() {
  return useQuery(reportingQueries.serviceTypes());
}

function searchParams(params: Record<string, string | string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, item);
  }
  return search.toString();
}

function filenameFrom(response: Response, fallback: string): string {
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return match ? decodeURIComponent(match[1]) : fallback;
}

/** Fetches a file with the session's token and hands it to the browser as a download. */
export async function download(url: string, fallbackName: string): Promise<string> {
  const response = await authorizedFetch(new Request(url, { headers: { Accept: "*/*" } }));
  if (!response.ok) throw await ApiError.fromResponse(response, undefined);
  const blob = await response.blob();
  const name = filenameFrom(response, fallbackName);
  const href = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = href;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}

export function downloadAggregate(q: AggregateQuery, format: ExportFormat): Promise<string> {
  const params = aggregateParams(q);
  const query = searchParams({ ...params, format });
  return download(`/api/reporting/v1/exports/aggregate?${query}`, `splot-zestawienie.${format}`);
}

export function downloadEditionVersion(id: string, version: number, format: ExportFormat): Promise<string> {
  return download(
    `/api/reporting/v1/editions/${encodeURIComponent(id)}/versions/${version}/export?format=${format}`,
    `splot-edycja-${version}.${format}`,
  );
}
