/** Cursor paging of the APIs' lists ({ items, next_cursor }), for TanStack's infinite queries. */
export const cursorPaging = {
  initialPageParam: null as string | null,
  getNextPageParam: (last: { next_cursor?: string | null }): string | null => last.next_cursor ?? null,
};

/** The `cursor` query parameter of a page (none for the first). */
export function cursor(pageParam: string | null): string | undefined {
  return pageParam ?? undefined;
}
