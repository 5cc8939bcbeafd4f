/** The referrals service (base URL /api/referrals). Screens that use it live in src/features/. */
import type { components, paths } from "./generated/referrals";
import { createServiceClient } from "./client";

export const referrals = createServiceClient<paths>("referrals");

export type ReferralsSchemas = components["schemas"];
