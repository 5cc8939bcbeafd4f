import { describe, expect, it } from "vitest";
import { parsePesel } from "./pesel";

describe("parsePesel", () => {
  it("accepts a valid PESEL and derives the birth date and sex", () => {
    expect(parsePesel("85070524498")).toEqual({ valid: true, error: null, birthDate: "1985-07-05", sex: "M" });
    expect(parsePesel("44051401458")).toMatchObject({ valid: true, birthDate: "1944-05-14", sex: "M" });
  });
  it("handles the 21st century month offset and women", () => {
    // 2002-03-15, serial 1234 → even digit: woman
    const base = "0223151234";
    const sum = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3].reduce((a, w, i) => a + w * Number(base[i]), 0);
    const pesel = base + String((10 - (sum % 10)) % 10);
    expect(parsePesel(pesel)).toEqual({ valid: true, error: null, birthDate: "2002-03-15", sex: "F" });
  });
  it("rejects a wrong checksum, an impossible date and a wrong format", () => {
    expect(parsePesel("85070524497").error).toBe("checksum");
    expect(parsePesel("85023012345").error).toBe("date");
    expect(parsePesel("8507052449").error).toBe("format");
    expect(parsePesel("8507052449a").error).toBe("format");
  });
});
