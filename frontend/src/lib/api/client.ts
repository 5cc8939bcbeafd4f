/**
 * One openapi-fetch client per service, all going through {@link authorizedFetch}: it adds the
 * access token, and on a 401 refreshes the session once and retries the request once.
 */
import createClient from "openapi-fetch";
import { endSession, renewAfterUnauthorized, tokenForRequest } from "@/lib/auth/session";
import { ApiError } from "./problem";

function withBearer(request: Request, token: string | null): Request {
  if (token !== null) request.headers.set("Authorization", `Bearer ${token}`);
  return request;
}

export async function authorizedFetch(request: Request): Promise<Response> {
  // Keep an unsent copy: a request body can be read only once.
  const retry = request.clone();
  const token = await tokenForRequest();
  const response = await fetch(withBearer(request, token));
  if (response.status !== 401) return response;

  const fresh = await renewAfterUnauthorized(token);
  if (fresh === null) {
    endSession("expired");
    return response;
  }
  const second = await fetch(withBearer(retry, fresh));
  if (second.status === 401) endSession("expired");
  return second;
}

export function createServiceClient<Paths extends object>(service: string) {
  return createClient<Paths>({
    baseUrl: `/api/${service}`,
    fetch: authorizedFetch,
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  });
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The response body of a successful call; throws ApiError otherwise. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || error !== undefined) throw await ApiError.fromResponse(response, error);
  return data as T;
}

export interface Versioned<T> {
  data: T;
  /** The ETag to send back in If-Match when changing the resource. */
  etag: string | null;
}

/** Like {@link unwrap}, keeping the ETag header for a later If-Match. */
export async function unwrapVersioned<T>(call: Promise<FetchResult<T>>): Promise<Versioned<T>> {
  const { data, error, response } = await call;
  if (!response.ok || error !== undefined) throw await ApiError.fromResponse(response, error);
  return { data: data as T, etag: response.headers.get("ETag") };
}
