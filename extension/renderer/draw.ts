// Drawing a chart in the browser, as the notebook renderer (index.ts) and the "Plot activation"
// panel's webview (extension/webview/plot/main.ts) both do: the stylesheet, a problem as DOM,
// and vega-embed with the renderer's options (SVG, the theme's tooltips, Vega's AST interpreter
// instead of eval for a strict CSP, a loader that refuses every URL, Vega's errors collected).

import embed from "vega-embed";
import type { Result } from "vega-embed";
import * as vega from "vega";
import { expressionInterpreter } from "vega-interpreter";
import { RenderProblem } from "./errors";
import { blockingLoader, NETWORK_RULE } from "./network";
import { CSS, STYLE_ID, TOOLTIP_THEME } from "./style";
import { formatTooltip } from "./tooltip";

/** Adds the renderer's stylesheet to doc once. */
export function ensureStyle(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement("style");
  style.id = STYLE_ID;
  style.textContent = CSS;
  (doc.head ?? doc.body).appendChild(style);
}

function part<K extends keyof HTMLElementTagNameMap>(tag: K, className: string | undefined, text: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  e.textContent = text;
  return e;
}

/**
 * The problem as DOM, built with textContent only (messages may quote the spec). With alert, the
 * box has role="alert" (leave it out where the box goes into a container that is an alert already).
 */
export function problemElement(p: RenderProblem, alert = false): HTMLElement {
  const box = document.createElement("div");
  box.className = "actnb-vega-error";
  if (alert) box.setAttribute("role", "alert");
  box.append(part("div", "actnb-vega-error-title", p.title), part("div", "actnb-vega-error-message", p.message));
  if (p.where) box.append(part("div", "actnb-vega-error-where", `At: ${p.where}`));
  if (p.detail) box.append(part("pre", undefined, p.detail));
  return box;
}

export interface EmbedVegaOptions {
  /** Prefix of the warnings written to the console (those that are not errors here). */
  consolePrefix: string;
  /** Told about every URL the loader refuses (the static scan of the spec missed it). */
  onBlocked?: (url: string, context: string) => void;
}

/**
 * Draws a compiled Vega spec into element with vega-embed. What Vega logs as an error, and a
 * refused load (which Vega logs as a warning, "Loading failed"), is pushed onto errors; the
 * caller decides what a non-empty list means. Rejects when vega-embed throws.
 */
export function embedVega(element: HTMLElement, vgSpec: unknown, errors: string[], options: EmbedVegaOptions): Promise<Result> {
  const logger = vega.logger(vega.Warn, undefined, (method, _level, input) => {
    const msg = Array.from(input as ArrayLike<unknown>, (a) => (a instanceof Error ? a.message : String(a))).join(" ");
    // a refused load is logged as a warning ("Loading failed"): it is an error here
    if (method === "error" || msg.includes(NETWORK_RULE)) errors.push(msg);
    else console.warn(options.consolePrefix, msg);
  });
  const loader = blockingLoader(options.onBlocked);
  class LoggedView extends vega.View {
    constructor(runtime: vega.Runtime, opts?: vega.ViewOptions) { super(runtime, { ...opts, logger }); }
  }

  return embed(element, vgSpec as never, {
    mode: "vega",
    renderer: "svg",
    actions: false,
    defaultStyle: false,
    hover: false,
    ast: true,
    expr: expressionInterpreter,
    loader: loader as vega.Loader,
    logLevel: vega.Warn,
    tooltip: { theme: TOOLTIP_THEME, formatTooltip },
    viewClass: LoggedView,
  });
}
