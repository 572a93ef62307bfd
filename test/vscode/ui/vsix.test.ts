// Scenario 6 (issue #5): the packaged .vsix, installed with code-server --install-extension (launcher
// flag --install-vsix FILE; the matrix packages the work tree's build), not the development folder:
// a notebook opens, a cell runs and its output appears; the renderer shipped in the package draws
// charts.
import * as assert from "node:assert/strict";
import { openFile, Session, waitUntil } from "../browser";
import { CHART_ACTIVATIONS, CHART_OPTIONS, cellState, closeAllEditors, describeFor, drawChartFixture, engineChartTitle, runAll, stableScreenshot, suiteSession, waitForOutputText } from "./helpers";

describeFor(["vsix"], "scenario 6: the packaged .vsix", function () {
  let session: Session;
  // with a vsix and no suite, startSession loads no development extension at all
  suiteSession("vsix", (s) => (session = s), (title) => title.replace(/:.*/, ""));

  it("scenario 6: a notebook opens, its cell runs and the output appears", async function () {
    const page = session.page;
    assert.doesNotMatch(await page.title(), /Extension Development Host/, "the work tree is loaded as a development extension");
    await openFile(page, "run-me.actnb", { expect: "notebook" });
    await runAll(page);
    await waitForOutputText(page, "cell-ran-42", { timeoutMs: 90_000 });
    await waitForOutputText(page, "tensor([0., 0., 2.])", { timeoutMs: 5000 });
    await waitUntil(async () => (await cellState(page, 0)).state === "success", { timeoutMs: 10_000, message: "the cell to succeed" });
    assert.equal((await cellState(page, 0)).count, "[1]");
    await stableScreenshot(page, "scenario-6-vsix");
  });

  it("scenario 6: the packaged renderer draws a chart", async function () {
    await closeAllEditors(session.page);
    const chart = await drawChartFixture(session.page);
    assert.equal(chart.fallbackShown, false, "the text/plain fallback is shown: the packaged renderer did not draw");
    assert.equal(chart.kind, "svg");
    assert.equal(chart.title, engineChartTitle(CHART_ACTIVATIONS, CHART_OPTIONS));
  });
});
