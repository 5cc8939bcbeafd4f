import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import { on } from "@/test/api";
import { me } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import ReportingRoutes from ".";

const value = (v: number | null) => ({ value: v, suppressed: false });
const hidden = { value: null, suppressed: true };

const body = {
  as_of: { generated_at: "2026-11-23T10:00:00Z", data_as_of: "2026-11-23T09:59:00Z", sources: [] },
  scope: { kind: "national", territory: "", institution_id: null },
  suppression: { threshold: 5, sensitive_threshold: 10, rounding_base: 5, sensitive_service_types: [] },
  territory: "",
  period_from: "2026-10",
  period_to: "2026-12",
  exact: false,
  institution_threshold: 2,
  items: [
    {
      code: "staffing",
      name_pl: "Kadrowe",
      name_en: "Staffing",
      referrals: value(0),
      evaluations: value(4),
      surveys: value(3),
      total: value(7),
      partial: false,
    },
    {
      code: "client_related",
      name_pl: "Po stronie klienta",
      name_en: "Client-related",
      referrals: hidden,
      evaluations: value(0),
      surveys: value(0),
      total: value(0),
      partial: true,
    },
  ],
};

describe("the problem areas page", () => {
  it("asks for the period's months and shows the three sources with hidden cells as hidden", async () => {
    const api = await signedInAs(
      me(["analyst"], { analyst_scope: "" }),
      on.get("directory", "/v1/service-types", { items: [] }),
      on.get("reporting", "/v1/problem-areas", body),
    );
    renderRoutes([{ path: "/raporty/*", element: <ReportingRoutes /> }], "/raporty/problemy?okres_typ=quarter&okres=2026-Q4", {
      signedIn: true,
    });
    expect(await screen.findByRole("heading", { name: "Obszary problemowe współpracy", level: 1 })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Obszary problemowe" })).toBeTruthy();
    const table = await screen.findByRole("table", { name: "Obszary problemowe według źródła" });
    const call = api.callsTo("GET", "/api/reporting/v1/problem-areas")[0];
    expect([call.query.get("from"), call.query.get("to")]).toEqual(["2026-10", "2026-12"]);
    const staffing = within(table).getByRole("rowheader", { name: "Kadrowe" }).closest("tr") as HTMLElement;
    expect(within(staffing).getByText("7")).toBeTruthy();
    const client = within(table).getByRole("rowheader", { name: "Po stronie klienta" }).closest("tr") as HTMLElement;
    const cells = within(client).getAllByRole("cell");
    expect(cells[0].textContent).not.toMatch(/^0$/); // a hidden count is never shown as 0
    expect(cells[1].textContent).toBe("0");
    expect(client.textContent).toMatch(/\*/);
    expect(screen.getByTestId("problems-precision").textContent).toMatch(/poniżej 2/);
  });
});
