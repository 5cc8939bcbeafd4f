import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { signIn } from "@/lib/auth/session";
import { json, stubFetch, TOKEN_PATH, tokenReply } from "@/test/fetchStub";
import { me } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { routes } from "../routes";

describe("application layout", () => {
  it("an open dialog adds no second banner landmark (its title bar is not a <header>)", async () => {
    stubFetch({
      [`POST ${TOKEN_PATH}`]: tokenReply("tok"),
      "GET /api/directory/v1/me": json(me(["institution_admin"])),
      "GET /api/directory/v1/users": json({ items: [], next_cursor: null }),
    });
    await signIn("pup.admin@splot.example", "Splot-demo-2026");
    renderRoutes(routes, "/administracja/uzytkownicy");
    await screen.findByRole("heading", { level: 1, name: "Użytkownicy" });
    await userEvent.setup().click(screen.getAllByRole("button", { name: "Dodaj użytkownika" })[0]);
    const dialog = await screen.findByRole("dialog", { name: "Nowy użytkownik" });
    expect(within(dialog).getByRole("heading", { name: "Nowy użytkownik" })).toBeTruthy();
    expect(dialog.querySelector("header")).toBeNull();
    expect([...document.querySelectorAll("header")]).toHaveLength(1); // the application's banner
  });
});
