/**
 * RFC 9457 problem documents from the Splot APIs, and their translation into plain language.
 *
 * Every API error becomes an {@link ApiError}; {@link describeError} turns any error (API, network,
 * programming) into a message for people, with per-field messages for forms. This is the one place
 * that knows the services' error codes.
 */
import type { TFunction } from "i18next";

export interface FieldErrorItem {
  loc: (string | number)[];
  msg: string;
  type: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string | null;
  instance?: string | null;
  code: string;
  request_id?: string | null;
  errors?: FieldErrorItem[] | null;
  [extra: string]: unknown;
}

const STATUS_CODES: Record<number, string> = {
  400: "bad_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  412: "stale_etag",
  422: "validation_error",
  428: "precondition_required",
  429: "rate_limited",
  500: "internal_error",
  502: "service_unavailable",
  503: "service_unavailable",
  504: "service_unavailable",
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Normalise whatever came back (a problem document, other JSON, nothing) into a Problem. */
export function toProblem(body: unknown, status: number): Problem {
  const fallbackCode = STATUS_CODES[status] ?? (status >= 500 ? "internal_error" : "http_error");
  if (isRecord(body) && typeof body.code === "string") {
    return { ...body, status: typeof body.status === "number" ? body.status : status, code: body.code };
  }
  return { status, code: fallbackCode, detail: isRecord(body) && typeof body.detail === "string" ? body.detail : null };
}

export class ApiError extends Error {
  readonly problem: Problem;
  /** Seconds from a Retry-After header (429, 503), if any. */
  readonly retryAfter: number | null;

  constructor(problem: Problem, retryAfter: number | null = null) {
    super(problem.detail ?? problem.title ?? problem.code);
    this.name = "ApiError";
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }

  static async fromResponse(response: Response, parsedBody?: unknown): Promise<ApiError> {
    let body = parsedBody;
    if (body === undefined) {
      try {
        body = await response.clone().json();
      } catch {
        body = undefined;
      }
    }
    const header = response.headers.get("Retry-After");
    const retryAfter = header && /^\d+$/.test(header) ? Number(header) : null;
    return new ApiError(toProblem(body, response.status), retryAfter);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** A field-level problem for a form field, or a 409/422 business rule that belongs to one field. */
const CODE_FIELDS: Record<string, string> = {
  duplicate_login: "email",
  duplicate_regon: "regon",
  capacity_exceeds_maximum: "capacity_available",
  analyst_scope_required: "analyst_scope",
  unknown_service_type: "service_type_code",
  wrong_password: "current_password",
  invalid_period: "valid_to",
  // A webhook's address that is not https, or not a public internet address.
  webhook_url_not_allowed: "url",
};

/** Turn a pydantic location (["body", "roles", 0]) into a form path ("roles"). */
export function fieldPath(loc: (string | number)[]): string {
  const parts = loc[0] === "body" || loc[0] === "query" || loc[0] === "path" || loc[0] === "header" ? loc.slice(1) : loc;
  const names: string[] = [];
  for (const part of parts) {
    if (typeof part === "number") break; // list items: report on the list field itself
    names.push(part);
  }
  return names.join(".");
}

export interface ErrorDescription {
  /** Stable code ("invalid_grant", "stale_etag", "network_error", …). */
  code: string;
  status: number | null;
  /** One plain-language sentence for an alert or a notification. */
  message: string;
  /** Messages to show next to form fields, by field path. */
  fieldErrors: Record<string, string>;
  /** Someone else changed the record: offer to reload it. */
  stale: boolean;
  /** The session is over: the app will take the user to sign in. */
  unauthenticated: boolean;
  requestId: string | null;
}

const MISSING = "\u0000missing";

/** The translation of `key`, or null when there is none. */
function maybe(t: TFunction, key: string, options: Record<string, unknown> = {}): string | null {
  const value = t(key, { ...options, defaultValue: MISSING });
  return value === MISSING ? null : value;
}

function translateFieldError(item: FieldErrorItem, t: TFunction): string {
  return maybe(t, `errors.field.${item.type}`) ?? t("errors.field.invalid");
}

/**
 * Describe any error for people. `t` comes from react-i18next (or i18next itself in tests).
 */
export function describeError(error: unknown, t: TFunction): ErrorDescription {
  if (!isApiError(error)) {
    const offline = error instanceof TypeError; // fetch() rejects with TypeError when the network fails
    return {
      code: offline ? "network_error" : "unexpected",
      status: null,
      message: offline ? t("errors.network_error") : t("errors.unexpected"),
      fieldErrors: {},
      stale: false,
      unauthenticated: false,
      requestId: null,
    };
  }
  const { problem } = error;
  const fieldErrors: Record<string, string> = {};
  for (const item of problem.errors ?? []) {
    const path = fieldPath(item.loc);
    if (path && !fieldErrors[path]) fieldErrors[path] = translateFieldError(item, t);
  }
  const minutes = error.retryAfter ? Math.max(1, Math.ceil(error.retryAfter / 60)) : null;
  const message =
    maybe(t, `errors.code.${problem.code}`, { minutes }) ??
    maybe(t, `errors.status.${problem.status}`) ??
    (problem.status >= 500 ? t("errors.status.500") : t("errors.unexpected"));
  const field = CODE_FIELDS[problem.code];
  if (field && !fieldErrors[field]) fieldErrors[field] = message;
  return {
    code: problem.code,
    status: problem.status,
    message,
    fieldErrors,
    stale: problem.code === "stale_etag" || problem.status === 412,
    unauthenticated: problem.status === 401 || problem.code === "invalid_grant", // RFC 6749: a 400
    requestId: problem.request_id ?? null,
  };
}
