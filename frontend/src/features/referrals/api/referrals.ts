import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { unwrap, unwrapVersioned } from "@/lib/api/client";
import { clients } from "@/lib/api/clients";
import { directory } from "@/lib/api/directory";
import { referrals, type ReferralsSchemas } from "@/lib/api/referrals";

export type Referral = ReferralsSchemas["ReferralRead"];
export type AllowedAction = ReferralsSchemas["AllowedAction"];
export type TransitionRequest = ReferralsSchemas["TransitionRequest"];
export type TransitionAction = ReferralsSchemas["TransitionAction"];
export type ReferralStatus = ReferralsSchemas["Status"];
export type Priority = ReferralsSchemas["Priority"];
export type ReasonCode = ReferralsSchemas["ReasonCodeRead"];
export type OutcomeCode = ReferralsSchemas["OutcomeCodeRead"];
export type ReferralEvent = ReferralsSchemas["ReferralEventRead"];
export type ChainNode = ReferralsSchemas["ChainNode"];
export type Message = ReferralsSchemas["MessageRead"];
export type Notification = ReferralsSchemas["NotificationRead"];
export type ForwardRequest = ReferralsSchemas["ForwardRequest"];
export type ReferralCreate = ReferralsSchemas["ReferralCreate"];
export type BusinessStatus = ReferralsSchemas["BusinessStatus"];
export type Box = "inbox" | "outbox";

export const STATUSES: readonly ReferralStatus[] = [
  "draft",
  "requested",
  "accepted",
  "in_progress",
  "on_hold",
  "completed",
  "rejected",
  "failed",
  "cancelled",
  "entered_in_error",
];
export const BUSINESS_STATUSES: readonly BusinessStatus[] = [
  "contact_attempted",
  "appointment_scheduled",
  "no_show",
  "waiting_list",
  "interim_report",
];
export const PAGE_SIZE = 25;

export const referralKeys = {
  all: ["referrals"] as const,
  box: (box: Box) => ["referrals", "box", box] as const,
  counts: (box: Box) => ["referrals", "counts", box] as const,
  one: (id: string) => ["referrals", "one", id] as const,
  events: (id: string) => ["referrals", "one", id, "events"] as const,
  chain: (id: string) => ["referrals", "one", id, "chain"] as const,
  messages: (id: string) => ["referrals", "one", id, "messages"] as const,
  notifications: ["referrals", "notifications"] as const,
  unread: ["referrals", "notifications", "unread"] as const,
};

export interface BoxFilters {
  status?: ReferralStatus | null;
  overdue?: boolean;
  service_type?: string | null;
  priority?: Priority | null;
  person_id?: string | null;
}

export function useBox(box: Box, filters: BoxFilters) {
  return useInfiniteQuery({
    queryKey: [...referralKeys.box(box), filters],
    initialPageParam: null as string | null,
    placeholderData: keepPreviousData,
    queryFn: ({ pageParam }) => {
      const query = {
        status: filters.status ? [filters.status] : undefined,
        overdue: filters.overdue ? true : undefined,
        service_type: filters.service_type || undefined,
        priority: filters.priority || undefined,
        person_id: filters.person_id || undefined,
        cursor: pageParam ?? undefined,
        limit: PAGE_SIZE,
      };
      return box === "inbox"
        ? unwrap(referrals.GET("/v1/referrals/inbox", { params: { query } }))
        : unwrap(referrals.GET("/v1/referrals/outbox", { params: { query } }));
    },
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useCounts(box: Box) {
  return useQuery({
    queryKey: referralKeys.counts(box),
    queryFn: () => unwrap(referrals.GET("/v1/referrals/counts", { params: { query: { box } } })),
  });
}

/** One referral with its ETag (If-Match of transitions and forwarding). */
export function useReferral(id: string) {
  return useQuery({
    queryKey: referralKeys.one(id),
    queryFn: () => unwrapVersioned(referrals.GET("/v1/referrals/{referral_id}", { params: { path: { referral_id: id } } })),
    staleTime: 0,
  });
}

export function useEvents(id: string) {
  return useQuery({
    queryKey: referralKeys.events(id),
    queryFn: () => unwrap(referrals.GET("/v1/referrals/{referral_id}/events", { params: { path: { referral_id: id } } })),
  });
}

export function useChain(id: string) {
  return useQuery({
    queryKey: referralKeys.chain(id),
    queryFn: () => unwrap(referrals.GET("/v1/referrals/{referral_id}/chain", { params: { path: { referral_id: id } } })),
  });
}

export function useMessages(id: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: referralKeys.messages(id),
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        referrals.GET("/v1/referrals/{referral_id}/messages", {
          params: { path: { referral_id: id }, query: { cursor: pageParam ?? undefined, limit: 50 } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function usePostMessage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) =>
      unwrap(referrals.POST("/v1/referrals/{referral_id}/messages", { params: { path: { referral_id: id } }, body: { text } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: referralKeys.messages(id) }),
  });
}

export function useMarkMessagesRead(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(referrals.POST("/v1/referrals/{referral_id}/messages/read", { params: { path: { referral_id: id } } })),
    onSuccess: (result) => {
      if (result.marked > 0) void queryClient.invalidateQueries({ queryKey: referralKeys.messages(id) });
    },
  });
}

const REFERENCE = { staleTime: 60 * 60 * 1000 };

export function useReasonCodes() {
  return useQuery({
    queryKey: ["referrals", "reason-codes"],
    queryFn: () => unwrap(referrals.GET("/v1/reason-codes")),
    ...REFERENCE,
  });
}

export function useOutcomeCodes() {
  return useQuery({
    queryKey: ["referrals", "outcome-codes"],
    queryFn: () => unwrap(referrals.GET("/v1/outcome-codes", { params: { query: { kind: "outcome" } } })),
    ...REFERENCE,
  });
}

export function useServiceTypes() {
  return useQuery({
    queryKey: ["directory", "service-types"],
    queryFn: () => unwrap(directory.GET("/v1/service-types")),
    ...REFERENCE,
  });
}

/** An institution's name (directory); cached for the session. */
export function useInstitution(id: string | null | undefined) {
  return useQuery({
    queryKey: ["directory", "institutions", "one", id ?? ""],
    enabled: !!id,
    queryFn: () => unwrap(directory.GET("/v1/institutions/{institution_id}", { params: { path: { institution_id: id! } } })),
    ...REFERENCE,
  });
}

export function useOffers(serviceType: string | null, teryt: string | null) {
  return useQuery({
    queryKey: ["directory", "offers", "search", serviceType, teryt],
    enabled: !!serviceType,
    queryFn: () =>
      unwrap(
        directory.GET("/v1/offers", {
          params: { query: { service_type: serviceType!, teryt: teryt || undefined, active: true, limit: 100 } },
        }),
      ),
  });
}

/** A person as far as the registry lets the caller see them (404 when not visible). */
export function usePerson(id: string | null | undefined) {
  return useQuery({
    queryKey: ["clients", "persons", "one", id ?? ""],
    enabled: !!id,
    retry: false,
    queryFn: () => unwrap(clients.GET("/v1/persons/{person_id}", { params: { path: { person_id: id! } } })),
  });
}

export function usePersonSearch(q: string) {
  return useQuery({
    queryKey: ["clients", "persons", "search", q],
    enabled: q.trim().length >= 2,
    queryFn: () => unwrap(clients.GET("/v1/persons", { params: { query: { q: q.trim(), limit: 20 } } })),
  });
}

export function useConsents(personId: string | null) {
  return useQuery({
    queryKey: ["clients", "persons", "one", personId ?? "", "consents"],
    enabled: !!personId,
    queryFn: () =>
      unwrap(clients.GET("/v1/persons/{person_id}/consents", { params: { path: { person_id: personId!}, query: { limit: 100 } } })),
  });
}

function useInvalidateReferral(id: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: referralKeys.one(id) });
    void queryClient.invalidateQueries({ queryKey: ["referrals", "box"] });
    void queryClient.invalidateQueries({ queryKey: ["referrals", "counts"] });
  };
}

export function useTransition(id: string) {
  const invalidate = useInvalidateReferral(id);
  return useMutation({
    mutationFn: async ({ etag, body }: { etag: string | null; body: TransitionRequest }) => {
      const { data, error, response } = await referrals.POST("/v1/referrals/{referral_id}/transitions", {
        params: { path: { referral_id: id }, header: { "If-Match": etag ?? "" } },
        body,
      });
      if (!response.ok || error !== undefined) return unwrap(Promise.resolve({ data, error, response }));
      return data ?? null; // 204 for discard
    },
    onSuccess: invalidate,
  });
}

export function useForward(id: string) {
  const invalidate = useInvalidateReferral(id);
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string | null; body: ForwardRequest }) =>
      unwrap(
        referrals.POST("/v1/referrals/{referral_id}/forward", {
          params: { path: { referral_id: id }, header: { "If-Match": etag ?? "" } },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useCreateReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReferralCreate) => unwrap(referrals.POST("/v1/referrals", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: referralKeys.all }),
  });
}

export function useNotifications(unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: [...referralKeys.notifications, { unreadOnly }],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        referrals.GET("/v1/notifications", {
          params: { query: { unread: unreadOnly ? true : undefined, cursor: pageParam ?? undefined, limit: PAGE_SIZE } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(referrals.POST("/v1/notifications/{notification_id}/read", { params: { path: { notification_id: id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: referralKeys.notifications }),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(referrals.POST("/v1/notifications/read-all")),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: referralKeys.notifications }),
  });
}
