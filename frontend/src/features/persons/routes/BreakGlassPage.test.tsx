import { describe, expect, it } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import type { ClientsSchemas } from "@/lib/api/clients";
import { on, problem, reply } from "@/test/api";
import { me, person, PUP_ID } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import { setLanguage } from "@/lib/i18n";
import BreakGlassPage from "./BreakGlassPage";

const jan = person();
const URL = `/api/clients/v1/persons/${jan.id}/break-glass`;
const REASON = "Zagrożenie zdrowia osoby, pilna interwencja w nocy";

function opened(hours: number): ClientsSchemas["BreakGlassRead"] {
  const now = Date.now();
  return {
    id: "b9000000-0000-4000-8000-000000000003",
    person_id: jan.id,
    institution_id: PUP_ID,
    subject: "u-1",
    reason: REASON,
    opened_at: new Date(now).toISOString(),
    expires_at: new Date(now + hours * 3600_000).toISOString(),
    active: true,
  };
}

async function renderBreakGlass(roles: Parameters<typeof me>[0], ...handlers: HttpHandler[]) {
  const api = await signedInAs(me(roles), ...handlers);
  renderRoutes([{ path: "/osoby/:personId/dostep-awaryjny", element: <BreakGlassPage /> }], `/osoby/${jan.id}/dostep-awaryjny`, {
    signedIn: true,
  });
  return api;
}

describe("emergency access (break-glass)", () => {
  it("needs a reason of 15+ characters, sends reason and hours, then shows when it ends and that it is logged", async () => {
    const api = await renderBreakGlass(
      ["coordinator"],
      on.post("clients", "/v1/persons/{person_id}/break-glass", reply(opened(4), { status: 201 })),
    );
    const u = userEvent.setup();
    expect(await screen.findByRole("heading", { level: 1, name: "Dostęp awaryjny" })).toBeTruthy();
    expect(screen.getByText(/Otwarcie dostępu i każdy odczyt zapisujemy w rejestrze dostępu/)).toBeTruthy();
    await u.type(screen.getByRole("textbox", { name: /Powód dostępu/ }), "za krótko");
    await u.click(screen.getByRole("button", { name: "Otwórz dostęp awaryjny" }));
    expect(await screen.findByText("Podaj co najmniej 15 znaków.")).toBeTruthy();
    expect(api.callsTo("POST", URL)).toHaveLength(0);

    await u.clear(screen.getByRole("textbox", { name: /Powód dostępu/ }));
    await u.click(screen.getByRole("textbox", { name: /Powód dostępu/ }));
    await u.paste(REASON);
    const hours = screen.getByRole("textbox", { name: /Czas trwania/ });
    await u.clear(hours);
    await u.type(hours, "4");
    await u.click(screen.getByRole("button", { name: "Otwórz dostęp awaryjny" }));
    await waitFor(() => expect(api.callsTo("POST", URL)).toHaveLength(1));
    expect(api.callsTo("POST", URL)[0].json()).toEqual({ reason: REASON, hours: 4 });
    expect(await screen.findByText(/Dostęp awaryjny aktywny do .* \(pozostało (4 godz\. 0 min|3 godz\. 59 min)\)/)).toBeTruthy();
    expect(screen.getByText(/instytucje, które zarejestrowały osobę, zobaczą go/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Przejdź do karty osoby" }).getAttribute("href")).toBe(`/osoby/${jan.id}`);
  });

  it("keeps the duration within 24 hours", async () => {
    const api = await renderBreakGlass(
      ["coordinator"],
      on.post("clients", "/v1/persons/{person_id}/break-glass", reply(opened(24), { status: 201 })),
    );
    const u = userEvent.setup();
    await u.click(await screen.findByRole("textbox", { name: /Powód dostępu/ }));
    await u.paste(REASON);
    const hours = screen.getByRole("textbox", { name: /Czas trwania/ });
    await u.clear(hours);
    await u.type(hours, "48");
    await u.click(screen.getByRole("button", { name: "Otwórz dostęp awaryjny" }));
    await waitFor(() => expect(api.callsTo("POST", URL)).toHaveLength(1));
    expect(api.callsTo("POST", URL)[0].json()).toEqual({ reason: REASON, hours: 24 });
  });

  it("shows the registry's refusal (the institution already has access)", async () => {
    await renderBreakGlass(["coordinator"], on.post("clients", "/v1/persons/{person_id}/break-glass", problem(409, "access_exists")));
    const u = userEvent.setup();
    await u.click(await screen.findByRole("textbox", { name: /Powód dostępu/ }));
    await u.paste(REASON);
    await u.click(screen.getByRole("button", { name: "Otwórz dostęp awaryjny" }));
    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(screen.queryByText(/Dostęp awaryjny aktywny/)).toBeNull();
  });

  it("is for coordinators only", async () => {
    await renderBreakGlass(["caseworker"]);
    expect(await screen.findByText("Dostęp awaryjny może otworzyć tylko koordynator.")).toBeTruthy();
    expect(screen.queryByRole("textbox", { name: /Powód dostępu/ })).toBeNull();
  });

  it("reads in English", async () => {
    await setLanguage("en");
    await renderBreakGlass(["coordinator"]);
    expect(await screen.findByRole("heading", { level: 1, name: "Emergency access (break-glass)" })).toBeTruthy();
    expect(screen.getByRole("textbox", { name: /Reason for access/ })).toBeTruthy();
  });
});
