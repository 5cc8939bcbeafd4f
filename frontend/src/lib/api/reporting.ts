/** The reporting service (base URL /api/reporting). Screens that use it live in src/features/. */
import type { components, paths } from "./generated/reporting";
import { createServiceClient } from "./client";

export const reporting = createServiceClient<paths>("reporting");

export type ReportingSchemas = components["schemas"];
