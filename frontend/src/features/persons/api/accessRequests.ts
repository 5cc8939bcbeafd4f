/** Access requests to persons registered by other institutions: ask, list (incoming / outgoing), count, decide. */
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { unwrap } from "@/lib/api/client";
import { clients, type ClientsSchemas } from "@/lib/api/clients";
import { cursor, cursorPaging } from "@/lib/api/paging";
import { personKeys } from "./keys";

export type AccessRequest = ClientsSchemas["AccessRequestRead"];
export type AccessRequestBox = ClientsSchemas["AccessRequestBox"];
export type AccessRequestState = ClientsSchemas["AccessRequestState"];

const ACCESS_REQUESTS = ["clients", "access-requests"] as const;

export const accessRequestKeys = {
  all: ACCESS_REQUESTS,
  list: (box: AccessRequestBox, state: AccessRequestState | null) => [...ACCESS_REQUESTS, "list", box, state ?? "all"] as const,
  counts: () => [...ACCESS_REQUESTS, "counts"] as const,
};

export const accessRequestQueries = {
  list: (box: AccessRequestBox, state: AccessRequestState | null) =>
    infiniteQueryOptions({
      queryKey: accessRequestKeys.list(box, state),
      ...cursorPaging,
      queryFn: ({ pageParam }) =>
        unwrap(
          clients.GET("/v1/access-requests", {
            params: { query: { box, state: state ?? undefined, cursor: cursor(pageParam), limit: 25 } },
          }),
        ),
    }),
  counts: () =>
    queryOptions({
      queryKey: accessRequestKeys.counts(),
      // Read whenever the tabs show, and every minute while they stay open.
      staleTime: 0,
      refetchInterval: 60_000,
      queryFn: () => unwrap(clients.GET("/v1/access-requests/counts")),
    }),
};

export function useAccessRequests(box: AccessRequestBox, state: AccessRequestState | null) {
  return useInfiniteQuery(accessRequestQueries.list(box, state));
}

export function useAccessRequestCounts() {
  return useQuery(accessRequestQueries.counts());
}

export function useRequestAccess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ClientsSchemas["AccessRequestCreate"]) => unwrap(clients.POST("/v1/access-requests", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ACCESS_REQUESTS }),
  });
}

export type Decision = { id: string; approve: true; note: string | null } | { id: string; approve: false; reason: string };

export function useDecideAccessRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: Decision) =>
      decision.approve
        ? unwrap(
            clients.POST("/v1/access-requests/{request_id}/approve", {
              params: { path: { request_id: decision.id } },
              body: { note: decision.note },
            }),
          )
        : unwrap(
            clients.POST("/v1/access-requests/{request_id}/decline", {
              params: { path: { request_id: decision.id } },
              body: { reason: decision.reason },
            }),
          ),
    onSuccess: async (decided) => {
      await queryClient.invalidateQueries({ queryKey: ACCESS_REQUESTS });
      if (decided.person.id) await queryClient.invalidateQueries({ queryKey: personKeys.detail(decided.person.id) });
    },
  });
}
