import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ClientsSchemas } from "@/lib/api/clients";
import { on, reply } from "@/test/api";
import { institution, me, OPS_ID } from "@/test/fixtures";
import { renderPage } from "@/test/render";
import { signedInAs } from "@/test/session";
import AccessRequestsPage from "./AccessRequestsPage";

function request(overrides: Partial<ClientsSchemas["AccessRequestRead"]> = {}): ClientsSchemas["AccessRequestRead"] {
  return {
    id: "r-1",
    state: "pending",
    person: { id: "p-1", initials: "A. K.", birth_year: 1985, first_name: "Anna", last_name: "Kowalska" },
    requester_institution_id: OPS_ID,
    reason: "zgłosiła się po pomoc w sprawie zasiłku",
    created_at: "2026-12-01T10:00:00Z",
    expires_at: "2026-12-15T10:00:00Z",
    decided_at: null,
    decided_by_institution_id: null,
    decision_reason: null,
    version: 1,
    ...overrides,
  };
}

describe("AccessRequestsPage", () => {
  it("lists incoming requests and declines one only with a reason", async () => {
    const api = await signedInAs(
      me(["caseworker"]),
      on.get("clients", "/v1/access-requests/counts", { incoming_pending: 1, outgoing_pending: 0 }),
      on.get("clients", "/v1/access-requests", { items: [request()], next_cursor: null }),
      on.get("directory", "/v1/institutions/{institution_id}", { ...institution, id: OPS_ID, name: "MGOPS w Wieliczce" }),
      on.post("clients", "/v1/access-requests/{request_id}/decline", (call) =>
        reply(request({ state: "declined", decision_reason: (call.json() as { reason: string }).reason })),
      ),
    );
    renderPage(<AccessRequestsPage />, "/osoby/prosby-o-dostep");
    const row = (await screen.findByRole("link", { name: "Kowalska Anna" })).closest("tr")!;
    expect(await within(row).findByText("MGOPS w Wieliczce")).toBeTruthy();
    expect(within(row).getByText("oczekuje")).toBeTruthy();
    expect(api.callsTo("GET", "/api/clients/v1/access-requests")[0].query.get("box")).toBe("incoming");
    await userEvent.click(within(row).getByRole("button", { name: "Odrzuć" }));
    const dialog = await screen.findByRole("dialog");
    await userEvent.click(within(dialog).getByRole("button", { name: "Odrzuć" }));
    expect(await within(dialog).findByText("Podaj co najmniej 10 znaków.")).toBeTruthy();
    await userEvent.type(within(dialog).getByLabelText(/^Uzasadnienie odmowy/), "nie znamy tej osoby");
    await userEvent.click(within(dialog).getByRole("button", { name: "Odrzuć" }));
    await waitFor(() => expect(api.callsTo("POST", "/api/clients/v1/access-requests/r-1/decline")).toHaveLength(1));
    expect(api.callsTo("POST", "/api/clients/v1/access-requests/r-1/decline")[0].json()).toEqual({ reason: "nie znamy tej osoby" });
  });

  it("shows the institution's own requests masked until approved", async () => {
    await signedInAs(
      me(["caseworker"]),
      on.get("clients", "/v1/access-requests/counts", { incoming_pending: 0, outgoing_pending: 1 }),
      on.get("clients", "/v1/access-requests", {
        items: [request({ person: { id: null, initials: "A. K.", birth_year: 1985, first_name: null, last_name: null } })],
        next_cursor: null,
      }),
      on.get("directory", "/v1/institutions/{institution_id}", institution),
    );
    renderPage(<AccessRequestsPage />, "/osoby/prosby-o-dostep?box=outgoing&state=all");
    expect(await screen.findByText("A. K., ur. 1985")).toBeTruthy();
    expect(screen.queryByRole("link", { name: /A. K./ })).toBeNull();
    expect(screen.queryByRole("button", { name: "Zatwierdź" })).toBeNull();
  });
});
