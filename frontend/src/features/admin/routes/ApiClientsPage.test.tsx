import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import type { ApiClient } from "@/lib/api/directory";
import { on, reply } from "@/test/api";
import { me, PUP_ID } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import AdminRoutes from ".";

const CLIENTS = "/api/directory/v1/api-clients";
const existing: ApiClient = {
  id: "9d1f0a54-0000-4000-8000-000000000001",
  client_id: "splot_abc123",
  name: "System dziedzinowy PUP",
  kind: "client",
  institution_id: PUP_ID,
  scopes: ["directory:read"],
  active: true,
  secret_rotated_at: null,
  revoked_at: null,
  last_used_at: null,
  version: 1,
  created_at: "2026-11-20T10:00:00Z",
};

async function renderClients(handlers: HttpHandler[]) {
  const api = await signedInAs(me(), ...handlers);
  renderRoutes([{ path: "/administracja/*", element: <AdminRoutes /> }], "/administracja/klienci-api", { signedIn: true });
  return api;
}

describe("API clients administration", () => {
  it("creates a client and shows its secret once, closable only after confirming it was stored", async () => {
    const created = {
      ...existing,
      id: "9d1f0a54-0000-4000-8000-000000000002",
      client_id: "splot_new999",
      name: "Nowy system",
      scopes: ["offers:write"],
      client_secret: "s3cr3t-shown-once",
    };
    const api = await renderClients([
      on.get("directory", "/v1/api-clients", { items: [existing], next_cursor: null }),
      on.post("directory", "/v1/api-clients", reply(created, { status: 201 })),
    ]);
    const u = userEvent.setup();
    await screen.findByText("System dziedzinowy PUP");
    await u.click(screen.getAllByRole("button", { name: "Dodaj klienta API" })[0]);
    let dialog = await screen.findByRole("dialog");
    await u.type(within(dialog).getByLabelText(/Nazwa systemu/), "Nowy system");
    await u.click(within(dialog).getByLabelText("Aktualizacja ofert i liczby wolnych miejsc"));
    await u.click(within(dialog).getByRole("button", { name: "Dodaj klienta API" }));

    dialog = await screen.findByRole("dialog", { name: "Sekret klienta API" });
    expect(within(dialog).getByText("Sekret jest wyświetlany tylko teraz")).toBeTruthy();
    expect(api.callsTo("POST", CLIENTS)[0].json()).toEqual({ name: "Nowy system", scopes: ["offers:write"], institution_id: PUP_ID });
    expect(within(dialog).getByLabelText<HTMLInputElement>("Sekret klienta (client_secret)").value).toBe("s3cr3t-shown-once");
    expect(within(dialog).getByLabelText<HTMLInputElement>("Identyfikator klienta (client_id)").value).toBe("splot_new999");
    expect(within(dialog).getByRole("button", { name: "Kopiuj: Sekret klienta (client_secret)" })).toBeTruthy();

    const close = within(dialog).getByRole<HTMLButtonElement>("button", { name: "Zamknij" });
    expect(close.disabled).toBe(true);
    await u.keyboard("{Escape}");
    expect(screen.getByRole("dialog", { name: "Sekret klienta API" })).toBeTruthy(); // Escape does not lose the secret
    await u.click(within(dialog).getByLabelText("Zapisałem(-am) sekret w bezpiecznym miejscu"));
    expect(close.disabled).toBe(false);
    await u.click(close);
    await waitFor(() => expect(screen.queryByText("s3cr3t-shown-once")).toBeNull());
    expect(screen.queryByDisplayValue("s3cr3t-shown-once")).toBeNull();
  });

  it("rotates a secret after confirmation and shows the new one", async () => {
    await renderClients([
      on.get("directory", "/v1/api-clients", { items: [existing], next_cursor: null }),
      on.post("directory", "/v1/api-clients/{client_id}/rotate-secret", { ...existing, client_secret: "rotated-secret" }),
    ]);
    const u = userEvent.setup();
    await u.click(await screen.findByRole("button", { name: "Nowy sekret: System dziedzinowy PUP" }));
    const confirm = await screen.findByRole("dialog");
    await u.click(within(confirm).getByRole("button", { name: "Nowy sekret" }));
    expect(await screen.findByDisplayValue("rotated-secret")).toBeTruthy();
    expect(screen.getByText(/Poprzedni sekret działa jeszcze przez okres przejściowy/)).toBeTruthy();
  });

  it("revokes only after an explicit confirmation", async () => {
    const api = await renderClients([
      on.get("directory", "/v1/api-clients", { items: [existing], next_cursor: null }),
      on.post("directory", "/v1/api-clients/{client_id}/revoke", { ...existing, revoked_at: "2026-11-23T20:00:00Z", active: false }),
    ]);
    const u = userEvent.setup();
    await u.click(await screen.findByRole("button", { name: "Unieważnij: System dziedzinowy PUP" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText(/Tej operacji nie można cofnąć/)).toBeTruthy();
    await u.click(within(dialog).getByRole("button", { name: "Anuluj" }));
    expect(api.callsTo("POST", `${CLIENTS}/${existing.id}/revoke`)).toHaveLength(0);
    await u.click(screen.getByRole("button", { name: "Unieważnij: System dziedzinowy PUP" }));
    await u.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Unieważnij" }));
    await waitFor(() => expect(api.callsTo("POST", `${CLIENTS}/${existing.id}/revoke`)).toHaveLength(1));
  });
});
