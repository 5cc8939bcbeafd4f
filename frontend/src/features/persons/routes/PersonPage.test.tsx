import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import type { ClientsSchemas } from "@/lib/api/clients";
import type { ReferralsSchemas } from "@/lib/api/referrals";
import { inTurn, on, problem, reply } from "@/test/api";
import { consent, institution, me, otherInstitution, OPS_ID, person, PUP_ID, serviceType } from "@/test/fixtures";
import { setLanguage } from "@/lib/i18n";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import { attribute, EMPTY_PAGE } from "./caseTestData";
import PersonPage from "./PersonPage";

const jan = person();
const PERSON = `/api/clients/v1/persons/${jan.id}`;

const definitions: ClientsSchemas["AttributeDefinitionRead"][] = [
  {
    code: "education",
    label_pl: "Wykształcenie",
    label_en: "Education",
    value_type: "text",
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
    openable: true,
    ...overrides,
  };
}

/** The person's page with everything it reads; `handlers` override (the last one wins). */
async function renderPerson(...handlers: HttpHandler[]) {
  return renderPersonAs(me(["caseworker"]), ...handlers);
}

async function renderPersonAs(who: ReturnType<typeof me>, ...handlers: HttpHandler[]) {
  const api = await signedInAs(
    who,
    on.get("clients", "/v1/persons/{person_id}", jan),
    on.get("clients", "/v1/attribute-definitions", { items: definitions }),
    on.get("clients", "/v1/persons/{person_id}/consents", { items: [consent()], next_cursor: null }),
    on.get("referrals", "/v1/persons/{person_id}/referrals", { items: [], next_cursor: null }),
    on.get("clients", "/v1/persons/{person_id}/attributes", EMPTY_PAGE),
    on.get("clients", "/v1/break-glass", EMPTY_PAGE),
    on.get("clients", "/v1/persons/{person_id}/merges", EMPTY_PAGE),
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
      on.get("clients", "/v1/persons/{person_id}/attributes", { items: [attribute()], next_cursor: null }),
      on.get("referrals", "/v1/persons/{person_id}/referrals", {
        items: [
          referralItem(),
          referralItem({
            id: "a1b2c3d4-0000-4000-8000-000000000002",
            number: "SK-2026-OPS01-00002",
            status: "completed",
            party: false,
            openable: false,
          }),
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
    // A referral of a chain the institution is a party to opens; the other is only listed.
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
    await renderPerson(on.get("clients", "/v1/persons/{person_id}/attributes", { items: [attribute()], next_cursor: null }));
    const attributes = await waitFor(() => region("Dane sprawy"));
    expect(await within(attributes).findByText("Wykształcenie")).toBeTruthy();
    expect(within(attributes).queryByText("Orzeczenie o niepełnosprawności")).toBeNull();
    expect(within(attributes).queryByText("dane szczególne")).toBeNull();
    expect(within(attributes).queryByText("tak")).toBeNull();
  });

  it("marks a sensitive attribute it shows, and hides its value until revealed", async () => {
    await renderPerson(
      on.get("clients", "/v1/persons/{person_id}/attributes", {
        items: [attribute({ institution_id: OPS_ID, code: "disability", value: true, sensitive: true })],
        next_cursor: null,
      }),
    );
    const attributes = await waitFor(() => region("Dane sprawy"));
    expect(await within(attributes).findByText("Orzeczenie o niepełnosprawności")).toBeTruthy();
    expect(within(attributes).getByText("dane szczególne")).toBeTruthy();
    expect(within(attributes).getByText("ukryte")).toBeTruthy();
    expect(within(attributes).queryByText("tak")).toBeNull();
    await userEvent.setup().click(within(attributes).getByRole("button", { name: "Pokaż wartość: Orzeczenie o niepełnosprawności" }));
    expect(within(attributes).getByText("tak")).toBeTruthy();
    expect(
      within(attributes).getByRole("button", { name: "Ukryj wartość: Orzeczenie o niepełnosprawności" }).getAttribute("aria-pressed"),
    ).toBe("true");
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
    expect(within(row).getByText("skierowanie")).toBeTruthy();
    expect(within(row).queryByText("access_grant")).toBeNull();
    expect(api.callsTo("GET", `${PERSON}/access-report`)).toHaveLength(1);
  });

  it("translates the record state (defect 7: not the raw enum)", async () => {
    await renderPerson();
    const identity = await waitFor(() => region("Dane identyfikacyjne"));
    const state = within(identity).getByText("Stan rekordu").nextElementSibling as HTMLElement;
    expect(state.textContent).toBe("aktywny");
    expect(within(identity).queryByText("active")).toBeNull();
  });

  it("translates the record state in English", async () => {
    await setLanguage("en");
    await renderPerson(on.get("clients", "/v1/persons/{person_id}", person({ status: "merged" })));
    const identity = await waitFor(() => region("Identity"));
    expect((within(identity).getByText("Record state").nextElementSibling as HTMLElement).textContent).toBe("merged into another record");
  });

  it("links to the edit page, the access report and each consent's print form; a caseworker cannot merge", async () => {
    await renderPerson();
    await screen.findByRole("heading", { level: 1, name: "Jan Kowalski" });
    expect(screen.getByRole("link", { name: "Edytuj dane" }).getAttribute("href")).toBe(`/osoby/${jan.id}/edycja`);
    expect(screen.getByRole("link", { name: "Raport dostępu (art. 15 RODO)" }).getAttribute("href")).toBe(
      `/osoby/${jan.id}/raport-dostepu`,
    );
    const print = await within(region("Zgody")).findByRole("link", { name: /Drukuj formularz zgody z/ });
    expect(print.getAttribute("href")).toBe(`/osoby/${jan.id}/zgody/${consent().id}/druk`);
    expect(screen.queryByRole("link", { name: "Scal z innym rekordem" })).toBeNull();
    expect(screen.queryByRole("region", { name: "Scalenia z tym rekordem" })).toBeNull();
  });

  it("lets a coordinator of a registering institution merge (and undo merges), and lists emergency accesses to the person", async () => {
    await renderPersonAs(
      me(["coordinator"]),
      on.get("clients", "/v1/persons/{person_id}/merges", {
        items: [
          {
            id: "7e000000-0000-4000-8000-000000000001",
            survivor_id: jan.id,
            merged_id: "6a1d7b4f-8e2c-4d3b-8f90-2b3c4d5e6f70",
            institution_id: PUP_ID,
            reason: "Ta sama osoba, zarejestrowana dwukrotnie",
            merged_at: "2026-11-23T10:00:00Z",
            taken_fields: [],
            undo_until: "2026-12-23T10:00:00Z",
            undoable: true,
            undone_at: null,
          },
        ],
        next_cursor: null,
      }),
      on.get("clients", "/v1/break-glass", {
        items: [
          {
            id: "b9000000-0000-4000-8000-000000000001",
            person_id: jan.id,
            institution_id: OPS_ID,
            subject: "u-ops",
            reason: "Zagrożenie zdrowia, pilna interwencja",
            opened_at: "2026-11-22T08:00:00Z",
            expires_at: "2026-11-22T14:00:00Z",
            active: false,
          },
        ],
        next_cursor: null,
      }),
    );
    await screen.findByRole("heading", { level: 1, name: "Jan Kowalski" });
    expect(screen.getByRole("link", { name: "Scal z innym rekordem" }).getAttribute("href")).toBe(`/osoby/${jan.id}/scalanie`);
    const merges = region("Scalenia z tym rekordem");
    const open = await within(merges).findByRole("link", { name: /^Scalenie z 23 lis 2026/ });
    expect(open.getAttribute("href")).toBe(`/osoby/${jan.id}/scalenia/7e000000-0000-4000-8000-000000000001`);
    expect(within(merges).getByText(/można cofnąć do 23 gru 2026/)).toBeTruthy();
    const glass = region("Dostęp awaryjny");
    expect(await within(glass).findByText("Zagrożenie zdrowia, pilna interwencja")).toBeTruthy();
    expect(within(glass).getByText("zakończony")).toBeTruthy();
    expect(await within(glass).findByText(otherInstitution().name)).toBeTruthy();
  });

  it("offers a coordinator emergency access to a person the institution cannot see", async () => {
    await renderPersonAs(me(["coordinator"]), on.get("clients", "/v1/persons/{person_id}", problem(404, "not_found")));
    const link = await screen.findByRole("link", { name: "Poproś o dostęp awaryjny" });
    expect(link.getAttribute("href")).toBe(`/osoby/${jan.id}/dostep-awaryjny`);
  });

  it("does not offer emergency access to a caseworker", async () => {
    await renderPerson(on.get("clients", "/v1/persons/{person_id}", problem(404, "not_found")));
    await screen.findByText(/Nie znaleziono tego rekordu/);
    expect(screen.queryByRole("link", { name: "Poproś o dostęp awaryjny" })).toBeNull();
  });

  it("in emergency access shows when it ends, read-only", async () => {
    const until = new Date(Date.now() + 3 * 3600_000 + 30 * 60_000).toISOString();
    await renderPersonAs(
      me(["coordinator"]),
      on.get("clients", "/v1/persons/{person_id}", person({ access_basis: "break_glass" })),
      on.get("clients", "/v1/break-glass", {
        items: [
          {
            id: "b9000000-0000-4000-8000-000000000002",
            person_id: jan.id,
            institution_id: PUP_ID,
            subject: "u-1",
            reason: "Zagrożenie zdrowia, pilna interwencja",
            opened_at: new Date().toISOString(),
            expires_at: until,
            active: true,
          },
        ],
        next_cursor: null,
      }),
    );
    expect(await screen.findByText(/Dostęp awaryjny aktywny do .* \(pozostało 3 godz\. 30 min\)/)).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Edytuj dane" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Zarejestruj zgodę" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Dodaj dane sprawy" })).toBeNull();
    expect(await within(region("Zgody")).findByText("skierowanie")).toBeTruthy();
    expect(within(region("Zgody")).queryByRole("button", { name: "Wycofaj zgodę" })).toBeNull();
  });

  it("withdraws a consent only after confirmation, with the reason given", async () => {
    const withdrawn = consent({ state: "withdrawn", withdrawn_at: "2026-11-24T10:00:00Z", withdrawal_reason: "Na prośbę osoby" });
    const api = await renderPerson(
      on.get(
        "clients",
        "/v1/persons/{person_id}/consents",
        inTurn({ items: [consent()], next_cursor: null }, { items: [withdrawn], next_cursor: null }),
      ),
      on.post("clients", "/v1/consents/{consent_id}/withdraw", withdrawn),
    );
    const u = userEvent.setup();
    const consents = await waitFor(() => region("Zgody"));
    await u.click(await within(consents).findByRole("button", { name: "Wycofaj zgodę" }));
    const dialog = await screen.findByRole("dialog", { name: "Wycofanie zgody" });
    await u.click(within(dialog).getByRole("textbox", { name: /Powód/ }));
    await u.paste("Na prośbę osoby");
    expect(api.callsTo("POST", `/api/clients/v1/consents/${consent().id}/withdraw`)).toHaveLength(0);
    await u.click(within(dialog).getByRole("button", { name: "Wycofaj zgodę" }));
    await waitFor(() => expect(api.callsTo("POST", `/api/clients/v1/consents/${consent().id}/withdraw`)).toHaveLength(1));
    expect(api.callsTo("POST", `/api/clients/v1/consents/${consent().id}/withdraw`)[0].json()).toEqual({ reason: "Na prośbę osoby" });
    expect(await within(consents).findByText("wycofana")).toBeTruthy();
  });
});
