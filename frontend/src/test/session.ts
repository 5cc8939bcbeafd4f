import type { HttpHandler } from "msw";
import type { Me } from "@/lib/api/directory";
import { signIn } from "@/lib/auth/session";
import { on, token, mockApi } from "./api";

/**
 * Sign in (token "tok") as `who` (GET /v1/me), with the test's own handlers on top; returns the
 * request log.
 */
export async function signedInAs(who: Me, ...handlers: HttpHandler[]) {
  const requests = mockApi(on.post("directory", "/v1/oauth/token", token("tok")), on.get("directory", "/v1/me", who), ...handlers);
  await signIn(who.user?.email ?? "x@splot.example", "Splot-demo-2026");
  return requests;
}
