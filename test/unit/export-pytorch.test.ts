// The TypeScript → Python translation of `actnb export --to pytorch`, construct by construct
// (exact Python expected), every guide notebook as valid Python, and the refusals: a construct
// outside the subset stops the export naming cell, line, column and construct, writing nothing.
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Notebook, parseNotebookBytes, serializeNotebook } from "../../kernel/format";
import { translateNotebook } from "../../kernel/export/pytorch/translate/notebook";
import { UntranslatableError } from "../../kernel/export/pytorch";
import { runtimeExports } from "../../kernel/export/pytorch/runtime";

const ROOT = path.resolve(__dirname, "../../..");
const BIN = path.join(ROOT, "kernel/bin/actnb.js");
const NOTEBOOKS = path.join(ROOT, "notebooks");
const IMPORT = 'import { torch, nn, F, plot, diagnostics, markdown, Tensor } from "actnb";\n';

function notebookOf(cells: string[]): Notebook {
  return {
    metadata: { title: "test" },
    cells: cells.map((source) => ({ kind: "code", language: "typescript", metadata: {}, source, outputs: [] })),
  };
}

/** The Python of each code cell (the first cell's import lines dropped when `skipImports`). */
function translate(cells: string[], script = false): string[] {
  const t = translateNotebook(notebookOf(cells), NOTEBOOKS, "actnb_pytorch", script);
  return t.cells.map((c) => c.source);
}

/** The Python of one cell written after the import cell, without the import lines. */
function py(source: string): string {
  return translate([IMPORT, source])[1];
}

function refusal(cells: string[]): UntranslatableError {
  try {
    translate(cells);
  } catch (e) {
    if (e instanceof UntranslatableError) return e;
    throw e;
  }
  throw new Error("the translation did not refuse");
}

describe("export --to pytorch: translation", function () {
  this.timeout(60000);

  it("maps actnb's imports to PyTorch's and imports only what the cells use", () => {
    const [first] = translate([IMPORT + "const x = torch.randn(3);\nconsole.log(String(F.relu(x)));"]);
    assert.strictEqual(first, "import torch\nimport torch.nn.functional as F\n\nx = torch.randn(3)\nprint(F.relu(x))");
  });

  it("turns a trailing options object into keyword arguments, and new into a call", () => {
    assert.strictEqual(py("const m = new nn.LeakyReLU({ negative_slope: 0.2 });\nconst s = torch.randn(2, 3).sum({ dim: 1, keepdim: true });"),
      "m = nn.LeakyReLU(negative_slope=0.2)\ns = torch.randn(2, 3).sum(dim=1, keepdim=True)");
    assert.strictEqual(py("const l = new nn.Linear(4, 8);"), "l = nn.Linear(4, 8)");
  });

  it("writes x.index(…) as Python indexing, with template slices", () => {
    assert.strictEqual(py('const x = torch.randn(3, 4, 5), H = 2;\nconst a = x.index(1, ":", "::2");\nconst b = x.index(":", `${H}:${2 * H}`);\nconst c = x.index("...", null, 0);'),
      "x = torch.randn(3, 4, 5)\nH = 2\na = x[1, :, ::2]\nb = x[:, H:2 * H]\nc = x[..., None, 0]");
  });

  it("turns torch.no_grad into with-blocks where a statement holds it, and into PyTorch's decorator form elsewhere", () => {
    assert.strictEqual(py("const w = torch.ones(2);\ntorch.no_grad(() => { w.mul_(2); });\nconst y = torch.no_grad(() => w.sum());\nconst ys = [torch.no_grad(() => w.sum().item())];"),
      "w = torch.ones(2)\nwith torch.no_grad():\n    w.mul_(2)\nwith torch.no_grad():\n    y = w.sum()\nys = [torch.no_grad()(lambda: w.sum().item())()]");
    assert.strictEqual(py("const w = torch.ones(2), losses: number[] = [];\nlosses.push(torch.no_grad(() => w.sum().item()));"),
      "w = torch.ones(2)\nlosses = []\nwith torch.no_grad():\n    losses.append(w.sum().item())");
  });

  it("makes an nn.Module subclass with __init__ (fields after super) and forward", () => {
    assert.strictEqual(py("class Net extends nn.Module {\n  fc = new nn.Linear(2, 1);\n  act: nn.Module;\n  constructor(act: nn.Module) {\n    super();\n    this.act = act;\n  }\n  override forward(x: Tensor): Tensor {\n    return this.act(this.fc(x));\n  }\n}"),
      "class Net(nn.Module):\n    def __init__(self, act):\n        super().__init__()\n        self.fc = nn.Linear(2, 1)\n        self.act = act\n\n    def forward(self, x):\n        return self.act(self.fc(x))");
    assert.strictEqual(py("class Tiny extends nn.Module {\n  fc = new nn.Linear(2, 1);\n  forward(x: Tensor) { return this.fc(x); }\n}"),
      "class Tiny(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(2, 1)\n\n    def forward(self, x):\n        return self.fc(x)");
  });

  it("writes counting loops as range(), other for loops as while, for…of with destructuring", () => {
    assert.strictEqual(py("for (let i = 0; i < 10; i++) console.log(String(i));"), "for i in range(10):\n    print(i)");
    assert.strictEqual(py("for (let e = 1; e <= 40; e += 2) {}"), "for e in range(1, 40 + 1, 2):\n    pass");
    assert.strictEqual(py("for (let i = 0; i + 1 < 5; i++) { if (i === 2) continue; }"), "i = 0\nwhile i + 1 < 5:\n    if i == 2:\n        i += 1\n        continue\n    i += 1");
    assert.strictEqual(py('for (const [name, f] of [["relu", F.relu], ["tanh", torch.tanh]] as const) console.log(name);'), 'for name, f in [["relu", F.relu], ["tanh", torch.tanh]]:\n    print(name)');
  });

  it("turns array callbacks into comprehensions, and reductions into sum and math.prod", () => {
    assert.strictEqual(py("const xs = [1, 2, 3];\nconst a = xs.map((x, i) => x * i).filter((v) => v > 1);\nconst s = xs.reduce((acc, v) => acc + v * 2, 0);\nconst p = xs.reduce((acc, v) => acc * v, 1);"),
      "xs = [1, 2, 3]\na = [v for v in [x * i for i, x in enumerate(xs)] if v > 1]\ns = sum(v * 2 for v in xs)\np = math.prod(xs)");
    assert.strictEqual(py('const runs: [string, number][] = [["a", 1]];\nconst names = runs.map(([name]) => name);\nconst firstBig = runs.findIndex((r) => r[1] > 0);\nconst flat = runs.flatMap((r) => [r[0], r[0]]);'),
      'runs = [["a", 1]]\nnames = [name for name, *_ in runs]\nfirst_big = next((_i for _i, r in enumerate(runs) if r[1] > 0), -1)\nflat = [_y for r in runs for _y in [r[0], r[0]]]');
  });

  it("writes objects as dicts (their fields as keys) and library objects with attributes", () => {
    assert.strictEqual(py('const r = { name: "a", values: [1] };\nconst n = r.values.length;\nconst t = torch.randn(2);\nconst s = t.shape;\nconst d = Object.fromEntries([["k", 1]]);\nfor (const [k, v] of Object.entries(d)) console.log(k);'),
      'r = {"name": "a", "values": [1]}\nn = len(r["values"])\nt = torch.randn(2)\ns = t.shape\nd = dict([["k", 1]])\nfor k, v in d.items():\n    print(k)');
  });

  it("formats numbers in text as JavaScript does (js_str, to_fixed, to_exponential), whole numbers plainly", () => {
    assert.strictEqual(py("const loss = torch.ones(1).sum().item(), N = 256;\nconsole.log(`loss ${loss.toFixed(3)} of ${N}: ${loss}, ${loss.toExponential(2)}`);\nconsole.log(\"n\", loss);"),
      "loss = torch.ones(1).sum().item()\nN = 256\nprint(f\"loss {to_fixed(loss, 3)} of {N}: {js_str(loss)}, {to_exponential(loss, 2)}\")\nprint(\"n\", js_str(loss))");
  });

  it("keeps comments, doc comments as docstrings, and blank lines between statements", () => {
    assert.strictEqual(py("// why this seed\ntorch.manual_seed(0);   // trailing\n\n/** Doubles. */\nfunction twice(v: number) { return 2 * v; }"),
      '# why this seed\ntorch.manual_seed(0)  # trailing\n\ndef twice(v):\n    """Doubles."""\n    return 2 * v');
  });

  it("renames camelCase to snake_case, and names that would hide Python's keywords or builtins", () => {
    assert.strictEqual(py("const onRing = 1, pass = 2, round = (v: number) => Math.round(v);\nconsole.log(String(onRing + pass + round(0.5)));"),
      "on_ring = 1\npass_ = 2\ndef round_(v):\n    return math.floor(v + 0.5)\nprint(js_str(on_ring + pass_ + round_(0.5)))");
  });

  it("declares global a cell variable a function rebinds, and nonlocal an enclosing function's", () => {
    assert.strictEqual(py("let count = 0;\nfunction bump() { count += 1; }\nfunction outer() { let k = 0; const inc = () => { k = k + 1; }; inc(); return k; }"),
      "count = 0\ndef bump():\n    global count\n    count += 1\ndef outer():\n    k = 0\n    def inc():\n        nonlocal k\n        k = k + 1\n    inc()\n    return k");
  });

  it("keeps torch.tensor's float32 for whole-number literals and adds int() where a quotient is a size", () => {
    assert.strictEqual(py("const a = torch.tensor([1, 2]);\nconst n = 300, half = n / 2;\nconst r = torch.rand([half]);\nconst z = torch.zeros(half, 2);"),
      "a = torch.tensor([1.0, 2.0])\nn = 300\nhalf = n / 2\nr = torch.rand([int(half)])\nz = torch.zeros(int(half), 2)");
    // the same quotient by keyword, and through a size array of a method
    assert.strictEqual(py("const n = 300, rows = n / 3;\nconst x = torch.ones(300).reshape([rows, 3]);\nconst s = x.sum({ dim: n / 300 });"),
      "n = 300\nrows = n / 3\nx = torch.ones(300).reshape([int(rows), 3])\ns = x.sum(dim=int(n / 300))");
  });

  it("maps plot, actnb's own modules and torchvision's datasets", () => {
    assert.strictEqual(py('plot.activationPlot("relu", { derivative: true, x: [-3, 3] });\nconst s = new nn.Swish();\nplot.gradientTable({ input: torch.ones(1) }, { columnTitle: "a" });'),
      'plot.activation_plot("relu", derivative=True, x=[-3, 3])\ns = Swish()\nplot.gradient_table({"input": torch.ones(1)}, column_title="a")');
    const [first] = translate(['import { torchvision, torch } from "actnb";\nconst { datasets, transforms } = torchvision;\nconst { DataLoader } = torch.utils.data;\nconst ds = new datasets.FashionMNIST("/data", { train: false, transform: new transforms.ToTensor() });\nconst [x, y] = new DataLoader(ds, { batch_size: 4 })[Symbol.iterator]().next().value as [torch.Tensor, torch.Tensor];'.replace(/torch\.Tensor/g, "any")]);
    assert.match(first, /^from torchvision import datasets, transforms\nfrom torch\.utils\.data import DataLoader\nds = datasets\.FashionMNIST\(torchvision_root\("\/data"\), train=False, transform=transforms\.ToTensor\(\)\)\nx, y = next\(iter\(DataLoader\(ds, batch_size=4\)\)\)$/m);
  });

  it("uses Map keys by identity when they are objects, as JavaScript does", () => {
    assert.strictEqual(py('const runs = [{ n: 1 }, { n: 2 }];\nconst acc = new Map(runs.map((r) => [r, r.n * 2]));\nconsole.log(String(acc.get(runs[0])!));'),
      'runs = [{"n": 1}, {"n": 2}]\nacc = {id(r): r["n"] * 2 for r in runs}\nprint(js_str(acc[id(runs[0])]))');
  });

  it("writes (o[k] ??= []).push(v) as setdefault, and push of several as extend", () => {
    assert.strictEqual(py("const track: Record<string, number[]> = {};\n(track[\"a\"] ??= []).push(1);\nconst xs: number[] = [];\nxs.push(1, 2);"),
      'track = {}\ntrack.setdefault("a", []).append(1)\nxs = []\nxs.extend([1, 2])');
  });

  it("in a script, passes each cell's last value to display()", () => {
    const [, cell] = translate([IMPORT, "const t = torch.ones(2);\nt.sum()"], true);
    assert.strictEqual(cell, "t = torch.ones(2)\ndisplay(t.sum())");
    assert.strictEqual(translate([IMPORT, "console.log(1)"], true)[1], "print(1)");
  });

  it("translates every guide notebook and the actnb fixture into Python that parses", function () {
    this.timeout(300000);
    const python = spawnSync("python3", ["--version"]);
    if (python.status !== 0) this.skip();
    const files = [...fs.readdirSync(NOTEBOOKS).map((f) => path.join(NOTEBOOKS, f)), path.join(ROOT, "test/fixtures/notebooks/relu.actnb")];
    const helpers = new Set(runtimeExports());
    for (const file of files) {
      const nb = parseNotebookBytes(fs.readFileSync(file), file);
      const t = translateNotebook(nb, path.dirname(file), "actnb_pytorch");
      // every name the Python imports from the helper module is one it defines
      assert.deepStrictEqual(t.runtimeNames.filter((n) => !helpers.has(n)), [], `${path.basename(file)} imports names actnb_pytorch.py lacks`);
      assert.strictEqual(t.cells.length, nb.cells.length, `${path.basename(file)}: one Python cell per cell`);
      const source = t.cells.filter((c) => c.kind === "code").map((c) => c.source).join("\n\n");
      const r = spawnSync("python3", ["-c", "import ast, sys; ast.parse(sys.stdin.read())"], { input: source, encoding: "utf8" });
      assert.strictEqual(r.status, 0, `${path.basename(file)} does not parse as Python:\n${r.stderr}`);
    }
  });
});

describe("export --to pytorch: refusals", function () {
  this.timeout(60000);

  // [construct in the error, cell source, line, column]; each is outside the supported subset
  const CASES: [string, string, number, number][] = [
    ["a switch statement", "const k = 1;\nswitch (k) { case 1: break; }", 2, 1],
    ["a labelled statement", "outer: for (const a of [1]) {\n  for (const b of [2]) { break outer; }\n}", 1, 1],
    ["an enum", "enum Init { He, Xavier }", 1, 1],
    ["a generator function", "function* steps() { yield 1; }", 1, 1],
    ["an async function", "async function f() { return 1; }\nconst v = 0;", 1, 1],
    ["await", "const v = await Promise.resolve(1);", 1, 11],
    ["a regular expression", 'const ok = /relu/.test("relu6");', 1, 12],
    ["typeof", 'const t = typeof 1 === "number";', 1, 11],
    ["delete", "const o: Record<string, number> = { a: 1 };\ndelete o.a;", 2, 1],
    ["optional chaining (?.)", "const o: { a?: { b: number } } = {};\nconst v = o.a?.b;", 2, 11],
    ["a getter or setter", "class C { get v() { return 1; } }", 1, 11],
    ["a static member", "class C { static n = 1; }", 1, 11],
    ['an import from "fs"', 'import * as fs from "fs";', 1, 1],
    ["a tagged template", "const tag = (s: TemplateStringsArray) => s[0];\nconst v = tag`x`;", 2, 11],
    ["the comma operator", "let a = 0;\na = (1, 2);", 2, 6],
    ["sort() without a comparator", "const xs = [3, 1];\nxs.sort();", 2, 1],
    ["Math.random()", "const r = Math.random();", 1, 11],
    ["console.log of a array", "console.log([1, 2]);", 1, 13],
    ["an increment or decrement inside an expression", "let i = 0;\nconst j = i++;", 2, 11],
    ["F.swish", 'import { F, torch } from "actnb";\nconst y = F.swish(torch.ones(1), 2);', 2, 11],
    ["return inside torch.no_grad(() => { … })", 'import { torch } from "actnb";\nfunction f() {\n  torch.no_grad(() => {\n    return 1;\n  });\n}', 4, 5],
  ];

  for (const [construct, source, line, column] of CASES) {
    it(`refuses ${construct}, naming the cell, line and column`, () => {
      const e = refusal(["const first = 1;", source]);
      assert.strictEqual(e.cell, 2);
      assert.strictEqual(e.construct.replace(/`/g, ""), construct.replace(/`/g, ""));
      assert.deepStrictEqual([e.line, e.column], [line, column], e.message);
      assert.ok(e.hint.length > 10, `a hint: ${e.hint}`);
      assert.match(e.message, new RegExp(`^cell 2, line ${line}, column ${column}: `));
    });
  }

  it("refuses the tslab fixture (it imports tslab, which PyTorch has no counterpart for)", () => {
    const file = path.join(ROOT, "test/fixtures/notebooks/relu-tslab.ipynb");
    const r = spawnSync(process.execPath, [BIN, "export", file, "--to", "pytorch", "--out", path.join(os.tmpdir(), "never.ipynb")], { encoding: "utf8" });
    assert.strictEqual(r.status, 1);
    assert.match(r.stderr, /cell 2, line 1, column 1: an import from "tslab" has no PyTorch translation/);
  });

  it("writes nothing, from the command line, when a cell does not translate, and says where", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-pytorch-refuse-"));
    try {
      const nb = notebookOf([IMPORT + "const x = torch.ones(2);", "const k = 1;\nswitch (k) { default: break; }"]);
      nb.cells[1].metadata.title = "A switch";
      const input = path.join(dir, "bad.actnb");
      fs.writeFileSync(input, serializeNotebook(nb));
      const r = spawnSync(process.execPath, [BIN, "export", input, "--to", "pytorch"], { encoding: "utf8", cwd: dir });
      assert.strictEqual(r.status, 1, r.stderr);
      assert.match(r.stderr, /bad\.actnb: cell 2 \("A switch"\), line 2, column 1: a switch statement has no PyTorch translation; write it as if \/ else if \/ else/);
      assert.match(r.stderr, /nothing was written/);
      assert.deepStrictEqual(fs.readdirSync(dir), ["bad.actnb"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("writes the notebook and its helper, refuses --script without --to pytorch and keeps a changed helper", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-pytorch-cli-"));
    try {
      const input = path.join(dir, "ok.actnb");
      fs.writeFileSync(input, serializeNotebook(notebookOf([IMPORT + "const x = torch.ones(2);\nconsole.log(`${x.sum().item()}`);"])));
      const run = (...args: string[]) => spawnSync(process.execPath, [BIN, "export", input, ...args], { encoding: "utf8", cwd: dir });
      const r = run("--to", "pytorch");
      assert.strictEqual(r.status, 0, r.stderr);
      const written = JSON.parse(fs.readFileSync(path.join(dir, "ok.pytorch.ipynb"), "utf8"));
      assert.strictEqual(written.metadata.kernelspec.name, "python3");
      assert.ok(fs.existsSync(path.join(dir, "actnb_pytorch.py")), "the helper beside it");
      assert.strictEqual(run("--to", "html", "--script").status, 2);
      fs.writeFileSync(path.join(dir, "actnb_pytorch.py"), "# mine\n");
      const again = run("--to", "pytorch", "--script");
      assert.strictEqual(again.status, 1);
      assert.match(again.stderr, /actnb_pytorch\.py exists and differs; add --force/);
      assert.strictEqual(fs.readFileSync(path.join(dir, "actnb_pytorch.py"), "utf8"), "# mine\n");
      assert.ok(!fs.existsSync(path.join(dir, "ok.py")), "nothing written when the helper is kept");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
