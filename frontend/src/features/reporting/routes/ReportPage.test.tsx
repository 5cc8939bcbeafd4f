import { describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { on, problem, raw } from "@/test/api";
import { me } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import type { AggregateRead } from "../api/reporting";
import ReportingRoutes from ".";

const REPORT = "/api/reporting/v1/results-report";
const suppression = { threshold: 5, sensitive_threshold: 10, rounding_base: 5, sensitive_service_types: [] };
const asOf = { generated_at: "2026-11-23T10:00:00Z", data_as_of: "2026-11-23T09:59:00Z", sources: [] };

function probe(kind: "national" | "institution"): AggregateRead {
  return {
    as_of: asOf,
    scope: { kind, territory: kind === "national" ? "" : null, institution_id: null },
    suppression,
    granularity: "year",
    measures: ["referrals"],
    dimensions: [],
    filters: {},
    rows: [],
  };
}

const round = {
  id: "0b6f6c1e-1111-4c2a-9e8f-1a2b3c4d5e6f",
  title: "Współpraca PUP–OPS 2026",
  status: "closed" as const,
  territory: "12",
  deadline: "2026-10-31",
  invited: 10,
  submitted: 8,
  response_rate: 0.8,
};

async function render(kind: "national" | "institution", ...handlers: HttpHandler[]) {
  const api = await signedInAs(
    me(kind === "national" ? ["analyst"] : ["caseworker"]),
    on.get("reporting", "/v1/aggregate", probe(kind)),
    on.get("reporting", "/v1/editions", { items: [], next_cursor: null }),
    on.get("reporting", "/v1/survey-rounds", { items: [round], next_cursor: null }),
    on.get("reporting", "/v1/practices", { items: [], next_cursor: null }),
    ...handlers,
  );
  renderRoutes([{ path: "/raporty/*", element: <ReportingRoutes /> }], "/raporty/raport", { signedIn: true });
  return api;
}

async function enabled(name: string) {
  const button = await screen.findByRole<HTMLButtonElement>("button", { name });
  await waitFor(() => expect(button.disabled).toBe(false));
}

const reportHtml = raw(
  () =>
    new Response('<!DOCTYPE html><html lang="pl"><body><h1>Monitoring współpracy</h1></body></html>', {
      status: 200,
      headers: { "Content-Type": "text/html; charset=utf-8" },
    }),
);

describe("the results report page", () => {
  it("previews the report chosen with the pickers in a sandboxed frame", async () => {
    const api = await render("national", on.get("reporting", "/v1/results-report", reportHtml));
    const u = userEvent.setup();
    expect(await screen.findByRole("heading", { name: "Raport wyników", level: 1 })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Raport wyników" })).toBeTruthy();
    await u.click(await screen.findByRole("combobox", { name: "Obszar raportu" }));
    await u.click(await screen.findByRole("option", { name: "małopolskie", hidden: true }));
    await u.type(screen.getByRole("textbox", { name: "Tytuł raportu (opcjonalnie)" }), "Małopolska");
    await u.click(screen.getByRole("combobox", { name: /Badania ankietowe/ }));
    await u.click(await screen.findByRole("option", { name: "Współpraca PUP–OPS 2026", hidden: true }));
    await u.click(screen.getByRole("button", { name: "Podgląd" }));

    const frame = await screen.findByTitle("Podgląd raportu");
    expect(frame.getAttribute("sandbox")).toBe("");
    expect(frame.getAttribute("srcdoc")).toContain("Monitoring współpracy");
    const call = api.callsTo("GET", REPORT)[0];
    expect(call.query.get("format")).toBe("html");
    expect(call.query.get("territory")).toBe("12");
    expect(call.query.get("title")).toBe("Małopolska");
    expect(call.query.getAll("round")).toEqual([round.id]);
    expect(call.query.get("from")! <= call.query.get("to")!).toBe(true);
    expect(call.headers.get("Authorization")).toMatch(/^Bearer /);
  });

  it("downloads the PDF of the same report", async () => {
    vi.spyOn(URL, "createObjectURL").mockReturnValue("blob:splot-test");
    const save = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    const api = await render(
      "national",
      on.get(
        "reporting",
        "/v1/results-report",
        raw(
          () =>
            new Response("%PDF-1.4", {
              status: 200,
              headers: {
                "Content-Type": "application/pdf",
                "Content-Disposition": 'attachment; filename="splot-raport-PL-2026-01-2026-10.pdf"',
              },
            }),
        ),
      ),
    );
    const u = userEvent.setup();
    await enabled("Pobierz PDF");
    await u.click(screen.getByRole("button", { name: "Pobierz PDF" }));
    await screen.findByText("Pobrano plik splot-raport-PL-2026-01-2026-10.pdf.");
    expect(save).toHaveBeenCalledTimes(1);
    const call = api.callsTo("GET", REPORT)[0];
    expect(call.query.get("format")).toBe("pdf");
    expect(call.query.get("territory")).toBe("");
  });

  it("explains a refused report and lets an analyst freeze it only in an edition", async () => {
    await render(
      "national",
      on.get("reporting", "/v1/results-report", problem(403, "territory_out_of_scope", { detail: "outside your scope" })),
    );
    const u = userEvent.setup();
    await enabled("Podgląd");
    await u.click(screen.getByRole("button", { name: "Podgląd" }));
    await waitFor(() => expect(document.querySelector(".error-alert")).not.toBeNull());
    expect(screen.queryByTitle("Podgląd raportu")).toBeNull();
    await u.click(screen.getByRole("button", { name: "Zamroź w wydaniu" }));
    const dialog = await screen.findByRole("dialog", { name: "Zamroź raport w wydaniu" });
    expect(await within(dialog).findByText("Brak opublikowanych wydań dla tego obszaru.")).toBeTruthy();
    expect(within(dialog).getByRole<HTMLButtonElement>("button", { name: "Zamroź" }).disabled).toBe(true);
  });

  it("tells staff who are not analysts where reports are", async () => {
    const api = await render("institution");
    expect(await screen.findByText("Raport wyników przygotowują analitycy")).toBeTruthy();
    await waitFor(() => expect(api.callsTo("GET", REPORT)).toHaveLength(0));
    expect(screen.queryByRole("button", { name: "Podgląd" })).toBeNull();
  });
});
