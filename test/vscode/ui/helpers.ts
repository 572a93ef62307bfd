// Helpers the scenario specs share: notebook cells as a user sees them (run buttons, states,
// execution counts), the kernel picker, Run All, output text, closing editors without saving,
// stable screenshot names, and colours (CSS colours, PNG pixels, contrast).
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import type { Frame, Page } from "playwright-core";
import { launchOptionsFromEnv, REPO_ROOT } from "../launchOptions";
import { notebookOutputFrames, openFile, runCommand, screenshot, Session, startSession, waitUntil } from "../browser";

export const KERNEL_LABEL = "Activation Kernel (TypeScript)";
export const EXTENSION_ID = "actnb.activation-notebooks";

/** Which launch configuration a spec file is meant for (see scripts/vscode-test.mjs, matrix mode). */
export function configuration(): "default" | "untrusted" | "vsix" | "theme" {
  const o = launchOptionsFromEnv();
  if (!o.trusted) return "untrusted";
  if (o.vsix) return "vsix";
  if (o.theme) return "theme";
  return "default";
}

/** `describe` when the spec applies to this launch configuration; otherwise nothing is registered. */
export function describeFor(configs: ReturnType<typeof configuration>[], title: string, fn: (this: Mocha.Suite) => void): void {
  if (configs.includes(configuration())) describe(title, fn);
}

/**
 * One VS Code session for a suite: started before its tests (handed to `use`), stopped after
 * them, and a screenshot after every test, named by `shotName` from the test's title, with
 * FAILED- in front when the test failed.
 */
export function suiteSession(name: string, use: (session: Session) => void, shotName: (title: string) => string = (t) => t): void {
  let session: Session | undefined;
  before(async function () {
    session = await startSession({ name });
    use(session);
  });
  after(async function () {
    await session?.stop();
  });
  afterEach(async function () {
    const title = shotName(this.currentTest?.title ?? "step");
    await session?.screenshot(`${this.currentTest?.state === "failed" ? "FAILED-" : ""}${title}`).catch(() => undefined);
  });
}

/** The engine's chart title for these activations (kernel/plots, compiled into out/). */
export function engineChartTitle(activations: unknown[], options: Record<string, unknown>): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { activationPlot } = require(path.join(REPO_ROOT, "out", "kernel", "plots")) as {
    activationPlot: (a: unknown[], o: Record<string, unknown>) => { spec: { title?: string | { text?: string } } };
  };
  const t = activationPlot(activations, options).spec.title;
  return typeof t === "string" ? t : t?.text ?? "";
}

/** Saves `<resultsDir>/<name>.png` under a stable name (no session prefix). */
export async function stableScreenshot(page: Page, name: string): Promise<string> {
  await page.mouse.move(2, 2).catch(() => undefined); // no hover tooltip in the picture
  return screenshot(page, launchOptionsFromEnv().resultsDir, name);
}

const NOTEBOOK = ".notebookOverlay:visible";

/** The kernel picker's label in the active notebook's toolbar. */
export async function kernelLabel(page: Page): Promise<string | undefined> {
  const l = page.locator(`${NOTEBOOK} .kernel-label`).first();
  if (!(await l.count())) return undefined;
  return (await l.innerText().catch(() => "")).trim() || undefined;
}

/**
 * Makes sure the active notebook's kernel is the Activation Kernel, as a user would: it is normally
 * picked already (our controller is the preferred one); otherwise "Notebook: Select Notebook Kernel".
 */
export async function ensureKernel(page: Page, { timeoutMs = 15_000 } = {}): Promise<void> {
  const picked = await waitUntil(async () => (await kernelLabel(page)) === KERNEL_LABEL, { timeoutMs: 5000 }).catch(() => false);
  if (picked) return;
  await runCommand(page, "Notebook: Select Notebook Kernel");
  const row = page.locator(".quick-input-widget .monaco-list-row").filter({ hasText: KERNEL_LABEL }).first();
  await row.waitFor({ state: "visible", timeout: timeoutMs });
  await row.click();
  await waitUntil(async () => (await kernelLabel(page)) === KERNEL_LABEL, { timeoutMs, message: `the kernel picker to show "${KERNEL_LABEL}"` });
}

/** "Notebook: Run All" from the palette (once more if the palette did not list it yet). */
export async function runAll(page: Page): Promise<void> {
  await ensureKernel(page);
  try {
    await runCommand(page, "Notebook: Run All");
  } catch {
    // right after opening, the notebook's context keys may not be set yet
    await page.waitForTimeout(1500);
    await runCommand(page, "Notebook: Run All");
  }
}

export function codeCell(page: Page, index: number) {
  return page.locator(`${NOTEBOOK} .cell-list-container .monaco-list-row.code-cell-row[data-index='${index}']`).first();
}

export interface CellState {
  /** The execution count label: "[ ]", "[3]". */
  count: string;
  state: "idle" | "pending" | "executing" | "success" | "error";
  /** The run button's label: "Execute Cell (…)" or "Stop Cell Execution". */
  runLabel: string;
}

export async function cellState(page: Page, index: number): Promise<CellState> {
  return codeCell(page, index).evaluate((row) => {
    const icons = Array.from(row.querySelectorAll(".cell-statusbar-container .codicon")).map((e) => e.className).join(" ");
    const state = /notebook-state-executing/.test(icons)
      ? "executing"
      : /notebook-state-pending/.test(icons)
        ? "pending"
        : /notebook-state-success/.test(icons)
          ? "success"
          : /notebook-state-error/.test(icons)
            ? "error"
            : "idle";
    return {
      count: (row.querySelector(".execution-count-label")?.textContent ?? "").trim(),
      state: state as CellState["state"],
      runLabel: row.querySelector(".run-button-container .action-label")?.getAttribute("aria-label") ?? "",
    };
  });
}

/** Clicks a cell's own run-toolbar button ("Execute Cell…" or "Stop Cell Execution"), hovering first like a mouse user. */
export async function clickCellRunButton(page: Page, index: number, label: "Execute Cell" | "Stop Cell Execution"): Promise<void> {
  const row = codeCell(page, index);
  await row.scrollIntoViewIfNeeded();
  await row.hover();
  const button = row.locator(`.run-button-container .action-label[aria-label^='${label}']`);
  await button.waitFor({ state: "visible", timeout: 5000 });
  await button.click();
}

/** The text of every notebook output document (all cells' outputs of the visible notebooks). */
export async function allOutputText(page: Page): Promise<string> {
  const texts: string[] = [];
  for (const f of notebookOutputFrames(page)) {
    if (f.isDetached()) continue;
    texts.push(await f.evaluate(() => document.body?.innerText ?? "").catch(() => ""));
  }
  return texts.join("\n");
}

/** Waits until some output document contains `text`; returns that frame. */
export async function waitForOutputText(page: Page, text: string, { timeoutMs = 30_000 } = {}): Promise<Frame> {
  return waitUntil(
    async () => {
      for (const f of notebookOutputFrames(page)) {
        if (f.isDetached()) continue;
        const t = await f.evaluate(() => document.body?.innerText ?? "").catch(() => "");
        if (t.includes(text)) return f;
      }
      return undefined;
    },
    { timeoutMs, message: () => `an output showing ${JSON.stringify(text)}` },
  );
}

/** Closes every editor; a "save changes?" dialog for a notebook that ran is answered "Don't Save". */
export async function closeAllEditors(page: Page): Promise<void> {
  await runCommand(page, "View: Close All Editors").catch(() => undefined);
  for (let i = 0; i < 10; i++) {
    const dialog = page.locator(".monaco-dialog-box").filter({ hasText: "save" });
    if (!(await dialog.first().isVisible().catch(() => false))) {
      await page.waitForTimeout(300);
      if (!(await dialog.first().isVisible().catch(() => false))) break;
    }
    await dialog.first().getByRole("button", { name: /Don't Save/ }).click();
    await page.waitForTimeout(300);
  }
}

// ---- colours --------------------------------------------------------------------------------------

export type RGB = [number, number, number];

/** "#rgb", "#rrggbb", "#rrggbbaa", "rgb(…)" or "rgba(…)" to [r, g, b] (alpha dropped); undefined otherwise. */
export function parseColor(css: string): RGB | undefined {
  const s = css.trim().toLowerCase();
  let m = /^#([0-9a-f]{3})$/.exec(s);
  if (m) return [...m[1]].map((c) => parseInt(c + c, 16)) as RGB;
  m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/.exec(s);
  if (m) return [0, 2, 4].map((i) => parseInt(m![1].slice(i, i + 2), 16)) as RGB;
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(s);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])].map(Math.round) as RGB;
  return undefined;
}

export const hex = (c: RGB) => `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`;

export function luminance([r, g, b]: RGB): number {
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: RGB, b: RGB): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

export const near = (a: RGB, b: RGB, tolerance = 3) => a.every((v, i) => Math.abs(v - b[i]) <= tolerance);

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium's screenshots are) into pixels. */
export function decodePng(png: Buffer): { width: number; height: number; pixel: (x: number, y: number) => RGB } {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error("not a PNG");
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString("ascii", pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const depth = data[8];
      const colorType = data[9];
      if (depth !== 8 || data[12] !== 0 || (colorType !== 2 && colorType !== 6)) throw new Error(`unsupported PNG (depth ${depth}, colour type ${colorType})`);
      channels = colorType === 6 ? 4 : 3;
    } else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") break;
    pos += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[y * stride + x - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = v & 0xff;
    }
  }
  return { width, height, pixel: (x, y) => [out[y * stride + x * channels], out[y * stride + x * channels + 1], out[y * stride + x * channels + 2]] };
}

/** The most frequent pixel colour of a PNG, and its share of the pixels. */
export function dominantColor(png: Buffer): { color: RGB; share: number } {
  const img = decodePng(png);
  const counts = new Map<number, number>();
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const [r, g, b] = img.pixel(x, y);
      const k = (r << 16) | (g << 8) | b;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  let best = 0;
  let n = 0;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return { color: [(best >> 16) & 255, (best >> 8) & 255, best & 255], share: n / (img.width * img.height) };
}

export function writeJson(name: string, value: unknown): void {
  const dir = launchOptionsFromEnv().resultsDir;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, name), JSON.stringify(value, null, 2));
}

// ---- the chart fixture (scenarios 2, 6 and 7) -----------------------------------------------------

/** What test/vscode/fixtures/workspace/chart.actnb plots. */
export const CHART_ACTIVATIONS = ["relu", { name: "leaky_relu", params: { negative_slope: 0.2 } }];
export const CHART_OPTIONS = { derivative: true };

export interface DrawnChart {
  frame: Frame;
  /** Our renderer's container (.actnb-vega) holds the chart. */
  ourRenderer: boolean;
  /** The chart's element: an SVG (svg.marks) or a canvas. */
  kind: "svg" | "canvas" | "none";
  /** The title as drawn in the SVG. */
  title: string;
  lineMarks: number;
  /** The text/plain fallback's second line ("x from … (401 points)") is on show. */
  fallbackShown: boolean;
}

/** Opens chart.actnb (Ctrl+P), runs it (palette) and waits for the chart our renderer draws in its output. */
export async function drawChartFixture(page: Page): Promise<DrawnChart> {
  await openFile(page, "chart.actnb", { expect: "notebook" });
  await runAll(page);
  // the first cell of a fresh kernel compiles TypeScript: allow for a cold start on a busy machine
  const frame = await waitUntil(
    async () => {
      for (const f of notebookOutputFrames(page)) {
        if (f.isDetached()) continue;
        const ok = await f.evaluate(() => !!document.querySelector(".actnb-vega svg.marks, .actnb-vega canvas, svg.marks") || /401 points/.test(document.body?.innerText ?? "")).catch(() => false);
        if (ok) return f;
      }
      return undefined;
    },
    { timeoutMs: 90_000, message: "the chart (or any output of chart.actnb)" },
  );
  await codeCell(page, 0).scrollIntoViewIfNeeded().catch(() => undefined);
  await page.waitForTimeout(500); // vega draws asynchronously after the element appears
  const d = await frame.evaluate(() => {
    const root = document.querySelector(".actnb-vega");
    const svg = document.querySelector("svg.marks");
    const canvas = root?.querySelector("canvas");
    const title = svg?.querySelector(".role-title-text text, .role-title text")?.textContent ?? "";
    return {
      ourRenderer: !!root && !!(svg ? root.contains(svg) : canvas),
      kind: (svg ? "svg" : canvas ? "canvas" : "none") as "svg" | "canvas" | "none",
      title,
      lineMarks: svg ? svg.querySelectorAll(".mark-line path").length : 0,
      fallbackShown: /401 points/.test(document.body?.innerText ?? ""),
    };
  });
  return { frame, ...d };
}
