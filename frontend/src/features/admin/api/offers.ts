import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { unwrap, unwrapVersioned } from "@/lib/api/client";
import { directory, type CapacityUpdate, type OfferCreate, type OfferUpdate } from "@/lib/api/directory";
import { cursor, cursorPaging } from "@/lib/api/paging";
import { adminKeys, PAGE_SIZE, type OfferFilters } from "./keys";

export const offerQueries = {
  list: (filters: OfferFilters) =>
    infiniteQueryOptions({
      queryKey: adminKeys.offers.list(filters),
      enabled: filters.institutionId !== undefined,
      ...cursorPaging,
      queryFn: ({ pageParam }) =>
        unwrap(
          directory.GET("/v1/offers", {
            params: {
              query: { institution_id: filters.institutionId, active: filters.active, cursor: cursor(pageParam), limit: PAGE_SIZE },
            },
          }),
        ),
    }),
  /** One offer with its ETag (for If-Match), read fresh each time. */
  detail: (id: string) =>
    queryOptions({
      queryKey: adminKeys.offers.detail(id),
      queryFn: () => unwrapVersioned(directory.GET("/v1/offers/{offer_id}", { params: { path: { offer_id: id } } })),
      staleTime: 0,
      gcTime: 0,
    }),
};

export function useOffers(filters: OfferFilters) {
  return useInfiniteQuery(offerQueries.list(filters));
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: adminKeys.offers.all });
}

export function useCreateOffer() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ institutionId, body }: { institutionId: string; body: OfferCreate }) =>
      unwrap(directory.POST("/v1/institutions/{institution_id}/offers", { params: { path: { institution_id: institutionId } }, body })),
    onSuccess: invalidate,
  });
}

export function useUpdateOffer() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, etag, body }: { id: string; etag: string | null; body: OfferUpdate }) =>
      unwrap(
        directory.PATCH("/v1/offers/{offer_id}", {
          params: { path: { offer_id: id }, header: { "If-Match": etag ?? "" } },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useSetCapacity() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CapacityUpdate }) =>
      unwrap(directory.PUT("/v1/offers/{offer_id}/capacity", { params: { path: { offer_id: id } }, body })),
    onSuccess: invalidate,
  });
}
