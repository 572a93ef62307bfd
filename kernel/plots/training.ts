// trainingCurves: several metrics of a training run side by side, one panel each (loss next to
// accuracy, say), each with its series (train, test; or one per activation) over epochs.
import { Chart, topLevel } from "./chart";
import { fmt, round6 } from "./format";

export type MetricSeries = readonly number[] | Record<string, readonly number[]>;

export interface TrainingCurvesOptions {
  title?: string;
  subtitle?: string;
  /** Default "epoch". */
  xTitle?: string;
  /** The x of the first value (default 1). */
  start?: number;
  /** Metrics drawn as percentages (default: those whose name contains "acc"). */
  percent?: readonly string[];
  width?: number;
  height?: number;
}

/** trainingCurves({ loss: { train, test }, accuracy: { test } }): a panel per metric. */
export function trainingCurves(metrics: Record<string, MetricSeries>, options: TrainingCurvesOptions = {}): Chart {
  const names = Object.keys(metrics);
  if (!names.length) throw new RangeError("trainingCurves: no metrics given");
  const start = options.start ?? 1;
  const xTitle = options.xTitle ?? "epoch";
  const isPercent = (m: string) => (options.percent ? options.percent.includes(m) : /acc/i.test(m));
  const seriesOf = (m: string): Array<[string, readonly number[]]> => {
    const s = metrics[m];
    if (Array.isArray(s)) return [[m, s as readonly number[]]];
    if (s && typeof s === "object") return Object.entries(s as Record<string, readonly number[]>);
    throw new TypeError(`trainingCurves: "${m}" must be numbers or { series: numbers }`);
  };
  const labels = [...new Set(names.flatMap((m) => seriesOf(m).map(([l]) => l)))];
  const panels = names.map((m) => {
    const values = seriesOf(m).flatMap(([label, vs]) => vs.flatMap((v, i) => { const r = round6(v); return r === null ? [] : [{ series: label, x: start + i, value: r }]; }));
    return {
      width: options.width ?? 300, height: options.height ?? 220,
      title: m,
      data: { values },
      mark: { type: "line", strokeWidth: 2, point: { filled: true, size: 24 }, tooltip: true },
      encoding: {
        x: { field: "x", type: "quantitative", title: xTitle, axis: { tickMinStep: 1, format: "d" } },
        y: { field: "value", type: "quantitative", title: m, scale: { zero: false }, ...(isPercent(m) ? { axis: { format: "%" } } : {}) },
        color: { field: "series", type: "nominal", title: "series", scale: { domain: labels, scheme: "tableau10" } },
        tooltip: [{ field: "series", type: "nominal" }, { field: "x", type: "quantitative", title: xTitle }, { field: "value", type: "quantitative", title: m, format: isPercent(m) ? ".2%" : ".4~g" }],
      },
    };
  });
  const title = options.title ?? "Training";
  // every panel names the same colour domain, so a series has one colour throughout
  const spec = topLevel(title, options.subtitle, { hconcat: panels });
  const lines = names.flatMap((m) => seriesOf(m).map(([label, vs]) => {
    const last = vs.length ? vs[vs.length - 1] : NaN;
    const shown = isPercent(m) ? `${(last * 100).toFixed(2)}%` : fmt(last);
    return `${m}${label !== m ? ` (${label})` : ""}: ${vs.length} values, last ${shown} at ${xTitle} ${start + vs.length - 1}`;
  }));
  return new Chart(spec, [title, ...lines].join("\n"));
}
