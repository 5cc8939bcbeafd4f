import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { unwrap, unwrapVersioned } from "@/lib/api/client";
import { directory, type UserCreate, type UserUpdate } from "@/lib/api/directory";
import { cursor, cursorPaging } from "@/lib/api/paging";
import { adminKeys, PAGE_SIZE, type UserFilters } from "./keys";

export const userQueries = {
  list: (filters: UserFilters) =>
    infiniteQueryOptions({
      queryKey: adminKeys.users.list(filters),
      enabled: !!filters.institutionId,
      ...cursorPaging,
      queryFn: ({ pageParam }) =>
        unwrap(
          directory.GET("/v1/users", {
            params: {
              query: { institution_id: filters.institutionId, active: filters.active, cursor: cursor(pageParam), limit: PAGE_SIZE },
            },
          }),
        ),
    }),
  /** One user with its ETag (for If-Match), read fresh each time. */
  detail: (id: string) =>
    queryOptions({
      queryKey: adminKeys.users.detail(id),
      queryFn: () => unwrapVersioned(directory.GET("/v1/users/{user_id}", { params: { path: { user_id: id } } })),
      staleTime: 0,
      gcTime: 0,
    }),
};

export function useUsers(filters: UserFilters) {
  return useInfiniteQuery(userQueries.list(filters));
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: adminKeys.users.all });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: UserCreate) => unwrap(directory.POST("/v1/users", { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, etag, body }: { id: string; etag: string | null; body: UserUpdate }) =>
      unwrap(
        directory.PATCH("/v1/users/{user_id}", {
          params: { path: { user_id: id }, header: { "If-Match": etag ?? "" } },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useSetUserActive() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      active
        ? unwrap(directory.POST("/v1/users/{user_id}/activate", { params: { path: { user_id: id } } }))
        : unwrap(directory.POST("/v1/users/{user_id}/deactivate", { params: { path: { user_id: id } } })),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      unwrap(directory.POST("/v1/users/{user_id}/password", { params: { path: { user_id: id } }, body: { password } })),
  });
}
