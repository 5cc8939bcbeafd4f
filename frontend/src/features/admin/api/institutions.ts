import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { unwrap, unwrapVersioned } from "@/lib/api/client";
import { directory, type InstitutionCreate, type InstitutionUpdate } from "@/lib/api/directory";
import { cursor, cursorPaging } from "@/lib/api/paging";
import { adminKeys, PAGE_SIZE, type InstitutionFilters } from "./keys";

export type { InstitutionFilters } from "./keys";

export const institutionQueries = {
  list: (filters: InstitutionFilters, pageSize = PAGE_SIZE) =>
    infiniteQueryOptions({
      queryKey: adminKeys.institutions.list(filters, pageSize),
      ...cursorPaging,
      queryFn: ({ pageParam }) =>
        unwrap(directory.GET("/v1/institutions", { params: { query: { ...filters, cursor: cursor(pageParam), limit: pageSize } } })),
    }),
  /** One institution with its ETag (for If-Match). */
  detail: (id: string) =>
    queryOptions({
      queryKey: adminKeys.institutions.detail(id),
      queryFn: () => unwrapVersioned(directory.GET("/v1/institutions/{institution_id}", { params: { path: { institution_id: id } } })),
    }),
  /** One institution's record, to show its name. */
  named: (id: string) =>
    queryOptions({
      queryKey: adminKeys.institutions.named(id),
      queryFn: () => unwrap(directory.GET("/v1/institutions/{institution_id}", { params: { path: { institution_id: id } } })),
      staleTime: 5 * 60_000,
    }),
};

export function useInstitutions(filters: InstitutionFilters, options: { pageSize?: number } = {}) {
  return useInfiniteQuery(institutionQueries.list(filters, options.pageSize));
}

/** One institution with its ETag; nothing is read for no id. */
export function useInstitution(id: string | null | undefined) {
  return useQuery({ ...institutionQueries.detail(id ?? ""), enabled: !!id });
}

/** The records of these institutions (for their names), in the same order. */
export function useInstitutionRecords(ids: readonly string[]) {
  return useQueries({ queries: ids.map((id) => institutionQueries.named(id)) });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: adminKeys.institutions.all });
}

export function useCreateInstitution() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: InstitutionCreate) => unwrap(directory.POST("/v1/institutions", { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateInstitution() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, etag, body }: { id: string; etag: string | null; body: InstitutionUpdate }) =>
      unwrap(
        directory.PATCH("/v1/institutions/{institution_id}", {
          params: { path: { institution_id: id }, header: { "If-Match": etag ?? "" } },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
}
