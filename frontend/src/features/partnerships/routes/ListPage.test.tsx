import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { inTurn, on, problem } from "@/test/api";
import { me } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import type { Role } from "@/lib/api/directory";
import { institutionOf, NGO, OPS, PUP, summary } from "../testdata";
import PartnershipsRoutes from ".";

const MINE = summary();
const INVITATION = summary({
  id: "7a1e0000-0000-4000-8000-000000000002",
  name: "Partnerstwo NGO",
  status: "initiative",
  leader_institution_id: NGO,
  party_ids: [NGO],
});

const WUP = "9b9e2f4a-1b7d-5e60-8a21-0d4f6b8c9e77";
/** An analyst of the regional labour office (no party to the partnerships listed). */
const ANALYST = { ...me(["analyst"], { institution_id: WUP }), institution: institutionOf(WUP) };

async function renderList(roles: Role[], path = "/partnerstwa", ...handlers: HttpHandler[]) {
  const api = await signedInAs(
    roles.includes("analyst") ? ANALYST : me(roles),
    on.get("directory", "/v1/partnerships", { items: [MINE, INVITATION], next_cursor: null }),
    on.get("directory", "/v1/institutions/{institution_id}", (call) => institutionOf(call.params.institution_id)),
    ...handlers,
  );
  const view = renderRoutes([{ path: "/partnerstwa/*", element: <PartnershipsRoutes /> }], path, { signedIn: true });
  await screen.findByRole("heading", { level: 1, name: "Partnerstwa lokalne" });
  return { api, ...view };
}

describe("partnerships list", () => {
  it("shows my partnerships with their status, leader and parties, and counts the invitations", async () => {
    await renderList(["coordinator"]);
    const table = await screen.findByRole("table", { name: "Partnerstwa lokalne" });
    const link = await within(table).findByRole("link", { name: MINE.name });
    expect(link.getAttribute("href")).toBe(`/partnerstwa/${MINE.id}/przeglad`);
    expect(within(table).getByText("obowiązuje")).toBeTruthy();
    expect(await within(table).findByText("Miejsko-Gminny Ośrodek Pomocy Społecznej w Wieliczce")).toBeTruthy();
    expect(within(table).getByText("2 partnerów")).toBeTruthy();
    // The invitation is not among "Moje"…
    expect(within(table).queryByText("Partnerstwo NGO")).toBeNull();
    // …but under "Zaproszenia (1)".
    await userEvent.setup().click(screen.getByText("Zaproszenia (1)"));
    expect(
      await within(screen.getByRole("table", { name: "Partnerstwa lokalne" })).findByRole("link", { name: "Partnerstwo NGO" }),
    ).toBeTruthy();
    expect(screen.getByText("zaproszenie")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Zainicjuj partnerstwo" }).getAttribute("href")).toBe("/partnerstwa/nowe");
  });

  it("shows analysts the summary only: links to the summary page and no initiative", async () => {
    await renderList(["analyst"]);
    const table = await screen.findByRole("table", { name: "Partnerstwa lokalne" });
    expect(await within(table).findByText(MINE.name)).toBeTruthy();
    expect(within(table).getByText("Partnerstwo NGO")).toBeTruthy();
    // To the summary (status, area, parties, protected measures), never to the partnership's page.
    expect(within(table).getByRole("link", { name: MINE.name }).getAttribute("href")).toBe(`/partnerstwa/${MINE.id}/podsumowanie`);
    expect(screen.queryByText("Zainicjuj partnerstwo")).toBeNull();
    expect(screen.queryByText(/Zaproszenia/)).toBeNull();
  });

  it("does not offer caseworkers to start a partnership", async () => {
    await renderList(["caseworker"]);
    await screen.findByRole("link", { name: MINE.name });
    expect(screen.queryByText("Zainicjuj partnerstwo")).toBeNull();
  });

  it("narrows the list to an institution's partnerships (?institution=, the cooperation map's link)", async () => {
    await renderList(["coordinator"], `/partnerstwa?institution=${NGO}&widok=all`);
    expect(await screen.findByText("Fundacja Razem")).toBeTruthy();
    const table = await screen.findByRole("table", { name: "Partnerstwa lokalne" });
    expect(await within(table).findByText("Partnerstwo NGO")).toBeTruthy();
    expect(within(table).queryByText(MINE.name)).toBeNull();
  });

  it("says when there are none", async () => {
    await renderList(["coordinator"], "/partnerstwa", on.get("directory", "/v1/partnerships", { items: [], next_cursor: null }));
    expect(await screen.findByText("Brak partnerstw.")).toBeTruthy();
  });

  it("shows a failed read with a retry", async () => {
    const { api } = await renderList(
      ["coordinator"],
      "/partnerstwa",
      on.get(
        "directory",
        "/v1/partnerships",
        inTurn(problem(503, "unavailable"), { items: [summary({ party_ids: [PUP, OPS] })], next_cursor: null }),
      ),
    );
    await userEvent.setup().click(await screen.findByRole("button", { name: "Spróbuj ponownie" }));
    expect(await screen.findByRole("link", { name: MINE.name })).toBeTruthy();
    await waitFor(() => expect(api.callsTo("GET", "/api/directory/v1/partnerships")).toHaveLength(2));
  });
});
