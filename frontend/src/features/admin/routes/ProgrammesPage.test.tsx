import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import type { Programme } from "@/lib/api/programmes";
import { on, reply } from "@/test/api";
import { me } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import AdminRoutes from ".";

const PROGRAMMES = "/api/directory/v1/programmes";
const pai: Programme = {
  code: "PAI",
  name: "Program Aktywizacja i Integracja (PUP i OPS)",
  kind: "joint_activation",
  funder: "Fundusz Pracy",
  starts_on: null,
  ends_on: null,
  active: true,
  version: 1,
  updated_at: "2026-12-06T00:00:00Z",
};
const old: Programme = { ...pai, code: "OLD-EU", name: "Zakończony projekt EFS", kind: "eu_project", funder: null, active: false };

async function renderProgrammes(handlers: HttpHandler[], roles: Parameters<typeof me>[0] = ["system_admin"]) {
  const api = await signedInAs(me(roles), ...handlers);
  renderRoutes([{ path: "/administracja/*", element: <AdminRoutes /> }], "/administracja/programy", { signedIn: true });
  return api;
}

describe("the programme catalogue administration", () => {
  it("lists the catalogue with kinds and states", async () => {
    await renderProgrammes([on.get("directory", "/v1/programmes", { items: [pai, old] })]);
    expect(await screen.findByRole("heading", { level: 1, name: "Katalog programów" })).toBeTruthy();
    const table = await screen.findByRole("table", { name: "Programy w katalogu" });
    const rows = within(table).getAllByRole("row");
    expect(within(rows[1]).getByText("Program Aktywizacja i Integracja (PUP i OPS)")).toBeTruthy();
    expect(within(rows[1]).getByText("Wspólny program PUP i OPS (Aktywizacja i Integracja)")).toBeTruthy();
    expect(within(rows[1]).getByText("Aktywny")).toBeTruthy();
    expect(within(rows[2]).getByText("Wycofany")).toBeTruthy();
    expect(within(rows[2]).getByRole("button", { name: "Przywróć program Zakończony projekt EFS" })).toBeTruthy();
  });

  it("adds a programme, validating the code", async () => {
    const api = await renderProgrammes([
      on.get("directory", "/v1/programmes", { items: [pai] }),
      on.post("directory", "/v1/programmes", reply({ ...pai, code: "GMINA-2027", name: "Program gminny", kind: "local" }, { status: 201 })),
    ]);
    const u = userEvent.setup();
    await screen.findByText("Program Aktywizacja i Integracja (PUP i OPS)");
    await u.click(screen.getByRole("button", { name: "Dodaj program" }));
    const dialog = await screen.findByRole("dialog", { name: "Nowy program" });
    await u.type(within(dialog).getByRole("textbox", { name: /Kod/ }), "gmina 2027");
    await u.type(within(dialog).getByRole("textbox", { name: /Nazwa/ }), "Program gminny");
    await u.click(within(dialog).getByRole("combobox", { name: /Rodzaj/ }));
    await u.click(await screen.findByRole("option", { name: "Program lokalny", hidden: true }));
    await u.click(within(dialog).getByRole("button", { name: "Dodaj program" }));
    expect(await within(dialog).findByText("Kod: 2–32 znaki, wielkie litery, cyfry, - lub _")).toBeTruthy();
    expect(api.callsTo("POST", PROGRAMMES)).toHaveLength(0);
    const code = within(dialog).getByRole("textbox", { name: /Kod/ });
    await u.clear(code);
    await u.type(code, "GMINA-2027");
    await u.click(within(dialog).getByRole("button", { name: "Dodaj program" }));
    await waitFor(() => expect(api.callsTo("POST", PROGRAMMES)).toHaveLength(1));
    expect(api.callsTo("POST", PROGRAMMES)[0].json()).toEqual({
      code: "GMINA-2027",
      name: "Program gminny",
      kind: "local",
      funder: null,
      starts_on: null,
      ends_on: null,
      active: true,
    });
  });

  it("withdraws a programme with If-Match from its current ETag", async () => {
    const api = await renderProgrammes([
      on.get("directory", "/v1/programmes", { items: [pai] }),
      on.get("directory", "/v1/programmes/{code}", reply(pai, { headers: { ETag: '"PAI.1"' } })),
      on.patch("directory", "/v1/programmes/{code}", { ...pai, active: false, version: 2 }),
    ]);
    const u = userEvent.setup();
    await u.click(await screen.findByRole("button", { name: "Wycofaj program Program Aktywizacja i Integracja (PUP i OPS)" }));
    await waitFor(() => expect(api.callsTo("PATCH", `${PROGRAMMES}/PAI`)).toHaveLength(1));
    const call = api.callsTo("PATCH", `${PROGRAMMES}/PAI`)[0];
    expect(call.headers.get("If-Match")).toBe('"PAI.1"');
    expect(call.json()).toEqual({ active: false });
  });

  it("is a section of system administrators only", async () => {
    await renderProgrammes([on.get("directory", "/v1/users", { items: [], next_cursor: null })], ["institution_admin"]);
    expect(await screen.findByRole("navigation", { name: "Sekcje administracji" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Programy" })).toBeNull();
  });
});
