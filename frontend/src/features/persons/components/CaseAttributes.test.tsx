import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { inTurn, noContent, on, problem, reply } from "@/test/api";
import { institution, me, otherInstitution, OPS_ID, person, PUP_ID } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import { setLanguage } from "@/lib/i18n";
import { attribute, definitions, EMPTY_PAGE } from "../routes/caseTestData";
import { CaseAttributes } from "./CaseAttributes";

const jan = person();
const ATTRS = `/api/clients/v1/persons/${jan.id}/attributes`;

async function renderAttributes(canWrite: boolean, ...handlers: HttpHandler[]) {
  const api = await signedInAs(
    me(["caseworker"]),
    on.get("clients", "/v1/attribute-definitions", { items: definitions }),
    on.get("clients", "/v1/persons/{person_id}/attributes", EMPTY_PAGE),
    on.get("directory", "/v1/institutions/{institution_id}", ({ params }) =>
      params.institution_id === OPS_ID ? otherInstitution() : institution,
    ),
    ...handlers,
  );
  renderRoutes([{ path: "*", element: <CaseAttributes personId={jan.id} canWrite={canWrite} /> }], "/", { signedIn: true });
  return api;
}

const u = () => userEvent.setup();

describe("case attributes", () => {
  it("shows a placeholder while loading, then says there is nothing", async () => {
    let release!: () => void;
    const loaded = new Promise<void>((resolve) => (release = resolve));
    await renderAttributes(
      true,
      on.get("clients", "/v1/persons/{person_id}/attributes", async () => {
        await loaded;
        return EMPTY_PAGE;
      }),
    );
    await waitFor(() => expect(document.querySelector("[aria-busy='true']")).toBeTruthy());
    release();
    expect(await screen.findByText("Brak danych sprawy, które możesz zobaczyć.")).toBeTruthy();
    expect(screen.getByText("Twoja instytucja nie wprowadziła jeszcze danych sprawy tej osoby.")).toBeTruthy();
  });

  it("shows an error with a retry", async () => {
    await renderAttributes(
      true,
      on.get("clients", "/v1/persons/{person_id}/attributes", inTurn(problem(500, "internal_error"), EMPTY_PAGE)),
    );
    expect(await screen.findByRole("alert")).toBeTruthy();
    await u().click(screen.getByRole("button", { name: "Spróbuj ponownie" }));
    expect(await screen.findByText("Brak danych sprawy, które możesz zobaczyć.")).toBeTruthy();
  });

  it("groups values by institution, typed by the catalogue; only your own can be changed", async () => {
    await renderAttributes(
      true,
      on.get("clients", "/v1/persons/{person_id}/attributes", {
        items: [
          attribute({ code: "education_level", value: "secondary_general" }),
          attribute({ code: "unemployed_since", value: "2026-03-01" }),
          attribute({ institution_id: OPS_ID, code: "social_contract_active", value: true }),
        ],
        next_cursor: null,
      }),
    );
    const own = (await screen.findByRole("heading", { name: `${institution.name} — Wprowadzone przez Twoją instytucję` }))
      .parentElement as HTMLElement;
    expect(within(own).getByText("średnie ogólnokształcące")).toBeTruthy();
    expect(within(own).queryByText("secondary_general")).toBeNull();
    expect(within(own).getByText("1 mar 2026")).toBeTruthy();
    expect(within(own).getByRole("button", { name: "Zmień: Poziom wykształcenia" })).toBeTruthy();
    const other = (await screen.findByRole("heading", { name: otherInstitution().name })).parentElement as HTMLElement;
    expect(within(other).getByText("tak")).toBeTruthy();
    expect(within(other).queryByRole("button", { name: /Zmień/ })).toBeNull();
    expect(within(other).getByRole("button", { name: "Historia: Zawarty kontrakt socjalny" })).toBeTruthy();
  });

  it("adds a value typed by its definition (an enum is chosen from its values), without If-Match", async () => {
    const saved = attribute({ code: "education_level", value: "higher", version: 1 });
    const api = await renderAttributes(
      true,
      on.get("clients", "/v1/persons/{person_id}/attributes", inTurn(EMPTY_PAGE, { items: [saved], next_cursor: null })),
      on.put("clients", "/v1/persons/{person_id}/attributes/{code}", reply(saved, { status: 201 })),
    );
    const user = u();
    await user.click(await screen.findByRole("button", { name: "Dodaj dane sprawy" }));
    const dialog = await screen.findByRole("dialog", { name: "Nowe dane sprawy" });
    // Only what a PUP may record and has not recorded yet: no OPS-only attribute.
    await user.click(within(dialog).getByLabelText(/Rodzaj danych/));
    expect(screen.queryByRole("option", { name: "Zawarty kontrakt socjalny", hidden: true })).toBeNull();
    await user.click(await screen.findByRole("option", { name: "Poziom wykształcenia", hidden: true }));
    await user.click(within(dialog).getByRole("button", { name: "Zapisz" }));
    expect(await within(dialog).findByText("To pole jest wymagane.")).toBeTruthy();
    await user.click(within(dialog).getByLabelText(/Wartość/));
    await user.click(await screen.findByRole("option", { name: "wyższe", hidden: true }));
    await user.click(within(dialog).getByRole("button", { name: "Zapisz" }));
    await waitFor(() => expect(api.callsTo("PUT", `${ATTRS}/education_level`)).toHaveLength(1));
    const call = api.callsTo("PUT", `${ATTRS}/education_level`)[0];
    expect(call.json()).toEqual({ value: "higher" });
    expect(call.headers.get("If-Match")).toBeNull();
    expect(await screen.findByText("wyższe")).toBeTruthy();
  });

  it("sends a whole number for an integer attribute", async () => {
    const saved = attribute({ code: "household_size", value: 4, version: 1 });
    const api = await renderAttributes(true, on.put("clients", "/v1/persons/{person_id}/attributes/{code}", reply(saved, { status: 201 })));
    const user = u();
    await user.click(await screen.findByRole("button", { name: "Dodaj dane sprawy" }));
    const dialog = await screen.findByRole("dialog", { name: "Nowe dane sprawy" });
    await user.click(within(dialog).getByLabelText(/Rodzaj danych/));
    await user.click(await screen.findByRole("option", { name: "Liczba osób w gospodarstwie domowym", hidden: true }));
    await user.type(within(dialog).getByLabelText(/Wartość/), "4");
    await user.click(within(dialog).getByRole("button", { name: "Zapisz" }));
    await waitFor(() => expect(api.callsTo("PUT", `${ATTRS}/household_size`)).toHaveLength(1));
    expect(api.callsTo("PUT", `${ATTRS}/household_size`)[0].json()).toEqual({ value: 4 });
  });

  it("changes a value with If-Match, and says so when someone else changed it first", async () => {
    const current = attribute({ code: "education", value: "średnie", version: 2 });
    const api = await renderAttributes(
      true,
      on.get("clients", "/v1/persons/{person_id}/attributes", { items: [current], next_cursor: null }),
      on.put("clients", "/v1/persons/{person_id}/attributes/{code}", problem(412, "stale_etag")),
    );
    const user = u();
    await user.click(await screen.findByRole("button", { name: "Zmień: Wykształcenie" }));
    const dialog = await screen.findByRole("dialog", { name: "Zmiana danych sprawy" });
    const input = within(dialog).getByLabelText(/Wartość/);
    expect((input as HTMLTextAreaElement).value).toBe("średnie");
    await user.clear(input);
    await user.type(input, "wyższe techniczne");
    await user.click(within(dialog).getByRole("button", { name: "Zapisz" }));
    expect(await within(dialog).findByText(/zmienił|changed/)).toBeTruthy();
    const call = api.callsTo("PUT", `${ATTRS}/education`)[0];
    expect(call.headers.get("If-Match")).toBe(`"${jan.id}.${PUP_ID}.education.2"`);
    expect(call.json()).toEqual({ value: "wyższe techniczne" });
  });

  it("removes a value after confirmation, with If-Match", async () => {
    const current = attribute({ code: "education", version: 3 });
    const api = await renderAttributes(
      true,
      on.get("clients", "/v1/persons/{person_id}/attributes", inTurn({ items: [current], next_cursor: null }, EMPTY_PAGE)),
      on.delete("clients", "/v1/persons/{person_id}/attributes/{code}", noContent()),
    );
    const user = u();
    await user.click(await screen.findByRole("button", { name: "Usuń: Wykształcenie" }));
    const dialog = await screen.findByRole("dialog", { name: "Usunięcie danych sprawy" });
    expect(within(dialog).getByText(/Usunąć „Wykształcenie”/)).toBeTruthy();
    expect(api.callsTo("DELETE", `${ATTRS}/education`)).toHaveLength(0);
    await user.click(within(dialog).getByRole("button", { name: "Usuń" }));
    await waitFor(() => expect(api.callsTo("DELETE", `${ATTRS}/education`)).toHaveLength(1));
    expect(api.callsTo("DELETE", `${ATTRS}/education`)[0].headers.get("If-Match")).toBe(`"${jan.id}.${PUP_ID}.education.3"`);
    expect(await screen.findByText("Brak danych sprawy, które możesz zobaczyć.")).toBeTruthy();
  });

  it("shows every value of an attribute its institution recorded, newest first", async () => {
    const change = (c: "recorded" | "changed" | "removed", value: string | null, at: string, by: string | null = "doradca-1") => ({
      person_id: jan.id,
      institution_id: PUP_ID,
      code: "education",
      change: c,
      value,
      sensitive: false,
      changed_by: by,
      changed_at: at,
    });
    const api = await renderAttributes(
      true,
      on.get("clients", "/v1/persons/{person_id}/attributes", { items: [attribute({ version: 3 })], next_cursor: null }),
      on.get("clients", "/v1/persons/{person_id}/attribute-history", {
        items: [
          change("changed", "wyższe", "2026-11-22T09:00:00Z"),
          change("removed", null, "2026-11-21T09:00:00Z"),
          { ...change("recorded", "zawodowe", "2026-11-21T08:00:00Z"), institution_id: OPS_ID },
          change("recorded", "średnie", "2026-11-20T10:00:00Z", null),
        ],
        next_cursor: null,
      }),
    );
    await u().click(await screen.findByRole("button", { name: "Historia: Wykształcenie" }));
    const dialog = await screen.findByRole("dialog", { name: "Historia danych sprawy" });
    await waitFor(() => expect(within(dialog).getAllByRole("row")).toHaveLength(4));
    const rows = within(dialog)
      .getAllByRole("row")
      .slice(1)
      .map((r) => [...r.querySelectorAll("td")].slice(1).map((c) => c.textContent));
    // Another institution's value of the same code is not this attribute's history.
    expect(rows).toEqual([
      ["zmieniono", "wyższe", "doradca-1"],
      ["usunięto", "—", "doradca-1"],
      ["wprowadzono", "średnie", "pracownik tej instytucji"],
    ]);
    const [call] = api.callsTo("GET", `/api/clients/v1/persons/${jan.id}/attribute-history`);
    expect(call.query.get("code")).toBe("education");
  });

  it("read-only: no add, change or remove", async () => {
    await renderAttributes(false, on.get("clients", "/v1/persons/{person_id}/attributes", { items: [attribute()], next_cursor: null }));
    expect(await screen.findByText("Masz dostęp tylko do odczytu.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Dodaj dane sprawy" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Zmień: Wykształcenie" })).toBeNull();
  });

  it("reads in English, sensitive values hidden until shown", async () => {
    await setLanguage("en");
    await renderAttributes(
      true,
      on.get("clients", "/v1/persons/{person_id}/attributes", {
        items: [attribute({ code: "disability", value: false, sensitive: true }), attribute({ code: "education_level", value: "higher" })],
        next_cursor: null,
      }),
    );
    expect(await screen.findByText("Education level")).toBeTruthy();
    expect(screen.getByText("higher")).toBeTruthy();
    expect(screen.getByText("special category")).toBeTruthy();
    expect(screen.getByText("hidden")).toBeTruthy();
    await u().click(screen.getByRole("button", { name: "Show the value: Disability certificate" }));
    expect(screen.getByText("no")).toBeTruthy();
  });
});
