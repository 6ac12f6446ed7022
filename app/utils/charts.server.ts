// Charts drawn on the server as SVG with Apache ECharts, so they show without JavaScript and print.
// The page inlines the SVG: it is built only from our own figures and labels (ECharts escapes text), and
// `assertSafeSvg` refuses anything that could run in the browser should that ever change.
import * as echarts from "echarts";

/** A missing value (null) leaves a gap, e.g. a month without answers. */
export type Series = { name: string; values: Array<number | null> };
export type ChartInput = {
  title: string;
  /** The x-axis categories (months, departments, rules). */
  categories: string[];
  series: Series[];
  /** e.g. "h", "%", "¥": shown on the value axis. */
  unit?: string;
  width?: number;
  height?: number;
  /** Bars drawn sideways, for long labels such as rule titles. */
  horizontal?: boolean;
  /** A fixed value-axis maximum, e.g. 5 for satisfaction scores. */
  max?: number;
};

// Single quotes: ECharts writes the family into a double-quoted style attribute unescaped.
const FONT = "'Noto Sans SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
const COLORS = ["#2563eb", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6", "#64748b"];

type Kind = "bar" | "line" | "stacked";

function option(kind: Kind, input: ChartInput) {
  const valueAxis = {
    type: "value" as const,
    max: input.max,
    name: input.unit,
    axisLabel: { fontFamily: FONT },
  };
  const categoryAxis = {
    type: "category" as const,
    data: input.categories,
    axisLabel: { fontFamily: FONT, interval: 0, width: input.horizontal ? 220 : undefined, overflow: "truncate" },
  };
  return {
    animation: false,
    color: COLORS,
    textStyle: { fontFamily: FONT },
    title: { text: input.title, left: "center", textStyle: { fontSize: 15, fontFamily: FONT } },
    legend: input.series.length > 1 ? { bottom: 0, textStyle: { fontFamily: FONT } } : undefined,
    grid: { left: 12, right: 24, top: 48, bottom: input.series.length > 1 ? 36 : 12, containLabel: true },
    xAxis: input.horizontal ? valueAxis : categoryAxis,
    yAxis: input.horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: input.series.map((s) => ({
      type: kind === "line" ? "line" : "bar",
      name: s.name,
      data: s.values.map((v) => (v === null ? "-" : v)),
      stack: kind === "stacked" ? "all" : undefined,
      barMaxWidth: 36,
      label:
        kind === "stacked" ? undefined : { show: true, position: input.horizontal ? "right" : "top", fontSize: 10 },
    })),
  };
}

/** Refuses SVG that could carry script: ECharts output never does; a regression must not reach a page. */
export function assertSafeSvg(svg: string): string {
  if (!svg.startsWith("<svg") || /<(script|foreignObject|iframe|a)\b|javascript:|<[^>]*\son[a-z]+\s*=/i.test(svg))
    throw new Error("unsafe chart SVG");
  return svg;
}

let drawn = 0;

function render(kind: Kind, input: ChartInput): string {
  const chart = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: input.width ?? 640,
    height: input.height ?? 320,
  });
  try {
    chart.setOption(option(kind, input));
    // Each chart's hover classes get their own prefix so several charts on a page never share one.
    const prefix = `tgc${(drawn = (drawn + 1) % 1_000_000)}-`;
    return assertSafeSvg(chart.renderToSVGString().replace(/\bzr\d+-cls-/g, prefix));
  } finally {
    // Without dispose the chart keeps a timer alive and the process never exits.
    chart.dispose();
  }
}

export const barChart = (input: ChartInput) => render("bar", input);
export const lineChart = (input: ChartInput) => render("line", input);
export const stackedBarChart = (input: ChartInput) => render("stacked", input);
