// The Vega-Lite notebook renderer (VS Code's notebook renderer API, an ES module bundled by
// scripts/build-browser.mjs into dist/renderer/vega.js). Draws application/vnd.vegalite.v5+json
// and v4+json outputs with vega-embed: SVG renderer (the theme's CSS variables resolve there),
// Vega's AST interpreter instead of eval (CSP-safe), a loader that refuses every URL, tooltips
// styled by the theme, SVG/PNG export buttons, width that follows the output. Never throws out of
// renderOutputItem: whatever fails is shown as a readable message in the output.

import type { ActivationFunction, OutputItem, RendererApi } from "vscode-notebook-renderer";
import type { Result } from "vega-embed";
import * as vega from "vega";
import { expressionInterpreter } from "vega-interpreter";
import { embedVega, ensureStyle, problemElement } from "./draw";
import { describeError, RenderProblem } from "./errors";
import { blockingLoader, BlockedUrlError, NETWORK_RULE } from "./network";
import { prepare, Prepared } from "./prepare";
import { exportSpec } from "./theme";

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function cssLookup(node: Element): (name: string) => string | undefined {
  const styles = getComputedStyle(node);
  return (name) => styles.getPropertyValue(name).trim() || undefined;
}

function base64Utf8(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** One rendered output item: its view, observers and listeners, all released by dispose(). */
class Rendered {
  private disposed = false;
  /** A problem replaced the chart: a render still in flight must not bring it back. */
  private failed = false;
  private result: Result | undefined;
  private observer: ResizeObserver | undefined;
  private frame = 0;
  private chart: HTMLElement | undefined;
  private readonly root = el("div", "actnb-vega");

  constructor(private readonly element: HTMLElement) {}

  async render(item: OutputItem, signal?: AbortSignal): Promise<void> {
    ensureStyle(document);
    this.element.replaceChildren(this.root);
    let text: string;
    try {
      text = item.text();
    } catch (e) {
      return this.showProblem(describeError(e, "compile"));
    }
    // a concrete font: Vega measures text on a canvas, where var(...) means nothing
    const font = cssLookup(this.element)("--vscode-font-family") || getComputedStyle(this.element).fontFamily || undefined;
    const prep = prepare(text, { font });
    if (!prep.ok) return this.showProblem(prep.problem);

    const chart = el("div", "actnb-vega-chart");
    this.chart = chart;
    if (prep.fitWidth) chart.classList.add("fit-x");
    const toolbar = this.toolbar(prep);
    this.root.replaceChildren(toolbar, chart);

    const errors: string[] = [];
    const result = await embedVega(chart, prep.vgSpec, errors, {
      consolePrefix: "[actnb vega]",
      onBlocked: (url, context) => this.blocked(url, context),
    });
    if (this.disposed || this.failed || signal?.aborted) {
      result.finalize();
      return;
    }
    this.result = result;
    const blocked = errors.find((m) => m.includes(NETWORK_RULE));
    if (errors.length > 0) {
      return this.showProblem(blocked
        ? { title: "Network access blocked", message: blocked.replace(/^.*?(This chart asks)/, "$1") }
        : { title: "The chart could not be drawn", message: errors[0] });
    }
    if (prep.warnings.length > 0) {
      const note = el("div", "actnb-vega-note actnb-vega-warning", prep.warnings.slice(0, 3).map((w) => `Vega-Lite: ${w}`).join("\n"));
      this.root.append(note);
    }
    if (prep.fitWidth) this.followWidth(chart, result);
  }

  /** Keeps a fit-x chart as wide as its output (the editor resizing, the output being revealed). */
  private followWidth(chart: HTMLElement, result: Result): void {
    if (typeof ResizeObserver === "undefined") return;
    let last = chart.clientWidth;
    this.observer = new ResizeObserver(() => {
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => {
        if (this.disposed) return;
        const width = chart.clientWidth;
        if (width <= 0 || width === last) return;
        last = width;
        try {
          result.view.signal("width", width);
        } catch {
          result.view.resize();
        }
        result.view.runAsync().catch((e: unknown) => this.showProblem(describeError(e, "draw")));
      });
    });
    this.observer.observe(chart);
  }

  private toolbar(prep: Prepared): HTMLElement {
    const bar = el("div", "actnb-vega-toolbar");
    for (const kind of ["svg", "png"] as const) {
      const button = el("button", undefined, kind.toUpperCase());
      button.type = "button";
      button.title = `Save the chart as ${kind.toUpperCase()}`;
      button.addEventListener("click", () => {
        button.disabled = true;
        this.exportImage(prep, kind)
          .catch((e: unknown) => this.note(`Export failed: ${e instanceof Error ? e.message : String(e)}`))
          .finally(() => { button.disabled = false; });
      });
      bar.append(button);
    }
    return bar;
  }

  /**
   * Draws the chart again off screen with the theme's variables replaced by their current
   * values (a file has no VS Code theme), at the live chart's size, and hands the image to VS
   * Code as a download (a data: link with a download name, which the notebook saves).
   */
  private async exportImage(prep: Prepared, kind: "svg" | "png"): Promise<void> {
    const spec = exportSpec(prep.vgSpec, prep.userBackground, cssLookup(this.element));
    const view = new vega.View(vega.parse(spec as never, undefined, { ast: true }), {
      renderer: "none",
      loader: blockingLoader() as vega.Loader,
      expr: expressionInterpreter,
      logLevel: vega.Error,
    });
    try {
      await view.runAsync();
      // a fit-x chart's width signal starts from its container, which an off-screen view lacks:
      // give it the live chart's container width (autosize then fits the plot inside, as on screen)
      const width = this.chart?.clientWidth ?? 0;
      if (prep.fitWidth && width > 0) {
        try {
          view.signal("width", width);
          await view.runAsync();
        } catch { /* no width signal */ }
      }
      const url = kind === "svg"
        ? `data:image/svg+xml;base64,${base64Utf8(await view.toSVG())}`
        : await view.toImageURL("png", 2);
      const a = el("a");
      a.href = url;
      a.download = prep.fileName(kind);
      a.style.display = "none";
      this.root.append(a);
      a.click();
      a.remove();
    } finally {
      view.finalize();
    }
  }

  /** A request reached the loader (the static scan missed it): links are refused quietly, loads end the chart. */
  private blocked(url: string, context: string): void {
    if (this.disposed) return;
    const message = new BlockedUrlError(url, context).message;
    if (context === "href") this.note(message);
    else queueMicrotask(() => this.showProblem({ title: "Network access blocked", message }));
  }

  private note(text: string): void {
    if (this.disposed) return;
    this.root.append(el("div", "actnb-vega-note", text));
  }

  showProblem(p: RenderProblem): void {
    if (this.disposed) return;
    this.failed = true;
    this.release();
    this.root.replaceChildren(problemElement(p, true));
    if (!this.root.isConnected) this.element.replaceChildren(this.root);
  }

  private release(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    cancelAnimationFrame(this.frame);
    if (this.result) {
      const r = this.result;
      this.result = undefined;
      try { r.finalize(); } catch { /* already gone */ }
      document.getElementById("vg-tooltip-element")?.classList.remove("visible");
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.release();
    this.disposed = true;
  }
}

export const activate: ActivationFunction = () => {
  const rendered = new Map<string, Rendered>();

  const dispose = (id: string) => {
    rendered.get(id)?.dispose();
    rendered.delete(id);
  };

  const api: RendererApi = {
    async renderOutputItem(item, element, signal) {
      dispose(item.id);
      const r = new Rendered(element);
      rendered.set(item.id, r);
      try {
        await r.render(item, signal);
      } catch (e) {
        try {
          r.showProblem(describeError(e, "draw"));
        } catch {
          /* never throw out of renderOutputItem */
        }
      }
    },
    disposeOutputItem(id) {
      if (id === undefined) {
        for (const key of [...rendered.keys()]) dispose(key);
      } else dispose(id);
    },
  };
  return api;
};
