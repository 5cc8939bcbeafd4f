import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import { on } from "@/test/api";
import { me, OPS_ID, otherInstitution, PUP_ID } from "@/test/fixtures";
import { formatDate } from "@/lib/format";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import { setLanguage } from "@/lib/i18n";
import en from "@/locales/en.json";
import pl from "@/locales/pl.json";
import type { Notification } from "../api/referrals";
import NotificationsPage from "./NotificationsPage";

const notification = (id: string, kind: string, number: string | null = "SK/2026/000123"): Notification => ({
  id,
  kind,
  // What the server stores: Polish, whatever the reader's language. The page must not show it.
  title: `SERWER: ${kind}`,
  referral_id: number ? `r-${id}` : null,
  referral_number: number,
  followup_id: null,
  recipient_institution_id: "i-1",
  recipient_role: null,
  recipient_user_id: null,
  created_at: "2026-11-23T10:00:00Z",
  read_at: null,
});

async function render() {
  await signedInAs(
    me(["caseworker"]),
    on.get("referrals", "/v1/notifications", {
      items: [
        notification("1", "referral.rejected"),
        notification("2", "followup.due"),
        notification("3", "referral.chain_outcome"), // a kind this application does not know yet
        notification("4", "something.new", null),
      ],
      next_cursor: null,
      unread_count: 4,
    }),
  );
  renderRoutes([{ path: "/skierowania/powiadomienia", element: <NotificationsPage /> }], "/skierowania/powiadomienia", {
    signedIn: true,
  });
  return screen.findByRole("list");
}

describe("the notifications page", () => {
  it("titles each notification from its kind and number, not the server's text", async () => {
    const list = await render();
    const items = within(list).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringContaining("Skierowanie SK/2026/000123 zostało odrzucone"),
      expect.stringContaining("Czas sprawdzić sytuację osoby po skierowaniu SK/2026/000123"),
      expect.stringContaining("Zmiana w skierowaniu SK/2026/000123"),
      expect.stringContaining("Nowe powiadomienie"),
    ]);
    expect(screen.queryByText(/SERWER/)).toBeNull();
    expect(screen.getByRole("button", { name: "Oznacz jako przeczytane: Skierowanie SK/2026/000123 zostało odrzucone" })).toBeTruthy();
  });

  it("reads in English", async () => {
    await setLanguage("en");
    const list = await render();
    expect(within(list).getByText("Referral SK/2026/000123 was rejected")).toBeTruthy();
    expect(within(list).getByText("Update on referral SK/2026/000123")).toBeTruthy();
    expect(screen.queryByText(/SERWER/)).toBeNull();
  });
});

const summary = (id: string, name: string, partyIds: string[]) => ({
  id,
  name,
  area_teryt: ["1219"],
  status: "initiative" as const,
  leader_institution_id: OPS_ID,
  party_ids: partyIds,
});

const detail = (id: string, name: string) => ({
  ...summary(id, name, [OPS_ID]),
  access: "invited" as const,
  purpose: "Wspólna aktywizacja",
  proposed_by_institution_id: OPS_ID,
  coordinator_subject: null,
  coordinator_name: null,
  parties: [
    {
      institution_id: OPS_ID,
      state: "party" as const,
      invited_at: "2026-11-01T09:00:00Z",
      answered_at: "2026-11-01T09:00:00Z",
      joined_on: "2026-11-01",
      left_on: null,
    },
    {
      institution_id: PUP_ID,
      state: "invited" as const,
      invited_at: "2026-11-20T09:00:00Z",
      answered_at: null,
      joined_on: null,
      left_on: null,
    },
  ],
  agreements: [],
  version: 1,
  created_at: "2026-11-01T09:00:00Z",
});

describe("invitations to partnerships among the notifications", () => {
  it("lists the institution's open invitations first: the initiative, who invites, when, and where to answer", async () => {
    await signedInAs(
      me(["coordinator"]),
      on.get("referrals", "/v1/notifications", { items: [notification("1", "referral.rejected")], next_cursor: null, unread_count: 1 }),
      on.get("directory", "/v1/partnerships", {
        items: [summary("p-party", "Już partner", [OPS_ID, PUP_ID]), summary("p-invited", "Razem dla rynku pracy", [OPS_ID])],
        next_cursor: null,
      }),
      on.get("directory", "/v1/partnerships/{partnership_id}", ({ params }) =>
        detail(String(params.partnership_id), "Razem dla rynku pracy"),
      ),
      on.get("directory", "/v1/institutions/{institution_id}", otherInstitution()),
    );
    renderRoutes([{ path: "/skierowania/powiadomienia", element: <NotificationsPage /> }], "/skierowania/powiadomienia", {
      signedIn: true,
    });
    const section = await screen.findByRole("region", { name: "1 zaproszenie do partnerstwa" });
    const items = within(section).getAllByRole("listitem");
    expect(items).toHaveLength(1);
    expect(items[0].textContent).toContain("Zaproszenie do partnerstwa „Razem dla rynku pracy”");
    expect(await within(items[0]).findByText(/Zaprasza: Miejsko-Gminny Ośrodek Pomocy Społecznej w Wieliczce/)).toBeTruthy();
    expect(await within(items[0]).findByText(new RegExp(formatDate("2026-11-20T09:00:00Z")))).toBeTruthy();
    const link = within(items[0]).getByRole("link", { name: "Przyjmij lub odrzuć zaproszenie do partnerstwa „Razem dla rynku pracy”" });
    expect(link.getAttribute("href")).toBe("/partnerstwa/p-invited/przeglad");
    expect(screen.queryByText(/Już partner/)).toBeNull();
    // Before the referrals service's notifications.
    const notice = screen.getByText("Skierowanie SK/2026/000123 zostało odrzucone");
    expect(section.compareDocumentPosition(notice) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("shows no invitations to an analyst (others' partnerships are no invitations)", async () => {
    const api = await signedInAs(
      me(["analyst"]),
      on.get("referrals", "/v1/notifications", { items: [], next_cursor: null, unread_count: 0 }),
      on.get("directory", "/v1/partnerships", { items: [summary("p-invited", "Razem dla rynku pracy", [OPS_ID])], next_cursor: null }),
    );
    renderRoutes([{ path: "/skierowania/powiadomienia", element: <NotificationsPage /> }], "/skierowania/powiadomienia", {
      signedIn: true,
    });
    expect(await screen.findByText("Brak powiadomień.")).toBeTruthy();
    expect(screen.queryByText(/zaproszeni/i)).toBeNull();
    expect(api.callsTo("GET", "/api/directory/v1/partnerships")).toHaveLength(0);
  });
});

describe("notification kinds", () => {
  it("has a Polish and an English title for every kind the referrals service emits", () => {
    const source = readFileSync(resolve(__dirname, "../../../../../services/referrals/src/splot/referrals/notifications.py"), "utf8");
    const titles = /TITLES: dict\[str, str\] = \{([\s\S]*?)\n\}/.exec(source)?.[1] ?? "";
    const kinds = [...titles.matchAll(/^\s+"([a-z_]+\.[a-z_]+)":/gm)].map((m) => m[1]);
    expect(kinds.length).toBeGreaterThan(15);
    const titleIn = (catalogue: unknown, kind: string) => {
      const [group, name] = kind.split(".");
      const kindsOf = (catalogue as { referrals: { notifications: { kind: Record<string, Record<string, string>> } } }).referrals
        .notifications.kind;
      return kindsOf[group]?.[name];
    };
    for (const kind of kinds) {
      expect(titleIn(pl, kind), `pl: ${kind}`).toMatch(/\{\{number\}\}/);
      expect(titleIn(en, kind), `en: ${kind}`).toMatch(/\{\{number\}\}/);
    }
  });
});
