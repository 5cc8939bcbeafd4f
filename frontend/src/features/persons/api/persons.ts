import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { unwrap } from "@/lib/api/client";
import { clients, type ClientsSchemas } from "@/lib/api/clients";
import { directory } from "@/lib/api/directory";
import { cursor, cursorPaging } from "@/lib/api/paging";
import { referrals } from "@/lib/api/referrals";
import { personKeys } from "./keys";

export type Person = ClientsSchemas["PersonRead"];
export type PersonCreate = ClientsSchemas["PersonCreate"];
export type Consent = ClientsSchemas["ConsentRead"];
export type ConsentCreate = ClientsSchemas["ConsentCreate"];

const HOUR = 60 * 60 * 1000;

export const personQueries = {
  /** Persons the caller's institution may see, by name (2+ characters). */
  search: (q: string) =>
    infiniteQueryOptions({
      queryKey: personKeys.list(q),
      enabled: q.trim().length >= 2,
      placeholderData: keepPreviousData,
      ...cursorPaging,
      queryFn: ({ pageParam }) =>
        unwrap(clients.GET("/v1/persons", { params: { query: { q: q.trim(), cursor: cursor(pageParam), limit: 25 } } })),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: personKeys.detail(id),
      retry: false,
      queryFn: () => unwrap(clients.GET("/v1/persons/{person_id}", { params: { path: { person_id: id } } })),
    }),
  consents: (personId: string) =>
    queryOptions({
      queryKey: personKeys.consents(personId),
      queryFn: () =>
        unwrap(clients.GET("/v1/persons/{person_id}/consents", { params: { path: { person_id: personId }, query: { limit: 100 } } })),
    }),
  accessReport: (personId: string) =>
    queryOptions({
      queryKey: personKeys.accessReport(personId),
      queryFn: () =>
        unwrap(clients.GET("/v1/persons/{person_id}/access-report", { params: { path: { person_id: personId }, query: { limit: 50 } } })),
    }),
  referrals: (personId: string) =>
    queryOptions({
      queryKey: personKeys.referrals(personId),
      queryFn: () =>
        unwrap(referrals.GET("/v1/persons/{person_id}/referrals", { params: { path: { person_id: personId }, query: { limit: 50 } } })),
    }),
  attributeDefinitions: () =>
    queryOptions({
      queryKey: personKeys.attributeDefinitions(),
      staleTime: HOUR,
      queryFn: () => unwrap(clients.GET("/v1/attribute-definitions")),
    }),
  institution: (id: string) =>
    queryOptions({
      queryKey: personKeys.institution(id),
      enabled: id !== "",
      staleTime: HOUR,
      queryFn: () => unwrap(directory.GET("/v1/institutions/{institution_id}", { params: { path: { institution_id: id } } })),
    }),
  serviceTypes: () =>
    queryOptions({
      queryKey: personKeys.serviceTypes(),
      staleTime: HOUR,
      queryFn: () => unwrap(directory.GET("/v1/service-types")),
    }),
};

export function usePersonSearch(q: string) {
  return useInfiniteQuery(personQueries.search(q));
}

export function usePeselLookup() {
  return useMutation({
    mutationFn: (pesel: string) => unwrap(clients.POST("/v1/persons/lookup", { body: { pesel } })),
  });
}

export function usePerson(id: string) {
  return useQuery(personQueries.detail(id));
}

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PersonCreate) => unwrap(clients.POST("/v1/persons", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKeys.lists() }),
  });
}

export function useConsents(personId: string) {
  return useQuery(personQueries.consents(personId));
}

export function useRecordConsent(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConsentCreate) =>
      unwrap(clients.POST("/v1/persons/{person_id}/consents", { params: { path: { person_id: personId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKeys.consents(personId) }),
  });
}

export function useWithdrawConsent(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string | null }) =>
      unwrap(clients.POST("/v1/consents/{consent_id}/withdraw", { params: { path: { consent_id: id } }, body: { reason } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKeys.consents(personId) }),
  });
}

export function useAccessReport(personId: string, enabled: boolean) {
  return useQuery({ ...personQueries.accessReport(personId), enabled });
}

export function usePersonReferrals(personId: string) {
  return useQuery(personQueries.referrals(personId));
}

export function useAttributeDefinitions() {
  return useQuery(personQueries.attributeDefinitions());
}

export function useInstitutionName(id: string | null | undefined) {
  return useQuery(personQueries.institution(id ?? ""));
}

export function useServiceTypes() {
  return useQuery(personQueries.serviceTypes());
}
