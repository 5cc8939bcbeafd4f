import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { inTurn, on, problem, reply } from "@/test/api";
import { institution, me, otherInstitution, OPS_ID, person, PUP_ID, referral, serviceType } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import type { AllowedAction } from "../api/referrals";
import ReferralPage from "./ReferralPage";

const jan = person();
const ACCEPT: AllowedAction = { action: "accept", endpoint: "transitions", required_fields: [], optional_fields: ["text"] };
const REJECT: AllowedAction = { action: "reject", endpoint: "transitions", required_fields: ["reason_code", "text"], optional_fields: [] };
const requested = referral({
  id: "b7e1c2d3-0000-4000-8000-000000000001",
  person_id: jan.id,
  sender_institution_id: PUP_ID,
  target_institution_id: OPS_ID,
  needs_description: "Wsparcie w poszukiwaniu pracy i kontrakt socjalny.",
  allowed_actions: [ACCEPT, REJECT],
});
const accepted = referral({ ...requested, version: 4, status: "accepted", allowed_actions: [] });
const ONE = `/api/referrals/v1/referrals/${requested.id}`;
const etag = (version: number) => `"${requested.id}.${version}"`;

async function renderReferral(...handlers: HttpHandler[]) {
  const api = await signedInAs(
    me(["caseworker"], { institution_id: OPS_ID }),
    on.get("referrals", "/v1/referrals/{referral_id}", reply(requested, { headers: { ETag: etag(3) } })),
    on.get("referrals", "/v1/referrals/{referral_id}/events", {
      items: [
        {
          id: "e1",
          action: "send",
          from_status: "draft",
          to_status: "requested",
          version: 2,
          actor_kind: "user",
          actor_subject: null,
          actor_institution_id: PUP_ID,
          reason_code: null,
          text: null,
          payload: {},
          occurred_at: "2026-11-20T10:00:00Z",
        },
      ],
    }),
    on.get("referrals", "/v1/referrals/{referral_id}/chain", {
      chain_root_id: requested.id,
      items: [
        {
          id: requested.id,
          number: requested.number,
          parent_referral_id: null,
          chain_depth: 0,
          status: "requested",
          business_status: null,
          outcome_codes: [],
          sender_institution_id: PUP_ID,
          target_institution_id: OPS_ID,
          service_type_code: "social_contract",
          priority: "routine",
          overdue: false,
          sent_at: requested.sent_at,
          ended_at: null,
          party: true,
          sensitive: false,
        },
      ],
    }),
    on.get("referrals", "/v1/referrals/{referral_id}/messages", { items: [], next_cursor: null }),
    on.get("referrals", "/v1/reason-codes", { items: [] }),
    on.get("referrals", "/v1/outcome-codes", { items: [] }),
    on.get("directory", "/v1/service-types", { items: [serviceType()] }),
    on.get("directory", "/v1/institutions/{institution_id}", ({ params }) =>
      params.institution_id === OPS_ID ? otherInstitution() : institution,
    ),
    on.get("clients", "/v1/persons/{person_id}", jan),
    ...handlers,
  );
  const rendered = renderRoutes([{ path: "/skierowania/:referralId", element: <ReferralPage /> }], `/skierowania/${requested.id}`, {
    signedIn: true,
  });
  return { api, ...rendered };
}

const region = (name: string) => screen.getByRole("region", { name });

describe("the referral page", () => {
  it("shows a placeholder while the referral loads", async () => {
    let release!: () => void;
    const loaded = new Promise<void>((resolve) => (release = resolve));
    await renderReferral(
      on.get("referrals", "/v1/referrals/{referral_id}", async () => {
        await loaded;
        return reply(requested, { headers: { ETag: etag(3) } });
      }),
    );
    expect(await screen.findByRole("status", { name: "Wczytywanie…" })).toBeTruthy();
    release();
    expect(await screen.findByRole("heading", { level: 1, name: `Skierowanie ${requested.number}` })).toBeTruthy();
  });

  it("shows the status, the details, exactly the allowed actions, the chain and the history", async () => {
    await renderReferral();
    expect(await screen.findByRole("heading", { level: 1, name: `Skierowanie ${requested.number}` })).toBeTruthy();
    expect(screen.getByText("oczekuje na odpowiedź")).toBeTruthy();
    expect(screen.getByText("Jesteś odbiorcą")).toBeTruthy();
    expect(screen.queryByText("dane szczególnej kategorii")).toBeNull();

    const actions = region("Dostępne działania");
    expect(
      within(actions)
        .getAllByRole("button")
        .map((button) => button.textContent),
    ).toEqual(["Przyjmij", "Odrzuć"]);

    const details = region("Szczegóły");
    expect(await within(details).findByRole("link", { name: "Jan Kowalski" })).toBeTruthy();
    expect(within(details).getByText("Kontrakt socjalny")).toBeTruthy();
    expect(await within(details).findByText(institution.name)).toBeTruthy();
    expect(await within(details).findByText(otherInstitution().name)).toBeTruthy();
    expect(within(details).getByText("zadanie ustawowe: art. 100")).toBeTruthy();
    expect(within(details).getByText("Wsparcie w poszukiwaniu pracy i kontrakt socjalny.")).toBeTruthy();

    expect(await within(region("Łańcuch skierowań")).findByText("To skierowanie nie ma powiązanych skierowań.")).toBeTruthy();
    expect(await within(region("Historia")).findByText("Wyślij → oczekuje na odpowiedź")).toBeTruthy();
    expect(await within(region("Wiadomości")).findByText("Brak wiadomości.")).toBeTruthy();
  });

  it("explains a referral it cannot show", async () => {
    await renderReferral(on.get("referrals", "/v1/referrals/{referral_id}", problem(404, "not_found")));
    expect(await screen.findByRole("heading", { level: 1, name: "Skierowanie" })).toBeTruthy();
    expect(screen.getByText(/Nie znaleziono tego rekordu/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Spróbuj ponownie" })).toBeTruthy();
  });

  it("says when a partnership's service standard set the deadline, and links to it", async () => {
    const partnership = "c1d2e3f4-0000-4000-8000-00000000000a";
    await renderReferral(
      on.get(
        "referrals",
        "/v1/referrals/{referral_id}",
        reply({ ...requested, deadline_partnership_id: partnership }, { headers: { ETag: etag(3) } }),
      ),
    );
    const link = await screen.findByRole("link", { name: "termin wg standardu usługi partnerstwa" });
    expect(link.getAttribute("href")).toBe(`/partnerstwa/${partnership}`);
  });

  it("shows no partnership note for the usual deadline", async () => {
    await renderReferral();
    await screen.findByRole("heading", { level: 1, name: `Skierowanie ${requested.number}` });
    expect(screen.queryByRole("link", { name: "termin wg standardu usługi partnerstwa" })).toBeNull();
  });

  it("says when there is nothing the user may do", async () => {
    await renderReferral(on.get("referrals", "/v1/referrals/{referral_id}", reply(accepted, { headers: { ETag: etag(4) } })));
    await screen.findByRole("heading", { level: 1, name: `Skierowanie ${requested.number}` });
    expect(within(region("Dostępne działania")).getByText(/Nie możesz teraz wykonać żadnego działania/)).toBeTruthy();
  });

  it("sends an action with If-Match of the version shown, then shows the new status", async () => {
    const { api } = await renderReferral(
      on.get(
        "referrals",
        "/v1/referrals/{referral_id}",
        inTurn(reply(requested, { headers: { ETag: etag(3) } }), reply(accepted, { headers: { ETag: etag(4) } })),
      ),
      on.post("referrals", "/v1/referrals/{referral_id}/transitions", accepted),
    );
    const u = userEvent.setup();
    await screen.findByRole("heading", { level: 1, name: `Skierowanie ${requested.number}` });
    await u.click(within(region("Dostępne działania")).getByRole("button", { name: "Przyjmij" }));
    const dialog = await screen.findByRole("dialog", { name: "Przyjmij" });
    await u.click(within(dialog).getByRole("button", { name: "Przyjmij" }));
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Przyjmij" })).toBeNull());
    const [call] = api.callsTo("POST", `${ONE}/transitions`);
    expect(call.headers.get("If-Match")).toBe(etag(3));
    expect(call.json()).toEqual({ action: "accept" });
    expect(await screen.findByText("przyjęte")).toBeTruthy();
    expect(api.callsTo("GET", ONE)).toHaveLength(2);
  });

  it("on 412 says someone else changed the referral and reloads it", async () => {
    const { api } = await renderReferral(
      on.get(
        "referrals",
        "/v1/referrals/{referral_id}",
        inTurn(reply(requested, { headers: { ETag: etag(3) } }), reply(accepted, { headers: { ETag: etag(4) } })),
      ),
      on.post("referrals", "/v1/referrals/{referral_id}/transitions", problem(412, "stale_etag")),
    );
    const u = userEvent.setup();
    await screen.findByRole("heading", { level: 1, name: `Skierowanie ${requested.number}` });
    await u.click(within(region("Dostępne działania")).getByRole("button", { name: "Przyjmij" }));
    const dialog = await screen.findByRole("dialog", { name: "Przyjmij" });
    await u.click(within(dialog).getByRole("button", { name: "Przyjmij" }));
    expect(await within(dialog).findByText("Rekord został zmieniony")).toBeTruthy();
    expect(within(dialog).getByRole<HTMLButtonElement>("button", { name: "Przyjmij" }).disabled).toBe(true);
    await u.click(within(dialog).getByRole("button", { name: "Wczytaj aktualną wersję" }));
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Przyjmij" })).toBeNull());
    expect(await screen.findByText("przyjęte")).toBeTruthy();
    expect(within(region("Dostępne działania")).queryByRole("button", { name: "Przyjmij" })).toBeNull();
    expect(api.callsTo("GET", ONE)).toHaveLength(2);
    expect(api.callsTo("POST", `${ONE}/transitions`)).toHaveLength(1);
  });
});
