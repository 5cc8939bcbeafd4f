import type { Role } from "@/lib/api/directory";

export const FRONT_LINE_ROLES: readonly Role[] = ["caseworker", "coordinator"];
export const ADMIN_ROLES: readonly Role[] = ["institution_admin", "system_admin"];

export function hasAnyRole(roles: readonly string[] | undefined, wanted: readonly Role[]): boolean {
  return roles !== undefined && wanted.some((role) => roles.includes(role));
}

/** The role shown in the header: the most powerful one the user has. */
const PRECEDENCE: readonly Role[] = ["system_admin", "institution_admin", "coordinator", "caseworker", "analyst", "auditor"];

export function sortRoles(roles: readonly string[]): Role[] {
  return PRECEDENCE.filter((role) => roles.includes(role));
}
