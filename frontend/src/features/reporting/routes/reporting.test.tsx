import { describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { on, problem, raw, type Call } from "@/test/api";
import { me } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import type { AggregateRead, Cell, Granularity } from "../api/reporting";
import ReportingRoutes from ".";

const AGGREGATE = "/api/reporting/v1/aggregate";
const EXPORT = "/api/reporting/v1/exports/aggregate";

const asOf = (lag = 0) => ({
  generated_at: "2026-11-23T10:00:00Z",
  data_as_of: "2026-11-23T09:59:00Z",
  sources: [
    {
      source: "clients",
      last_seq: 10,
      head_seq: 10,
      lag: 0,
      last_success_at: "2026-11-23T09:59:00Z",
      last_error_at: null,
      consecutive_failures: 0,
    },
    {
      source: "referrals",
      last_seq: 7,
      head_seq: 7 + lag,
      lag,
      last_success_at: "2026-11-23T09:59:00Z",
      last_error_at: null,
      consecutive_failures: 0,
    },
  ],
});
const suppression = { threshold: 5, sensitive_threshold: 10, rounding_base: 5, sensitive_service_types: [] };
const scope = { kind: "national", territory: "", institution_id: null };
const value = (v: number | null): Cell => ({ value: v, suppressed: false });
const hidden: Cell = { value: null, suppressed: true };

function aggregateReply({ query }: Call): AggregateRead {
  const measures = query.getAll("measures");
  const dimensions = query.getAll("dimensions");
  const granularity = (query.get("granularity") ?? "year") as Granularity;
  const base = { as_of: asOf(3), scope, suppression, granularity, measures, dimensions, filters: {} };
  if (dimensions.length === 0) {
    const all: Record<string, Cell> = {
      referrals: value(25),
      acceptance_rate: value(1),
      median_response_days: value(1),
      sla_compliance: value(0.75),
      closed_loop_rate: value(1),
      employment_rate: hidden,
    };
    return { ...base, rows: [{ period: "2026", dimensions: {}, values: Object.fromEntries(measures.map((m) => [m, all[m]])) }] };
  }
  if (dimensions[0] === "route") {
    return {
      ...base,
      rows: [
        { period: "2026", dimensions: { route: "PUP->OPS" }, values: { referrals: value(10) } },
        { period: "2026", dimensions: { route: "OPS->NGO" }, values: { referrals: hidden } },
      ],
    };
  }
  if (dimensions[0] === "sender_voivodeship") {
    return { ...base, rows: [{ period: "2026", dimensions: { sender_voivodeship: "12" }, values: { [measures[0]]: value(25) } }] };
  }
  return {
    ...base,
    rows: [
      { period: "2026", dimensions: { sender_powiat: "1219" }, values: { [measures[0]]: value(20) } },
      { period: "2026", dimensions: { sender_powiat: "1261" }, values: { [measures[0]]: hidden } },
    ],
  };
}

async function render(path: string, ...handlers: HttpHandler[]) {
  const api = await signedInAs(
    me(["analyst"]),
    on.get("directory", "/v1/service-types", { items: [] }),
    on.get("reporting", "/v1/aggregate", aggregateReply),
    on.get("reporting", "/v1/series", {
      as_of: asOf(),
      scope,
      suppression,
      granularity: "year",
      measures: [],
      filters: {},
      points: [
        { period: "2025", values: { referrals: value(0), accepted: value(0), completed: value(0) } },
        { period: "2026", values: { referrals: value(25), accepted: value(15), completed: hidden, median_response_days: value(1) } },
      ],
    }),
    on.get("reporting", "/v1/catalogue", {
      measures: [
        { name: "referrals", kind: "count", definition: "", formula: "", numerator: [], denominator: [] },
        { name: "completed", kind: "count", definition: "", formula: "", numerator: [], denominator: [] },
      ],
      dimensions: [
        { name: "route", definition: "", values: null, pattern: "" },
        { name: "age_band", definition: "", values: ["0-17", "65+", "unknown"], pattern: null },
      ],
      granularities: ["month", "quarter", "year"],
      suppression,
    }),
    ...handlers,
  );
  renderRoutes([{ path: "/raporty/*", element: <ReportingRoutes /> }], path, { signedIn: true });
  return api;
}

describe("the reporting overview", () => {
  it("shows the KPIs of the period, a suppressed value as hidden (never 0), and how current the data is", async () => {
    await render("/raporty/przeglad?okres_typ=year&okres=2026");
    const referrals = (await screen.findByText("Skierowania", { selector: "h3" })).closest(".kpi") as HTMLElement;
    await waitFor(() => expect(within(referrals).getByText("25")).toBeTruthy());
    const employment = screen.getByText("Odsetek zatrudnionych", { selector: "h3" }).closest(".kpi") as HTMLElement;
    expect(within(employment).getByLabelText("ukryte – mniej niż 5 przypadków")).toBeTruthy();
    expect(within(employment).queryByText("0")).toBeNull();
    const sla = screen.getByText("Odpowiedzi w terminie", { selector: "h3" }).closest(".kpi") as HTMLElement;
    expect(within(sla).getByText("75%")).toBeTruthy();
    expect(screen.getByTestId("as-of").textContent).toContain("Trwa wczytywanie zmian: skierowania (3)");
    // The routes chart's data is also a table for screen readers; the suppressed route says so.
    const routeTable = screen.getByRole("table", { name: /Skierowania według kierunku/ });
    expect(within(routeTable).getByRole("row", { name: /OPS → NGO/ }).textContent).toContain("ukryte");
  });

  it("draws years without data as gaps and never shows 100 % while rejections exist", async () => {
    const base = { as_of: asOf(), scope, suppression, granularity: "year" as const, filters: {} };
    await render(
      "/raporty/przeglad?okres_typ=year&okres=2026",
      on.get("reporting", "/v1/series", {
        ...base,
        measures: [],
        // 2022 is outside the data (null); 2023 and 2024 are not in the answer at all.
        points: [
          { period: "2022", values: { referrals: value(null), accepted: value(null), completed: value(null) } },
          { period: "2025", values: { referrals: value(0), accepted: value(0), completed: value(0) } },
          { period: "2026", values: { referrals: value(25), accepted: value(25), completed: value(5) } },
        ],
      }),
      on.get("reporting", "/v1/aggregate", (call: Call) => {
        const reply = aggregateReply(call);
        if (call.query.getAll("dimensions").length > 0) return reply;
        const values = reply.rows[0].values;
        if (values.acceptance_rate) values.acceptance_rate = value(0.9999);
        return reply;
      }),
    );
    const flows = await screen.findByRole("table", { name: "Skierowania w kolejnych okresach", hidden: true });
    const row = (year: string) => within(flows).getByRole("row", { name: new RegExp(year), hidden: true });
    await waitFor(() => expect(row("2026").textContent).toBe("202625255"));
    for (const year of ["2022", "2023", "2024"]) expect(row(year).textContent).toBe(`${year}———`);
    expect(row("2025").textContent).toBe("2025000");
    const acceptance = screen.getByText("Odsetek przyjętych", { selector: "h3" }).closest(".kpi") as HTMLElement;
    expect(within(acceptance).getByText(/99,9/).textContent?.replace(/\s/g, "")).toBe("99,9%");
    expect(within(acceptance).queryByText(/100/)).toBeNull();
  });

  it("drills down from a voivodeship on the map to its powiats", async () => {
    const api = await render("/raporty/przeglad?okres_typ=year&okres=2026");
    const u = userEvent.setup();
    const region = await screen.findByRole("button", { name: /^małopolskie: 25/ });
    await u.click(region);
    await screen.findByRole("heading", { name: "Powiaty – małopolskie" });
    await waitFor(() => {
      const drill = api.callsTo("GET", AGGREGATE).find((c) => c.query.get("dimensions") === "sender_powiat")?.query;
      expect(drill?.get("sender_voivodeship")).toBe("12");
    });
    expect(await screen.findByRole("img", { name: /powiat Kraków: ukryte/ })).toBeTruthy();
  });
});

describe("tables (zestawienia)", () => {
  it("explains an unpublished combination in plain Polish", async () => {
    await render("/raporty/zestawienia", on.get("reporting", "/v1/aggregate", problem(422, "unpublished_combination")));
    expect(await screen.findByText(/Tego połączenia wymiarów nie publikujemy/)).toBeTruthy();
  });

  it("downloads the table shown as CSV with the same parameters", async () => {
    vi.spyOn(URL, "createObjectURL").mockReturnValue("blob:splot-test");
    const save = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    const api = await render(
      "/raporty/zestawienia",
      on.get(
        "reporting",
        "/v1/exports/aggregate",
        raw(
          () =>
            new Response("okres;kierunek\n", {
              status: 200,
              headers: { "Content-Type": "text/csv", "Content-Disposition": 'attachment; filename="splot-2026.csv"' },
            }),
        ),
      ),
    );
    const u = userEvent.setup();
    await screen.findByRole("table", { name: /Zestawienie: 2 wierszy/ });
    await u.click(screen.getByRole("button", { name: "Pobierz CSV" }));
    await screen.findByText("Pobrano plik splot-2026.csv.");
    expect(save).toHaveBeenCalledTimes(1);
    expect((save.mock.instances[0] as HTMLAnchorElement).download).toBe("splot-2026.csv");
    const shown = api.callsTo("GET", AGGREGATE).at(-1)?.query ?? new URLSearchParams();
    const exported = api.callsTo("GET", EXPORT)[0].query;
    expect(exported.get("format")).toBe("csv");
    expect(exported.getAll("measures")).toEqual(shown.getAll("measures"));
    expect(exported.getAll("dimensions")).toEqual(["route"]);
    expect(exported.get("period_from")).toBe(shown.get("period_from"));
  });
});

describe("partners", () => {
  it("shows a coordinator their own institution's partners, with agreements and hidden small flows", async () => {
    const node = (id: string, name: string, type: string) => ({ id, name, type, powiat_code: "1219", voivodeship_code: "12" });
    const own = node("00000000-0000-4000-8000-0000000000a1", "MGOPS Wieliczka", "OPS");
    const institutionScope = { kind: "institution", territory: null, institution_id: own.id };
    const api = await render(
      "/raporty/partnerzy?okres_typ=year&okres=2026",
      on.get("reporting", "/v1/indicators/network", {
        as_of: asOf(),
        scope: institutionScope,
        suppression,
        period: "2026",
        nodes: [own],
        edges: [],
        truncated: false,
      }),
      on.get("reporting", "/v1/indicators/partners", {
        as_of: asOf(),
        scope: institutionScope,
        suppression,
        period: "2026",
        institution: own,
        partners: [
          {
            partner: node("00000000-0000-4000-8000-0000000000b1", "PUP Wieliczka", "PUP"),
            agreement_in_force: true,
            values: {
              referrals_to_partner: hidden,
              partner_acceptance_rate: hidden,
              referrals_from_partner: value(5),
              own_acceptance_rate: hidden,
              partner_referrals_sent: value(10),
              partner_referrals_received: hidden,
            },
          },
        ],
      }),
    );
    const row = (await screen.findByText("PUP Wieliczka")).closest("tr") as HTMLElement;
    expect(within(row).getByText("porozumienie")).toBeTruthy();
    expect(within(row).getAllByLabelText("ukryte – mniej niż 5 przypadków")).toHaveLength(4);
    expect(within(row).getByText("10")).toBeTruthy();
    expect(screen.getByText("Instytucja: MGOPS Wieliczka")).toBeTruthy();
    // Staff do not choose an institution: the API answers for their own.
    expect(screen.queryByRole("combobox", { name: "Instytucja" })).toBeNull();
    expect(api.callsTo("GET", "/api/reporting/v1/indicators/partners")[0].query.get("institution_id")).toBeNull();
  });
});

describe("the cooperation network", () => {
  it("links the powiat's local partnerships next to its referral flows", async () => {
    const node = (id: string, name: string, type: string) => ({ id, name, type, powiat_code: "1219", voivodeship_code: "12" });
    const summary = (id: string, name: string, area: string[], status: "in_force" | "initiative") => ({
      id,
      name,
      area_teryt: area,
      status,
      leader_institution_id: "00000000-0000-4000-8000-0000000000a1",
      party_ids: ["00000000-0000-4000-8000-0000000000a1"],
    });
    await render(
      "/raporty/siec?okres_typ=year&okres=2026&powiat=1219",
      on.get("reporting", "/v1/indicators/network", {
        as_of: asOf(),
        scope,
        suppression,
        period: "2026",
        nodes: [node("00000000-0000-4000-8000-0000000000a1", "MGOPS Wieliczka", "OPS")],
        edges: [],
        truncated: false,
      }),
      on.get("directory", "/v1/partnerships", {
        items: [
          summary("00000000-0000-4000-8000-0000000000f1", "Partnerstwo Wieliczka", ["1219"], "in_force"),
          summary("00000000-0000-4000-8000-0000000000f2", "Partnerstwo gminy Gdów", ["1219022"], "initiative"),
          summary("00000000-0000-4000-8000-0000000000f3", "Partnerstwo Kraków", ["1261"], "in_force"),
        ],
        next_cursor: null,
      }),
    );
    const section = (await screen.findByRole("heading", { level: 2, name: /^Partnerstwa lokalne/ })).closest("section") as HTMLElement;
    const links = within(section).getAllByRole("link");
    expect(links.map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["Partnerstwo Wieliczka", "/partnerstwa/00000000-0000-4000-8000-0000000000f1"],
      ["Partnerstwo gminy Gdów", "/partnerstwa/00000000-0000-4000-8000-0000000000f2"],
    ]);
    expect(within(section).getByText("obowiązuje")).toBeTruthy();
  });
});
