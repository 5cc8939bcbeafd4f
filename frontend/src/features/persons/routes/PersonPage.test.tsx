import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import type { ClientsSchemas } from "@/lib/api/clients";
import type { ReferralsSchemas } from "@/lib/api/referrals";
import { inTurn, on, problem, reply } from "@/test/api";
import { consent, institution, me, otherInstitution, OPS_ID, person, PUP_ID, serviceType } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import PersonPage from "./PersonPage";

const jan = person();
const PERSON = `/api/clients/v1/persons/${jan.id}`;

const definitions: ClientsSchemas["AttributeDefinitionRead"][] = [
  {
    code: "education",
    label_pl: "Wykształcenie",
    label_en: "Education",
    value_type: "string",
    allowed_values: null,
    sensitive: false,
    institution_types: ["PUP"],
    active: true,
  },
  {
    code: "disability",
    label_pl: "Orzeczenie o niepełnosprawności",
    label_en: "Disability certificate",
    value_type: "boolean",
    allowed_values: null,
    sensitive: true,
    institution_types: ["OPS"],
    active: true,
  },
];

function referralItem(overrides: Partial<ReferralsSchemas["PersonReferralItem"]> = {}): ReferralsSchemas["PersonReferralItem"] {
  return {
    id: "a1b2c3d4-0000-4000-8000-000000000001",
    number: "SK-2026-PUP01-00001",
    status: "accepted",
    chain_root_id: "a1b2c3d4-0000-4000-8000-000000000001",
    parent_referral_id: null,
    sender_institution_id: PUP_ID,
    target_institution_id: OPS_ID,
    service_type_code: "social_contract",
    outcome_codes: [],
    sent_at: "2026-11-21T10:00:00Z",
    ended_at: null,
    party: true,
    ...overrides,
  };
}

/** The person's page with everything it reads; `handlers` override (the last one wins). */
async function renderPerson(...handlers: HttpHandler[]) {
  const api = await signedInAs(
    me(["caseworker"]),
    on.get("clients", "/v1/persons/{person_id}", jan),
    on.get("clients", "/v1/attribute-definitions", { items: definitions }),
    on.get("clients", "/v1/persons/{person_id}/consents", { items: [consent()], next_cursor: null }),
    on.get("referrals", "/v1/persons/{person_id}/referrals", { items: [], next_cursor: null }),
    on.get("directory", "/v1/service-types", { items: [serviceType()] }),
    on.get("directory", "/v1/institutions/{institution_id}", ({ params }) =>
      params.institution_id === OPS_ID ? otherInstitution() : institution,
    ),
    ...handlers,
  );
  renderRoutes([{ path: "/osoby/:personId", element: <PersonPage /> }], `/osoby/${jan.id}`, { signedIn: true });
  return api;
}

const region = (name: string) => screen.getByRole("region", { name });

describe("the person's page", () => {
  it("shows a placeholder while the person loads", async () => {
    let release!: () => void;
    const loaded = new Promise<void>((resolve) => (release = resolve));
    await renderPerson(
      on.get("clients", "/v1/persons/{person_id}", async () => {
        await loaded;
        return jan;
      }),
    );
    expect(await screen.findByRole("status", { name: "Wczytywanie…" })).toBeTruthy();
    expect(screen.queryByRole("heading", { level: 1 })).toBeNull();
    release();
    expect(await screen.findByRole("heading", { level: 1, name: "Jan Kowalski" })).toBeTruthy();
    expect(screen.queryByRole("status", { name: "Wczytywanie…" })).toBeNull();
  });

  it("shows identity, case data, consents and the referral history", async () => {
    const api = await renderPerson(
      on.get(
        "clients",
        "/v1/persons/{person_id}",
        person({ case_attributes: [{ institution_id: PUP_ID, values: { education: "średnie" } }] }),
      ),
      on.get("referrals", "/v1/persons/{person_id}/referrals", {
        items: [
          referralItem(),
          referralItem({ id: "a1b2c3d4-0000-4000-8000-000000000002", number: "SK-2026-OPS01-00002", status: "completed", party: false }),
        ],
        next_cursor: null,
      }),
    );
    expect(await screen.findByRole("heading", { level: 1, name: "Jan Kowalski" })).toBeTruthy();
    expect(screen.getByText("Osoba zarejestrowana w Twojej instytucji")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Nowe skierowanie" }).getAttribute("href")).toBe(`/skierowania/nowe?person=${jan.id}`);

    const identity = region("Dane identyfikacyjne");
    expect(within(identity).getByText("85070524498")).toBeTruthy();
    expect(within(identity).getByText("ul. Słoneczna 4, 32-020, Wieliczka")).toBeTruthy();
    expect(within(identity).getByText("mężczyzna")).toBeTruthy();
    expect(await within(identity).findByText(institution.name)).toBeTruthy();

    const attributes = region("Dane sprawy");
    expect(await within(attributes).findByText("Wykształcenie")).toBeTruthy();
    expect(within(attributes).getByText("średnie")).toBeTruthy();

    const consents = region("Zgody");
    expect(await within(consents).findByText("skierowanie")).toBeTruthy();
    expect(within(consents).getByText("aktywna")).toBeTruthy();
    expect(within(consents).getByRole("button", { name: "Wycofaj zgodę" })).toBeTruthy();

    const history = region("Historia skierowań");
    // A referral the institution is a party to opens; the other is only listed.
    const own = await within(history).findByRole("link", { name: "SK-2026-PUP01-00001" });
    expect(own.getAttribute("href")).toBe("/skierowania/a1b2c3d4-0000-4000-8000-000000000001");
    expect(within(history).getByText("SK-2026-OPS01-00002").closest("a")).toBeNull();
    expect(within(history).getAllByText("Kontrakt socjalny")).toHaveLength(2);
    expect(within(history).getByText("przyjęte")).toBeTruthy();
    expect(within(history).getByText("zakończone")).toBeTruthy();
    // Sender → receiver, by name.
    expect(await within(history).findAllByText(`${institution.name} → ${otherInstitution().name}`)).toHaveLength(2);

    expect(api.callsTo("GET", PERSON)[0].headers.get("Authorization")).toBe("Bearer tok");
    // The access report is read only when asked for.
    expect(api.callsTo("GET", `${PERSON}/access-report`)).toHaveLength(0);
  });

  it("explains a person it cannot show, with a retry", async () => {
    const api = await renderPerson(on.get("clients", "/v1/persons/{person_id}", inTurn(problem(404, "not_found"), jan)));
    expect(await screen.findByRole("heading", { level: 1, name: "Osoba" })).toBeTruthy();
    expect(screen.getByText(/Nie znaleziono tego rekordu/)).toBeTruthy();
    await userEvent.setup().click(screen.getByRole("button", { name: "Spróbuj ponownie" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Jan Kowalski" })).toBeTruthy();
    expect(api.callsTo("GET", PERSON)).toHaveLength(2);
  });

  it("says so when there is no history, no consent and no case data", async () => {
    await renderPerson(on.get("clients", "/v1/persons/{person_id}/consents", { items: [], next_cursor: null }));
    await screen.findByRole("heading", { level: 1, name: "Jan Kowalski" });
    expect(
      await within(region("Historia skierowań")).findByText("Brak skierowań tej osoby widocznych dla Twojej instytucji."),
    ).toBeTruthy();
    expect(await within(region("Zgody")).findByText("Brak zgód.")).toBeTruthy();
    expect(within(region("Dane sprawy")).getByText("Brak danych sprawy, które możesz zobaczyć.")).toBeTruthy();
  });

  it("shows no sensitive attribute the registry withheld", async () => {
    // Without access to special-category data the registry leaves `disability` out.
    await renderPerson(
      on.get(
        "clients",
        "/v1/persons/{person_id}",
        person({ case_attributes: [{ institution_id: PUP_ID, values: { education: "średnie" } }] }),
      ),
    );
    const attributes = await waitFor(() => region("Dane sprawy"));
    expect(await within(attributes).findByText("Wykształcenie")).toBeTruthy();
    expect(within(attributes).queryByText("Orzeczenie o niepełnosprawności")).toBeNull();
    expect(within(attributes).queryByText("dane szczególne")).toBeNull();
    expect(within(attributes).queryByText("tak")).toBeNull();
  });

  it("marks a sensitive attribute it shows", async () => {
    await renderPerson(
      on.get("clients", "/v1/persons/{person_id}", person({ case_attributes: [{ institution_id: OPS_ID, values: { disability: true } }] })),
    );
    const attributes = await waitFor(() => region("Dane sprawy"));
    expect(await within(attributes).findByText("Orzeczenie o niepełnosprawności")).toBeTruthy();
    expect(within(attributes).getByText("dane szczególne")).toBeTruthy();
    expect(within(attributes).getByText("tak")).toBeTruthy();
  });

  it("records a consent: the evidence is required, the body is what was chosen", async () => {
    const recorded = consent({ id: "c0a80101-0000-4000-8000-000000000002", recipient_institution_type: "NGO" });
    const api = await renderPerson(
      on.get(
        "clients",
        "/v1/persons/{person_id}/consents",
        inTurn({ items: [], next_cursor: null }, { items: [recorded], next_cursor: null }),
      ),
      on.post("clients", "/v1/persons/{person_id}/consents", reply(recorded, { status: 201 })),
    );
    const u = userEvent.setup();
    const consents = await waitFor(() => region("Zgody"));
    await within(consents).findByText("Brak zgód.");
    await u.click(within(consents).getByRole("button", { name: "Zarejestruj zgodę" }));
    const dialog = await screen.findByRole("dialog", { name: "Zarejestruj zgodę" });
    await u.click(within(dialog).getByRole("button", { name: "Zarejestruj zgodę" }));
    expect(await within(dialog).findByText("To pole jest wymagane.")).toBeTruthy();
    expect(api.callsTo("POST", `${PERSON}/consents`)).toHaveLength(0);

    await u.type(within(dialog).getByLabelText(/Gdzie przechowywana jest podpisana zgoda/), "Oświadczenie nr 12/2026");
    await u.click(within(dialog).getByLabelText(/Obejmuje dane szczególnej kategorii/));
    await u.click(within(dialog).getByRole("button", { name: "Zarejestruj zgodę" }));
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Zarejestruj zgodę" })).toBeNull());
    expect(api.callsTo("POST", `${PERSON}/consents`)[0].json()).toEqual({
      purpose: "referral",
      recipient_institution_type: "NGO",
      service_type_code: null,
      covers_sensitive: true,
      expires_at: null,
      evidence_reference: "Oświadczenie nr 12/2026",
    });
    expect(await within(consents).findByText("aktywna")).toBeTruthy();
  });

  it("reads the access report when asked", async () => {
    const api = await renderPerson(
      on.get("clients", "/v1/persons/{person_id}/access-report", {
        person_id: jan.id,
        generated_at: "2026-11-23T10:00:00Z",
        institutions: [
          {
            institution_id: OPS_ID,
            accesses: 3,
            first_at: "2026-11-21T10:00:00Z",
            last_at: "2026-11-22T10:00:00Z",
            legal_bases: ["access_grant"],
          },
        ],
        items: [],
        next_cursor: null,
      }),
    );
    const access = await waitFor(() => region("Kto przeglądał dane (raport dostępu)"));
    await userEvent.setup().click(within(access).getByRole("button", { name: "Pokaż raport dostępu" }));
    const row = (await within(access).findByText("3")).closest("tr") as HTMLElement;
    expect(await within(row).findByText(otherInstitution().name)).toBeTruthy();
    expect(within(row).getByText("access_grant")).toBeTruthy();
    expect(api.callsTo("GET", `${PERSON}/access-report`)).toHaveLength(1);
  });
});
