import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { unwrap, unwrapVersioned } from "@/lib/api/client";
import { cursor, cursorPaging } from "@/lib/api/paging";
import { referrals, type ReferralsSchemas } from "@/lib/api/referrals";
import { adminKeys, PAGE_SIZE } from "./keys";

export type Subscription = ReferralsSchemas["SubscriptionRead"];
/** A row of the list: the subscription with its newest delivery. */
export type SubscriptionListItem = ReferralsSchemas["SubscriptionListItem"];
export type DeliveryBrief = ReferralsSchemas["DeliveryBrief"];
export type SubscriptionWithSecret = ReferralsSchemas["SubscriptionWithSecret"];
export type SubscriptionCreate = ReferralsSchemas["SubscriptionCreate"];
export type SubscriptionUpdate = ReferralsSchemas["SubscriptionUpdate"];
export type Delivery = ReferralsSchemas["DeliveryRead"];
export type DeliveryStatus = ReferralsSchemas["DeliveryStatus"];
export type EventType = ReferralsSchemas["EventType"];

/**
 * The referral events a subscription can ask for (the referrals service's EventType), in the order
 * a referral lives through them. An empty list in a subscription means "every type, also future ones".
 */
export const EVENT_TYPES = [
  "referral.sent",
  "referral.accepted",
  "referral.rejected",
  "referral.withdrawn",
  "referral.expired",
  "referral.overdue",
  "referral.forwarded",
  "referral.started",
  "referral.business_status_changed",
  "referral.held",
  "referral.resumed",
  "referral.completed",
  "referral.failed",
  "referral.acknowledged",
  "referral.cancellation_requested",
  "referral.cancelled",
  "referral.marked_in_error",
  "referral.reopened",
  "referral.assigned",
  "followup.answered",
] as const satisfies readonly EventType[];

// Fails to compile when the API gains an event type this list does not have.
type MissingEventTypes = Exclude<EventType, (typeof EVENT_TYPES)[number]>;
const everyEventListed: MissingEventTypes extends never ? true : MissingEventTypes = true;
void everyEventListed;

export const DELIVERY_STATUSES = ["pending", "delivered", "dead"] as const satisfies readonly DeliveryStatus[];

/** The i18n key of an event type's label or help ("referral.sent" → "admin.webhooks.events.label.referral_sent"). */
export function eventKey(type: string, part: "label" | "help" = "label"): string {
  return `admin.webhooks.events.${part}.${type.replace(/\./g, "_")}`;
}

/** The client-side twin of SubscriptionCreate.url's pattern (https is enforced by the server outside development). */
export const URL_PATTERN = /^https?:\/\/[^\s/?#]+(\/\S*)?$/;
export const URL_MAX = 500;
export const DESCRIPTION_MAX = 200;

export const webhookQueries = {
  list: () =>
    infiniteQueryOptions({
      queryKey: adminKeys.webhooks.list(),
      ...cursorPaging,
      queryFn: ({ pageParam }) =>
        unwrap(referrals.GET("/v1/webhooks/subscriptions", { params: { query: { cursor: cursor(pageParam), limit: PAGE_SIZE } } })),
    }),
  /** One subscription with its ETag (If-Match of edit, pause/resume and delete), read fresh. */
  detail: (id: string) =>
    queryOptions({
      queryKey: adminKeys.webhooks.detail(id),
      queryFn: () =>
        unwrapVersioned(referrals.GET("/v1/webhooks/subscriptions/{subscription_id}", { params: { path: { subscription_id: id } } })),
      staleTime: 0,
      gcTime: 0,
    }),
  deliveries: (subscriptionId: string, status: DeliveryStatus | null) =>
    infiniteQueryOptions({
      queryKey: adminKeys.webhooks.deliveryList(subscriptionId, status),
      ...cursorPaging,
      queryFn: ({ pageParam }) =>
        unwrap(
          referrals.GET("/v1/webhooks/subscriptions/{subscription_id}/deliveries", {
            params: {
              path: { subscription_id: subscriptionId },
              query: { status: status ?? undefined, cursor: cursor(pageParam), limit: PAGE_SIZE },
            },
          }),
        ),
    }),
};

export function useSubscriptions() {
  return useInfiniteQuery(webhookQueries.list());
}

/** One subscription with its ETag. */
export function useSubscription(id: string) {
  return useQuery(webhookQueries.detail(id));
}

export function useDeliveries(subscriptionId: string, status: DeliveryStatus | null) {
  return useInfiniteQuery(webhookQueries.deliveries(subscriptionId, status));
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: adminKeys.webhooks.all });
}

export function useCreateSubscription() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: SubscriptionCreate) => unwrap(referrals.POST("/v1/webhooks/subscriptions", { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateSubscription() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, etag, body }: { id: string; etag: string | null; body: SubscriptionUpdate }) =>
      unwrap(
        referrals.PATCH("/v1/webhooks/subscriptions/{subscription_id}", {
          params: { path: { subscription_id: id }, header: { "If-Match": etag ?? "" } },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useDeleteSubscription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, etag }: { id: string; etag: string | null }) =>
      unwrap(
        referrals.DELETE("/v1/webhooks/subscriptions/{subscription_id}", {
          params: { path: { subscription_id: id }, header: { "If-Match": etag ?? "" } },
        }),
      ),
    // Re-read everything but the deleted subscription itself and its deliveries (they are gone: 404).
    onSuccess: (_data, { id }) =>
      queryClient.invalidateQueries({ queryKey: adminKeys.webhooks.all, predicate: (query) => !query.queryKey.includes(id) }),
  });
}

export function useRotateWebhookSecret() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(referrals.POST("/v1/webhooks/subscriptions/{subscription_id}/rotate-secret", { params: { path: { subscription_id: id } } })),
    onSuccess: invalidate,
  });
}

export function useReplayDelivery(subscriptionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      unwrap(
        referrals.POST("/v1/webhooks/subscriptions/{subscription_id}/deliveries/{delivery_id}/replay", {
          params: { path: { subscription_id: subscriptionId, delivery_id: deliveryId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.webhooks.deliveries(subscriptionId) }),
  });
}
