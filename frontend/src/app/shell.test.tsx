import { describe, expect, it } from "vitest";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { endSession, getSession, signIn } from "@/lib/auth/session";
import { json, stubFetch, TOKEN_PATH, tokenReply } from "@/test/fetchStub";
import { me } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { FEATURES, navItemsFor } from "./navigation";
import { routes } from "./routes";

async function signedInAs(roles: string[], extra: Parameters<typeof stubFetch>[0] = {}) {
  const api = stubFetch({
    [`POST ${TOKEN_PATH}`]: tokenReply("tok"),
    "GET /api/directory/v1/me": json(me(roles)),
    "GET /api/directory/v1/users": json({ items: [], next_cursor: null }),
    "POST /api/directory/v1/oauth/logout": new Response(null, { status: 204 }),
    ...extra,
  });
  await signIn("x@splot.example", "Splot-demo-2026");
  return api;
}

describe("navigation by role", () => {
  it("front-line roles see Osoby and Skierowania, coordinators and analysts Raporty, admins Administracja", () => {
    const labels = (roles: string[]) => navItemsFor(roles).map((item) => item.label);
    expect(labels(["caseworker"])).toEqual(["nav.persons", "nav.referrals"]);
    expect(labels(["coordinator"])).toEqual(["nav.persons", "nav.referrals", "nav.reports"]);
    expect(labels(["analyst"])).toEqual(["nav.reports"]);
    expect(labels(["institution_admin"])).toEqual(["nav.admin"]);
    expect(labels(["system_admin"])).toEqual(["nav.admin"]);
    expect(labels(["auditor"])).toEqual([]);
  });

  it("hides the entries of hidden features", () => {
    expect(navItemsFor(["caseworker"], { ...FEATURES, persons: "hidden" }).map((i) => i.label)).toEqual(["nav.referrals"]);
  });
});

describe("application shell", () => {
  it("shows the user's name, institution and translated role, and the role's navigation", async () => {
    await signedInAs(["institution_admin"]);
    renderRoutes(routes, "/");
    const header = await screen.findByRole("banner");
    await within(header).findByText("Maria Administratorka");
    expect(within(header).getByTestId("header-role").textContent).toBe("administrator instytucji");
    expect(within(header).getByTestId("header-institution").textContent).toBe("Powiatowy Urząd Pracy w Wieliczce");
    const nav = screen.getByRole("navigation", { name: "Nawigacja główna" });
    expect(within(nav).getAllByRole("link").map((a) => a.textContent)).toEqual(["Administracja"]);
    // "/" opens the first module of the role
    expect(await screen.findByRole("heading", { level: 1, name: "Użytkownicy" })).toBeTruthy();
  });

  it("front-line staff open the referrals module at the inbox", async () => {
    await signedInAs(["caseworker"], {
      "GET /api/referrals/v1/referrals/inbox": json({ items: [], next_cursor: null }),
      "GET /api/referrals/v1/referrals/counts": json({ box: "inbox", total: 0, overdue: 0, by_status: {} }),
      "GET /api/directory/v1/service-types": json({ items: [] }),
    });
    const { router } = renderRoutes(routes, "/skierowania");
    expect(await screen.findByRole("heading", { level: 1, name: "Skierowania przychodzące" })).toBeTruthy();
    expect(router.state.location.pathname).toBe("/skierowania/przychodzace");
    expect(await screen.findByText("Brak skierowań przychodzących.")).toBeTruthy();
    const nav = screen.getByRole("navigation", { name: "Nawigacja główna" });
    expect(within(nav).getByRole("link", { name: /Skierowania/ }).getAttribute("aria-current")).toBe("page");
  });

  it("refuses a module the role does not open", async () => {
    await signedInAs(["analyst"]);
    renderRoutes(routes, "/administracja/uzytkownicy");
    expect(await screen.findByRole("heading", { level: 1, name: "Brak dostępu" })).toBeTruthy();
  });

  it("switches the language (and <html lang>)", async () => {
    await signedInAs(["caseworker"]);
    renderRoutes(routes, "/osoby");
    await screen.findByRole("heading", { level: 1, name: "Osoby" });
    expect(document.documentElement.lang).toBe("pl");
    await userEvent.setup().selectOptions(screen.getByRole("combobox", { name: "Język" }), "en");
    expect(await screen.findByRole("heading", { level: 1, name: "Persons" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("en");
    expect(screen.getByTestId("header-role").textContent).toBe("caseworker");
  });

  it("on expiry goes to sign-in with 'Sesja wygasła', keeping the intended URL", async () => {
    await signedInAs(["caseworker"]);
    const { router } = renderRoutes(routes, "/skierowania/przychodzace?overdue=1");
    await screen.findByRole("heading", { level: 1, name: "Skierowania przychodzące" });
    act(() => endSession("expired"));
    expect(await screen.findByText("Sesja wygasła")).toBeTruthy();
    expect(router.state.location.pathname).toBe("/logowanie");
    expect(new URLSearchParams(router.state.location.search).get("next")).toBe("/skierowania/przychodzace?overdue=1");
  });

  it("signs out", async () => {
    const api = await signedInAs(["caseworker"]);
    const { router } = renderRoutes(routes, "/osoby");
    await userEvent.setup().click(await screen.findByRole("button", { name: "Wyloguj" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/logowanie"));
    expect(api.callsTo("POST", "/api/directory/v1/oauth/logout")).toHaveLength(1);
    expect(getSession().status).toBe("anonymous");
    expect(await screen.findByText("Wylogowano. Do zobaczenia!")).toBeTruthy();
  });
});
