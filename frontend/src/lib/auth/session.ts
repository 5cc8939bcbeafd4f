/**
 * The browser session with the directory: the access token lives here, in memory only (never in
 * localStorage); the refresh token is an HttpOnly cookie the server sets on
 * /api/directory/v1/oauth, which this code never sees.
 *
 * - signIn(): password grant.
 * - refreshSession(): refresh_token grant. Concurrent callers share one request, and tabs take
 *   turns (Web Locks), because the server ends the whole session when a refresh token is reused.
 * - A refresh is scheduled REFRESH_MARGIN_MS before the access token expires.
 * - authorizedFetch() (lib/api/client.ts) refreshes once on a 401 and retries once.
 * - endSession("expired") when the server will not refresh any more: the app shows "Sesja wygasła"
 *   and takes the user to sign in, keeping the page they were on.
 */
import { ApiError } from "@/lib/api/problem";

export const TOKEN_URL = "/api/directory/v1/oauth/token";
export const LOGOUT_URL = "/api/directory/v1/oauth/logout";
/** Refresh this long before the access token expires. */
export const REFRESH_MARGIN_MS = 60_000;
/** After a failed (network) scheduled refresh, try again this much later. */
export const RETRY_DELAY_MS = 15_000;
const LOCK_NAME = "splot-token-refresh";

export type SessionStatus = "unknown" | "authenticated" | "anonymous";
export type EndReason = "expired" | "signed_out" | null;

export interface SessionState {
  status: SessionStatus;
  accessToken: string | null;
  /** Epoch milliseconds when the access token expires. */
  expiresAt: number | null;
  /** Why the last session ended (shown on the sign-in page). */
  endReason: EndReason;
}

interface TokenResponse {
  access_token: string;
  token_type?: string;
  expires_in: number;
}

const INITIAL: SessionState = { status: "unknown", accessToken: null, expiresAt: null, endReason: null };

let state: SessionState = INITIAL;
const listeners = new Set<() => void>();
let inflight: Promise<string | null> | null = null;
let restoring: Promise<void> | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

function setState(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function getSession(): SessionState {
  return state;
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getAccessToken(): string | null {
  return state.accessToken;
}

function clearTimer(): void {
  if (timer !== null) {
    clearTimeout(timer);
    timer = null;
  }
}

function schedule(delay: number): void {
  clearTimer();
  timer = setTimeout(
    () => {
      timer = null;
      void scheduledRefresh();
    },
    Math.max(0, delay),
  );
}

async function scheduledRefresh(): Promise<void> {
  try {
    const token = await refreshSession();
    if (token === null) endSession("expired");
  } catch {
    // The server could not be reached: keep the token while it is valid and try again.
    if (state.expiresAt !== null && Date.now() + RETRY_DELAY_MS < state.expiresAt) schedule(RETRY_DELAY_MS);
    else endSession("expired");
  }
}

function accept(body: TokenResponse): string {
  const lifetimeMs = Math.max(1, body.expires_in) * 1000;
  const expiresAt = Date.now() + lifetimeMs;
  setState({ status: "authenticated", accessToken: body.access_token, expiresAt, endReason: null });
  // Short-lived tokens (tests, odd configurations): refresh at half-life instead.
  const margin = lifetimeMs > 2 * REFRESH_MARGIN_MS ? REFRESH_MARGIN_MS : lifetimeMs / 2;
  schedule(lifetimeMs - margin);
  return body.access_token;
}

function form(fields: Record<string, string>): RequestInit {
  return {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body: new URLSearchParams(fields).toString(),
  };
}

/** Sign in with e-mail and password; throws ApiError (invalid_grant, too_many_attempts, …). */
export async function signIn(username: string, password: string): Promise<void> {
  const response = await fetch(TOKEN_URL, form({ grant_type: "password", username, password }));
  if (!response.ok) throw await ApiError.fromResponse(response);
  accept((await response.json()) as TokenResponse);
}

async function withRefreshLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== "undefined" ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  if (locks && typeof locks.request === "function") {
    return locks.request(LOCK_NAME, fn) as Promise<T>;
  }
  return fn();
}

async function doRefresh(): Promise<string | null> {
  const response = await fetch(TOKEN_URL, form({ grant_type: "refresh_token" }));
  if (response.ok) return accept((await response.json()) as TokenResponse);
  if (response.status === 400 || response.status === 401) {
    // No cookie, expired or revoked. The problem document is not needed, but is read to the end:
    // a response whose body nobody reads stays open (the browser counts it as loading).
    await response.text().catch(() => "");
    return null;
  }
  throw await ApiError.fromResponse(response); // 5xx, 429: the session may still be fine
}

/**
 * Get a new access token with the refresh cookie. Resolves to the token, or null when the server
 * refuses (the session is over); rejects when the server cannot be reached. Concurrent calls share
 * one request.
 */
export function refreshSession(): Promise<string | null> {
  if (inflight === null) {
    inflight = withRefreshLock(doRefresh).finally(() => {
      inflight = null;
    });
  }
  return inflight;
}

/** On start-up: restore the session after a reload from the refresh cookie (once per page). */
export function restoreSession(): Promise<void> {
  if (restoring === null) {
    restoring = refreshSession()
      .then((token) => {
        if (token === null && state.status !== "authenticated") {
          setState({ ...INITIAL, status: "anonymous" });
        }
      })
      .catch(() => {
        if (state.status !== "authenticated") setState({ ...INITIAL, status: "anonymous" });
      });
  }
  return restoring;
}

/**
 * A valid access token for a request: refreshes first when the current one is (nearly) expired,
 * e.g. after the laptop slept through the scheduled refresh.
 */
export async function tokenForRequest(): Promise<string | null> {
  if (state.accessToken !== null && state.expiresAt !== null && Date.now() >= state.expiresAt - 5_000) {
    try {
      return (await refreshSession()) ?? state.accessToken;
    } catch {
      return state.accessToken;
    }
  }
  return state.accessToken;
}

/**
 * After a 401 with `usedToken`: a fresh token (already refreshed by someone else, or refreshed
 * now), or null when the session cannot be renewed.
 */
export async function renewAfterUnauthorized(usedToken: string | null): Promise<string | null> {
  if (state.accessToken !== null && state.accessToken !== usedToken) return state.accessToken;
  return refreshSession();
}

export function endSession(reason: Exclude<EndReason, null>): void {
  clearTimer();
  if (state.status === "anonymous" && state.accessToken === null && state.endReason === reason) return;
  setState({ status: "anonymous", accessToken: null, expiresAt: null, endReason: reason });
}

/** Sign out: revoke the refresh token family on the server and forget the access token. */
export async function signOut(): Promise<void> {
  clearTimer();
  try {
    await fetch(LOGOUT_URL, { method: "POST", credentials: "same-origin" });
  } catch {
    // Offline: the cookie expires by itself; forget the token here anyway.
  }
  endSession("signed_out");
}

/** Forget the sign-in-page notice (after it has been shown and the user signs in again). */
export function clearEndReason(): void {
  if (state.endReason !== null) setState({ ...state, endReason: null });
}

/** Tests only: back to a fresh page load. */
export function resetSessionForTests(): void {
  clearTimer();
  inflight = null;
  restoring = null;
  state = INITIAL;
  listeners.clear();
}
