import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { inTurn, on, problem, reply } from "@/test/api";
import { me, serviceType } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import type { Role } from "@/lib/api/directory";
import { institutionOf, OPS, P_ID, partnership, plan, task, TASK_ID } from "../testdata";
import PartnershipsRoutes from "../routes";

const BASE = `/api/directory/v1/partnerships/${P_ID}`;

async function renderPlan(roles: Role[], ...handlers: HttpHandler[]) {
  const api = await signedInAs(
    me(roles),
    on.get("directory", "/v1/partnerships/{partnership_id}", reply(partnership(), { headers: { ETag: `"${P_ID}.3"` } })),
    on.get("directory", "/v1/partnerships/{partnership_id}/tasks", { items: [task()], next_cursor: null }),
    on.get("directory", "/v1/partnerships/{partnership_id}/plan", reply(plan(), { headers: { ETag: `"${P_ID}.3"` } })),
    on.get("directory", "/v1/institutions/{institution_id}", (call) => institutionOf(call.params.institution_id)),
    on.get("directory", "/v1/service-types", {
      items: [serviceType(), serviceType({ code: "social_work", name_pl: "Praca socjalna", name_en: "Social work" })],
    }),
    ...handlers,
  );
  const view = renderRoutes([{ path: "/partnerstwa/*", element: <PartnershipsRoutes /> }], `/partnerstwa/${P_ID}/plan`, { signedIn: true });
  await screen.findByRole("heading", { level: 2, name: "Zadania" });
  return { api, ...view };
}

describe("the action plan", () => {
  it("lists tasks, the criteria and the standard with its working-day deadlines", async () => {
    await renderPlan(["caseworker"]);
    const tasks = await screen.findByRole("table", { name: "Zadania" });
    expect(await within(tasks).findByText("Uzgodnienie standardu usługi")).toBeTruthy();
    expect(within(tasks).getByText("zaplanowane")).toBeTruthy();
    expect(await screen.findByText(/Status w urzędzie pracy: bezrobotny/)).toBeTruthy();
    expect(screen.getByText(/Wiek: 18–64/)).toBeTruthy();
    const standard = screen.getByRole("table", { name: "Standard usługi" });
    expect(within(standard).getByText("Diagnoza w OPS")).toBeTruthy();
    expect(within(standard).getByText("5 dni roboczych")).toBeTruthy();
    // A caseworker changes nothing.
    expect(screen.queryByRole("button", { name: "Dodaj zadanie" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Zmień kryteria" })).toBeNull();
    expect(screen.queryByRole("combobox", { name: /Stan zadania/ })).toBeNull();
  });

  it("adds a task with its owner party and dates", async () => {
    const u = userEvent.setup();
    const { api } = await renderPlan(["coordinator"], on.post("directory", "/v1/partnerships/{partnership_id}/tasks", task()));
    await u.click(screen.getByRole("button", { name: "Dodaj zadanie" }));
    const dialog = await screen.findByRole("dialog", { name: "Dodaj zadanie" });
    await u.type(within(dialog).getByRole("textbox", { name: /^Zadanie/ }), "Wspólne szkolenie");
    await u.click(within(dialog).getByRole("combobox", { name: /Odpowiada/ }));
    await u.click(await screen.findByRole("option", { name: "Miejsko-Gminny Ośrodek Pomocy Społecznej w Wieliczce", hidden: true }));
    await u.type(within(dialog).getByLabelText("Termin"), "2026-04-30");
    await u.click(within(dialog).getByRole("button", { name: "Dodaj zadanie" }));
    await waitFor(() => expect(api.callsTo("POST", `${BASE}/tasks`)).toHaveLength(1));
    expect(api.callsTo("POST", `${BASE}/tasks`)[0].json()).toEqual({
      title: "Wspólne szkolenie",
      description: null,
      owner_institution_id: OPS,
      starts_on: null,
      due_on: "2026-04-30",
      status: "planned",
    });
  });

  it("changes a task's status with the task's ETag", async () => {
    const u = userEvent.setup();
    const { api } = await renderPlan(
      ["coordinator"],
      on.patch("directory", "/v1/partnerships/{partnership_id}/tasks/{task_id}", task({ status: "done" })),
    );
    await u.selectOptions(await screen.findByRole("combobox", { name: "Stan zadania: Uzgodnienie standardu usługi" }), "done");
    await waitFor(() => expect(api.callsTo("PATCH", `${BASE}/tasks/${TASK_ID}`)).toHaveLength(1));
    const call = api.callsTo("PATCH", `${BASE}/tasks/${TASK_ID}`)[0];
    expect(call.headers.get("If-Match")).toBe(`"${TASK_ID}.2"`);
    expect(call.json()).toEqual({ status: "done" });
  });

  it("replaces the criteria with the plan's ETag, and offers to reload after a 412", async () => {
    const u = userEvent.setup();
    const { api } = await renderPlan(
      ["coordinator"],
      on.put("directory", "/v1/partnerships/{partnership_id}/criteria", inTurn(problem(412, "stale_etag"), plan())),
    );
    await u.click(await screen.findByRole("button", { name: "Zmień kryteria" }));
    const dialog = await screen.findByRole("dialog", { name: "Zmień kryteria" });
    await u.click(within(dialog).getByRole("button", { name: "Zapisz" }));
    expect(await within(dialog).findByRole("button", { name: "Wczytaj aktualną wersję" })).toBeTruthy();
    const call = api.callsTo("PUT", `${BASE}/criteria`)[0];
    expect(call.headers.get("If-Match")).toBe(`"${P_ID}.3"`);
    expect(call.json()).toEqual({
      teryt_codes: ["1219"],
      age_min: 18,
      age_max: 64,
      labour_office_status: "unemployed",
      social_assistance_use: "current",
      notes: null,
    });
  });

  it("replaces the standard's steps", async () => {
    const u = userEvent.setup();
    const { api } = await renderPlan(["institution_admin"], on.put("directory", "/v1/partnerships/{partnership_id}/standard", plan()));
    await u.click(await screen.findByRole("button", { name: "Zmień standard" }));
    const dialog = await screen.findByRole("dialog", { name: "Zmień standard" });
    await u.click(within(dialog).getByRole("button", { name: "Dodaj krok" }));
    const names = within(dialog).getAllByRole("textbox", { name: /Nazwa kroku/ });
    await u.type(names[1], "Kontrakt socjalny");
    const days = within(dialog).getAllByRole("textbox", { name: /Termin \(dni robocze\)/ });
    await u.type(days[1], "7");
    // The service type is chosen from the directory's catalogue, by name.
    const types = within(dialog).getAllByRole("combobox", { name: /^Rodzaj usługi/ });
    expect((types[0] as HTMLInputElement).value).toBe("Praca socjalna");
    await u.click(types[1]);
    const options = await screen.findAllByRole("option", { name: "Kontrakt socjalny", hidden: true });
    await u.click(options[options.length - 1]); // the second step's list (each step has its own)
    await u.click(within(dialog).getByRole("button", { name: "Zapisz" }));
    await waitFor(() => expect(api.callsTo("PUT", `${BASE}/standard`)).toHaveLength(1));
    expect(api.callsTo("PUT", `${BASE}/standard`)[0].json()).toEqual({
      steps: [
        { name: "Diagnoza w OPS", performer_institution_id: OPS, service_type_code: "social_work", deadline_working_days: 5 },
        { name: "Kontrakt socjalny", performer_institution_id: null, service_type_code: "social_contract", deadline_working_days: 7 },
      ],
    });
  });

  it("shows a failed read of the tasks with a retry", async () => {
    await renderPlan(["caseworker"], on.get("directory", "/v1/partnerships/{partnership_id}/tasks", problem(503, "unavailable")));
    expect(await screen.findByRole("button", { name: "Spróbuj ponownie" })).toBeTruthy();
  });
});
