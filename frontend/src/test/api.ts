/**
 * The services' HTTP APIs in tests: MSW (node `setupServer`) with handlers typed from the contracts
 * (the types `npm run generate:api` makes from openapi/*.json), and a log of the requests a test made.
 *
 *   mockApi(
 *     on.get("clients", "/v1/persons/{person_id}", person),                 // must be a PersonRead
 *     on.patch("directory", "/v1/users/{user_id}", inTurn(problem(412, "stale_etag"), reply(user, { headers: { ETag: '"u.2"' } }))),
 *   );
 *   …
 *   expect(apiRequests.callsTo("PATCH", "/api/directory/v1/users/u")[0].headers.get("If-Match")).toBe('"u.1"');
 *
 * A handler's reply is the operation's success body (200/201/202/204 application/json of the
 * contract), `reply(body, {status, headers})` for the same with a status or headers, or one of
 * `problem()`, `noContent()`, `networkError()`, `raw()`; or a function of the request (a `Call`)
 * returning one; `inTurn(a, b, …)` answers with each in turn (the last one repeats).
 * An API request no handler answers gets a 404 problem (and is logged); any other unhandled request
 * fails the test.
 */
import { http, HttpResponse, type HttpHandler } from "msw";
import { setupServer } from "msw/node";
import type { paths as ClientsPaths } from "@/lib/api/generated/clients";
import type { components as DirectoryComponents, paths as DirectoryPaths } from "@/lib/api/generated/directory";
import type { paths as ReferralsPaths } from "@/lib/api/generated/referrals";
import type { paths as ReportingPaths } from "@/lib/api/generated/reporting";

interface Services {
  clients: ClientsPaths;
  directory: DirectoryPaths;
  referrals: ReferralsPaths;
  reporting: ReportingPaths;
}
export type Service = keyof Services;
type Method = "get" | "post" | "put" | "patch" | "delete";

/** The paths of a service that have an operation for `method`. */
type PathWith<S extends Service, M extends Method> = {
  [P in keyof Services[S]]: Services[S][P] extends Partial<Record<M, unknown>>
    ? [NonNullable<Services[S][P][M]>] extends [never]
      ? never
      : P
    : never;
}[keyof Services[S]] &
  string;

type OperationOf<S extends Service, P extends keyof Services[S], M extends Method> = NonNullable<
  Services[S][P] extends Partial<Record<M, unknown>> ? Services[S][P][M] : never
>;
type SuccessStatus = 200 | 201 | 202 | 204;
type JsonContent<R> = R extends { content: { "application/json": infer Body } } ? Body : undefined;
type ResponsesOf<O> = O extends { responses: infer R } ? R : never;
/** What the contract says a successful call answers (undefined for 204 No Content). */
export type SuccessBody<O> = {
  [Status in keyof ResponsesOf<O> & SuccessStatus]: JsonContent<ResponsesOf<O>[Status]>;
}[keyof ResponsesOf<O> & SuccessStatus];

/** One request as a test sees it. */
export interface Call {
  method: string;
  /** The path without the query (e.g. /api/directory/v1/users). */
  path: string;
  /** The query string with its "?" ("" when none). */
  search: string;
  query: URLSearchParams;
  headers: Headers;
  /** The request body as text ("" for GET/HEAD). */
  body: string;
  /** Path parameters of the handler that answered ({ user_id: "…" }). */
  params: Record<string, string>;
  /** The body parsed as JSON. */
  json: () => unknown;
}

declare const BODY: unique symbol;

/** A response made by one of the helpers below; `B` is the success body it stands for (never for others). */
export class Canned<B> {
  declare readonly [BODY]?: B;
  constructor(readonly toResponse: () => Response) {}
}

export type Reply<B> = B | Canned<B>;
export type Replier<B> = Reply<B> | ((call: Call) => Reply<B> | Promise<Reply<B>>);

/** The body (checked against the contract by the handler) with a status and headers. */
export function reply<B>(body: B, init: { status?: number; headers?: Record<string, string> } = {}): Canned<B> {
  return new Canned(() =>
    body === undefined
      ? new Response(null, { status: init.status ?? 204, headers: init.headers })
      : HttpResponse.json(body, { status: init.status ?? 200, headers: init.headers }),
  );
}

/** An RFC 9457 problem document as the services send it (request id "req-123"). */
export function problem(
  status: number,
  code: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Canned<never> {
  const document: DirectoryComponents["schemas"]["ProblemDetail"] = {
    type: `https://splot.gov.pl/problems/${code}`,
    title: "x",
    status,
    code,
    detail: code,
    request_id: "req-123",
    ...extra,
  };
  return new Canned(
    () =>
      new Response(JSON.stringify(document), {
        status,
        headers: { "Content-Type": "application/problem+json", ...headers },
      }),
  );
}

export function noContent(): Canned<never> {
  return new Canned(() => new Response(null, { status: 204 }));
}

/** The network fails: fetch() rejects with a TypeError. */
export function networkError(): Canned<never> {
  return new Canned(() => HttpResponse.error());
}

/** A response the contract does not describe as JSON (e.g. a CSV download). */
export function raw(make: () => Response): Canned<never> {
  return new Canned(make);
}

/** Each reply in turn, one per request; the last one repeats. */
export function inTurn<B>(...replies: Replier<B>[]): (call: Call) => Promise<Reply<B>> {
  let next = 0;
  return async (call) => {
    const replier = replies[Math.min(next, replies.length - 1)];
    next += 1;
    return typeof replier === "function" ? await (replier as (call: Call) => Reply<B> | Promise<Reply<B>>)(call) : replier;
  };
}

// ---- the request log ------------------------------------------------------------------------------

const calls: Call[] = [];

/** Every request the test made to the APIs, in order. */
export const apiRequests = {
  get calls(): readonly Call[] {
    return calls;
  },
  callsTo(method: string, path: string): Call[] {
    return calls.filter((call) => call.method === method && call.path === path);
  },
  clear(): void {
    calls.length = 0;
  },
};

async function record(request: Request, params: Record<string, string | readonly string[] | undefined>): Promise<Call> {
  const url = new URL(request.url);
  const body = request.method === "GET" || request.method === "HEAD" ? "" : await request.clone().text();
  const call: Call = {
    method: request.method,
    path: url.pathname,
    search: url.search,
    query: url.searchParams,
    headers: request.headers,
    body,
    params: Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)])),
    json: () => JSON.parse(body) as unknown,
  };
  calls.push(call);
  return call;
}

function toResponse(answer: unknown): Response {
  if (answer instanceof Canned) return (answer as Canned<unknown>).toResponse();
  if (answer === undefined) return new Response(null, { status: 204 });
  return HttpResponse.json(answer as Record<string, unknown>);
}

/** "/v1/users/{user_id}" of the directory → the URL pattern MSW matches ("*\/api/directory/v1/users/:user_id"). */
function pattern(service: Service, path: string): string {
  return `*/api/${service}${path.replace(/\{([^}]+)\}/g, ":$1")}`;
}

function handler<S extends Service, M extends Method, P extends PathWith<S, M>>(method: M, service: S, path: P) {
  return (replier: Replier<SuccessBody<OperationOf<S, P, M>>>): HttpHandler =>
    http[method](pattern(service, path), async ({ request, params }) => {
      const call = await record(request, params);
      const answer = typeof replier === "function" ? await (replier as (call: Call) => unknown)(call) : replier;
      return toResponse(answer);
    });
}

/** Handlers of the contracts' operations: `on.get("directory", "/v1/users/{user_id}", user)`. */
export const on = {
  get: <S extends Service, P extends PathWith<S, "get">>(service: S, path: P, replier: Replier<SuccessBody<OperationOf<S, P, "get">>>) =>
    handler("get", service, path)(replier),
  post: <S extends Service, P extends PathWith<S, "post">>(service: S, path: P, replier: Replier<SuccessBody<OperationOf<S, P, "post">>>) =>
    handler("post", service, path)(replier),
  put: <S extends Service, P extends PathWith<S, "put">>(service: S, path: P, replier: Replier<SuccessBody<OperationOf<S, P, "put">>>) =>
    handler("put", service, path)(replier),
  patch: <S extends Service, P extends PathWith<S, "patch">>(
    service: S,
    path: P,
    replier: Replier<SuccessBody<OperationOf<S, P, "patch">>>,
  ) => handler("patch", service, path)(replier),
  delete: <S extends Service, P extends PathWith<S, "delete">>(
    service: S,
    path: P,
    replier: Replier<SuccessBody<OperationOf<S, P, "delete">>>,
  ) => handler("delete", service, path)(replier),
};

// ---- the server -----------------------------------------------------------------------------------

/** Requests to /api that no handler answers: logged, and a 404 problem like the services' own. */
const unknownApi = http.all("*/api/*", async ({ request, params }) => {
  await record(request, params);
  return problem(404, "not_found").toResponse();
});

export const server = setupServer(unknownApi);

/**
 * Answer the test's API requests with these handlers, on top of any used before. When two answer
 * the same request, the later one wins (so a test can override a helper's defaults).
 */
export function mockApi(...handlers: HttpHandler[]): typeof apiRequests {
  server.use(...[...handlers].reverse());
  return apiRequests;
}

// ---- the directory's sign-in ----------------------------------------------------------------------

/** The token endpoint's answer (password and refresh grants). */
export function token(accessToken = "token-1", expiresIn = 900): DirectoryComponents["schemas"]["TokenResponse"] {
  return { access_token: accessToken, token_type: "Bearer", expires_in: expiresIn, scope: "" };
}

export const TOKEN_PATH = "/api/directory/v1/oauth/token";
