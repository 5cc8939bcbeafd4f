import { describe, expect, it } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { on, problem } from "@/test/api";
import { me } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import type { Role } from "@/lib/api/directory";
import { institutionOf, NGO, OPS, partnership, P_ID } from "../testdata";
import PartnershipsRoutes from ".";

async function renderCreate(roles: Role[] = ["coordinator"], ...handlers: Parameters<typeof signedInAs>[1][]) {
  const api = await signedInAs(
    me(roles),
    on.get("directory", "/v1/institutions", (call) => ({
      items: [institutionOf(OPS), institutionOf(NGO)].filter((i) =>
        i.name.toLowerCase().includes((call.query.get("q") ?? "").toLowerCase()),
      ),
      next_cursor: null,
    })),
    on.get("directory", "/v1/institutions/{institution_id}", (call) => institutionOf(call.params.institution_id)),
    on.get("directory", "/v1/partnerships/{partnership_id}", partnership()),
    ...handlers,
  );
  const view = renderRoutes([{ path: "/partnerstwa/*", element: <PartnershipsRoutes /> }], "/partnerstwa/nowe", { signedIn: true });
  await screen.findByRole("heading", { level: 1, name: "Nowe partnerstwo lokalne" });
  return { api, ...view };
}

async function fill(u: ReturnType<typeof userEvent.setup>) {
  await u.type(screen.getByRole("textbox", { name: /Nazwa partnerstwa/ }), "Partnerstwo Wieliczka");
  await u.type(screen.getByRole("textbox", { name: /Cel/ }), "Wspólna usługa");
  const invited = screen.getAllByLabelText(/Zapraszane instytucje/).find((e) => e instanceof HTMLInputElement && e.type !== "hidden");
  if (!invited) throw new Error("no search input");
  await u.type(invited, "Fund");
  await u.click(await screen.findByRole("option", { name: /Fundacja Razem/, hidden: true }));
}

describe("starting a partnership", () => {
  it("sends the initiative (name, why, area, invited) and opens the new partnership", async () => {
    const u = userEvent.setup();
    const { api, router } = await renderCreate(["coordinator"], on.post("directory", "/v1/partnerships", partnership()));
    await fill(u);
    await u.click(screen.getByRole("button", { name: "Zaproponuj partnerstwo" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/partnerstwa/${P_ID}/przeglad`));
    expect(api.callsTo("POST", "/api/directory/v1/partnerships")[0].json()).toEqual({
      name: "Partnerstwo Wieliczka",
      purpose: "Wspólna usługa",
      area_teryt: ["1219"],
      invited_institution_ids: [NGO],
    });
  });

  it("asks for the required fields before sending", async () => {
    const { api } = await renderCreate();
    await userEvent.setup().click(screen.getByRole("button", { name: "Zaproponuj partnerstwo" }));
    expect((await screen.findAllByText("To pole jest wymagane.")).length).toBe(2);
    expect(screen.getByText("Zaproś co najmniej jedną instytucję.")).toBeTruthy();
    expect(api.callsTo("POST", "/api/directory/v1/partnerships")).toHaveLength(0);
  });

  it("explains the API's refusal in words", async () => {
    const u = userEvent.setup();
    await renderCreate(["coordinator"], on.post("directory", "/v1/partnerships", problem(422, "unknown_institution")));
    await fill(u);
    await u.click(screen.getByRole("button", { name: "Zaproponuj partnerstwo" }));
    expect(await screen.findByText("Zaproszona instytucja nie jest aktywną instytucją świadczącą usługi.")).toBeTruthy();
  });

  it("is not offered to caseworkers", async () => {
    await renderCreate(["caseworker"]);
    expect(screen.getByText("Partnerstwo inicjuje administrator lub koordynator instytucji.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Zaproponuj partnerstwo" })).toBeNull();
  });
});
