import { beforeEach, describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { notifications } from "@mantine/notifications";
import type { HttpHandler } from "msw";
import type { Role } from "@/lib/api/directory";
import { inTurn, noContent, on, problem, reply } from "@/test/api";
import { me, PUP_ID } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import type { Delivery, SubscriptionListItem } from "../api/webhooks";
import AdminRoutes from ".";

const SUBSCRIPTIONS = "/api/referrals/v1/webhooks/subscriptions";
const hook: SubscriptionListItem = {
  id: "5b0f6c1e-0000-4000-8000-000000000001",
  institution_id: PUP_ID,
  url: "https://crm.pup.example/splot/webhook",
  description: "CRM urzędu",
  event_types: ["referral.accepted", "referral.sent"],
  active: true,
  version: 1,
  created_at: "2026-11-20T10:00:00Z",
  updated_at: "2026-11-20T10:00:00Z",
  last_delivery: null,
};
const ONE = `${SUBSCRIPTIONS}/${hook.id}`;
const DELIVERIES = `${ONE}/deliveries`;
const etag = (version: number) => `"${hook.id}.${version}"`;

const deadDelivery: Delivery = {
  id: "7c1d0e2f-0000-4000-8000-00000000000a",
  subscription_id: hook.id,
  event_id: "8e2f1a3b-0000-4000-8000-0000000000e1",
  event_type: "referral.sent",
  referral_id: "9f3a2b4c-0000-4000-8000-0000000000f1",
  status: "dead",
  attempts: 8,
  next_attempt_at: "2026-11-21T12:00:00Z",
  last_status_code: 503,
  last_error: "HTTP 503",
  delivered_at: null,
  created_at: "2026-11-21T10:00:00Z",
  attempt_log: [{ attempted_at: "2026-11-21T10:00:01Z", status_code: 503, error: "HTTP 503", duration_ms: 120 }],
};
const deliveredDelivery: Delivery = {
  ...deadDelivery,
  id: "7c1d0e2f-0000-4000-8000-00000000000b",
  event_id: "8e2f1a3b-0000-4000-8000-0000000000e2",
  event_type: "referral.accepted",
  status: "delivered",
  attempts: 1,
  last_status_code: 200,
  last_error: null,
  delivered_at: "2026-11-22T09:00:02Z",
  created_at: "2026-11-22T09:00:00Z",
};

async function renderWebhooks(handlers: HttpHandler[], path = "/administracja/webhooki", roles: Role[] = ["institution_admin"]) {
  const api = await signedInAs(
    me(roles),
    on.get("referrals", "/v1/webhooks/subscriptions/{subscription_id}/deliveries", { items: [deadDelivery], next_cursor: null }),
    ...handlers,
  );
  renderRoutes([{ path: "/administracja/*", element: <AdminRoutes /> }], path, { signedIn: true });
  return api;
}

// The notifications store outlives each test's render: start every test with no toasts queued.
beforeEach(() => {
  notifications.clean();
  notifications.cleanQueue();
});

/** Open a row's "⋯" menu and choose an item (menus stay display:none in happy-dom: `hidden`). */
async function chooseRowAction(u: ReturnType<typeof userEvent.setup>, item: string) {
  await u.click(await screen.findByRole("button", { name: `Działania: ${hook.url}` }));
  await u.click(await screen.findByRole("menuitem", { name: item, hidden: true }));
}

describe("webhook subscriptions administration", () => {
  it("lists the institution's subscriptions with their events, state and last delivery", async () => {
    const { id, event_type, status, attempts, last_status_code, last_error, delivered_at, created_at } = deadDelivery;
    const newest = { id, event_type, status, attempts, last_status_code, last_error, delivered_at, created_at };
    const api = await renderWebhooks([
      on.get("referrals", "/v1/webhooks/subscriptions", { items: [{ ...hook, last_delivery: newest }], next_cursor: null }),
    ]);
    expect(await screen.findByRole("heading", { level: 1, name: "Webhooki" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Webhooki" }).getAttribute("aria-current")).toBe("page");
    const table = screen.getByRole("table", { name: "Webhooki instytucji" });
    await within(table).findByText(hook.url);
    const row = within(table).getAllByRole("row")[1];
    expect(within(row).getByText("CRM urzędu")).toBeTruthy();
    expect(within(row).getByText("Przyjęcie skierowania, Wysłanie skierowania")).toBeTruthy();
    expect(within(row).getByText("Aktywny")).toBeTruthy();
    expect(await within(row).findByText("Nieudane")).toBeTruthy();
    // The newest delivery comes with the list: no request per row.
    expect(api.callsTo("GET", DELIVERIES)).toHaveLength(0);
    expect(
      within(row)
        .getByRole("link", { name: `Doręczenia: ${hook.url}` })
        .getAttribute("href"),
    ).toBe(`/administracja/webhooki/${hook.id}/doreczenia`);
  });

  it("shows an empty state with a way to add the first subscription", async () => {
    await renderWebhooks([on.get("referrals", "/v1/webhooks/subscriptions", { items: [], next_cursor: null })]);
    expect(await screen.findByText("Brak webhooków")).toBeTruthy();
    expect(screen.getAllByRole("button", { name: "Dodaj webhook" })).toHaveLength(2);
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("shows the API's 403 in plain Polish", async () => {
    await renderWebhooks([on.get("referrals", "/v1/webhooks/subscriptions", problem(403, "forbidden"))]);
    expect(await screen.findByText("Nie masz uprawnień do wykonania tej czynności.")).toBeTruthy();
    expect(screen.getByText("Identyfikator zgłoszenia (podaj go w razie kontaktu z pomocą techniczną): req-123")).toBeTruthy();
  });

  it("is not offered to a system administrator without the institution administrator role", async () => {
    await renderWebhooks([on.get("directory", "/v1/institutions", { items: [], next_cursor: null })], "/administracja/webhooki", [
      "system_admin",
    ]);
    expect(await screen.findByRole("link", { name: "Instytucje" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Webhooki" })).toBeNull();
  });

  it("validates the URL, creates a subscription and shows its signing secret once", async () => {
    const created = {
      ...hook,
      id: "5b0f6c1e-0000-4000-8000-000000000002",
      url: "https://crm.pup.example/splot/nowy",
      description: "System CRM",
      event_types: ["referral.completed", "referral.sent"],
      secret: "whsec_shown-once",
    };
    const api = await renderWebhooks([
      on.get("referrals", "/v1/webhooks/subscriptions", { items: [hook], next_cursor: null }),
      on.post("referrals", "/v1/webhooks/subscriptions", inTurn(problem(422, "webhook_url_not_allowed"), reply(created, { status: 201 }))),
    ]);
    const u = userEvent.setup();
    await screen.findByText(hook.url);
    await u.click(screen.getByRole("button", { name: "Dodaj webhook" }));
    let dialog = await screen.findByRole("dialog", { name: "Nowy webhook" });
    const url = within(dialog).getByLabelText(/Adres odbiorcy/);

    // Not a URL: refused here, nothing is sent.
    await u.type(url, "crm.pup.example/splot");
    await u.click(within(dialog).getByRole("button", { name: "Dodaj webhook" }));
    expect(await within(dialog).findByText(/Podaj pełny adres bez spacji/)).toBeTruthy();
    expect(api.callsTo("POST", SUBSCRIPTIONS)).toHaveLength(0);

    // http:// is warned about here and refused by the server (outside development): shown on the field.
    await u.clear(url);
    await u.type(url, "http://crm.pup.example/splot/nowy");
    expect(within(dialog).getByText(/serwer przyjmie tylko w środowisku testowym/)).toBeTruthy();
    await u.click(within(dialog).getByRole("button", { name: "Dodaj webhook" }));
    expect(await within(dialog).findByText(/Na ten adres nie można wysyłać webhooków/)).toBeTruthy();
    expect(url.getAttribute("aria-invalid")).toBe("true");

    // Chosen events: at least one.
    await u.clear(url);
    await u.type(url, "https://crm.pup.example/splot/nowy");
    await u.type(within(dialog).getByLabelText("Opis"), "System CRM");
    await u.click(within(dialog).getByLabelText(/Tylko wybrane/));
    await u.click(within(dialog).getByRole("button", { name: "Dodaj webhook" }));
    expect(await within(dialog).findByText(/Zaznacz co najmniej jedno zdarzenie/)).toBeTruthy();
    expect(api.callsTo("POST", SUBSCRIPTIONS)).toHaveLength(1);
    await u.click(within(dialog).getByLabelText(/Wysłanie skierowania/));
    await u.click(within(dialog).getByLabelText(/Zakończenie z wynikiem/));
    await u.click(within(dialog).getByRole("button", { name: "Dodaj webhook" }));

    dialog = await screen.findByRole("dialog", { name: "Sekret podpisu webhooka" });
    expect(api.callsTo("POST", SUBSCRIPTIONS)[1].json()).toEqual({
      url: "https://crm.pup.example/splot/nowy",
      event_types: ["referral.completed", "referral.sent"],
      description: "System CRM",
    });
    expect(within(dialog).getByText("Sekret jest wyświetlany tylko teraz")).toBeTruthy();
    expect(within(dialog).getByLabelText<HTMLInputElement>("Sekret podpisu").value).toBe("whsec_shown-once");
    expect(within(dialog).getByText(/Splot-Signature/, { selector: "pre" })).toBeTruthy();
    const close = within(dialog).getByRole<HTMLButtonElement>("button", { name: "Zamknij" });
    expect(close.disabled).toBe(true);
    await u.keyboard("{Escape}");
    expect(screen.getByRole("dialog", { name: "Sekret podpisu webhooka" })).toBeTruthy();
    await u.click(within(dialog).getByLabelText("Zapisałem(-am) sekret w bezpiecznym miejscu"));
    await u.click(close);
    await waitFor(() => expect(screen.queryByDisplayValue("whsec_shown-once")).toBeNull());
  });

  it("sends every event type as an empty list", async () => {
    const api = await renderWebhooks([
      on.get("referrals", "/v1/webhooks/subscriptions", { items: [], next_cursor: null }),
      on.post(
        "referrals",
        "/v1/webhooks/subscriptions",
        reply({ ...hook, event_types: [], description: null, secret: "whsec_x" }, { status: 201 }),
      ),
    ]);
    const u = userEvent.setup();
    await u.click((await screen.findAllByRole("button", { name: "Dodaj webhook" }))[0]);
    const dialog = await screen.findByRole("dialog", { name: "Nowy webhook" });
    await u.type(within(dialog).getByLabelText(/Adres odbiorcy/), hook.url);
    await u.click(within(dialog).getByRole("button", { name: "Dodaj webhook" }));
    await screen.findByRole("dialog", { name: "Sekret podpisu webhooka" });
    expect(api.callsTo("POST", SUBSCRIPTIONS)[0].json()).toEqual({ url: hook.url, event_types: [] });
  });

  it("deletes with If-Match from the ETag, only after confirmation", async () => {
    const api = await renderWebhooks([
      on.get("referrals", "/v1/webhooks/subscriptions", { items: [hook], next_cursor: null }),
      on.get("referrals", "/v1/webhooks/subscriptions/{subscription_id}", reply({ ...hook, version: 3 }, { headers: { ETag: etag(3) } })),
      on.delete("referrals", "/v1/webhooks/subscriptions/{subscription_id}", noContent()),
    ]);
    const u = userEvent.setup();
    await chooseRowAction(u, "Usuń");
    let dialog = await screen.findByRole("dialog", { name: "Usunąć webhook?" });
    expect(within(dialog).getByText(/razem z historią doręczeń/)).toBeTruthy();
    await u.click(within(dialog).getByRole("button", { name: "Anuluj" }));
    expect(api.callsTo("DELETE", ONE)).toHaveLength(0);

    await chooseRowAction(u, "Usuń");
    dialog = await screen.findByRole("dialog", { name: "Usunąć webhook?" });
    const confirm = within(dialog).getByRole<HTMLButtonElement>("button", { name: "Usuń" });
    await waitFor(() => expect(confirm.disabled).toBe(false));
    await u.click(confirm);
    await waitFor(() => expect(api.callsTo("DELETE", ONE)).toHaveLength(1));
    expect(api.callsTo("DELETE", ONE)[0].headers.get("If-Match")).toBe(etag(3));
    expect(await screen.findByText(`Usunięto webhook: ${hook.url}.`)).toBeTruthy();
  });

  it("pauses sending with If-Match", async () => {
    const api = await renderWebhooks([
      on.get("referrals", "/v1/webhooks/subscriptions", { items: [hook], next_cursor: null }),
      on.get("referrals", "/v1/webhooks/subscriptions/{subscription_id}", reply(hook, { headers: { ETag: etag(1) } })),
      on.patch(
        "referrals",
        "/v1/webhooks/subscriptions/{subscription_id}",
        reply({ ...hook, active: false, version: 2 }, { headers: { ETag: etag(2) } }),
      ),
    ]);
    const u = userEvent.setup();
    await chooseRowAction(u, "Wstrzymaj wysyłanie");
    const dialog = await screen.findByRole("dialog", { name: "Wstrzymać wysyłanie?" });
    const confirm = within(dialog).getByRole<HTMLButtonElement>("button", { name: "Wstrzymaj wysyłanie" });
    await waitFor(() => expect(confirm.disabled).toBe(false));
    await u.click(confirm);
    await waitFor(() => expect(api.callsTo("PATCH", ONE)).toHaveLength(1));
    const call = api.callsTo("PATCH", ONE)[0];
    expect(call.headers.get("If-Match")).toBe(etag(1));
    expect(call.json()).toEqual({ active: false });
  });

  it("edits with If-Match and explains a 412 with a reload", async () => {
    const api = await renderWebhooks([
      on.get("referrals", "/v1/webhooks/subscriptions", { items: [hook], next_cursor: null }),
      on.get(
        "referrals",
        "/v1/webhooks/subscriptions/{subscription_id}",
        inTurn(
          reply(hook, { headers: { ETag: etag(1) } }),
          reply({ ...hook, version: 2, description: "CRM (nowy)" }, { headers: { ETag: etag(2) } }),
        ),
      ),
      on.patch(
        "referrals",
        "/v1/webhooks/subscriptions/{subscription_id}",
        inTurn(problem(412, "stale_etag"), reply({ ...hook, version: 3, event_types: [] }, { headers: { ETag: etag(3) } })),
      ),
    ]);
    const u = userEvent.setup();
    await chooseRowAction(u, "Edytuj");
    const dialog = await screen.findByRole("dialog", { name: "Edycja webhooka" });
    await waitFor(() => expect(within(dialog).getByLabelText<HTMLInputElement>(/Adres odbiorcy/).value).toBe(hook.url));
    expect(within(dialog).getByLabelText<HTMLInputElement>(/Wysłanie skierowania/).checked).toBe(true);
    await u.click(within(dialog).getByLabelText(/Wszystkie zdarzenia/));
    await u.click(within(dialog).getByRole("button", { name: "Zapisz" }));

    expect(await within(dialog).findByText("Rekord został zmieniony")).toBeTruthy();
    const first = api.callsTo("PATCH", ONE)[0];
    expect(first.headers.get("If-Match")).toBe(etag(1));
    expect(first.json()).toEqual({ event_types: [] });
    expect(within(dialog).getByRole<HTMLButtonElement>("button", { name: "Zapisz" }).disabled).toBe(true);

    await u.click(within(dialog).getByRole("button", { name: "Wczytaj aktualną wersję" }));
    await waitFor(() => expect(within(dialog).getByLabelText<HTMLTextAreaElement>("Opis").value).toBe("CRM (nowy)"));
    await u.click(within(dialog).getByLabelText(/Wszystkie zdarzenia/));
    await u.click(within(dialog).getByRole("button", { name: "Zapisz" }));
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Edycja webhooka" })).toBeNull());
    expect(api.callsTo("PATCH", ONE)[1].headers.get("If-Match")).toBe(etag(2));
  });

  it("rotates the signing secret after confirmation and shows the new one once", async () => {
    const api = await renderWebhooks([
      on.get("referrals", "/v1/webhooks/subscriptions", { items: [hook], next_cursor: null }),
      on.post("referrals", "/v1/webhooks/subscriptions/{subscription_id}/rotate-secret", { ...hook, secret: "whsec_rotated" }),
    ]);
    const u = userEvent.setup();
    await chooseRowAction(u, "Nowy sekret podpisu");
    const confirm = await screen.findByRole("dialog", { name: "Wygenerować nowy sekret podpisu?" });
    expect(within(confirm).getByText(/podpisywane i nowym, i starym sekretem/)).toBeTruthy();
    await u.click(within(confirm).getByRole("button", { name: "Nowy sekret podpisu" }));
    expect(await screen.findByDisplayValue("whsec_rotated")).toBeTruthy();
    expect(
      screen.getByText("Poprzedni sekret podpisuje powiadomienia jeszcze przez okres przejściowy, potem już tylko nowy."),
    ).toBeTruthy();
    expect(api.callsTo("POST", `${ONE}/rotate-secret`)).toHaveLength(1);
  });
});

describe("webhook deliveries", () => {
  const path = `/administracja/webhooki/${hook.id}/doreczenia`;

  it("lists deliveries, filters by state, pages with the cursor, and replays a failed one", async () => {
    const api = await renderWebhooks(
      [
        on.get(
          "referrals",
          "/v1/webhooks/subscriptions/{subscription_id}",
          reply({ ...hook, active: false }, { headers: { ETag: etag(1) } }),
        ),
        on.get("referrals", "/v1/webhooks/subscriptions/{subscription_id}/deliveries", ({ query }) => {
          if (query.get("status") === "dead") return { items: [deadDelivery], next_cursor: null };
          if (query.get("cursor") === "c2") return { items: [deliveredDelivery], next_cursor: null };
          return { items: [deadDelivery], next_cursor: "c2" };
        }),
        on.post("referrals", "/v1/webhooks/subscriptions/{subscription_id}/deliveries/{delivery_id}/replay", {
          ...deadDelivery,
          status: "pending",
          attempts: 0,
        }),
      ],
      path,
    );
    const u = userEvent.setup();
    expect(await screen.findByRole("heading", { level: 1, name: "Doręczenia webhooka" })).toBeTruthy();
    expect(await screen.findByText(/Wysyłanie jest wstrzymane/)).toBeTruthy();
    const table = await screen.findByRole("table", { name: "Doręczenia webhooka" });
    await within(table).findByText("Wysłanie skierowania");
    expect(within(table).getByText("Nieudane")).toBeTruthy();
    expect(within(table).getAllByText("HTTP 503").length).toBeGreaterThan(0);
    expect(within(table).getByText("8")).toBeTruthy();

    // Pagination with the API's cursor.
    await u.click(screen.getByRole("button", { name: "Pokaż więcej" }));
    await within(table).findByText("Przyjęcie skierowania");
    expect(api.callsTo("GET", DELIVERIES).at(-1)?.query.get("cursor")).toBe("c2");
    // Only failed deliveries can be replayed.
    const rows = within(table).getAllByRole("row");
    expect(within(rows[2]).queryByRole("button", { name: /^Ponów/ })).toBeNull();

    // The attempt log.
    const details = within(rows[1]).getByRole("button", { name: /^Historia prób: Wysłanie skierowania/ });
    await u.click(details);
    expect(details.getAttribute("aria-expanded")).toBe("true");
    expect(await within(table).findByText(deadDelivery.event_id)).toBeTruthy();
    expect(within(table).getByText("120 ms")).toBeTruthy();

    await u.click(within(rows[1]).getByRole("button", { name: /^Ponów: Wysłanie skierowania/ }));
    await waitFor(() => expect(api.callsTo("POST", `${DELIVERIES}/${deadDelivery.id}/replay`)).toHaveLength(1));
    expect(await screen.findByText(/Doręczenie wróciło do kolejki/)).toBeTruthy();

    // The state filter goes to the API.
    await u.click(screen.getByRole("radio", { name: "Nieudane" }));
    await waitFor(() => expect(api.callsTo("GET", DELIVERIES).some((c) => c.query.get("status") === "dead")).toBe(true));
  });

  it("explains a subscription that is not there", async () => {
    await renderWebhooks([on.get("referrals", "/v1/webhooks/subscriptions/{subscription_id}", problem(404, "not_found"))], path);
    expect(await screen.findByText(/Nie znaleziono tego rekordu/)).toBeTruthy();
  });
});
