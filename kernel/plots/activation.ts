// activationPlot: activation functions (and their autograd derivatives) as a Vega-Lite line chart.
import { Chart, topLevel } from "./chart";
import { ActivationSpec, Curve, computeCurve, resolveActivation } from "./curves";
import { fmt, joinLabels, round6, sampleIndices, textTable } from "./format";

export interface ActivationPlotOptions {
  /** The input range [min, max]; default [-5, 5]. */
  x?: readonly [number, number];
  /** Grid points (torch.linspace steps); default 401. */
  points?: number;
  /** Also draw f'(x) (dashed), or only f'(x); default false. Derivatives come from autograd. */
  derivative?: boolean | "only";
  /** Default: the activations' labels, e.g. "ReLU and Leaky ReLU (α = 0.2)". */
  title?: string;
  subtitle?: string;
  /** Axis titles (default "x" and "f(x)" / "f(x), f'(x)"). */
  xTitle?: string;
  yTitle?: string;
  width?: number;
  height?: number;
  /** The grid's dtype; default float32, PyTorch's default. */
  dtype?: "float32" | "float64";
}

const F_SERIES = "f(x)";
const DF_SERIES = "f'(x)";

function defaultTitle(labels: string[], derivative: boolean | "only"): string {
  const names = joinLabels(labels);
  if (derivative === "only") return `${labels.length > 1 ? "Derivatives" : "Derivative"} of ${names}`;
  if (derivative) return `${names} ${labels.length > 1 ? "and their derivatives" : "and its derivative"}`;
  return names;
}

/** Unique labels in order: a repeated label gets " (2)", " (3)", … */
function uniqueLabels(labels: string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((l) => {
    const n = (seen.get(l) ?? 0) + 1;
    seen.set(l, n);
    return n === 1 ? l : `${l} (${n})`;
  });
}

function range(values: readonly number[]): string {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  return lo <= hi ? `[${fmt(lo)}, ${fmt(hi)}]` : "no finite values";
}

function textFallback(title: string, curves: Curve[], lo: number, hi: number, points: number, derivative: boolean | "only"): string {
  const lines = [title, `x from ${fmt(lo)} to ${fmt(hi)} (${points} points); f'(x) by autograd (backward of ones).`];
  for (const c of curves) {
    lines.push("");
    const parts = [`f(x) in ${range(c.f)}`];
    if (c.df) parts.push(`f'(x) in ${range(c.df)}`);
    lines.push(`${c.label}: ${parts.join(", ")}`);
    if (c.remark) lines.push(`  ${c.remark}`);
    if (!c.df) {
      lines.push(`  No derivative${derivative ? " plotted" : ""}: ${c.noDerivative ?? "none"}.`);
    }
    const idx = sampleIndices(c.x.length, 9);
    const header = ["x", ...idx.map((i) => fmt(round6(c.x[i])))];
    const rows = [["f(x)", ...idx.map((i) => fmt(c.f[i]))]];
    if (c.df) rows.push(["f'(x)", ...idx.map((i) => fmt((c.df as number[])[i]))]);
    lines.push(textTable(header, rows).split("\n").map((l) => `  ${l}`).join("\n"));
  }
  return lines.join("\n");
}

/**
 * One or many activations as a line chart, colour by activation; with `derivative`, f'(x) from
 * autograd as dashed lines. Heaviside (whose backward PyTorch does not implement) gets no
 * derivative, and the text fallback says so.
 */
export function activationPlot(activations: ActivationSpec | readonly ActivationSpec[], options: ActivationPlotOptions = {}): Chart {
  const list = Array.isArray(activations) ? (activations as readonly ActivationSpec[]) : [activations as ActivationSpec];
  if (!list.length) throw new RangeError("activationPlot: give at least one activation");
  const [lo, hi] = options.x ?? [-5, 5];
  const points = options.points ?? 401;
  const derivative = options.derivative ?? false;
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) throw new RangeError(`activationPlot: x must be [min, max] with min < max, got [${lo}, ${hi}]`);
  if (!Number.isInteger(points) || points < 2) throw new RangeError(`activationPlot: points must be an integer ≥ 2, got ${points}`);

  const resolved = list.map(resolveActivation);
  const labels = uniqueLabels(resolved.map((r) => r.label));
  const curves = resolved.map((r, i) => computeCurve({ ...r, label: labels[i] }, { x: [lo, hi], points, dtype: options.dtype ?? "float32" }));

  const title = options.title ?? defaultTitle(labels, derivative);
  const values = curves.map((c) => ({
    label: c.label,
    x: c.x.map(round6),
    f: c.f.map(round6),
    df: c.df ? c.df.map(round6) : [],
  }));
  const keep = derivative === "only" ? " && datum.curve === 'df'" : derivative ? "" : " && datum.curve === 'f'";
  const hover = derivative === "only" ? "df" : "f";
  const yTitle = options.yTitle ?? (derivative === "only" ? DF_SERIES : derivative ? `${F_SERIES}, ${DF_SERIES}` : F_SERIES);
  const many = labels.length > 1;
  const noDerivative = curves.filter((c) => !c.df).map((c) => c.label);
  const subtitle = options.subtitle ?? (derivative && noDerivative.length ? `No derivative in PyTorch for ${joinLabels(noDerivative)}` : undefined);

  const x = { field: "x", type: "quantitative", title: options.xTitle ?? "x", scale: { domain: [round6(lo), round6(hi)], nice: false } };
  const color = {
    field: "label", type: "nominal", title: "activation",
    scale: { domain: labels, scheme: "tableau10" },
    legend: many ? { orient: "right", labelLimit: 320 } : null,
  };
  const rule = (channel: "x" | "y") => ({
    data: { values: [{}] },
    mark: { type: "rule", strokeWidth: 1, opacity: 0.35 },
    encoding: { [channel]: { datum: 0, type: "quantitative" } },
  });

  const spec = topLevel(title, subtitle, {
    width: options.width ?? 420,
    height: options.height ?? 280,
    layer: [
      rule("y"),
      ...(lo < 0 && hi > 0 ? [rule("x")] : []),
      {
        data: { values },
        transform: [
          { flatten: ["x", "f", "df"] },
          { fold: ["f", "df"], as: ["curve", "y"] },
          { filter: `isValid(datum.y)${keep}` },
          { calculate: `datum.curve === 'f' ? '${F_SERIES}' : "${DF_SERIES}"`, as: "series" },
          { calculate: "isValid(datum.df) ? format(datum.df, '.6~g') : 'not defined'", as: "slope" },
        ],
        layer: [
          {
            mark: { type: "line", strokeWidth: 2, clip: true },
            encoding: {
              x,
              y: { field: "y", type: "quantitative", title: yTitle },
              color,
              strokeDash: {
                field: "series", type: "nominal", title: "curve",
                scale: { domain: [F_SERIES, DF_SERIES], range: [[1, 0], [6, 4]] },
                legend: derivative === true ? { orient: "right" } : null,
              },
            },
          },
          {
            // invisible points under the lines carry the tooltips
            transform: [{ filter: `datum.curve === '${hover}'` }],
            mark: { type: "point", filled: true, opacity: 0, size: 60, clip: true },
            encoding: {
              x,
              y: { field: "y", type: "quantitative", title: yTitle },
              tooltip: [
                { field: "label", type: "nominal", title: "activation" },
                { field: "x", type: "quantitative", title: "x", format: ".4~g" },
                { field: "f", type: "quantitative", title: F_SERIES, format: ".6~g" },
                { field: "slope", type: "nominal", title: DF_SERIES },
              ],
            },
          },
        ],
      },
    ],
  });
  return new Chart(spec, textFallback(title, curves, lo, hi, points, derivative));
}
