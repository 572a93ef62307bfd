// The "Plot activation" command's pure parts, in Node: quick-pick items from the definitions
// (plain-text formulas), parameter prompts and validation, the x range, command arguments and
// settings, the panel's controls and title, the generated cell code (run through the same
// activationPlot it names), the message protocol, the panel's HTML and CSP, and the chart the
// panel computes (tooltips with x, f(x), f'(x); drawn by Vega through the CSP-safe interpreter).

import * as assert from "assert";
import * as vega from "vega";
import { compile, TopLevelSpec } from "vega-lite";
import { expressionInterpreter } from "vega-interpreter";
import { ACTIVATIONS, getActivation } from "../../kernel/engine/activations/registry";
import { activationPlot } from "../../kernel/plots";
import { latexToPlainExpression, plainFormula } from "../../extension/src/plot/formula";
import {
  activationPickItems, activationsFromFilter, checkActivation, checkPanelValues, checkPlotValues, checkXRange, DEFAULT_SETTINGS, formatNumber, isPlotArgs,
  niceStep, normalizeSettings, panelTitle, paramPrompt, paramSymbol, parseParamInput, parseXRange, plotControls, plotParams, sliderRange, xSliderBounds,
} from "../../extension/src/plot/model";
import { activationLiteral, cellCode, optionsLiteral } from "../../extension/src/plot/codegen";
import { computePlot } from "../../extension/src/plot/compute";
import { contentSecurityPolicy, escapeHtml, IDS, inlineJson, nonceFrom, panelHtml } from "../../extension/src/plot/html";
import { isFromWebview, isToWebview, PlotState, PlotValues } from "../../extension/src/plot/protocol";
import { prepare } from "../../extension/renderer/prepare";
import { blockingLoader } from "../../extension/renderer/network";

const spec = (name: string) => plotParams(getActivation(name)).find(() => true)!;
const param = (name: string, p: string) => getActivation(name).params.find((s) => s.name === p)!;
const ok = <T>(r: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!r.ok) assert.fail(`expected ok, got: ${r.message}`);
  return r.value;
};
const fails = (r: { ok: boolean; message?: string }): string => {
  if (r.ok) assert.fail("expected a problem");
  return (r as { message: string }).message;
};

const GELU_LEAKY: PlotValues = {
  activations: [{ name: "gelu" }, { name: "leaky_relu", params: { negative_slope: 0.2 } }],
  x: [-4, 4], derivative: true, points: 401,
};

describe("Plot activation: formulas as plain text", () => {
  it("gives short readable right-hand sides", () => {
    const plain = (n: string) => plainFormula(getActivation(n).latex);
    assert.strictEqual(plain("relu"), "max(0, x)");
    assert.strictEqual(plain("relu6"), "min(max(0, x), 6)");
    assert.strictEqual(plain("sigmoid"), "1/(1 + e^(-x))");
    assert.strictEqual(plain("gelu"), "x Φ(x) = (x/2)(1 + erf(x/√2))");
    assert.strictEqual(plain("leaky_relu"), "{x if x > 0; α x if x ≤ 0}");
    assert.strictEqual(plain("softplus"), "(1/β) log(1 + e^(β x))");
    assert.strictEqual(plain("hardsigmoid"), "min(max(x + 3, 0), 6)/6");
    assert.strictEqual(plain("logsigmoid"), "log(1/(1 + e^(-x)))");
    assert.strictEqual(plain("mish"), "x tanh(softplus(x))");
    assert.strictEqual(plain("softmax"), "e^(x_i)/(Σ_j e^(x_j))");
  });

  it("leaves no LaTeX behind for any activation", () => {
    for (const a of ACTIVATIONS) {
      const p = plainFormula(a.latex);
      assert.ok(p.length > 0 && p.length <= 80, `${a.name}: ${p}`);
      assert.doesNotMatch(p, /\\|&|mathrm|frac|cases|\u0000|\u0001/, `${a.name}: ${p}`);
    }
  });

  it("converts commands it does not know to their names", () => {
    assert.strictEqual(latexToPlainExpression(String.raw`\foo(x) + \sqrt{x + 1}`), "foo(x) + √(x + 1)");
    assert.strictEqual(latexToPlainExpression(String.raw`a \le b \approx c`), "a ≤ b ≈ c");
  });
});

describe("Plot activation: quick pick and parameters", () => {
  it("has one item per activation: title, formula, description, name", () => {
    const items = activationPickItems();
    assert.strictEqual(items.length, ACTIVATIONS.length);
    items.forEach((item, i) => {
      assert.strictEqual(item.label, ACTIVATIONS[i].title);
      assert.strictEqual(item.detail, ACTIVATIONS[i].description);
      assert.strictEqual(item.name, ACTIVATIONS[i].name);
      assert.ok(item.description.length > 0);
    });
    assert.deepStrictEqual(items.find((i) => i.name === "relu")!.description, "max(0, x)");
  });

  it("reads names typed into the quick pick's filter (Enter with nothing checked)", () => {
    assert.deepStrictEqual(ok(activationsFromFilter("GELU, Leaky ReLU")), ["gelu", "leaky_relu"]);
    assert.deepStrictEqual(ok(activationsFromFilter("gelu")), ["gelu"]);
    assert.deepStrictEqual(ok(activationsFromFilter("ReLU")), ["relu"], "an exact title wins over a longer one");
    assert.deepStrictEqual(ok(activationsFromFilter("LeakyReLU; leaky_relu")), ["leaky_relu"], "module and function names, each once");
    assert.deepStrictEqual(ok(activationsFromFilter("leaky and swish")), ["leaky_relu", "swish"]);
    assert.deepStrictEqual(ok(activationsFromFilter("hsig")), ["hardsigmoid"], "letter by letter");
    assert.strictEqual(fails(activationsFromFilter("GELU, xyz")), 'No activation matches "xyz".');
    assert.match(fails(activationsFromFilter("  ")), /at least one/);
  });

  it("asks only for the parameters a plot shows (not inplace, num_parameters or dim)", () => {
    assert.deepStrictEqual(plotParams(getActivation("relu")), []);
    assert.deepStrictEqual(plotParams(getActivation("leaky_relu")).map((p) => p.name), ["negative_slope"]);
    assert.deepStrictEqual(plotParams(getActivation("prelu")).map((p) => p.name), ["init"]);
    assert.deepStrictEqual(plotParams(getActivation("softmax")), []);
    assert.deepStrictEqual(plotParams(getActivation("hardtanh")).map((p) => p.name), ["min_val", "max_val"]);
    for (const a of ACTIVATIONS) for (const p of plotParams(a)) assert.ok(!p.hidden && p.type !== "dim");
  });

  it("prompts say what to type, the range, and that Enter keeps the default", () => {
    assert.strictEqual(paramPrompt(spec("leaky_relu")), "Slope α for negative inputs. A number from 0 to 1; Enter keeps 0.01.");
    assert.match(paramPrompt(spec("gelu")), /One of none, tanh; Enter keeps none\.$/);
    assert.match(paramPrompt(param("apl", "num_hinges")), /A whole number from 1 to 5; Enter keeps 2\./);
    assert.strictEqual(paramSymbol(spec("leaky_relu")), "α");
    assert.strictEqual(paramSymbol(param("hardtanh", "min_val")), "a");
  });

  it("parses typed values; empty text keeps the default", () => {
    const slope = spec("leaky_relu");
    assert.strictEqual(ok(parseParamInput(slope, "")), 0.01);
    assert.strictEqual(ok(parseParamInput(slope, "  ")), 0.01);
    assert.strictEqual(ok(parseParamInput(slope, "0.2")), 0.2);
    assert.strictEqual(ok(parseParamInput(slope, ".5")), 0.5);
    assert.strictEqual(ok(parseParamInput(slope, "1e-1")), 0.1);
    assert.strictEqual(ok(parseParamInput(param("hardtanh", "min_val"), "-2")), -2);
    const gelu = spec("gelu");
    assert.strictEqual(ok(parseParamInput(gelu, "")), "none");
    assert.strictEqual(ok(parseParamInput(gelu, "tanh")), "tanh");
    assert.strictEqual(ok(parseParamInput(gelu, "'TANH'")), "tanh");
  });

  it("rejects wrong types and values outside the range with clear messages", () => {
    const slope = spec("leaky_relu");
    assert.strictEqual(fails(parseParamInput(slope, "abc")), 'negative_slope must be a number, not "abc".');
    assert.strictEqual(fails(parseParamInput(slope, "0.2.3")), 'negative_slope must be a number, not "0.2.3".');
    assert.strictEqual(fails(parseParamInput(slope, "2")), "negative_slope must be from 0 to 1; 2 is outside.");
    assert.strictEqual(fails(parseParamInput(slope, "-0.5")), "negative_slope must be from 0 to 1; -0.5 is outside.");
    assert.strictEqual(fails(parseParamInput(param("apl", "num_hinges"), "2.5")), "num_hinges must be a whole number, not 2.5.");
    assert.strictEqual(fails(parseParamInput(spec("gelu"), "fast")), 'approximate must be one of "none", "tanh", not "fast".');
    assert.match(fails(parseParamInput(spec("leaky_relu"), "Infinity")), /must be a number/);
  });
});

describe("Plot activation: x range, settings and arguments", () => {
  it("parses two numbers in the usual spellings", () => {
    const d: [number, number] = [-5, 5];
    assert.deepStrictEqual(ok(parseXRange("", d)), [-5, 5]);
    for (const t of ["-4, 4", "-4 4", "[-4, 4]", "-4..4", "-4 to 4", " -4 ,4 ", "-4;4"]) assert.deepStrictEqual(ok(parseXRange(t, d)), [-4, 4], t);
    assert.deepStrictEqual(ok(parseXRange("-0.5, 1e1", d)), [-0.5, 10]);
  });

  it("rejects reversed, empty and unreadable ranges", () => {
    const d: [number, number] = [-5, 5];
    assert.match(fails(parseXRange("4, -4", d)), /from a smaller to a larger number; got 4 to -4/);
    assert.match(fails(parseXRange("1, 1", d)), /smaller to a larger/);
    assert.match(fails(parseXRange("a, b", d)), /Type two numbers.*"-5, 5"/);
    assert.match(fails(parseXRange("1", d)), /Type two numbers/);
    assert.match(fails(checkXRange([0, Infinity])), /two finite numbers/);
    assert.match(fails(checkXRange([-1e7, 0])), /within ±1000000/);
  });

  it("reads settings, replacing unusable ones by the defaults", () => {
    assert.deepStrictEqual(normalizeSettings({ xMin: -5, xMax: 5, points: 401, showDerivative: true }), DEFAULT_SETTINGS);
    assert.deepStrictEqual(normalizeSettings({ xMin: -2, xMax: 3, points: 101, showDerivative: false }), { xMin: -2, xMax: 3, points: 101, showDerivative: false });
    assert.deepStrictEqual(normalizeSettings({ xMin: 3, xMax: -2, points: 5, showDerivative: "yes" }), DEFAULT_SETTINGS);
    assert.deepStrictEqual(normalizeSettings({}), DEFAULT_SETTINGS);
  });

  it("takes the command's arguments, settings filling the gaps, defaults dropped", () => {
    assert.ok(isPlotArgs({ activations: [] }));
    assert.ok(!isPlotArgs(undefined));
    assert.ok(!isPlotArgs({ notebookEditor: { notebookUri: "x" } }));
    const v = ok(checkPlotValues({ activations: [{ name: "gelu" }, { name: "leaky_relu", params: { negative_slope: 0.2 } }], x: [-4, 4], derivative: true }));
    assert.deepStrictEqual(v, GELU_LEAKY);
    const s = { xMin: -3, xMax: 2, points: 101, showDerivative: false };
    assert.deepStrictEqual(ok(checkPlotValues({ activations: ["ReLU", { name: "GELU", params: { approximate: "none" } }] }, s)),
      { activations: [{ name: "relu" }, { name: "gelu" }], x: [-3, 2], derivative: false, points: 101 });
  });

  it("explains bad arguments", () => {
    assert.match(fails(checkPlotValues({ activations: [] })), /at least one/);
    assert.match(fails(checkPlotValues({ activations: [{ name: "nope" }] })), /unknown activation 'nope'/);
    assert.strictEqual(fails(checkPlotValues({ activations: [{ name: "leaky_relu", params: { slope: 1 } }] })),
      "leaky_relu has no parameter 'slope' to plot; its parameters: negative_slope.");
    assert.strictEqual(fails(checkPlotValues({ activations: [{ name: "relu", params: { inplace: true } }] })),
      "relu has no parameter 'inplace' to plot; its parameters: (none).");
    assert.strictEqual(fails(checkPlotValues({ activations: [{ name: "leaky_relu", params: { negative_slope: "0.2" } }] })),
      'leaky_relu: negative_slope must be a finite number, not "0.2".');
    assert.strictEqual(fails(checkPlotValues({ activations: [{ name: "gelu", params: { approximate: "fast" } }] })),
      'gelu: approximate must be one of "none", "tanh", not "fast".');
    assert.match(fails(checkPlotValues({ activations: ["apl"], x: [-1, 1], points: 3 })), /points must be a whole number from 11 to 10001/);
    assert.match(fails(checkPlotValues({ activations: ["relu"], x: [1, -1] })), /smaller to a larger/);
    assert.match(fails(checkPlotValues({ activations: ["relu"], derivative: "yes" })), /derivative must be true or false/);
    assert.match(fails(checkPlotValues({ activations: [{ name: "apl", params: { num_hinges: 1.5 } }] })), /apl: num_hinges must be a whole number/);
  });

  it("accepts out-of-slider-range numbers from arguments (the slider widens)", () => {
    const v = ok(checkActivation({ name: "leaky_relu", params: { negative_slope: 2 } }));
    assert.deepStrictEqual(v, { name: "leaky_relu", params: { negative_slope: 2 } });
    assert.match(fails(checkActivation({ name: "leaky_relu", params: { negative_slope: 2 } }, true)), /from 0 to 1; 2 is outside/);
    const c = plotControls({ ...GELU_LEAKY, activations: [v] }).activations[0].params[0];
    assert.ok(c.kind === "range" && c.min === 0 && c.max === 2);
  });
});

describe("Plot activation: panel controls and title", () => {
  it("titles the panel with the activations' titles", () => {
    assert.strictEqual(panelTitle(GELU_LEAKY.activations), "Plot: GELU, Leaky ReLU");
    assert.strictEqual(panelTitle([{ name: "relu" }, { name: "relu" }, { name: "silu" }]), "Plot: ReLU, SiLU (Swish)");
  });

  it("has a slider per numeric parameter with the definition's range and step, a drop-down per choice", () => {
    const c = plotControls(GELU_LEAKY);
    assert.deepStrictEqual(c.activations.map((a) => [a.name, a.title]), [["gelu", "GELU"], ["leaky_relu", "Leaky ReLU"]]);
    assert.deepStrictEqual(c.activations[0].params, [{
      name: "approximate", symbol: "", description: param("gelu", "approximate").description, default: "none", kind: "choice", choices: ["none", "tanh"],
    }]);
    assert.deepStrictEqual(c.activations[1].params, [{
      name: "negative_slope", symbol: "α", description: "Slope α for negative inputs.", default: 0.01, kind: "range", min: 0, max: 1, step: 0.01, integer: false,
    }]);
    const apl = plotControls({ ...GELU_LEAKY, activations: [{ name: "apl" }] }).activations[0].params;
    assert.deepStrictEqual(apl.map((p) => p.kind === "range" && [p.name, p.min, p.max, p.step, p.integer]),
      [["num_hinges", 1, 5, 1, true], ["slope", -1, 1, 0.05, false], ["spacing", 0.1, 3, 0.1, false]]);
    assert.deepStrictEqual(plotControls({ ...GELU_LEAKY, activations: [{ name: "softmax" }] }).activations[0].params, []);
  });

  it("gives every visible numeric parameter a usable slider", () => {
    for (const a of ACTIVATIONS) {
      for (const p of plotParams(a)) {
        if (p.type === "choice" || p.type === "bool") continue;
        const r = sliderRange(p, p.default as number);
        assert.ok(r.min < r.max && r.step > 0 && r.step <= r.max - r.min, `${a.name}.${p.name}`);
        assert.ok(r.min <= (p.default as number) && (p.default as number) <= r.max, `${a.name}.${p.name}`);
      }
    }
    assert.deepStrictEqual(sliderRange({ name: "k", default: 2, type: "float", description: "" }, 2), { min: -2, max: 6, step: 0.05 });
  });

  it("x sliders span ±10 or enough for the range, in nice steps", () => {
    assert.deepStrictEqual(xSliderBounds([-4, 4]), { min: -10, max: 10, step: 0.2 });
    assert.deepStrictEqual(xSliderBounds([-35, 2]), { min: -40, max: 40, step: 0.5 });
    assert.strictEqual(niceStep(20), 0.2);
    assert.strictEqual(niceStep(1), 0.01);
    assert.strictEqual(niceStep(50), 0.5);
  });

  it("checks values from the webview against the panel's activations", () => {
    const moved = { ...GELU_LEAKY, activations: [{ name: "gelu", params: { approximate: "tanh" } }, { name: "leaky_relu", params: { negative_slope: 0.3 } }], x: [-2, 6] };
    assert.deepStrictEqual(ok(checkPanelValues(moved, GELU_LEAKY)).activations[0], { name: "gelu", params: { approximate: "tanh" } });
    assert.match(fails(checkPanelValues({ ...GELU_LEAKY, activations: [{ name: "relu" }, { name: "leaky_relu" }] }, GELU_LEAKY)), /activations changed/);
    assert.match(fails(checkPanelValues({ ...GELU_LEAKY, x: [3, 3] }, GELU_LEAKY)), /smaller to a larger/);
    assert.match(fails(checkPanelValues("nonsense", GELU_LEAKY)), /Give \{ activations/);
  });
});

describe("Plot activation: Insert as cell", () => {
  it("writes the import and one activationPlot call with the current values", () => {
    assert.strictEqual(cellCode(GELU_LEAKY),
      'import { plot } from "actnb";\nplot.activationPlot([{ name: "gelu" }, { name: "leaky_relu", params: { negative_slope: 0.2 } }], { x: [-4, 4], derivative: true })');
    assert.strictEqual(optionsLiteral({ ...GELU_LEAKY, x: [-0.30000000000000004, 2.5], points: 101, derivative: false }), "{ x: [-0.3, 2.5], points: 101, derivative: false }");
    assert.strictEqual(activationLiteral({ name: "gelu", params: { approximate: "tanh" } }), '{ name: "gelu", params: { approximate: "tanh" } }');
    assert.strictEqual(activationLiteral({ name: "hardtanh", params: { min_val: -2, max_val: 1.5 } }), '{ name: "hardtanh", params: { min_val: -2, max_val: 1.5 } }');
    assert.strictEqual(formatNumber(0.1 + 0.2), "0.3");
    assert.strictEqual(formatNumber(-0), "0");
  });

  it("the code draws the same chart as the panel (same spec from activationPlot)", () => {
    const code = cellCode(GELU_LEAKY);
    const call = code.split("\n")[1];
    // evaluate the generated call against the real plot module
    const fn = new Function("plot", `return ${call};`) as (p: unknown) => { spec: Record<string, unknown> };
    const chart = fn({ activationPlot });
    const { width: _w, ...fromCode } = chart.spec;
    assert.deepStrictEqual(fromCode, computePlot(GELU_LEAKY).spec);
  });
});

describe("Plot activation: messages", () => {
  it("recognises the webview's messages and rejects anything else", () => {
    assert.ok(isFromWebview({ type: "ready", version: -1 }));
    assert.ok(isFromWebview({ type: "update", seq: 3, values: GELU_LEAKY }));
    assert.ok(isFromWebview({ type: "insert", values: GELU_LEAKY }));
    assert.ok(isFromWebview({ type: "renderError", message: "x" }));
    for (const bad of [null, "ready", { type: "update", values: GELU_LEAKY }, { type: "insert" }, { type: "eval", code: "1" }, [{ type: "ready", version: 0 }]]) {
      assert.ok(!isFromWebview(bad), JSON.stringify(bad));
    }
  });

  it("recognises the extension's messages", () => {
    assert.ok(isToWebview({ type: "spec", seq: 1, version: 2, values: GELU_LEAKY, spec: {}, chartTitle: "t" }));
    assert.ok(isToWebview({ type: "error", seq: 1, title: "t", message: "m" }));
    assert.ok(isToWebview({ type: "notice", level: "info", text: "Inserted" }));
    assert.ok(isToWebview({ type: "state", state: {} }));
    assert.ok(!isToWebview({ type: "spec", seq: 1 }));
  });
});

describe("Plot activation: the panel's HTML", () => {
  const computed = computePlot(GELU_LEAKY);
  const state: PlotState = { version: 0, controls: plotControls(GELU_LEAKY), values: GELU_LEAKY, spec: computed.spec, chartTitle: computed.chartTitle };
  const html = panelHtml({
    cspSource: "https://file+.vscode-resource.vscode-cdn.net", nonce: "N0nce123", scriptUri: "https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/plot.js",
    title: "Plot: GELU, Leaky ReLU", state,
  });

  it("has a strict CSP: one nonce for scripts, no eval, nothing from the network", () => {
    const csp = contentSecurityPolicy("vscode-resource:", "abc");
    assert.strictEqual(csp, "default-src 'none'; script-src 'nonce-abc'; style-src vscode-resource: 'unsafe-inline'; img-src vscode-resource: data:");
    assert.ok(!csp.includes("unsafe-eval") && !csp.includes("http"));
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    assert.ok(meta);
    assert.ok(meta[1].includes("script-src &#39;nonce-N0nce123&#39;"));
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.strictEqual(scripts.length, 2);
    for (const s of scripts) assert.ok(s.includes('nonce="N0nce123"'), s);
    // a module script: it imports the chunk it shares with the renderer, under the same nonce
    assert.ok(scripts.some((s) => s.includes('type="module"') && s.includes('src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/plot.js"')));
    assert.ok(!/https?:\/\/(?!file\+\.vscode-resource)/.test(html.replace(/"\$schema":"[^"]*"/g, "")), "no other URLs");
  });

  it("carries the stable markers: #actnb-plot with the chart's title, the controls, the Insert button", () => {
    assert.strictEqual(computed.chartTitle, "GELU and Leaky ReLU (α = 0.2) and their derivatives");
    assert.ok(html.includes(`<div id="${IDS.chart}" class="actnb-vega" data-chart-title="GELU and Leaky ReLU (α = 0.2) and their derivatives"`));
    assert.ok(html.includes(`id="${IDS.controls}"`));
    assert.ok(html.includes(`<button id="${IDS.insert}" type="button"`) && html.includes(">Insert as cell</button>"));
    assert.ok(html.includes("<title>Plot: GELU, Leaky ReLU</title>"));
  });

  it("embeds the first state as inert JSON that cannot close its script element", () => {
    const m = new RegExp(`<script id="${IDS.state}" type="application/json" nonce="N0nce123">([\\s\\S]*?)</script>`).exec(html);
    assert.ok(m);
    assert.deepStrictEqual(JSON.parse(m[1]), JSON.parse(JSON.stringify(state)));
    assert.strictEqual(inlineJson({ t: "</script><script>alert(1)</script>" }), '{"t":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"}');
    assert.strictEqual(JSON.parse(inlineJson({ t: "</script>" })).t, "</script>");
    assert.strictEqual(escapeHtml(`"<a>'&`), "&quot;&lt;a&gt;&#39;&amp;");
  });

  it("says so when the webview bundle is missing instead of loading it", () => {
    const missing = panelHtml({ cspSource: "x:", nonce: "n", scriptUri: "x:/plot.js", title: "T", state, missingScript: "dist/webview/plot.js was not found" });
    assert.ok(missing.includes("The plot view is missing") && missing.includes("dist/webview/plot.js was not found"));
    assert.ok(!missing.includes('src="x:/plot.js"'));
  });

  it("makes 32-character alphanumeric nonces", () => {
    const n = nonceFrom(new Uint8Array(Array.from({ length: 32 }, (_, i) => i * 37)));
    assert.match(n, /^[A-Za-z0-9]{32}$/);
  });
});

describe("Plot activation: the chart the panel computes", () => {
  it("comes from the engine, fills the panel's width, and keeps activationPlot's tooltips (x, f(x), f'(x))", () => {
    const { spec, chartTitle, text } = computePlot(GELU_LEAKY);
    assert.strictEqual(spec.width, undefined);
    assert.strictEqual(chartTitle, "GELU and Leaky ReLU (α = 0.2) and their derivatives");
    assert.match(text, /x from -4 to 4 \(401 points\)/);
    const json = JSON.stringify(spec);
    for (const t of ['"title":"x"', '"title":"f(x)"', '"title":"f\'(x)"', '"title":"activation"']) assert.ok(json.includes(t), t);
    assert.ok(json.includes('"tooltip":['));
  });

  it("reports engine errors as messages", () => {
    assert.throws(() => computePlot({ ...GELU_LEAKY, x: [4, -4] }), /x must be \[min, max\]/);
  });

  it("draws to SVG through the renderer's prepare (theme, no network) with the CSP-safe interpreter", async () => {
    const { spec } = computePlot(GELU_LEAKY);
    const prep = prepare(spec, { font: "sans-serif" });
    if (!prep.ok) assert.fail(prep.problem.message);
    assert.ok(prep.fitWidth, "the panel's chart follows its width");
    const view = new vega.View(vega.parse(prep.vgSpec as vega.Spec, undefined, { ast: true }), {
      renderer: "svg", expr: expressionInterpreter, loader: blockingLoader() as vega.Loader, logLevel: vega.Error,
    });
    try {
      await view.runAsync();
      view.signal("width", 500);
      await view.runAsync();
      const svg = await view.toSVG();
      assert.ok(svg.includes("GELU and Leaky ReLU (α = 0.2) and their derivatives"));
      assert.ok(svg.includes("var(--vscode-editor-foreground)"), "theme colours are CSS variables");
      const lines = (svg.match(/<path[^>]*aria-roledescription="line mark"/g) ?? []).length;
      assert.strictEqual(lines, 4, "f and f' for each of the two activations");
    } finally {
      view.finalize();
    }
    // and Vega-Lite compiles the spec without warnings about it
    const warnings: string[] = [];
    const logger = {
      level: () => logger,
      warn: (m: string) => { warnings.push(m); return logger; },
      error: (m: string) => { warnings.push(m); return logger; },
      info: () => logger,
      debug: () => logger,
    };
    compile(spec as unknown as TopLevelSpec, { logger: logger as never });
    assert.deepStrictEqual(warnings, []);
  });
});
