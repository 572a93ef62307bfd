import * as assert from "assert";
import * as vega from "vega";
import { compile, TopLevelSpec } from "vega-lite";
import { torch, nn, F, Tensor, ACTIVATIONS, diagnostics } from "../../kernel/index";
import { activationPlot, gradientTable, lossCurve, LossCurve, deadUnitsChart, histogram, image, confusionMatrix, trainingCurves, Chart, VEGA_LITE_MIME, VEGA_LITE_SCHEMA, VegaLiteSpec } from "../../kernel/plots";
import type { DeadUnitRecord } from "../../kernel/plots";

// ---- helpers ----

interface SceneNode { marktype?: string; role?: string; name?: string; items: SceneItem[] }
interface SceneItem { items?: SceneNode[]; datum?: Record<string, unknown> }

interface Rendered { svg: string; text: string; view: vega.View; marks: SceneNode[] }

const entities: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&#x27;": "'", "&apos;": "'" };

/** Compiles with vega-lite, renders to SVG with vega in Node; returns the SVG, its text and the mark nodes. */
async function render(chart: Chart): Promise<Rendered> {
  const compiled = compile(chart.spec as unknown as TopLevelSpec);
  const view = new vega.View(vega.parse(compiled.spec), { renderer: "none" });
  const svg = await view.toSVG();
  const text = (svg.match(/<text[^>]*>[^<]*<\/text>/g) ?? [])
    .map((t) => t.replace(/<[^>]*>/g, "").replace(/&[#\w]+;/g, (e) => entities[e] ?? e))
    .join("\n");
  const marks: SceneNode[] = [];
  const walk = (node: SceneNode | undefined) => {
    if (!node) return;
    if (node.role === "mark") marks.push(node);
    for (const item of node.items) for (const child of item.items ?? []) walk(child);
  };
  walk((view.scenegraph() as unknown as { root: SceneNode }).root);
  view.finalize();
  return { svg, text, view, marks };
}

/** Mark nodes of one type (a line mark has one node per series). */
function nodes(r: Rendered, marktype: string): SceneNode[] {
  return r.marks.filter((m) => m.marktype === marktype && m.items.length > 0);
}
function items(r: Rendered, marktype: string): SceneItem[] {
  return nodes(r, marktype).flatMap((m) => m.items);
}

function hasText(r: Rendered, s: string): boolean {
  return r.text.split("\n").includes(s);
}

/** Every key anywhere in a JSON value. */
function keys(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => keys(x, out));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) { out.push(k); keys(x, out); }
  return out;
}
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === "object") Object.values(v).forEach((x) => strings(x, out));
  return out;
}

/** The rules every spec follows: schema, inline data only, no colours, a title. */
function checkRules(chart: Chart): void {
  const spec = chart.spec;
  assert.strictEqual(spec.$schema, VEGA_LITE_SCHEMA);
  assert.ok(!keys(spec).includes("url"), "no url anywhere");
  const colours = strings(spec).filter((s) => /^#[0-9a-f]{3,8}$/i.test(s) || /^(rgb|hsl)a?\(/.test(s) || /^(black|white)$/.test(s));
  assert.deepStrictEqual(colours, [], "no hard-coded colours");
  for (const k of ["background", "fill", "stroke", "color"]) {
    for (const v of valuesOf(spec, k)) assert.ok(typeof v !== "string", `no hard-coded ${k}: ${JSON.stringify(v)}`);
  }
  assert.ok(!strings(spec).some((s) => /^https?:/.test(s) && s !== VEGA_LITE_SCHEMA), "no remote resources");
  const title = spec.title as { text: string };
  assert.ok(title && typeof title.text === "string" && title.text.length > 0);
  assert.ok(chart.text.length > 0);
  // the display protocol
  const bundle = chart.mimeBundle();
  assert.strictEqual(bundle[VEGA_LITE_MIME], spec);
  assert.strictEqual(bundle["text/plain"], chart.text);
  const viaSymbol = (chart as unknown as Record<symbol, () => unknown>)[Symbol.for("Jupyter.display")]();
  assert.deepStrictEqual(viaSymbol, bundle);
  assert.strictEqual(JSON.stringify(chart), JSON.stringify(spec));
}
function valuesOf(v: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(v)) v.forEach((x) => valuesOf(x, key, out));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) { if (k === key) out.push(x); valuesOf(x, key, out); }
  return out;
}

/** The activation plot's per-activation data rows (x, f, df arrays). */
function curveData(spec: VegaLiteSpec): { label: string; x: number[]; f: (number | null)[]; df: (number | null)[] }[] {
  const layers = spec.layer as { data?: { values: unknown[] }; transform?: unknown }[];
  const curves = layers.find((l) => l.transform) as { data: { values: { label: string; x: number[]; f: (number | null)[]; df: (number | null)[] }[] } };
  return curves.data.values;
}

const r6 = (v: number) => Number(v.toPrecision(6));

/** The engine's own autograd derivative on the same grid, as the spec rounds it. */
function autogradOf(fn: (x: Tensor) => Tensor, lo = -5, hi = 5, n = 401): { x: number[]; f: number[]; df: number[] } {
  const x = torch.linspace(lo, hi, n, { requires_grad: true });
  const y = fn(x);
  y.backward(torch.ones_like(y));
  return { x: Array.from(x.toArray(), r6), f: Array.from(y.toArray(), r6), df: Array.from((x.grad as Tensor).toArray(), r6) };
}

// ---- activationPlot ----

describe("plots: activationPlot", () => {
  it("plots one activation with title, axis titles and one line", async () => {
    const chart = activationPlot("gelu");
    checkRules(chart);
    const r = await render(chart);
    assert.ok(hasText(r, "GELU"), "title");
    assert.ok(hasText(r, "x") && hasText(r, "f(x)"), "axis titles");
    assert.strictEqual(nodes(r, "line").length, 1);
    assert.strictEqual(items(r, "line").length, 401);
    assert.ok(!hasText(r, "activation"), "no legend for a single series");
    // zero rules on both axes
    assert.strictEqual(nodes(r, "rule").length, 2);
    // the curve is the engine's GELU
    const [d] = curveData(chart.spec);
    assert.deepStrictEqual(d.f, autogradOf((x) => F.gelu(x)).f);
  });

  it("titles several activations by their labels, with a legend", async () => {
    const chart = activationPlot(["relu", { name: "leaky_relu", params: { negative_slope: 0.2 } }]);
    assert.strictEqual((chart.spec.title as { text: string }).text, "ReLU and Leaky ReLU (α = 0.2)");
    const r = await render(chart);
    assert.ok(hasText(r, "ReLU and Leaky ReLU (α = 0.2)"));
    assert.ok(hasText(r, "activation") && hasText(r, "ReLU") && hasText(r, "Leaky ReLU (α = 0.2)"), "legend");
    assert.strictEqual(nodes(r, "line").length, 2);
  });

  it("draws derivatives from the engine's autograd as dashed lines", async () => {
    const chart = activationPlot(["relu", { name: "leaky_relu", params: { negative_slope: 0.2 } }], { derivative: true });
    checkRules(chart);
    const r = await render(chart);
    assert.ok(hasText(r, "f(x), f'(x)"), "y axis title");
    assert.ok(hasText(r, "f'(x)") && hasText(r, "curve"), "dash legend");
    const lines = nodes(r, "line");
    assert.strictEqual(lines.length, 4, "f and f' for two activations");
    const dashed = lines.filter((m) => (m.items[0] as { strokeDash?: number[] }).strokeDash?.join() === "6,4");
    assert.strictEqual(dashed.length, 2, "derivatives dashed");

    const [relu, leaky] = curveData(chart.spec);
    const reluRef = autogradOf((x) => F.relu(x));
    const leakyRef = autogradOf((x) => F.leaky_relu(x, 0.2));
    assert.deepStrictEqual(relu.df, reluRef.df);
    assert.deepStrictEqual(leaky.df, leakyRef.df);
    relu.x.forEach((x, i) => {
      if (x > 0) assert.strictEqual(relu.df[i], 1);
      if (x < 0) assert.strictEqual(relu.df[i], 0);
      if (x <= 0) assert.strictEqual(leaky.df[i], r6(Math.fround(0.2)));
    });
    // PyTorch's linspace(-5, 5, 401) has no exact 0 in the middle: -7.45e-8 (its float32 kernel)
    assert.strictEqual(relu.x[200], r6(-7.450580596923828e-8));
    // PyTorch's relu'(0) is 0: a grid through 0 exactly (linspace(-1, 1, 3))
    const [atZero] = curveData(activationPlot("relu", { derivative: true, x: [-1, 1], points: 3 }).spec);
    assert.deepStrictEqual(atZero.x, [-1, 0, 1]);
    assert.strictEqual(atZero.df[1], 0);
    assert.match(chart.text, /f'\(x\) by autograd/);
  });

  it("plots only derivatives with derivative: 'only'", async () => {
    const chart = activationPlot(["sigmoid", "tanh"], { derivative: "only" });
    assert.strictEqual((chart.spec.title as { text: string }).text, "Derivatives of Sigmoid and Tanh");
    const r = await render(chart);
    assert.ok(hasText(r, "f'(x)"));
    assert.strictEqual(nodes(r, "line").length, 2);
    const [sig] = curveData(chart.spec);
    assert.strictEqual(sig.df[200], 0.25, "σ'(0) = 1/4");
  });

  it("plots no derivative for Heaviside and says why", async () => {
    const chart = activationPlot(["heaviside", "relu"], { derivative: true });
    checkRules(chart);
    const r = await render(chart);
    assert.strictEqual(nodes(r, "line").length, 3, "f for both, f' only for ReLU");
    assert.ok(r.text.includes("No derivative in PyTorch for Step (Heaviside)"));
    assert.match(chart.text, /No derivative plotted: PyTorch's backward raises "derivative for aten::heaviside is not implemented"/);
    const [h] = curveData(chart.spec);
    assert.deepStrictEqual(h.df, []);
    assert.strictEqual(h.f[200], 0, "H at the grid's middle, PyTorch's -7.45e-8, is 0");
    const [h0] = curveData(activationPlot("heaviside", { x: [-1, 1], points: 3 }).spec);
    assert.deepStrictEqual([h0.x[1], h0.f[1]], [0, 0.5], "H(0) = values");
  });

  it("uses the definitions' parameters: PReLU init, Swish β, APL hinges, GELU approximate", () => {
    const chart = activationPlot([
      { name: "prelu", params: { init: 0.1 } },
      { name: "swish", params: { beta: 2 } },
      "apl",
      { name: "gelu", params: { approximate: "tanh" } },
    ], { x: [-2, 2], points: 5, derivative: true });
    const [prelu, swish, apl, gelu] = curveData(chart.spec);
    assert.deepStrictEqual(prelu.x, [-2, -1, 0, 1, 2]);
    assert.deepStrictEqual(prelu.f, [-0.2, -0.1, 0, 1, 2]);
    assert.deepStrictEqual(prelu.df, [0.1, 0.1, 0.1, 1, 1]);
    assert.strictEqual(swish.f[3], r6(Math.fround(1 / (1 + Math.exp(-2)))));
    // APL defaults: two hinges at 0 and -1 with slope 0.2
    assert.deepStrictEqual(apl.f, [0.6, 0.2, 0, 1, 2]);
    assert.deepStrictEqual(apl.df, [-0.4, -0.2, 0, 1, 1], "relu and the hinges have slope 0 at their kinks, as in PyTorch");
    assert.deepStrictEqual(gelu.f, autogradOf((x) => F.gelu(x, { approximate: "tanh" }), -2, 2, 5).f);
    assert.deepStrictEqual(gelu.df, autogradOf((x) => F.gelu(x, { approximate: "tanh" }), -2, 2, 5).df);
    const labels = [prelu, swish, apl, gelu].map((d) => d.label);
    assert.deepStrictEqual(labels, ["PReLU (init = 0.1)", "Swish-β (β = 2)", "Adaptive piecewise linear (APL)", "GELU (approximate = tanh)"]);
  });

  it("accepts definitions, module names and functions", () => {
    const def = ACTIVATIONS.find((a) => a.name === "elu")!;
    const chart = activationPlot([def, "LeakyReLU", { fn: (x: Tensor) => x.mul(x), label: "x²" }], { x: [-1, 1], points: 3, derivative: true });
    const [elu, leaky, sq] = curveData(chart.spec);
    assert.strictEqual(elu.label, "ELU");
    assert.strictEqual(leaky.label, "Leaky ReLU");
    assert.deepStrictEqual(sq.f, [1, 0, 1]);
    assert.deepStrictEqual(sq.df, [-2, 0, 2]);
  });

  it("plots softmax as its two-class case", () => {
    const chart = activationPlot("softmax", { derivative: true });
    const [d] = curveData(chart.spec);
    const ref = autogradOf((x) => torch.sigmoid(x));
    // Both sides are rounded to 6 significant digits, so a last-bit difference between
    // softmax and sigmoid can move the sixth digit by one (1e-6 for values in [0.1, 1)).
    d.f.forEach((v, i) => assert.ok(Math.abs((v as number) - ref.f[i]) < 1.5e-6, `f at ${ref.x[i]}: ${v} vs ${ref.f[i]}`));
    d.df.forEach((v, i) => assert.ok(Math.abs((v as number) - ref.df[i]) < 1.5e-6, `f' at ${ref.x[i]}: ${v} vs ${ref.df[i]}`));
    assert.match(chart.text, /not elementwise/);
  });

  it("rejects unknown activations and parameters", () => {
    assert.throws(() => activationPlot("relu7"), /unknown activation 'relu7'/);
    assert.throws(() => activationPlot({ name: "leaky_relu", params: { slope: 0.2 } }), /leaky_relu has no parameter 'slope'; its parameters: negative_slope/);
    assert.throws(() => activationPlot({ name: "leaky_relu", params: { negative_slope: "a" } }), /must be Number, not str/);
    assert.throws(() => activationPlot("relu", { x: [1, -1] }), /min < max/);
  });

  it("writes an informative text fallback", () => {
    const chart = activationPlot(["relu", { name: "leaky_relu", params: { negative_slope: 0.2 } }], { derivative: true });
    const t = chart.text;
    assert.ok(t.startsWith("ReLU and Leaky ReLU (α = 0.2) and their derivatives\n"));
    assert.match(t, /x from -5 to 5 \(401 points\)/);
    assert.match(t, /Leaky ReLU \(α = 0\.2\): f\(x\) in \[-1, 5\], f'\(x\) in \[0\.2, 1\]/);
    assert.match(t, /^ {2}f'\(x\) +0 +0 +0 +0 +0 +1 +1 +1 +1$/m);
  });

  it("is deterministic and small", () => {
    const make = () => JSON.stringify(activationPlot(["relu", "gelu"], { derivative: true }).spec);
    const a = make();
    assert.strictEqual(a, make());
    assert.ok(a.length < 30_000, `spec is ${a.length} bytes`);
    // numbers keep at most 6 significant digits
    const data = curveData(JSON.parse(a));
    for (const d of data) for (const v of [...d.x, ...d.f, ...d.df]) assert.strictEqual(v, v === null ? null : r6(v));
  });
});

// ---- gradientTable ----

describe("plots: gradientTable", () => {
  it("tabulates x, f(x) and ∂L/∂x per element with coloured gradient cells", async () => {
    const x = torch.tensor([-2, -1, 0, 1, 2], { requires_grad: true });
    const y = F.relu(x);
    y.sum().backward();
    const chart = gradientTable({ input: x, output: y, grad: x.grad, label: "ReLU" });
    checkRules(chart);
    const r = await render(chart);
    assert.ok(hasText(r, "Gradients through ReLU"));
    for (const h of ["x", "f(x)", "∂L/∂x", "i"]) assert.ok(hasText(r, h), `header ${h}`);
    assert.ok(hasText(r, "x = input, f(x) = output, ∂L/∂x = input.grad after backward"), "caption");
    const textMarks = r.marks.filter((m) => m.marktype === "text" && m.name?.endsWith("_marks"));
    assert.strictEqual(textMarks.reduce((s, m) => s + m.items.length, 0), 15, "5 rows × 3 columns");
    assert.strictEqual(items(r, "rect").length, 2, "only the non-zero gradients are coloured");
    assert.ok(hasText(r, "|∂L/∂x|"), "colour legend");
    const lines = chart.text.split("\n");
    assert.deepStrictEqual(lines.slice(3), [
      "i   x  f(x)  ∂L/∂x",
      "─  ──  ────  ─────",
      "0  -2     0      0",
      "1  -1     0      0",
      "2   0     0      0",
      "3   1     1      1",
      "4   2     2      1",
    ]);
  });

  it("explains a missing gradient and mismatched sizes", () => {
    const x = torch.tensor([1, 2]);
    assert.throws(() => gradientTable({ input: x, output: x, grad: x.grad }), /grad is null; call backward\(\) first/);
    assert.throws(() => gradientTable({ input: [1, 2], output: [1], grad: [1, 1] }), /as many elements/);
  });

  it("tabulates gradient norms per layer from diagnostics", async () => {
    torch.manual_seed(0);
    const model = new nn.Sequential(new nn.Linear(4, 8), new nn.Sigmoid(), new nn.Linear(8, 8), new nn.Sigmoid(), new nn.Linear(8, 1));
    model(torch.randn(16, 4)).pow(2).mean().backward();
    const norms = diagnostics.layer_grad_norms(model);
    const chart = gradientTable(norms);
    checkRules(chart);
    const r = await render(chart);
    assert.ok(hasText(r, "Gradient norms per layer"));
    assert.ok(hasText(r, "‖∂L/∂W‖₂ per layer after one backward pass"));
    assert.ok(hasText(r, "layer") && hasText(r, "‖∂L/∂W‖₂"));
    for (const g of norms) assert.ok(hasText(r, g.name));
    assert.strictEqual(items(r, "rect").length, 3);
    const body = chart.text.split("\n").slice(5);
    assert.strictEqual(body.length, 3);
    body.forEach((line, i) => assert.match(line, new RegExp(`^${norms[i].name} +${String(r6(norms[i].norm)).replace(".", "\\.")}$`)));
    // aligned: every row as wide as the header
    const widths = new Set(chart.text.split("\n").slice(3).map((l) => [...l].length));
    assert.strictEqual(widths.size, 1);
  });

  it("compares runs column by column, per parameter, with a caption", async () => {
    const run = (act: nn.Module) => {
      torch.manual_seed(1);
      const m = new nn.Sequential(new nn.Linear(3, 4), act, new nn.Linear(4, 1));
      m(torch.randn(8, 3)).sum().backward();
      return diagnostics.grad_norms(m);
    };
    const chart = gradientTable({ sigmoid: run(new nn.Sigmoid()), relu: run(new nn.ReLU()) }, { caption: "‖∂L/∂θ‖₂ per parameter" });
    checkRules(chart);
    const r = await render(chart);
    assert.ok(hasText(r, "Gradient norms per parameter") && hasText(r, "‖∂L/∂θ‖₂ per parameter"));
    assert.ok(hasText(r, "sigmoid") && hasText(r, "relu") && hasText(r, "run") && hasText(r, "parameter"));
    assert.strictEqual(items(r, "rect").length, 8);
    assert.match(chart.text.split("\n")[3], /^parameter +sigmoid +relu$/);
  });

  it("leaves out rows beyond maxRows and says so", () => {
    const x = torch.linspace(-1, 1, 100, { requires_grad: true });
    const y = torch.tanh(x);
    y.sum().backward();
    const chart = gradientTable({ input: x, output: y, grad: x.grad }, { maxRows: 10 });
    assert.match(chart.text, /\(first 10 of 100 rows\)/);
    assert.strictEqual((chart.spec.data as { values: unknown[] }).values.length, 30);
  });
});

// ---- lossCurve ----

describe("plots: lossCurve", () => {
  it("draws one line per series with a legend and tooltips", async () => {
    const chart = lossCurve([{ label: "relu", values: [2.3, 1.2, 0.8, 0.5] }, { label: "sigmoid", values: [2.3, 2, 1.9, 1.85] }]);
    checkRules(chart);
    const r = await render(chart);
    assert.ok(hasText(r, "Training loss") && hasText(r, "epoch") && hasText(r, "loss"));
    assert.ok(hasText(r, "relu") && hasText(r, "sigmoid") && hasText(r, "series"), "legend");
    assert.strictEqual(nodes(r, "line").length, 2);
    assert.strictEqual(items(r, "symbol").length, 8, "a point per value");
    assert.ok(keys(chart.spec).includes("tooltip"));
    assert.match(chart.text, /relu: 4 values, first 2\.3, last 0\.5, min 0\.5 at epoch 4/);
  });

  it("takes a plain number[] (no legend), a log scale, and reports divergence", async () => {
    const chart = lossCurve([1, 0.1, 0.01, NaN], { log: true, xTitle: "step", start: 0 });
    const r = await render(chart);
    assert.ok(hasText(r, "step") && !hasText(r, "series"));
    assert.ok(hasText(r, "Diverged (not plotted): nan at step 3"));
    assert.strictEqual(items(r, "symbol").length, 3);
    assert.strictEqual(((chart.spec.encoding as Record<string, { scale?: { type?: string } }>).y.scale as { type: string }).type, "log");
    assert.match(chart.text, /nan at step 3 \(diverged; not plotted\)/);
  });

  it("LossCurve.push returns the updated chart for re-display", async () => {
    const curve = new LossCurve({ title: "Loss per epoch" });
    let chart: Chart | undefined;
    for (let e = 0; e < 3; e++) {
      chart = curve.push("relu", torch.tensor(1 / (e + 1)));
      chart = curve.push("gelu", 0.9 / (e + 1));
    }
    assert.deepStrictEqual(curve.values, { relu: [1, 0.5, 1 / 3].map(Math.fround), gelu: [0.9, 0.45, 0.3] });
    checkRules(chart!);
    const r = await render(chart!);
    assert.ok(hasText(r, "Loss per epoch"));
    assert.strictEqual(nodes(r, "line").length, 2);
    const bundle = (curve as unknown as Record<symbol, () => Record<string, unknown>>)[Symbol.for("Jupyter.display")]();
    // (compare as JSON: rendering tags the inline data objects with vega's symbol ids)
    assert.strictEqual(JSON.stringify(bundle[VEGA_LITE_MIME]), JSON.stringify(chart!.spec));
    const single = new LossCurve();
    single.push(2);
    assert.deepStrictEqual(single.push(1).spec.data, { values: [{ label: "loss", x: 1, loss: 2 }, { label: "loss", x: 2, loss: 1 }] });
  });
});

// ---- deadUnitsChart ----

/** Dead-unit records from the real diagnostics: biases pushed down a little more each epoch. */
function deadRecords(activation: () => nn.Module): DeadUnitRecord[] {
  torch.manual_seed(3);
  const l1 = new nn.Linear(4, 16), l2 = new nn.Linear(16, 16);
  const model = new nn.Sequential(l1, activation(), l2, activation());
  const input = torch.randn(32, 4);
  const records: DeadUnitRecord[] = [];
  for (let epoch = 1; epoch <= 4; epoch++) {
    torch.no_grad(() => { l1.bias!.sub_(0.5); l2.bias!.sub_(0.3); });
    records.push(...diagnostics.layer_activity(model, input).map((r) => ({ epoch, ...r })));
  }
  return records;
}

describe("plots: deadUnitsChart", () => {
  it("draws dead fraction per layer over epochs on a percentage axis", async () => {
    const records = deadRecords(() => new nn.ReLU());
    const chart = deadUnitsChart(records);
    checkRules(chart);
    const r = await render(chart);
    assert.ok(hasText(r, "Dead units per layer during training"));
    assert.ok(hasText(r, "epoch") && hasText(r, "dead units (% of layer)"));
    assert.ok(hasText(r, "100%") && hasText(r, "0%"), "percentage axis from 0 to 1");
    assert.ok(hasText(r, "1 (ReLU)") && hasText(r, "3 (ReLU)") && hasText(r, "layer"), "legend by layer");
    assert.strictEqual(nodes(r, "line").length, 2);
    assert.strictEqual(items(r, "symbol").length, 8);
    assert.match(chart.text, /^1 \(ReLU\) +(\d+(\.\d)?% +){3}\d+(\.\d)?%$/m);
    const last = records.filter((x) => x.epoch === 4 && x.layer === "3")[0];
    assert.ok(chart.text.includes(`${Number((last.dead_fraction * 100).toFixed(1))}%`));
  });

  it("facets several runs, or colours them in one panel", async () => {
    const runs = { relu: deadRecords(() => new nn.ReLU()), leaky_relu: deadRecords(() => new nn.LeakyReLU(0.1)) };
    const faceted = deadUnitsChart(runs);
    checkRules(faceted);
    const r = await render(faceted);
    assert.ok(hasText(r, "relu") && hasText(r, "leaky_relu") && hasText(r, "run"));
    assert.strictEqual(nodes(r, "line").length, 4, "2 layers × 2 runs");
    const one = deadUnitsChart(runs, { facet: false });
    const r1 = await render(one);
    assert.strictEqual(nodes(r1, "line").length, 4);
    assert.ok(hasText(r1, "run") && hasText(r1, "layer"), "two legends");
    assert.match(faceted.text, /^relu:$/m);
    assert.match(faceted.text, /^leaky_relu:$/m);
  });

  it("shows one snapshot as bars", async () => {
    const runs = { relu: deadRecords(() => new nn.ReLU()), leaky_relu: deadRecords(() => new nn.LeakyReLU(0.1)) };
    const chart = deadUnitsChart(runs, { form: "bars", epoch: 2 });
    checkRules(chart);
    const r = await render(chart);
    assert.ok(hasText(r, "Dead units per layer (epoch 2)") && hasText(r, "layer") && hasText(r, "dead units (% of layer)"));
    assert.strictEqual(items(r, "rect").length, 4, "a bar per layer and run");
    assert.match(chart.text, /^layer +relu +leaky_relu$/m);
    // a single snapshot straight from layer_activity (no epoch) is a bar chart
    const snapshot = deadUnitsChart(deadRecords(() => new nn.ReLU()).filter((x) => x.epoch === 4).map(({ epoch: _e, ...rest }) => rest));
    const rs = await render(snapshot);
    assert.ok(hasText(rs, "Dead units per layer"));
    assert.strictEqual(items(rs, "rect").length, 2);
  });
});

describe("plots: histogram", () => {
  it("bins the values here: counts per bin sum to the finite values, on one shared range", async () => {
    torch.manual_seed(0);
    const a = torch.randn(1000), b = torch.randn(500).mul(3);
    const chart = histogram({ "layer 1": a, "layer 2": b }, { bins: 20, title: "Gradients per layer" });
    const rows = (chart.spec.data as { values: Array<{ name: string; bin_start: number; bin_end: number; count: number }> }).values;
    const total = (name: string) => rows.filter((r) => r.name === name).reduce((s, r) => s + r.count, 0);
    assert.deepStrictEqual([total("layer 1"), total("layer 2")], [1000, 500]);
    assert.strictEqual(rows.length, 40);
    const lo = Math.min(a.min().item(), b.min().item()), hi = Math.max(a.max().item(), b.max().item());
    assert.ok(Math.abs(rows[0].bin_start - lo) < 1e-4 && Math.abs(rows[19].bin_end - hi) < 1e-3, "the bins span the values");
    assert.match(chart.text, /^Gradients per layer\n20 bins over \[/);
    assert.match(chart.text, /\nlayer 2 +500 /);
    const r = await render(chart);
    assert.ok(hasText(r, "layer 1") && hasText(r, "layer 2"), "one panel per distribution, named");
    assert.strictEqual(items(r, "rect").length, 40);
  });

  it("leaves non-finite values out and says how many; a symlog axis with log; bad options are errors", () => {
    const chart = histogram([1, 2, NaN, Infinity, 2], { bins: 2, log: true });
    const rows = (chart.spec.data as { values: Array<{ count: number }> }).values;
    assert.deepStrictEqual(rows.map((r) => r.count), [1, 2]);
    assert.match(chart.text, /3 \(\+2 not finite\)/);
    assert.strictEqual(JSON.stringify((chart.spec as any).encoding.y.scale), JSON.stringify({ type: "symlog" }));
    assert.throws(() => histogram([1], { bins: 0 }), /bins must be a positive whole number/);
    assert.throws(() => histogram([1], { range: [2, 1] }), /range must be \[min, max\] with min ≤ max/);
    const own = histogram({ small: [0, 0.001, 0.002], big: [0, 100, 200] }, { bins: 2, shared: false });
    const ownRows = (own.spec.data as { values: Array<{ name: string; bin_end: number; count: number }> }).values;
    assert.deepStrictEqual(ownRows.map((r) => [r.name, r.bin_end, r.count]), [["small", 0.001, 1], ["small", 0.002, 2], ["big", 100, 1], ["big", 200, 2]]);
    assert.match(own.text, /each distribution's own range/);
    assert.throws(() => histogram({ x: "nope" as unknown as number[] }), /"x" must be a tensor or an array of numbers/);
  });
});

describe("plots: image (PNG)", () => {
  /** The pixels of a PNG this module wrote: chunks checked, IDAT inflated, filter bytes (all 0) dropped. */
  function decode(png: Buffer): { width: number; height: number; channels: number; pixels: Uint8Array } {
    assert.deepStrictEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = png.readUInt32BE(16), height = png.readUInt32BE(20), channels = png[25] === 0 ? 1 : 3;
    const idat = png.indexOf("IDAT");
    const raw = require("zlib").inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
    const stride = width * channels;
    const pixels = new Uint8Array(stride * height);
    for (let y = 0; y < height; y++) { assert.strictEqual(raw[y * (stride + 1)], 0); pixels.set(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), y * stride); }
    return { width, height, channels, pixels };
  }

  it("writes the tensor's pixels: floats in [0, 1] as save_image rounds them, uint8 as is, scaled by whole pixels", () => {
    const grey = torch.tensor([[0, 0.5, 1], [0.25, 2, -1]]);
    const out = decode(image(grey).png);
    assert.deepStrictEqual([out.width, out.height, out.channels, [...out.pixels]], [3, 2, 1, [0, 128, 255, 64, 255, 0]]);
    const rgb = torch.tensor([[[10]], [[20]], [[30]]], { dtype: torch.uint8 });
    const big = decode(image(rgb, { scale: 2 }).png);
    assert.deepStrictEqual([big.width, big.height, big.channels, [...big.pixels]], [2, 2, 3, [10, 20, 30, 10, 20, 30, 10, 20, 30, 10, 20, 30]]);
    const bundle = (image(grey, { title: "two rows" }) as any)[Symbol.for("Jupyter.display")]();
    assert.deepStrictEqual(Object.keys(bundle), ["image/png", "text/plain"]);
    assert.strictEqual(bundle["text/plain"], "two rows");
    assert.throws(() => image(torch.zeros(2, 2, 2)), /expected \[H, W\], \[1, H, W\] or \[3, H, W\]/);
  });
});

describe("plots: confusionMatrix and trainingCurves", () => {
  it("confusionMatrix counts (actual, predicted) pairs, from indices or from logits, and says the accuracy", async () => {
    const logits = torch.tensor([[3, 0, 0], [0, 2, 1], [0, 0.5, 1], [1, 0, 2]]);
    const chart = confusionMatrix(logits, torch.tensor([0, 1, 1, 2], { dtype: torch.int64 }), { classes: ["T-shirt", "Trouser", "Bag"] });
    const cells = (chart.spec.data as { values: Array<{ actual: string; predicted: string; count: number }> }).values;
    const count = (a: string, p: string) => cells.find((c) => c.actual === a && c.predicted === p)!.count;
    assert.deepStrictEqual([count("T-shirt", "T-shirt"), count("Trouser", "Trouser"), count("Trouser", "Bag"), count("Bag", "Bag")], [1, 1, 1, 1]);
    assert.strictEqual(cells.reduce((s, c) => s + c.count, 0), 4);
    assert.match(chart.text, /accuracy 75% \(3 of 4\)/);
    const r = await render(chart);
    assert.strictEqual(items(r, "rect").length, 9);
    assert.ok(hasText(r, "Trouser"));
    assert.throws(() => confusionMatrix([0, 1], [0]), /2 predictions for 1 targets/);
  });

  it("trainingCurves puts each metric in its own panel, accuracy as a percentage", async () => {
    const chart = trainingCurves({ loss: { train: [1.5, 0.9, 0.6], test: [1.6, 1.0, 0.8] }, accuracy: { test: [0.61, 0.74, 0.8] } });
    const panels = (chart.spec as any).hconcat;
    assert.deepStrictEqual(panels.map((p: any) => p.title), ["loss", "accuracy"]);
    assert.strictEqual(panels[1].encoding.y.axis.format, "%");
    assert.match(chart.text, /accuracy \(test\): 3 values, last 80\.00% at epoch 3/);
    const r = await render(chart);
    assert.ok(hasText(r, "loss") && hasText(r, "accuracy"));
  });
});

describe("plots: every spec", () => {
  it("is deterministic, inline-only and renders", async () => {
    const x = torch.tensor([-1, 0, 1], { requires_grad: true });
    const y = torch.tanh(x);
    y.sum().backward();
    const builders: (() => Chart)[] = [
      () => activationPlot(["relu", "heaviside", "apl", "prelu"], { derivative: true }),
      () => gradientTable({ input: x, output: y, grad: x.grad }),
      () => gradientTable([{ name: "0", norm: 1e-8 }, { name: "2", norm: 0 }, { name: "4", norm: 3 }]),
      () => lossCurve([3, 2, 1]),
      () => deadUnitsChart(deadRecords(() => new nn.ReLU())),
      () => histogram(torch.tensor([0, 1, 1, 2, 3])),
      () => histogram({ "layer 1": torch.tensor([0, 1, 1]), "layer 2": [2, 3, NaN] }, { bins: 4, log: true }),
      () => histogram({ a: [0, 1], b: [1, 2] }, { facet: false, y: "fraction" }),
      () => histogram({ a: [0, 1], b: [10, 20] }, { shared: false }),
      () => confusionMatrix([0, 1, 1], [0, 1, 0], { classes: ["cat", "dog"] }),
      () => confusionMatrix(torch.tensor([[2, 1], [0, 3]]), torch.tensor([0, 0], { dtype: torch.int64 }), { normalize: "true" }),
      () => trainingCurves({ loss: { train: [1, 0.5], test: [1.2, 0.7] }, accuracy: { test: [0.6, 0.8] } }),
    ];
    for (const build of builders) {
      const a = build(), b = build();
      assert.strictEqual(JSON.stringify(a.spec), JSON.stringify(b.spec));
      assert.strictEqual(a.text, b.text);
      checkRules(a);
      await render(a);
    }
  });
});
