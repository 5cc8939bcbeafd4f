import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { unwrap } from "@/lib/api/client";
import { clients, type ClientsSchemas } from "@/lib/api/clients";
import { directory } from "@/lib/api/directory";
import { referrals } from "@/lib/api/referrals";

export type Person = ClientsSchemas["PersonRead"];
export type PersonCreate = ClientsSchemas["PersonCreate"];
export type Consent = ClientsSchemas["ConsentRead"];
export type ConsentCreate = ClientsSchemas["ConsentCreate"];

const personKey = (id: string) => ["clients", "persons", "one", id] as const;

export function usePersonSearch(q: string) {
  return useInfiniteQuery({
    queryKey: ["clients", "persons", "list", q],
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => unwrap(clients.GET("/v1/persons", { params: { query: { q: q.trim(), cursor: pageParam ?? undefined, limit: 25 } } })),
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function usePeselLookup() {
  return useMutation({
    mutationFn: (pesel: string) => unwrap(clients.POST("/v1/persons/lookup", { body: { pesel } })),
  });
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: personKey(id),
    retry: false,
    queryFn: () => unwrap(clients.GET("/v1/persons/{person_id}", { params: { path: { person_id: id } } })),
  });
}

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PersonCreate) => unwrap(clients.POST("/v1/persons", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["clients", "persons", "list"] }),
  });
}

export function useConsents(personId: string) {
  return useQuery({
    queryKey: [...personKey(personId), "consents"],
    queryFn: () => unwrap(clients.GET("/v1/persons/{person_id}/consents", { params: { path: { person_id: personId }, query: { limit: 100 } } })),
  });
}

export function useRecordConsent(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConsentCreate) => unwrap(clients.POST("/v1/persons/{person_id}/consents", { params: { path: { person_id: personId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...personKey(personId), "consents"] }),
  });
}

export function useWithdrawConsent(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string | null }) =>
      unwrap(clients.POST("/v1/consents/{consent_id}/withdraw", { params: { path: { consent_id: id } }, body: { reason } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...personKey(personId), "consents"] }),
  });
}

export function useAccessReport(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...personKey(personId), "access-report"],
    enabled,
    queryFn: () => unwrap(clients.GET("/v1/persons/{person_id}/access-report", { params: { path: { person_id: personId }, query: { limit: 50 } } })),
  });
}

export function usePersonReferrals(personId: string) {
  return useQuery({
    queryKey: ["referrals", "person", personId],
    queryFn: () => unwrap(referrals.GET("/v1/persons/{person_id}/referrals", { params: { path: { person_id: personId }, query: { limit: 50 } } })),
  });
}

export function useAttributeDefinitions() {
  return useQuery({
    queryKey: ["clients", "attribute-definitions"],
    staleTime: 60 * 60 * 1000,
    queryFn: () => unwrap(clients.GET("/v1/attribute-definitions")),
  });
}

export function useInstitutionName(id: string | null | undefined) {
  return useQuery({
    queryKey: ["directory", "institutions", "one", id ?? ""],
    enabled: !!id,
    staleTime: 60 * 60 * 1000,
    queryFn: () => unwrap(directory.GET("/v1/institutions/{institution_id}", { params: { path: { institution_id: id! } } })),
  });
}

export function useServiceTypes() {
  return useQuery({
    queryKey: ["directory", "service-types"],
    staleTime: 60 * 60 * 1000,
    queryFn: () => unwrap(directory.GET("/v1/service-types")),
  });
}
