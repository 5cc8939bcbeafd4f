/**
 * Open invitations to partnerships (the directory emits no notification for them): the
 * partnerships listed for the user's institution that it is not yet a party to. Shared by the
 * shell (the navigation's badge, the header's notifications count) and the notifications page.
 * Analysts and system administrators see others' partnerships, not invitations.
 */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { unwrap } from "@/lib/api/client";
import { directory, type Me } from "@/lib/api/directory";
import type { components } from "@/lib/api/generated/directory";
import { useAuth } from "@/lib/auth/AuthProvider";

export type PartnershipSummary = components["schemas"]["PartnershipSummary"];

export const invitationKeys = {
  /** Under the partnerships feature's prefix (["partnerships"]): answering an invitation there refreshes every count. */
  list: () => ["partnerships", "invitations-badge"] as const,
};

export const invitationQueries = {
  /** The partnerships the user's institution is party or invited to. */
  list: () =>
    queryOptions({
      queryKey: invitationKeys.list(),
      queryFn: () => unwrap(directory.GET("/v1/partnerships", { params: { query: { limit: 100 } } })),
      refetchInterval: 5 * 60_000,
      retry: false,
    }),
};

/** The user's institution, or null (an account without one has no invitations). */
export function institutionOf(me: Me | undefined): string | null {
  return me?.institution?.id ?? me?.user?.institution_id ?? null;
}

/** The open invitations of the user's institution (none for analysts and system administrators). */
export function useOpenInvitations() {
  const { me, roles } = useAuth();
  const overseer = roles.includes("analyst") || roles.includes("system_admin");
  const mine = institutionOf(me);
  const enabled = !overseer && mine !== null;
  const list = useQuery({ ...invitationQueries.list(), enabled });
  const invitations = enabled ? (list.data?.items ?? []).filter((p) => !p.party_ids.includes(mine)) : [];
  return { invitations, institutionId: mine, enabled, list };
}

/** The partnerships of ``items`` whose area covers the territory ``teryt`` or lies within it. */
export function coveringTerritory(items: PartnershipSummary[], teryt: string): PartnershipSummary[] {
  return items.filter((p) => p.area_teryt.some((area) => teryt.startsWith(area) || area.startsWith(teryt)));
}
