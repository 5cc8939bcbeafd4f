import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import { on } from "@/test/api";
import { me, OPS_ID, PUP_ID } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import { NotificationsLink } from "./NotificationsLink";

const partnerships = {
  items: [
    {
      id: "p1",
      name: "Moje",
      area_teryt: ["1219"],
      status: "in_force" as const,
      leader_institution_id: PUP_ID,
      party_ids: [PUP_ID, OPS_ID],
    },
    {
      id: "p2",
      name: "Zaproszenie",
      area_teryt: ["1219"],
      status: "initiative" as const,
      leader_institution_id: OPS_ID,
      party_ids: [OPS_ID],
    },
  ],
  next_cursor: null,
};

describe("the header's notifications link", () => {
  it("counts the unread notifications and the open invitations to partnerships", async () => {
    await signedInAs(
      me(["coordinator"]),
      on.get("referrals", "/v1/notifications/unread-count", { unread: 2 }),
      on.get("directory", "/v1/partnerships", partnerships),
    );
    renderRoutes([{ path: "*", element: <NotificationsLink /> }], "/", { signedIn: true });
    const link = await screen.findByTitle("Powiadomienia: 2 nieprzeczytane; zaproszenia do partnerstw: 1");
    expect(link.getAttribute("href")).toBe("/skierowania/powiadomienia");
    expect(link.textContent).toContain("3");
  });

  it("counts no invitations for an analyst", async () => {
    await signedInAs(
      me(["analyst"]),
      on.get("referrals", "/v1/notifications/unread-count", { unread: 2 }),
      on.get("directory", "/v1/partnerships", partnerships),
    );
    renderRoutes([{ path: "*", element: <NotificationsLink /> }], "/", { signedIn: true });
    expect(await screen.findByTitle("Powiadomienia: 2 nieprzeczytane")).toBeTruthy();
  });
});
