import { describe, expect, it } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { inTurn, on, problem, reply } from "@/test/api";
import { me, person } from "@/test/fixtures";
import { renderPage } from "@/test/render";
import { signedInAs } from "@/test/session";
import RegisterPage from "./RegisterPage";

function setup(...handlers: HttpHandler[]) {
  return signedInAs(me(["caseworker"]), ...handlers);
}

describe("RegisterPage", () => {
  it("validates the PESEL live and shows the birth date and sex it encodes", async () => {
    await setup();
    renderPage(<RegisterPage />);
    const pesel = await screen.findByLabelText("PESEL");
    await userEvent.type(pesel, "85070524497");
    expect(await screen.findByText(/Nieprawidłowa cyfra kontrolna/)).toBeTruthy();
    await userEvent.clear(pesel);
    await userEvent.type(pesel, "85070524498");
    expect(await screen.findByText(/Poprawny PESEL: ur\. .*1985, mężczyzna/)).toBeTruthy();
    expect(screen.queryByText(/Nieprawidłowa cyfra kontrolna/)).toBeNull();
  });

  it("shows duplicate candidates on 409 and registers anyway only with a reason of 10+ characters", async () => {
    const api = await setup(
      on.post(
        "clients",
        "/v1/persons",
        inTurn(
          problem(409, "likely_duplicate", { candidates: [{ person_id: "p-9", match: "name", score: 93 }], overridable: true }),
          reply(person({ id: "p-new", first_name: "Jan", last_name: "Kowalski" }), { status: 201 }),
        ),
      ),
    );
    const { router } = renderPage(<RegisterPage />);
    await userEvent.type(await screen.findByLabelText("PESEL"), "85070524498");
    await userEvent.type(screen.getByLabelText(/^Imię/), "Jan");
    await userEvent.type(screen.getByLabelText(/^Nazwisko/), "Kowalski");
    await userEvent.click(screen.getByRole("button", { name: "Zarejestruj" }));
    expect(await screen.findByText("Ta osoba może już być w rejestrze")).toBeTruthy();
    expect(screen.getByRole("link", { name: /imię, nazwisko i data urodzenia \(93%\)/ }).getAttribute("href")).toBe("/osoby/p-9");
    const override = screen.getByRole<HTMLButtonElement>("button", { name: "Zarejestruj mimo to" });
    await userEvent.type(screen.getByLabelText(/Uzasadnienie rejestracji/), "za krótk");
    expect(override.disabled).toBe(true);
    await userEvent.type(screen.getByLabelText(/Uzasadnienie rejestracji/), "o, inna osoba");
    expect(override.disabled).toBe(false);
    await userEvent.click(override);
    await waitFor(() => expect(router.state.location.pathname).toBe("/osoby/p-new"));
    const calls = api.callsTo("POST", "/api/clients/v1/persons");
    expect(calls[0].json()).toMatchObject({ override_reason: null });
    expect(calls[1].json()).toMatchObject({ pesel: "85070524498", override_reason: "za krótko, inna osoba" });
  });
});
