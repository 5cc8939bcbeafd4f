/**
 * The auditor's access log (the clients service): filtered, cursor-paged, and exported as CSV or
 * XLSX (the export is recorded in the log itself).
 */
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { directory, type Role } from "@/lib/api/directory";
import { unwrap } from "@/lib/api/client";
import { clients, type ClientsSchemas } from "@/lib/api/clients";
import { downloadFile } from "@/lib/api/download";
import { cursor, cursorPaging } from "@/lib/api/paging";

export type AccessLogEntry = ClientsSchemas["AccessLogRead"];
export type ExportFormat = "csv" | "xlsx";

/** Who reads the log (the API: auditors only). */
export const AUDIT_ROLES: readonly Role[] = ["auditor"];
/** The bases of access the registry records (the filter's choices). */
export const LEGAL_BASES = [
  "registration",
  "access_grant",
  "consent",
  "break_glass",
  "identity_lookup",
  "duplicate_check",
  "audit",
  "service",
  "retention",
] as const;
export const PAGE_SIZE = 50;

export interface LogFilters {
  person_id?: string;
  institution_id?: string;
  subject?: string;
  legal_basis?: string;
  since?: string;
  until?: string;
}

const LOG = ["clients", "access-log"] as const;
export const auditKeys = {
  all: LOG,
  list: (filters: LogFilters) => [...LOG, "list", filters] as const,
  institutions: (q: string) => ["directory", "institutions", "search", q] as const,
  institution: (id: string) => ["directory", "institutions", "one", id] as const,
};

/** The filters as query parameters (empty ones left out). */
export function filterParams(filters: LogFilters): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) if (typeof value === "string" && value !== "") params[key] = value;
  return params;
}

export const auditQueries = {
  list: (filters: LogFilters) =>
    infiniteQueryOptions({
      queryKey: auditKeys.list(filters),
      ...cursorPaging,
      queryFn: ({ pageParam }) =>
        unwrap(
          clients.GET("/v1/access-log", {
            params: { query: { ...filterParams(filters), cursor: cursor(pageParam), limit: PAGE_SIZE } },
          }),
        ),
    }),
  institutions: (q: string) =>
    queryOptions({
      queryKey: auditKeys.institutions(q),
      enabled: q.trim().length >= 2,
      staleTime: 60_000,
      queryFn: () => unwrap(directory.GET("/v1/institutions", { params: { query: { q: q.trim(), limit: 20 } } })),
    }),
  institution: (id: string) =>
    queryOptions({
      queryKey: auditKeys.institution(id),
      enabled: id !== "",
      staleTime: 3_600_000,
      queryFn: () => unwrap(directory.GET("/v1/institutions/{institution_id}", { params: { path: { institution_id: id } } })),
    }),
};

export function useAccessLog(filters: LogFilters) {
  return useInfiniteQuery(auditQueries.list(filters));
}

export function useInstitutionSearch(q: string) {
  return useQuery(auditQueries.institutions(q));
}

export function useInstitution(id: string | null | undefined) {
  return useQuery(auditQueries.institution(id ?? ""));
}

export function exportAccessLog(filters: LogFilters, format: ExportFormat): Promise<string> {
  const query = new URLSearchParams({ ...filterParams(filters), format });
  return downloadFile(`/api/clients/v1/access-log/export?${query.toString()}`, `splot-rejestr-dostepu.${format}`);
}
