import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { on, problem, reply } from "@/test/api";
import { me } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import type { Role } from "@/lib/api/directory";
import type { PartnershipMeasures } from "../api/partnerships";
import { institutionOf, P_ID, partnership, plan, PUP } from "../testdata";
import PartnershipsRoutes from "../routes";

function measures(exact: boolean, indicators: PartnershipMeasures["indicators"]): PartnershipMeasures {
  return {
    as_of: { generated_at: "2026-12-05T10:00:00Z", data_as_of: "2026-12-05T09:00:00Z", sources: [] },
    scope: exact
      ? { kind: "institution", territory: null, institution_id: PUP }
      : { kind: "powiat", territory: "1219", institution_id: null },
    suppression: { threshold: 5, sensitive_threshold: 10, rounding_base: 5, sensitive_service_types: [] },
    partnership_id: P_ID,
    status: "in_force",
    period_from: "2026-01",
    period_to: "2026-12",
    exact,
    flows: [],
    indicators,
  };
}

const OWN = measures(true, {
  sla_compliance: { value: 0.93, suppressed: false },
  employment_outcome: { value: 3, suppressed: false },
  cooperation_index: { value: null, suppressed: false },
});
const PROTECTED = measures(false, {
  sla_compliance: { value: 0.9, suppressed: false },
  employment_outcome: { value: null, suppressed: true },
});

async function renderTargets(roles: Role[], measured: PartnershipMeasures | null, ...handlers: HttpHandler[]) {
  const api = await signedInAs(
    me(roles),
    on.get("directory", "/v1/partnerships/{partnership_id}", reply(partnership(), { headers: { ETag: `"${P_ID}.3"` } })),
    on.get("directory", "/v1/partnerships/{partnership_id}/plan", reply(plan(), { headers: { ETag: `"${P_ID}.3"` } })),
    on.get("directory", "/v1/institutions/{institution_id}", (call) => institutionOf(call.params.institution_id)),
    on.get("reporting", "/v1/partnerships/{partnership_id}/measures", measured ?? problem(503, "unavailable")),
    ...handlers,
  );
  const view = renderRoutes([{ path: "/partnerstwa/*", element: <PartnershipsRoutes /> }], `/partnerstwa/${P_ID}/cele`, { signedIn: true });
  await screen.findByRole("heading", { level: 2, name: "Cele partnerstwa i wartości zmierzone" });
  return { api, ...view };
}

describe("targets against measured values", () => {
  it("shows a member the partnership's exact measured values, and whether each target is met", async () => {
    const { api } = await renderTargets(["coordinator"], OWN);
    const table = await screen.findByRole("table", { name: "Cele partnerstwa i wartości zmierzone" });
    expect((await within(table).findByTestId("measured-sla_compliance")).textContent).toMatch(/93/);
    expect(within(table).getByTestId("measured-employment_outcome").textContent).toBe("3");
    const rows = within(table).getAllByRole("row");
    expect(within(rows[1]).getByText("osiągnięty")).toBeTruthy();
    expect(within(rows[2]).getByText("jeszcze nie")).toBeTruthy();
    expect(within(rows[3]).getAllByText("—")).toHaveLength(2);
    expect(screen.getByText(/dokładne liczby wspólnych skierowań partnerów/)).toBeTruthy();
    // One call for the targets' one period: its months.
    const calls = api.callsTo("GET", `/api/reporting/v1/partnerships/${P_ID}/measures`);
    expect(calls).toHaveLength(1);
    expect(calls[0].query.get("from")).toBe("2026-01");
    expect(calls[0].query.get("to")).toBe("2026-12");
  });

  it("shows protected values (suppressed small counts) to a viewer who gets them protected", async () => {
    await renderTargets(["analyst"], PROTECTED);
    const table = await screen.findByRole("table", { name: "Cele partnerstwa i wartości zmierzone" });
    expect(await within(table).findByText("ukryte (mała liczba)")).toBeTruthy();
    expect(screen.getByText(/chronione: małe liczby ukryte/)).toBeTruthy();
    expect(within(table).getByText("brak pomiaru")).toBeTruthy();
  });

  it("says when the measure cannot be read", async () => {
    await renderTargets(["coordinator"], null);
    expect((await screen.findAllByText("pomiar niedostępny")).length).toBe(3);
  });

  it("lets an organiser replace the targets with the plan's ETag", async () => {
    const u = userEvent.setup();
    const { api } = await renderTargets(["coordinator"], OWN, on.put("directory", "/v1/partnerships/{partnership_id}/targets", plan()));
    await u.click(await screen.findByRole("button", { name: "Zmień cele" }));
    const dialog = await screen.findByRole("dialog", { name: "Zmień cele" });
    await u.click(within(dialog).getByRole("button", { name: "Usuń cel 3" }));
    await u.click(within(dialog).getByRole("button", { name: "Zapisz" }));
    await waitFor(() => expect(api.callsTo("PUT", `/api/directory/v1/partnerships/${P_ID}/targets`)).toHaveLength(1));
    const call = api.callsTo("PUT", `/api/directory/v1/partnerships/${P_ID}/targets`)[0];
    expect(call.headers.get("If-Match")).toBe(`"${P_ID}.3"`);
    expect(call.json()).toEqual({
      targets: [
        { indicator_code: "sla_compliance", period: "2026", baseline: 0.72, target_value: 0.9, direction: "at_least" },
        { indicator_code: "employment_outcome", period: "2026", baseline: 4, target_value: 12, direction: "at_least" },
      ],
    });
  });

  it("offers a caseworker no change", async () => {
    await renderTargets(["caseworker"], OWN);
    await screen.findByRole("table", { name: "Cele partnerstwa i wartości zmierzone" });
    expect(screen.queryByRole("button", { name: "Zmień cele" })).toBeNull();
  });
});
