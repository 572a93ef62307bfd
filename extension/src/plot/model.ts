// The "Plot activation" command's pure parts: quick-pick items from the activation definitions,
// which parameters a plot shows, parsing and validating what the user types, the x range, the
// command's arguments, the panel's controls (slider ranges) and its title. No vscode import.
import { ACTIVATIONS, getActivation } from "../../../kernel/engine/activations/registry";
import type { ActivationDefinition, ParamSpec } from "../../../kernel/engine/activations/definition";
import { plainFormula } from "./formula";
import type { ActivationControls, ParamControl, ParamValue, PlotActivation, PlotControls, PlotValues } from "./protocol";

// ---- activations and parameters ----

export interface ActivationPickItem {
  /** The title, e.g. "Leaky ReLU". */
  label: string;
  /** The formula as plain text, e.g. "max(0, x)". */
  description: string;
  /** The one-line description. */
  detail: string;
  /** The torch.nn.functional name, e.g. "leaky_relu". */
  name: string;
}

/** One item per activation, in the registry's order. */
export function activationPickItems(defs: readonly ActivationDefinition[] = ACTIVATIONS): ActivationPickItem[] {
  return defs.map((d) => ({ label: d.title, description: plainFormula(d.latex), detail: d.description, name: d.name }));
}

const squash = (s: string) => s.toLowerCase().replace(/[\s_\-()]+/g, "");

/** Whether the letters of `part` appear in `text` in order (the quick pick's fuzzy idea). */
function subsequence(part: string, text: string): boolean {
  let i = 0;
  for (const c of text) if (c === part[i]) i++;
  return i === part.length;
}

/**
 * The activations named in a quick pick's filter text, for Enter with nothing checked: one name or
 * several separated by commas ("GELU, Leaky ReLU"), each matched against titles, names and module
 * names (exactly, then as a part of the title, then letter by letter). Typed order, each once;
 * undefined with the part that matches nothing.
 */
export function activationsFromFilter(filter: string, items: readonly ActivationPickItem[] = activationPickItems()): Parsed<string[]> {
  const parts = filter.split(/,|;|\band\b/).map((p) => p.trim()).filter((p) => p !== "");
  if (!parts.length) return { ok: false, message: "Type or check at least one activation." };
  const modules = new Map(ACTIVATIONS.map((d) => [d.name, d.module]));
  const names: string[] = [];
  for (const part of parts) {
    const q = squash(part);
    const found = items.find((i) => squash(i.label) === q || squash(i.name) === q || squash(modules.get(i.name) ?? "") === q)
      ?? items.find((i) => squash(i.label).includes(q))
      ?? items.find((i) => subsequence(q, squash(i.label)));
    if (!found) return { ok: false, message: `No activation matches "${part}".` };
    if (!names.includes(found.name)) names.push(found.name);
  }
  return { ok: true, value: names };
}

/**
 * The parameters a plot lets you set: not hidden (inplace, PReLU's num_parameters), and not a
 * dimension (softmax is plotted over a fixed pair [x, 0], so its dim is fixed).
 */
export function plotParams(def: ActivationDefinition): ParamSpec[] {
  return def.params.filter((p) => !p.hidden && p.type !== "dim");
}

/** The symbol a parameter goes by in its description (α, β, a, t...), else "". */
export function paramSymbol(spec: ParamSpec): string {
  const greek = spec.description.match(/[α-ωΑ-Ω]/);
  if (greek) return greek[0];
  const latin = spec.description.match(/\b(?:bound|threshold|slope|value|output)\s+([a-z])\b/i);
  return latin ? latin[1] : "";
}

/** A number as code and as text: at most 12 significant digits ("0.30000000000000004" → "0.3"). */
export function formatNumber(v: number): string {
  if (Object.is(v, -0)) return "0";
  return String(Number(v.toPrecision(12)));
}

export function formatValue(v: ParamValue): string {
  return typeof v === "number" ? formatNumber(v) : String(v);
}

const rangeText = (spec: ParamSpec) =>
  spec.min !== undefined && spec.max !== undefined ? `${formatNumber(spec.min)} to ${formatNumber(spec.max)}`
    : spec.min !== undefined ? `at least ${formatNumber(spec.min)}`
      : spec.max !== undefined ? `at most ${formatNumber(spec.max)}` : "";

/** What to type, for an input box's prompt: "Slope α for negative inputs. A number from 0 to 1; Enter keeps 0.01." */
export function paramPrompt(spec: ParamSpec): string {
  const kind = spec.type === "int" ? "A whole number"
    : spec.type === "choice" ? `One of ${(spec.choices ?? []).join(", ")}`
      : spec.type === "bool" ? "true or false" : "A number";
  const range = spec.type === "choice" || spec.type === "bool" ? "" : rangeText(spec);
  return `${spec.description} ${kind}${range ? ` ${range.startsWith("at") ? "" : "from "}${range}` : ""}; Enter keeps ${formatValue(spec.default)}.`;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * A typed value as a parameter value. Empty text means the default. Numbers are checked for
 * type (whole numbers for int parameters) and against the definition's range (the slider's).
 */
export function parseParamInput(spec: ParamSpec, text: string): Parsed<ParamValue> {
  const t = text.trim().replace(/^(['"])(.*)\1$/, "$2").trim();
  if (t === "") return { ok: true, value: spec.default };
  switch (spec.type) {
    case "choice": {
      const choices = spec.choices ?? [];
      const found = choices.find((c) => c.toLowerCase() === t.toLowerCase());
      return found !== undefined ? { ok: true, value: found } : { ok: false, message: `${spec.name} must be one of ${choices.map((c) => `"${c}"`).join(", ")}, not "${t}".` };
    }
    case "bool": {
      if (/^(true|yes|on|1)$/i.test(t)) return { ok: true, value: true };
      if (/^(false|no|off|0)$/i.test(t)) return { ok: true, value: false };
      return { ok: false, message: `${spec.name} must be true or false, not "${t}".` };
    }
    default: {
      const v = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : NaN;
      if (!Number.isFinite(v)) return { ok: false, message: `${spec.name} must be a number, not "${t}".` };
      return checkNumber(spec, v, true);
    }
  }
}

function checkNumber(spec: ParamSpec, v: number, inRange: boolean): Parsed<ParamValue> {
  if (spec.type === "int" && !Number.isInteger(v)) return { ok: false, message: `${spec.name} must be a whole number, not ${formatNumber(v)}.` };
  if (inRange && ((spec.min !== undefined && v < spec.min) || (spec.max !== undefined && v > spec.max))) {
    return { ok: false, message: `${spec.name} must be ${spec.min !== undefined && spec.max !== undefined ? "from " : ""}${rangeText(spec)}; ${formatNumber(v)} is outside.` };
  }
  return { ok: true, value: v };
}

/**
 * A value given programmatically (command arguments, the webview): the right type and finite.
 * Out-of-range numbers are accepted (the slider's range grows to hold them) unless `inRange`.
 */
export function checkParamValue(def: ActivationDefinition, spec: ParamSpec, v: unknown, inRange = false): Parsed<ParamValue> {
  const where = `${def.name}: ${spec.name}`;
  switch (spec.type) {
    case "choice": {
      const choices = spec.choices ?? [];
      return typeof v === "string" && choices.includes(v) ? { ok: true, value: v }
        : { ok: false, message: `${where} must be one of ${choices.map((c) => `"${c}"`).join(", ")}, not ${JSON.stringify(v)}.` };
    }
    case "bool":
      return typeof v === "boolean" ? { ok: true, value: v } : { ok: false, message: `${where} must be true or false, not ${JSON.stringify(v)}.` };
    default: {
      if (typeof v !== "number" || !Number.isFinite(v)) return { ok: false, message: `${where} must be a finite number, not ${JSON.stringify(v)}.` };
      const r = checkNumber(spec, v, inRange);
      return r.ok ? r : { ok: false, message: `${def.name}: ${r.message}` };
    }
  }
}

// ---- the x range ----

/** "-4, 4", "-4 4", "[-4, 4]", "-4 .. 4" or "-4 to 4"; empty text means the defaults. */
export function parseXRange(text: string, defaults: readonly [number, number]): Parsed<[number, number]> {
  const t = text.trim().replace(/^\[(.*)\]$/, "$1").trim();
  if (t === "") return { ok: true, value: [defaults[0], defaults[1]] };
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*(?:,|;|\.\.|…|\bto\b|\s)\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)$/i.exec(t);
  if (!m) return { ok: false, message: `Type two numbers, the smallest and the largest x, e.g. "${formatNumber(defaults[0])}, ${formatNumber(defaults[1])}".` };
  return checkXRange([Number(m[1]), Number(m[2])]);
}

export const MAX_ABS_X = 1e6;

export function checkXRange(x: unknown): Parsed<[number, number]> {
  if (!Array.isArray(x) || x.length !== 2 || !x.every((v) => typeof v === "number" && Number.isFinite(v))) {
    return { ok: false, message: `x must be two finite numbers [min, max], not ${JSON.stringify(x)}.` };
  }
  const [lo, hi] = x as [number, number];
  if (!(lo < hi)) return { ok: false, message: `The x range must go from a smaller to a larger number; got ${formatNumber(lo)} to ${formatNumber(hi)}.` };
  if (Math.abs(lo) > MAX_ABS_X || Math.abs(hi) > MAX_ABS_X) return { ok: false, message: `x must stay within ±${MAX_ABS_X}; got ${formatNumber(lo)} to ${formatNumber(hi)}.` };
  return { ok: true, value: [lo, hi] };
}

// ---- settings and command arguments ----

export interface PlotSettings {
  xMin: number;
  xMax: number;
  points: number;
  showDerivative: boolean;
}

export const DEFAULT_SETTINGS: PlotSettings = { xMin: -5, xMax: 5, points: 401, showDerivative: true };
export const MIN_POINTS = 11;
export const MAX_POINTS = 10001;

/** Settings as read, with anything unusable replaced by the default. */
export function normalizeSettings(raw: Partial<Record<keyof PlotSettings, unknown>>): PlotSettings {
  const x = checkXRange([raw.xMin, raw.xMax]);
  const points = typeof raw.points === "number" && Number.isInteger(raw.points) && raw.points >= MIN_POINTS && raw.points <= MAX_POINTS ? raw.points : DEFAULT_SETTINGS.points;
  return {
    xMin: x.ok ? x.value[0] : DEFAULT_SETTINGS.xMin,
    xMax: x.ok ? x.value[1] : DEFAULT_SETTINGS.xMax,
    points,
    showDerivative: typeof raw.showDerivative === "boolean" ? raw.showDerivative : DEFAULT_SETTINGS.showDerivative,
  };
}

/** The command's arguments, e.g. `{ activations: [{ name: "gelu" }], x: [-4, 4], derivative: true }`. */
export interface PlotArgs {
  activations: (string | { name: string; params?: Record<string, unknown> })[];
  x?: [number, number];
  derivative?: boolean;
  points?: number;
}

/** Whether the command was given plot arguments (a menu passes its own context object instead). */
export function isPlotArgs(arg: unknown): arg is PlotArgs {
  return typeof arg === "object" && arg !== null && Array.isArray((arg as { activations?: unknown }).activations);
}

/**
 * One activation with checked parameters: the name as the registry spells it, and only the
 * parameters that differ from the defaults (so the label and the generated code stay short).
 */
export function checkActivation(a: unknown, inRange = false): Parsed<PlotActivation> {
  const given = typeof a === "string" ? { name: a } : a;
  if (typeof given !== "object" || given === null || typeof (given as { name?: unknown }).name !== "string") {
    return { ok: false, message: `Each activation is a name or { name, params }, not ${JSON.stringify(a)}.` };
  }
  const { name, params } = given as { name: string; params?: unknown };
  let def: ActivationDefinition;
  try {
    def = getActivation(name);
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  if (params !== undefined && (typeof params !== "object" || params === null || Array.isArray(params))) {
    return { ok: false, message: `${def.name}: params must be an object such as { ${plotParams(def)[0]?.name ?? "name"}: value }, not ${JSON.stringify(params)}.` };
  }
  const shown = plotParams(def);
  const out: Record<string, ParamValue> = {};
  for (const [key, value] of Object.entries((params ?? {}) as Record<string, unknown>)) {
    const spec = shown.find((p) => p.name === key);
    if (!spec) {
      const known = shown.map((p) => p.name);
      return { ok: false, message: `${def.name} has no parameter '${key}' to plot; its parameters: ${known.length ? known.join(", ") : "(none)"}.` };
    }
    const r = checkParamValue(def, spec, value, inRange);
    if (!r.ok) return r;
    if (r.value !== spec.default) out[key] = r.value;
  }
  // definition order, so equal plots give equal code
  const ordered = Object.fromEntries(shown.filter((p) => p.name in out).map((p) => [p.name, out[p.name]]));
  return { ok: true, value: Object.keys(ordered).length ? { name: def.name, params: ordered } : { name: def.name } };
}

/** The command's arguments (or a webview's values) as checked plot values; settings fill the gaps. */
export function checkPlotValues(arg: unknown, settings: PlotSettings = DEFAULT_SETTINGS): Parsed<PlotValues> {
  if (!isPlotArgs(arg)) return { ok: false, message: "Give { activations: [{ name, params? }, ...], x?: [min, max], derivative?: boolean, points?: number }." };
  if (arg.activations.length === 0) return { ok: false, message: "Choose at least one activation." };
  const activations: PlotActivation[] = [];
  for (const a of arg.activations) {
    const r = checkActivation(a);
    if (!r.ok) return r;
    activations.push(r.value);
  }
  const x = arg.x === undefined ? { ok: true as const, value: [settings.xMin, settings.xMax] as [number, number] } : checkXRange(arg.x);
  if (!x.ok) return x;
  if (arg.derivative !== undefined && typeof arg.derivative !== "boolean") return { ok: false, message: `derivative must be true or false, not ${JSON.stringify(arg.derivative)}.` };
  const points = arg.points ?? settings.points;
  if (typeof points !== "number" || !Number.isInteger(points) || points < MIN_POINTS || points > MAX_POINTS) {
    return { ok: false, message: `points must be a whole number from ${MIN_POINTS} to ${MAX_POINTS}, not ${JSON.stringify(points)}.` };
  }
  return { ok: true, value: { activations, x: x.value, derivative: arg.derivative ?? settings.showDerivative, points } };
}

// ---- the panel ----

/** "Plot: GELU, Leaky ReLU": the activations' titles, each once. */
export function panelTitle(activations: readonly PlotActivation[]): string {
  const titles = [...new Set(activations.map((a) => getActivation(a.name).title))];
  return `Plot: ${titles.join(", ")}`;
}

/** A step of about 1/100 of the span, rounded down to 1, 2 or 5 times a power of ten. */
export function niceStep(span: number): number {
  const raw = span / 100;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return Number(((m >= 5 ? 5 : m >= 2 ? 2 : 1) * p).toPrecision(6));
}

/** The x sliders' common bounds: ±10, or wide enough for the current range (rounded up to a nice number). */
export function xSliderBounds(x: readonly [number, number]): PlotControls["x"] {
  const need = Math.max(10, Math.abs(x[0]), Math.abs(x[1]));
  const p = 10 ** Math.floor(Math.log10(need));
  const limit = Math.ceil(need / p) * p;
  return { min: -limit, max: limit, step: niceStep(2 * limit) };
}

/** A slider's range: the definition's, widened to hold the current value; a default range when it has none. */
export function sliderRange(spec: ParamSpec, value: number): { min: number; max: number; step: number } {
  const d = typeof spec.default === "number" ? spec.default : 0;
  const width = Math.max(1, Math.abs(d));
  let min = spec.min ?? Math.min(0, d - 2 * width);
  let max = spec.max ?? d + 2 * width;
  if (value < min) min = value;
  if (value > max) max = value;
  const step = spec.step ?? (spec.type === "int" ? 1 : niceStep(max - min));
  return { min, max, step };
}

export function paramControl(spec: ParamSpec, value: ParamValue): ParamControl {
  const common = { name: spec.name, symbol: paramSymbol(spec), description: spec.description, default: spec.default };
  if (spec.type === "choice") return { ...common, kind: "choice", choices: [...(spec.choices ?? [])] };
  if (spec.type === "bool") return { ...common, kind: "bool" };
  return { ...common, kind: "range", ...sliderRange(spec, typeof value === "number" ? value : Number(spec.default)), integer: spec.type === "int" };
}

/** The panel's controls for these values: one group per activation, sliders for the x range. */
export function plotControls(values: PlotValues): PlotControls {
  return {
    activations: values.activations.map((a): ActivationControls => {
      const def = getActivation(a.name);
      return {
        name: def.name,
        title: def.title,
        params: plotParams(def).map((spec) => paramControl(spec, a.params?.[spec.name] ?? spec.default)),
      };
    }),
    x: xSliderBounds(values.x),
  };
}

/**
 * Values sent back by the webview, checked against the panel's activations: the same names in
 * the same order (the panel cannot change which activations it shows), parameters and x valid.
 */
export function checkPanelValues(raw: unknown, current: PlotValues): Parsed<PlotValues> {
  const r = checkPlotValues(raw, { xMin: current.x[0], xMax: current.x[1], points: current.points, showDerivative: current.derivative });
  if (!r.ok) return r;
  const same = r.value.activations.length === current.activations.length && r.value.activations.every((a, i) => a.name === current.activations[i].name);
  if (!same) return { ok: false, message: "The panel's activations changed unexpectedly; run Plot activation again." };
  return r;
}
