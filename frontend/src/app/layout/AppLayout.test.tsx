import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { on } from "@/test/api";
import { me } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import { routes } from "../routes";

describe("application layout", () => {
  it("an open dialog adds no second banner landmark (its title bar is not a <header>)", async () => {
    await signedInAs(me(["institution_admin"]), on.get("directory", "/v1/users", { items: [], next_cursor: null }));
    renderRoutes(routes, "/administracja/uzytkownicy");
    await screen.findByRole("heading", { level: 1, name: "Użytkownicy" });
    await userEvent.setup().click(screen.getAllByRole("button", { name: "Dodaj użytkownika" })[0]);
    const dialog = await screen.findByRole("dialog", { name: "Nowy użytkownik" });
    expect(within(dialog).getByRole("heading", { name: "Nowy użytkownik" })).toBeTruthy();
    expect(dialog.querySelector("header")).toBeNull();
    expect([...document.querySelectorAll("header")]).toHaveLength(1); // the application's banner
  });
});
