// The runtime's plot functions (actnb_pytorch.plot) against actnb's (kernel/plots): for the same
// input, the same Vega-Lite spec and the same text fallback, up to float formatting. Every case
// runs in one Python process (PyTorch takes seconds to import).
import * as assert from "assert";
import { torch, F, Tensor } from "../../kernel/index";
import * as plot from "../../kernel/plots";
import { ACTIVATIONS } from "../../kernel/engine/activations/registry";
import type { ActivationDefinition } from "../../kernel/engine/activations/definition";
import { difference, plain, runPython } from "./runtime_harness";

interface Case {
  name: string;
  /** actnb's chart (or image) */
  ts: () => { spec?: unknown; text: string; png?: Buffer; width?: number; height?: number };
  /** the same call in Python, an expression over the prelude's names */
  py: string;
  /** inputs are plain numbers (no float32 kernels): texts must be equal to the character */
  exact?: boolean;
}

// inputs both sides build the same way (JSON carries doubles exactly)
const VALS = Array.from({ length: 300 }, (_, i) => ((i * 37) % 101) / 25 - 2 + Math.sin(i) / 7);
const XS = [-2.5, -1, -0.25, 0, 0.3, 1.75, 4];
const LOGITS = Array.from({ length: 24 }, (_, i) => [Math.sin(i), Math.cos(i * 1.3), Math.sin(i * 0.7 + 1)]);
const TARGETS = Array.from({ length: 24 }, (_, i) => (i * 5) % 3);
const PRELUDE = `
import json, math, base64
import torch
import torch.nn.functional as F
from actnb_pytorch import plot, ACTIVATIONS
VALS = json.loads('${JSON.stringify(VALS)}')
XS = json.loads('${JSON.stringify(XS)}')
LOGITS = json.loads('${JSON.stringify(LOGITS)}')
TARGETS = json.loads('${JSON.stringify(TARGETS)}')
def shown(c):
    if isinstance(c, plot.Image):
        return {"png": base64.b64encode(c.png).decode(), "text": c.text, "width": c.width, "height": c.height}
    return {"spec": c.spec, "text": c.text}
`;

/** A value for each shown parameter away from its default (within its slider range). */
function otherParams(def: ActivationDefinition): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const p of def.params) {
    if (p.hidden || p.type === "dim") continue;
    if (p.type === "choice") out[p.name] = p.choices![p.choices!.length - 1];
    else if (p.type === "int") out[p.name] = (p.default as number) + 1;
    else out[p.name] = Number(((p.default as number) + 3 * (p.step ?? 0.1)).toFixed(4));
  }
  return Object.keys(out).length ? out : null;
}

const py = (v: unknown) => JSON.stringify(v).replace(/\btrue\b/g, "True").replace(/\bfalse\b/g, "False").replace(/\bnull\b/g, "None");

function activationCases(): Case[] {
  const cases: Case[] = [];
  for (const def of ACTIVATIONS) {
    cases.push({ name: `${def.name}, derivative`, ts: () => plot.activationPlot(def.name, { derivative: true, points: 41 }), py: `plot.activation_plot(${py(def.name)}, derivative=True, points=41)` });
    const params = otherParams(def);
    if (params) {
      const spec = { name: def.name, params };
      cases.push({ name: `${def.name} ${JSON.stringify(params)}`, ts: () => plot.activationPlot(spec as any, { derivative: true, points: 33, x: [-3, 2] }), py: `plot.activation_plot(${py(spec)}, derivative=True, points=33, x=(-3, 2))` });
    }
  }
  // an even number of points: PyTorch's linspace puts its middle point near 0, not at it, where
  // actnb's is exactly 0, and the step is 0.5 there and 0 just left of it
  const several = ["relu", "LeakyReLU", { name: "elu", params: { alpha: 0.5 }, label: "my ELU" }, "relu", "heaviside", "softmax"];
  cases.push(
    { name: "several, no derivative", ts: () => plot.activationPlot(several as any, { points: 24 }), py: `plot.activation_plot(${py(several)}, points=24)` },
    { name: "several, derivative only", ts: () => plot.activationPlot(several as any, { points: 24, derivative: "only" }), py: `plot.activation_plot(${py(several)}, points=24, derivative="only")` },
    { name: "x range ending at 0 (no vertical rule)", ts: () => plot.activationPlot("elu", { x: [-3, 0], points: 13, derivative: true }), py: `plot.activation_plot("elu", x=(-3, 0), points=13, derivative=True)` },
    { name: "x range without 0, 7 points", ts: () => plot.activationPlot("gelu", { x: [0.5, 4], points: 7 }), py: `plot.activation_plot("gelu", x=(0.5, 4), points=7)` },
    { name: "float64 grid", ts: () => plot.activationPlot(["gelu", "elu", "mish"], { dtype: "float64", derivative: true, points: 51 }), py: `plot.activation_plot(["gelu", "elu", "mish"], dtype="float64", derivative=True, points=51)` },
    { name: "a definition itself", ts: () => plot.activationPlot(ACTIVATIONS.find((d) => d.name === "selu")!, { points: 9 }), py: `plot.activation_plot(ACTIVATIONS["selu"], points=9)` },
    { name: "default grid", ts: () => plot.activationPlot("tanh"), py: `plot.activation_plot("tanh")` },
    {
      name: "fn specs, options",
      ts: () => plot.activationPlot([{ fn: (x: Tensor) => x.mul(x).sigmoid(), label: "σ(x²)" }, { fn: (x: Tensor) => torch.ones_like(x), label: "one" }],
        { derivative: true, points: 21, title: "Mine", subtitle: "sub", xTitle: "input", yTitle: "out", width: 300, height: 200 }),
      py: `plot.activation_plot([{"fn": lambda x: x.mul(x).sigmoid(), "label": "σ(x²)"}, {"fn": lambda x: torch.ones_like(x), "label": "one"}],
        derivative=True, points=21, title="Mine", subtitle="sub", x_title="input", y_title="out", width=300, height=200)`,
    },
  );
  return cases;
}

function gradientCases(): Case[] {
  const norms = [{ name: "0.weight", norm: 0.5 }, { name: "0.bias", norm: 0 }, { name: "2.weight", norm: 1.25e-7 }];
  const runs = { relu: [{ name: "0", norm: 0.3 }, { name: "2", norm: 2.5 }], tanh: [{ name: "0", norm: 0.01 }, { name: "4", norm: NaN }] };
  const element = (o: Record<string, unknown>) => () => {
    const x = torch.tensor(XS, { requires_grad: true });
    const y = F.gelu(x);
    y.sum().backward();
    return plot.gradientTable({ input: x, output: y, grad: x.grad, label: "GELU" }, o);
  };
  const pyElement = (o: string) => `(lambda x: (lambda y: (y.sum().backward(), plot.gradient_table({"input": x, "output": y, "grad": x.grad, "label": "GELU"}${o}))[1])(F.gelu(x)))(torch.tensor(XS, requires_grad=True))`;
  return [
    { name: "gradient table per element", ts: element({}), py: pyElement("") },
    { name: "gradient table per element, options", ts: element({ caption: "c", title: "t", rowTitle: "r", columnTitle: "k", cellWidth: 90, maxRows: 4 }), py: pyElement(`, caption="c", title="t", row_title="r", column_title="k", cell_width=90, max_rows=4`) },
    { name: "gradient table of parameter norms", ts: () => plot.gradientTable(norms, { valueTitle: "norm", legendTitle: "‖g‖" }), py: `plot.gradient_table(${py(norms)}, value_title="norm", legend_title="‖g‖")`, exact: true },
    { name: "gradient table of runs", ts: () => plot.gradientTable(runs, { columnTitle: "activation" }), py: `plot.gradient_table({"relu": [{"name": "0", "norm": 0.3}, {"name": "2", "norm": 2.5}], "tanh": [{"name": "0", "norm": 0.01}, {"name": "4", "norm": math.nan}]}, column_title="activation")`, exact: true },
    { name: "gradient table, one value", ts: () => plot.gradientTable([{ name: "fc", norm: 3 }]), py: `plot.gradient_table([{"name": "fc", "norm": 3}])`, exact: true },
  ];
}

function lossCases(): Case[] {
  const losses = [2.3, 1.1, 0.61, 0.4, 0.33, 0.305];
  return [
    { name: "loss curve", ts: () => plot.lossCurve(losses), py: `plot.loss_curve(${py(losses)})`, exact: true },
    { name: "loss curve, log, start, x title, points", ts: () => plot.lossCurve([1, 0.5, 0, -1, 0.1], { log: true, start: 0, xTitle: "step", points: false, title: "L", yTitle: "nll" }), py: `plot.loss_curve([1, 0.5, 0, -1, 0.1], log=True, start=0, x_title="step", points=False, title="L", y_title="nll")`, exact: true },
    {
      name: "loss curve, series, diverged",
      ts: () => plot.lossCurve([{ label: "a", values: [1, 0.5, NaN, 0.2] }, { label: "b", values: VALS.map((v) => v + 3).slice(0, 80) }], { legendTitle: "run" }),
      py: `plot.loss_curve([{"label": "a", "values": [1, 0.5, math.nan, 0.2]}, {"label": "b", "values": [v + 3 for v in VALS][:80]}], legend_title="run")`, exact: true,
    },
    { name: "loss curve, one series object", ts: () => plot.lossCurve({ label: "train", values: [Infinity, 1] }), py: `plot.loss_curve({"label": "train", "values": [math.inf, 1]})`, exact: true },
    {
      name: "LossCurve pushes", exact: true,
      ts: () => { const c = new plot.LossCurve({ title: "live" }); c.push(1.5); c.push("test", 2); return c.push(torch.tensor(0.75)); },
      py: `(lambda c: (c.push(1.5), c.push("test", 2), c.push(torch.tensor(0.75)))[2])(plot.LossCurve(title="live"))`,
    },
  ];
}

function deadUnitCases(): Case[] {
  const rec = (run: string, epochs: number) => Array.from({ length: epochs }, (_, e) => [
    { epoch: e + 1, layer: "1", kind: "ReLU", units: 64, dead_fraction: ((e * 7) % 13) / 64 },
    { epoch: e + 1, layer: "3", kind: "ReLU", units: 32, dead_fraction: run === "a" ? e / 100 : 0.5 },
  ]).flat();
  const plainRecords = [{ layer: "a", dead_fraction: 0.125 }, { layer: "b", dead_fraction: 1 / 3 }];
  const runs = { a: rec("a", 4), b: rec("b", 4) };
  return [
    { name: "dead units, lines", ts: () => plot.deadUnitsChart(rec("a", 5)), py: `plot.dead_units_chart(${py(rec("a", 5))})`, exact: true },
    { name: "dead units, 70 epochs", ts: () => plot.deadUnitsChart(rec("a", 70), { xTitle: "step" }), py: `plot.dead_units_chart(${py(rec("a", 70))}, x_title="step")`, exact: true },
    { name: "dead units, runs faceted", ts: () => plot.deadUnitsChart(runs), py: `plot.dead_units_chart(${py(runs)})`, exact: true },
    { name: "dead units, runs coloured", ts: () => plot.deadUnitsChart(runs, { facet: false, title: "T", subtitle: "S" }), py: `plot.dead_units_chart(${py(runs)}, facet=False, title="T", subtitle="S")`, exact: true },
    { name: "dead units, bars of runs at an epoch", ts: () => plot.deadUnitsChart(runs, { form: "bars", epoch: 2 }), py: `plot.dead_units_chart(${py(runs)}, form="bars", epoch=2)`, exact: true },
    { name: "dead units, bars without epochs", ts: () => plot.deadUnitsChart(plainRecords, { width: 300, height: 100 }), py: `plot.dead_units_chart(${py(plainRecords)}, width=300, height=100)`, exact: true },
  ];
}

function histogramCases(): Case[] {
  const parts = { first: VALS.slice(0, 100), second: VALS.slice(100).map((v) => v * 3) };
  const pyParts = `{"first": VALS[:100], "second": [v * 3 for v in VALS[100:]]}`;
  return [
    { name: "histogram of numbers", ts: () => plot.histogram(VALS), py: `plot.histogram(VALS)`, exact: true },
    { name: "histogram of a tensor with non-finite values", ts: () => plot.histogram(torch.tensor([...VALS.slice(0, 50), NaN, Infinity]), { bins: 7, y: "fraction", log: true }), py: `plot.histogram(torch.tensor(VALS[:50] + [math.nan, math.inf]), bins=7, y="fraction", log=True)` },
    { name: "histograms faceted", ts: () => plot.histogram(parts, { columns: 2 }), py: `plot.histogram(${pyParts}, columns=2)`, exact: true },
    { name: "histograms, own ranges", ts: () => plot.histogram(parts, { shared: false, bins: 10 }), py: `plot.histogram(${pyParts}, shared=False, bins=10)`, exact: true },
    { name: "histograms overlaid, range", ts: () => plot.histogram(parts, { facet: false, range: [-1, 1], xTitle: "v", title: "H" }), py: `plot.histogram(${pyParts}, facet=False, range=(-1, 1), x_title="v", title="H")`, exact: true },
    // summed in order, 1e16 + 1 is 1e16: the mean is 0.5 / 18, where a pairwise sum would give 8 / 18
    { name: "histogram sums in actnb's order", ts: () => plot.histogram(Array(3).fill([1e16, 1, 1, 1, -1e16, 0.5]).flat(), { bins: 4 }), py: `plot.histogram([1e16, 1, 1, 1, -1e16, 0.5] * 3, bins=4)`, exact: true },
    { name: "histogram of one value", ts: () => plot.histogram([2, 2, 2], { bins: 3 }), py: `plot.histogram([2, 2, 2], bins=3)`, exact: true },
  ];
}

function otherCases(): Case[] {
  const metrics = { loss: { train: [1.2, 0.7, 0.5], test: [1.3, 0.8, 0.65] }, accuracy: { test: [0.61, 0.745, 0.8125] }, lr: [0.1, 0.05, 0.025] };
  const grey = Array.from({ length: 3 }, (_, i) => Array.from({ length: 4 }, (_, j) => (i * 4 + j) / 11 - 0.05));
  const rgb = [grey.slice(0, 2).map((r) => r.slice(0, 3)), grey.slice(1, 3).map((r) => r.slice(1, 4)), grey.slice(0, 2).map((r) => r.slice(1, 4))];
  return [
    { name: "training curves", ts: () => plot.trainingCurves(metrics), py: `plot.training_curves(${py(metrics)})`, exact: true },
    { name: "training curves, options", ts: () => plot.trainingCurves(metrics, { percent: ["lr"], start: 0, xTitle: "step", title: "T", subtitle: "S", width: 200, height: 100 }), py: `plot.training_curves(${py(metrics)}, percent=["lr"], start=0, x_title="step", title="T", subtitle="S", width=200, height=100)`, exact: true },
    { name: "confusion matrix of logits", ts: () => plot.confusionMatrix(torch.tensor(LOGITS), torch.tensor(TARGETS, { dtype: torch.int64 })), py: `plot.confusion_matrix(torch.tensor(LOGITS), torch.tensor(TARGETS))`, exact: true },
    { name: "confusion matrix normalized, classes", ts: () => plot.confusionMatrix([0, 1, 2, 2, 3], [0, 2, 2, 1, 3], { classes: ["cat", "dog"], normalize: "true", cell: 20, title: "C" }), py: `plot.confusion_matrix([0, 1, 2, 2, 3], [0, 2, 2, 1, 3], classes=["cat", "dog"], normalize="true", cell=20, title="C")`, exact: true },
    { name: "grey image", ts: () => plot.image(torch.tensor(grey)), py: `plot.image(torch.tensor(${py(grey)}))`, exact: true },
    { name: "RGB image, scaled", ts: () => plot.image(torch.tensor(rgb), { scale: 3, title: "rgb" }), py: `plot.image(torch.tensor(${py(rgb)}), scale=3, title="rgb")`, exact: true },
    { name: "uint8 image", ts: () => plot.image(torch.tensor([[0, 128, 255]], { dtype: torch.uint8 }), { scale: 2 }), py: `plot.image(torch.tensor([[0, 128, 255]], dtype=torch.uint8), scale=2)`, exact: true },
  ];
}

const CASES: Case[] = [...activationCases(), ...gradientCases(), ...lossCases(), ...deadUnitCases(), ...histogramCases(), ...otherCases()];

function shownTs(c: ReturnType<Case["ts"]>): unknown {
  return c.png ? { png: c.png.toString("base64"), text: c.text, width: c.width, height: c.height } : { spec: plain(c.spec), text: c.text };
}

describe("PyTorch runtime: plots equal actnb's", function () {
  let results: Record<string, unknown>;
  before(function () {
    const body = CASES.map((c, i) => `out[${i}] = shown(${c.py})`).join("\n");
    results = runPython(`${PRELUDE}\nout = {}\n${body}\nprint(json.dumps(out, allow_nan=False, ensure_ascii=False))`);
  });
  for (const [i, c] of CASES.entries()) {
    it(c.name, function () {
      const d = difference(shownTs(c.ts()), results[i], !c.exact);
      assert.strictEqual(d, null, d ?? "");
    });
  }
  it("covers every activation actnb defines", function () {
    const names = runPython(`${PRELUDE}\nfrom actnb_pytorch import ACTIVATIONS\nprint(json.dumps(list(ACTIVATIONS)))`);
    assert.deepStrictEqual(names, ACTIVATIONS.map((a) => a.name));
  });
  it("refuses bad input with a specific error", function () {
    const errors = runPython(`${PRELUDE}
tries = [lambda: plot.activation_plot({"name": "elu", "params": {"alhpa": 1}}), lambda: plot.activation_plot("relux"),
         lambda: plot.activation_plot("relu", x=(2, 1)), lambda: plot.activation_plot({"fn": lambda x: x}),
         lambda: plot.histogram([1], bins=0), lambda: plot.loss_curve([{"label": "a", "values": [1]}, {"label": "a", "values": [2]}])]
errs = []
for t in tries:
    try:
        t()
        errs.append(None)
    except Exception as e:
        errs.append(str(e))
print(json.dumps(errs))`);
    assert.deepStrictEqual(errors, [
      "elu has no parameter 'alhpa'; its parameters: alpha",
      `unknown activation 'relux'; known: ${ACTIVATIONS.map((a) => a.name).join(", ")}`,
      "activation_plot: x must be [min, max] with min < max, got [2, 1]",
      "activation_plot: a {'fn': ...} activation needs a 'label' (a string)",
      "histogram: bins must be a positive whole number, not 0",
      "loss_curve: series labels must differ (got a, a)",
    ]);
  });
});



