import { afterAll, afterEach, beforeAll, beforeEach, vi } from "vitest";
import { cleanup, configure } from "@testing-library/react";
import i18n from "@/lib/i18n";
import { resetSessionForTests } from "@/lib/auth/session";
import { apiRequests, server } from "./api";

// Mantine reads these browser APIs; happy-dom may not provide all of them.
if (!("matchMedia" in window)) {
  Object.defineProperty(window, "matchMedia", {
    configurable: true,
    value: (query: string): Partial<MediaQueryList> => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });
}
if (!("ResizeObserver" in window)) {
  Object.defineProperty(window, "ResizeObserver", {
    configurable: true,
    value: class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  });
}
if (!("scrollIntoView" in Element.prototype)) {
  Object.defineProperty(Element.prototype, "scrollIntoView", { configurable: true, value: () => {} });
}
// Mantine's autosize Textarea listens for font loading.
if (!("fonts" in document) || !(document as { fonts?: unknown }).fonts) {
  Object.defineProperty(document, "fonts", { value: new EventTarget(), configurable: true });
}

// Mantine's focus trap looks for a visible element when a menu or dialog opens; happy-dom lays
// nothing out, so it sometimes finds none and warns with the whole DOM node (tens of thousands of
// lines of CI log). Real browsers are covered by the end-to-end test.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === "string" && args[0].startsWith("[@mantine/hooks/use-focus-trap]")) return;
  warn(...args);
};

// findBy…/waitFor: the default second is short on a busy CI machine (whole pages render here).
configure({ asyncUtilTimeout: 5_000 });

// The APIs (see ./api.ts): requests no test handler answers get a 404 problem; anything that is not
// an API request fails the test.
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

beforeEach(async () => {
  resetSessionForTests();
  await i18n.changeLanguage("pl");
});

afterEach(() => {
  cleanup();
  server.resetHandlers();
  apiRequests.clear();
  resetSessionForTests();
  vi.useRealTimers();
});
