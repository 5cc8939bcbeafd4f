import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { inTurn, on, problem, reply } from "@/test/api";
import { institution, legalBasis, me, otherInstitution, person, serviceType } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import CaseworkRoutes from ".";
import { ACTION_ID, diagnosis, DIAGNOSIS_ID, OPS_ID, PERSON_ID, PLAN_TYPES, PROBLEM_AREAS, PUP_ID } from "./testData";

/** The catalogues and names every casework screen reads. */
function referenceHandlers(): HttpHandler[] {
  return [
    on.get("clients", "/v1/problem-areas", { items: PROBLEM_AREAS }),
    on.get("clients", "/v1/plan-types", { items: PLAN_TYPES }),
    on.get("directory", "/v1/legal-bases", {
      items: [legalBasis({ code: "ups_art_108", citation: "art. 108 ustawy o pomocy społecznej" })],
    }),
    on.get("directory", "/v1/service-types", { items: [serviceType()] }),
    on.get("directory", "/v1/institutions/{institution_id}", ({ params }) =>
      params.institution_id === OPS_ID ? otherInstitution() : institution,
    ),
    on.get("directory", "/v1/institutions", { items: [institution, otherInstitution()], next_cursor: null }),
    on.get("clients", "/v1/persons/{person_id}", person()),
  ];
}

const PATH = `/plany/osoba/${PERSON_ID}`;
const DIAG = `/api/clients/v1/diagnoses/${DIAGNOSIS_ID}`;
const conference = {
  id: "9a000000-0000-4000-8000-0000000000c1",
  person_id: PERSON_ID,
  organiser_institution_id: PUP_ID,
  held_on: "2026-11-10",
  person_present: true,
  participants: [
    { institution_id: PUP_ID, staff: ["Anna Doradczyni"] },
    { institution_id: OPS_ID, staff: ["Ewa Socjalna"] },
  ],
  decisions: "Wspólny plan, szkolenie i poradnictwo",
  action_ids: [ACTION_ID],
  created_at: "2026-11-10T12:00:00Z",
};

async function renderPage(...handlers: HttpHandler[]) {
  const api = await signedInAs(
    me(["caseworker"]),
    ...referenceHandlers(),
    on.get("clients", "/v1/persons/{person_id}/plans", { items: [], next_cursor: null }),
    on.get("clients", "/v1/persons/{person_id}/diagnoses", { items: [diagnosis()], next_cursor: null }),
    on.get("clients", "/v1/persons/{person_id}/lead-worker", { person_id: PERSON_ID, current: null, history: [], version: 0 }),
    on.get("clients", "/v1/persons/{person_id}/case-conferences", { items: [conference], next_cursor: null }),
    ...handlers,
  );
  renderRoutes([{ path: "/plany/*", element: <CaseworkRoutes /> }], PATH, { signedIn: true });
  return api;
}

const card = () => screen.findByRole("article", { name: /Diagnoza z/ });
const dialog = (name: string) => screen.findByRole("dialog", { name });

describe("diagnoses", () => {
  it("shows the timeline: areas with sensitive ones hidden until revealed, strengths, view, conclusion, contributors", async () => {
    await renderPage();
    const c = await card();
    expect(await within(c).findByText("Bezrobocie")).toBeTruthy();
    expect(within(c).queryByText("Uzależnienie")).toBeNull();
    expect(within(c).getByText("1 obszar z danymi wrażliwymi jest dla Ciebie niedostępny.")).toBeTruthy();
    await userEvent.click(within(c).getByRole("button", { name: "Pokaż 1 obszar z danymi wrażliwymi" }));
    expect(within(c).getByText("Uzależnienie")).toBeTruthy();
    expect(within(c).getByText("dane wrażliwe")).toBeTruthy();
    expect(within(c).getByText("Prawo jazdy kat. B")).toBeTruthy();
    expect(within(c).getByText("Chce pracować w pobliżu domu")).toBeTruthy();
    expect(within(c).getByText("Potrzebne szkolenie")).toBeTruthy();
    expect(within(c).getByText("wspólna")).toBeTruthy();
    expect(within(c).getByText("projekt")).toBeTruthy();
    expect(await within(c).findByText(/nie podpisano/)).toBeTruthy();
    expect(within(c).getByText("Zadłużenie czynszowe")).toBeTruthy();
  });

  it("creates a diagnosis", async () => {
    const api = await renderPage(
      on.get("clients", "/v1/persons/{person_id}/diagnoses", { items: [], next_cursor: null }),
      on.post("clients", "/v1/persons/{person_id}/diagnoses", reply(diagnosis(), { status: 201 })),
    );
    expect(await screen.findByText("Nie ma jeszcze diagnozy sytuacji tej osoby.")).toBeTruthy();
    const u = userEvent.setup();
    await u.click(screen.getByRole("button", { name: "Nowa diagnoza" }));
    const box = await dialog("Nowa diagnoza");
    await u.clear(within(box).getByLabelText(/Data diagnozy/));
    await u.type(within(box).getByLabelText(/Data diagnozy/), "2026-12-01");
    await u.click(within(box).getByRole("checkbox", { name: /Diagnoza wspólna/ }));
    await u.click(within(box).getByRole("combobox", { name: "Obszary problemowe" }));
    await u.click(await screen.findByRole("option", { name: "Bezrobocie", hidden: true }));
    await u.type(within(box).getByRole("textbox", { name: "Mocne strony i zasoby" }), "Doświadczenie w handlu");
    await u.click(within(box).getByRole("button", { name: "Zapisz" }));
    await waitFor(() => expect(api.callsTo("POST", `/api/clients/v1/persons/${PERSON_ID}/diagnoses`)).toHaveLength(1));
    expect(api.callsTo("POST", `/api/clients/v1/persons/${PERSON_ID}/diagnoses`)[0].json()).toEqual({
      diagnosed_on: "2026-12-01",
      joint: true,
      areas: [{ code: "unemployment", note: null, sensitive: false }],
      strengths: "Doświadczenie w handlu",
      person_view: null,
      conclusion: null,
    });
  });

  it("edits the owner's draft with If-Match (keeping the areas' notes) and says when someone changed it", async () => {
    const api = await renderPage(
      on.patch("clients", "/v1/diagnoses/{diagnosis_id}", inTurn(problem(412, "stale_etag"), diagnosis({ version: 3 }))),
    );
    const u = userEvent.setup();
    await u.click(within(await card()).getByRole("button", { name: "Edytuj diagnozę" }));
    const box = await dialog("Edytuj diagnozę");
    const conclusion = within(box).getByRole("textbox", { name: "Wnioski" });
    await u.clear(conclusion);
    await u.type(conclusion, "Szkolenie i poradnictwo");
    await u.click(within(box).getByRole("button", { name: "Zapisz" }));
    expect(await within(box).findByRole("alert")).toBeTruthy();
    const call = api.callsTo("PATCH", DIAG)[0];
    expect(call.headers.get("If-Match")).toBe(`"diagnosis.${DIAGNOSIS_ID}.2"`);
    expect(call.json()).toMatchObject({
      conclusion: "Szkolenie i poradnictwo",
      areas: [
        { code: "unemployment", note: "Od 2 lat bez pracy", sensitive: false },
        { code: "addiction", note: "Terapia w toku", sensitive: true },
      ],
    });
  });

  it("signs off and invites a contributor", async () => {
    const api = await renderPage(
      on.post("clients", "/v1/diagnoses/{diagnosis_id}/sign-off", diagnosis({ version: 3 })),
      on.post("clients", "/v1/diagnoses/{diagnosis_id}/contributors", diagnosis({ version: 3 })),
      on.get("directory", "/v1/institutions", {
        items: [
          { ...(await import("@/test/fixtures")).otherInstitution({ id: "4d5e6f70-0000-4000-8000-0000000000c1", name: "Fundacja Krok" }) },
        ],
        next_cursor: null,
      }),
    );
    const u = userEvent.setup();
    await u.click(within(await card()).getByRole("button", { name: "Podpisz" }));
    await waitFor(() => expect(api.callsTo("POST", `${DIAG}/sign-off`)).toHaveLength(1));
    expect(api.callsTo("POST", `${DIAG}/sign-off`)[0].headers.get("If-Match")).toBe(`"diagnosis.${DIAGNOSIS_ID}.2"`);

    await u.click(within(await card()).getByRole("button", { name: "Zaproś instytucję" }));
    const box = await dialog("Zaproś instytucję");
    await u.click(within(box).getByRole("combobox", { name: "Instytucja" }));
    await u.click(await screen.findByRole("option", { name: "Fundacja Krok", hidden: true }));
    await u.click(within(box).getByRole("button", { name: "Zaproś instytucję" }));
    await waitFor(() => expect(api.callsTo("POST", `${DIAG}/contributors`)).toHaveLength(1));
    expect(api.callsTo("POST", `${DIAG}/contributors`)[0].json()).toEqual({ institution_id: "4d5e6f70-0000-4000-8000-0000000000c1" });
  });

  it("a contributor writes and signs its part but does not edit the owner's", async () => {
    const api = await renderPage(
      on.put("clients", "/v1/diagnoses/{diagnosis_id}/contribution", diagnosis({ version: 3 })),
      on.get("clients", "/v1/persons/{person_id}/diagnoses", {
        items: [
          diagnosis({
            owner_institution_id: OPS_ID,
            contributors: [{ institution_id: PUP_ID, invited_at: "2026-10-20T10:00:00Z", section: null, signed_at: null }],
          }),
        ],
        next_cursor: null,
      }),
    );
    const c = await card();
    expect(within(c).getByRole("button", { name: "Podpisz" })).toBeTruthy();
    expect(within(c).queryByRole("button", { name: "Edytuj diagnozę" })).toBeNull();
    const u = userEvent.setup();
    await u.click(within(c).getByRole("button", { name: "Część mojej instytucji" }));
    const box = await dialog("Część mojej instytucji");
    await u.type(within(box).getByRole("textbox", { name: "Ustalenia mojej instytucji" }), "Brak kwalifikacji");
    await u.click(within(box).getByRole("button", { name: "Zapisz" }));
    await waitFor(() => expect(api.callsTo("PUT", `${DIAG}/contribution`)).toHaveLength(1));
    const call = api.callsTo("PUT", `${DIAG}/contribution`)[0];
    expect(call.headers.get("If-Match")).toBe(`"diagnosis.${DIAGNOSIS_ID}.2"`);
    // The areas recorded by this institution stay (with their notes).
    expect(call.json()).toEqual({
      section: "Brak kwalifikacji",
      areas: [
        { code: "unemployment", note: "Od 2 lat bez pracy", sensitive: false },
        { code: "addiction", note: "Terapia w toku", sensitive: true },
      ],
    });
  });

  it("shows the 403 of a sign-off to the user", async () => {
    await renderPage(on.post("clients", "/v1/diagnoses/{diagnosis_id}/sign-off", problem(403, "forbidden")));
    const c = await card();
    await userEvent.click(within(c).getByRole("button", { name: "Podpisz" }));
    expect(await within(c).findByRole("alert")).toBeTruthy();
  });
});

describe("case conferences", () => {
  it("lists the conferences with participants, presence, decisions and actions created", async () => {
    await renderPage();
    const c = await screen.findByRole("article", { name: /Konferencja z/ });
    expect(within(c).getByText(/osoba obecna/)).toBeTruthy();
    expect(await within(c).findByText(/Ewa Socjalna/)).toBeTruthy();
    expect(within(c).getByText(/Wspólny plan, szkolenie i poradnictwo/)).toBeTruthy();
    expect(within(c).getByText("Ustalono 1 działanie")).toBeTruthy();
  });

  it("records a conference: date, institutions with their staff, presence, decisions", async () => {
    const api = await renderPage(on.post("clients", "/v1/persons/{person_id}/case-conferences", reply(conference, { status: 201 })));
    const u = userEvent.setup();
    await u.click(await screen.findByRole("button", { name: "Zapisz konferencję przypadku" }));
    const box = await dialog("Zapisz konferencję przypadku");
    await u.clear(within(box).getByLabelText(/Data konferencji/));
    await u.type(within(box).getByLabelText(/Data konferencji/), "2026-11-10");
    await u.click(within(box).getByRole("combobox", { name: /Instytucje uczestniczące/ }));
    await u.click(await screen.findByRole("option", { name: /Miejsko-Gminny/, hidden: true }));
    await u.type(await within(box).findByLabelText(/Pracownicy: Miejsko-Gminny/), "Ewa Socjalna{enter}");
    await u.click(within(box).getByRole("checkbox", { name: "Osoba uczestniczyła w konferencji" }));
    await u.type(within(box).getByRole("textbox", { name: "Ustalenia" }), "Wspólny plan");
    await u.click(within(box).getByRole("button", { name: "Zapisz" }));
    await waitFor(() => expect(api.callsTo("POST", `/api/clients/v1/persons/${PERSON_ID}/case-conferences`)).toHaveLength(1));
    expect(api.callsTo("POST", `/api/clients/v1/persons/${PERSON_ID}/case-conferences`)[0].json()).toEqual({
      held_on: "2026-11-10",
      person_present: true,
      participants: [
        { institution_id: PUP_ID, staff: [] },
        { institution_id: OPS_ID, staff: ["Ewa Socjalna"] },
      ],
      decisions: "Wspólny plan",
    });
  });

  it("shows the API's refusal", async () => {
    await renderPage(on.post("clients", "/v1/persons/{person_id}/case-conferences", problem(422, "validation_error")));
    const u = userEvent.setup();
    await u.click(await screen.findByRole("button", { name: "Zapisz konferencję przypadku" }));
    const box = await dialog("Zapisz konferencję przypadku");
    await u.click(within(box).getByRole("button", { name: "Zapisz" }));
    expect(await within(box).findByRole("alert")).toBeTruthy();
  });
});
