import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { on, problem, reply } from "@/test/api";
import { me } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import type { Role } from "@/lib/api/directory";
import type { Partnership } from "../api/partnerships";
import { institutionOf, NGO, OPS, P_ID, party, partnership, PUP } from "../testdata";
import PartnershipsRoutes from "../routes";

const PATH = `/api/directory/v1/partnerships/${P_ID}`;

async function renderOverview(roles: Role[], record: Partnership = partnership(), ...handlers: HttpHandler[]) {
  const api = await signedInAs(
    me(roles),
    on.get("directory", "/v1/partnerships/{partnership_id}", reply(record, { headers: { ETag: `"${P_ID}.3"` } })),
    on.get("directory", "/v1/institutions/{institution_id}", (call) => institutionOf(call.params.institution_id)),
    on.get("directory", "/v1/institutions", { items: [institutionOf(NGO)], next_cursor: null }),
    on.get("directory", "/v1/users", { items: [], next_cursor: null }),
    ...handlers,
  );
  const view = renderRoutes([{ path: "/partnerstwa/*", element: <PartnershipsRoutes /> }], `/partnerstwa/${P_ID}`, { signedIn: true });
  await screen.findByRole("heading", { level: 1, name: record.name });
  await screen.findByRole("heading", { level: 2, name: "Inicjatywa" });
  return { api, ...view };
}

const invited = () =>
  partnership({
    access: "invited",
    party_ids: [OPS],
    coordinator_name: null,
    parties: [party(OPS), party(PUP, { state: "invited", answered_at: null, joined_on: null })],
  });

describe("partnership overview", () => {
  it("shows a party the initiative, roles and parties with their dates and contacts; all six tabs", async () => {
    const { router } = await renderOverview(["caseworker"]);
    expect(router.state.location.pathname).toBe(`/partnerstwa/${P_ID}/przeglad`);
    expect(screen.getByText("Wspólna usługa aktywizacji dla osób długotrwale bezrobotnych.")).toBeTruthy();
    expect(screen.getByText("Tomasz Koordynator", { selector: "div" })).toBeTruthy();
    const tabs = screen.getByRole("tablist", { name: "Części partnerstwa" });
    expect(
      within(tabs)
        .getAllByRole("tab")
        .map((t) => t.textContent),
    ).toEqual(["Przegląd", "Porozumienie", "Plan działania", "Cele i pomiar", "Spotkania", "Ocena wewnętrzna"]);
    const table = screen.getByRole("table", { name: "Partnerzy i zaproszone instytucje" });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(await within(rows[1]).findByText("Miejsko-Gminny Ośrodek Pomocy Społecznej w Wieliczce")).toBeTruthy();
    expect(within(rows[1]).getByText("Lider")).toBeTruthy();
    expect(within(rows[1]).getByText("t@ops.example")).toBeTruthy();
    // A caseworker changes nothing.
    expect(screen.queryByRole("button", { name: "Zmień lidera i koordynatora" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Zaproś" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Kontakt i udział mojej instytucji" })).toBeNull();
  });

  it("lets an invited institution's coordinator accept the invitation", async () => {
    const u = userEvent.setup();
    const { api } = await renderOverview(
      ["coordinator"],
      invited(),
      on.put("directory", "/v1/partnerships/{partnership_id}/invitation", partnership()),
    );
    const tabs = screen.getByRole("tablist", { name: "Części partnerstwa" });
    expect(
      within(tabs)
        .getAllByRole("tab")
        .map((t) => t.textContent),
    ).toEqual(["Przegląd", "Porozumienie"]);
    await u.click(screen.getByRole("button", { name: "Przyjmij zaproszenie" }));
    await waitFor(() => expect(api.callsTo("PUT", `${PATH}/invitation`)).toHaveLength(1));
    expect(api.callsTo("PUT", `${PATH}/invitation`)[0].json()).toEqual({ accept: true });
    expect(await screen.findByText("Zaproszenie przyjęte — Twoja instytucja jest partnerem.")).toBeTruthy();
  });

  it("declines only after asking", async () => {
    const u = userEvent.setup();
    const { api } = await renderOverview(
      ["institution_admin"],
      invited(),
      on.put("directory", "/v1/partnerships/{partnership_id}/invitation", invited()),
    );
    await u.click(screen.getByRole("button", { name: "Odrzuć zaproszenie" }));
    const dialog = await screen.findByRole("dialog", { name: "Odrzucić zaproszenie?" });
    expect(api.callsTo("PUT", `${PATH}/invitation`)).toHaveLength(0);
    await u.click(within(dialog).getByRole("button", { name: "Odrzuć zaproszenie" }));
    await waitFor(() => expect(api.callsTo("PUT", `${PATH}/invitation`)).toHaveLength(1));
    expect(api.callsTo("PUT", `${PATH}/invitation`)[0].json()).toEqual({ accept: false });
  });

  it("tells an invited caseworker who answers, with no buttons", async () => {
    await renderOverview(["caseworker"], invited());
    expect(screen.getByText("Na zaproszenie odpowiada administrator lub koordynator Twojej instytucji.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Przyjmij zaproszenie" })).toBeNull();
  });

  it("shows the API's refusal of an answer", async () => {
    const u = userEvent.setup();
    await renderOverview(
      ["coordinator"],
      invited(),
      on.put("directory", "/v1/partnerships/{partnership_id}/invitation", problem(409, "not_invited")),
    );
    await u.click(screen.getByRole("button", { name: "Przyjmij zaproszenie" }));
    expect(await screen.findByText("Twoja instytucja nie ma otwartego zaproszenia do tego partnerstwa.")).toBeTruthy();
  });

  it("lets an organiser invite another institution", async () => {
    const u = userEvent.setup();
    const { api } = await renderOverview(
      ["coordinator"],
      partnership(),
      on.post("directory", "/v1/partnerships/{partnership_id}/invitations", partnership()),
    );
    const search = screen.getAllByLabelText(/Zaproś kolejną instytucję/).find((e) => e instanceof HTMLInputElement && e.type !== "hidden");
    if (!search) throw new Error("no search input");
    await u.type(search, "Fu");
    await u.click(await screen.findByRole("option", { name: /Fundacja Razem/, hidden: true }));
    await u.click(screen.getByRole("button", { name: "Zaproś" }));
    await waitFor(() => expect(api.callsTo("POST", `${PATH}/invitations`)).toHaveLength(1));
    expect(api.callsTo("POST", `${PATH}/invitations`)[0].json()).toEqual({ institution_id: NGO });
  });

  it("lets a party's administrator set its contact person", async () => {
    const u = userEvent.setup();
    const { api } = await renderOverview(
      ["institution_admin"],
      partnership(),
      on.patch("directory", "/v1/partnerships/{partnership_id}/parties/{institution_id}", partnership()),
    );
    await u.click(screen.getByRole("button", { name: "Kontakt i udział mojej instytucji" }));
    const dialog = await screen.findByRole("dialog", { name: "Kontakt i udział mojej instytucji" });
    await u.type(within(dialog).getByRole("textbox", { name: "Imię i nazwisko osoby do kontaktu" }), "Anna Doradczyni");
    await u.click(within(dialog).getByRole("button", { name: "Zapisz" }));
    await waitFor(() => expect(api.callsTo("PATCH", `${PATH}/parties/${PUP}`)).toHaveLength(1));
    expect(api.callsTo("PATCH", `${PATH}/parties/${PUP}`)[0].json()).toEqual({ contact_name: "Anna Doradczyni" });
  });

  it("changes the coordinator with the partnership's ETag", async () => {
    const u = userEvent.setup();
    const { api } = await renderOverview(
      ["coordinator"],
      partnership(),
      on.patch("directory", "/v1/partnerships/{partnership_id}", partnership()),
    );
    await u.click(screen.getByRole("button", { name: "Zmień lidera i koordynatora" }));
    const dialog = await screen.findByRole("dialog", { name: "Zmień lidera i koordynatora" });
    await u.click(within(dialog).getByRole("combobox", { name: /Koordynator partnerstwa/ }));
    await u.click(await screen.findByRole("option", { name: "Maria Administratorka", hidden: true }));
    await u.click(within(dialog).getByRole("button", { name: "Zapisz" }));
    await waitFor(() => expect(api.callsTo("PATCH", PATH)).toHaveLength(1));
    const call = api.callsTo("PATCH", PATH)[0];
    expect(call.headers.get("If-Match")).toBe(`"${P_ID}.3"`);
    expect(call.json()).toEqual({ coordinator_subject: me().subject });
  });

  it("says so when the partnership is not visible (404)", async () => {
    await signedInAs(me(["caseworker"]), on.get("directory", "/v1/partnerships/{partnership_id}", problem(404, "not_found")));
    renderRoutes([{ path: "/partnerstwa/*", element: <PartnershipsRoutes /> }], `/partnerstwa/${P_ID}/przeglad`, { signedIn: true });
    expect(await screen.findByText("Nie znaleziono partnerstwa")).toBeTruthy();
  });
});
