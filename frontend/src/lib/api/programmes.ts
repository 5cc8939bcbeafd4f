/** The directory's programme catalogue (issue #16): programmes referrals, individual plans and
 * partnerships can belong to (PAI of PUP and OPS, CIS/KIS, EU-funded projects). Every signed-in
 * user reads it; system administrators keep it. */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { unwrap, unwrapVersioned } from "@/lib/api/client";
import { directory } from "@/lib/api/directory";
import type { components } from "@/lib/api/generated/directory";

export type Programme = components["schemas"]["ProgrammeRead"];
export type ProgrammeKind = components["schemas"]["ProgrammeKind"];
export type ProgrammeCreate = components["schemas"]["ProgrammeCreate"];
export type ProgrammeUpdate = components["schemas"]["ProgrammeUpdate"];

export const PROGRAMME_KINDS: readonly ProgrammeKind[] = ["joint_activation", "cis_kis", "eu_project", "national", "local"];

export const programmeKeys = {
  all: ["directory", "programmes"] as const,
  list: () => ["directory", "programmes", "list"] as const,
};

export const programmeQueries = {
  /** The whole catalogue (a few dozen rows), active first. */
  list: () =>
    queryOptions({
      queryKey: programmeKeys.list(),
      queryFn: () => unwrap(directory.GET("/v1/programmes")),
      staleTime: 10 * 60_000,
    }),
};

export function useProgrammes() {
  return useQuery(programmeQueries.list());
}

/** The name of a programme code ("PAI" → "Program Aktywizacja i Integracja"), the code if unknown. */
export function useProgrammeName(code: string | null | undefined): string | null {
  const programmes = useProgrammes();
  if (!code) return null;
  return programmes.data?.items.find((p) => p.code === code)?.name ?? code;
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: programmeKeys.all });
}

export function useCreateProgramme() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ProgrammeCreate) => unwrap(directory.POST("/v1/programmes", { body })),
    onSuccess: invalidate,
  });
}

/** Reads the programme's current ETag, then changes it with If-Match. */
export function useUpdateProgramme() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ code, body }: { code: string; body: ProgrammeUpdate }) => {
      const current = await unwrapVersioned(directory.GET("/v1/programmes/{code}", { params: { path: { code } } }));
      return unwrap(
        directory.PATCH("/v1/programmes/{code}", {
          params: { path: { code }, header: { "If-Match": current.etag ?? "" } },
          body,
        }),
      );
    },
    onSuccess: invalidate,
  });
}
