import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import type { ClientsSchemas } from "@/lib/api/clients";
import { on, reply } from "@/test/api";
import { consent, institution, legalBasis, me, offer, otherInstitution, OPS_ID, person, referral, serviceType } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import CreateReferralPage from "./CreateReferralPage";

const jan = person();
const NGO_ID = "4d5e6f70-0000-4000-8000-0000000000c1";
const ngo = otherInstitution({ id: NGO_ID, type: "NGO", name: "Fundacja Wspólny Krok" });
const opsOffer = offer();
const ngoOffer = offer({
  id: "0ffe0000-0000-4000-8000-000000000002",
  institution_id: NGO_ID,
  name: "Klub Integracji",
  capacity_available: null,
});
const listItem: ClientsSchemas["PersonListItem"] = {
  id: jan.id,
  first_name: "Jan",
  last_name: "Kowalski",
  birth_date: "1985-07-05",
  sex: "M",
  gmina: null,
  access_basis: "registration",
};
const programme = (code: string, name: string, active = true) => ({
  code,
  name,
  kind: "joint_activation" as const,
  funder: null,
  starts_on: null,
  ends_on: null,
  active,
  version: 1,
  updated_at: "2026-12-06T00:00:00Z",
});
const PROGRAMMES = [programme("PAI", "Program Aktywizacja i Integracja"), programme("OLD-EU", "Zakończony projekt EFS", false)];
const created = referral({ id: "c4d5e6f7-0000-4000-8000-000000000001", number: "SK-2026-PUP01-00042", person_id: jan.id });

async function renderWizard(path = "/skierowania/nowe", ...handlers: HttpHandler[]) {
  const api = await signedInAs(
    me(["caseworker"]),
    // A name search finds Jan Kowalski.
    on.get("clients", "/v1/persons", ({ query }) => ({
      items: (query.get("q") ?? "").startsWith("Kowal") ? [listItem] : [],
      next_cursor: null,
    })),
    on.get("clients", "/v1/persons/{person_id}", jan),
    on.get("clients", "/v1/persons/{person_id}/consents", { items: [consent()], next_cursor: null }),
    on.get("directory", "/v1/service-types", { items: [serviceType()] }),
    on.get("directory", "/v1/offers", { items: [opsOffer], next_cursor: null }),
    on.get("directory", "/v1/legal-bases", {
      items: [
        legalBasis(),
        legalBasis({
          code: "ups_social_assistance",
          article: "100",
          citation: "art. 100 ustawy o pomocy społecznej",
          title_pl: "Przetwarzanie danych",
        }),
      ],
    }),
    on.get("directory", "/v1/institutions/{institution_id}", ({ params }) =>
      params.institution_id === NGO_ID ? ngo : params.institution_id === OPS_ID ? otherInstitution() : institution,
    ),
    on.get("directory", "/v1/programmes", { items: PROGRAMMES }),
    on.post("referrals", "/v1/referrals", reply(created, { status: 201 })),
    ...handlers,
  );
  const rendered = renderRoutes(
    [
      { path: "/skierowania/nowe", element: <CreateReferralPage /> },
      { path: "/skierowania/:referralId", element: <p>the new referral</p> },
    ],
    path,
    { signedIn: true },
  );
  return { api, ...rendered };
}

type User = ReturnType<typeof userEvent.setup>;

const step = (n: number, title: string) => screen.findByRole("heading", { level: 2, name: `Krok ${n} z 5: ${title}` });

async function choosePerson(u: User) {
  await step(1, "Osoba");
  await u.type(screen.getByRole("textbox", { name: /Imię i nazwisko lub PESEL/ }), "Kowal");
  await u.click(await screen.findByRole("radio", { name: /Jan Kowalski/ }));
  expect(screen.getByText("Wybrano: Jan Kowalski")).toBeTruthy();
  await u.click(screen.getByRole("button", { name: "Dalej" }));
}

async function chooseService(u: User) {
  await step(2, "Usługa");
  await u.click(screen.getByRole("combobox", { name: /Rodzaj usługi/ }));
  await u.click(await screen.findByRole("option", { name: "Kontrakt socjalny", hidden: true }));
  await u.click(screen.getByRole("button", { name: "Dalej" }));
}

async function chooseOffer(u: User, name: RegExp) {
  await step(3, "Realizator");
  await u.click(await screen.findByRole("radio", { name }));
  await u.click(screen.getByRole("button", { name: "Dalej" }));
}

describe("the create-referral wizard", () => {
  it("goes through person, service, target, needs and review, and sends the referral", async () => {
    const { api, router } = await renderWizard();
    const u = userEvent.setup();
    expect(await screen.findByRole("heading", { level: 1, name: "Nowe skierowanie" })).toBeTruthy();

    // A step does not let you on without its answer.
    await step(1, "Osoba");
    await u.click(screen.getByRole("button", { name: "Dalej" }));
    expect(await screen.findByText("Wybierz osobę.")).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Wstecz" }).disabled).toBe(true);

    await choosePerson(u);
    await chooseService(u);

    // Offers of the service in the user's powiat (TERYT 1219), with their institution and free places.
    await step(3, "Realizator");
    expect(await screen.findByText("wolne miejsca: 4 z 10")).toBeTruthy();
    const search = api.callsTo("GET", "/api/directory/v1/offers")[0].query;
    expect(search.get("service_type")).toBe("social_contract");
    expect(search.get("teryt")).toBe("1219");
    expect(search.get("active")).toBe("true");
    await chooseOffer(u, /Kontrakt socjalny w MGOPS/);

    await step(4, "Potrzeby i podstawa");
    await u.click(screen.getByRole("button", { name: "Dalej" }));
    expect(await screen.findByText("Opisz potrzeby osoby.")).toBeTruthy();
    await u.click(screen.getByRole("radio", { name: "pilne" }));
    await u.type(screen.getByRole("textbox", { name: /Opis potrzeb/ }), "Wsparcie w powrocie na rynek pracy.");
    // The provisions the catalogue has for a PUP referring to this service type, searchable.
    await u.click(screen.getByRole("button", { name: "Dalej" }));
    expect(await screen.findByText("Wybierz przepis będący podstawą skierowania.")).toBeTruthy();
    const provision = screen.getByRole("combobox", { name: /Przepis/ });
    await u.type(provision, "art. 108");
    const wanted = await screen.findByRole("option", { name: /art\. 108 ustawy o pomocy społecznej — Kontrakt socjalny/, hidden: true });
    expect(screen.queryByRole("option", { name: /art\. 100/, hidden: true })).toBeNull();
    await u.click(wanted);
    const catalogue = api.callsTo("GET", "/api/directory/v1/legal-bases")[0].query;
    expect([catalogue.get("institution_type"), catalogue.get("service_type"), catalogue.get("active")]).toEqual([
      "PUP",
      "social_contract",
      "true",
    ]);
    expect(await screen.findByText("Akt: Ustawa z dnia 12 marca 2004 r. o pomocy społecznej")).toBeTruthy();
    // An optional programme of the catalogue: only active ones are offered.
    await u.click(screen.getByRole("combobox", { name: /^Program/ }));
    expect(screen.queryByRole("option", { name: /Zakończony projekt EFS/, hidden: true })).toBeNull();
    await u.click(await screen.findByRole("option", { name: "Program Aktywizacja i Integracja (PAI)", hidden: true }));
    await u.click(screen.getByRole("button", { name: "Dalej" }));

    await step(5, "Sprawdzenie");
    expect(await screen.findByText("Program Aktywizacja i Integracja")).toBeTruthy();
    expect(screen.getByText("Jan Kowalski")).toBeTruthy();
    expect(screen.getByText("Kontrakt socjalny")).toBeTruthy();
    expect(await screen.findByText(otherInstitution().name)).toBeTruthy();
    expect(screen.getByText("zadanie ustawowe: art. 108 ustawy o pomocy społecznej")).toBeTruthy();
    expect(api.callsTo("POST", "/api/referrals/v1/referrals")).toHaveLength(0);

    await u.click(screen.getByRole("button", { name: "Wyślij skierowanie" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/skierowania/${created.id}`));
    expect(api.callsTo("POST", "/api/referrals/v1/referrals")[0].json()).toEqual({
      person_id: jan.id,
      service_type_code: "social_contract",
      target_institution_id: OPS_ID,
      target_offer_id: opsOffer.id,
      priority: "urgent",
      needs_description: "Wsparcie w powrocie na rynek pracy.",
      legal_basis: { kind: "statutory", code: "ups_art108_contract" },
      programme: "PAI",
      send: true,
    });
  });

  it("asks for a confirmation before sending to an offer with no free places", async () => {
    const full = offer({ capacity_available: 0, capacity_max: 10 });
    const { api, router } = await renderWizard(
      `/skierowania/nowe?person=${jan.id}`,
      on.get("directory", "/v1/offers", { items: [full], next_cursor: null }),
      on.post(
        "referrals",
        "/v1/referrals",
        reply({ ...created, capacity_warning: { offer_id: full.id, capacity_available: 0, capacity_max: 10 } }, { status: 201 }),
      ),
    );
    const u = userEvent.setup();
    await screen.findByText("Wybrano: Jan Kowalski");
    await u.click(screen.getByRole("button", { name: "Dalej" }));
    await chooseService(u);
    expect(await screen.findByText("wolne miejsca: 0 z 10")).toBeTruthy();
    await chooseOffer(u, /Kontrakt socjalny w MGOPS/);
    await step(4, "Potrzeby i podstawa");
    await u.type(screen.getByRole("textbox", { name: /Opis potrzeb/ }), "Wsparcie.");
    await u.click(screen.getByRole("combobox", { name: /Przepis/ }));
    await u.click(await screen.findByRole("option", { name: /art\. 108/, hidden: true }));
    await u.click(screen.getByRole("button", { name: "Dalej" }));
    await step(5, "Sprawdzenie");

    await u.click(screen.getByRole("button", { name: "Wyślij skierowanie" }));
    const title = await screen.findByText("Brak wolnych miejsc w wybranej ofercie");
    const alert = title.closest<HTMLElement>('[role="alert"]');
    if (!alert) throw new Error("the confirmation is not an alert");
    expect(alert.textContent).toContain("0 z 10");
    expect(api.callsTo("POST", "/api/referrals/v1/referrals")).toHaveLength(0);
    // Back to the offers, then again: now sent anyway.
    await u.click(within(alert).getByRole("button", { name: "Wybierz inną ofertę" }));
    await step(3, "Realizator");
    await u.click(screen.getByRole("button", { name: "Dalej" }));
    await u.click(screen.getByRole("button", { name: "Dalej" }));
    await step(5, "Sprawdzenie");
    await u.click(screen.getByRole("button", { name: "Wyślij skierowanie" }));
    await u.click(await screen.findByRole("button", { name: "Wyślij mimo to" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/skierowania/${created.id}`));
    expect(api.callsTo("POST", "/api/referrals/v1/referrals")).toHaveLength(1);
  });

  it("goes back without losing the answers", async () => {
    await renderWizard();
    const u = userEvent.setup();
    await choosePerson(u);
    await step(2, "Usługa");
    await u.click(screen.getByRole("button", { name: "Wstecz" }));
    await step(1, "Osoba");
    expect(screen.getByText("Wybrano: Jan Kowalski")).toBeTruthy();
  });

  it("starts with the person of the page it was opened from", async () => {
    await renderWizard(`/skierowania/nowe?person=${jan.id}`);
    await step(1, "Osoba");
    expect(await screen.findByText("Wybrano: Jan Kowalski")).toBeTruthy();
    await userEvent.setup().click(screen.getByRole("button", { name: "Dalej" }));
    expect(await step(2, "Usługa")).toBeTruthy();
  });

  it("refers to an NGO on the person's consent", async () => {
    const { api, router } = await renderWizard(
      `/skierowania/nowe?person=${jan.id}`,
      on.get("directory", "/v1/offers", { items: [ngoOffer], next_cursor: null }),
    );
    const u = userEvent.setup();
    await screen.findByText("Wybrano: Jan Kowalski");
    await u.click(screen.getByRole("button", { name: "Dalej" }));
    await chooseService(u);
    await chooseOffer(u, /Klub Integracji/);

    await step(4, "Potrzeby i podstawa");
    expect(screen.getByText(/podstawą skierowania musi być zgoda osoby/)).toBeTruthy();
    const basis = screen.getByRole("radiogroup", { name: "Podstawa prawna" });
    expect(within(basis).getByRole<HTMLInputElement>("radio", { name: "zgoda osoby" }).checked).toBe(true);
    expect(within(basis).getByRole<HTMLInputElement>("radio", { name: "zadanie ustawowe" }).disabled).toBe(true);
    await u.type(screen.getByRole("textbox", { name: /Opis potrzeb/ }), "Zajęcia w klubie integracji.");
    await u.click(screen.getByRole("button", { name: "Dalej" }));
    expect(await screen.findByText("Wybierz zgodę osoby.")).toBeTruthy();
    await u.click(within(screen.getByRole("radiogroup", { name: "Zgoda osoby" })).getByRole("radio"));
    await u.click(screen.getByRole("button", { name: "Dalej" }));

    await step(5, "Sprawdzenie");
    expect(await screen.findByText(ngo.name)).toBeTruthy();
    await u.click(screen.getByRole("button", { name: "Wyślij skierowanie" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/skierowania/${created.id}`));
    expect(api.callsTo("POST", "/api/referrals/v1/referrals")[0].json()).toMatchObject({
      target_institution_id: NGO_ID,
      target_offer_id: ngoOffer.id,
      priority: "routine",
      legal_basis: { kind: "consent", consent_id: consent().id },
    });
    expect(api.callsTo("GET", `/api/clients/v1/persons/${jan.id}/consents`).length).toBeGreaterThan(0);
  });

  it("opened from a plan action, prefills the service type and sends the action with the referral", async () => {
    const actionId = "9a000000-0000-4000-8000-000000000003";
    const { api, router } = await renderWizard(`/skierowania/nowe?person=${jan.id}&plan_action=${actionId}&service_type=social_contract`);
    const u = userEvent.setup();
    await screen.findByText("Wybrano: Jan Kowalski");
    await u.click(screen.getByRole("button", { name: "Dalej" }));
    await step(2, "Usługa");
    // The action's service type is already chosen.
    await u.click(screen.getByRole("button", { name: "Dalej" }));
    await chooseOffer(u, /Kontrakt socjalny w MGOPS/);
    await step(4, "Potrzeby i podstawa");
    await u.type(screen.getByRole("textbox", { name: /Opis potrzeb/ }), "Wsparcie.");
    await u.click(screen.getByRole("combobox", { name: /Przepis/ }));
    await u.click(await screen.findByRole("option", { name: /art\. 108/, hidden: true }));
    await u.click(screen.getByRole("button", { name: "Dalej" }));
    await step(5, "Sprawdzenie");
    await u.click(screen.getByRole("button", { name: "Wyślij skierowanie" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/skierowania/${created.id}`));
    const body = api.callsTo("POST", "/api/referrals/v1/referrals")[0].json() as Record<string, unknown>;
    expect(body.plan_action_id).toBe(actionId);
    expect(body.service_type_code).toBe("social_contract");
  });
});
