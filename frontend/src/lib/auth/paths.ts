export const SIGN_IN_PATH = "/logowanie";

/** Only same-site paths may be a post-sign-in target (no //evil.example, no URLs). */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return null;
  if (next === SIGN_IN_PATH || next.startsWith(`${SIGN_IN_PATH}?`)) return null;
  return next;
}

export function signInPath(next?: string | null): string {
  const target = safeNext(next);
  return target && target !== "/" ? `${SIGN_IN_PATH}?next=${encodeURIComponent(target)}` : SIGN_IN_PATH;
}
