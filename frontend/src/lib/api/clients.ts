/** The clients service (base URL /api/clients). Screens that use it live in src/features/. */
import type { components, paths } from "./generated/clients";
import { createServiceClient } from "./client";

export const clients = createServiceClient<paths>("clients");

export type ClientsSchemas = components["schemas"];
