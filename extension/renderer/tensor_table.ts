// A tensor as a colour-scaled table (a heatmap with its numbers), as plain HTML and CSS: no script,
// nothing from the network. Colours are the theme's (--vscode-charts-red for values above zero or
// the high end, --vscode-charts-blue below zero), mixed into the background by magnitude, so the
// table follows the VS Code theme as it changes. Pure: the Variables view's panel renders it in the
// extension host, a notebook renderer could in the browser.
import type { CellValue, TensorView } from "../../kernel/display/tensor_view_types";

/** Colour levels: a cell's class is its magnitude rounded to one of these steps. */
const LEVELS = 20;

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Short enough for a table cell; the tooltip has the full value. */
function formatValue(v: CellValue, integral: boolean): string {
  if (typeof v !== "number") return v;
  if (integral) return String(v);
  if (v === 0) return "0";
  const a = Math.abs(v);
  return a >= 1e5 || a < 1e-3 ? v.toExponential(2) : String(Number(v.toPrecision(4)));
}

/**
 * The colour class of a value: "p<level>" (red) or "n<level>" (blue). Around zero when the range
 * spans it (diverging), else from the minimum up (sequential, in red).
 */
export function colourClass(v: CellValue, range: TensorView["range"]): string {
  if (v === "nan" || !range) return "nan";
  const x = v === "inf" ? Infinity : v === "-inf" ? -Infinity : v;
  const { min, max } = range;
  if (min < 0 && max > 0) {
    const scale = Math.max(-min, max);
    const level = Math.round(Math.min(1, Math.abs(x) / scale) * LEVELS);
    return x < 0 ? `n${level}` : `p${level}`;
  }
  const level = max === min ? LEVELS : Math.round(Math.min(1, Math.max(0, (x - min) / (max - min))) * LEVELS);
  return `p${level}`;
}

function levelRules(): string {
  const rules: string[] = [];
  for (let l = 0; l <= LEVELS; l++) {
    const pct = Math.round((l / LEVELS) * 85);
    rules.push(`.actnb-tensor td.p${l} { background: color-mix(in srgb, var(--vscode-charts-red, #f14c4c) ${pct}%, transparent); }`);
    rules.push(`.actnb-tensor td.n${l} { background: color-mix(in srgb, var(--vscode-charts-blue, #3794ff) ${pct}%, transparent); }`);
  }
  return rules.join("\n");
}

export const TENSOR_TABLE_CSS = `
.actnb-tensor { color: var(--vscode-editor-foreground, var(--vscode-foreground)); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size, 13px); }
.actnb-tensor-facts { margin: 0 0 6px; }
.actnb-tensor-facts code { font-family: var(--vscode-editor-font-family, monospace); }
.actnb-tensor-note { color: var(--vscode-editorWarning-foreground, var(--vscode-descriptionForeground)); margin: 2px 0; }
.actnb-tensor-slice { margin: 10px 0 4px; font-family: var(--vscode-editor-font-family, monospace); color: var(--vscode-descriptionForeground); }
.actnb-tensor table { border-collapse: collapse; font-family: var(--vscode-editor-font-family, monospace); font-size: var(--vscode-editor-font-size, 12px); font-variant-numeric: tabular-nums; }
.actnb-tensor th { color: var(--vscode-descriptionForeground); font-weight: normal; padding: 1px 6px; text-align: right; }
.actnb-tensor td { padding: 1px 6px; text-align: right; border: 1px solid var(--vscode-editorWidget-border, transparent); }
.actnb-tensor td.nan { color: var(--vscode-descriptionForeground); }
${levelRules()}
`;

/** The facts line, the notes on what is left out, then one table per slice. */
export function tensorTableHtml(name: string, view: TensorView): string {
  const integral = !/float/.test(view.dtype);
  const facts = [
    `<code>${escapeHtml(name)}</code>`,
    `shape <code>[${view.shape.join(", ")}]</code>`,
    `<code>${escapeHtml(view.dtype)}</code>`,
    `${view.numel.toLocaleString("en")} element${view.numel === 1 ? "" : "s"}`,
    view.requires_grad ? "requires_grad" : "",
    view.grad_fn ? `grad_fn <code>${escapeHtml(view.grad_fn)}</code>` : "",
    view.range ? `range ${formatValue(view.range.min, integral)} … ${formatValue(view.range.max, integral)}` : "",
  ].filter(Boolean).join(" · ");
  const parts = [`<div class="actnb-tensor" data-shape="${view.shape.join(",")}">`, `<p class="actnb-tensor-facts">${facts}</p>`];
  for (const note of view.notes) parts.push(`<p class="actnb-tensor-note">${escapeHtml(note)}</p>`);
  const cols = view.slices[0]?.rows[0]?.length ?? 0;
  for (const slice of view.slices) {
    if (slice.label) parts.push(`<div class="actnb-tensor-slice">${escapeHtml(name)}${escapeHtml(slice.label)}</div>`);
    const head = Array.from({ length: cols }, (_, j) => `<th>${j}</th>`).join("");
    const body = slice.rows.map((row, i) => `<tr><th>${i}</th>${row.map((v, j) => `<td class="${colourClass(v, view.range)}" title="${view.shape.length <= 1 ? `[${j}]` : `[${i}, ${j}]`} = ${v}">${formatValue(v, integral)}</td>`).join("")}</tr>`).join("");
    parts.push(`<table><thead><tr><th></th>${head}</tr></thead><tbody>${body}</tbody></table>`);
  }
  parts.push("</div>");
  return parts.join("\n");
}
