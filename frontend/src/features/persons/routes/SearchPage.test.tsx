import { describe, expect, it } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { on, reply } from "@/test/api";
import { me, person } from "@/test/fixtures";
import { renderPage } from "@/test/render";
import { signedInAs } from "@/test/session";
import SearchPage from "./SearchPage";

const PESEL = "85070524498";
const counts = on.get("clients", "/v1/access-requests/counts", { incoming_pending: 2, outgoing_pending: 0 });

describe("SearchPage", () => {
  it("opens a record the institution sees and registers one it does not see, with a reason, then opens it", async () => {
    const api = await signedInAs(
      me(["caseworker"]),
      counts,
      on.post("clients", "/v1/persons/lookup", {
        items: [
          { id: "p-seen", initials: "J. K.", birth_year: 1985, visible: true },
          { id: "p-other", initials: "M. W.", birth_year: 1979, visible: false },
        ],
      }),
      on.post("clients", "/v1/persons/{person_id}/registrations", reply(person({ id: "p-other" }), { status: 201 })),
    );
    const { router } = renderPage(<SearchPage />, "/osoby");
    expect(await screen.findByRole("tab", { name: /Prośby o dostęp/ })).toBeTruthy();
    expect(await screen.findByLabelText("2 prośby czekają na decyzję")).toBeTruthy();
    await userEvent.type(screen.getByLabelText(/Nazwisko lub PESEL/), PESEL);
    await userEvent.click(screen.getByRole("button", { name: "Szukaj po PESEL" }));
    expect((await screen.findByRole("link", { name: "Otwórz kartę" })).getAttribute("href")).toBe("/osoby/p-seen");
    // Never a link to a record that would answer 404.
    expect(screen.getAllByRole("link", { name: "Otwórz kartę" })).toHaveLength(1);
    await userEvent.click(screen.getByRole("button", { name: "Zarejestruj w mojej instytucji: M. W., ur. 1979" }));
    const submit = await screen.findByRole("button", { name: "Zarejestruj i otwórz kartę" });
    await userEvent.type(screen.getByLabelText(/^Powód rejestracji/), "za mało");
    await userEvent.click(submit);
    expect(await screen.findByText("Podaj co najmniej 10 znaków.")).toBeTruthy();
    await userEvent.type(screen.getByLabelText(/^Powód rejestracji/), " — zgłosiła się po zasiłek");
    await userEvent.click(submit);
    await waitFor(() => expect(router.state.location.pathname).toBe("/osoby/p-other"));
    const [call] = api.callsTo("POST", "/api/clients/v1/persons/p-other/registrations");
    expect(call.json()).toEqual({ pesel: PESEL, reason: "za mało — zgłosiła się po zasiłek" });
  });
});
