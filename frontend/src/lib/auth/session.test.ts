import { describe, expect, it, vi } from "vitest";
import { authorizedFetch } from "@/lib/api/client";
import { ApiError } from "@/lib/api/problem";
import { inTurn, networkError, noContent, on, problem, reply, token, TOKEN_PATH, mockApi, type Replier } from "@/test/api";
import { me, user } from "@/test/fixtures";
import { getAccessToken, getSession, refreshSession, REFRESH_MARGIN_MS, restoreSession, signIn, signOut } from "./session";

const ME = "/api/directory/v1/me";

function apiRequest(path = ME, init?: RequestInit) {
  return new Request(`http://127.0.0.1:8000${path}`, init);
}

const tokenEndpoint = (...replies: Replier<ReturnType<typeof token>>[]) => on.post("directory", "/v1/oauth/token", inTurn(...replies));

describe("session store", () => {
  it("signs in with the password grant and keeps the token in memory only", async () => {
    const api = mockApi(tokenEndpoint(token("tok-A")));
    const setItem = vi.spyOn(Storage.prototype, "setItem");
    await signIn("pup@splot.example", "Splot-demo-2026");
    expect(getSession().status).toBe("authenticated");
    expect(getAccessToken()).toBe("tok-A");
    const body = new URLSearchParams(api.calls[0].body);
    expect(body.get("grant_type")).toBe("password");
    expect(body.get("username")).toBe("pup@splot.example");
    expect(api.calls[0].headers.get("Content-Type")).toBe("application/x-www-form-urlencoded");
    expect(setItem).not.toHaveBeenCalled();
    expect(JSON.stringify(localStorage)).not.toContain("tok-A");
  });

  it("throws the problem (invalid_grant) when the password is wrong", async () => {
    mockApi(tokenEndpoint(problem(400, "invalid_grant")));
    const error = await signIn("pup@splot.example", "wrong").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe("invalid_grant");
    expect(getSession().status).not.toBe("authenticated");
  });

  it("deduplicates concurrent refreshes into one request", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const api = mockApi(
      tokenEndpoint(async () => {
        await gate;
        return token("tok-R");
      }),
    );
    const a = refreshSession();
    const b = refreshSession();
    const c = refreshSession();
    release();
    expect(await Promise.all([a, b, c])).toEqual(["tok-R", "tok-R", "tok-R"]);
    expect(api.callsTo("POST", TOKEN_PATH)).toHaveLength(1);
    expect(new URLSearchParams(api.calls[0].body).get("grant_type")).toBe("refresh_token");
    // A later refresh is a new request.
    await refreshSession();
    expect(api.callsTo("POST", TOKEN_PATH)).toHaveLength(2);
  });

  it("restores the session after a reload from the refresh cookie, once", async () => {
    const api = mockApi(tokenEndpoint(token("tok-restored")));
    await Promise.all([restoreSession(), restoreSession()]);
    expect(getSession().status).toBe("authenticated");
    expect(getAccessToken()).toBe("tok-restored");
    expect(api.callsTo("POST", TOKEN_PATH)).toHaveLength(1);
  });

  it("is anonymous without an 'expired' notice when there is no session to restore", async () => {
    mockApi(tokenEndpoint(problem(400, "invalid_grant")));
    await restoreSession();
    expect(getSession()).toMatchObject({ status: "anonymous", endReason: null, accessToken: null });
  });

  it("sends the bearer token, refreshes once on 401 and retries the call once", async () => {
    const api = mockApi(
      tokenEndpoint(token("old"), token("new")),
      on.get("directory", "/v1/me", (call) =>
        call.headers.get("Authorization") === "Bearer new" ? me() : problem(401, "unauthenticated"),
      ),
    );
    await signIn("a@b.pl", "secret-password");
    const response = await authorizedFetch(apiRequest());
    expect(response.status).toBe(200);
    const meCalls = api.callsTo("GET", ME);
    expect(meCalls.map((c) => c.headers.get("Authorization"))).toEqual(["Bearer old", "Bearer new"]);
    expect(api.callsTo("POST", TOKEN_PATH)).toHaveLength(2);
    expect(getAccessToken()).toBe("new");
  });

  it("replays the request body on the retry", async () => {
    const api = mockApi(
      tokenEndpoint(token("old"), token("new")),
      on.post("directory", "/v1/users", (call) =>
        call.headers.get("Authorization") === "Bearer new" ? reply201() : problem(401, "unauthenticated"),
      ),
    );
    await signIn("a@b.pl", "secret-password");
    const response = await authorizedFetch(
      apiRequest("/api/directory/v1/users", {
        method: "POST",
        body: JSON.stringify({ email: "x@y.pl" }),
        headers: { "Content-Type": "application/json" },
      }),
    );
    expect(response.status).toBe(201);
    expect(api.callsTo("POST", "/api/directory/v1/users").map((c) => c.body)).toEqual(['{"email":"x@y.pl"}', '{"email":"x@y.pl"}']);
  });

  it("refreshes only once when several calls get 401 at the same time", async () => {
    const api = mockApi(
      tokenEndpoint(token("old"), token("new")),
      on.get("directory", "/v1/me", (call) =>
        call.headers.get("Authorization") === "Bearer new" ? me() : problem(401, "unauthenticated"),
      ),
    );
    await signIn("a@b.pl", "secret-password");
    const responses = await Promise.all([authorizedFetch(apiRequest()), authorizedFetch(apiRequest()), authorizedFetch(apiRequest())]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    // one sign-in + one refresh: a reused refresh token would end the whole session on the server
    expect(api.callsTo("POST", TOKEN_PATH)).toHaveLength(2);
  });

  it("ends the session as expired when the refresh is refused, and does not retry", async () => {
    const api = mockApi(
      tokenEndpoint(token("old"), problem(400, "invalid_grant")),
      on.get("directory", "/v1/me", problem(401, "unauthenticated")),
    );
    await signIn("a@b.pl", "secret-password");
    const response = await authorizedFetch(apiRequest());
    expect(response.status).toBe(401);
    expect(api.callsTo("GET", ME)).toHaveLength(1);
    expect(getSession()).toMatchObject({ status: "anonymous", endReason: "expired", accessToken: null });
  });

  it("does not retry more than once when the new token is refused too", async () => {
    const api = mockApi(tokenEndpoint(token("old"), token("new")), on.get("directory", "/v1/me", problem(401, "unauthenticated")));
    await signIn("a@b.pl", "secret-password");
    const response = await authorizedFetch(apiRequest());
    expect(response.status).toBe(401);
    expect(api.callsTo("GET", ME)).toHaveLength(2);
    expect(api.callsTo("POST", TOKEN_PATH)).toHaveLength(2);
    expect(getSession().endReason).toBe("expired");
  });

  it("refreshes silently a minute before the access token expires", async () => {
    vi.useFakeTimers();
    const api = mockApi(tokenEndpoint(token("first", 900), token("second", 900)));
    await signIn("a@b.pl", "secret-password");
    await vi.advanceTimersByTimeAsync(900_000 - REFRESH_MARGIN_MS - 1_000);
    expect(api.callsTo("POST", TOKEN_PATH)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(api.callsTo("POST", TOKEN_PATH)).toHaveLength(2);
    expect(getAccessToken()).toBe("second");
    // and the next one is scheduled from the new expiry
    await vi.advanceTimersByTimeAsync(900_000 - REFRESH_MARGIN_MS + 1_000);
    expect(api.callsTo("POST", TOKEN_PATH)).toHaveLength(3);
  });

  it("marks the session expired when the scheduled refresh is refused", async () => {
    vi.useFakeTimers();
    mockApi(tokenEndpoint(token("first", 900), problem(400, "invalid_grant")));
    await signIn("a@b.pl", "secret-password");
    await vi.advanceTimersByTimeAsync(900_000);
    expect(getSession()).toMatchObject({ status: "anonymous", endReason: "expired" });
  });

  it("keeps the session and retries later when the server cannot be reached", async () => {
    vi.useFakeTimers();
    const api = mockApi(tokenEndpoint(token("first", 900), networkError(), token("third", 900)));
    await signIn("a@b.pl", "secret-password");
    await vi.advanceTimersByTimeAsync(900_000 - REFRESH_MARGIN_MS);
    expect(getSession().status).toBe("authenticated");
    await vi.advanceTimersByTimeAsync(20_000);
    expect(api.callsTo("POST", TOKEN_PATH)).toHaveLength(3);
    expect(getAccessToken()).toBe("third");
  });

  it("refreshes before a call when the token has already expired (e.g. after sleep)", async () => {
    vi.useFakeTimers();
    const api = mockApi(tokenEndpoint(token("first", 900), token("fresh", 900)), on.get("directory", "/v1/me", me()));
    await signIn("a@b.pl", "secret-password");
    vi.setSystemTime(Date.now() + 901_000); // the clock jumped, timers did not run
    await authorizedFetch(apiRequest());
    expect(api.callsTo("GET", ME)[0].headers.get("Authorization")).toBe("Bearer fresh");
  });

  it("signs out: revokes on the server and forgets the token", async () => {
    const api = mockApi(tokenEndpoint(token("tok")), on.post("directory", "/v1/oauth/logout", noContent()));
    await signIn("a@b.pl", "secret-password");
    await signOut();
    expect(api.callsTo("POST", "/api/directory/v1/oauth/logout")).toHaveLength(1);
    expect(getSession()).toMatchObject({ status: "anonymous", endReason: "signed_out", accessToken: null });
  });
});

function reply201() {
  return reply(user({ email: "x@y.pl" }), { status: 201 });
}
