// The "Activation Kernel Variables" view as a user meets it: run a notebook's cell, the view in the
// Explorer lists its tensor with shape and dtype; clicking the row opens the tensor as a heatmap
// table in a webview, in the theme's chart colours. Screenshot: test-results/vscode/variables-heatmap.png.
import * as assert from "node:assert/strict";
import { notebookOutputFrames, openFile, runCommand, Session, waitForFrameWith, waitUntil, webviewFrames } from "../browser";
import { cellState, closeAllEditors, describeFor, EXTENSION_ID, parseColor, RGB, runAll, stableScreenshot, suiteSession } from "./helpers";

const PANE = ".pane:has(.pane-header[aria-label*='Activation Kernel Variables'])";

/** A computed colour: color-mix() comes back as "color(srgb 0.9 0.3 0.3 / 0.85)", in 0–1. */
function rgb(css: string): RGB | undefined {
  const m = /^color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)/.exec(css.trim());
  return m ? [m[1], m[2], m[3]].map((v) => Math.round(Number(v) * 255)) as RGB : parseColor(css);
}

describeFor(["default"], "the Variables view", function () {
  let session: Session;
  suiteSession("variables", (s) => (session = s));

  before(async () => closeAllEditors(session.page));

  it("lists a tensor after its cell ran and opens it as a heatmap", async function () {
    const page = session.page;
    await openFile(page, "variables.actnb", { expect: "notebook" });
    await runAll(page);
    await waitUntil(async () => (await cellState(page, 1)).state === "success", { timeoutMs: 60_000, message: "the cells to run" });

    await runCommand(page, "View: Show Explorer");
    const header = page.locator(`${PANE} .pane-header`).first();
    await header.waitFor({ state: "visible", timeout: 10_000 });
    if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
    const row = page.locator(`${PANE} .monaco-list-row`).filter({ hasText: "weights" }).first();
    await row.waitFor({ state: "visible", timeout: 20_000 });
    assert.match(await row.innerText(), /weights\s*Tensor \[2, 3\] float32 requires_grad/);
    assert.match(await page.locator(`${PANE} .monaco-list-row`).filter({ hasText: "layer" }).first().innerText(), /layer\s*Linear \(8 parameters\)/);

    await row.click();
    const { locator } = await waitForFrameWith(page, (p) => webviewFrames(p, EXTENSION_ID), "td.p20");
    assert.equal((await locator.first().innerText()).trim(), "4");
    const colours = await locator.first().evaluate((td) => {
      const doc = td.ownerDocument;
      const bg = (sel: string) => getComputedStyle(doc.querySelector(sel)!).backgroundColor;
      return { high: bg("td.p20"), low: bg("td.n10"), facts: doc.querySelector(".actnb-tensor-facts")!.textContent ?? "" };
    });
    assert.match(colours.facts, /weights · shape \[2, 3\] · torch\.float32 · 6 elements · requires_grad · range -2 … 4/);
    // the theme's red for the largest value, its blue (half strength) for -2
    const high = rgb(colours.high), low = rgb(colours.low);
    assert.ok(high && high[0] > high[2], `4 is drawn in red: ${colours.high}`);
    assert.ok(low && low[2] > low[0], `-2 is drawn in blue: ${colours.low}`);
    await stableScreenshot(page, "variables-heatmap");
  });

  it("shows a tensor output as PyTorch's text first, and as a heatmap at a click", async function () {
    const page = session.page;
    await runCommand(page, "View: Close All Editors");
    await openFile(page, "variables.actnb", { expect: "notebook" });
    await runAll(page);
    await waitUntil(async () => (await cellState(page, 1)).state === "success", { timeoutMs: 60_000, message: "the cells to run" });
    const { locator } = await waitForFrameWith(page, notebookOutputFrames, ".actnb-tensor-output");
    const output = locator.first();
    const text = output.locator("pre");
    const table = output.locator(".actnb-tensor");
    assert.equal((await text.innerText()).trim(), "tensor([[-4.,  1.,  2.],\n        [ 6., -2.,  8.]])");
    assert.equal(await table.isVisible(), false, "the heatmap waits for a click");
    await output.locator("button.actnb-tensor-toggle", { hasText: "Heatmap" }).click();
    await waitUntil(async () => table.isVisible(), { timeoutMs: 5000, message: "the heatmap to show" });
    assert.equal(await text.isVisible(), false, "the text is hidden while the heatmap shows");
    assert.equal((await table.locator("td.p20").first().innerText()).trim(), "8");
    await stableScreenshot(page, "tensor-output-heatmap");
    await output.locator("button.actnb-tensor-toggle", { hasText: "Text" }).click();
    await waitUntil(async () => text.isVisible(), { timeoutMs: 5000, message: "the text to come back" });
  });
});
