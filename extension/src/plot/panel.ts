// The "Plot activation" panel: a webview beside the editor whose chart is computed here, in the
// extension host, by the engine (activationPlot, derivatives by autograd) and drawn in the
// webview by vega-embed (dist/webview/plot.js) under a strict CSP. Sliders post their values; the
// panel recomputes and posts the spec back. "Insert as cell" writes the equivalent code into the
// notebook.
import * as crypto from "crypto";
import * as fs from "fs";
import * as vscode from "vscode";
import { cellCode } from "./codegen";
import { computePlot, ComputedPlot } from "./compute";
import { IDS, nonceFrom, panelHtml } from "./html";
import { checkPanelValues, panelTitle, plotControls } from "./model";
import { NotebookTracker } from "./notebook";
import { FromWebview, isFromWebview, PlotState, PlotValues, ToWebview } from "./protocol";

export const VIEW_TYPE = "actnb.plot";

/** What the command returns: enough for tests to find the panel and check it. */
export interface PlotPanelInfo {
  panelTitle: string;
  chartTitle: string;
  code: string;
  /** The chart's container in the webview. */
  chartElementId: string;
}

export class PlotPanel implements vscode.Disposable {
  private values: PlotValues;
  private computed: ComputedPlot;
  private version = 0;
  private disposed = false;
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly panel: vscode.WebviewPanel;

  /** Opens a panel beside the editor. Throws (with the engine's message) when the first plot cannot be computed. */
  static open(extensionUri: vscode.Uri, values: PlotValues, notebooks: NotebookTracker, log?: (line: string) => void): PlotPanel {
    const computed = computePlot(values);
    const title = panelTitle(values.activations);
    const root = vscode.Uri.joinPath(extensionUri, "dist", "webview");
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
      enableScripts: true,
      // plot.js imports Vega and the renderer's modules from the chunk it shares with the renderer
      localResourceRoots: [root, vscode.Uri.joinPath(extensionUri, "dist", "renderer")],
      retainContextWhenHidden: false,
    });
    return new PlotPanel(panel, root, values, computed, notebooks, log);
  }

  private constructor(
    panel: vscode.WebviewPanel,
    private readonly root: vscode.Uri,
    values: PlotValues,
    computed: ComputedPlot,
    private readonly notebooks: NotebookTracker,
    private readonly log?: (line: string) => void,
  ) {
    this.panel = panel;
    this.values = values;
    this.computed = computed;
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((m: unknown) => this.receive(m)),
      panel.onDidDispose(() => this.dispose()),
    );
    panel.webview.html = this.html();
  }

  get info(): PlotPanelInfo {
    return { panelTitle: this.panel.title, chartTitle: this.computed.chartTitle, code: cellCode(this.values), chartElementId: IDS.chart };
  }

  private state(): PlotState {
    return { version: this.version, controls: plotControls(this.values), values: this.values, spec: this.computed.spec, chartTitle: this.computed.chartTitle };
  }

  private html(): string {
    const script = vscode.Uri.joinPath(this.root, "plot.js");
    const missing = fs.existsSync(script.fsPath) ? undefined
      : `${script.fsPath} was not found: build it with "node scripts/build-browser.mjs" (part of npm run build), then run Plot activation again.`;
    return panelHtml({
      cspSource: this.panel.webview.cspSource,
      nonce: nonceFrom(crypto.randomBytes(32)),
      scriptUri: this.panel.webview.asWebviewUri(script).toString(),
      title: this.panel.title,
      state: this.state(),
      missingScript: missing,
    });
  }

  private post(m: ToWebview): void {
    void this.panel.webview.postMessage(m).then(undefined, () => { /* the panel closed meanwhile */ });
  }

  private receive(raw: unknown): void {
    if (!isFromWebview(raw)) return;
    const m: FromWebview = raw;
    switch (m.type) {
      case "ready":
        // the page carries the state it was built with; a reloaded page (hidden, then shown) may be older
        if (m.version !== this.version) this.post({ type: "state", state: this.state() });
        return;
      case "update": {
        const checked = checkPanelValues(m.values, this.values);
        if (!checked.ok) {
          this.post({ type: "error", seq: m.seq, title: "These values cannot be plotted", message: checked.message });
          return;
        }
        try {
          const computed = computePlot(checked.value);
          this.values = checked.value;
          this.computed = computed;
          this.version++;
          this.post({ type: "spec", seq: m.seq, version: this.version, values: this.values, spec: computed.spec, chartTitle: computed.chartTitle });
        } catch (e) {
          this.post({ type: "error", seq: m.seq, title: "The plot could not be computed", message: e instanceof Error ? e.message : String(e) });
        }
        return;
      }
      case "insert":
        void this.insert(m.values);
        return;
      case "renderError":
        this.log?.(`Plot activation: the chart could not be drawn: ${m.message}`);
        return;
    }
  }

  private async insert(raw: unknown): Promise<void> {
    const checked = checkPanelValues(raw, this.values);
    if (!checked.ok) {
      this.post({ type: "notice", level: "error", text: checked.message });
      return;
    }
    try {
      const result = await this.notebooks.insertCode(cellCode(checked.value));
      this.post({ type: "notice", level: result.ok ? "info" : "warning", text: result.message });
      if (!result.ok) void vscode.window.showWarningMessage(result.message);
    } catch (e) {
      const text = `Insert as cell failed: ${e instanceof Error ? e.message : String(e)}`;
      this.post({ type: "notice", level: "error", text });
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    while (this.subscriptions.length) this.subscriptions.pop()?.dispose();
    this.panel.dispose();
  }
}
