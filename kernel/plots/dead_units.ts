// deadUnitsChart: the fraction of dead units per layer from diagnostics.layer_activity, over
// epochs (lines) or for one snapshot (bars), for one run or several.
import { Chart, topLevel } from "./chart";
import { fmt, pct, round6, sampleIndices, textTable } from "./format";

/** One layer_activity result, with the epoch it was measured at (and the run, when comparing). */
export interface DeadUnitRecord {
  layer: string;
  dead_fraction: number;
  epoch?: number;
  run?: string;
  kind?: string;
  units?: number;
}

/** Records per run, e.g. { relu: [...], leaky_relu: [...] }. */
export type DeadUnitRuns = Record<string, readonly DeadUnitRecord[]>;

export interface DeadUnitsOptions {
  title?: string;
  subtitle?: string;
  /** "lines" over epochs or "bars" for one epoch; default lines when there are several epochs. */
  form?: "lines" | "bars";
  /** For bars: which epoch to show; default the last. */
  epoch?: number;
  /** With several runs, one panel per run (default) or all in one panel coloured by run. */
  facet?: boolean;
  /** Default "epoch". */
  xTitle?: string;
  width?: number;
  height?: number;
}

interface Row { run: string; layer: string; epoch: number | null; dead: number; kind?: string; units?: number }

function normalize(records: readonly DeadUnitRecord[] | DeadUnitRuns): Row[] {
  const entries: [string | undefined, readonly DeadUnitRecord[]][] = Array.isArray(records)
    ? [[undefined, records as readonly DeadUnitRecord[]]]
    : Object.entries(records as DeadUnitRuns);
  const rows: Row[] = [];
  for (const [run, list] of entries) {
    if (!Array.isArray(list)) throw new TypeError("deadUnitsChart: expected { epoch, layer, dead_fraction }[] records (or { run: records })");
    for (const r of list) {
      if (typeof r.layer !== "string" || typeof r.dead_fraction !== "number") {
        throw new TypeError("deadUnitsChart: each record needs a layer (string) and a dead_fraction (number), as diagnostics.layer_activity gives");
      }
      rows.push({ run: run ?? r.run ?? "", layer: r.layer, epoch: typeof r.epoch === "number" ? r.epoch : null, dead: r.dead_fraction, kind: r.kind, units: r.units });
    }
  }
  return rows;
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

function layerName(r: Row): string {
  return r.kind ? `${r.layer} (${r.kind})` : r.layer;
}

function datum(r: Row): Record<string, unknown> {
  const d: Record<string, unknown> = { run: r.run, layer: layerName(r), dead: round6(r.dead) };
  if (r.epoch !== null) d.epoch = r.epoch;
  if (r.units !== undefined) { d.units = r.units; d.dead_units = Math.round(r.dead * r.units); }
  return d;
}

function tooltip(runs: string[], withEpoch: boolean, xTitle: string, withUnits: boolean) {
  return [
    ...(runs.length > 1 ? [{ field: "run", type: "nominal", title: "run" }] : []),
    { field: "layer", type: "nominal", title: "layer" },
    ...(withEpoch ? [{ field: "epoch", type: "quantitative", title: xTitle }] : []),
    { field: "dead", type: "quantitative", title: "dead units", format: ".1%" },
    ...(withUnits ? [{ field: "dead_units", type: "quantitative", title: "dead / units" }, { field: "units", type: "quantitative", title: "units" }] : []),
  ];
}

const Y = { field: "dead", type: "quantitative", title: "dead units (% of layer)", scale: { domain: [0, 1] }, axis: { format: "%" } };

/**
 * Dead-unit fractions (diagnostics.layer_activity's dead_fraction) per layer: lines over epochs,
 * or bars for one epoch. Several runs are faceted into panels (or coloured, with facet: false).
 */
export function deadUnitsChart(records: readonly DeadUnitRecord[] | DeadUnitRuns, options: DeadUnitsOptions = {}): Chart {
  const all = normalize(records);
  const runs = unique(all.map((r) => r.run));
  const layers = unique(all.map(layerName));
  const epochs = unique(all.map((r) => r.epoch).filter((e): e is number => e !== null)).sort((a, b) => a - b);
  const form = options.form ?? (epochs.length > 1 ? "lines" : "bars");
  const xTitle = options.xTitle ?? "epoch";
  const withUnits = all.some((r) => r.units !== undefined);
  const width = options.width ?? (form === "lines" && runs.length > 1 && options.facet !== false ? 260 : 420);
  const height = options.height ?? 240;
  const runLabel = (r: string) => r || "run";

  if (form === "lines") {
    if (all.some((r) => r.epoch === null)) throw new TypeError("deadUnitsChart: lines need an epoch in every record (or use form: \"bars\")");
    const rows = all.slice().sort((a, b) => (a.epoch as number) - (b.epoch as number));
    const facet = runs.length > 1 && options.facet !== false;
    const title = options.title ?? "Dead units per layer during training";
    const colorByRun = runs.length > 1 && !facet;
    const encoding: Record<string, unknown> = {
      x: { field: "epoch", type: "quantitative", title: xTitle, axis: { tickMinStep: 1, format: "d" } },
      y: Y,
      color: colorByRun
        ? { field: "run", type: "nominal", title: "run", scale: { domain: runs, scheme: "tableau10" }, legend: { orient: "right" } }
        : { field: "layer", type: "nominal", title: "layer", scale: { domain: layers, scheme: "tableau10" }, legend: layers.length > 1 ? { orient: "right", labelLimit: 240 } : null },
      tooltip: tooltip(runs, true, xTitle, withUnits),
    };
    if (colorByRun) {
      encoding.strokeDash = { field: "layer", type: "nominal", title: "layer", scale: { domain: layers }, legend: layers.length > 1 ? { orient: "right", labelLimit: 240 } : null };
      encoding.detail = { field: "layer", type: "nominal" };
    }
    const unit = { mark: { type: "line", strokeWidth: 2, point: epochs.length <= 60 ? { filled: true, size: 30 } : false, tooltip: true }, encoding };
    const spec = facet
      ? topLevel(title, options.subtitle, {
          data: { values: rows.map(datum) },
          facet: { column: { field: "run", type: "nominal", title: "run", sort: runs, header: { labelFontWeight: "bold" } } },
          spec: { width, height, ...unit },
        })
      : topLevel(title, options.subtitle, { width, height, data: { values: rows.map(datum) }, ...unit });
    return new Chart(spec, linesText(title, rows, runs, layers, epochs, xTitle));
  }

  // bars: one snapshot
  const epoch = options.epoch ?? (epochs.length ? epochs[epochs.length - 1] : null);
  const snapshot = epoch === null ? all : all.filter((r) => r.epoch === epoch || r.epoch === null);
  if (!snapshot.length) throw new RangeError(`deadUnitsChart: no records at ${xTitle} ${epoch}`);
  const title = options.title ?? (epoch === null ? "Dead units per layer" : `Dead units per layer (${xTitle} ${epoch})`);
  const grouped = runs.length > 1;
  const x = { field: "layer", type: "nominal", title: "layer", scale: { domain: layers }, axis: { labelAngle: 0, labelLimit: 160 } };
  const runColor = { field: "run", type: "nominal", title: "run", scale: { domain: runs, scheme: "tableau10" }, legend: { orient: "right" } };
  const offset = grouped ? { xOffset: { field: "run", type: "nominal", scale: { domain: runs } } } : {};
  const spec = topLevel(title, options.subtitle, {
    width, height,
    data: { values: snapshot.map(datum) },
    encoding: { x, y: Y, ...offset },
    layer: [
      { mark: { type: "bar", tooltip: true }, encoding: { ...(grouped ? { color: runColor } : {}), tooltip: tooltip(runs, epoch !== null, xTitle, withUnits) } },
      { mark: { type: "text", baseline: "bottom", dy: -2 }, encoding: { text: { field: "dead", type: "quantitative", format: ".0%" } } },
    ],
  });
  return new Chart(spec, barsText(title, snapshot, runs, layers));
}

function cell(rows: Row[], run: string, layer: string, epoch: number | null): string {
  const r = rows.find((x) => x.run === run && layerName(x) === layer && (epoch === null || x.epoch === epoch));
  return r ? pct(r.dead) : "—";
}

function linesText(title: string, rows: Row[], runs: string[], layers: string[], epochs: number[], xTitle: string): string {
  const shown = sampleIndices(epochs.length, 8).map((i) => epochs[i]);
  const out = [title, `Dead units (input ≤ 0 for the whole batch) as % of each layer's units, by ${xTitle}${shown.length < epochs.length ? ` (${shown.length} of ${epochs.length} shown)` : ""}.`];
  for (const run of runs) {
    out.push("");
    if (runs.length > 1) out.push(`${run}:`);
    const header = ["layer", ...shown.map((e) => `${xTitle} ${fmt(e)}`)];
    const body = layers.filter((l) => rows.some((r) => r.run === run && layerName(r) === l)).map((l) => [l, ...shown.map((e) => cell(rows, run, l, e))]);
    out.push(textTable(header, body));
  }
  return out.join("\n");
}

function barsText(title: string, rows: Row[], runs: string[], layers: string[]): string {
  const header = ["layer", ...(runs.length > 1 ? runs : ["dead units"])];
  const body = layers.map((l) => [l, ...runs.map((run) => cell(rows, run, l, null))]);
  return [title, "Dead units (input ≤ 0 for the whole batch) as % of each layer's units.", "", textTable(header, body)].join("\n");
}
