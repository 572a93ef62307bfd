// Scenarios 2, 3 and 4 of issue #5, driven like a user in one VS Code session (the extension from
// the work tree, trusted workspace, default theme):
//   2. a cell's Vega-Lite output is drawn by our renderer (an SVG chart with the expected title,
//      not the text/plain fallback);
//   3. "Plot activation" from the palette, GELU and Leaky ReLU checked in the quick pick (Space),
//      every prompt accepted with Enter: a webview panel shows the chart;
//   4. the stop button of a cell busy in `while (true) {}` after an await ends it within seconds, the
//      kernel keeps its variables, the next cell runs; an error a cell's timer raises after the
//      cell ended turns that cell red, with the error under it.
// Screenshots: test-results/vscode/scenario-2-chart.png, scenario-3-plot-activation.png,
// scenario-4-interrupt.png (stable names, every run), plus one per step (scenarios-*.png).
import * as assert from "node:assert/strict";
import { focusedQuickPickLabel, openFile, runCommand, Session, waitForFrameWith, waitUntil, webviewFrames } from "../browser";
import {
  allOutputText,
  CHART_ACTIVATIONS,
  CHART_OPTIONS,
  cellState,
  clickCellRunButton,
  closeAllEditors,
  describeFor,
  drawChartFixture,
  engineChartTitle,
  EXTENSION_ID,
  runAll,
  stableScreenshot,
  suiteSession,
  waitForOutputText,
} from "./helpers";

const QUICK_INPUT = ".quick-input-widget";

/** aria-labels of the quick pick's rows, with their checked state. */
async function quickPickRows(session: Session): Promise<{ label: string; checked: boolean; focused: boolean }[]> {
  return session.page.$$eval(`${QUICK_INPUT} .monaco-list-row`, (rows) =>
    rows.map((r) => ({ label: r.getAttribute("aria-label") ?? "", checked: r.getAttribute("aria-checked") === "true", focused: r.classList.contains("focused") })),
  );
}

/**
 * Checks the rows whose label is `name` ("GELU, x Φ(x) …": the label, then the description) in a
 * multi-select quick pick the way a keyboard user does: Down into the list, arrows to the row, Space.
 */
async function checkQuickPickRows(session: Session, names: string[]): Promise<void> {
  const page = session.page;
  const isRow = (label: string, name: string) => label === name || label.startsWith(`${name}, `);
  await waitUntil(async () => {
    const rows = await quickPickRows(session);
    return names.every((n) => rows.some((r) => isRow(r.label, n)));
  }, { timeoutMs: 10_000, message: `quick pick rows ${names.join(", ")}` }).catch(async (e) => {
    throw new Error(`${(e as Error).message}; rows: ${JSON.stringify((await quickPickRows(session)).map((r) => r.label))}`);
  });
  await page.keyboard.press("ArrowDown"); // from the filter box into the list
  for (const name of names) {
    for (let i = 0; i < 40; i++) {
      const rows = await quickPickRows(session);
      const focused = rows.findIndex((r) => r.focused);
      const target = rows.findIndex((r) => isRow(r.label, name));
      if (focused === target) break;
      await page.keyboard.press(target > focused ? "ArrowDown" : "ArrowUp");
    }
    const focusedLabel = (await focusedQuickPickLabel(page)) ?? "";
    assert.ok(isRow(focusedLabel, name), `could not move the quick pick's focus to ${name} (focused: ${focusedLabel})`);
    await page.keyboard.press("Space");
    await waitUntil(async () => (await quickPickRows(session)).find((r) => isRow(r.label, name))?.checked, { timeoutMs: 3000, message: `${name} to be checked` });
  }
}

describeFor(["default"], "scenarios 2–4: charts, Plot activation, the stop button", function () {
  let session: Session;
  suiteSession("scenarios", (s) => (session = s), (title) => title.replace(/:.*/, ""));

  beforeEach(async function () {
    await closeAllEditors(session.page);
  });

  it("scenario 2: a Vega-Lite output is drawn by our renderer as an SVG chart with its title", async function () {
    const expectedTitle = engineChartTitle(CHART_ACTIVATIONS, CHART_OPTIONS);
    const chart = await drawChartFixture(session.page);
    await stableScreenshot(session.page, "scenario-2-chart");
    assert.equal(chart.fallbackShown, false, "the output shows the text/plain fallback, not a chart: our renderer did not draw it");
    assert.ok(chart.ourRenderer, "the chart is not inside our renderer's .actnb-vega container");
    assert.equal(chart.kind, "svg", "our renderer draws with the SVG renderer");
    assert.equal(chart.title, expectedTitle, "the chart's title");
    // ReLU and Leaky ReLU, each f(x) solid and f'(x) dashed
    assert.ok(chart.lineMarks >= 4, `expected 4 curves (2 activations × f, f'), found ${chart.lineMarks} line marks`);
  });

  it("scenario 3: Plot activation (palette, GELU + Leaky ReLU, defaults) opens a panel with the chart", async function () {
    const page = session.page;
    // open a notebook first, as a user plotting next to their work would
    await openFile(page, "chart.actnb", { expect: "notebook" });
    await runCommand(page, "Activation Notebooks: Plot activation");
    await page.locator(QUICK_INPUT).waitFor({ state: "visible", timeout: 10_000 });
    await checkQuickPickRows(session, ["GELU", "Leaky ReLU"]);
    await page.keyboard.press("Enter");

    // one prompt per parameter, then the x range and the derivatives: Enter keeps each default
    const steps: string[] = [];
    for (let i = 0; i < 12; i++) {
      const visible = await waitUntil(async () => {
        const v = await page.locator(QUICK_INPUT).isVisible();
        const t = v ? (await page.locator(`${QUICK_INPUT} .quick-input-title`).innerText().catch(() => "")).trim() : "";
        return !v ? "hidden" : t && t !== steps[steps.length - 1] ? t : undefined;
      }, { timeoutMs: 10_000, message: () => `the next Plot activation prompt after ${JSON.stringify(steps)}` });
      if (visible === "hidden") break;
      steps.push(visible);
      const problem = (await page.locator(`${QUICK_INPUT} .quick-input-message`).innerText().catch(() => "")).trim();
      assert.ok(!/error|invalid|must/i.test(problem) || /Enter keeps/.test(problem), `prompt "${visible}" complains about its default: ${problem}`);
      await page.keyboard.press("Enter");
    }
    assert.ok(steps.length >= 2, `expected prompts for parameters, x range and derivatives, saw ${JSON.stringify(steps)}`);
    assert.ok(steps.every((s) => s.startsWith("Plot activation")), `unexpected prompts: ${JSON.stringify(steps)}`);

    const { frame } = await waitForFrameWith(page, (p) => webviewFrames(p, EXTENSION_ID), "#actnb-plot svg", { timeoutMs: 30_000 });
    await page.waitForTimeout(500);
    await stableScreenshot(page, "scenario-3-plot-activation");
    const drawn = await frame.evaluate(() => {
      const div = document.getElementById("actnb-plot")!;
      const svg = div.querySelector("svg");
      return {
        attr: div.getAttribute("data-chart-title") ?? "",
        svgTitle: svg?.querySelector(".role-title-text text, .role-title text")?.textContent ?? "",
        lines: svg?.querySelectorAll(".mark-line path").length ?? 0,
        error: (() => {
          const e = document.getElementById("actnb-plot-error");
          return e && !e.hidden ? (e as HTMLElement).innerText : "";
        })(),
      };
    });
    // the default settings: x from -5 to 5, derivatives on; the order is the quick pick's
    const expected = [
      engineChartTitle(["gelu", "leaky_relu"], { derivative: true }),
      engineChartTitle(["leaky_relu", "gelu"], { derivative: true }),
    ];
    assert.equal(drawn.error, "", "the panel shows an error");
    assert.ok(expected.includes(drawn.svgTitle), `chart title drawn: ${JSON.stringify(drawn.svgTitle)}; expected one of ${JSON.stringify(expected)}`);
    assert.equal(drawn.attr, drawn.svgTitle, "#actnb-plot's data-chart-title and the drawn title");
    assert.ok(drawn.lines >= 4, `expected 4 curves (2 activations × f, f'), found ${drawn.lines}`);
    const tabs = await page.$$eval(".part.editor .tabs-container .tab", (ts) => ts.map((t) => t.getAttribute("aria-label") ?? ""));
    assert.ok(tabs.some((t) => t.includes("GELU") && t.includes("Leaky ReLU")), `no editor tab names GELU and Leaky ReLU: ${JSON.stringify(tabs)}`);
  });

  it("scenario 4: the stop button ends a cell busy after an await within seconds; the next cell runs; a late error goes under its cell", async function () {
    const page = session.page;
    await openFile(page, "interrupt.actnb", { expect: "notebook" });
    await runAll(page);
    // cell 1 sets a variable; cell 2 prints "looping" and never ends
    await waitUntil(async () => (await cellState(page, 1)).state === "executing" && (await allOutputText(page)).includes("looping"), {
      timeoutMs: 90_000,
      message: "cell 2 to be running its endless loop",
    });
    // (VS Code keeps a spinner up for at least 500 ms, so cell 1's tick may come a moment later)
    await waitUntil(async () => (await cellState(page, 0)).state === "success", { timeoutMs: 5000, message: "cell 1 to be marked as succeeded" });
    await page.waitForTimeout(1000); // well inside the loop

    const stopped = Date.now();
    await clickCellRunButton(page, 1, "Stop Cell Execution");
    const ended = await waitUntil(async () => {
      const s = await cellState(page, 1);
      return s.state !== "executing" && s.state !== "pending" ? s : undefined;
    }, { timeoutMs: 15_000, message: "cell 2 to end after its stop button was clicked" });
    const took = Date.now() - stopped;
    assert.ok(took <= 5000, `cell 2 ended ${took} ms after the stop button (more than 5 s)`);
    assert.equal(ended.state, "error", "an interrupted cell is marked as failed");

    // the kernel is still usable, with its variables: run the next cell with its own button
    const cell3 = await cellState(page, 2);
    assert.notEqual(cell3.state, "executing", "cell 3 should not be left running");
    await clickCellRunButton(page, 2, "Execute Cell");
    await waitForOutputText(page, "after the interrupt: 42", { timeoutMs: 20_000 });
    await waitUntil(async () => (await cellState(page, 2)).state === "success", { timeoutMs: 10_000, message: "cell 3 to succeed" });
    await stableScreenshot(page, "scenario-4-interrupt");

    // cell 4 sets a timer that throws 1.5 s after the cell ended: the cell first succeeds, then
    // shows the error and turns red
    await clickCellRunButton(page, 3, "Execute Cell");
    await waitForOutputText(page, "timer set", { timeoutMs: 20_000 });
    await waitUntil(async () => (await cellState(page, 3)).state === "success", { timeoutMs: 10_000, message: "cell 4 to succeed first" });
    await waitForOutputText(page, "raised after the cell ended", { timeoutMs: 20_000 });
    await waitUntil(async () => (await cellState(page, 3)).state === "error", { timeoutMs: 10_000, message: "cell 4 to be marked failed by its late error" });
    assert.equal((await cellState(page, 2)).state, "success", "the late error must not touch cell 3");
  });
});
