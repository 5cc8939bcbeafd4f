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

beforeEach(async () => {
  resetSessionForTests();
  await i18n.changeLanguage("pl");
});

afterEach(() => {
  cleanup();
  resetSessionForTests();
  vi.useRealTimers();
});
