/** PESEL checks done in the browser while typing: format, checksum, birth date and sex. */
export interface PeselInfo {
  valid: boolean;
  /** Why it is invalid: "format" (not 11 digits), "date" (no such date) or "checksum". */
  error: "format" | "date" | "checksum" | null;
  birthDate: string | null;
  sex: "F" | "M" | null;
}

const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
const CENTURIES: [number, number][] = [
  [80, 1800],
  [0, 1900],
  [20, 2000],
  [40, 2100],
  [60, 2200],
];

export function parsePesel(value: string): PeselInfo {
  const pesel = value.trim();
  if (!/^\d{11}$/.test(pesel)) return { valid: false, error: "format", birthDate: null, sex: null };
  const d = [...pesel].map(Number);
  const yy = d[0] * 10 + d[1];
  const mm = d[2] * 10 + d[3];
  const dd = d[4] * 10 + d[5];
  const century = CENTURIES.find(([offset]) => mm > offset && mm <= offset + 12);
  if (!century) return { valid: false, error: "date", birthDate: null, sex: null };
  const month = mm - century[0];
  const year = century[1] + yy;
  const date = new Date(Date.UTC(year, month - 1, dd));
  if (dd < 1 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== dd)
    return { valid: false, error: "date", birthDate: null, sex: null };
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * d[i], 0);
  if ((10 - (sum % 10)) % 10 !== d[10]) return { valid: false, error: "checksum", birthDate: null, sex: null };
  const birthDate = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
  return { valid: true, error: null, birthDate, sex: d[9] % 2 === 1 ? "M" : "F" };
}
