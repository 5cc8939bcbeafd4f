/** The directory service: institutions, territories, catalogue, offers, accounts. */
import type { components, paths } from "./generated/directory";
import { createServiceClient } from "./client";

export const directory = createServiceClient<paths>("directory");

type Schemas = components["schemas"];
export type Me = Schemas["MeRead"];
export type Role = Schemas["Role"];
export type User = Schemas["UserRead"];
export type UserCreate = Schemas["UserCreate"];
export type UserUpdate = Schemas["UserUpdate"];
export type UserPage = Schemas["UserPage"];
export type ApiClient = Schemas["ApiClientRead"];
export type ApiClientWithSecret = Schemas["ApiClientWithSecret"];
export type ApiClientCreate = Schemas["ApiClientCreate"];
export type ApiClientPage = Schemas["ApiClientPage"];
export type Institution = Schemas["InstitutionRead"];
export type InstitutionType = Schemas["InstitutionType"];
export type InstitutionCreate = Schemas["InstitutionCreate"];
export type InstitutionUpdate = Schemas["InstitutionUpdate"];
export type InstitutionPage = Schemas["InstitutionPage"];
export type Offer = Schemas["OfferRead"];
export type OfferCreate = Schemas["OfferCreate"];
export type OfferUpdate = Schemas["OfferUpdate"];
export type OfferPage = Schemas["OfferPage"];
export type CapacityUpdate = Schemas["CapacityUpdate"];
export type ServiceType = Schemas["ServiceTypeRead"];
export type Territory = Schemas["TerritoryRead"];
export type TerritoryLevel = Schemas["Level"];

export const ROLES: readonly Role[] = ["caseworker", "coordinator", "institution_admin", "analyst", "auditor", "system_admin"];

/** Roles an institution's administrator may grant (in their own institution, never to themselves);
 * the others are granted by a system administrator only. The directory enforces the same rule. */
export const INSTITUTION_GRANTABLE: readonly Role[] = ["caseworker", "coordinator", "institution_admin"];

export function grantableRoles(viewerIsSystemAdmin: boolean): readonly Role[] {
  return viewerIsSystemAdmin ? ROLES : INSTITUTION_GRANTABLE;
}

/** Whether the viewer may manage (rename, change, reset, (de)activate) this account: an
 * institution administrator only accounts whose every role they could grant. */
export function mayManageAccount(user: { roles: readonly Role[] }, viewerIsSystemAdmin: boolean): boolean {
  return viewerIsSystemAdmin || user.roles.every((role) => INSTITUTION_GRANTABLE.includes(role));
}

export const INSTITUTION_TYPES: readonly InstitutionType[] = ["PUP", "OPS", "CUS", "PCPR", "NGO", "CIS", "KIS", "WUP", "ROPS", "MINISTRY"];
