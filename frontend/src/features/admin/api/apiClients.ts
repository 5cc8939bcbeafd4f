import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { unwrap } from "@/lib/api/client";
import { directory, type ApiClientCreate } from "@/lib/api/directory";
import { cursor, cursorPaging } from "@/lib/api/paging";
import { adminKeys, PAGE_SIZE } from "./keys";

/**
 * Scopes an institution may give its own systems (the directory's INSTITUTION_CLIENT_SCOPES;
 * the API does not publish the list, see the README).
 */
export const GRANTABLE_SCOPES = [
  "directory:read",
  "offers:write",
  "clients:read",
  "clients:write",
  "referrals:read",
  "referrals:write",
  "reporting:read",
  "webhooks:manage",
] as const;

export const apiClientQueries = {
  list: () =>
    infiniteQueryOptions({
      queryKey: adminKeys.apiClients.list(),
      ...cursorPaging,
      queryFn: ({ pageParam }) =>
        unwrap(directory.GET("/v1/api-clients", { params: { query: { cursor: cursor(pageParam), limit: PAGE_SIZE } } })),
    }),
};

export function useApiClients() {
  return useInfiniteQuery(apiClientQueries.list());
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: adminKeys.apiClients.all });
}

export function useCreateApiClient() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ApiClientCreate) => unwrap(directory.POST("/v1/api-clients", { body })),
    onSuccess: invalidate,
  });
}

export function useRotateSecret() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(directory.POST("/v1/api-clients/{client_id}/rotate-secret", { params: { path: { client_id: id } } })),
    onSuccess: invalidate,
  });
}

export function useRevokeApiClient() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => unwrap(directory.POST("/v1/api-clients/{client_id}/revoke", { params: { path: { client_id: id } } })),
    onSuccess: invalidate,
  });
}
