import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import type { HttpHandler } from "msw";
import { on, problem } from "@/test/api";
import { me } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import type { PartnershipMeasures } from "../api/partnerships";
import { institutionOf, P_ID, summary } from "../testdata";
import PartnershipsRoutes from ".";

const YEAR = new Date().getFullYear();
const PROTECTED: PartnershipMeasures = {
  as_of: { generated_at: "2026-12-05T10:00:00Z", data_as_of: "2026-12-05T09:00:00Z", sources: [] },
  scope: { kind: "powiat", territory: "1219", institution_id: null },
  suppression: { threshold: 5, sensitive_threshold: 10, rounding_base: 5, sensitive_service_types: [] },
  partnership_id: P_ID,
  status: "in_force",
  period_from: `${YEAR}-01`,
  period_to: `${YEAR}-12`,
  exact: false,
  flows: [
    {
      route: "PUP→OPS",
      service_type: "social_work",
      values: {
        referrals: { value: 15, suppressed: false },
        responded: { value: 10, suppressed: false },
        accepted: { value: 10, suppressed: false },
        completed: { value: null, suppressed: true },
        employment_outcome: { value: 0, suppressed: false },
      },
    },
  ],
  indicators: { referrals: { value: 15, suppressed: false }, employment_outcome: { value: null, suppressed: true } },
};

async function renderSummary(...handlers: HttpHandler[]) {
  const api = await signedInAs(
    me(["analyst"]),
    on.get("directory", "/v1/partnerships/{partnership_id}/summary", summary()),
    on.get("directory", "/v1/institutions/{institution_id}", (call) => institutionOf(call.params.institution_id)),
    on.get("reporting", "/v1/partnerships/{partnership_id}/measures", PROTECTED),
    ...handlers,
  );
  renderRoutes([{ path: "/partnerstwa/*", element: <PartnershipsRoutes /> }], `/partnerstwa/${P_ID}/podsumowanie`, { signedIn: true });
  await screen.findByRole("heading", { level: 1, name: summary().name });
  return api;
}

describe("the analyst's summary of a partnership", () => {
  it("shows status, area and parties, and the joint work's protected values", async () => {
    const api = await renderSummary();
    expect(screen.getByText("obowiązuje")).toBeTruthy();
    expect(screen.getByText(/Obszar \(kody TERYT\): 1219/)).toBeTruthy();
    expect((await screen.findByTestId("summary-referrals")).textContent).toBe("15");
    expect(screen.getByTestId("summary-employment_outcome").textContent).toBe("ukryte (mała liczba)");
    expect(screen.getByText(/chronione: małe liczby ukryte/)).toBeTruthy();
    const flows = screen.getByRole("table", { name: "Wspólne skierowania partnerów według kierunku i rodzaju usługi" });
    expect(within(flows).getByText("PUP→OPS")).toBeTruthy();
    expect(within(flows).getByText("ukryte (mała liczba)")).toBeTruthy();
    const call = api.callsTo("GET", `/api/reporting/v1/partnerships/${P_ID}/measures`)[0];
    expect(call.query.get("from")).toBe(`${YEAR}-01`);
    expect(call.query.get("to")).toBe(`${YEAR}-12`);
    // No texts: the agreement, plan and meetings are not asked for.
    expect(api.callsTo("GET", `/api/directory/v1/partnerships/${P_ID}`)).toHaveLength(0);
  });

  it("shows a failed read of the measures with a retry", async () => {
    await renderSummary(on.get("reporting", "/v1/partnerships/{partnership_id}/measures", problem(503, "unavailable")));
    expect(await screen.findByRole("button", { name: "Spróbuj ponownie" })).toBeTruthy();
  });
});
