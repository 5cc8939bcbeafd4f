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
import { agreement, AGR_ID, institutionOf, OPS, P_ID, partnership, PUP } from "../testdata";
import PartnershipsRoutes from "../routes";

const CONFIRM = `/api/directory/v1/agreements/${AGR_ID}/confirmations`;

async function renderAgreement(roles: Role[], record: Partnership = partnership(), ...handlers: HttpHandler[]) {
  const api = await signedInAs(
    me(roles),
    on.get("directory", "/v1/partnerships/{partnership_id}", reply(record, { headers: { ETag: `"${P_ID}.3"` } })),
    on.get("directory", "/v1/institutions/{institution_id}", (call) => institutionOf(call.params.institution_id)),
    ...handlers,
  );
  const view = renderRoutes([{ path: "/partnerstwa/*", element: <PartnershipsRoutes /> }], `/partnerstwa/${P_ID}/porozumienie`, {
    signedIn: true,
  });
  await screen.findByRole("heading", { level: 1, name: record.name });
  return { api, ...view };
}

describe("the agreement", () => {
  it("shows each party's confirmation and lets the party that has not confirmed confirm", async () => {
    const u = userEvent.setup();
    const confirmed = agreement({
      confirmations: [
        ...agreement().confirmations,
        { institution_id: PUP, confirmed_by_subject: me().subject, confirmed_by_role: "coordinator", confirmed_at: "2026-01-13T10:00:00Z" },
      ],
    });
    const { api } = await renderAgreement(
      ["coordinator"],
      partnership(),
      on.post("directory", "/v1/agreements/{agreement_id}/confirmations", confirmed),
    );
    const section = await screen.findByRole("region", { name: /Wersja 1: Porozumienie o współpracy/ });
    expect(within(section).getByText("porozumienie czeka na potwierdzenia")).toBeTruthy();
    expect(within(section).getByText("§ 1. Strony współpracują.")).toBeTruthy();
    expect(within(section).getByText("Standard usługi")).toBeTruthy();
    const table = within(section).getByRole("table", { name: "Potwierdzenia wersji 1" });
    const rows = within(table).getAllByRole("row");
    expect(await within(rows[1]).findByText("Miejsko-Gminny Ośrodek Pomocy Społecznej w Wieliczce")).toBeTruthy();
    expect(within(rows[1]).getByText("koordynator")).toBeTruthy();
    expect(within(rows[2]).getByText("jeszcze nie potwierdzono")).toBeTruthy();
    await u.click(within(section).getByRole("button", { name: "Potwierdź w imieniu mojej instytucji" }));
    await waitFor(() => expect(api.callsTo("POST", CONFIRM)).toHaveLength(1));
    expect(await screen.findByText("Potwierdzono porozumienie.")).toBeTruthy();
  });

  it("shows the refusal of a second confirmation in words", async () => {
    const u = userEvent.setup();
    await renderAgreement(
      ["institution_admin"],
      partnership(),
      on.post("directory", "/v1/agreements/{agreement_id}/confirmations", problem(409, "already_confirmed")),
    );
    await u.click(await screen.findByRole("button", { name: "Potwierdź w imieniu mojej instytucji" }));
    expect(await screen.findByText("Twoja instytucja już potwierdziła tę wersję porozumienia.")).toBeTruthy();
  });

  it("offers a caseworker nothing to do", async () => {
    await renderAgreement(["caseworker"]);
    await screen.findByRole("region", { name: /Wersja 1/ });
    expect(screen.queryByRole("button", { name: "Potwierdź w imieniu mojej instytucji" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Aneks" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Rozwiąż" })).toBeNull();
  });

  it("offers no confirmation once the institution has confirmed, nor on an agreement in force", async () => {
    const inForce = agreement({
      status: "in_force",
      confirmed_on: "2026-01-15",
      confirmations: [
        ...agreement().confirmations,
        {
          institution_id: PUP,
          confirmed_by_subject: "u-pup",
          confirmed_by_role: "institution_admin",
          confirmed_at: "2026-01-14T10:00:00Z",
        },
      ],
    });
    await renderAgreement(["coordinator"], partnership({ agreements: [inForce] }));
    await screen.findByRole("region", { name: /Wersja 1/ });
    expect(screen.getByText(/Potwierdzone przez wszystkich partnerów/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Potwierdź w imieniu mojej instytucji" })).toBeNull();
    expect(screen.getByRole("button", { name: "Aneks" })).toBeTruthy();
  });

  it("terminates with a reason", async () => {
    const u = userEvent.setup();
    const { api } = await renderAgreement(
      ["coordinator"],
      partnership(),
      on.post("directory", "/v1/agreements/{agreement_id}/termination", agreement({ status: "terminated" })),
    );
    await u.click(await screen.findByRole("button", { name: "Rozwiąż" }));
    const dialog = await screen.findByRole("dialog", { name: "Rozwiązanie porozumienia (wersja 1)" });
    await u.click(within(dialog).getByRole("button", { name: "Rozwiąż" }));
    expect(await within(dialog).findByText("To pole jest wymagane.")).toBeTruthy();
    expect(api.callsTo("POST", `/api/directory/v1/agreements/${AGR_ID}/termination`)).toHaveLength(0);
    await u.type(within(dialog).getByRole("textbox", { name: /Powód rozwiązania/ }), "Zmiana przepisów");
    await u.click(within(dialog).getByRole("button", { name: "Rozwiąż" }));
    await waitFor(() => expect(api.callsTo("POST", `/api/directory/v1/agreements/${AGR_ID}/termination`)).toHaveLength(1));
    expect(api.callsTo("POST", `/api/directory/v1/agreements/${AGR_ID}/termination`)[0].json()).toEqual({ reason: "Zmiana przepisów" });
  });

  it("amends: a new version naming the one it amends", async () => {
    const u = userEvent.setup();
    const { api } = await renderAgreement(
      ["coordinator"],
      partnership(),
      on.post("directory", "/v1/partnerships/{partnership_id}/agreements", agreement({ id: "a2", number: 2, amends_id: AGR_ID })),
    );
    await u.click(await screen.findByRole("button", { name: "Aneks" }));
    const dialog = await screen.findByRole("dialog", { name: "Aneks do wersji 1" });
    await u.click(within(dialog).getByRole("button", { name: "Zapisz aneks" }));
    await waitFor(() => expect(api.callsTo("POST", `/api/directory/v1/partnerships/${P_ID}/agreements`)).toHaveLength(1));
    expect(api.callsTo("POST", `/api/directory/v1/partnerships/${P_ID}/agreements`)[0].json()).toMatchObject({
      amends_id: AGR_ID,
      document_number: "PL/1/2026/A1",
      text: "§ 1. Strony współpracują.",
      valid_from: "2026-01-15",
      annexes: [{ title: "Standard usługi", text: "Kroki usługi" }],
    });
  });

  it("drafts the first agreement, and explains when there are too few parties", async () => {
    const u = userEvent.setup();
    const { api } = await renderAgreement(
      ["coordinator"],
      partnership({ agreements: [], status: "initiative" }),
      on.post("directory", "/v1/partnerships/{partnership_id}/agreements", problem(409, "too_few_parties")),
    );
    expect(await screen.findByText("Partnerstwo nie ma jeszcze porozumienia.")).toBeTruthy();
    await u.click(screen.getByRole("button", { name: "Przygotuj porozumienie" }));
    const dialog = await screen.findByRole("dialog", { name: "Porozumienie o współpracy" });
    await u.type(within(dialog).getByRole("textbox", { name: /Numer porozumienia/ }), "PL/2/2026");
    await u.type(within(dialog).getByRole("textbox", { name: /^Treść/ }), "Strony współpracują.");
    await u.type(within(dialog).getByLabelText(/Obowiązuje od/), "2026-02-01");
    await u.click(within(dialog).getByRole("button", { name: "Zapisz porozumienie" }));
    expect(await within(dialog).findByText(/co najmniej dwóch partnerów/)).toBeTruthy();
    expect(api.callsTo("POST", `/api/directory/v1/partnerships/${P_ID}/agreements`)[0].json()).toMatchObject({
      document_number: "PL/2/2026",
      text: "Strony współpracują.",
      valid_from: "2026-02-01",
      valid_to: null,
      amends_id: null,
      annexes: [],
    });
  });

  it("shows an invited institution the texts without actions", async () => {
    await renderAgreement(["coordinator"], partnership({ access: "invited", party_ids: [OPS] }));
    await screen.findByRole("region", { name: /Wersja 1/ });
    expect(screen.queryByRole("button", { name: "Potwierdź w imieniu mojej instytucji" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Rozwiąż" })).toBeNull();
  });
});
