// Tooltip contents for vega-tooltip (vega-embed's default handler), made safe for the network
// rule: vega-tooltip turns an `image` field into <img src=...>, which would load a URL, and its
// default escaping leaves quotes alone. This formatter escapes everything and shows `image` as text.

import { isPlainObject } from "./theme";

export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function stringify(value: unknown, maxDepth: number): string {
  const stack: unknown[] = [];
  return JSON.stringify(value, function (this: unknown, _key: string, v: unknown) {
    if (typeof v !== "object" || v === null) return v;
    const pos = stack.indexOf(this) + 1;
    stack.length = pos;
    if (stack.length > maxDepth) return "[Object]";
    if (stack.includes(v)) return "[Circular]";
    stack.push(v);
    return v;
  }) ?? String(value);
}

/**
 * vega-tooltip's `formatTooltip` option: a value, or an object of values keyed by field, as HTML.
 * The `sanitize` argument vega-tooltip passes is ignored in favour of escapeHtml.
 */
export function formatTooltip(value: unknown, _sanitize?: unknown, maxDepth = 2): string {
  if (Array.isArray(value)) {
    return `[${value.map((v) => escapeHtml(typeof v === "string" ? v : stringify(v, maxDepth))).join(", ")}]`;
  }
  if (isPlainObject(value)) {
    const { title, ...rest } = value;
    let html = "";
    if (title !== undefined && title !== null && title !== "") html += `<h2>${escapeHtml(title)}</h2>`;
    const rows = Object.entries(rest).filter(([, v]) => v !== undefined);
    if (rows.length > 0) {
      html += "<table>";
      for (const [key, v] of rows) {
        const text = isPlainObject(v) || Array.isArray(v) ? stringify(v, maxDepth) : v;
        html += `<tr><td class="key">${escapeHtml(key)}</td><td class="value">${escapeHtml(text)}</td></tr>`;
      }
      html += "</table>";
    }
    return html || "{}";
  }
  return escapeHtml(value);
}
