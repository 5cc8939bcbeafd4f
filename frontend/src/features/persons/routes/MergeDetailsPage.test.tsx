import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import type { ClientsSchemas } from "@/lib/api/clients";
import { inTurn, on, problem } from "@/test/api";
import { me, person, PUP_ID } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import MergeDetailsPage from "./MergeDetailsPage";

const jan = person();
const MERGED_ID = "6a1d7b4f-8e2c-4d3b-8f90-2b3c4d5e6f70";
const MERGE_ID = "7e000000-0000-4000-8000-000000000001";
const UNDO = `/api/clients/v1/persons/merges/${MERGE_ID}/undo`;

function merge(overrides: Partial<ClientsSchemas["MergeRead"]> = {}): ClientsSchemas["MergeRead"] {
  return {
    id: MERGE_ID,
    survivor_id: jan.id,
    merged_id: MERGED_ID,
    institution_id: PUP_ID,
    reason: "Ta sama osoba, zarejestrowana dwukrotnie",
    merged_at: "2026-11-23T10:00:00Z",
    taken_fields: ["phone", "email"],
    undo_until: "2026-12-23T10:00:00Z",
    undoable: true,
    undone_at: null,
    ...overrides,
  };
}

async function renderDetails(...handlers: HttpHandler[]) {
  const api = await signedInAs(me(["coordinator"]), on.get("clients", "/v1/persons/merges/{merge_id}", merge()), ...handlers);
  renderRoutes([{ path: "/osoby/:personId/scalenia/:mergeId", element: <MergeDetailsPage /> }], `/osoby/${jan.id}/scalenia/${MERGE_ID}`, {
    signedIn: true,
  });
  return api;
}

describe("a merge and its undo", () => {
  it("shows what was taken and undoes it within the window, with a reason", async () => {
    const undone = merge({ undoable: false, undone_at: "2026-11-24T09:00:00Z" });
    const api = await renderDetails(
      on.get("clients", "/v1/persons/merges/{merge_id}", inTurn(merge(), undone)),
      on.post("clients", "/v1/persons/merges/{merge_id}/undo", undone),
    );
    expect(await screen.findByRole("heading", { level: 1, name: /Scalenie z 23 lis 2026/ })).toBeTruthy();
    expect(screen.getByText("Telefon, E-mail")).toBeTruthy();
    expect(screen.getByText(/Cofnięcie możliwe do 23 gru 2026/)).toBeTruthy();
    const u = userEvent.setup();
    await u.click(screen.getByRole("button", { name: "Cofnij scalenie" }));
    const dialog = await screen.findByRole("dialog", { name: "Cofnięcie scalenia" });
    await u.click(within(dialog).getByRole("button", { name: "Cofnij scalenie" }));
    expect(await within(dialog).findByText("Podaj co najmniej 10 znaków.")).toBeTruthy();
    expect(api.callsTo("POST", UNDO)).toHaveLength(0);
    await u.click(within(dialog).getByRole("textbox", { name: /Powód cofnięcia/ }));
    await u.paste("To jednak dwie różne osoby");
    await u.click(within(dialog).getByRole("button", { name: "Cofnij scalenie" }));
    await waitFor(() => expect(api.callsTo("POST", UNDO)).toHaveLength(1));
    expect(api.callsTo("POST", UNDO)[0].json()).toEqual({ reason: "To jednak dwie różne osoby" });
    expect(await screen.findByText(/Scalenie cofnięto 24 lis 2026/)).toBeTruthy();
    expect(screen.getByRole("link", { name: MERGED_ID }).getAttribute("href")).toBe(`/osoby/${MERGED_ID}`);
  });

  it("offers no undo once the window has closed", async () => {
    await renderDetails(on.get("clients", "/v1/persons/merges/{merge_id}", merge({ undoable: false })));
    expect(await screen.findByText("Nie można już cofnąć tego scalenia.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Cofnij scalenie" })).toBeNull();
  });

  it("explains a merge it cannot show", async () => {
    await renderDetails(on.get("clients", "/v1/persons/merges/{merge_id}", problem(404, "not_found")));
    expect(await screen.findByText(/Nie znaleziono tego rekordu/)).toBeTruthy();
    expect(screen.getByText("Wróć do karty osoby").closest("a")?.getAttribute("href")).toBe(`/osoby/${jan.id}`);
  });
});
