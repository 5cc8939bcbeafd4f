import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import { renderPage } from "@/test/render";
import type { Cell } from "../api/reporting";
import { LineChart } from "./charts";

const value = (v: number | null): Cell => ({ value: v, suppressed: false });

describe("LineChart", () => {
  it("leaves a gap for periods without data, never a zero", () => {
    const { container } = renderPage(
      <LineChart
        title="Skierowania"
        measure="referrals"
        periods={["2022", "2023", "2024", "2025"]}
        series={[{ key: "referrals", label: "Skierowania", cells: [value(null), undefined, value(10), value(20)] }]}
      />,
    );
    // Two points and one segment between them: 2022 and 2023 are not drawn at all.
    expect(container.querySelectorAll("svg.line-chart circle")).toHaveLength(2);
    const paths = container.querySelectorAll("svg.line-chart path");
    expect(paths).toHaveLength(1);
    expect(paths[0].getAttribute("d")?.match(/[ML]/g)).toEqual(["M", "L"]);
    // The same data as a table: "—" where there is no data.
    const table = screen.getByRole("table", { hidden: true });
    expect(within(table).getByRole("row", { name: /2022/, hidden: true }).textContent).toBe("2022—");
    expect(within(table).getByRole("row", { name: /2023/, hidden: true }).textContent).toBe("2023—");
    expect(within(table).getByRole("row", { name: /2024/, hidden: true }).textContent).toBe("202410");
  });

  it("never reads 100 % for a rate below one", () => {
    renderPage(
      <LineChart
        title="Odsetek przyjętych"
        measure="acceptance_rate"
        periods={["2025"]}
        series={[{ key: "acceptance_rate", label: "Odsetek przyjętych", cells: [value(0.9999)] }]}
      />,
    );
    const table = screen.getByRole("table", { hidden: true });
    expect(within(table).getByRole("row", { name: /2025/, hidden: true }).textContent?.replace(/\s/g, "")).toBe("202599,9%");
  });
});
