import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import { on } from "@/test/api";
import { me } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import { NotificationsLink } from "@/app/layout/NotificationsLink";
import type { DueSurveyTask } from "./tasks";
import { DueSurveys } from "./DueSurveys";

function task(patch: Partial<DueSurveyTask>): DueSurveyTask {
  return {
    round_id: "r1",
    title: "Współpraca 2026",
    territory: "12",
    owner_scope: "12",
    deadline: "2026-12-20",
    days_left: 5,
    status: "not_started",
    submitted_at: null,
    updated_at: null,
    reminded_at: null,
    round_status: "open",
    ...patch,
  };
}

const tasks = {
  items: [
    task({ round_id: "due", title: "Termin za 5 dni" }),
    task({ round_id: "reminded", title: "Z przypomnieniem", days_left: 20, reminded_at: "2026-12-04T08:00:00Z", status: "draft" }),
    task({ round_id: "later", title: "Termin za miesiąc", days_left: 30 }),
    task({ round_id: "sent", title: "Wysłana", days_left: 2, status: "submitted" }),
  ],
};

describe("surveys due in the notifications", () => {
  it("counts an institution's surveys due within 7 days or reminded in the header", async () => {
    await signedInAs(
      me(["coordinator"]),
      on.get("referrals", "/v1/notifications/unread-count", { unread: 2 }),
      on.get("directory", "/v1/partnerships", { items: [], next_cursor: null }),
      on.get("reporting", "/v1/survey-tasks", tasks),
    );
    renderRoutes([{ path: "*", element: <NotificationsLink /> }], "/", { signedIn: true });
    const link = await screen.findByTitle("Powiadomienia: 2 nieprzeczytane; ankiety do wypełnienia: 2");
    expect(link.textContent).toContain("4");
  });

  it("lists them with links to the forms", async () => {
    await signedInAs(me(["institution_admin"]), on.get("reporting", "/v1/survey-tasks", tasks));
    renderRoutes([{ path: "*", element: <DueSurveys /> }], "/", { signedIn: true });
    const section = await screen.findByRole("region", { name: "Ankiety do wypełnienia: 2" });
    const links = within(section).getAllByRole("link");
    expect(links.map((l) => l.getAttribute("href"))).toEqual(["/ankiety/odpowiedz/due", "/ankiety/odpowiedz/reminded"]);
    expect(within(section).getByRole("link", { name: "Wypełnij ankietę: Z przypomnieniem" })).toBeTruthy();
    expect(within(section).getByText("przypomnienie od analityka")).toBeTruthy();
  });
});
