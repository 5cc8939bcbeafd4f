/**
 * Registering and editing a person's record: registering an existing record for the caller's
 * institution (a walk-in client found by PESEL), the record with its ETag for the edit screen,
 * the change with If-Match, and the TERYT register for the gmina (the directory).
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { unwrap, unwrapVersioned } from "@/lib/api/client";
import { clients, type ClientsSchemas } from "@/lib/api/clients";
import { directory, type TerritoryLevel } from "@/lib/api/directory";
import { personKeys } from "./keys";

export type PersonUpdate = ClientsSchemas["PersonUpdate"];
export type HiddenCandidate = ClientsSchemas["HiddenCandidate"];
export type MatchCandidate = ClientsSchemas["MatchCandidate"];

export const registrationKeys = {
  /** The record with its ETag (under the person's key: invalidating the person refreshes it). */
  versioned: (id: string) => [...personKeys.detail(id), "versioned"] as const,
  territories: (level: TerritoryLevel, parent: string | null) => ["directory", "territories", level, parent ?? ""] as const,
};

export const registrationQueries = {
  versioned: (id: string) =>
    queryOptions({
      queryKey: registrationKeys.versioned(id),
      retry: false,
      queryFn: () => unwrapVersioned(clients.GET("/v1/persons/{person_id}", { params: { path: { person_id: id } } })),
    }),
  /** The TERYT register changes rarely: cached for the session. */
  territories: (level: TerritoryLevel, parent: string | null) =>
    queryOptions({
      queryKey: registrationKeys.territories(level, parent),
      queryFn: () => unwrap(directory.GET("/v1/territories", { params: { query: { level, parent: parent ?? undefined } } })),
      enabled: level === "voivodeship" || parent !== null,
      staleTime: Infinity,
      gcTime: Infinity,
    }),
};

export function useTerritories(level: TerritoryLevel, parent: string | null) {
  return useQuery(registrationQueries.territories(level, parent));
}

/** Register an existing record for the caller's institution, proving the PESEL, with a reason. */
export function useRegisterHere() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, pesel, reason }: { id: string; pesel: string; reason: string }) =>
      unwrap(clients.POST("/v1/persons/{person_id}/registrations", { params: { path: { person_id: id } }, body: { pesel, reason } })),
    onSuccess: (_, { id }) => queryClient.invalidateQueries({ queryKey: personKeys.detail(id) }),
  });
}

export function updatePerson(id: string, body: PersonUpdate, etag: string | null) {
  return unwrap(
    clients.PATCH("/v1/persons/{person_id}", {
      params: { path: { person_id: id }, header: { "If-Match": etag ?? "" } },
      body,
    }),
  );
}

export function useInvalidatePerson() {
  const queryClient = useQueryClient();
  return (id: string) => queryClient.invalidateQueries({ queryKey: personKeys.detail(id) });
}
