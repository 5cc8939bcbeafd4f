/**
 * The person page's case screens: case attributes (the institution's own values, with If-Match),
 * one consent (its print form), break-glass, merges and the access report (art. 15 RODO).
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { unwrap } from "@/lib/api/client";
import { clients, type ClientsSchemas } from "@/lib/api/clients";
import { personKeys } from "./keys";
import { personQueries } from "./persons";

export type Attribute = ClientsSchemas["AttributeRead"];
export type AttributeDefinition = ClientsSchemas["AttributeDefinitionRead"];
export type AttributeChange = ClientsSchemas["AttributeChangeRead"];
export type AttributeValue = ClientsSchemas["AttributeSet"]["value"];
export type BreakGlass = ClientsSchemas["BreakGlassRead"];
export type BreakGlassCreate = ClientsSchemas["BreakGlassCreate"];
export type Merge = ClientsSchemas["MergeRead"];
export type MergeCreate = ClientsSchemas["MergeCreate"];
export type MergeField = ClientsSchemas["MergeField"];
export type AccessReport = ClientsSchemas["AccessReport"];

export const caseKeys = {
  attributes: (personId: string) => [...personKeys.detail(personId), "attributes"] as const,
  attributeHistory: (personId: string, code: string) => [...personKeys.detail(personId), "attributes", "history", code] as const,
  consent: (personId: string, consentId: string) => [...personKeys.consents(personId), consentId] as const,
  breakGlass: (personId: string) => ["clients", "break-glass", personId] as const,
  merge: (mergeId: string) => ["clients", "merges", mergeId] as const,
  merges: (personId: string) => [...personKeys.detail(personId), "merges"] as const,
  fullAccessReport: (personId: string) => [...personKeys.accessReport(personId), "all"] as const,
};

/** An attribute's ETag (the service's key: person, recording institution, code; and its version). */
export function attributeEtag(a: Attribute): string {
  return `"${a.person_id}.${a.institution_id}.${a.code}.${a.version}"`;
}

const PAGE = 100;

export const caseQueries = {
  attributeHistory: (personId: string, code: string) =>
    queryOptions({
      queryKey: caseKeys.attributeHistory(personId, code),
      queryFn: () =>
        unwrap(
          clients.GET("/v1/persons/{person_id}/attribute-history", {
            params: { path: { person_id: personId }, query: { code, limit: PAGE } },
          }),
        ),
    }),
  attributes: (personId: string) =>
    queryOptions({
      queryKey: caseKeys.attributes(personId),
      queryFn: () =>
        unwrap(clients.GET("/v1/persons/{person_id}/attributes", { params: { path: { person_id: personId }, query: { limit: PAGE } } })),
    }),
  consent: (personId: string, consentId: string) =>
    queryOptions({
      queryKey: caseKeys.consent(personId, consentId),
      retry: false,
      queryFn: () => unwrap(clients.GET("/v1/consents/{consent_id}", { params: { path: { consent_id: consentId } } })),
    }),
  breakGlass: (personId: string) =>
    queryOptions({
      queryKey: caseKeys.breakGlass(personId),
      queryFn: () => unwrap(clients.GET("/v1/break-glass", { params: { query: { person_id: personId, limit: 20 } } })),
    }),
  merge: (mergeId: string) =>
    queryOptions({
      queryKey: caseKeys.merge(mergeId),
      retry: false,
      queryFn: () => unwrap(clients.GET("/v1/persons/merges/{merge_id}", { params: { path: { merge_id: mergeId } } })),
    }),
  merges: (personId: string) =>
    queryOptions({
      queryKey: caseKeys.merges(personId),
      queryFn: () =>
        unwrap(clients.GET("/v1/persons/{person_id}/merges", { params: { path: { person_id: personId }, query: { limit: 20 } } })),
    }),
  /** The whole report: the summary per institution and every entry (followed page by page). */
  fullAccessReport: (personId: string) =>
    queryOptions({
      queryKey: caseKeys.fullAccessReport(personId),
      retry: false,
      queryFn: async (): Promise<AccessReport> => {
        const path = { person_id: personId };
        const first = await unwrap(clients.GET("/v1/persons/{person_id}/access-report", { params: { path, query: { limit: PAGE } } }));
        const items = [...first.items];
        let next = first.next_cursor ?? null;
        // A report for one person; stop at a sane bound rather than loop forever.
        for (let pages = 1; next && pages < 50; pages++) {
          const page = await unwrap(
            clients.GET("/v1/persons/{person_id}/access-report", { params: { path, query: { limit: PAGE, cursor: next } } }),
          );
          items.push(...page.items);
          next = page.next_cursor ?? null;
        }
        return { ...first, items, next_cursor: next };
      },
    }),
};

/** Every value of one attribute the caller may see, newest first (all recording institutions). */
export function useAttributeHistory(personId: string, code: string | null) {
  return useQuery({ ...caseQueries.attributeHistory(personId, code ?? ""), enabled: code !== null });
}

export function useAttributes(personId: string) {
  return useQuery(caseQueries.attributes(personId));
}

export function useSetAttribute(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, value, etag }: { code: string; value: AttributeValue; etag: string | null }) =>
      unwrap(
        clients.PUT("/v1/persons/{person_id}/attributes/{code}", {
          params: { path: { person_id: personId, code }, header: etag ? { "If-Match": etag } : undefined },
          body: { value },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKeys.detail(personId) }),
  });
}

export function useDeleteAttribute(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, etag }: { code: string; etag: string }) =>
      unwrap(
        clients.DELETE("/v1/persons/{person_id}/attributes/{code}", {
          params: { path: { person_id: personId, code }, header: { "If-Match": etag } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKeys.detail(personId) }),
  });
}

export function useConsent(personId: string, consentId: string) {
  return useQuery(caseQueries.consent(personId, consentId));
}

export function useBreakGlassList(personId: string, enabled = true) {
  return useQuery({ ...caseQueries.breakGlass(personId), enabled });
}

export function useOpenBreakGlass(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BreakGlassCreate) =>
      unwrap(clients.POST("/v1/persons/{person_id}/break-glass", { params: { path: { person_id: personId } }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseKeys.breakGlass(personId) });
      await queryClient.invalidateQueries({ queryKey: personKeys.detail(personId) });
    },
  });
}

export function useMergeRecord(mergeId: string) {
  return useQuery(caseQueries.merge(mergeId));
}

export function useMerges(personId: string) {
  return useQuery(caseQueries.merges(personId));
}

export function useMergePersons() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MergeCreate) => unwrap(clients.POST("/v1/persons/merges", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKeys.all }),
  });
}

export function useUndoMerge(mergeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      unwrap(clients.POST("/v1/persons/merges/{merge_id}/undo", { params: { path: { merge_id: mergeId } }, body: { reason } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseKeys.merge(mergeId) });
      await queryClient.invalidateQueries({ queryKey: personKeys.all });
    },
  });
}

export function useFullAccessReport(personId: string) {
  return useQuery(caseQueries.fullAccessReport(personId));
}

/** A person's record once chosen (nothing is read while `id` is null). */
export function useChosenPerson(id: string | null) {
  return useQuery({ ...personQueries.detail(id ?? ""), enabled: id !== null });
}
