import { queryOptions } from "@tanstack/react-query";
import { unwrap } from "@/lib/api/client";
import { referrals } from "@/lib/api/referrals";
import { invitationKeys, invitationQueries } from "@/lib/partnerships/invitations";

/** The shell's own queries (the features have theirs in their api/ folders). */
export const shellKeys = {
  /**
   * Under the referrals feature's notifications prefix (["referrals", "notifications"]), so marking
   * a notification read there refreshes the count in the header.
   */
  unreadNotifications: () => ["referrals", "notifications", "unread-count"] as const,
  /** Under the partnerships feature's prefix (["partnerships"]): answering an invitation there refreshes the badge. */
  partnershipInvitations: invitationKeys.list,
};

export const shellQueries = {
  /** Polled every minute for the header's link. */
  unreadNotifications: () =>
    queryOptions({
      queryKey: shellKeys.unreadNotifications(),
      queryFn: () => unwrap(referrals.GET("/v1/notifications/unread-count")),
      refetchInterval: 60_000,
      retry: false,
    }),
  /**
   * The partnerships the user's institution is party or invited to (the navigation's invitation
   * count, the header's notifications count, the invitations on the notifications page): in src/lib,
   * so the notifications page (a feature) reads the same query.
   */
  partnershipInvitations: invitationQueries.list,
};
