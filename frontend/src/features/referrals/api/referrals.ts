import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { unwrap, unwrapVersioned } from "@/lib/api/client";
import { cursor, cursorPaging } from "@/lib/api/paging";
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

export type BoxSort = ReferralsSchemas["BoxSort"];

export interface BoxFilters {
  status?: ReferralStatus | null;
  overdue?: boolean;
  service_type?: string | null;
  priority?: Priority | null;
  person_id?: string | null;
  /** Persons found by a name search in the registry (the caller's own access): any of them. */
  person_ids?: string[] | null;
  /** Part of the referral number. */
  number?: string | null;
  /** "me", "none" or a user id. */
  assignee?: string | null;
  sort?: BoxSort | null;
}

/** The referrals feature's query keys, one factory for the feature (records of other services included). */
export const referralKeys = {
  all: ["referrals"] as const,
  boxes: () => ["referrals", "box"] as const,
  box: (box: Box, filters: BoxFilters) => ["referrals", "box", box, filters] as const,
  allCounts: () => ["referrals", "counts"] as const,
  counts: (box: Box) => ["referrals", "counts", box] as const,
  /** One referral with its ETag. */
  detail: (id: string) => ["referrals", "one", id] as const,
  events: (id: string) => ["referrals", "one", id, "events"] as const,
  chain: (id: string) => ["referrals", "one", id, "chain"] as const,
  messages: (id: string) => ["referrals", "one", id, "messages"] as const,
  notifications: () => ["referrals", "notifications"] as const,
  notificationList: (unreadOnly: boolean) => ["referrals", "notifications", { unreadOnly }] as const,
  reasonCodes: () => ["referrals", "reason-codes"] as const,
  outcomeCodes: () => ["referrals", "outcome-codes"] as const,
  serviceTypes: () => ["directory", "service-types"] as const,
  /** An institution's record (the directory). */
  institution: (id: string) => ["directory", "institutions", "one", id] as const,
  offers: (serviceType: string | null, teryt: string | null) => ["directory", "offers", "search", serviceType, teryt] as const,
  /** A person as far as the registry lets the caller see them. */
  person: (id: string) => ["clients", "persons", "one", id] as const,
  personSearch: (q: string) => ["clients", "persons", "search", q] as const,
  /** The names of a page of referrals' persons, fetched together. */
  personNames: (ids: readonly string[]) => ["clients", "persons", "names", ...ids] as const,
  consents: (personId: string) => ["clients", "persons", "one", personId, "consents"] as const,
  senderContact: (id: string) => ["referrals", "one", id, "sender-contact"] as const,
  followUps: () => ["referrals", "follow-ups"] as const,
  followUpList: (tab: string) => ["referrals", "follow-ups", tab] as const,
  followUpCodes: () => ["referrals", "outcome-codes", "followup"] as const,
  /** The active staff of the caller's institution (the directory). */
  staff: () => ["directory", "users", "active"] as const,
};

/** Reference data (codes, service types, names) changes rarely. */
const REFERENCE = { staleTime: 60 * 60 * 1000 };

export const referralQueries = {
  box: (box: Box, filters: BoxFilters) =>
    infiniteQueryOptions({
      queryKey: referralKeys.box(box, filters),
      ...cursorPaging,
      placeholderData: keepPreviousData,
      queryFn: ({ pageParam }) => {
        const persons = filters.person_ids ?? (filters.person_id ? [filters.person_id] : undefined);
        const query = {
          status: filters.status ? [filters.status] : undefined,
          overdue: filters.overdue ? true : undefined,
          service_type: filters.service_type || undefined,
          priority: filters.priority || undefined,
          person_id: persons?.length ? persons : undefined,
          number: filters.number || undefined,
          assignee: filters.assignee || undefined,
          sort: filters.sort || undefined,
          cursor: cursor(pageParam),
          limit: PAGE_SIZE,
        };
        return box === "inbox"
          ? unwrap(referrals.GET("/v1/referrals/inbox", { params: { query } }))
          : unwrap(referrals.GET("/v1/referrals/outbox", { params: { query } }));
      },
    }),
  counts: (box: Box) =>
    queryOptions({
      queryKey: referralKeys.counts(box),
      queryFn: () => unwrap(referrals.GET("/v1/referrals/counts", { params: { query: { box } } })),
    }),
  /** One referral with its ETag (If-Match of transitions and forwarding). */
  detail: (id: string) =>
    queryOptions({
      queryKey: referralKeys.detail(id),
      queryFn: () => unwrapVersioned(referrals.GET("/v1/referrals/{referral_id}", { params: { path: { referral_id: id } } })),
      staleTime: 0,
    }),
  events: (id: string) =>
    queryOptions({
      queryKey: referralKeys.events(id),
      queryFn: () => unwrap(referrals.GET("/v1/referrals/{referral_id}/events", { params: { path: { referral_id: id } } })),
    }),
  chain: (id: string) =>
    queryOptions({
      queryKey: referralKeys.chain(id),
      queryFn: () => unwrap(referrals.GET("/v1/referrals/{referral_id}/chain", { params: { path: { referral_id: id } } })),
    }),
  messages: (id: string) =>
    infiniteQueryOptions({
      queryKey: referralKeys.messages(id),
      ...cursorPaging,
      queryFn: ({ pageParam }) =>
        unwrap(
          referrals.GET("/v1/referrals/{referral_id}/messages", {
            params: { path: { referral_id: id }, query: { cursor: cursor(pageParam), limit: 50 } },
          }),
        ),
    }),
  notifications: (unreadOnly: boolean) =>
    infiniteQueryOptions({
      queryKey: referralKeys.notificationList(unreadOnly),
      ...cursorPaging,
      queryFn: ({ pageParam }) =>
        unwrap(
          referrals.GET("/v1/notifications", {
            params: { query: { unread: unreadOnly ? true : undefined, cursor: cursor(pageParam), limit: PAGE_SIZE } },
          }),
        ),
    }),
  reasonCodes: () =>
    queryOptions({ queryKey: referralKeys.reasonCodes(), queryFn: () => unwrap(referrals.GET("/v1/reason-codes")), ...REFERENCE }),
  outcomeCodes: () =>
    queryOptions({
      queryKey: referralKeys.outcomeCodes(),
      queryFn: () => unwrap(referrals.GET("/v1/outcome-codes", { params: { query: { kind: "outcome" } } })),
      ...REFERENCE,
    }),
  serviceTypes: () =>
    queryOptions({ queryKey: referralKeys.serviceTypes(), queryFn: () => unwrap(directory.GET("/v1/service-types")), ...REFERENCE }),
  institution: (id: string) =>
    queryOptions({
      queryKey: referralKeys.institution(id),
      enabled: id !== "",
      queryFn: () => unwrap(directory.GET("/v1/institutions/{institution_id}", { params: { path: { institution_id: id } } })),
      ...REFERENCE,
    }),
  /** The active offers of a service type (in an area: a TERYT prefix). */
  offers: (serviceType: string, teryt: string | null) =>
    queryOptions({
      queryKey: referralKeys.offers(serviceType, teryt),
      enabled: serviceType !== "",
      queryFn: () =>
        unwrap(
          directory.GET("/v1/offers", {
            params: { query: { service_type: serviceType, teryt: teryt || undefined, active: true, limit: 100 } },
          }),
        ),
    }),
  /** A person as far as the registry lets the caller see them (404 when not visible). */
  person: (id: string) =>
    queryOptions({
      queryKey: referralKeys.person(id),
      enabled: id !== "",
      retry: false,
      queryFn: () => unwrap(clients.GET("/v1/persons/{person_id}", { params: { path: { person_id: id } } })),
    }),
  personSearch: (q: string) =>
    queryOptions({
      queryKey: referralKeys.personSearch(q),
      enabled: q.trim().length >= 2,
      queryFn: () => unwrap(clients.GET("/v1/persons", { params: { query: { q: q.trim(), limit: 20 } } })),
    }),
  consents: (personId: string) =>
    queryOptions({
      queryKey: referralKeys.consents(personId),
      enabled: personId !== "",
      queryFn: () =>
        unwrap(clients.GET("/v1/persons/{person_id}/consents", { params: { path: { person_id: personId }, query: { limit: 100 } } })),
    }),
};

export function useBox(box: Box, filters: BoxFilters) {
  return useInfiniteQuery(referralQueries.box(box, filters));
}

export function useCounts(box: Box) {
  return useQuery(referralQueries.counts(box));
}

/** One referral with its ETag (If-Match of transitions and forwarding). */
export function useReferral(id: string) {
  return useQuery(referralQueries.detail(id));
}

export function useEvents(id: string) {
  return useQuery(referralQueries.events(id));
}

export function useChain(id: string) {
  return useQuery(referralQueries.chain(id));
}

export function useMessages(id: string) {
  return useInfiniteQuery(referralQueries.messages(id));
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

export function useReasonCodes() {
  return useQuery(referralQueries.reasonCodes());
}

export function useOutcomeCodes() {
  return useQuery(referralQueries.outcomeCodes());
}

export function useServiceTypes() {
  return useQuery(referralQueries.serviceTypes());
}

/** An institution's name (directory); cached for the session. */
export function useInstitution(id: string | null | undefined) {
  return useQuery(referralQueries.institution(id ?? ""));
}

export function useOffers(serviceType: string | null, teryt: string | null) {
  return useQuery(referralQueries.offers(serviceType ?? "", teryt));
}

/** A person as far as the registry lets the caller see them (404 when not visible). */
export function usePerson(id: string | null | undefined) {
  return useQuery(referralQueries.person(id ?? ""));
}

/** The persons of a page of referrals in one registry request (those the caller may not see are
 * absent from the map once it has loaded). */
export function usePersonNames(ids: readonly string[]) {
  const unique = [...new Set(ids)].sort();
  return useQuery({
    queryKey: referralKeys.personNames(unique),
    enabled: unique.length > 0,
    queryFn: async () => {
      // The registry answers at most 100 ids a request: a long, scrolled list asks in parts.
      const parts = Array.from({ length: Math.ceil(unique.length / 100) }, (_, i) => unique.slice(i * 100, i * 100 + 100));
      const pages = await Promise.all(parts.map((id) => unwrap(clients.GET("/v1/persons", { params: { query: { id, limit: 100 } } }))));
      return new Map(pages.flatMap((page) => page.items).map((p) => [p.id, p]));
    },
    placeholderData: (previous) => previous,
  });
}

export function usePersonSearch(q: string) {
  return useQuery(referralQueries.personSearch(q));
}

export function useConsents(personId: string | null) {
  return useQuery(referralQueries.consents(personId ?? ""));
}

function useInvalidateReferral(id: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: referralKeys.detail(id) });
    void queryClient.invalidateQueries({ queryKey: referralKeys.boxes() });
    void queryClient.invalidateQueries({ queryKey: referralKeys.allCounts() });
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
  return useInfiniteQuery(referralQueries.notifications(unreadOnly));
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(referrals.POST("/v1/notifications/{notification_id}/read", { params: { path: { notification_id: id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: referralKeys.notifications() }),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(referrals.POST("/v1/notifications/read-all")),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: referralKeys.notifications() }),
  });
}
