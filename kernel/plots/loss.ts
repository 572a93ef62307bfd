// lossCurve / LossCurve: training loss per epoch (or step) as a Vega-Lite line chart.
import { Tensor } from "../engine";
import type { InspectOptions } from "util";
import { Chart, ChartBundle, MIMEBUNDLE, VegaLiteSpec, topLevel } from "./chart";
import { inspectDisplayable } from "../display/tslab_value";
import { fmt, round6 } from "./format";

export interface LossSeries { label: string; values: readonly number[] }

export interface LossCurveOptions {
  /** Default "Training loss". */
  title?: string;
  /** The legend's title when there are several series; default "series". */
  legendTitle?: string;
  subtitle?: string;
  /** The x axis: "epoch" (default) or "step", or any title. */
  xTitle?: string;
  /** Default "loss". */
  yTitle?: string;
  /** Log-scale y axis (non-positive values are left out). Default false. */
  log?: boolean;
  /** The x of the first value; default 1 (epochs count from 1). */
  start?: number;
  /** Mark each value with a point; default: when no series has more than 60 values. */
  points?: boolean;
  width?: number;
  height?: number;
}

function normalize(series: readonly number[] | readonly LossSeries[] | LossSeries): LossSeries[] {
  if (Array.isArray(series)) {
    if (series.length === 0 || typeof series[0] === "number") return [{ label: "loss", values: series as readonly number[] }];
    return series as LossSeries[];
  }
  if (typeof series === "object" && series !== null && "values" in series) return [series as LossSeries];
  throw new TypeError("lossCurve: expected number[] or { label, values }[]");
}

function describe(s: LossSeries, start: number, xTitle: string, log: boolean): string {
  const vs = s.values;
  if (!vs.length) return `${s.label}: no values yet`;
  const at = (i: number) => `${xTitle} ${start + i}`;
  const parts = [`${vs.length} values, first ${fmt(vs[0])}, last ${fmt(vs[vs.length - 1])}`];
  let best = -1;
  vs.forEach((v, i) => { if (Number.isFinite(v) && (best < 0 || v < vs[best])) best = i; });
  if (best >= 0) parts.push(`min ${fmt(vs[best])} at ${at(best)}`);
  const bad = vs.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) parts.push(`${fmt(vs[bad])} at ${at(bad)} (diverged; not plotted)`);
  const nonPositive = log ? vs.filter((v) => Number.isFinite(v) && v <= 0).length : 0;
  if (nonPositive) parts.push(`${nonPositive} value(s) ≤ 0 left out of the log scale`);
  return `${s.label}: ${parts.join(", ")}`;
}

/**
 * Loss against epoch (or step): one line per series with a legend when there are several,
 * tooltips, optionally a log y scale. Non-finite losses (a diverged run) are left out of the
 * plot and reported in the text.
 */
export function lossCurve(series: readonly number[] | readonly LossSeries[] | LossSeries, options: LossCurveOptions = {}): Chart {
  const list = normalize(series);
  const start = options.start ?? 1;
  const xTitle = options.xTitle ?? "epoch";
  const yTitle = options.yTitle ?? "loss";
  const log = options.log ?? false;
  const title = options.title ?? "Training loss";
  const labels = list.map((s) => s.label);
  if (new Set(labels).size !== labels.length) throw new RangeError(`lossCurve: series labels must differ (got ${labels.join(", ")})`);
  const values: { label: string; x: number; loss: number }[] = [];
  for (const s of list) {
    s.values.forEach((v, i) => {
      const r = round6(Number(v));
      if (r !== null && (!log || r > 0)) values.push({ label: s.label, x: start + i, loss: r });
    });
  }
  const longest = Math.max(0, ...list.map((s) => s.values.length));
  const showPoints = options.points ?? longest <= 60;
  const many = list.length > 1;
  const encoding = {
    x: { field: "x", type: "quantitative", title: xTitle, axis: { tickMinStep: 1, format: "d" } },
    y: { field: "loss", type: "quantitative", title: yTitle, scale: log ? { type: "log" } : { zero: false } },
    color: { field: "label", type: "nominal", title: options.legendTitle ?? "series", scale: { domain: labels, scheme: "tableau10" }, legend: many ? { orient: "right", labelLimit: 240 } : null },
    tooltip: [
      ...(many ? [{ field: "label", type: "nominal", title: options.legendTitle ?? "series" }] : []),
      { field: "x", type: "quantitative", title: xTitle },
      { field: "loss", type: "quantitative", title: yTitle, format: ".6~g" },
    ],
  };
  const diverged = list
    .map((s) => ({ s, i: s.values.findIndex((v) => !Number.isFinite(v)) }))
    .filter(({ i }) => i >= 0)
    .map(({ s, i }) => `${many ? `${s.label}: ` : ""}${fmt(s.values[i])} at ${xTitle} ${start + i}`);
  const subtitle = options.subtitle ?? (diverged.length ? `Diverged (not plotted): ${diverged.join("; ")}` : undefined);
  const spec = topLevel(title, subtitle, {
    width: options.width ?? 420,
    height: options.height ?? 260,
    data: { values },
    mark: { type: "line", strokeWidth: 2, point: showPoints ? { filled: true, size: 30 } : false, tooltip: true },
    encoding,
  });
  const text = [title, ...list.map((s) => describe(s, start, xTitle, log))].join("\n");
  return new Chart(spec, text);
}

/**
 * A loss curve that grows during training: push(label, loss) adds a value and returns the
 * updated chart, so a training loop can re-display it each epoch.
 */
export class LossCurve {
  private readonly series = new Map<string, number[]>();

  constructor(readonly options: LossCurveOptions = {}) {}

  /** Adds the next value of a series (a number or a one-element tensor); push(value) uses "loss". */
  push(label: string, value: number | Tensor): Chart;
  push(value: number | Tensor): Chart;
  push(a: string | number | Tensor, b?: number | Tensor): Chart {
    const [label, value] = typeof a === "string" ? [a, b] : ["loss", a];
    if (value === undefined) throw new TypeError("LossCurve.push: give a value");
    const v = value instanceof Tensor ? Number(value.item()) : Number(value);
    let list = this.series.get(label);
    if (!list) { list = []; this.series.set(label, list); }
    list.push(v);
    return this.chart();
  }

  /** The values so far, per series. */
  get values(): Record<string, number[]> {
    return Object.fromEntries([...this.series].map(([k, v]) => [k, v.slice()]));
  }

  chart(): Chart {
    return lossCurve([...this.series].map(([label, values]) => ({ label, values })), this.options);
  }

  [MIMEBUNDLE](): ChartBundle { return this.chart().mimeBundle(); }
  toJSON(): VegaLiteSpec { return this.chart().spec; }
  toString(): string { return this.chart().text; }
  /** Printed as its chart's text; a cell's last value under tslab is displayed as the chart. */
  [Symbol.for("nodejs.util.inspect.custom")](depth: number, options: InspectOptions): string { return inspectDisplayable(this, this.chart().text, depth, options); }
}
