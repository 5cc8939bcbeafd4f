import { describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderPage } from "@/test/render";
import { PALETTE } from "../map/scale";
import { PolandMap, type MapCell } from "./PolandMap";

const cell = (value: number | null, suppressed = false): MapCell => ({ value, suppressed });

/** 10 voivodeships with 1…10 (classes [1–2] [3–4] [5–6] [7–8] [9–10]), małopolskie suppressed. */
const VALUES: Record<string, MapCell> = {
  "02": cell(1),
  "04": cell(2),
  "06": cell(3),
  "08": cell(4),
  "10": cell(5),
  "14": cell(6),
  "16": cell(7),
  "18": cell(8),
  "20": cell(9),
  "22": cell(10),
  "12": cell(null, true),
};

async function regions(name: RegExp | string = /Mapa/) {
  const map = await screen.findByRole("group", { name });
  return { map, paths: [...map.querySelectorAll<SVGPathElement>("path[data-code]")] };
}

const region = (paths: SVGPathElement[], code: string) => paths.find((p) => p.dataset.code === code)!;

describe("PolandMap", () => {
  it("shows a skeleton while the geometry loads, then one region per voivodeship", async () => {
    renderPage(<PolandMap level="voivodeship" values={VALUES} measureLabel="skierowania" />);
    expect(screen.getByRole("status").textContent).toBe("Wczytywanie mapy…");
    const { map, paths } = await regions("Mapa województw: skierowania");
    expect(paths).toHaveLength(16);
    expect(map.getAttribute("viewBox")).toBe("0 0 1000 945");
    expect(screen.queryByRole("status")).toBeNull();
    // not selectable: labelled images, not in the tab order
    expect(within(map).getAllByRole("img")).toHaveLength(16);
    expect(region(paths, "02").getAttribute("tabindex")).toBeNull();
  });

  it("colours values by class, hatches suppressed regions and greys out missing ones", async () => {
    renderPage(<PolandMap level="voivodeship" values={VALUES} measureLabel="skierowania" />);
    const { map, paths } = await regions();
    expect(region(paths, "02").getAttribute("fill")).toBe(PALETTE[0]);
    expect(region(paths, "04").getAttribute("fill")).toBe(PALETTE[0]);
    expect(region(paths, "10").getAttribute("fill")).toBe(PALETTE[2]);
    expect(region(paths, "22").getAttribute("fill")).toBe(PALETTE[4]);
    expect(region(paths, "02").getAttribute("aria-label")).toBe("dolnośląskie: 1");

    const suppressed = region(paths, "12");
    const pattern = map.querySelector("pattern")!;
    expect(suppressed.getAttribute("fill")).toBe(`url(#${pattern.id})`);
    expect(suppressed.getAttribute("aria-label")).toBe("małopolskie: ukryte (mała liczebność)");
    expect(suppressed.querySelector("title")?.textContent).toBe("małopolskie\nskierowania: ukryte (mała liczebność)");

    const missing = region(paths, "24");
    expect(missing.getAttribute("fill")).toBe("#e9ecef");
    expect(missing.getAttribute("aria-label")).toBe("śląskie: brak danych");

    // the legend is text
    screen.getByText("Legenda: skierowania");
    for (const range of ["1 – 2", "3 – 4", "5 – 6", "7 – 8", "9 – 10", "ukryte – mała liczebność", "brak danych"]) {
      screen.getByText(range);
    }
  });

  it("formats values with the given format", async () => {
    renderPage(<PolandMap level="voivodeship" values={{ "30": cell(1234.5) }} measureLabel="x" format={(n) => `${n.toFixed(1)} %`} />);
    const { paths } = await regions();
    expect(region(paths, "30").getAttribute("aria-label")).toBe("wielkopolskie: 1234.5 %");
  });

  it("selects a region with the keyboard and the mouse", async () => {
    const onSelect = vi.fn();
    renderPage(<PolandMap level="voivodeship" values={VALUES} measureLabel="skierowania" selected="14" onSelect={onSelect} />);
    const { map } = await regions();
    const buttons = within(map).getAllByRole("button");
    expect(buttons).toHaveLength(16);
    const lodzkie = within(map).getByRole("button", { name: "łódzkie: 5" });
    expect(lodzkie.getAttribute("tabindex")).toBe("0");
    expect(lodzkie.getAttribute("aria-pressed")).toBe("false");
    expect(within(map).getByRole("button", { name: "mazowieckie: 6" }).getAttribute("aria-pressed")).toBe("true");

    const user = userEvent.setup();
    lodzkie.focus();
    await user.keyboard("{Enter}");
    expect(onSelect).toHaveBeenLastCalledWith("10");
    await user.keyboard(" ");
    expect(onSelect).toHaveBeenCalledTimes(2);
    await user.click(within(map).getByRole("button", { name: "pomorskie: 10" }));
    expect(onSelect).toHaveBeenLastCalledWith("22");
  });

  it("draws powiats with voivodeship borders, naming duplicate names by voivodeship", async () => {
    renderPage(<PolandMap level="powiat" values={{ "1219": cell(12), "1261": cell(null, true) }} measureLabel="osoby" />);
    const { map, paths } = await regions("Mapa powiatów: osoby");
    expect(paths).toHaveLength(380);
    expect(map.querySelectorAll("g[aria-hidden] path:not([data-code])")).toHaveLength(16);
    expect(region(paths, "1219").getAttribute("aria-label")).toBe("powiat wielicki: 12");
    expect(region(paths, "1261").getAttribute("aria-label")).toBe("powiat Kraków: ukryte (mała liczebność)");
    expect(region(paths, "2402").getAttribute("aria-label")).toBe("powiat bielski (śląskie): brak danych");
    expect(region(paths, "2003").getAttribute("aria-label")).toBe("powiat bielski (podlaskie): brak danych");
  });

  it("zooms in on one voivodeship's powiats", async () => {
    renderPage(<PolandMap level="powiat" values={{}} measureLabel="osoby" highlightVoivodeship="12" />);
    const { map, paths } = await regions("Mapa powiatów, województwo małopolskie: osoby");
    expect(paths).toHaveLength(22);
    expect(paths.every((p) => p.dataset.code!.startsWith("12"))).toBe(true);
    const [, , width] = map.getAttribute("viewBox")!.split(" ").map(Number);
    expect(width).toBeLessThan(300);
  });
});
