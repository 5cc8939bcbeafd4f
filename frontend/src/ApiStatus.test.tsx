import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import ApiStatus, { HEALTH_URL } from "./ApiStatus.tsx";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("ApiStatus", () => {
  it("shows the loading state, then 'API: działa' when health is ok", async () => {
    const fetchMock = vi.fn().mockResolvedValue(
      new Response(JSON.stringify({ status: "ok" }), {
        status: 200,
        headers: { "Content-Type": "application/json" },
      }),
    );
    vi.stubGlobal("fetch", fetchMock);

    render(<ApiStatus />);
    expect(screen.getByRole("status").textContent).toBe("Sprawdzanie…");

    expect(await screen.findByText("API: działa")).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledWith(HEALTH_URL, expect.anything());
  });

  it("shows 'API: niedostępne' when fetch fails", async () => {
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("Failed to fetch")));

    render(<ApiStatus />);

    expect(await screen.findByText("API: niedostępne")).toBeTruthy();
  });

  it("shows 'API: niedostępne' when health returns an error status", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn().mockResolvedValue(new Response("Service Unavailable", { status: 503 })),
    );

    render(<ApiStatus />);

    expect(await screen.findByText("API: niedostępne")).toBeTruthy();
  });
});
