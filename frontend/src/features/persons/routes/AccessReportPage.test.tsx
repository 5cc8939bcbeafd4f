import { describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import type { ClientsSchemas } from "@/lib/api/clients";
import { inTurn, on, problem } from "@/test/api";
import { institution, me, otherInstitution, OPS_ID, person, PUP_ID } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import { setLanguage } from "@/lib/i18n";
import AccessReportPage from "./AccessReportPage";

const jan = person();
const REPORT = `/api/clients/v1/persons/${jan.id}/access-report`;
type Report = ClientsSchemas["AccessReport"];

function report(overrides: Partial<Report> = {}): Report {
  return {
    person_id: jan.id,
    generated_at: "2026-11-23T10:00:00Z",
    institutions: [
      {
        institution_id: PUP_ID,
        accesses: 5,
        first_at: "2026-11-20T09:00:00Z",
        last_at: "2026-11-23T09:00:00Z",
        legal_bases: ["registration"],
      },
      {
        institution_id: OPS_ID,
        accesses: 1,
        first_at: "2026-11-22T10:00:00Z",
        last_at: "2026-11-22T10:00:00Z",
        legal_bases: ["statutory"],
      },
    ],
    items: [
      { occurred_at: "2026-11-22T10:00:00Z", institution_id: OPS_ID, action: "read", legal_basis: "statutory" },
      { occurred_at: "2026-11-20T09:00:00Z", institution_id: PUP_ID, action: "create", legal_basis: "registration" },
    ],
    next_cursor: null,
    ...overrides,
  };
}

async function renderReport(...handlers: HttpHandler[]) {
  const api = await signedInAs(
    me(["caseworker"]),
    on.get("clients", "/v1/persons/{person_id}", jan),
    on.get("clients", "/v1/persons/{person_id}/access-report", report()),
    on.get("directory", "/v1/institutions/{institution_id}", ({ params }) =>
      params.institution_id === OPS_ID ? otherInstitution() : institution,
    ),
    ...handlers,
  );
  renderRoutes([{ path: "/osoby/:personId/raport-dostepu", element: <AccessReportPage /> }], `/osoby/${jan.id}/raport-dostepu`, {
    signedIn: true,
  });
  return api;
}

describe("the access report (art. 15 RODO)", () => {
  it("lists the institutions and every entry, in words, and prints", async () => {
    await renderReport();
    expect(await screen.findByRole("heading", { level: 1, name: "Raport dostępu do danych osobowych" })).toBeTruthy();
    expect(await screen.findByText("Osoba: Jan Kowalski")).toBeTruthy();
    const summary = screen.getByRole("table", { name: "Podsumowanie według instytucji" });
    const ops = (await within(summary).findByText(otherInstitution().name)).closest("tr") as HTMLElement;
    expect(within(ops).getByText("zadanie ustawowe")).toBeTruthy();
    const entries = screen.getByRole("table", { name: "Wszystkie odczyty i czynności" });
    expect(within(entries).getByText("odczyt")).toBeTruthy();
    expect(within(entries).getByText("rejestracja")).toBeTruthy();
    expect(within(entries).queryByText("create")).toBeNull();
    const print = vi.fn();
    Object.defineProperty(window, "print", { configurable: true, value: print });
    await userEvent.setup().click(screen.getByRole("button", { name: "Drukuj raport" }));
    expect(print).toHaveBeenCalledOnce();
  });

  it("follows the report's pages", async () => {
    const api = await renderReport(
      on.get(
        "clients",
        "/v1/persons/{person_id}/access-report",
        inTurn(
          report({ next_cursor: "c2" }),
          report({
            items: [{ occurred_at: "2026-11-19T08:00:00Z", institution_id: PUP_ID, action: "consent_record", legal_basis: "registration" }],
          }),
        ),
      ),
    );
    expect(await screen.findByText("przyjęcie zgody")).toBeTruthy();
    const calls = api.callsTo("GET", REPORT);
    expect(calls).toHaveLength(2);
    expect(calls[1].query.get("cursor")).toBe("c2");
  });

  it("says when nothing was recorded", async () => {
    await renderReport(on.get("clients", "/v1/persons/{person_id}/access-report", report({ institutions: [], items: [] })));
    expect(await screen.findByText("Brak odnotowanych odczytów.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Drukuj raport" })).toBeNull();
  });

  it("shows an error with a retry", async () => {
    await renderReport(on.get("clients", "/v1/persons/{person_id}/access-report", inTurn(problem(500, "internal_error"), report())));
    expect(await screen.findByRole("alert")).toBeTruthy();
    await userEvent.setup().click(screen.getByRole("button", { name: "Spróbuj ponownie" }));
    expect(await screen.findByText("odczyt")).toBeTruthy();
  });

  it("reads in English", async () => {
    await setLanguage("en");
    await renderReport();
    expect(await screen.findByRole("heading", { level: 1, name: "Report of access to personal data" })).toBeTruthy();
    expect((await screen.findAllByText("statutory task")).length).toBe(2);
    expect(screen.getByRole("button", { name: "Print the report" })).toBeTruthy();
  });
});
