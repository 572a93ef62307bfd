// Driving VS Code's workbench in the browser like a user: palette commands typed key by key, files
// opened with Ctrl+P, notebook output and webview frames found by URL, screenshots.
// See /work/shared/notes/offline-vscode.md (pitfalls 1–5) for why each helper does what it does.
import * as fs from "node:fs";
import * as path from "node:path";
import type { Frame, Locator, Page } from "playwright-core";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns a truthy value; throws `message()` at the deadline. */
export async function waitUntil<T>(
  fn: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  { timeoutMs = 20_000, intervalMs = 200, message = "condition" }: { timeoutMs?: number; intervalMs?: number; message?: string | (() => string) } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as T;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const m = typeof message === "function" ? message() : message;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${m}${lastError ? ` (last error: ${String(lastError)})` : ""}`);
    }
    await sleep(intervalMs);
  }
}

/**
 * Waits for the workbench to be up and settled: the shell, the status bar, the explorer listing the
 * folder (file service and search ready), then `settleMs` more (pitfall 2: acting in the first
 * seconds can open files in the wrong editor).
 */
export async function waitForWorkbench(
  page: Page,
  { timeoutMs = 60_000, settleMs = 1500, expectFolder = true }: { timeoutMs?: number; settleMs?: number; expectFolder?: boolean } = {},
): Promise<void> {
  await page.locator(".monaco-workbench").first().waitFor({ state: "visible", timeout: timeoutMs });
  await page.locator(".part.statusbar").first().waitFor({ state: "visible", timeout: timeoutMs });
  if (expectFolder) {
    await page
      .locator(".explorer-folders-view .monaco-list-row")
      .first()
      .waitFor({ state: "visible", timeout: timeoutMs });
  }
  await sleep(settleMs);
}

/**
 * Answers the startup "Do you trust the authors of the files in this folder?" dialog (shown when the
 * workspace is untrusted) by clicking a button as a user would: "decline" keeps Restricted Mode,
 * "accept" trusts the folder. Returns false when no such dialog came within `timeoutMs`.
 */
export async function answerTrustPrompt(page: Page, answer: "decline" | "accept", { timeoutMs = 15_000 } = {}): Promise<boolean> {
  const dialog = page.locator(".monaco-dialog-box").filter({ hasText: "Do you trust the authors" });
  try {
    await dialog.first().waitFor({ state: "visible", timeout: timeoutMs });
  } catch {
    return false;
  }
  const label = answer === "accept" ? "Yes, I trust the authors" : "No, I don't trust the authors";
  await dialog.first().getByRole("button", { name: label }).click();
  await dialog.first().waitFor({ state: "hidden", timeout: 10_000 });
  return true;
}

/** Whether the status bar shows the Restricted Mode indicator. */
export async function inRestrictedMode(page: Page): Promise<boolean> {
  return (await page.locator(".part.statusbar").getByText("Restricted Mode").count()) > 0;
}

const QUICK_INPUT = ".quick-input-widget";

async function quickInputRows(page: Page): Promise<{ label: string; focused: boolean }[]> {
  return page.$$eval(`${QUICK_INPUT} .monaco-list-row`, (rows) =>
    rows.map((r) => ({ label: r.getAttribute("aria-label") ?? "", focused: r.classList.contains("focused") })),
  );
}

/** The aria-label of the quick input's focused row, or undefined. */
export async function focusedQuickPickLabel(page: Page): Promise<string | undefined> {
  return (await quickInputRows(page)).find((r) => r.focused)?.label;
}

async function closeQuickInput(page: Page): Promise<void> {
  if (await page.locator(QUICK_INPUT).isVisible()) {
    await page.keyboard.press("Escape");
    await page.locator(QUICK_INPUT).waitFor({ state: "hidden", timeout: 5000 }).catch(() => undefined);
  }
}

/**
 * Moves the quick pick's focus onto the row `matches` accepts (pitfall 4: the fuzzy match can focus
 * the wrong row) with the arrow keys, as a user would, then presses Enter. Throws, listing the rows,
 * when no row matches.
 */
async function acceptRow(page: Page, matches: (label: string) => boolean, what: string, timeoutMs: number): Promise<string> {
  const rows = await waitUntil(
    async () => {
      const r = await quickInputRows(page);
      return r.some((x) => matches(x.label)) && r.some((x) => x.focused) ? r : undefined;
    },
    {
      timeoutMs,
      message: () => `a quick pick row for ${what}`,
    },
  ).catch(async (e) => {
    const r = await quickInputRows(page).catch(() => []);
    await closeQuickInput(page);
    throw new Error(`${(e as Error).message}; rows were: ${JSON.stringify(r.map((x) => x.label))}`);
  });
  let focused = rows.findIndex((r) => r.focused);
  const target = rows.findIndex((r) => matches(r.label));
  // rows are virtualized, but the target is among the rendered ones: walk to it
  for (let i = 0; i < 50 && !matches(rows[focused]?.label ?? ""); i++) {
    await page.keyboard.press(target > focused ? "ArrowDown" : "ArrowUp");
    const now = await quickInputRows(page);
    focused = now.findIndex((r) => r.focused);
    rows.splice(0, rows.length, ...now);
  }
  const label = (await focusedQuickPickLabel(page)) ?? "";
  if (!matches(label)) {
    await closeQuickInput(page);
    throw new Error(`could not focus the quick pick row for ${what}; focused: ${JSON.stringify(label)}`);
  }
  await page.keyboard.press("Enter");
  return label;
}

/**
 * A command row's aria-label is its title, then ", <keybinding>" when it has one:
 * "View: Close Editor, Control+W". Typing "View: Close Editor" focuses "View: Close All Editor
 * Groups, Control+K Control+Shift+W" first — exactly pitfall 4.
 */
function commandRowMatches(title: string): (label: string) => boolean {
  return (label) => label === title || label.startsWith(`${title}, `);
}

/**
 * Runs a command the way a user does: F1, types its title key by key, checks that the focused row
 * is that command (not a fuzzy neighbour), presses Enter. `title` is what the palette shows, e.g.
 * "Notebook: Run All" (pitfall 5: it has no default key).
 */
export async function runCommand(page: Page, title: string, { timeoutMs = 10_000, typeDelayMs = 15 } = {}): Promise<void> {
  await closeQuickInput(page);
  await page.keyboard.press("F1");
  const input = page.locator(`${QUICK_INPUT} input`);
  await input.waitFor({ state: "visible", timeout: timeoutMs });
  await page.keyboard.type(title, { delay: typeDelayMs });
  await acceptRow(page, commandRowMatches(title), `command "${title}"`, timeoutMs);
  await page.locator(QUICK_INPUT).waitFor({ state: "hidden", timeout: timeoutMs }).catch(() => undefined);
}

export interface OpenFileOptions {
  /** What the file should open in: a notebook editor, a text editor, or either. Default "any". */
  expect?: "notebook" | "text" | "any";
  /** Tries when the file opened in the wrong editor (pitfall 2). Default 3. */
  attempts?: number;
  timeoutMs?: number;
}

/** The label of the active editor tab (the file's name), or undefined. */
export async function activeTabLabel(page: Page): Promise<string | undefined> {
  const tab = page.locator(".part.editor .tabs-container .tab.active").first();
  if (!(await tab.count())) return undefined;
  return (await tab.getAttribute("aria-label")) ?? undefined;
}

/** Whether the active editor pane is a notebook editor. */
export async function activeEditorIsNotebook(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const group = document.querySelector(".part.editor .editor-group-container.active");
    const nb = group?.querySelector(".notebook-editor");
    return !!nb && (nb as HTMLElement).offsetParent !== null;
  });
}

/**
 * Opens a workspace file with Ctrl+P (quick open), typing its name like a user and checking the
 * focused row before Enter. With `expect: "notebook"`, a file that came up as plain text (pitfall 2)
 * is closed and opened again.
 */
export async function openFile(page: Page, relPath: string, opts: OpenFileOptions = {}): Promise<void> {
  const { expect = "any", attempts = 3, timeoutMs = 15_000 } = opts;
  const base = path.posix.basename(relPath);
  for (let attempt = 1; ; attempt++) {
    await closeQuickInput(page);
    await page.keyboard.press("Control+P");
    await page.locator(`${QUICK_INPUT} input`).waitFor({ state: "visible", timeout: timeoutMs });
    await page.keyboard.type(relPath, { delay: 15 });
    // a file row's aria-label is "name" or "name, <detail>" ("relu.actnb, file results" on the first)
    await acceptRow(
      page,
      (label) => label === base || label.startsWith(`${base},`),
      `file "${relPath}"`,
      timeoutMs,
    );
    await page.locator(QUICK_INPUT).waitFor({ state: "hidden", timeout: timeoutMs }).catch(() => undefined);
    await waitUntil(async () => (await activeTabLabel(page))?.startsWith(base), {
      timeoutMs,
      message: () => `the editor tab of ${relPath}`,
    });
    if (expect === "any") return;
    let isNotebook = false;
    try {
      isNotebook = await waitUntil(() => activeEditorIsNotebook(page), { timeoutMs: expect === "notebook" ? 5000 : 1000 });
    } catch {
      isNotebook = false;
    }
    if ((expect === "notebook") === isNotebook) return;
    if (attempt >= attempts) {
      throw new Error(`${relPath} opened ${isNotebook ? "as a notebook" : "as text"} ${attempts} times; expected ${expect}`);
    }
    await runCommand(page, "View: Close Editor");
    await sleep(1000);
  }
}

const WEBVIEW_DOC = "/webview/browser/pre/fake.html";

/**
 * Frames holding notebook output documents: URL contains /webview/browser/pre/fake.html and the
 * parent's URL contains purpose=notebookRenderer (frame names are all "pending-frame").
 */
export function notebookOutputFrames(page: Page): Frame[] {
  return page.frames().filter((f) => f.url().includes(WEBVIEW_DOC) && !!f.parentFrame()?.url().includes("purpose=notebookRenderer"));
}

/** Frames holding a webview panel's document; the parent's URL names the owning extension. */
export function webviewFrames(page: Page, extensionId?: string): Frame[] {
  return page.frames().filter((f) => {
    if (!f.url().includes(WEBVIEW_DOC)) return false;
    const parent = f.parentFrame()?.url() ?? "";
    if (parent.includes("purpose=notebookRenderer")) return false;
    return extensionId ? parent.includes(`extensionId=${encodeURIComponent(extensionId)}`) || parent.includes(`extensionId=${extensionId}`) : true;
  });
}

/**
 * Waits for a frame (from `frames()`) in which `selector` matches; returns the frame and the
 * locator. Scroll the notebook to the output first (pitfall 3: off-screen outputs may never render).
 */
export async function waitForFrameWith(
  page: Page,
  frames: (page: Page) => Frame[],
  selector: string,
  { timeoutMs = 20_000 } = {},
): Promise<{ frame: Frame; locator: Locator }> {
  return waitUntil(
    async () => {
      for (const frame of frames(page)) {
        if (frame.isDetached()) continue;
        const locator = frame.locator(selector);
        if ((await locator.count().catch(() => 0)) > 0) return { frame, locator };
      }
      return undefined;
    },
    { timeoutMs, message: () => `a frame with ${selector} (${frames(page).length} candidate frames)` },
  );
}

/** Saves a PNG of the page into `dir` (created); returns its path. */
export async function screenshot(page: Page, dir: string, name: string): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "")}.png`);
  await page.screenshot({ path: file, timeout: 15_000 });
  return file;
}

/** The notification toasts' texts (errors from extensions appear here). */
export async function notifications(page: Page): Promise<string[]> {
  return page.$$eval(".notifications-toasts .notification-toast", (els) => els.map((e) => (e as HTMLElement).innerText.trim()));
}
