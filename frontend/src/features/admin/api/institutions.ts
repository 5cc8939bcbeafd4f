import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  directory,
  type InstitutionCreate,
  type InstitutionType,
  type InstitutionUpdate,
} from "@/lib/api/directory";
import { unwrap, unwrapVersioned } from "@/lib/api/client";
import { adminKeys, PAGE_SIZE } from "./keys";

export interface InstitutionFilters {
  q?: string;
  type?: InstitutionType;
  teryt?: string;
  active?: boolean;
}

export function useInstitutions(filters: InstitutionFilters, options: { enabled?: boolean; pageSize?: number } = {}) {
  return useInfiniteQuery({
    queryKey: [...adminKeys.institutions, "list", filters, options.pageSize ?? PAGE_SIZE],
    enabled: options.enabled ?? true,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        directory.GET("/v1/institutions", {
          params: {
            query: { ...filters, cursor: pageParam ?? undefined, limit: options.pageSize ?? PAGE_SIZE },
          },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useInstitution(id: string | null | undefined) {
  return useQuery({
    queryKey: adminKeys.institution(id ?? ""),
    queryFn: () =>
      unwrapVersioned(
        directory.GET("/v1/institutions/{institution_id}", { params: { path: { institution_id: id! } } }),
      ),
    enabled: !!id,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: adminKeys.institutions });
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
          params: { path: { institution_id: id }, header: { "If-Match": etag ?? undefined } },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
}
