import { vi } from "vitest";

export interface Call {
  method: string;
  path: string;
  search: string;
  headers: Headers;
  body: string;
}

type Reply = Response | ((call: Call) => Response | Promise<Response>);

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json", ...headers },
  });
}

export function problem(status: number, code: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return json({ type: `https://splot.gov.pl/problems/${code}`, title: "x", status, code, detail: code, request_id: "req-123", ...extra }, status, headers);
}

/**
 * A fetch stub routed by "METHOD /path" (query ignored). A route may hold a list of replies,
 * used in turn (the last one repeats). Unknown routes answer 404 and are recorded.
 */
export function stubFetch(routes: Record<string, Reply | Reply[]>) {
  const calls: Call[] = [];
  const used: Record<string, number> = {};
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const url = new URL(request.url, "http://localhost");
    const body = request.method === "GET" || request.method === "HEAD" ? "" : await request.clone().text();
    const call: Call = { method: request.method, path: url.pathname, search: url.search, headers: request.headers, body };
    calls.push(call);
    const key = `${request.method} ${url.pathname}`;
    const route = routes[key];
    if (route === undefined) return problem(404, "not_found");
    const list = Array.isArray(route) ? route : [route];
    const index = Math.min(used[key] ?? 0, list.length - 1);
    used[key] = (used[key] ?? 0) + 1;
    const reply = list[index];
    const response = typeof reply === "function" ? await reply(call) : reply;
    return response.clone();
  });
  vi.stubGlobal("fetch", fn);
  return { fetch: fn, calls, callsTo: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path) };
}

export const TOKEN_PATH = "/api/directory/v1/oauth/token";

export function tokenReply(token = "token-1", expiresIn = 900): Response {
  return json({ access_token: token, token_type: "Bearer", expires_in: expiresIn, scope: "" });
}
