// The "Plot activation" panel's HTML: a strict Content-Security-Policy (one nonce'd module script
// from dist/webview, whose import of the renderer's shared chunk carries the same nonce; no
// 'unsafe-eval', nothing from the network), the chart's container
// <div id="actnb-plot"> (a stable marker for tests, carrying the chart's title), the controls'
// container, the "Insert as cell" button, and the first state as inline JSON so the chart draws
// without waiting for a message. Pure: no vscode.
import type { PlotState } from "./protocol";

/** Ids the webview script and tests rely on. */
export const IDS = {
  chart: "actnb-plot",
  controls: "actnb-plot-controls",
  insert: "actnb-plot-insert",
  status: "actnb-plot-status",
  error: "actnb-plot-error",
  state: "actnb-plot-state",
} as const;

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** JSON that can sit inside a <script> element: no "</script", no "<!--". */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** A nonce: 32 characters from [A-Za-z0-9], from the given random bytes. */
export function nonceFrom(bytes: Uint8Array): string {
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let out = "";
  for (let i = 0; i < 32; i++) out += chars[bytes[i % bytes.length] % chars.length];
  return out;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'unsafe-inline'`,
    `img-src ${cspSource} data:`,
  ].join("; ");
}

export interface PanelHtmlOptions {
  /** webview.cspSource */
  cspSource: string;
  nonce: string;
  /** webview.asWebviewUri(dist/webview/plot.js) */
  scriptUri: string;
  /** The panel's title ("Plot: GELU, Leaky ReLU"). */
  title: string;
  /** The first state; the chart's title goes on the chart's container. */
  state: PlotState;
  /** Set when dist/webview/plot.js is missing: the page says so instead of loading it. */
  missingScript?: string;
}

/** Layout of the panel around the chart (the chart, tooltips and error boxes use the renderer's stylesheet). */
export const PANEL_CSS = `
body { padding: 0 16px 16px; color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size, 13px); background: var(--vscode-editor-background); }
#${IDS.chart} { min-height: 120px; width: 100%; margin-top: 12px; }
#${IDS.chart}.actnb-plot-stale { opacity: 0.55; }
#${IDS.chart} .actnb-vega-chart { width: 100%; }
#${IDS.controls} { display: flex; flex-wrap: wrap; gap: 8px 20px; margin-top: 8px; }
#${IDS.controls} fieldset { border: 1px solid var(--vscode-panel-border, var(--vscode-editorWidget-border, transparent)); border-radius: 3px; padding: 4px 10px 8px; margin: 0; min-width: 240px; }
#${IDS.controls} legend { padding: 0 4px; font-weight: 600; }
.actnb-plot-row { display: grid; grid-template-columns: minmax(90px, max-content) minmax(120px, 1fr) 5em; align-items: center; gap: 8px; margin-top: 4px; }
.actnb-plot-row label { white-space: nowrap; }
.actnb-plot-row output { font-family: var(--vscode-editor-font-family, monospace); font-variant-numeric: tabular-nums; text-align: right; }
.actnb-plot-row input[type=range] { width: 100%; accent-color: var(--vscode-button-background); }
.actnb-plot-row select { color: var(--vscode-dropdown-foreground); background: var(--vscode-dropdown-background); border: 1px solid var(--vscode-dropdown-border, transparent); padding: 2px 4px; }
.actnb-plot-none { color: var(--vscode-descriptionForeground); font-style: italic; margin-top: 4px; }
.actnb-plot-actions { display: flex; align-items: center; gap: 12px; margin-top: 12px; }
#${IDS.insert} { font: inherit; padding: 4px 12px; cursor: pointer; border-radius: 2px; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); }
#${IDS.insert}:hover { background: var(--vscode-button-hoverBackground); }
#${IDS.insert}:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
#${IDS.status} { color: var(--vscode-descriptionForeground); }
#${IDS.status}.warning { color: var(--vscode-editorWarning-foreground, var(--vscode-descriptionForeground)); }
#${IDS.status}.error { color: var(--vscode-errorForeground); }
`;

export function panelHtml(o: PanelHtmlOptions): string {
  const csp = contentSecurityPolicy(o.cspSource, o.nonce);
  const chartTitle = o.state.chartTitle;
  const missing = o.missingScript
    ? `<div id="${IDS.error}" class="actnb-vega-error" role="alert"><div class="actnb-vega-error-title">The plot view is missing</div><div>${escapeHtml(o.missingScript)}</div></div>`
    : `<div id="${IDS.error}" role="alert" hidden></div>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)}</title>
<style>${PANEL_CSS}</style>
</head>
<body>
<main class="actnb-plot-panel">
${missing}
<div id="${IDS.chart}" class="actnb-vega" data-chart-title="${escapeHtml(chartTitle)}" role="img" aria-label="${escapeHtml(chartTitle)}"></div>
<section id="${IDS.controls}" aria-label="Parameters"></section>
<div class="actnb-plot-actions">
<button id="${IDS.insert}" type="button" title="Insert a code cell with this plot into the notebook, after the selected cell">Insert as cell</button>
<span id="${IDS.status}" role="status" aria-live="polite"></span>
</div>
</main>
<script id="${IDS.state}" type="application/json" nonce="${o.nonce}">${inlineJson(o.state)}</script>
${o.missingScript ? "" : `<script type="module" nonce="${o.nonce}" src="${escapeHtml(o.scriptUri)}"></script>`}
</body>
</html>
`;
}
