// The Vega-Lite notebook renderer's pure parts, in Node: the theme config (CSS variables, spec
// overrides win), the network rule (static scan and blocking loader, fetch never called), error
// messages, and themed specs drawn to SVG by Vega's headless View through the CSP-safe interpreter.

import * as assert from "assert";
import * as vega from "vega";
import { expressionInterpreter } from "vega-interpreter";
import {
  themeConfig, mergeConfig, themedSpec, shouldFitWidth, resolveCssVars, resolveCssVarsInString, exportSpec, exportFileName,
  FOREGROUND, BORDER, LINE, CATEGORY, Json,
} from "../../extension/renderer/theme";
import { findExternalUrls, networkMessage, blockingLoader, BlockedUrlError, NETWORK_RULE } from "../../extension/renderer/network";
import { parseSpecText, jsonSyntaxError, checkVegaLite, describeError, formatProblem, looksLikeVega, RenderProblem } from "../../extension/renderer/errors";
import { prepare, Prepared, Preparation } from "../../extension/renderer/prepare";
import { formatTooltip, escapeHtml } from "../../extension/renderer/tooltip";
import { CSS, TOOLTIP_THEME } from "../../extension/renderer/style";
import { activationPlot, lossCurve, gradientTable, deadUnitsChart } from "../../kernel/plots";

// ---- helpers ----

const values = [
  { x: 0, y: 1, c: "a" }, { x: 1, y: 3, c: "a" }, { x: 2, y: 2, c: "a" },
  { x: 0, y: 2, c: "b" }, { x: 1, y: 1, c: "b" }, { x: 2, y: 4, c: "b" },
];

function lineSpec(extra: Json = {}): Json {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: "Two lines",
    data: { values },
    mark: { type: "line", point: true, tooltip: true },
    encoding: {
      x: { field: "x", type: "quantitative" },
      y: { field: "y", type: "quantitative" },
      color: { field: "c", type: "nominal" },
    },
    ...extra,
  };
}

function ok(p: Preparation): Prepared {
  if (!p.ok) assert.fail(`expected a chart, got: ${formatProblem(p.problem)}`);
  return p;
}
function problem(p: Preparation): RenderProblem {
  if (p.ok) assert.fail("expected a problem, got a chart");
  return p.problem;
}

/** Draws a compiled spec to SVG as the renderer does: ast + interpreter (no eval), blocking loader. */
async function toSVG(vgSpec: Json, width?: number): Promise<string> {
  const view = new vega.View(vega.parse(vgSpec as vega.Spec, undefined, { ast: true }), {
    renderer: "svg",
    expr: expressionInterpreter,
    loader: blockingLoader() as vega.Loader,
    logLevel: vega.Error,
  });
  try {
    await view.runAsync();
    // as the renderer's ResizeObserver does once the chart is in the output
    if (width !== undefined) {
      view.signal("width", width);
      await view.runAsync();
    }
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Every string anywhere in a JSON value. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === "object") Object.values(v).forEach((x) => strings(x, out));
  return out;
}

describe("notebook renderer (Vega-Lite)", () => {
  // fetch must never be called: any call fails the test that made it
  let fetchCalls: string[] = [];
  const realFetch = globalThis.fetch;
  before(() => {
    (globalThis as { fetch: unknown }).fetch = (url: unknown) => {
      fetchCalls.push(String(url));
      throw new Error(`fetch called with ${String(url)}`);
    };
  });
  after(() => { (globalThis as { fetch: unknown }).fetch = realFetch; });
  beforeEach(() => { fetchCalls = []; });
  afterEach(() => {
    assert.deepStrictEqual(fetchCalls, [], "fetch was called");
  });

  // ---- theme ----

  describe("renderer theme config", () => {
    it("colours text, titles, axes, legends and grid with VS Code's CSS variables", () => {
      const c = themeConfig() as any;
      assert.strictEqual(c.title.color, "var(--vscode-editor-foreground)");
      assert.strictEqual(c.style["guide-label"].fill, "var(--vscode-editor-foreground)");
      assert.strictEqual(c.style["guide-title"].fill, "var(--vscode-editor-foreground)");
      assert.strictEqual(c.legend.labelColor, FOREGROUND);
      assert.strictEqual(c.font, "var(--vscode-font-family)");
      assert.strictEqual(c.background, "transparent");
      assert.match(c.axis.gridColor, /var\(--vscode-editorWidget-border\)/);
      assert.strictEqual(c.view.stroke, BORDER);
      // every colour is a variable, "transparent", or one of the fixed categorical colours
      for (const s of strings(c)) {
        if (/^#/.test(s)) assert.ok(CATEGORY.includes(s), s);
      }
    });

    it("uses the high-contrast border colours where the theme defines them, the normal ones elsewhere", () => {
      const c = themeConfig() as any;
      for (const colour of [c.axis.gridColor, c.axis.domainColor, c.axis.tickColor, c.view.stroke]) {
        assert.match(colour, /^var\(--vscode-contrastBorder, var\(--vscode-/);
      }
      // a high-contrast theme defines --vscode-contrastBorder: it wins
      const hc = (name: string) => ({ "--vscode-contrastBorder": "#6fc3df", "--vscode-editorWidget-border": "#454545", "--vscode-descriptionForeground": "#cccccc" } as Record<string, string>)[name];
      assert.strictEqual(resolveCssVarsInString(BORDER, hc), "#6fc3df");
      assert.strictEqual(resolveCssVarsInString(LINE, hc), "#6fc3df");
      // a normal theme does not: the fallback applies
      const dark = (name: string) => ({ "--vscode-editorWidget-border": "#454545", "--vscode-descriptionForeground": "#cccccc" } as Record<string, string>)[name];
      assert.strictEqual(resolveCssVarsInString(BORDER, dark), "#454545");
      assert.strictEqual(resolveCssVarsInString(LINE, dark), "#cccccc");
    });

    it("categorical colours: VS Code's chart colours first, ten in all, no duplicates", () => {
      const c = themeConfig() as any;
      assert.strictEqual(c.range.category.length, 10);
      assert.strictEqual(new Set(c.range.category).size, 10);
      for (const name of ["blue", "orange", "green", "red", "purple", "yellow"]) {
        assert.ok(c.range.category.some((s: string) => s.startsWith(`var(--vscode-charts-${name},`)), name);
      }
    });

    it("fixed categorical colours keep 3:1 contrast on light and dark editor backgrounds", () => {
      const lum = (hex: string) => {
        const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const contrast = (a: string, b: string) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
      for (const colour of CATEGORY.filter((s) => s.startsWith("#"))) {
        for (const bg of ["#ffffff", "#1f1f1f"]) assert.ok(contrast(colour, bg) >= 3, `${colour} on ${bg}: ${contrast(colour, bg).toFixed(2)}`);
      }
    });

    it("takes a concrete font family when given one (text is measured on a canvas)", () => {
      assert.strictEqual((themeConfig({ font: "Ubuntu, sans-serif" }) as any).font, "Ubuntu, sans-serif");
      assert.strictEqual((themeConfig({ font: "  " }) as any).font, "var(--vscode-font-family)");
    });

    it("mergeConfig: the override wins key by key; arrays and null replace; inputs unchanged", () => {
      const base = { axis: { labelColor: "a", gridColor: "g" }, range: { category: ["x", "y"] }, view: { stroke: "s" } };
      const over = { axis: { labelColor: "red" }, range: { category: ["z"] }, view: { stroke: null }, extra: 1 };
      const m = mergeConfig(base, over) as any;
      assert.deepStrictEqual(m, { axis: { labelColor: "red", gridColor: "g" }, range: { category: ["z"] }, view: { stroke: null }, extra: 1 });
      assert.strictEqual(base.axis.labelColor, "a");
      assert.deepStrictEqual(mergeConfig(base, undefined), base);
    });

    it("a spec's own config wins over the theme, key by key", () => {
      const spec = lineSpec({ config: { axis: { labelColor: "red" }, title: { color: "green" }, range: { category: ["#111111", "#222222"] } } });
      const t = themedSpec(spec);
      const cfg = t.spec.config as any;
      assert.strictEqual(cfg.axis.labelColor, "red");
      assert.strictEqual(cfg.axis.gridColor, BORDER, "untouched theme keys stay");
      assert.strictEqual(cfg.title.color, "green");
      assert.deepStrictEqual(cfg.range.category, ["#111111", "#222222"]);
      assert.strictEqual(t.userBackground, false);
      assert.strictEqual((spec.config as any).axis.gridColor, undefined, "the input spec is not changed");
    });

    it("a spec with its own background keeps it and Vega's default colours (theme text could vanish on it)", () => {
      const t = themedSpec(lineSpec({ background: "#fffbe6", config: { axis: { labelColor: "#aa0000" } } }), { font: "Ubuntu" });
      assert.strictEqual(t.spec.background, "#fffbe6");
      assert.strictEqual(t.userBackground, true);
      assert.deepStrictEqual(t.spec.config, { font: "Ubuntu", axis: { labelColor: "#aa0000" } });
      assert.strictEqual(themedSpec(lineSpec({ config: { background: "black" } })).userBackground, true);
      assert.strictEqual(themedSpec(lineSpec()).userBackground, false);
    });

    it("single views without a width fill the output (width: container, autosize fit-x); others keep theirs", () => {
      const t = themedSpec(lineSpec());
      assert.strictEqual(t.spec.width, "container");
      assert.deepStrictEqual(t.spec.autosize, { type: "fit-x", contains: "padding" });
      assert.strictEqual(t.fitWidth, true);
      assert.strictEqual(themedSpec(lineSpec({ width: 300 })).spec.width, 300);
      assert.strictEqual(themedSpec(lineSpec({ width: 300 })).fitWidth, false);
      assert.strictEqual(themedSpec(lineSpec({ width: "container" })).fitWidth, true, "the spec's own container width is followed too");
      assert.strictEqual(shouldFitWidth({ layer: [{ mark: "line" }] }), true);
      assert.strictEqual(shouldFitWidth({ hconcat: [{ mark: "line" }] }), false);
      assert.strictEqual(shouldFitWidth({ facet: { field: "c" }, spec: { mark: "line" } }), false);
      assert.strictEqual(shouldFitWidth({ mark: "line", encoding: { column: { field: "c" } } }), false);
      assert.strictEqual(shouldFitWidth({ mark: "line", autosize: "none" }), false);
    });

    it("exports: variables resolve to the current theme's colours, the editor background fills in", () => {
      const p = ok(prepare(lineSpec()));
      const theme: Record<string, string> = {
        "--vscode-editor-foreground": "#cccccc", "--vscode-editor-background": "#1f1f1f",
        "--vscode-editorWidget-border": "#454545", "--vscode-descriptionForeground": "#9d9d9d", "--vscode-charts-blue": "#3794ff",
      };
      const out = exportSpec(p.vgSpec, p.userBackground, (n) => theme[n]);
      const all = strings(out);
      assert.ok(!all.some((s) => s.includes("var(")), "no CSS variable is left");
      assert.strictEqual(out.background, "#1f1f1f");
      assert.ok(all.includes("#cccccc") && all.includes("#3794ff") && all.includes("#454545"));
      // unknown variables fall back to their own fallback, then to light defaults
      assert.strictEqual(resolveCssVars({ a: "var(--vscode-charts-red, #e51400)", b: "var(--vscode-editor-foreground)" }, () => undefined).a, "#e51400");
      assert.strictEqual(resolveCssVars({ b: "var(--vscode-editor-foreground)" }, () => undefined).b, "#3b3b3b");
      // a spec's own background stays
      const own = ok(prepare(lineSpec({ background: "#fafafa" })));
      assert.strictEqual(exportSpec(own.vgSpec, own.userBackground, (n) => theme[n]).background, "#fafafa");
    });

    it("export file names come from the title", () => {
      assert.strictEqual(exportFileName({ title: "ReLU vs GELU (x ∈ [-3, 3])" }, "png"), "relu-vs-gelu-x-3-3.png");
      assert.strictEqual(exportFileName({ title: { text: "Loss" } }, "svg"), "loss.svg");
      assert.strictEqual(exportFileName({}, "svg"), "chart.svg");
    });

    it("the stylesheet colours toolbar, errors and tooltips with theme variables only", () => {
      assert.ok(CSS.includes(`#vg-tooltip-element.${TOOLTIP_THEME}-theme`));
      assert.match(CSS, /var\(--vscode-editorHoverWidget-background/);
      const hexes = CSS.match(/#[0-9a-fA-F]{3,8}\b/g) ?? [];
      assert.deepStrictEqual(hexes, [], "no fixed colours");
    });
  });

  // ---- network ----

  describe("renderer network rule", () => {
    const dataUrl = lineSpec({ data: { url: "https://example.com/cars.json" } });
    const imageUrl = {
      data: { values: [{ x: 1, y: 1 }] },
      mark: { type: "image", width: 20, height: 20 },
      encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" }, url: { value: "https://example.com/logo.png" } },
    };
    const nested = {
      data: { values },
      layer: [
        { mark: "line", encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" } } },
        { data: { url: "data/extra.csv" }, mark: "point", encoding: { x: { field: "x", type: "quantitative" } } },
      ],
    };

    it("finds data.url, image URLs and URLs in nested layers, with their paths", () => {
      assert.deepStrictEqual(findExternalUrls(dataUrl), [{ path: "data.url", url: "https://example.com/cars.json", kind: "data" }]);
      assert.deepStrictEqual(findExternalUrls(imageUrl), [{ path: "encoding.url.value", url: "https://example.com/logo.png", kind: "image" }]);
      assert.deepStrictEqual(findExternalUrls(nested), [{ path: "layer[1].data.url", url: "data/extra.csv", kind: "data" }]);
      assert.deepStrictEqual(findExternalUrls({ mark: { type: "image", url: "a.png" } }), [{ path: "mark.url", url: "a.png", kind: "image" }]);
      assert.deepStrictEqual(findExternalUrls({ mark: "image", encoding: { url: { field: "src", type: "nominal" } } }),
        [{ path: "encoding.url", url: "(URLs from field \"src\")", kind: "image" }]);
      assert.deepStrictEqual(findExternalUrls({ mark: "point", transform: [{ lookup: "k", from: { data: { url: "k.json" }, key: "k" } }] }),
        [{ path: "transform[0].from.data.url", url: "k.json", kind: "data" }]);
      assert.deepStrictEqual(findExternalUrls({ mark: "point", usermeta: { embedOptions: { config: "https://x/c.json" } } }),
        [{ path: "usermeta.embedOptions.config", url: "https://x/c.json", kind: "config" }]);
      assert.deepStrictEqual(findExternalUrls({ hconcat: [{ vconcat: [{ data: { url: "deep.json" }, mark: "bar" }] }] })[0].path, "hconcat[0].vconcat[0].data.url");
    });

    it("does not mistake inline data, links or metadata for loads", () => {
      const spec = {
        data: { values: [{ url: "https://example.com/page", name: "a" }] },
        mark: "point",
        encoding: { href: { field: "url", type: "nominal" }, x: { datum: "https://x" } },
        usermeta: { source: { url: "https://example.com/about" } },
        description: "see https://example.com",
      };
      assert.deepStrictEqual(findExternalUrls(spec), []);
    });

    it("a spec with data.url, an image URL or a nested layer URL shows the network message, and nothing is fetched", () => {
      for (const spec of [dataUrl, imageUrl, nested]) {
        const p = problem(prepare(JSON.stringify(spec)));
        assert.strictEqual(p.title, "Network access blocked");
        assert.match(p.message, /^This chart asks to load .* from the network; Activation Notebooks renderers load nothing from outside\. Put the data inline \(data\.values\)/);
      }
      assert.match(problem(prepare(dataUrl)).message, /"https:\/\/example\.com\/cars\.json" \(at data\.url\)/);
      assert.match(problem(prepare(imageUrl)).message, /an image "https:\/\/example\.com\/logo\.png" \(at encoding\.url\.value\).*image marks cannot show pictures from URLs/);
      assert.strictEqual(problem(prepare(nested)).where, "layer[1].data.url");
      assert.deepStrictEqual(fetchCalls, []);
    });

    it("names the other URLs when there are several", () => {
      const m = networkMessage(findExternalUrls({ layer: [{ data: { url: "a.json" }, mark: "point" }, { data: { url: "b.json" }, mark: "point" }] }));
      assert.match(m, /"a\.json" \(at layer\[0\]\.data\.url\) \(and 1 more: layer\[1\]\.data\.url\)/);
    });

    it("the loader rejects load, sanitize, http and file with the message, and reports each attempt", async () => {
      const seen: string[] = [];
      const loader = blockingLoader((url, context) => seen.push(`${context}:${url}`));
      const attempts: [Promise<unknown>, string][] = [
        [loader.load("https://example.com/a.csv"), "data"],
        [loader.sanitize("https://example.com/p.png", { context: "image" }), "image"],
        [loader.sanitize("https://example.com/", { context: "href" }), "href"],
        [loader.http("https://example.com/b", {}), "http"],
        [loader.file("/etc/passwd"), "file"],
      ];
      for (const [promise, context] of attempts) {
        await assert.rejects(promise, (e: unknown) => {
          assert.ok(e instanceof BlockedUrlError);
          assert.strictEqual(e.context, context);
          assert.ok(e.message.includes(NETWORK_RULE), e.message);
          return true;
        });
      }
      assert.deepStrictEqual(seen, ["data:https://example.com/a.csv", "image:https://example.com/p.png", "href:https://example.com/", "http:https://example.com/b", "file:/etc/passwd"]);
      assert.deepStrictEqual(fetchCalls, []);
    });

    it("Vega itself, given the loader, makes no request for a data.url that slipped past the scan", async () => {
      const seen: string[] = [];
      const errors: string[] = [];
      const { compile } = await import("vega-lite");
      const vg = compile(lineSpec({ data: { url: "https://example.com/cars.json" } }) as any).spec;
      // Vega logs a failed load as a warning ("Loading failed"); the handler gets the arguments object
      const logger = vega.logger(vega.Warn, undefined, (_method, _level, input) => { errors.push(Array.from(input as ArrayLike<unknown>, String).join(" ")); });
      const view = new vega.View(vega.parse(vg, undefined, { ast: true }), {
        renderer: "none", expr: expressionInterpreter, logger,
        loader: blockingLoader((url) => seen.push(url)) as vega.Loader,
      });
      await view.runAsync();
      view.finalize();
      assert.deepStrictEqual(seen, ["https://example.com/cars.json"]);
      assert.ok(errors.some((e) => e.includes("load nothing from outside")), errors.join("\n"));
      assert.deepStrictEqual(fetchCalls, []);
    });
  });

  // ---- errors ----

  describe("renderer error messages", () => {
    it("invalid JSON: the reason, line and column, and the line with a caret", () => {
      const text = "{\n  \"mark\": \"bar\",\n  \"data\": {\"values\": [1, 2,]}\n}";
      const p = problem(prepare(text));
      assert.strictEqual(p.title, "Invalid JSON in the chart output");
      assert.match(p.message, /trailing comma/);
      const line = "  \"data\": {\"values\": [1, 2,]}";
      assert.strictEqual(p.where, `line 3, column ${line.indexOf("]") + 1}`);
      assert.strictEqual(p.detail, `${line}\n${" ".repeat(line.indexOf("]"))}^`);
      assert.match(problem(prepare("{'mark': 'bar'}")).message, /double quotes/);
      assert.match(problem(prepare("{\"mark\": \"bar\"")).message, /ends inside the object that starts at line 1, column 1/);
      assert.match(problem(prepare("{\"mark\": \"bar\"} x")).message, /after the end/);
    });

    it("the JSON checker agrees with JSON.parse", () => {
      const good = ["{}", "[]", "0", "-1.5e3", "\"a\\u00e9\\n\"", "{\"a\": [true, false, null, {\"b\": \"c\"}]}", " \n{ } \n"];
      const bad = ["", "{", "[1,]", "{\"a\":}", "01", "\"\\x\"", "{a: 1}", "[1 2]", "tru", "\"a\nb\"", "{\"a\":1,}"];
      for (const s of good) { JSON.parse(s); assert.strictEqual(jsonSyntaxError(s), undefined, s); }
      for (const s of bad) { assert.throws(() => JSON.parse(s)); assert.ok(jsonSyntaxError(s), s); }
    });

    it("empty outputs, non-objects and Vega (not Vega-Lite) specs", () => {
      assert.strictEqual(problem(prepare("")).title, "Empty chart output");
      assert.match(problem(prepare("[1, 2]")).message, /is a JSON object; this output holds an array/);
      assert.match(problem(prepare("42")).message, /holds a number/);
      assert.match(problem(prepare({ foo: 1 })).message, /none of "mark", "layer", "facet", "hconcat", "vconcat", "concat", "repeat"/);
      assert.ok(looksLikeVega({ $schema: "https://vega.github.io/schema/vega/v5.json", marks: [] }));
      assert.ok(!looksLikeVega({ $schema: "https://vega.github.io/schema/vega-lite/v5.json", mark: "bar" }));
      assert.match(problem(prepare({ marks: [], signals: [] })).message, /is a Vega spec/);
    });

    it("a spec stored as a JSON string holding JSON is unwrapped", () => {
      const p = ok(prepare(JSON.stringify(JSON.stringify(lineSpec()))));
      assert.ok(p.vgSpec.marks);
    });

    it("invalid marks, field types and expressions name the part at fault", () => {
      const badMark = problem(prepare({ data: { values }, layer: [{ mark: "line" }, { mark: { type: "lne" } }] }));
      assert.strictEqual(badMark.where, "layer[1].mark.type");
      assert.match(badMark.message, /Unknown mark type "lne"/);
      const badType = problem(prepare(lineSpec({ encoding: { x: { field: "x", type: "quantitive" } } })));
      assert.strictEqual(badType.where, "encoding.x.type");
      assert.match(badType.message, /Unknown field type "quantitive"\. Field types: quantitative/);
      const badExpr = problem(prepare(lineSpec({ transform: [{ filter: "datum.x > 0" }, { calculate: "datum.y *", as: "z" }] })));
      assert.strictEqual(badExpr.where, "transform[1].calculate");
      assert.match(badExpr.message, /The expression "datum\.y \*" does not parse/);
      const badLayer = problem(prepare({ layer: { mark: "bar" } }));
      assert.strictEqual(badLayer.where, "layer");
      const text = formatProblem(badMark);
      assert.match(text, /^Invalid Vega-Lite spec\nUnknown mark type "lne"\..*\nAt: layer\[1\]\.mark\.type$/);
    });

    it("errors thrown by Vega-Lite or Vega become short readable messages", () => {
      const long = new Error(`Invalid specification ${JSON.stringify({ data: { values: new Array(200).fill(1) } })}. Make sure...`);
      const p = describeError(long, "compile");
      assert.strictEqual(p.title, "Invalid Vega-Lite spec");
      assert.ok(p.message.length < 300, p.message);
      assert.strictEqual(describeError("boom", "draw").title, "The chart could not be drawn");
      assert.strictEqual(describeError("boom", "draw").message, "boom.");
      assert.match(describeError(new TypeError("Cannot read properties of undefined (reading 'filled')"), "compile").detail ?? "", /check mark types/);
      // an error Vega-Lite throws during compile comes back as a problem, never as an exception
      const thrown = problem(prepare({ mark: "point", data: { values }, params: [{ name: "p", select: "bogus" }] }));
      assert.strictEqual(thrown.title, "Invalid Vega-Lite spec");
      assert.match(thrown.message, /Cannot read properties of undefined/);
      assert.match(thrown.detail ?? "", /check mark types, channel names and field definitions/);
    });

    it("Vega-Lite warnings are kept for the output, not printed", () => {
      const p = ok(prepare(lineSpec({ encoding: { x: { field: "x", type: "quantitative" }, colr: { field: "c", type: "nominal" } } })));
      assert.ok(p.warnings.some((w) => /colr/.test(w)), p.warnings.join("\n"));
    });

    it("usermeta.embedOptions cannot change how the chart is drawn", () => {
      const p = ok(prepare(lineSpec({ usermeta: { embedOptions: { renderer: "canvas", ast: false }, note: "kept" } })));
      assert.deepStrictEqual(p.vgSpec.usermeta, { note: "kept" });
    });
  });

  describe("renderer tooltips", () => {
    it("escape all HTML and never make an image element", () => {
      const html = formatTooltip({ title: "<b>t</b>", image: "https://example.com/x.png", "a\"b": "x\" onerror=\"alert(1)", n: 1.5, o: { p: [1, 2] } });
      assert.ok(!/<img/i.test(html), html);
      assert.ok(!html.includes("<b>"));
      assert.ok(html.includes("<td class=\"value\">https://example.com/x.png</td>"));
      assert.ok(html.includes("x&quot; onerror=&quot;alert(1)"));
      assert.ok(html.includes("{&quot;p&quot;:[1,2]}"));
      assert.strictEqual(formatTooltip("<x>"), "&lt;x&gt;");
      assert.strictEqual(formatTooltip([1, "a", { b: 1 }]), "[1, a, {&quot;b&quot;:1}]");
      assert.strictEqual(escapeHtml("'&"), "&#39;&amp;");
    });
  });

  // ---- drawing ----

  describe("renderer drawing (Vega headless, SVG, AST interpreter)", () => {
    it("a themed spec compiles and renders to SVG coloured by CSS variables", async () => {
      const p = ok(prepare(JSON.stringify(lineSpec()), { font: "Ubuntu, sans-serif" }));
      const svg = await toSVG(p.vgSpec, 480);
      assert.ok(svg.includes("var(--vscode-editor-foreground)"), "text in the editor foreground");
      assert.ok(svg.includes("var(--vscode-charts-blue, #1a85ff)"), "first series in the theme's blue");
      assert.ok(svg.includes("var(--vscode-charts-orange, #d18616)"), "second series in the theme's orange");
      assert.ok(svg.includes("var(--vscode-contrastBorder, var(--vscode-editorWidget-border))"), "grid in the border colour");
      assert.match(svg, /font-family="Ubuntu, sans-serif"/);
      assert.match(svg, /<svg[^>]* width="480"/, "fit-x: the chart takes the container's width");
      assert.ok(svg.includes(">Two lines</text>"));
    });

    it("the spec's own colours stay in the drawing", async () => {
      const p = ok(prepare(lineSpec({ config: { axis: { labelColor: "#ff0000" }, title: { color: "#00ff00" } } })));
      const svg = await toSVG(p.vgSpec, 400);
      assert.ok(svg.includes("#ff0000") && svg.includes("#00ff00"));
    });

    it("v4 specs draw too", async () => {
      const p = ok(prepare(lineSpec({ $schema: "https://vega.github.io/schema/vega-lite/v4.json" })));
      assert.ok((await toSVG(p.vgSpec, 300)).includes("var(--vscode-editor-foreground)"));
    });

    it("the kernel's own charts draw themed, with their fixed sizes", async () => {
      const charts = [
        activationPlot(["relu", "gelu"], { derivative: true }),
        lossCurve([{ label: "relu", values: [1, 0.5, 0.25] }, { label: "tanh", values: [1, 0.7, 0.6] }]),
        gradientTable([{ name: "fc1", norm: 0.5 }, { name: "fc2", norm: 0.01 }]),
        deadUnitsChart([{ layer: "fc1", dead_fraction: 0.3 }]),
      ];
      for (const chart of charts) {
        const p = ok(prepare(JSON.stringify(chart.spec)));
        assert.strictEqual(p.fitWidth, false);
        assert.deepStrictEqual(p.warnings, []);
        const svg = await toSVG(p.vgSpec);
        assert.ok(svg.includes("var(--vscode-editor-foreground)"));
      }
      assert.deepStrictEqual(fetchCalls, []);
    });

    it("an export draws with no CSS variable left", async () => {
      const p = ok(prepare(lineSpec()));
      const svg = await toSVG(exportSpec(p.vgSpec, p.userBackground, () => undefined), 400);
      assert.ok(!svg.includes("var("));
      assert.ok(svg.includes("#3b3b3b") && svg.includes("#1a85ff"));
    });
  });
});
