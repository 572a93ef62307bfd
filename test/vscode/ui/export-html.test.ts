// "Export to HTML" as a user meets it: a guide notebook open in VS Code, the command from the
// palette, the page written beside the notebook and announced, then that page opened in Chromium
// from disk, light and dark: every chart drawn (an SVG whose marks have size and colour), and
// not one request leaves the file.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { notifications, openFile, REPO_ROOT, runCommand, screenshot, Session, waitUntil } from "../browser";
import { closeAllEditors, describeFor, suiteSession } from "./helpers";

const GUIDE = "02-relu.actnb";
const NAME = "export-me";

/** How many Vega-Lite outputs the notebook has saved. */
function savedCharts(file: string): number {
  const nb: { cells: Array<{ outputs?: Array<{ items?: Record<string, unknown> }> }> } = JSON.parse(fs.readFileSync(file, "utf8"));
  return nb.cells.flatMap((c) => c.outputs ?? []).filter((o) => o.items && "application/vnd.vegalite.v5+json" in o.items).length;
}

describeFor(["default"], "Export to HTML", function () {
  let session: Session;
  suiteSession("export-html", (s) => (session = s));

  it("writes the open notebook as one page beside it; Chromium draws its charts from the file, offline", async function () {
    const page = session.page;
    const source = path.join(REPO_ROOT, "notebooks", GUIDE);
    fs.copyFileSync(source, path.join(session.workspace, `${NAME}.actnb`));
    const html = path.join(session.workspace, `${NAME}.html`);
    fs.rmSync(html, { force: true });

    await openFile(page, `${NAME}.actnb`, { expect: "notebook" });
    await runCommand(page, "Activation Notebooks: Export to HTML");
    let shown: string[] = [];
    await waitUntil(async () => (shown = await notifications(page)).some((n) => n.includes(`Exported to ${NAME}.html`)), {
      timeoutMs: 60_000,
      message: () => `the "Exported to ${NAME}.html" notification (shown: ${JSON.stringify(shown)})`,
    });
    assert.ok(fs.existsSync(html), `${html} was not written`);
    await closeAllEditors(page);

    const charts = savedCharts(source);
    assert.ok(charts > 0, `${GUIDE} has saved charts`);
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await session.browser.newContext({ colorScheme, viewport: { width: 1100, height: 900 } });
      try {
        const reader = await context.newPage();
        const requests: string[] = [];
        reader.on("request", (r) => { if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) requests.push(r.url()); });
        await reader.goto(pathToFileURL(html).href);
        const drawn = await reader.$$eval("svg.marks", (svgs) => svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          const marks = Array.from(svg.querySelectorAll("g[class*='role-mark'] path, g[class*='role-mark'] rect")).filter((m) => {
            const b = m.getBoundingClientRect();
            const style = getComputedStyle(m);
            const painted = (style.stroke !== "none" && style.stroke !== "") || (style.fill !== "none" && style.fill !== "rgba(0, 0, 0, 0)");
            return (b.width > 0 || b.height > 0) && painted && style.visibility !== "hidden" && style.display !== "none";
          });
          const text = svg.querySelector("text");
          return { width: box.width, height: box.height, marks: marks.length, textFill: text ? getComputedStyle(text).fill : "", background: getComputedStyle(document.body).backgroundColor };
        }));
        await screenshot(reader, session.resultsDir, `export-html-${colorScheme}`);
        assert.equal(drawn.length, charts, "one drawn chart per saved chart");
        drawn.forEach((d, i) => {
          assert.ok(d.width > 100 && d.height > 100, `chart ${i + 1} is ${d.width}×${d.height}`);
          assert.ok(d.marks > 0, `chart ${i + 1} has no visible marks`);
          assert.notEqual(d.textFill, d.background, `chart ${i + 1}'s text is painted in the page's background colour`);
        });
        const dark = drawn[0].background === "rgb(31, 31, 31)";
        assert.equal(dark, colorScheme === "dark", `page background ${drawn[0].background} under ${colorScheme}`);
        assert.deepEqual(requests, [], "the page requested nothing beyond its own file");
      } finally {
        await context.close();
      }
    }
  });
});
