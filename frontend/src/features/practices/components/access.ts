/** Who submits practices (an institution's staff) and who reviews them (analysts); the service decides. */
export const SUBMITTER_ROLES = ["caseworker", "coordinator", "institution_admin"] as const;

export function canSubmit(roles: readonly string[]): boolean {
  return roles.some((r) => (SUBMITTER_ROLES as readonly string[]).includes(r));
}

export function canReview(roles: readonly string[]): boolean {
  return roles.includes("analyst");
}
