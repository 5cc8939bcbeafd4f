import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { directory, type CapacityUpdate, type OfferCreate, type OfferUpdate } from "@/lib/api/directory";
import { unwrap, unwrapVersioned } from "@/lib/api/client";
import { adminKeys, PAGE_SIZE } from "./keys";

export function useOffers(filters: { institutionId: string | undefined; active: boolean }) {
  return useInfiniteQuery({
    queryKey: [...adminKeys.offers, "list", filters],
    enabled: filters.institutionId !== undefined,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        directory.GET("/v1/offers", {
          params: {
            query: {
              institution_id: filters.institutionId,
              active: filters.active,
              cursor: pageParam ?? undefined,
              limit: PAGE_SIZE,
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useOffer(id: string | null) {
  return useQuery({
    queryKey: adminKeys.offer(id ?? ""),
    queryFn: () => unwrapVersioned(directory.GET("/v1/offers/{offer_id}", { params: { path: { offer_id: id! } } })),
    enabled: id !== null,
    staleTime: 0,
    gcTime: 0,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: adminKeys.offers });
}

export function useCreateOffer() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ institutionId, body }: { institutionId: string; body: OfferCreate }) =>
      unwrap(
        directory.POST("/v1/institutions/{institution_id}/offers", {
          params: { path: { institution_id: institutionId } },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useUpdateOffer() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, etag, body }: { id: string; etag: string | null; body: OfferUpdate }) =>
      unwrap(
        directory.PATCH("/v1/offers/{offer_id}", {
          params: { path: { offer_id: id }, header: { "If-Match": etag ?? undefined } },
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
