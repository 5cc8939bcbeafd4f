import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import type { HttpHandler } from "msw";
import { on, problem } from "@/test/api";
import { me } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import type { CaseworkRead, Cell } from "../api/reporting";
import ReportingRoutes from ".";

const value = (v: number | null): Cell => ({ value: v, suppressed: false });
const hidden: Cell = { value: null, suppressed: true };
const suppression = { threshold: 5, sensitive_threshold: 10, rounding_base: 5, sensitive_service_types: [] };
const asOf = {
  generated_at: "2026-11-23T10:00:00Z",
  data_as_of: "2026-11-23T09:59:00Z",
  sources: [],
};

function casework(patch: Partial<CaseworkRead> = {}): CaseworkRead {
  return {
    as_of: asOf,
    scope: { kind: "national", territory: "", institution_id: null },
    suppression,
    period_from: "2026-01",
    period_to: "2026-12",
    exact: false,
    persons_with_plan: value(0),
    persons_with_plan_by_type: [],
    persons_with_joint_plan: value(0),
    goals: [],
    actions: value(0),
    actions_by_other_institution: value(0),
    share_by_other_institution: value(null),
    plans_with_first_action_after_diagnosis: value(0),
    median_working_days_diagnosis_to_first_action: value(null),
    plans_reviewed: value(0),
    plans_reviewed_on_time: value(0),
    review_on_time_share: value(null),
    ...patch,
  };
}

const catalogues = [
  on.get("clients", "/v1/problem-areas", {
    items: [{ code: "unemployment", label_pl: "Bezrobocie", label_en: "Unemployment", group: "employment_barrier", sensitive: false }],
  }),
  on.get("clients", "/v1/plan-types", {
    items: [
      {
        code: "joint_institutional",
        label_pl: "Wspólny plan instytucji",
        label_en: "Joint institutional plan",
        legal_basis_code: "x",
        institution_types: ["PUP"],
        joint: true,
      },
    ],
  }),
];

async function render(roles: Parameters<typeof me>[0], reply: CaseworkRead | ReturnType<typeof problem>, ...handlers: HttpHandler[]) {
  const api = await signedInAs(
    me(roles),
    on.get("directory", "/v1/service-types", { items: [] }),
    on.get("reporting", "/v1/casework", reply),
    ...handlers,
  );
  renderRoutes([{ path: "/raporty/*", element: <ReportingRoutes /> }], "/raporty/plany?okres_typ=quarter&okres=2026-Q4", {
    signedIn: true,
  });
  return api;
}

function rowOf(name: string): HTMLElement {
  return screen.getByRole("rowheader", { name }).closest("tr") as HTMLElement;
}

describe("the casework measures page", () => {
  it("asks for the months of the chosen period and shows an analyst's small counts as hidden, never as 0", async () => {
    const api = await render(
      ["analyst"],
      casework({
        persons_with_plan: value(10),
        persons_with_joint_plan: hidden,
        persons_with_plan_by_type: [{ plan_type: "joint_institutional", value: hidden }],
        actions: value(15),
        actions_by_other_institution: value(5),
        share_by_other_institution: value(0.3333),
        goals: [{ area_code: "unemployment", assessment: "achieved", value: hidden }],
      }),
      // Analysts may not read the client registry's catalogues: the codes stand in for the names.
      on.get("clients", "/v1/problem-areas", problem(403, "forbidden")),
      on.get("clients", "/v1/plan-types", problem(403, "forbidden")),
    );
    expect(await screen.findByRole("heading", { level: 1, name: "Plany i działania" })).toBeTruthy();
    await screen.findByRole("rowheader", { name: "Osoby ze wspólnym planem" });
    const query = api.callsTo("GET", "/api/reporting/v1/casework")[0].query;
    expect([query.get("from"), query.get("to")]).toEqual(["2026-10", "2026-12"]);
    expect(within(rowOf("Osoby ze wspólnym planem")).getByText("ukryte")).toBeTruthy();
    expect(within(rowOf("Osoby ze wspólnym planem")).queryByText("0")).toBeNull();
    expect(within(rowOf("Osoby z planem realizowanym w okresie")).getByText("10")).toBeTruthy();
    expect(within(rowOf("Odsetek realizowanych przez inną instytucję")).getByText(/33/)).toBeTruthy();
    // An undefined median (no plans with a diagnosis) reads "—", not 0.
    expect(within(rowOf("Mediana dni roboczych od diagnozy do pierwszego działania")).getByText("—")).toBeTruthy();
    const goal = rowOf("unemployment");
    expect(
      within(goal)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["ukryte", "0", "0", "0"]);
    expect(within(rowOf("joint_institutional")).getByText("ukryte")).toBeTruthy();
    expect(screen.getByTestId("casework-precision").textContent).toMatch(/mniejsze niż 5 są ukryte/);
    expect(screen.getByText("Zakres danych: cała Polska")).toBeTruthy();
  });

  it("shows a coordinator's own plans exact, with the catalogues' names", async () => {
    await render(
      ["coordinator"],
      casework({
        scope: { kind: "institution", territory: null, institution_id: "i1" },
        exact: true,
        persons_with_plan: value(1),
        persons_with_joint_plan: value(1),
        persons_with_plan_by_type: [{ plan_type: "joint_institutional", value: value(1) }],
        actions: value(2),
        actions_by_other_institution: value(1),
        share_by_other_institution: value(0.5),
        plans_with_first_action_after_diagnosis: value(1),
        median_working_days_diagnosis_to_first_action: value(3),
        goals: [
          { area_code: "unemployment", assessment: "achieved", value: value(1) },
          { area_code: "unemployment", assessment: "abandoned", value: value(2) },
        ],
      }),
      ...catalogues,
    );
    await screen.findByRole("rowheader", { name: "Bezrobocie" });
    expect(within(rowOf("Osoby ze wspólnym planem")).getByText("1")).toBeTruthy();
    expect(within(rowOf("Działania dodane w okresie")).getByText("2")).toBeTruthy();
    expect(within(rowOf("Mediana dni roboczych od diagnozy do pierwszego działania")).getByText("3")).toBeTruthy();
    expect(within(rowOf("Wspólny plan instytucji")).getByText("1")).toBeTruthy();
    expect(
      within(rowOf("Bezrobocie"))
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["1", "0", "0", "2"]);
    expect(screen.queryByText("ukryte")).toBeNull();
    expect(screen.getByTestId("casework-precision").textContent).toMatch(/Dokładne liczby/);
    expect(screen.getByText("Zakres danych: Twoja instytucja")).toBeTruthy();
  });

  it("says so when the period holds nothing", async () => {
    await render(["analyst"], casework(), ...catalogues);
    expect(await screen.findByText("Brak planów i działań w tym okresie")).toBeTruthy();
    expect(screen.queryByRole("rowheader", { name: "Osoby ze wspólnym planem" })).toBeNull();
  });

  it("shows the API's refusal", async () => {
    await render(
      ["analyst"],
      problem(403, "analyst_scope_missing", { detail: "your analyst account has no territorial scope" }),
      ...catalogues,
    );
    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(screen.queryByText("Brak planów i działań w tym okresie")).toBeNull();
  });
});
