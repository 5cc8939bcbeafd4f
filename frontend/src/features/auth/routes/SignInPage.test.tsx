import { describe, expect, it } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { endSession } from "@/lib/auth/session";
import { apiRequests, inTurn, networkError, on, problem, token, mockApi } from "@/test/api";
import { me } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import SignInPage from "./SignInPage";

function renderSignIn(path = "/logowanie") {
  // Start as after the start-up check found no session.
  endSession("signed_out");
  return renderRoutes(
    [
      { path: "/logowanie", element: <SignInPage /> },
      { path: "*", element: <p>target page</p> },
    ],
    path,
  );
}

async function fillAndSubmit(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/Adres e-mail/), email);
  await user.type(screen.getByLabelText(/^Hasło/), password);
  await user.click(screen.getByRole("button", { name: "Zaloguj się" }));
  return user;
}

describe("sign-in page", () => {
  it("asks for both fields before calling the server", async () => {
    renderSignIn();
    await userEvent.setup().click(screen.getByRole("button", { name: "Zaloguj się" }));
    expect(await screen.findByText("Podaj adres e-mail")).toBeTruthy();
    expect(screen.getByText("Podaj hasło")).toBeTruthy();
    expect(apiRequests.calls).toHaveLength(0);
  });

  it("shows 'Nieprawidłowy login lub hasło' and clears the password", async () => {
    mockApi(on.post("directory", "/v1/oauth/token", problem(400, "invalid_grant")));
    renderSignIn();
    await fillAndSubmit("pup@splot.example", "wrong-password");
    const alert = await screen.findByTestId("sign-in-error");
    expect(alert.textContent).toBe("Nieprawidłowy login lub hasło.");
    expect(alert.getAttribute("role")).toBe("alert");
    expect(screen.getByLabelText<HTMLInputElement>(/^Hasło/).value).toBe("");
    expect(document.activeElement).toBe(screen.getByLabelText(/^Hasło/));
  });

  it("explains throttling (429) and network failures", async () => {
    mockApi(on.post("directory", "/v1/oauth/token", inTurn(problem(429, "too_many_attempts"), networkError())));
    renderSignIn();
    const user = await fillAndSubmit("pup@splot.example", "whatever-password");
    expect((await screen.findByTestId("sign-in-error")).textContent).toMatch(/Zbyt wiele nieudanych prób/);
    await user.type(screen.getByLabelText(/^Hasło/), "again-password");
    await user.click(screen.getByRole("button", { name: "Zaloguj się" }));
    await waitFor(() => expect(screen.getByTestId("sign-in-error").textContent).toMatch(/Brak połączenia z serwerem/));
  });

  it("signs in and goes to the page the user wanted", async () => {
    const api = mockApi(on.post("directory", "/v1/oauth/token", token("tok")), on.get("directory", "/v1/me", me()));
    const { router } = renderSignIn("/logowanie?next=%2Fadministracja%2Fuzytkownicy");
    await fillAndSubmit("pup.admin@splot.example", "Splot-demo-2026");
    await screen.findByText("target page");
    expect(router.state.location.pathname).toBe("/administracja/uzytkownicy");
    expect(api.callsTo("GET", "/api/directory/v1/me")[0].headers.get("Authorization")).toBe("Bearer tok");
  });

  it("does not follow a next= that leaves the site", async () => {
    mockApi(on.post("directory", "/v1/oauth/token", token("tok")), on.get("directory", "/v1/me", me()));
    const { router } = renderSignIn("/logowanie?next=%2F%2Fevil.example%2Fx");
    await fillAndSubmit("pup.admin@splot.example", "Splot-demo-2026");
    await screen.findByText("target page");
    expect(router.state.location.pathname).toBe("/");
  });

  it("says the session expired when it did", async () => {
    renderSignIn();
    endSession("expired");
    expect(await screen.findByText("Sesja wygasła")).toBeTruthy();
  });
});
