// gradientTable: numbers in a grid (Vega-Lite text marks) with cell backgrounds coloured by
// magnitude on a log scale: per element (x, f(x), ∂L/∂x) or per layer (gradient norms).
import { Tensor } from "../engine";
import type { GradNorm } from "../engine/diagnostics";
import { Chart, topLevel } from "./chart";
import { fmt, round6, textTable } from "./format";

type Numbers = Tensor | readonly number[];

/** One activation's values at each input element, e.g. { input: x, output: y, grad: x.grad }. */
export interface ElementGrads {
  input: Numbers;
  output: Numbers;
  grad: Numbers | null;
  /** Names the activation in the default title, e.g. "ReLU". */
  label?: string;
}

/** Gradient norms of several runs (variants), each from diagnostics.layer_grad_norms(model). */
export type GradNormRuns = Record<string, readonly GradNorm[]>;

export type GradientRows = ElementGrads | readonly GradNorm[] | GradNormRuns;

export interface GradientTableOptions {
  title?: string;
  /** What the numbers are, shown under the title, e.g. "‖∂L/∂W‖₂ per layer after one backward pass". */
  caption?: string;
  /** The rows' axis title; default "i" (elements), "layer" or "parameter" (norms). */
  rowTitle?: string;
  /** The colour legend's title; default "‖∂L/∂W‖₂" (or "|∂L/∂x|" per element). */
  legendTitle?: string;
  /** The value column's header for a single list of norms; default "‖∂L/∂W‖₂". */
  valueTitle?: string;
  /** The columns' axis title for several runs; default "run". */
  columnTitle?: string;
  /** Rows beyond this are left out (and the caption says so); default 64. */
  maxRows?: number;
  /** Width of one column in pixels; default 110. */
  cellWidth?: number;
}

interface Table {
  title: string;
  caption: string;
  rowTitle: string;
  columnTitle: string;
  columns: string[];
  /** Columns whose cells are coloured by |value|. */
  colored: string[];
  colorTitle: string;
  rows: string[];
  cells: (number | null)[][];
  omitted: number;
}

function numbers(v: Numbers, what: string): number[] {
  if (v instanceof Tensor) return Array.from(v.toArray(), Number);
  if (Array.isArray(v)) return v.map(Number);
  throw new TypeError(`gradientTable: ${what} must be a Tensor or an array of numbers`);
}

function isElementGrads(r: GradientRows): r is ElementGrads {
  return !Array.isArray(r) && typeof r === "object" && r !== null && "input" in r && "output" in r && "grad" in r;
}

/** Names from grad_norms (parameters: "0.weight", "fc.bias") rather than layer_grad_norms ("0", "fc"). */
function isParameterName(name: string): boolean {
  return /(^|\.)(weight|bias)(_\w+)?$/.test(name);
}

function elementTable(r: ElementGrads, o: GradientTableOptions): Table {
  if (r.grad === null || r.grad === undefined) {
    throw new TypeError("gradientTable: grad is null; call backward() first (and give the input requires_grad)");
  }
  const x = numbers(r.input, "input"), y = numbers(r.output, "output"), g = numbers(r.grad, "grad");
  if (x.length !== y.length || x.length !== g.length) {
    throw new RangeError(`gradientTable: input, output and grad must have as many elements (got ${x.length}, ${y.length}, ${g.length})`);
  }
  const n = Math.min(x.length, o.maxRows ?? 64);
  return {
    title: o.title ?? (r.label ? `Gradients through ${r.label}` : "Gradients per element"),
    caption: o.caption ?? "x = input, f(x) = output, ∂L/∂x = input.grad after backward",
    rowTitle: o.rowTitle ?? "i",
    columnTitle: o.columnTitle ?? "",
    columns: ["x", "f(x)", "∂L/∂x"],
    colored: ["∂L/∂x"],
    colorTitle: "|∂L/∂x|",
    rows: Array.from({ length: n }, (_, i) => String(i)),
    cells: Array.from({ length: n }, (_, i) => [x[i], y[i], g[i]]),
    omitted: x.length - n,
  };
}

function normTable(runs: [string, readonly GradNorm[]][], single: boolean, o: GradientTableOptions): Table {
  const names: string[] = [];
  for (const [, norms] of runs) {
    if (!Array.isArray(norms)) throw new TypeError("gradientTable: expected { name, norm }[] from diagnostics.grad_norms or layer_grad_norms");
    for (const { name } of norms) if (!names.includes(name)) names.push(name);
  }
  const rows = names.slice(0, o.maxRows ?? 64);
  const columns = single ? [o.valueTitle ?? "‖∂L/∂W‖₂"] : runs.map(([label]) => label);
  const lookup = runs.map(([, norms]) => new Map(norms.map((g) => [g.name, g.norm])));
  const params = names.length > 0 && names.every(isParameterName);
  const what = params ? "parameter" : "layer";
  return {
    title: o.title ?? `Gradient norms per ${what}`,
    caption: o.caption ?? `‖∂L/∂W‖₂ per ${what} after one backward pass`,
    rowTitle: o.rowTitle ?? what,
    columnTitle: single ? "" : (o.columnTitle ?? "run"),
    columns,
    colored: columns,
    colorTitle: o.legendTitle ?? "‖∂L/∂W‖₂",
    rows,
    cells: rows.map((name) => lookup.map((m) => (m.has(name) ? (m.get(name) as number) : null))),
    omitted: names.length - rows.length,
  };
}

function toTable(rows: GradientRows, o: GradientTableOptions): Table {
  if (isElementGrads(rows)) return elementTable(rows, o);
  if (Array.isArray(rows)) return normTable([["", rows as readonly GradNorm[]]], true, o);
  if (typeof rows === "object" && rows !== null) return normTable(Object.entries(rows as GradNormRuns), false, o);
  throw new TypeError("gradientTable: expected { input, output, grad } tensors, a { name, norm }[] list or { run: list }");
}

function textFallback(t: Table, caption: string): string {
  const header = [t.rowTitle, ...t.columns];
  const body = t.rows.map((r, i) => [r, ...t.cells[i].map(fmt)]);
  return [t.title, caption, "", textTable(header, body)].join("\n");
}

/**
 * A table of numbers as a Vega-Lite chart: per element from { input, output, grad } tensors
 * (columns x, f(x), ∂L/∂x), or per layer from diagnostics.grad_norms / layer_grad_norms
 * (one column, or one per run when given { run: norms }). Cells are coloured by |value| on a log
 * scale; exact zeros stay uncoloured.
 */
export function gradientTable(rows: GradientRows, options: GradientTableOptions = {}): Chart {
  const t = toTable(rows, options);
  const caption = t.omitted > 0 ? `${t.caption} (first ${t.rows.length} of ${t.rows.length + t.omitted} rows)` : t.caption;
  const values: Record<string, unknown>[] = [];
  t.rows.forEach((row, i) => t.columns.forEach((column, j) => {
    const v = t.cells[i][j];
    const colored = t.colored.includes(column) && v !== null && Number.isFinite(v) && v !== 0;
    values.push({ row, column, value: v === null ? null : round6(v), text: fmt(v), ...(colored ? { magnitude: round6(Math.abs(v as number)) } : {}) });
  }));
  const mags = values.map((d) => d.magnitude).filter((m): m is number => typeof m === "number" && m > 0);
  let lo = mags.length ? Math.min(...mags) : 1, hi = mags.length ? Math.max(...mags) : 1;
  if (lo === hi) { lo = round6(lo / 10) as number; hi = round6(hi * 10) as number; }
  const x = {
    field: "column", type: "ordinal", title: t.columnTitle || null,
    scale: { domain: t.columns }, axis: { orient: "top", labelAngle: 0, domain: false, ticks: false, labelLimit: 200, labelFontWeight: "bold" },
  };
  const y = {
    field: "row", type: "ordinal", title: t.rowTitle,
    scale: { domain: t.rows },
    // the row header sits above the row labels, level with the column headers
    axis: { domain: false, ticks: false, labelLimit: 200, titleAngle: 0, titleAlign: "right", titleBaseline: "bottom", titleY: -4, titleFontWeight: "bold" },
  };
  const spec = topLevel(t.title, caption, {
    width: { step: options.cellWidth ?? 110 },
    height: { step: 22 },
    data: { values },
    encoding: { x, y },
    layer: [
      {
        transform: [{ filter: "isValid(datum.magnitude)" }],
        mark: { type: "rect", opacity: 0.55 },
        encoding: {
          color: {
            field: "magnitude", type: "quantitative", title: t.colorTitle,
            scale: { type: "log", domain: [lo, hi], scheme: "viridis" },
            legend: { format: ".1~e", orient: "right" },
          },
        },
      },
      {
        mark: { type: "text", baseline: "middle" },
        encoding: {
          text: { field: "text", type: "nominal" },
          tooltip: [
            { field: "row", type: "nominal", title: t.rowTitle },
            { field: "column", type: "nominal", title: t.columnTitle || "column" },
            { field: "text", type: "nominal", title: "value" },
          ],
        },
      },
    ],
    config: { view: { stroke: null }, axis: { grid: false } },
  });
  return new Chart(spec, textFallback(t, caption));
}
