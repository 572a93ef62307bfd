// Restart Kernel and Interrupt Kernel appear where they apply, as a user sees them: in the toolbar
// and the command palette of an .actnb notebook, and of an .ipynb only once the Activation Kernel
// is its kernel; an .ipynb on another kernel (here tslab's, as saved) shows neither.
import * as assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { openFile, runCommand, Session, waitUntil } from "../browser";
import { closeAllEditors, describeFor, KERNEL_LABEL, suiteSession } from "./helpers";

const QUICK_INPUT = ".quick-input-widget";
const COMMANDS = ["Restart Kernel", "Interrupt Kernel"];

/** Our kernel buttons in the visible notebook's toolbar (their aria-label starts with the title). */
async function toolbarButtons(page: Page): Promise<string[]> {
  const labels = await page.$$eval(".notebookOverlay:visible .notebook-toolbar-container .action-label", (els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
  return COMMANDS.filter((c) => labels.some((l) => l.startsWith(c)));
}

/** Our kernel commands the palette lists when their category is typed. */
async function paletteCommands(page: Page): Promise<string[]> {
  await page.keyboard.press("F1");
  await page.locator(`${QUICK_INPUT} input`).waitFor({ state: "visible", timeout: 10_000 });
  await page.keyboard.type("Activation Notebooks: ", { delay: 15 });
  // the rows settle once the palette has filtered: "Open Activation Guide" is always there
  await waitUntil(async () => (await page.locator(`${QUICK_INPUT} .monaco-list-row`).filter({ hasText: "Open Activation Guide" }).count()) > 0, { timeoutMs: 10_000, message: "the palette to list the category's commands" });
  const rows = await page.$$eval(`${QUICK_INPUT} .monaco-list-row`, (els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
  await page.keyboard.press("Escape");
  return COMMANDS.filter((c) => rows.some((r) => r.startsWith(`Activation Notebooks: ${c}`)));
}

/**
 * Selects the Activation Kernel with the kernel picker. (The toolbar may show its name before:
 * as the only kernel at hand it is suggested, but a notebook's kernel is the one selected.)
 */
async function selectActivationKernel(page: Page): Promise<void> {
  await runCommand(page, "Notebook: Select Notebook Kernel");
  const row = page.locator(`${QUICK_INPUT} .monaco-list-row`).filter({ hasText: KERNEL_LABEL }).first();
  await row.waitFor({ state: "visible", timeout: 10_000 });
  await row.click();
}

describeFor(["default"], "Restart and Interrupt only for notebooks on the Activation Kernel", function () {
  let session: Session;
  suiteSession("kernel-commands", (s) => (session = s));

  it("an .actnb notebook has them in its toolbar and in the palette", async function () {
    await closeAllEditors(session.page);
    await openFile(session.page, "relu.actnb", { expect: "notebook" });
    await waitUntil(async () => (await toolbarButtons(session.page)).length === 2, { timeoutMs: 15_000, message: "Restart and Interrupt in the toolbar" });
    assert.deepEqual(await paletteCommands(session.page), COMMANDS);
  });

  it("an .ipynb on another kernel has neither; once the Activation Kernel is selected, both", async function () {
    await closeAllEditors(session.page);
    await openFile(session.page, "relu-tslab.ipynb", { expect: "notebook" });
    // give the toolbar time to show whatever it will show
    await session.page.waitForTimeout(2000);
    assert.deepEqual(await toolbarButtons(session.page), []);
    assert.deepEqual(await paletteCommands(session.page), []);
    await selectActivationKernel(session.page);
    await waitUntil(async () => (await toolbarButtons(session.page)).length === 2, { timeoutMs: 15_000, message: "Restart and Interrupt in the toolbar" });
    assert.deepEqual(await paletteCommands(session.page), COMMANDS);
  });
});
