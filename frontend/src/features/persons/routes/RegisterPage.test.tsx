import { describe, expect, it } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { signIn } from "@/lib/auth/session";
import { json, problem, stubFetch, TOKEN_PATH, tokenReply } from "@/test/fetchStub";
import { me } from "@/test/fixtures";
import { renderPage } from "@/test/render";
import RegisterPage from "./RegisterPage";

async function setup(routes: Parameters<typeof stubFetch>[0] = {}) {
  const api = stubFetch({ [`POST ${TOKEN_PATH}`]: tokenReply("tok"), "GET /api/directory/v1/me": json(me(["caseworker"])), ...routes });
  await signIn("x@splot.example", "Splot-demo-2026");
  return api;
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
    const api = await setup({
      "POST /api/clients/v1/persons": [
        problem(409, "likely_duplicate", { candidates: [{ person_id: "p-9", match: "name", score: 93 }], overridable: true }),
        json({ id: "p-new", first_name: "Jan", last_name: "Kowalski" }, 201),
      ],
    });
    const { router } = renderPage(<RegisterPage />);
    await userEvent.type(await screen.findByLabelText("PESEL"), "85070524498");
    await userEvent.type(screen.getByLabelText(/^Imię/), "Jan");
    await userEvent.type(screen.getByLabelText(/^Nazwisko/), "Kowalski");
    await userEvent.click(screen.getByRole("button", { name: "Zarejestruj" }));
    expect(await screen.findByText("Ta osoba może już być w rejestrze")).toBeTruthy();
    expect(screen.getByRole("link", { name: /imię, nazwisko i data urodzenia \(93%\)/ }).getAttribute("href")).toBe("/osoby/p-9");
    const override = screen.getByRole("button", { name: "Zarejestruj mimo to" }) as HTMLButtonElement;
    await userEvent.type(screen.getByLabelText(/Uzasadnienie rejestracji/), "za krótk");
    expect(override.disabled).toBe(true);
    await userEvent.type(screen.getByLabelText(/Uzasadnienie rejestracji/), "o, inna osoba");
    expect(override.disabled).toBe(false);
    await userEvent.click(override);
    await waitFor(() => expect(router.state.location.pathname).toBe("/osoby/p-new"));
    const calls = api.callsTo("POST", "/api/clients/v1/persons");
    expect(JSON.parse(calls[0].body).override_reason).toBeNull();
    expect(JSON.parse(calls[1].body)).toMatchObject({ pesel: "85070524498", override_reason: "za krótko, inna osoba" });
  });
});
