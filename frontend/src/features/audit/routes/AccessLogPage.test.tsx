import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { notifications } from "@mantine/notifications";
import { on, problem, raw } from "@/test/api";
import { institution, me, PUP_ID } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import type { AccessLogEntry } from "../api/accessLog";
import AuditRoutes from ".";

const PERSON = "5f0c6a3e-7d1b-4c2a-9e8f-1a2b3c4d5e6f";
const LOG = "/api/clients/v1/access-log";
const EXPORT = "/api/clients/v1/access-log/export";

function entry(overrides: Partial<AccessLogEntry> = {}): AccessLogEntry {
  return {
    id: "6a1b2c3d-0000-4000-8000-000000000001",
    occurred_at: "2026-12-01T09:30:00Z",
    subject: "ngo-ewa",
    subject_kind: "user",
    institution_id: PUP_ID,
    person_id: PERSON,
    action: "read",
    resource: "GET /v1/persons/{person_id}",
    legal_basis: "access_grant",
    basis_ref: null,
    reason: null,
    request_id: "req-1",
    ...overrides,
  };
}

async function renderLog(...handlers: HttpHandler[]) {
  const api = await signedInAs(
    me(["auditor"]),
    on.get("directory", "/v1/institutions/{institution_id}", institution),
    on.get("directory", "/v1/institutions", { items: [institution], next_cursor: null }),
    ...handlers,
  );
  renderRoutes([{ path: "/audyt/*", element: <AuditRoutes /> }], "/audyt", { signedIn: true });
  await screen.findByRole("heading", { level: 1, name: "Rejestr dostępu" });
  return api;
}

afterEach(() => {
  vi.restoreAllMocks();
  notifications.clean();
});

describe("access log page", () => {
  it("shows the entries with the institution's name and the basis, and pages with the cursor", async () => {
    const api = await renderLog(
      on.get("clients", "/v1/access-log", (call) =>
        call.query.get("cursor") === "c2"
          ? {
              items: [entry({ id: "6a1b2c3d-0000-4000-8000-000000000002", subject: "pup-anna", legal_basis: "registration" })],
              next_cursor: null,
            }
          : { items: [entry({ reason: "=HYPERLINK(x) walk-in" })], next_cursor: "c2" },
      ),
    );
    const table = await screen.findByRole("table", { name: "Wpisy rejestru dostępu, od najnowszych" });
    await within(table).findByText("Powiatowy Urząd Pracy w Wieliczce");
    expect(within(table).getByText("dostęp ze skierowania")).toBeTruthy();
    expect(within(table).getByText("Uzasadnienie: =HYPERLINK(x) walk-in")).toBeTruthy();
    await userEvent.setup().click(screen.getByRole("button", { name: "Pokaż więcej" }));
    await within(table).findByText("pup-anna");
    expect(api.callsTo("GET", LOG).at(-1)?.query.get("cursor")).toBe("c2");
  });

  it("filters by person, user, basis and period, and refuses a reversed period before asking", async () => {
    const api = await renderLog(on.get("clients", "/v1/access-log", { items: [entry()], next_cursor: null }));
    const u = userEvent.setup();
    await screen.findByRole("table", { name: "Wpisy rejestru dostępu, od najnowszych" });
    await u.type(screen.getByLabelText(/Osoba \(identyfikator/), "nie-uuid");
    await u.click(screen.getByRole("button", { name: "Filtruj" }));
    expect(await screen.findByText("Wpisz identyfikator w postaci UUID.")).toBeTruthy();
    await u.clear(screen.getByLabelText(/Osoba \(identyfikator/));
    await u.type(screen.getByLabelText(/Osoba \(identyfikator/), PERSON);
    await u.type(screen.getByLabelText(/^Użytkownik/), "ngo-ewa");
    await u.type(screen.getByLabelText("Od dnia"), "2026-12-02");
    await u.type(screen.getByLabelText("Do dnia"), "2026-12-01");
    const before = api.callsTo("GET", LOG).length;
    await u.click(screen.getByRole("button", { name: "Filtruj" }));
    expect(await screen.findByText("Koniec okresu nie może być przed jego początkiem.")).toBeTruthy();
    expect(api.callsTo("GET", LOG)).toHaveLength(before);
    await u.clear(screen.getByLabelText("Do dnia"));
    await u.type(screen.getByLabelText("Do dnia"), "2026-12-31");
    await u.click(screen.getByRole("combobox", { name: "Podstawa dostępu" }));
    await u.click(await screen.findByRole("option", { name: "dostęp awaryjny", hidden: true }));
    await u.click(screen.getByRole("button", { name: "Filtruj" }));
    await waitFor(() => expect(api.callsTo("GET", LOG).length).toBeGreaterThan(before));
    const query = api.callsTo("GET", LOG).at(-1)?.query ?? new URLSearchParams();
    expect(Object.fromEntries(query)).toEqual({
      person_id: PERSON,
      subject: "ngo-ewa",
      legal_basis: "break_glass",
      since: "2026-12-02",
      until: "2026-12-31",
      limit: "50",
    });
  });

  it("exports the filtered log as XLSX and explains an export over the limit", async () => {
    vi.spyOn(URL, "createObjectURL").mockReturnValue("blob:splot-test");
    const save = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    let calls = 0;
    const api = await renderLog(
      on.get("clients", "/v1/access-log", { items: [entry()], next_cursor: null }),
      on.get("clients", "/v1/access-log/export", () => {
        calls += 1;
        return calls === 1
          ? raw(
              () =>
                new Response(new Uint8Array([80, 75]), {
                  status: 200,
                  headers: { "Content-Disposition": 'attachment; filename="splot-rejestr-dostepu-20261205-1000.xlsx"' },
                }),
            )
          : problem(422, "export_too_large", { matching: 60000, max_rows: 50000 });
      }),
    );
    const u = userEvent.setup();
    await u.type(screen.getByLabelText(/^Użytkownik/), "ngo-ewa");
    await u.click(screen.getByRole("button", { name: "Filtruj" }));
    await waitFor(() => expect(api.callsTo("GET", LOG).at(-1)?.query.get("subject")).toBe("ngo-ewa"));
    await u.click(screen.getByRole("button", { name: "Eksportuj XLSX" }));
    await screen.findByText("Pobrano plik splot-rejestr-dostepu-20261205-1000.xlsx.");
    expect(save).toHaveBeenCalledTimes(1);
    const exported = api.callsTo("GET", EXPORT)[0].query;
    expect(exported.get("format")).toBe("xlsx");
    expect(exported.get("subject")).toBe("ngo-ewa");
    await u.click(screen.getByRole("button", { name: "Eksportuj CSV" }));
    expect(await screen.findByText(/Filtrom odpowiada 60000 wpisów, a eksport obejmuje najwyżej 50000/)).toBeTruthy();
  });
});
