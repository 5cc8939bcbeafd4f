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
    await userEvent.click(await screen.findByLabelText("PESEL"));
    await userEvent.paste("85070524498");
    await userEvent.click(screen.getByLabelText(/^Imię/));
    await userEvent.paste("Jan");
    await userEvent.click(screen.getByLabelText(/^Nazwisko/));
    await userEvent.paste("Kowalski");
    await userEvent.click(screen.getByRole("button", { name: "Zarejestruj" }));
    expect(await screen.findByText("Ta osoba może już być w rejestrze")).toBeTruthy();
    expect(screen.getByRole("link", { name: /imię, nazwisko i data urodzenia \(93%\)/ }).getAttribute("href")).toBe("/osoby/p-9");
    const override = screen.getByRole<HTMLButtonElement>("button", { name: "Zarejestruj mimo to" });
    await userEvent.click(screen.getByLabelText(/Uzasadnienie rejestracji/));
    await userEvent.paste("za krótk");
    expect(override.disabled).toBe(true);
    await userEvent.click(screen.getByLabelText(/Uzasadnienie rejestracji/));
    await userEvent.paste("o, inna osoba");
    expect(override.disabled).toBe(false);
    await userEvent.click(override);
    await waitFor(() => expect(router.state.location.pathname).toBe("/osoby/p-new"));
    const calls = api.callsTo("POST", "/api/clients/v1/persons");
    expect(calls[0].json()).toMatchObject({ override_reason: null });
    expect(calls[1].json()).toMatchObject({ pesel: "85070524498", override_reason: "za krótko, inna osoba" });
  });

  it("on a hidden near-duplicate offers to ask the registering institution for access, with a reason", async () => {
    const api = await setup(
      on.post(
        "clients",
        "/v1/persons",
        problem(409, "likely_duplicate", {
          candidates: [],
          hidden_candidates: [
            { candidate_id: "tok-123456789012345678901", initials: "A. K.", birth_year: 1985, match: "name_and_birth_date" },
          ],
          overridable: true,
        }),
      ),
      on.post("clients", "/v1/access-requests", (call) =>
        reply(
          {
            id: "r-1",
            state: "pending",
            person: { id: null, initials: "A. K.", birth_year: 1985, first_name: null, last_name: null },
            requester_institution_id: "i-1",
            reason: (call.json() as { reason: string }).reason,
            created_at: "2026-12-01T10:00:00Z",
            expires_at: "2026-12-15T10:00:00Z",
            decided_at: null,
            decided_by_institution_id: null,
            decision_reason: null,
            version: 1,
          },
          { status: 201 },
        ),
      ),
    );
    renderPage(<RegisterPage />);
    await userEvent.click(await screen.findByRole("radio", { name: "Bez PESEL (dokument)" }));
    await userEvent.click(screen.getByLabelText(/^Numer dokumentu/));
    await userEvent.paste("AB123456");
    await userEvent.click(screen.getByLabelText(/^Data urodzenia/));
    await userEvent.paste("1985-03-14");
    await userEvent.click(screen.getByRole("radio", { name: "kobieta" }));
    await userEvent.click(screen.getByLabelText(/^Imię/));
    await userEvent.paste("Anna");
    await userEvent.click(screen.getByLabelText(/^Nazwisko/));
    await userEvent.paste("Kowalska");
    await userEvent.click(screen.getByLabelText(/^Ulica/));
    await userEvent.paste("ul. Długa 5");
    await userEvent.click(screen.getByLabelText(/^Kod pocztowy/));
    await userEvent.paste("32-020");
    await userEvent.click(screen.getByRole("button", { name: "Zarejestruj" }));
    expect(await screen.findByText(/Poproś o dostęp zamiast tworzyć nowy rekord/)).toBeTruthy();
    expect(screen.getByText("A. K., ur. 1985")).toBeTruthy();
    expect(api.callsTo("POST", "/api/clients/v1/persons")[0].json()).toMatchObject({
      document_number: "AB123456",
      birth_date: "1985-03-14",
      sex: "F",
      street: "ul. Długa 5",
      postal_code: "32-020",
      gmina: null,
    });
    await userEvent.click(screen.getByRole("button", { name: "Poproś o dostęp: A. K., ur. 1985" }));
    await userEvent.click(screen.getByLabelText(/^Powód prośby o dostęp/));
    await userEvent.paste("krótko");
    await userEvent.click(screen.getByRole("button", { name: "Wyślij prośbę" }));
    expect(await screen.findByText("Podaj co najmniej 10 znaków.")).toBeTruthy();
    expect(api.callsTo("POST", "/api/clients/v1/access-requests")).toHaveLength(0);
    await userEvent.click(screen.getByLabelText(/^Powód prośby o dostęp/));
    await userEvent.paste(", zgłosiła się do nas po pomoc");
    await userEvent.click(screen.getByRole("button", { name: "Wyślij prośbę" }));
    expect(await screen.findByText(/Wysłano prośbę o dostęp/)).toBeTruthy();
    expect(api.callsTo("POST", "/api/clients/v1/access-requests")[0].json()).toEqual({
      candidate_id: "tok-123456789012345678901",
      reason: "krótko, zgłosiła się do nas po pomoc",
    });
  });

  it("checks the postal code and a reachable contact channel before sending", async () => {
    const api = await setup();
    renderPage(<RegisterPage />);
    await userEvent.click(await screen.findByLabelText("PESEL"));
    await userEvent.paste("85070524498");
    await userEvent.click(screen.getByLabelText(/^Imię/));
    await userEvent.paste("Jan");
    await userEvent.click(screen.getByLabelText(/^Nazwisko/));
    await userEvent.paste("Kowalski");
    await userEvent.click(screen.getByLabelText(/^Kod pocztowy/));
    await userEvent.paste("32020");
    await userEvent.click(screen.getByRole("button", { name: "Zarejestruj" }));
    expect(await screen.findByText("Kod pocztowy w formacie 00-000.")).toBeTruthy();
    expect(api.callsTo("POST", "/api/clients/v1/persons")).toHaveLength(0);
  });
});
