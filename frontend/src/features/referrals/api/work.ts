/** The referral work of an institution: its staff (assignees), the sending caseworker's contact, follow-ups. */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { unwrap } from "@/lib/api/client";
import { directory } from "@/lib/api/directory";
import { referrals, type ReferralsSchemas } from "@/lib/api/referrals";
import { referralKeys } from "./referrals";

export type FollowUp = ReferralsSchemas["FollowUpRead"];
export type SenderContact = ReferralsSchemas["SenderContact"];

/** The follow-up list's tabs: due (yours to answer now), upcoming, answered. */
export type FollowUpTab = "due" | "upcoming" | "answered";

const HOUR = 60 * 60 * 1000;

function followUpQuery(tab: FollowUpTab) {
  if (tab === "due") return { status: "open" as const, due: true };
  if (tab === "upcoming") return { status: "open" as const, due: false };
  return { status: "answered" as const };
}

export const workQueries = {
  /** Active staff of the caller's institution (assignees are chosen from them). */
  staff: () =>
    queryOptions({
      queryKey: referralKeys.staff(),
      staleTime: 5 * 60 * 1000,
      queryFn: () => unwrap(directory.GET("/v1/users", { params: { query: { active: true, limit: 200 } } })),
    }),
  senderContact: (id: string) =>
    queryOptions({
      queryKey: referralKeys.senderContact(id),
      retry: false,
      queryFn: () => unwrap(referrals.GET("/v1/referrals/{referral_id}/sender-contact", { params: { path: { referral_id: id } } })),
    }),
  followUps: (tab: FollowUpTab) =>
    queryOptions({
      queryKey: referralKeys.followUpList(tab),
      queryFn: () => unwrap(referrals.GET("/v1/follow-ups", { params: { query: { ...followUpQuery(tab), limit: 100 } } })),
    }),
  followUpCodes: () =>
    queryOptions({
      queryKey: referralKeys.followUpCodes(),
      staleTime: HOUR,
      queryFn: () => unwrap(referrals.GET("/v1/outcome-codes", { params: { query: { kind: "followup" } } })),
    }),
};

export function useStaff(enabled = true) {
  return useQuery({ ...workQueries.staff(), enabled });
}

/** A staff member's name from the institution's own user list (undefined while unknown). */
export function useStaffName(userId: string | null | undefined, enabled = true) {
  const staff = useStaff(enabled && !!userId);
  return userId ? staff.data?.items.find((u) => u.id === userId)?.full_name : undefined;
}

export function useSenderContact(id: string, enabled: boolean) {
  return useQuery({ ...workQueries.senderContact(id), enabled });
}

export function useFollowUps(tab: FollowUpTab) {
  return useQuery(workQueries.followUps(tab));
}

export function useFollowUpCodes() {
  return useQuery(workQueries.followUpCodes());
}

export function useAnswerFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReferralsSchemas["FollowUpAnswer"] }) =>
      unwrap(referrals.POST("/v1/follow-ups/{followup_id}/answer", { params: { path: { followup_id: id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: referralKeys.followUps() }),
  });
}
