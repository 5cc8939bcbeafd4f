import { afterEach, beforeEach, vi } from "vitest";
import { cleanup } from "@testing-library/react";
import i18n from "@/lib/i18n";
import { resetSessionForTests } from "@/lib/auth/session";

// Mantine reads these browser APIs; happy-dom may not provide all of them.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as unknown as MediaQueryList;
}
if (!("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
Element.prototype.scrollIntoView ??= () => {};
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

beforeEach(async () => {
  resetSessionForTests();
  await i18n.changeLanguage("pl");
});

afterEach(() => {
  cleanup();
  resetSessionForTests();
  vi.useRealTimers();
});
