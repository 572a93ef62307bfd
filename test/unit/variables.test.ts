// The kernel's state as the Variables view asks for it: `variables` and `tensor_view` requests to
// the real kernel process, after cells ran, through KernelClient as VS Code sends them.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { KernelClient } from "../../kernel/executor/client";
import type { VariableInfo } from "../../kernel/executor/protocol";
import { parseTensorOutput } from "../../extension/renderer/tensor";

describe("kernel variables", function () {
  this.timeout(60000);
  let dir: string;
  let k: KernelClient;
  const byName = (vars: VariableInfo[], name: string) => {
    const v = vars.find((x) => x.name === name);
    assert.ok(v, `${name} is not listed: ${vars.map((x) => x.name).join(", ")}`);
    return v;
  };

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-vars-"));
    k = new KernelClient({ notebookDir: dir });
    await k.ready;
  });
  after(async () => {
    await k.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is empty before any cell ran", async () => {
    assert.deepStrictEqual(await k.variables(), []);
  });

  it("lists tensors, numbers, modules and functions the cells defined, not the imports", async () => {
    const a = await k.execute(`import { torch, nn, F } from "actnb";\nconst x = torch.tensor([[-1.0, 0.0, 2.0], [3.0, -4.0, 5.0]], { requires_grad: true });\nconst y = F.relu(x);\nlet lr = 0.1;`);
    assert.strictEqual(a.success, true);
    const b = await k.execute(`const layer = new nn.Linear(3, 2);\nfunction scale(t: any, by: number) { return t.mul(by); }\nconst twice = (v: number) => 2 * v;\nconst label = "relu";\nlr = 0.5;\n1 + 1`);
    assert.strictEqual(b.success, true);
    const vars = await k.variables();
    // function declarations are hoisted: defined before the cell's other statements ran
    assert.deepStrictEqual(vars.map((v) => v.name), ["x", "y", "lr", "scale", "layer", "twice", "label"]);
    assert.deepStrictEqual(byName(vars, "x"), {
      kind: "tensor", name: "x", type: "Tensor", shape: [2, 3], dtype: "torch.float32", requires_grad: true, grad_fn: null,
      preview: "tensor([[-1., 0., 2.], [ 3., -4., 5.]], requires_grad=True)",
    });
    const y = byName(vars, "y");
    assert.ok(y.kind === "tensor" && y.grad_fn === "ReluBackward0" && y.requires_grad, JSON.stringify(y));
    assert.deepStrictEqual(byName(vars, "lr"), { kind: "value", name: "lr", type: "number", preview: "0.5" });
    assert.deepStrictEqual(byName(vars, "label"), { kind: "value", name: "label", type: "string", preview: '"relu"' });
    const layer = byName(vars, "layer");
    assert.deepStrictEqual(layer, { kind: "module", name: "layer", type: "Linear", parameters: 3 * 2 + 2, preview: "Linear(in_features=3, out_features=2, bias=True)" });
    assert.deepStrictEqual(byName(vars, "scale"), { kind: "function", name: "scale", type: "function", preview: "function scale(t, by)" });
    assert.deepStrictEqual(byName(vars, "twice"), { kind: "function", name: "twice", type: "function", preview: "(v) => …" });
  });

  it("gives a tensor's values for the heatmap, with the whole tensor's range", async () => {
    const r = await k.tensorView("x");
    assert.ok("view" in r, JSON.stringify(r));
    assert.deepStrictEqual(r.view.slices, [{ label: "", rows: [[-1, 0, 2], [3, -4, 5]] }]);
    assert.deepStrictEqual(r.view.range, { min: -4, max: 5 });
    assert.deepStrictEqual(r.view.notes, []);
  });

  it("shows higher-dimensional and large tensors as slices and blocks, saying what is left out", async () => {
    await k.execute(`const cube = torch.arange(24).reshape(2, 3, 4);\nconst big = torch.arange(100 * 70).reshape(100, 70).float();\nconst odd = torch.tensor([1.0, NaN, Infinity]);`);
    const cube = await k.tensorView("cube");
    assert.ok("view" in cube, JSON.stringify(cube));
    assert.deepStrictEqual(cube.view.slices.map((s) => s.label), ["[0, :, :]", "[1, :, :]"]);
    assert.deepStrictEqual(cube.view.slices[1].rows[2], [20, 21, 22, 23]);
    assert.deepStrictEqual(cube.view.notes, ["3-D: shown as 2 slices of 3 × 4 over the last two dimensions"]);
    const big = await k.tensorView("big");
    assert.ok("view" in big, JSON.stringify(big));
    assert.strictEqual(big.view.slices[0].rows.length, 64);
    assert.strictEqual(big.view.slices[0].rows[63].length, 64);
    assert.strictEqual(big.view.slices[0].rows[63][63], 63 * 70 + 63);
    assert.deepStrictEqual(big.view.range, { min: 0, max: 6999 });
    assert.deepStrictEqual(big.view.notes, ["only rows 0–63 of 100 are shown", "only columns 0–63 of 70 are shown", "the colour scale and range cover the whole tensor"]);
    const odd = await k.tensorView("odd");
    assert.ok("view" in odd, JSON.stringify(odd));
    assert.deepStrictEqual(odd.view.slices[0].rows, [[1, "nan", "inf"]]);
    assert.deepStrictEqual(odd.view.range, { min: 1, max: 1 });
  });

  it("says why there is no view for a name that is not a tensor variable", async () => {
    assert.deepStrictEqual(await k.tensorView("lr"), { error: "lr is not a tensor (it is number)" });
    const missing = await k.tensorView("nothing");
    assert.ok("error" in missing && /no variable named "nothing"/.test(missing.error), JSON.stringify(missing));
  });
});

describe("tensor outputs' heatmap view (KernelOptions.tensorViews)", function () {
  this.timeout(60000);
  const MIME = "application/vnd.actnb.tensor+json";
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-views-")); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function bundles(tensorViews: boolean): Promise<Array<Record<string, unknown>>> {
    const k = new KernelClient({ notebookDir: dir, tensorViews });
    try {
      const shown: Array<Record<string, unknown>> = [];
      const code = `import { torch, display } from "actnb";\ndisplay(torch.tensor([1, 2, 3]));\ndisplay("not a tensor");\ntorch.tensor([[0.5, -1.0]])`;
      const r = await k.execute(code, (o) => { if (o.kind === "display" || o.kind === "result") shown.push(o.bundle); });
      assert.strictEqual(r.success, true);
      return shown;
    } finally {
      await k.shutdown();
    }
  }

  it("adds the view beside PyTorch's text for tensors shown or returned, when the host asks", async () => {
    const [shown, text, result] = await bundles(true);
    assert.deepStrictEqual(Object.keys(text), ["text/plain"]);
    for (const [bundle, plain, rows] of [[shown, "tensor([1., 2., 3.])", [[1, 2, 3]]], [result, "tensor([[ 0.5000, -1.0000]])", [[0.5, -1]]]] as const) {
      assert.strictEqual(bundle["text/plain"], plain);
      // as the renderer reads it
      const rich = parseTensorOutput(bundle[MIME]);
      assert.strictEqual(rich.text, plain);
      assert.deepStrictEqual(rich.view.slices[0].rows, rows);
    }
  });

  it("leaves bundles as Jupyter and `actnb run` make them otherwise", async () => {
    for (const b of await bundles(false)) assert.deepStrictEqual(Object.keys(b), ["text/plain"]);
  });
});
