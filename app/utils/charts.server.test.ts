import { describe, expect, it } from "vitest";

import { assertSafeSvg, barChart, lineChart, stackedBarChart } from "./charts.server";

describe("server-drawn charts", () => {
  it("draws each kind as SVG with its title, categories and series names", () => {
    for (const draw of [barChart, lineChart, stackedBarChart]) {
      const svg = draw({
        title: "人均培训学时",
        categories: ["催收一部", "催收二部"],
        series: [
          { name: "计划场次", values: [3, null] },
          { name: "已实施场次", values: [2, 1] },
        ],
      });
      expect(svg.startsWith("<svg")).toBe(true);
      for (const text of ["人均培训学时", "催收一部", "计划场次", "已实施场次"]) expect(svg).toContain(text);
    }
  });

  it("escapes names, so a department called like a script tag stays text", () => {
    const svg = barChart({
      title: "t",
      categories: ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">'],
      series: [{ name: "a&b", values: [1, 2] }],
    });
    expect(svg).not.toMatch(/<script|<img/);
    expect(svg).toContain("&lt;script&gt;");
    expect(assertSafeSvg(svg)).toBe(svg);
  });

  it("refuses SVG that carries script or handlers", () => {
    expect(() => assertSafeSvg("<svg><script>x</script></svg>")).toThrow();
    expect(() => assertSafeSvg('<svg><rect onload="x"/></svg>')).toThrow();
    expect(() => assertSafeSvg("<div></div>")).toThrow();
  });
});
