// The messages between the "Plot activation" panel's webview and the extension host, and the
// values they carry. Self-contained (no imports): the webview bundle and the Node tests read it too.

export type ParamValue = number | string | boolean;

/** One curve: an activation by its torch.nn.functional name, with the parameters that differ from the defaults. */
export interface PlotActivation {
  name: string;
  params?: Record<string, ParamValue>;
}

/** Everything a plot is computed from: what `plot.activationPlot(activations, { x, points, derivative })` receives. */
export interface PlotValues {
  activations: PlotActivation[];
  x: [number, number];
  derivative: boolean;
  points: number;
}

/** A slider (numbers), a drop-down (choices) or a checkbox (booleans) for one parameter. */
export type ParamControl = {
  name: string;
  /** The symbol the definition uses (α, β...) or "". */
  symbol: string;
  description: string;
  default: ParamValue;
} & (
  | { kind: "range"; min: number; max: number; step: number; integer: boolean }
  | { kind: "choice"; choices: string[] }
  | { kind: "bool" }
);

export interface ActivationControls {
  name: string;
  title: string;
  params: ParamControl[];
}

export interface PlotControls {
  activations: ActivationControls[];
  /** Bounds and step of the two x-range sliders. */
  x: { min: number; max: number; step: number };
}

/** The whole panel: sent when the webview (re)loads. */
export interface PlotState {
  /** Increases with every spec the extension computes. */
  version: number;
  controls: PlotControls;
  values: PlotValues;
  spec: Record<string, unknown>;
  chartTitle: string;
}

// ---- extension → webview ----

export interface StateMessage { type: "state"; state: PlotState }
/** A recomputed chart, answering the webview's update number `seq`. */
export interface SpecMessage { type: "spec"; seq: number; version: number; values: PlotValues; spec: Record<string, unknown>; chartTitle: string }
/** The recomputation for update `seq` failed. */
export interface ErrorMessage { type: "error"; seq: number; title: string; message: string }
export interface NoticeMessage { type: "notice"; level: "info" | "warning" | "error"; text: string }

export type ToWebview = StateMessage | SpecMessage | ErrorMessage | NoticeMessage;

// ---- webview → extension ----

/** The webview loaded; `version` is the state it already shows (from the page), or -1. */
export interface ReadyMessage { type: "ready"; version: number }
/** The sliders moved: recompute with these values. */
export interface UpdateMessage { type: "update"; seq: number; values: PlotValues }
/** "Insert as cell" with the current values. */
export interface InsertMessage { type: "insert"; values: PlotValues }
/** The chart failed to draw in the webview (for the log). */
export interface RenderErrorMessage { type: "renderError"; message: string }

export type FromWebview = ReadyMessage | UpdateMessage | InsertMessage | RenderErrorMessage;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Checks a message's shape (not its values: those are validated by the model). */
export function isFromWebview(m: unknown): m is FromWebview {
  if (!isObject(m)) return false;
  switch (m.type) {
    case "ready": return typeof m.version === "number";
    case "update": return typeof m.seq === "number" && isObject(m.values);
    case "insert": return isObject(m.values);
    case "renderError": return typeof m.message === "string";
    default: return false;
  }
}

export function isToWebview(m: unknown): m is ToWebview {
  if (!isObject(m)) return false;
  switch (m.type) {
    case "state": return isObject(m.state);
    case "spec": return typeof m.seq === "number" && isObject(m.spec) && typeof m.chartTitle === "string";
    case "error": return typeof m.seq === "number" && typeof m.message === "string";
    case "notice": return typeof m.text === "string";
    default: return false;
  }
}
