// histogram: one distribution or several (per layer, say: activations or gradients), binned
// here from the engine's numbers so the chart carries a few hundred counts, not the values.
// Several distributions share one x range and bins; they are faceted into panels (or overlaid,
// with facet: false). With log: true the y axis is symlog, so empty bins still show as zero.
import { Tensor } from "../engine/tensor";
import { Chart, topLevel } from "./chart";
import { fmt, round6, textTable } from "./format";

export type Values = Tensor | readonly number[] | Float32Array | Float64Array;

export interface HistogramOptions {
  title?: string;
  subtitle?: string;
  /** Number of equal-width bins (default 50). */
  bins?: number;
  /** [min, max] of the bins; default the smallest and largest finite value over all distributions. */
  range?: [number, number];
  /**
   * Several distributions on one x range (default), or each on its own (false: for spreads of
   * very different sizes, such as gradients at different depths; panels then get their own x axis).
   */
  shared?: boolean;
  /** A symlog y axis, for distributions with long tails (default false). */
  log?: boolean;
  /** Several distributions: one panel each (default), or overlaid in one panel. */
  facet?: boolean;
  /** Panels per row when faceting (default 3). */
  columns?: number;
  /** "count" (default) or "fraction" of each distribution's finite values. */
  y?: "count" | "fraction";
  xTitle?: string;
  width?: number;
  height?: number;
}

interface Summary { name: string; n: number; dropped: number; mean: number; std: number; min: number; max: number; counts: number[]; lo: number; width: number }

function valuesOf(name: string, v: Values): ArrayLike<number> {
  if (v instanceof Tensor) return v.detach().to("float64").toArray();
  if (Array.isArray(v) || v instanceof Float32Array || v instanceof Float64Array) return v as ArrayLike<number>;
  throw new TypeError(`histogram: ${name ? `"${name}" ` : ""}must be a tensor or an array of numbers`);
}

/**
 * A histogram of `values` (a tensor or numbers), or of each entry of `{ name: values }`.
 * Non-finite values are left out and counted in the text.
 */
export function histogram(values: Values | Record<string, Values>, options: HistogramOptions = {}): Chart {
  const named: Array<[string, ArrayLike<number>]> = values instanceof Tensor || Array.isArray(values) || ArrayBuffer.isView(values)
    ? [["", valuesOf("", values as Values)]]
    : Object.entries(values as Record<string, Values>).map(([k, v]) => [k, valuesOf(k, v)]);
  if (!named.length) throw new RangeError("histogram: no distributions given");
  const bins = options.bins ?? 50;
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`histogram: bins must be a positive whole number, not ${bins}`);
  const shared = options.shared !== false || options.range !== undefined;
  const rangeOf = (lists: Array<ArrayLike<number>>): [number, number] => {
    let [lo, hi] = options.range ?? [Infinity, -Infinity];
    if (!options.range) {
      for (const xs of lists) for (let i = 0; i < xs.length; i++) if (Number.isFinite(xs[i])) { lo = Math.min(lo, xs[i]); hi = Math.max(hi, xs[i]); }
      if (lo > hi) [lo, hi] = [0, 1];
    }
    if (!(hi >= lo)) throw new RangeError(`histogram: range must be [min, max] with min ≤ max, not [${lo}, ${hi}]`);
    return hi === lo ? [lo - 0.5, hi + 0.5] : [lo, hi];
  };
  const common = shared ? rangeOf(named.map(([, xs]) => xs)) : null;
  const summaries: Summary[] = named.map(([name, xs]) => {
    const [lo, hi] = common ?? rangeOf([xs]);
    const width = (hi - lo) / bins;
    const counts = new Array<number>(bins).fill(0);
    let n = 0, dropped = 0, sum = 0, sq = 0, min = Infinity, max = -Infinity;
    for (let i = 0; i < xs.length; i++) {
      const v = xs[i];
      if (!Number.isFinite(v)) { dropped++; continue; }
      n++; sum += v; sq += v * v; min = Math.min(min, v); max = Math.max(max, v);
      if (v < lo || v > hi) continue;
      counts[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
    }
    const mean = n ? sum / n : NaN;
    return { name, n, dropped, mean, std: n > 1 ? Math.sqrt(Math.max(0, (sq - n * mean * mean) / (n - 1))) : NaN, min, max, counts, lo, width };
  });
  const fraction = options.y === "fraction";
  const data = summaries.flatMap((s) => s.counts.map((c, b) => ({
    name: s.name, bin_start: round6(s.lo + b * s.width), bin_end: round6(s.lo + (b + 1) * s.width), count: c, fraction: round6(s.n ? c / s.n : 0),
  })));
  const several = summaries.length > 1;
  const facet = several && options.facet !== false;
  const title = options.title ?? (several ? "Distributions" : "Distribution");
  const y = { field: fraction ? "fraction" : "count", type: "quantitative", title: fraction ? "fraction of values" : "count", ...(options.log ? { scale: { type: "symlog" } } : {}), ...(fraction ? { axis: { format: "%" } } : {}) };
  const encoding: Record<string, unknown> = {
    x: { field: "bin_start", type: "quantitative", title: options.xTitle ?? "value", bin: shared ? { binned: true, step: round6(summaries[0].width) } : { binned: true } },
    x2: { field: "bin_end" },
    y,
    tooltip: [
      ...(several ? [{ field: "name", type: "nominal", title: "distribution" }] : []),
      { field: "bin_start", type: "quantitative", title: "from" }, { field: "bin_end", type: "quantitative", title: "to" },
      { field: "count", type: "quantitative", title: "count" }, { field: "fraction", type: "quantitative", title: "fraction", format: ".2%" },
    ],
  };
  if (several && !facet) encoding.color = { field: "name", type: "nominal", title: "distribution", scale: { domain: summaries.map((s) => s.name), scheme: "tableau10" } };
  const mark = { type: "bar", tooltip: true, ...(several && !facet ? { opacity: 0.55 } : {}) };
  const w = options.width ?? (facet ? 220 : 420);
  const h = options.height ?? (facet ? 140 : 220);
  const spec = facet
    ? topLevel(title, options.subtitle, {
        data: { values: data },
        facet: { field: "name", type: "nominal", title: null, sort: summaries.map((s) => s.name), header: { labelFontWeight: "bold" } },
        columns: options.columns ?? 3,
        resolve: { scale: shared ? { y: "independent" } : { x: "independent", y: "independent" } },
        spec: { width: w, height: h, mark, encoding },
      })
    : topLevel(title, options.subtitle, { width: w, height: h, data: { values: data }, mark, encoding });
  return new Chart(spec, text(title, summaries, common, bins));
}

function text(title: string, summaries: Summary[], common: [number, number] | null, bins: number): string {
  const header = ["distribution", "values", "mean", "std", "min", "max"];
  const body = summaries.map((s) => [s.name || "values", `${s.n}${s.dropped ? ` (+${s.dropped} not finite)` : ""}`, fmt(s.mean), fmt(s.std), fmt(s.n ? s.min : NaN), fmt(s.n ? s.max : NaN)]);
  const over = common ? `${bins} bins over [${fmt(common[0])}, ${fmt(common[1])}].` : `${bins} bins over each distribution's own range.`;
  return [title, over, "", textTable(header, body)].join("\n");
}
