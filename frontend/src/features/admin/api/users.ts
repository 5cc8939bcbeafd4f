import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { directory, type UserCreate, type UserUpdate } from "@/lib/api/directory";
import { unwrap, unwrapVersioned } from "@/lib/api/client";
import { adminKeys, PAGE_SIZE } from "./keys";

export interface UserFilters {
  institutionId?: string;
  active?: boolean;
}

export function useUsers(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: [...adminKeys.users, "list", filters],
    enabled: !!filters.institutionId,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        directory.GET("/v1/users", {
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

/** One user with its ETag (for If-Match). */
export function useUser(id: string | null) {
  return useQuery({
    queryKey: adminKeys.user(id ?? ""),
    queryFn: () => unwrapVersioned(directory.GET("/v1/users/{user_id}", { params: { path: { user_id: id! } } })),
    enabled: id !== null,
    staleTime: 0,
    gcTime: 0,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: adminKeys.users });
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
          params: { path: { user_id: id }, header: { "If-Match": etag ?? undefined } },
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
