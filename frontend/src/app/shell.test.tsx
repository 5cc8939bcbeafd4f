import { describe, expect, it } from "vitest";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import type { Role } from "@/lib/api/directory";
import { endSession, getSession } from "@/lib/auth/session";
import { noContent, on } from "@/test/api";
import { me } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import { FEATURES, navItemsFor } from "./navigation";
import { routes } from "./routes";

function signedInWith(roles: Role[], ...handlers: HttpHandler[]) {
  return signedInAs(
    me(roles),
    on.get("directory", "/v1/users", { items: [], next_cursor: null }),
    on.post("directory", "/v1/oauth/logout", noContent()),
    ...handlers,
  );
}

describe("navigation by role", () => {
  it("front-line roles see Osoby and Skierowania, coordinators and analysts Raporty, admins Administracja", () => {
    const labels = (roles: string[]) => navItemsFor(roles).map((item) => item.label);
    expect(labels(["caseworker"])).toEqual(["nav.persons", "nav.referrals", "partnerships.nav", "casework.nav", "practices.nav"]);
    expect(labels(["coordinator"])).toEqual([
      "nav.persons",
      "nav.referrals",
      "nav.reports",
      "nav.imports",
      "partnerships.nav",
      "casework.nav",
      "surveys.nav",
      "practices.nav",
    ]);
    expect(labels(["analyst"])).toEqual(["nav.reports", "partnerships.nav", "surveys.nav", "practices.nav"]);
    expect(labels(["institution_admin"])).toEqual(["nav.admin", "partnerships.nav", "surveys.nav", "practices.nav"]);
    expect(labels(["system_admin"])).toEqual(["nav.admin"]);
    expect(labels(["auditor"])).toEqual(["nav.audit"]);
  });

  it("hides the entries of hidden features", () => {
    expect(navItemsFor(["caseworker"], { ...FEATURES, persons: "hidden" }).map((i) => i.label)).toEqual([
      "nav.referrals",
      "partnerships.nav",
      "casework.nav",
      "practices.nav",
    ]);
  });
});

describe("application shell", () => {
  it("shows the user's name, institution and translated role, and the role's navigation", async () => {
    await signedInWith(["institution_admin"]);
    renderRoutes(routes, "/");
    const header = await screen.findByRole("banner");
    await within(header).findByText("Maria Administratorka");
    expect(within(header).getByTestId("header-role").textContent).toBe("administrator instytucji");
    expect(within(header).getByTestId("header-institution").textContent).toBe("Powiatowy Urząd Pracy w Wieliczce");
    const nav = screen.getByRole("navigation", { name: "Nawigacja główna" });
    expect(
      within(nav)
        .getAllByRole("link")
        .map((a) => a.textContent),
    ).toEqual(["Administracja", "Partnerstwa", "Ankiety", "Dobre praktyki"]);
    // "/" opens the first module of the role
    expect(await screen.findByRole("heading", { level: 1, name: "Użytkownicy" })).toBeTruthy();
  });

  it("front-line staff open the referrals module at the inbox", async () => {
    await signedInWith(
      ["caseworker"],
      on.get("referrals", "/v1/referrals/inbox", { items: [], next_cursor: null }),
      on.get("referrals", "/v1/referrals/counts", { box: "inbox", total: 0, overdue: 0, by_status: {} }),
      on.get("directory", "/v1/service-types", { items: [] }),
    );
    const { router } = renderRoutes(routes, "/skierowania");
    expect(await screen.findByRole("heading", { level: 1, name: "Skierowania przychodzące" })).toBeTruthy();
    expect(router.state.location.pathname).toBe("/skierowania/przychodzace");
    expect(await screen.findByText("Brak skierowań przychodzących.")).toBeTruthy();
    const nav = screen.getByRole("navigation", { name: "Nawigacja główna" });
    expect(
      within(nav)
        .getByRole("link", { name: /Skierowania/ })
        .getAttribute("aria-current"),
    ).toBe("page");
  });

  it("refuses a module the role does not open", async () => {
    await signedInWith(["analyst"]);
    renderRoutes(routes, "/administracja/uzytkownicy");
    expect(await screen.findByRole("heading", { level: 1, name: "Brak dostępu" })).toBeTruthy();
  });

  it("switches the language (and <html lang>)", async () => {
    await signedInWith(["caseworker"]);
    renderRoutes(routes, "/osoby");
    await screen.findByRole("heading", { level: 1, name: "Osoby" });
    expect(document.documentElement.lang).toBe("pl");
    await userEvent.setup().selectOptions(screen.getByRole("combobox", { name: "Język" }), "en");
    expect(await screen.findByRole("heading", { level: 1, name: "Persons" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("en");
    expect(screen.getByTestId("header-role").textContent).toBe("caseworker");
  });

  it("on expiry goes to sign-in with 'Sesja wygasła', keeping the intended URL", async () => {
    await signedInWith(["caseworker"]);
    const { router } = renderRoutes(routes, "/skierowania/przychodzace?overdue=1");
    await screen.findByRole("heading", { level: 1, name: "Skierowania przychodzące" });
    act(() => endSession("expired"));
    expect(await screen.findByText("Sesja wygasła")).toBeTruthy();
    expect(router.state.location.pathname).toBe("/logowanie");
    expect(new URLSearchParams(router.state.location.search).get("next")).toBe("/skierowania/przychodzace?overdue=1");
  });

  it("signs out", async () => {
    const api = await signedInWith(["caseworker"]);
    const { router } = renderRoutes(routes, "/osoby");
    await userEvent.setup().click(await screen.findByRole("button", { name: "Wyloguj" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/logowanie"));
    expect(api.callsTo("POST", "/api/directory/v1/oauth/logout")).toHaveLength(1);
    expect(getSession().status).toBe("anonymous");
    expect(await screen.findByText("Wylogowano. Do zobaczenia!")).toBeTruthy();
  });
});
