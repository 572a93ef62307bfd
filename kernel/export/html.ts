// A notebook as one self-contained HTML page, readable anywhere without VS Code or a network:
// markdown rendered, code with its saved outputs (text, errors, images as data: URIs, HTML and
// markdown outputs), Vega-Lite charts drawn as inline SVG, light or dark as the reader's system
// is. A Content-Security-Policy forbids the page any network request and any script.
import type { Cell, DisplayOutput, Notebook, Output } from "../format";
import { chartSvg } from "./chart_svg";
import { renderMarkdown } from "./markdown";
import { PAGE_STYLE } from "./page_style";

const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:";
const CHART_MIMES = ["application/vnd.vegalite.v5+json", "application/vnd.vegalite.v4+json"];
const IMAGE_MIMES = ["image/png", "image/jpeg", "image/gif"];
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

export interface HtmlPage {
  html: string;
  /** Outputs that could not be shown as saved (each is shown by its text instead, with the reason). */
  problems: string[];
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

const pre = (text: string) => `<pre>${escapeHtml(text.replace(ANSI, ""))}</pre>`;

async function displayHtml(o: DisplayOutput, where: string, problems: string[]): Promise<string> {
  const items = o.items;
  const text = typeof items["text/plain"] === "string" ? items["text/plain"] : "";
  const chartMime = CHART_MIMES.find((m) => m in items);
  if (chartMime) {
    try {
      return `<div class="output chart">${await chartSvg(items[chartMime])}</div>`;
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      problems.push(`${where}: chart not drawn: ${reason}`);
      return `<div class="output chart-problem">${pre(`(chart not drawn: ${reason})\n${text}`)}</div>`;
    }
  }
  const imageMime = IMAGE_MIMES.find((m) => typeof items[m] === "string");
  const image = imageMime ? items[imageMime] : undefined;
  if (imageMime && typeof image === "string") return `<div class="output image"><img alt="${escapeHtml(text)}" src="data:${imageMime};base64,${image.replace(/\s+/g, "")}"></div>`;
  const svg = items["image/svg+xml"];
  // as an image, an SVG output can neither run script nor load anything
  if (typeof svg === "string") return `<div class="output image"><img alt="${escapeHtml(text)}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}"></div>`;
  const html = items["text/html"];
  if (typeof html === "string") return `<div class="output html">${html}</div>`;
  const markdown = items["text/markdown"];
  if (typeof markdown === "string") return `<div class="output"><div class="markdown">${renderMarkdown(markdown)}</div></div>`;
  if ("application/json" in items) return `<div class="output json">${pre(JSON.stringify(items["application/json"], null, 2))}</div>`;
  return `<div class="output text">${pre(text)}</div>`;
}

async function outputHtml(o: Output, where: string, problems: string[]): Promise<string> {
  if ("stream" in o) return `<div class="output ${o.stream}">${pre(o.text)}</div>`;
  if ("error" in o) return `<div class="output error">${pre(o.error.stack ?? `${o.error.name}: ${o.error.message}`)}</div>`;
  return displayHtml(o, where, problems);
}

async function cellHtml(cell: Cell, index: number, problems: string[]): Promise<string> {
  if (cell.kind === "markdown") return `<section class="cell markdown">${renderMarkdown(cell.source)}</section>`;
  const count = cell.execution ? `<div class="count">[${cell.execution.order}]</div>` : "";
  const outputs: string[] = [];
  for (const o of cell.outputs) outputs.push(await outputHtml(o, `cell ${index + 1}`, problems));
  return `<section class="cell code">${count}<pre class="source"><code class="language-${escapeHtml(cell.language)}">${escapeHtml(cell.source)}</code></pre>${outputs.join("")}</section>`;
}

/** The page for `nb`; `fallbackTitle` (e.g. the file's name) when the notebook has no title. */
export async function notebookHtml(nb: Notebook, fallbackTitle: string): Promise<HtmlPage> {
  const problems: string[] = [];
  const cells: string[] = [];
  for (const [i, cell] of nb.cells.entries()) cells.push(await cellHtml(cell, i, problems));
  const title = nb.metadata.title ?? fallbackTitle;
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="actnb export --to html">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<main>
${cells.join("\n")}
</main>
</body>
</html>
`;
  return { html, problems };
}
