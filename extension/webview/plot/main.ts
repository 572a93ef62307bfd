// The "Plot activation" panel's page (bundled by scripts/build-browser.mjs into dist/webview/plot.js,
// a module script; what it shares with the renderer comes from the renderer's chunk).
// Draws the spec the extension computed with vega-embed, reusing the notebook renderer's modules:
// its theme (VS Code CSS variables: a theme switch restyles the chart without recomputing it), its
// network rule (a loader that refuses every URL), its readable errors and its tooltip formatter.
// Runs under a strict CSP: Vega expressions go through vega-interpreter (ast: true), never eval.
// Sliders and drop-downs post their values (debounced); the extension answers with a new spec.

import type { Result } from "vega-embed";
import { embedVega, ensureStyle, problemElement } from "../../renderer/draw";
import { describeError, RenderProblem } from "../../renderer/errors";
import { BlockedUrlError, NETWORK_RULE } from "../../renderer/network";
import { prepare } from "../../renderer/prepare";
import type {
  ActivationControls, FromWebview, ParamControl, ParamValue, PlotControls, PlotState, PlotValues, ToWebview,
} from "../../src/plot/protocol";

interface VsCodeApi {
  postMessage(message: FromWebview): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
/** Quiet time before the values are sent... */
const DEBOUNCE_MS = 100;
/** ...but while a slider keeps moving, at least this often. */
const MAX_WAIT_MS = 250;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const chartBox = byId<HTMLDivElement>("actnb-plot");
const controlsBox = byId<HTMLElement>("actnb-plot-controls");
const errorBox = byId<HTMLDivElement>("actnb-plot-error");
const statusBox = byId<HTMLSpanElement>("actnb-plot-status");
const insertButton = byId<HTMLButtonElement>("actnb-plot-insert");

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

// ---- errors and notices ----

/** A problem above the chart (the last chart stays, dimmed); undefined clears it. */
function showProblem(p: RenderProblem | undefined): void {
  if (!p) {
    errorBox.hidden = true;
    errorBox.replaceChildren();
    return;
  }
  errorBox.replaceChildren(problemElement(p));
  errorBox.hidden = false;
}

function notice(level: "info" | "warning" | "error", text: string): void {
  statusBox.className = level === "info" ? "" : level;
  statusBox.textContent = text;
}

// ---- the chart ----

const cssValue = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
/** A concrete font: Vega measures text on a canvas, where var(...) means nothing. */
const currentFont = () => cssValue("--vscode-font-family") || getComputedStyle(document.body).fontFamily || "";

let result: Result | undefined;
let observer: ResizeObserver | undefined;
let lastSpec: Record<string, unknown> | undefined;
let lastTitle = "";
let drawnFont = "";
let drawing = Promise.resolve();

function release(): void {
  observer?.disconnect();
  observer = undefined;
  if (result) {
    try { result.finalize(); } catch { /* already gone */ }
    result = undefined;
  }
}

/** Draws a spec into a new layer over the old chart, then swaps them: the chart updates in place. */
async function draw(spec: Record<string, unknown>, chartTitle: string): Promise<void> {
  lastSpec = spec;
  lastTitle = chartTitle;
  const font = currentFont();
  const prep = prepare(spec, { font: font || undefined });
  if (!prep.ok) {
    release();
    chartBox.replaceChildren(problemElement(prep.problem));
    vscode.postMessage({ type: "renderError", message: `${prep.problem.title}: ${prep.problem.message}` });
    return;
  }
  const layer = el("div", { class: `actnb-vega-chart${prep.fitWidth ? " fit-x" : ""}` });
  const previous = Array.from(chartBox.children);
  if (previous.length) {
    layer.style.position = "absolute";
    layer.style.inset = "0 0 auto 0";
    layer.style.visibility = "hidden";
  }
  chartBox.style.position = "relative";
  chartBox.append(layer);

  const errors: string[] = [];
  let next: Result;
  try {
    next = await embedVega(layer, prep.vgSpec, errors, {
      consolePrefix: "[actnb plot]",
      onBlocked: (url, context) => errors.push(new BlockedUrlError(url, context).message),
    });
  } catch (e) {
    layer.remove();
    throw e;
  }
  if (errors.length) {
    next.finalize();
    layer.remove();
    const blocked = errors.find((m) => m.includes(NETWORK_RULE));
    throw Object.assign(new Error(blocked ?? errors[0]), { problemTitle: blocked ? "Network access blocked" : "The chart could not be drawn" });
  }
  release();
  for (const p of previous) p.remove();
  layer.style.position = "";
  layer.style.inset = "";
  layer.style.visibility = "";
  result = next;
  drawnFont = font;
  chartBox.dataset.chartTitle = chartTitle;
  chartBox.setAttribute("aria-label", chartTitle);
  if (prep.fitWidth) followWidth(layer, next);
}

/** Keeps the chart as wide as the panel. */
function followWidth(layer: HTMLElement, r: Result): void {
  if (typeof ResizeObserver === "undefined") return;
  let last = layer.clientWidth;
  let frame = 0;
  observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const width = layer.clientWidth;
      if (width <= 0 || width === last || r !== result) return;
      last = width;
      try { r.view.signal("width", width); } catch { r.view.resize(); }
      r.view.runAsync().catch((e: unknown) => showProblem(describeError(e, "draw")));
    });
  });
  observer.observe(layer);
}

/** Draws one spec at a time, in order; failures become messages in the panel. */
function render(spec: Record<string, unknown>, chartTitle: string): Promise<void> {
  drawing = drawing.then(() => draw(spec, chartTitle)).then(
    () => { if (!pendingError) showProblem(undefined); },
    (e: unknown) => {
      const p = describeError(e, "draw");
      const title = (e as { problemTitle?: string }).problemTitle;
      showProblem(title ? { ...p, title } : p);
      vscode.postMessage({ type: "renderError", message: p.message });
    },
  );
  return drawing;
}

// ---- controls ----

let values: PlotValues;
let controls: PlotControls;
let seq = 0;
let rendered = -1;
let pendingError = false;
let timer: ReturnType<typeof setTimeout> | undefined;

function decimals(step: number): number {
  const s = String(step);
  const e = /e-(\d+)$/.exec(s);
  if (e) return Number(e[1]);
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

const show = (v: number, step: number) => String(Number(v.toFixed(Math.min(12, decimals(step) + 1))));

let firstPending = 0;

function scheduleUpdate(): void {
  chartBox.classList.add("actnb-plot-stale");
  const now = performance.now();
  if (timer === undefined) firstPending = now;
  else clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    seq++;
    vscode.postMessage({ type: "update", seq, values: structuredClone(values) });
  }, now - firstPending >= MAX_WAIT_MS ? 0 : DEBOUNCE_MS);
}

function paramValue(a: number, c: ParamControl): ParamValue {
  return values.activations[a].params?.[c.name] ?? c.default;
}

function setParam(a: number, name: string, v: ParamValue): void {
  const act = values.activations[a];
  act.params = { ...(act.params ?? {}), [name]: v };
  scheduleUpdate();
}

function rangeRow(id: string, label: string, tooltip: string, min: number, max: number, step: number, value: number, onInput: (v: number) => void): { row: HTMLElement; input: HTMLInputElement; output: HTMLOutputElement } {
  const row = el("div", { class: "actnb-plot-row" });
  const lab = el("label", { for: id, title: tooltip }, label);
  const input = el("input", { type: "range", id, min: String(min), max: String(max), step: String(step), "aria-label": label });
  input.value = String(value);
  const output = el("output", { for: id }, show(value, step));
  input.addEventListener("input", () => {
    const v = Number(input.value);
    output.textContent = show(v, step);
    onInput(v);
  });
  row.append(lab, input, output);
  return { row, input, output };
}

function paramRow(a: number, act: ActivationControls, c: ParamControl): HTMLElement {
  const id = `actnb-plot-param-${a}-${c.name}`;
  const label = c.symbol ? `${c.name} (${c.symbol})` : c.name;
  const value = paramValue(a, c);
  if (c.kind === "range") {
    return rangeRow(id, label, `${act.title}: ${c.description}`, c.min, c.max, c.step, Number(value), (v) => setParam(a, c.name, c.integer ? Math.round(v) : v)).row;
  }
  const row = el("div", { class: "actnb-plot-row" });
  const lab = el("label", { for: id, title: `${act.title}: ${c.description}` }, label);
  if (c.kind === "choice") {
    const select = el("select", { id, "aria-label": label });
    for (const choice of c.choices) select.append(el("option", { value: choice }, choice));
    select.value = String(value);
    select.addEventListener("change", () => setParam(a, c.name, select.value));
    row.append(lab, select, el("span"));
  } else {
    const box = el("input", { type: "checkbox", id, "aria-label": label });
    box.checked = value === true;
    box.addEventListener("change", () => setParam(a, c.name, box.checked));
    row.append(lab, box, el("span"));
  }
  return row;
}

function buildControls(): void {
  const groups: HTMLElement[] = controls.activations.map((act, a) => {
    const set = el("fieldset", { "data-activation": act.name });
    set.append(el("legend", {}, act.title));
    if (!act.params.length) set.append(el("div", { class: "actnb-plot-none" }, "No parameters"));
    for (const c of act.params) set.append(paramRow(a, act, c));
    return set;
  });

  const range = el("fieldset", { "data-activation": "" });
  range.append(el("legend", {}, "Range"));
  const { min, max, step } = controls.x;
  const lo = rangeRow("actnb-plot-x-min", "x min", "Left end of the x range", min, max, step, values.x[0], (v) => {
    if (v > values.x[1] - step) {
      if (values.x[1] + step <= max) setHi(Math.max(values.x[1], v + step));
      else { v = values.x[1] - step; lo.input.value = String(v); lo.output.textContent = show(v, step); }
    }
    values.x = [v, values.x[1]];
    scheduleUpdate();
  });
  const hi = rangeRow("actnb-plot-x-max", "x max", "Right end of the x range", min, max, step, values.x[1], (v) => {
    if (v < values.x[0] + step) {
      if (values.x[0] - step >= min) setLo(Math.min(values.x[0], v - step));
      else { v = values.x[0] + step; hi.input.value = String(v); hi.output.textContent = show(v, step); }
    }
    values.x = [values.x[0], v];
    scheduleUpdate();
  });
  const setLo = (v: number) => { values.x = [v, values.x[1]]; lo.input.value = String(v); lo.output.textContent = show(v, step); };
  const setHi = (v: number) => { values.x = [values.x[0], v]; hi.input.value = String(v); hi.output.textContent = show(v, step); };

  const dRow = el("div", { class: "actnb-plot-row" });
  const dBox = el("input", { type: "checkbox", id: "actnb-plot-derivative", "aria-label": "Show derivatives" });
  dBox.checked = values.derivative;
  dBox.addEventListener("change", () => { values.derivative = dBox.checked; scheduleUpdate(); });
  dRow.append(el("label", { for: "actnb-plot-derivative", title: "f'(x) by autograd, dashed" }, "f'(x)"), dBox, el("span"));
  range.append(lo.row, hi.row, dRow);

  controlsBox.replaceChildren(...groups, range);
}

function applyState(state: PlotState): void {
  controls = state.controls;
  values = structuredClone(state.values);
  rendered = state.version;
  chartBox.dataset.version = String(state.version);
  buildControls();
  chartBox.classList.remove("actnb-plot-stale");
  void render(state.spec, state.chartTitle);
}

// ---- messages ----

window.addEventListener("message", (event: MessageEvent<ToWebview>) => {
  const m = event.data;
  if (!m || typeof m !== "object") return;
  switch (m.type) {
    case "state":
      applyState(m.state);
      return;
    case "spec":
      // answers come in order; an older one still shows the sliders' effect while they move
      if (m.version <= rendered) return;
      rendered = m.version;
      chartBox.dataset.version = String(m.version);
      pendingError = false;
      if (m.seq >= seq && timer === undefined) chartBox.classList.remove("actnb-plot-stale");
      void render(m.spec, m.chartTitle);
      return;
    case "error":
      if (m.seq < seq) return;
      pendingError = true;
      if (timer === undefined) chartBox.classList.remove("actnb-plot-stale");
      showProblem({ title: m.title, message: m.message });
      return;
    case "notice":
      notice(m.level, m.text);
      return;
  }
});

insertButton.addEventListener("click", () => {
  notice("info", "Inserting…");
  vscode.postMessage({ type: "insert", values: structuredClone(values) });
});

// re-theme: colours follow the CSS variables by themselves; the font is measured, so a theme
// whose font differs draws the same spec again (no recomputation)
new MutationObserver(() => {
  if (lastSpec && currentFont() !== drawnFont) void render(lastSpec, lastTitle);
}).observe(document.body, { attributes: true, attributeFilter: ["class", "data-vscode-theme-kind", "style"] });

window.addEventListener("error", (e) => showProblem({ title: "The plot view failed", message: e.message || String(e.error) }));
window.addEventListener("unhandledrejection", (e) => showProblem(describeError(e.reason, "draw")));

// ---- start ----

ensureStyle(document);
const initial = document.getElementById("actnb-plot-state")?.textContent;
let version = -1;
if (initial) {
  try {
    const state = JSON.parse(initial) as PlotState;
    version = state.version;
    applyState(state);
  } catch (e) {
    showProblem(describeError(e, "draw"));
  }
}
vscode.postMessage({ type: "ready", version });
