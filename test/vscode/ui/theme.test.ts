// Scenario 7 (issue #5): a chart's text and background follow the colour theme. Run under a theme
// (launcher flag --theme "Default Light Modern" / "Default Dark Modern"; the matrix runs both):
// scenario 2's chart is drawn, then in its output frame every SVG text is painted in the theme's
// --vscode-editor-foreground, nothing inside the frame paints its own background, and the pixels
// behind the chart (a screenshot of the SVG) are the theme's editor background, with readable
// contrast against the text.
import * as assert from "node:assert/strict";
import { launchOptionsFromEnv, Session } from "../browser";
import { contrast, describeFor, dominantColor, drawChartFixture, hex, luminance, near, parseColor, RGB, stableScreenshot, suiteSession, writeJson } from "./helpers";

/** The two themes of the issue, as verified in VS Code 1.100 (shared/notes/offline-vscode.md). */
const KNOWN: Record<string, { kind: "vscode-light" | "vscode-dark"; foreground: string; background: string }> = {
  "Default Light Modern": { kind: "vscode-light", foreground: "#3b3b3b", background: "#ffffff" },
  "Default Dark Modern": { kind: "vscode-dark", foreground: "#cccccc", background: "#1f1f1f" },
};

const theme = launchOptionsFromEnv().theme ?? "";
const slug = theme.toLowerCase().replace(/^default\s+/, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

describeFor(["theme"], `scenario 7: chart colours follow the theme (${theme})`, function () {
  let session: Session;
  suiteSession(`theme-${slug}`, (s) => (session = s), () => "scenario-7");

  it(`scenario 7: text in ${theme}'s editor foreground, background the editor's (${theme})`, async function () {
    const page = session.page;
    const known = KNOWN[theme];
    const chart = await drawChartFixture(page);
    assert.equal(chart.kind, "svg", "the chart is an SVG drawn by our renderer");
    await stableScreenshot(page, `scenario-7-chart-${slug}`);

    const inFrame = await chart.frame.evaluate(() => {
      const css = getComputedStyle(document.documentElement);
      const svg = document.querySelector("svg.marks")!;
      const texts = Array.from(svg.querySelectorAll("text")).map((t) => ({
        text: t.textContent ?? "",
        role: (t.closest("g[class*='role-']")?.getAttribute("class") ?? "").replace(/\s*mark-\w+\s*/, " ").trim(),
        fill: getComputedStyle(t).fill,
      }));
      const backgrounds: { el: string; background: string }[] = [];
      for (let e: Element | null = svg; e; e = e.parentElement) backgrounds.push({ el: `${e.tagName.toLowerCase()}.${e.getAttribute("class") ?? ""}`, background: getComputedStyle(e).backgroundColor });
      // Vega paints a background as a rect in the root group when config.background is a colour
      const bgRects = Array.from(svg.querySelectorAll(":scope > g > rect.background, :scope > rect")).map((r) => getComputedStyle(r).fill);
      return {
        bodyClass: document.body.className,
        foregroundVar: css.getPropertyValue("--vscode-editor-foreground").trim(),
        backgroundVar: css.getPropertyValue("--vscode-editor-background").trim(),
        texts,
        backgrounds,
        bgRects,
      };
    });
    const svgShot = await chart.frame.locator("svg.marks").first().screenshot();
    const behind = dominantColor(svgShot);
    const report = { theme, ...inFrame, pixelsBehindChart: { color: hex(behind.color), share: Number(behind.share.toFixed(3)) } };
    writeJson(`scenario-7-colours-${slug}.json`, report);

    // the theme is the one asked for
    if (known) {
      assert.ok(inFrame.bodyClass.split(/\s+/).includes(known.kind), `output frame body class ${JSON.stringify(inFrame.bodyClass)}, expected ${known.kind}`);
      assert.equal(inFrame.foregroundVar.toLowerCase(), known.foreground, "--vscode-editor-foreground in the output frame");
    }
    const fg = parseColor(inFrame.foregroundVar);
    assert.ok(fg, `--vscode-editor-foreground is not a colour: ${JSON.stringify(inFrame.foregroundVar)}`);

    // text: every label, title and legend entry in the theme's foreground
    assert.ok(inFrame.texts.length > 10, `only ${inFrame.texts.length} texts in the chart`);
    const wrong = inFrame.texts.filter((t) => {
      const c = parseColor(t.fill);
      return !c || !near(c, fg);
    });
    assert.deepEqual(
      wrong.map((t) => `${t.role}: "${t.text}" ${t.fill}`),
      [],
      `texts not in the theme's foreground ${hex(fg)}`,
    );

    // background: nothing in the frame paints one (the editor's shows through)...
    const opaque = inFrame.backgrounds.filter((b) => {
      const m = /rgba\([^)]*,\s*([\d.]+)\)$/.exec(b.background);
      return !(b.background === "transparent" || (m && Number(m[1]) === 0));
    });
    const bg = parseColor(inFrame.backgroundVar);
    for (const o of opaque) {
      const c = parseColor(o.background);
      assert.ok(c && bg && near(c, bg), `${o.el} paints its own background ${o.background} (theme background ${inFrame.backgroundVar})`);
    }
    for (const fill of inFrame.bgRects) {
      const c = parseColor(fill);
      assert.ok(fill === "none" || fill === "transparent" || /,\s*0\)$/.test(fill) || (c && bg && near(c, bg)), `the chart paints a background ${fill}`);
    }
    // ...and what is on screen behind the chart is the theme's editor background
    const expectedBg: RGB | undefined = known ? parseColor(known.background) : bg;
    assert.ok(expectedBg);
    assert.ok(behind.share > 0.5, `no dominant background colour behind the chart (${hex(behind.color)} covers ${(behind.share * 100).toFixed(0)}%)`);
    assert.ok(near(behind.color, expectedBg, 4), `pixels behind the chart are ${hex(behind.color)}, the theme's editor background is ${hex(expectedBg)}`);
    const ratio = contrast(fg, behind.color);
    assert.ok(ratio >= 4.5, `text ${hex(fg)} on ${hex(behind.color)}: contrast ${ratio.toFixed(2)} < 4.5`);
    if (known) {
      const darkTheme = known.kind === "vscode-dark";
      assert.equal(luminance(behind.color) < 0.5, darkTheme, `a ${darkTheme ? "dark" : "light"} theme draws the chart on ${hex(behind.color)}`);
    }
  });
});
