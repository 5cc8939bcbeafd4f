export const PAGE_SIZE = 25;

export const adminKeys = {
  users: ["directory", "users"] as const,
  user: (id: string) => ["directory", "users", "one", id] as const,
  apiClients: ["directory", "api-clients"] as const,
  offers: ["directory", "offers"] as const,
  offer: (id: string) => ["directory", "offers", "one", id] as const,
  institutions: ["directory", "institutions"] as const,
  institution: (id: string) => ["directory", "institutions", "one", id] as const,
  territories: (level: string, parent: string | null) => ["directory", "territories", level, parent] as const,
  territory: (code: string) => ["directory", "territory", code] as const,
  serviceTypes: ["directory", "service-types"] as const,
  webhooks: ["referrals", "webhooks"] as const,
  webhook: (id: string) => ["referrals", "webhooks", "one", id] as const,
  deliveries: (subscriptionId: string) => ["referrals", "webhooks", "deliveries", subscriptionId] as const,
};

/** Send only what changed (PATCH); empty strings become null (clears an optional field). */
export function changedFields<T extends Record<string, unknown>>(initial: T, current: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(current) as (keyof T)[]) {
    const a = normalise(initial[key]);
    const b = normalise(current[key]);
    if (JSON.stringify(a) !== JSON.stringify(b)) out[key] = b as T[keyof T];
  }
  return out;
}

export function normalise(value: unknown): unknown {
  if (typeof value === "string") {
    const trimmed = value.trim();
    return trimmed === "" ? null : trimmed;
  }
  return value === undefined ? null : value;
}

/** Empty strings to null, strings trimmed (POST bodies). */
export function cleaned<T extends Record<string, unknown>>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) out[key] = normalise(value);
  return out as T;
}
