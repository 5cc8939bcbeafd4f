import { currentLanguage } from "@/lib/i18n";

const locale = () => (currentLanguage() === "en" ? "en-GB" : "pl-PL");

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "—";
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeStyle: "short" }).format(date);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "—";
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium" }).format(date);
}

/**
 * A share (0–1) as a percentage, in the given or current language. Rounded to `fractionDigits`
 * (1 by default) except at the ends: a share below 1 never reads "100 %" and a share above 0 never
 * reads "0 %" — near 100 it is rounded down (0.9996 → "99,9 %", with 0 digits 0.996 → "99 %") and
 * near 0 up (0.0004 → "0,1 %"). Only exactly 1 is "100 %" and exactly 0 is "0 %".
 */
export function formatPercent(share: number, options: { language?: string; fractionDigits?: number } = {}): string {
  const digits = options.fractionDigits ?? 1;
  const scale = 10 ** digits;
  let steps = Math.round(share * 100 * scale);
  if (steps >= 100 * scale && share < 1) steps = Math.min(Math.floor(share * 100 * scale), 100 * scale - 1);
  if (steps <= 0 && share > 0) steps = Math.max(Math.ceil(share * 100 * scale), 1);
  const tag = (options.language ?? currentLanguage()) === "en" ? "en-GB" : "pl-PL";
  return new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: digits }).format(steps / scale / 100);
}

/** A file size for people: "820 B", "12,5 kB", "3,2 MB" (decimal units, the current language). */
export function formatBytes(size: number, options: { language?: string } = {}): string {
  const tag = (options.language ?? currentLanguage()) === "en" ? "en-GB" : "pl-PL";
  const [value, unit] = size < 1000 ? [size, "B"] : size < 1_000_000 ? [size / 1000, "kB"] : [size / 1_000_000, "MB"];
  const digits = unit === "B" ? 0 : 1;
  return `${new Intl.NumberFormat(tag, { maximumFractionDigits: digits }).format(value)} ${unit}`;
}

/** A password a person can read out: 4 groups of 4 characters without look-alikes (≥ 12 chars). */
export function generatePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join("")).join("-");
}
