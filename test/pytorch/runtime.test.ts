// The runtime module itself (actnb_pytorch.py as runtime.ts joins it) and what it holds besides
// plots: diagnostics records, actnb's Swish and APL modules, Record, and the display helpers, each
// compared with actnb's own (plots: runtime_plots.test.ts; datasets: runtime_datasets.test.ts).
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as esbuild from "esbuild";
import { torch, nn, diagnostics, Tensor, markdown, displayBundle, progress, setDisplaySink } from "../../kernel/index";
import type { Module } from "../../kernel/engine/nn/module";
import { RUNTIME_FILE_NAME, RUNTIME_SOURCES, runtimeExports, runtimeSource } from "../../kernel/export/pytorch/runtime";

const RUNTIME_EXPORTS = runtimeExports();
import { difference, plain, runPython } from "./runtime_harness";

const ROOT = path.resolve(__dirname, "../../..");
const PRELUDE = "import json, math\nimport torch\nimport torch.nn as nn\nfrom actnb_pytorch import *\n";

function same(ts: unknown, py: unknown): void {
  const d = difference(plain(ts), py, false);
  assert.strictEqual(d, null, d ?? "");
}

describe("PyTorch runtime: the module", function () {
  it("is one file with a header saying what wrote it, every source in order, and __all__", function () {
    const src = runtimeSource();
    assert.ok(src.startsWith(`# ${RUNTIME_FILE_NAME}: written by \`actnb export --to pytorch\``), src.slice(0, 200));
    const present = RUNTIME_SOURCES.filter((f) => fs.existsSync(path.join(ROOT, "kernel/export/pytorch/runtime", f)));
    const positions = present.map((f) => src.indexOf(`# ---- ${f} ----`));
    assert.ok(positions.every((p, i) => p > 0 && (i === 0 || p > positions[i - 1])), `sources out of order: ${positions}`);
    assert.ok(src.indexOf("ACTIVATION_FACTS = [") < src.indexOf("# ---- activations.py ----"));
  });

  it("refuses a source it does not list, and needs those it does not take as optional", function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-pyrt-src-"));
    try {
      fs.cpSync(path.join(ROOT, "kernel/export/pytorch/runtime"), dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "extra.py"), "x = 1\n");
      assert.throws(() => runtimeSource(dir), /extra\.py in .* not joined into actnb_pytorch\.py: list it in RUNTIME_SOURCES/);
      fs.rmSync(path.join(dir, "extra.py"));
      assert.strictEqual(runtimeSource(dir), runtimeSource());
      fs.rmSync(path.join(dir, "records.py"));
      assert.throws(() => runtimeSource(dir), /source records\.py is missing/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("defines each top-level name in one source only (a second definition would silently replace the first)", function () {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const f of RUNTIME_SOURCES) {
      const file = path.join(ROOT, "kernel/export/pytorch/runtime", f);
      if (!fs.existsSync(file)) continue;
      for (const m of fs.readFileSync(file, "utf8").matchAll(/^(?:def|class)\s+(\w+)|^(\w+)\s*(?::[^=\n]*)?=(?!=)/gm)) {
        const name = m[1] ?? m[2];
        if (seen.has(name) && seen.get(name) !== f) twice.push(`${name} (${seen.get(name)}, ${f})`);
        seen.set(name, f);
      }
    }
    assert.deepStrictEqual(twice, []);
  });

  it("exports what the design names, each defined in the module", function () {
    for (const name of ["Record", "markdown", "display_bundle", "progress", "Chart", "VEGA_LITE_SCHEMA", "Swish", "APL", "ACTIVATIONS", "plot", "diagnostics", "torchvision_root"]) {
      assert.ok(RUNTIME_EXPORTS.includes(name), `${name} missing from RUNTIME_EXPORTS`);
    }
    const r = runPython(`${PRELUDE}import actnb_pytorch as m\nprint(json.dumps({"all": m.__all__, "undefined": [n for n in m.__all__ if not hasattr(m, n)]}))`);
    assert.deepStrictEqual(r, { all: [...RUNTIME_EXPORTS], undefined: [] });
  });

  it("ships its sources beside the dist bundles and the npm package", function () {
    const sources = fs.readdirSync(path.join(ROOT, "kernel/export/pytorch/runtime")).filter((f) => f.endsWith(".py")).sort();
    for (const dir of ["out/kernel/export/pytorch/runtime", "dist/pytorch_runtime", "dist/actnb/pytorch_runtime"]) {
      assert.deepStrictEqual(fs.readdirSync(path.join(ROOT, dir)).sort(), sources, dir);
      for (const f of sources) assert.strictEqual(fs.readFileSync(path.join(ROOT, dir, f), "utf8"), fs.readFileSync(path.join(ROOT, "kernel/export/pytorch/runtime", f), "utf8"), `${dir}/${f}`);
    }
    assert.match(fs.readFileSync(path.join(ROOT, ".vscodeignore"), "utf8"), /^!dist\/pytorch_runtime\/\*\.py$/m);
  });

  it("is found by a bundle beside the npm package's copy (pytorch_runtime/)", async function () {
    // bundled as the CLI is, into a folder that holds only the bundle and the package's copy
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-pyrt-bundle-"));
    try {
      await esbuild.build({ entryPoints: [path.join(ROOT, "kernel/export/pytorch/runtime.ts")], bundle: true, platform: "node", format: "cjs", outfile: path.join(dir, "probe.js"), logLevel: "error" });
      fs.cpSync(path.join(ROOT, "dist/actnb/pytorch_runtime"), path.join(dir, "pytorch_runtime"), { recursive: true });
      const bundled = require(path.join(dir, "probe.js")) as { runtimeSource(): string };
      assert.strictEqual(bundled.runtimeSource(), runtimeSource());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("PyTorch runtime: diagnostics equal actnb's", function () {
  // the same model in both: PyTorch's generator and nn.Linear's initialisation are actnb's, bit for bit
  function tsModel(): { model: Module; x: Tensor } {
    torch.manual_seed(0);
    const model = new nn.Sequential(new nn.Sequential(new nn.Linear(4, 8), new nn.ReLU()), new nn.Linear(8, 6), new nn.LeakyReLU(0.1),
      new nn.Linear(6, 5), new nn.Swish(), new nn.Linear(5, 3), new nn.APL());
    return { model, x: torch.randn(16, 4) };
  }
  const PY_MODEL = `torch.manual_seed(0)
model = nn.Sequential(nn.Sequential(nn.Linear(4, 8), nn.ReLU()), nn.Linear(8, 6), nn.LeakyReLU(0.1), nn.Linear(6, 5), Swish(), nn.Linear(5, 3), APL())
x = torch.randn(16, 4)
`;

  it("layer_activity, grad_norms, layer_grad_norms and sparsity give the same records", function () {
    const { model, x } = tsModel();
    const before = diagnostics.layer_grad_norms(model);
    const activity = diagnostics.layer_activity(model, x);
    (model(x) as Tensor).pow(2).sum().backward();
    const ts = { before, activity, norms: diagnostics.grad_norms(model), layers: diagnostics.layer_grad_norms(model), sparsity: diagnostics.sparsity(torch.tensor([0, 1, 0, -2, 0])) };
    const py = runPython(`${PRELUDE}${PY_MODEL}
before = diagnostics.layer_grad_norms(model)
activity = diagnostics.layer_activity(model, x)
model(x).pow(2).sum().backward()
records = before + activity + diagnostics.grad_norms(model)
assert all(type(r).__name__ == "Record" for r in records) and activity[0].layer == activity[0]["layer"]
print(json.dumps({"before": before, "activity": activity, "norms": diagnostics.grad_norms(model), "layers": diagnostics.layer_grad_norms(model),
                  "sparsity": diagnostics.sparsity(torch.tensor([0., 1, 0, -2, 0]))}))`);
    assert.deepStrictEqual(activity.map((r) => r.layer), ["0.1", "2", "4", "6"]);
    assert.ok(activity.some((r) => r.dead_fraction > 0), "the model has dead units, so dead_fraction is tested");
    same(ts, py);
  });
});

describe("PyTorch runtime: Swish and APL equal actnb's", function () {
  const X = [-2, -0.5, 0, 1.5, 3];
  it("outputs, gradients, parameters and reprs", function () {
    const x1 = torch.tensor(X, { requires_grad: true }), x2 = torch.tensor(X, { requires_grad: true });
    const swish = new nn.Swish(1.5), apl = new nn.APL(3, 0.5, 2);
    const ys = swish(x1) as Tensor, ya = apl(x2) as Tensor;
    ys.mul(ys).sum().backward();
    ya.mul(ya).sum().backward();
    const w = (m: Module) => [...m.named_parameters()].map(([n, p]) => [n, p.tolist(), (p.grad as Tensor).tolist()]);
    const ts = {
      swish: { y: ys.tolist(), grad: (x1.grad as Tensor).tolist(), params: w(swish), repr: String(swish) },
      apl: { y: ya.tolist(), grad: (x2.grad as Tensor).tolist(), params: w(apl), repr: String(apl) },
      defaults: String(new nn.Sequential(new nn.Swish(), new nn.APL())),
    };
    let refusal = "";
    try { new nn.APL(0); } catch (e) { refusal = (e as Error).message; }
    const py = runPython(`${PRELUDE}
def run(m):
    x = torch.tensor(${JSON.stringify(X)}, dtype=torch.float32, requires_grad=True)
    y = m(x)
    y.mul(y).sum().backward()
    return {"y": y.tolist(), "grad": x.grad.tolist(), "params": [[n, p.tolist(), p.grad.tolist()] for n, p in m.named_parameters()], "repr": repr(m)}
try:
    APL(0)
    refusal = None
except RuntimeError as e:
    refusal = str(e)
print(json.dumps({"swish": run(Swish(1.5)), "apl": run(APL(3, 0.5, 2)), "defaults": repr(nn.Sequential(Swish(), APL())), "refusal": refusal}))`);
    same({ ...ts, refusal }, py);
  });
});

describe("PyTorch runtime: Record", function () {
  it("reads and writes keys as attributes, and says which fields it has", function () {
    const r = runPython(`${PRELUDE}
r = Record(layer="fc", norm=0.5)
r.norm = 2
r.extra = "x"
try:
    r.missing
    missing = None
except AttributeError as e:
    missing = str(e)
print(json.dumps({"record": r, "layer": r.layer, "dict": isinstance(r, dict), "default": getattr(r, "nope", 7), "missing": missing}))`);
    assert.deepStrictEqual(r, { record: { layer: "fc", norm: 2, extra: "x" }, layer: "fc", dict: true, default: 7, missing: "record has no field 'missing'; its fields: layer, norm, extra" });
  });
});

describe("PyTorch runtime: displays equal actnb's", function () {
  it("markdown, display_bundle and progress send the same bundles, updates to the same output", function () {
    const sent: { bundle: unknown; id: string | null; update: boolean }[] = [];
    setDisplaySink((bundle, o) => sent.push({ bundle, id: o.display_id ?? null, update: o.update === true }));
    try {
      markdown("# Title\n*x*");
      displayBundle({ "text/html": "<b>hi</b>" });
      displayBundle({ "application/json": '{"a": [1, 2]}', "text/plain": "a" });
      const p = progress(2, "epoch <1> & \"more\"");
      p.tick();
      p.tick("loss 0.5 'ok'");
      progress(0).set(0);
    } finally {
      setDisplaySink(undefined);
    }
    // display ids count per process: compared by which output they name
    const ids = (xs: { id: string | null }[]) => {
      const seen: string[] = [];
      return xs.map(({ id }) => {
        if (id === null) return null;
        if (!seen.includes(id)) seen.push(id);
        return seen.indexOf(id);
      });
    };
    const py = runPython(`${PRELUDE}
sent = []
set_display_sink(lambda bundle, display_id, update: sent.append({"bundle": bundle, "id": display_id, "update": update}))
markdown("# Title\\n*x*")
display_bundle({"text/html": "<b>hi</b>"})
display_bundle({"application/json": '{"a": [1, 2]}', "text/plain": "a"})
p = progress(2, 'epoch <1> & "more"')
p.tick()
p.tick("loss 0.5 'ok'")
progress(0).set(0)
print(json.dumps(sent, ensure_ascii=False))`);
    same(sent.map((s) => ({ bundle: s.bundle, update: s.update })), py.map((s: { bundle: unknown; update: boolean }) => ({ bundle: s.bundle, update: s.update })));
    assert.deepStrictEqual(ids(py), ids(sent));
    assert.deepStrictEqual(ids(sent), [null, null, null, 0, 0, 0, 1, 1]);
  });

  it("goes through IPython's display when no sink is set, and a Chart is a Vega-Lite bundle", function () {
    const r = runPython(`${PRELUDE}
import io, contextlib
out = io.StringIO()
with contextlib.redirect_stdout(out):
    markdown("**bold**")
c = Chart({"$schema": VEGA_LITE_SCHEMA}, "text")
print(json.dumps({"printed": out.getvalue(), "bundle": c._repr_mimebundle_(), "str": str(c)}))`);
    // without a running kernel IPython prints what it would display: the raw bundle
    assert.deepStrictEqual(r, {
      printed: "{'text/markdown': '**bold**', 'text/plain': '**bold**'}\n",
      bundle: { "application/vnd.vegalite.v5+json": { $schema: "https://vega.github.io/schema/vega-lite/v5.json" }, "text/plain": "text" },
      str: "text",
    });
  });

  it("in a Jupyter kernel: displays are outputs, progress one output updated in place, nothing on stdout", function () {
    const cell = ["from actnb_pytorch import markdown, progress, plot", 'markdown("# hi")', 'p = progress(2, "ep")', "p.tick()", 'p.tick("done")', "plot.loss_curve([1, 0.5])"].join("\n");
    const outputs = runPython(`import json, nbformat, nbclient
nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(${JSON.stringify(cell)})])
nbclient.NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": "."}}).execute()
print(json.dumps([{"type": o.output_type, "data": {k: v for k, v in o.get("data", {}).items() if k != "application/vnd.vegalite.v5+json"}} for o in nb.cells[0].outputs]))`, { PYDEVD_DISABLE_FILE_VALIDATION: "1" });
    assert.deepStrictEqual(outputs.map((o: { type: string }) => o.type), ["display_data", "display_data", "execute_result"]);
    assert.deepStrictEqual(outputs[0].data, { "text/markdown": "# hi", "text/plain": "# hi" });
    assert.strictEqual(outputs[1].data["text/plain"], `ep ${"█".repeat(30)} 2/2  done`);
    assert.strictEqual(outputs[2].data["text/plain"], "Training loss\nloss: 2 values, first 1, last 0.5, min 0.5 at epoch 2");
  });

  it("refuses bundles actnb refuses", function () {
    let tsError = "";
    try { displayBundle({ "text/html": 5 as unknown as string }); } catch (e) { tsError = (e as Error).message; }
    const py = runPython(`${PRELUDE}
try:
    display_bundle({"text/html": 5})
except TypeError as e:
    print(json.dumps(str(e)))`);
    assert.strictEqual(tsError, "display: data for text/html must be a string (got number)");
    assert.strictEqual(py, "display: data for text/html must be a string (got int)");
  });
});
