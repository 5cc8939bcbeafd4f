import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import type { ClientsSchemas } from "@/lib/api/clients";
import { on, problem, reply } from "@/test/api";
import { me, person, PUP_ID } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import { setLanguage } from "@/lib/i18n";
import MergePage from "./MergePage";

const jan = person();
const dup = person({
  id: "6a1d7b4f-8e2c-4d3b-8f90-2b3c4d5e6f70",
  pesel: "85070524498",
  first_name: "Janek",
  phone: "+48 600 999 888",
  street: null,
  email: "jan@example.pl",
});
const MERGES = "/api/clients/v1/persons/merges";

function merge(overrides: Partial<ClientsSchemas["MergeRead"]> = {}): ClientsSchemas["MergeRead"] {
  return {
    id: "7e000000-0000-4000-8000-000000000001",
    survivor_id: jan.id,
    merged_id: dup.id,
    institution_id: PUP_ID,
    reason: "Ta sama osoba, zarejestrowana dwukrotnie",
    merged_at: "2026-11-23T10:00:00Z",
    taken_fields: ["phone"],
    undo_until: "2026-12-23T10:00:00Z",
    undoable: true,
    undone_at: null,
    ...overrides,
  };
}

async function renderMerge(roles: Parameters<typeof me>[0], ...handlers: HttpHandler[]) {
  const api = await signedInAs(
    me(roles),
    on.get("clients", "/v1/persons/{person_id}", ({ params }) => (params.person_id === dup.id ? dup : jan)),
    on.get("clients", "/v1/persons", {
      items: [jan, dup].map((p) => ({
        id: p.id,
        first_name: p.first_name,
        last_name: p.last_name,
        birth_date: p.birth_date,
        sex: p.sex,
        gmina: p.gmina,
        access_basis: "registration",
      })),
      next_cursor: null,
    }),
    ...handlers,
  );
  const result = renderRoutes(
    [
      { path: "/osoby/:personId/scalanie", element: <MergePage /> },
      { path: "/osoby/:personId/scalenia/:mergeId", element: <p>merge page</p> },
    ],
    `/osoby/${jan.id}/scalanie`,
    { signedIn: true },
  );
  return { api, router: result.router };
}

async function pickDuplicate() {
  const u = userEvent.setup();
  await u.type(await screen.findByRole("textbox", { name: /Znajdź drugi rekord/ }), "Kowal");
  // The record itself is not offered.
  await u.click(await screen.findByRole("button", { name: "Wybierz: Janek Kowalski" }));
  expect(screen.queryByRole("button", { name: "Wybierz: Jan Kowalski" })).toBeNull();
  return u;
}

describe("merging records", () => {
  it("compares both records side by side and sends the fields chosen from the other record", async () => {
    const { api, router } = await renderMerge(
      ["coordinator"],
      on.post("clients", "/v1/persons/merges", reply({ merge: merge(), survivor: { ...jan, phone: dup.phone } }, { status: 201 })),
    );
    const u = await pickDuplicate();
    const table = await screen.findByRole("table");
    const phoneRow = within(table).getByRole("rowheader", { name: "Telefon" }).closest("tr") as HTMLElement;
    expect(within(phoneRow).getByText("+48 600 100 200")).toBeTruthy();
    expect(within(phoneRow).getByText("+48 600 999 888")).toBeTruthy();
    // A PESEL is never replaced; an empty value cannot be taken.
    const peselRow = within(table).getByRole("rowheader", { name: "PESEL" }).closest("tr") as HTMLElement;
    expect(within(peselRow).queryByRole("radio")).toBeNull();
    const streetRow = within(table).getByRole("rowheader", { name: "Ulica" }).closest("tr") as HTMLElement;
    expect(within(streetRow).queryByRole("radio")).toBeNull();

    const phoneChoice = within(table).getByRole("radiogroup", { name: "Wartość pola: Telefon" });
    expect(within(phoneChoice).getByRole<HTMLInputElement>("radio", { name: "z tego rekordu" }).checked).toBe(true);
    await u.click(within(phoneChoice).getByRole("radio", { name: "z drugiego rekordu" }));
    await u.click(
      within(within(table).getByRole("radiogroup", { name: "Wartość pola: E-mail" })).getByRole("radio", { name: "z drugiego rekordu" }),
    );

    await u.click(screen.getByRole("button", { name: "Scal rekordy" }));
    expect(await screen.findByText("Podaj co najmniej 10 znaków.")).toBeTruthy();
    await u.click(screen.getByRole("textbox", { name: /Powód scalenia/ }));
    await u.paste("Ta sama osoba, zarejestrowana dwukrotnie");
    await u.click(screen.getByRole("button", { name: "Scal rekordy" }));
    const dialog = await screen.findByRole("dialog", { name: "Potwierdź scalenie" });
    expect(within(dialog).getByText(/Z drugiego rekordu przejmiemy: Telefon, E-mail/)).toBeTruthy();
    expect(api.callsTo("POST", MERGES)).toHaveLength(0);
    await u.click(within(dialog).getByRole("button", { name: "Scal rekordy" }));
    await waitFor(() => expect(api.callsTo("POST", MERGES)).toHaveLength(1));
    expect(api.callsTo("POST", MERGES)[0].json()).toEqual({
      survivor_id: jan.id,
      merged_id: dup.id,
      reason: "Ta sama osoba, zarejestrowana dwukrotnie",
      take_from_merged: ["phone", "email"],
    });
    await waitFor(() => expect(router.state.location.pathname).toBe(`/osoby/${jan.id}/scalenia/${merge().id}`));
  });

  it("shows the registry's refusal in the confirmation", async () => {
    const { api } = await renderMerge(["coordinator"], on.post("clients", "/v1/persons/merges", problem(403, "forbidden")));
    const u = await pickDuplicate();
    await u.click(await screen.findByRole("textbox", { name: /Powód scalenia/ }));
    await u.paste("Ta sama osoba, zarejestrowana dwukrotnie");
    await u.click(screen.getByRole("button", { name: "Scal rekordy" }));
    const dialog = await screen.findByRole("dialog", { name: "Potwierdź scalenie" });
    expect(within(dialog).getByText(/przejmiemy: żadnych pól/)).toBeTruthy();
    await u.click(within(dialog).getByRole("button", { name: "Scal rekordy" }));
    expect(await within(dialog).findByRole("alert")).toBeTruthy();
    expect(api.callsTo("POST", MERGES)[0].json()).toMatchObject({ take_from_merged: [] });
  });

  it("says when the search finds no other record", async () => {
    await renderMerge(["coordinator"], on.get("clients", "/v1/persons", { items: [], next_cursor: null }));
    await userEvent.setup().type(await screen.findByRole("textbox", { name: /Znajdź drugi rekord/ }), "Nowak");
    expect(await screen.findByText("Nie znaleziono innych rekordów.")).toBeTruthy();
  });

  it("is for coordinators only", async () => {
    await renderMerge(["caseworker"]);
    expect(await screen.findByText("Brak dostępu")).toBeTruthy();
    expect(screen.queryByRole("textbox", { name: /Znajdź drugi rekord/ })).toBeNull();
  });

  it("reads in English", async () => {
    await setLanguage("en");
    await renderMerge(["coordinator"]);
    const u = userEvent.setup();
    await u.type(await screen.findByRole("textbox", { name: /Find the other record/ }), "Kowal");
    await u.click(await screen.findByRole("button", { name: "Choose: Janek Kowalski" }));
    expect(await screen.findByRole("columnheader", { name: "Other record (merged into this one)" })).toBeTruthy();
  });
});
