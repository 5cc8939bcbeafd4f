import { describe, expect, it } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { inTurn, on, problem, reply } from "@/test/api";
import { me, person } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import EditPage from "./EditPage";

const jan = person();
const URL = `/api/clients/v1/persons/${jan.id}`;

function render() {
  return renderRoutes(
    [
      { path: "/osoby/:personId/edycja", element: <EditPage /> },
      { path: "/osoby/:personId", element: <p>karta</p> },
    ],
    `/osoby/${jan.id}/edycja`,
  );
}

describe("EditPage", () => {
  it("sends only the changed fields with If-Match and offers the current version after a 412", async () => {
    const api = await signedInAs(
      me(["caseworker"]),
      on.get(
        "clients",
        "/v1/persons/{person_id}",
        inTurn(reply(jan, { headers: { ETag: `"${jan.id}.1"` } }), reply({ ...jan, version: 2 }, { headers: { ETag: `"${jan.id}.2"` } })),
      ),
      on.patch("clients", "/v1/persons/{person_id}", inTurn(problem(412, "stale_etag"), reply({ ...jan, city: "Kraków", version: 3 }))),
    );
    const { router } = render();
    const city = await screen.findByLabelText<HTMLInputElement>("Miejscowość");
    expect(city.value).toBe("Wieliczka");
    expect(screen.getByLabelText<HTMLInputElement>(/^Data urodzenia/).disabled).toBe(true);
    await userEvent.clear(city);
    await userEvent.type(city, "Kraków");
    await userEvent.click(screen.getByRole("button", { name: "Zapisz" }));
    expect(await screen.findByText("Rekord został zmieniony")).toBeTruthy();
    const [first] = api.callsTo("PATCH", URL);
    expect(first.headers.get("If-Match")).toBe(`"${jan.id}.1"`);
    expect(first.json()).toEqual({ city: "Kraków" });
    await userEvent.click(screen.getByRole("button", { name: "Wczytaj aktualną wersję" }));
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>("Miejscowość").value).toBe("Wieliczka"));
    await userEvent.clear(screen.getByLabelText("Miejscowość"));
    await userEvent.type(screen.getByLabelText("Miejscowość"), "Kraków");
    await userEvent.clear(screen.getByLabelText(/^Telefon/));
    await userEvent.click(screen.getByRole("button", { name: "Zapisz" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/osoby/${jan.id}`));
    const second = api.callsTo("PATCH", URL)[1];
    expect(second.headers.get("If-Match")).toBe(`"${jan.id}.2"`);
    expect(second.json()).toEqual({ city: "Kraków", phone: null });
  });

  it("tells an institution without a registration that it cannot change the data", async () => {
    await signedInAs(me(["caseworker"]), on.get("clients", "/v1/persons/{person_id}", { ...jan, access_basis: "access_grant" }));
    render();
    expect(await screen.findByText(/Dane osoby mogą zmieniać tylko instytucje, które ją zarejestrowały/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Zapisz" })).toBeNull();
  });
});
