import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import { on } from "@/test/api";
import { me, OPS_ID, PUP_ID } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import { InvitationsBadge } from "./InvitationsBadge";

const page = {
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

describe("the navigation's invitations badge", () => {
  it("counts the partnerships the user's institution is invited to", async () => {
    await signedInAs(me(["coordinator"]), on.get("directory", "/v1/partnerships", page));
    renderRoutes([{ path: "*", element: <InvitationsBadge /> }], "/", { signedIn: true });
    expect((await screen.findByLabelText("1 zaproszenie do partnerstwa")).textContent).toBe("1");
  });

  it("shows nothing to analysts (they see others' partnerships, not invitations)", async () => {
    const api = await signedInAs(me(["analyst"]), on.get("directory", "/v1/partnerships", page));
    renderRoutes([{ path: "*", element: <InvitationsBadge /> }], "/", { signedIn: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.queryByLabelText(/zaprosz/)).toBeNull();
    expect(api.callsTo("GET", "/api/directory/v1/partnerships")).toHaveLength(0);
  });
});
