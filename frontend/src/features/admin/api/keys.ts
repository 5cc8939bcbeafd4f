/**
 * The administration's query keys, one factory for the feature. Keys start with the service and
 * the resource, so a mutation invalidates a resource with its `all` prefix.
 */
import type { InstitutionType, TerritoryLevel } from "@/lib/api/directory";
import type { ReferralsSchemas } from "@/lib/api/referrals";

export const PAGE_SIZE = 25;

export interface UserFilters {
  institutionId?: string;
  active?: boolean;
}

export interface InstitutionFilters {
  q?: string;
  type?: InstitutionType;
  teryt?: string;
  active?: boolean;
}

export interface OfferFilters {
  institutionId: string | undefined;
  active: boolean;
}

const USERS = ["directory", "users"] as const;
const API_CLIENTS = ["directory", "api-clients"] as const;
const OFFERS = ["directory", "offers"] as const;
const INSTITUTIONS = ["directory", "institutions"] as const;
const WEBHOOKS = ["referrals", "webhooks"] as const;

export const adminKeys = {
  users: {
    all: USERS,
    list: (filters: UserFilters) => [...USERS, "list", filters] as const,
    /** With its ETag. */
    detail: (id: string) => [...USERS, "one", id] as const,
  },
  apiClients: {
    all: API_CLIENTS,
    list: () => [...API_CLIENTS, "list"] as const,
  },
  offers: {
    all: OFFERS,
    list: (filters: OfferFilters) => [...OFFERS, "list", filters] as const,
    /** With its ETag. */
    detail: (id: string) => [...OFFERS, "one", id] as const,
  },
  institutions: {
    all: INSTITUTIONS,
    list: (filters: InstitutionFilters, pageSize: number) => [...INSTITUTIONS, "list", filters, pageSize] as const,
    /** The record alone (other features cache the same under this key). */
    named: (id: string) => [...INSTITUTIONS, "one", id] as const,
    /** With its ETag. */
    detail: (id: string) => [...INSTITUTIONS, "one", id, "versioned"] as const,
  },
  territories: {
    list: (level: TerritoryLevel, parent: string | null) => ["directory", "territories", level, parent] as const,
    one: (code: string) => ["directory", "territory", code] as const,
  },
  serviceTypes: () => ["directory", "service-types"] as const,
  webhooks: {
    all: WEBHOOKS,
    list: () => [...WEBHOOKS, "list"] as const,
    /** With its ETag. */
    detail: (id: string) => [...WEBHOOKS, "one", id] as const,
    deliveries: (subscriptionId: string) => [...WEBHOOKS, "deliveries", subscriptionId] as const,
    deliveryList: (subscriptionId: string, status: ReferralsSchemas["DeliveryStatus"] | null) =>
      [...WEBHOOKS, "deliveries", subscriptionId, "list", status] as const,
  },
};
