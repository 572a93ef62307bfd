// The kernel, driven through KernelClient exactly as the VS Code controller and the CLI drive it
// (cells, and what an editor asks while the user types).
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { KernelClient, CellOutput, ExecuteReply } from "../../kernel/executor/client";
import type { Queries } from "../../kernel/executor/protocol";

interface Ran { reply: ExecuteReply; outputs: CellOutput[] }

async function run(k: KernelClient, code: string): Promise<Ran> {
  const outputs: CellOutput[] = [];
  const reply = await k.execute(code, (o) => outputs.push(o));
  return { reply, outputs };
}

const text = (r: Ran) => r.outputs.map((o) => (o.kind === "stream" ? o.text : o.kind === "result" || o.kind === "display" ? o.bundle["text/plain"] : "")).join("");
const result = (r: Ran) => r.outputs.find((o): o is Extract<CellOutput, { kind: "result" }> => o.kind === "result")?.bundle["text/plain"];
const error = (r: Ran) => r.outputs.find((o): o is Extract<CellOutput, { kind: "error" }> => o.kind === "error")?.error;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("kernel", function () {
  this.timeout(60000);
  let dir: string;
  let k: KernelClient;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-test-"));
    k = new KernelClient({ notebookDir: dir });
    await k.ready;
  });
  after(async () => {
    await k.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("runs the seed's example and shows tensors as PyTorch prints them", async () => {
    const r = await run(k, `import { torch, nn, F } from "actnb";\nconst x = torch.tensor([[-1.0, 0.0, 2.0, -3.0]], { requires_grad: true });\nconst relu = new nn.ReLU();\nrelu(x)`);
    assert.strictEqual(r.reply.success, true);
    assert.strictEqual(result(r), "tensor([[0., 0., 2., 0.]], grad_fn=<ReluBackward0>)");
  });

  it("keeps state across cells and increases the execution count", async () => {
    const a = await run(k, "let counter = 41;");
    const b = await run(k, "counter += 1;\ncounter");
    assert.strictEqual(result(b), "42");
    assert.strictEqual(b.reply.execution_count, a.reply.execution_count + 1);
  });

  it("lets a later cell redeclare a const (the later definition wins)", async () => {
    await run(k, "const answer = 1;");
    const r = await run(k, "const answer = 2;\nanswer * 10");
    assert.strictEqual(r.reply.success, true);
    assert.strictEqual(result(r), "20");
  });

  it("supports top-level await", async () => {
    const r = await run(k, "const v = await new Promise<number>((res) => setTimeout(() => res(7), 20));\nv + 1");
    assert.strictEqual(result(r), "8");
  });

  it("reports type errors with line, column and the offending line, before running anything", async () => {
    const r = await run(k, `console.log("must not run");\nconst s: string = 3;`);
    assert.strictEqual(r.reply.success, false);
    const e = error(r)!;
    assert.strictEqual(e.kind, "type");
    assert.deepStrictEqual(e.diagnostics!.map((d) => [d.line, d.column, d.code]), [[2, 7, 2322]]);
    assert.match(e.traceback[0], /line 2, column 7: error TS2322: Type 'number' is not assignable to type 'string'/);
    assert.strictEqual(e.traceback[1], "2 | const s: string = 3;");
    assert.strictEqual(e.traceback[2], "          ^");
    assert.ok(!text(r).includes("must not run"));
  });

  it("shows runtime errors with stack frames at cell lines", async () => {
    const r = await run(k, `function check(a: number) {\n  if (a > 2) {\n    throw new RangeError("too big: " + a);\n  }\n  return a;\n}\ncheck(1);\ncheck(5);`);
    const e = error(r)!;
    assert.strictEqual(e.kind, "runtime");
    assert.strictEqual(e.traceback[0], "RangeError: too big: 5");
    assert.match(e.traceback[1], /at check \(Cell \[\d+\], line 3\)/);
    assert.match(e.traceback[2], /at Cell \[\d+\], line 8/);
    assert.ok(!e.traceback.some((l) => /kernel_main|session\.js|node:internal/.test(l)), e.traceback.join("\n"));
  });

  it("shows engine errors in PyTorch's words and stays usable", async () => {
    const r = await run(k, `torch.ones(1, 4).mm(torch.ones(8, 1))`);
    assert.strictEqual(error(r)!.traceback[0], "RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x4 and 8x1)");
    const after = await run(k, "1 + 1");
    assert.strictEqual(result(after), "2");
  });

  it("streams stdout and stderr in the order they were written, while the cell runs", async () => {
    const outputs: Array<[number, CellOutput]> = [];
    const started = Date.now();
    await k.execute(`for (let i = 0; i < 3; i++) {\n  console.log("out " + i);\n  console.error("err " + i);\n  const t = Date.now(); while (Date.now() - t < 150) {}\n}`, (o) => outputs.push([Date.now() - started, o]));
    const streams = outputs.filter(([, o]) => o.kind === "stream").map(([, o]) => o as Extract<CellOutput, { kind: "stream" }>);
    assert.deepStrictEqual(streams.map((s) => `${s.name}:${s.text}`), ["stdout:out 0\n", "stderr:err 0\n", "stdout:out 1\n", "stderr:err 1\n", "stdout:out 2\n", "stderr:err 2\n"]);
    // the first line arrived long before the cell ended (it is streamed, not batched)
    const times = outputs.map(([t]) => t);
    assert.ok(times[times.length - 1] - times[0] >= 250, `arrival times ${times.join(", ")}`);
  });

  it("displays rich outputs and updates them in place through display handles", async () => {
    const r = await run(k, `import { display, displayBundle } from "actnb";\nconst h = display("step 1", { display_id: true });\nh.update("step 2");\nconst none = display("no handle without display_id");\ndisplayBundle({ "text/html": "<b>hi</b>", "text/plain": "hi" });`);
    const displays = r.outputs.filter((o): o is Extract<CellOutput, { kind: "display" }> => o.kind === "display");
    assert.strictEqual(displays.length, 4);
    assert.strictEqual(displays[1].update, true);
    assert.strictEqual(displays[1].display_id, displays[0].display_id);
    assert.deepStrictEqual(displays[1].bundle, { "text/plain": "step 2" });
    assert.strictEqual(displays[2].display_id, undefined);
    assert.deepStrictEqual(displays[3].bundle, { "text/html": "<b>hi</b>", "text/plain": "hi" });
  });

  it("shows a chart as a Vega-Lite output holding a JSON object, with a text fallback", async () => {
    const r = await run(k, `import { plot } from "actnb";\nplot.activationPlot(["relu", { name: "leaky_relu", params: { negative_slope: 0.2 } }], { derivative: true })`);
    const bundle = r.outputs.find((o): o is Extract<CellOutput, { kind: "result" }> => o.kind === "result")!.bundle;
    const spec = bundle["application/vnd.vegalite.v5+json"] as { $schema: string; title: unknown };
    assert.strictEqual(typeof spec, "object");
    assert.strictEqual(spec.$schema, "https://vega.github.io/schema/vega-lite/v5.json");
    assert.match(JSON.stringify(spec.title), /ReLU and Leaky ReLU/);
    assert.match(bundle["text/plain"], /ReLU/);
  });

  it("stops a busy loop within a second of the interrupt and keeps its variables", async () => {
    await run(k, "let kept = 'still here';");
    const running = run(k, "let spins = 0;\nwhile (true) { spins++; }");
    await sleep(300);
    const asked = Date.now();
    const outcome = await k.interrupt();
    const r = await running;
    assert.ok(Date.now() - asked < 1000, `took ${Date.now() - asked} ms`);
    assert.strictEqual(outcome, "kept");
    assert.strictEqual(r.reply.interrupted, true);
    assert.strictEqual(error(r)!.ename, "KeyboardInterrupt");
    assert.strictEqual(result(await run(k, "kept")), "still here");
    assert.strictEqual(result(await run(k, "spins > 0")), "true");
  });

  it("stops a loop of ops shared with worker threads, and the next ops still give the right numbers", async () => {
    await run(k, 'import { torch, F } from "actnb";\ntorch.manual_seed(11);\nconst big = torch.randn(3_000_001);\nconst expected = F.gelu(big).sum().item();');
    const running = run(k, "let calls = 0;\nwhile (true) { F.gelu(big); calls++; }");
    await sleep(500);
    const asked = Date.now();
    assert.strictEqual(await k.interrupt(), "kept");
    const r = await running;
    assert.ok(Date.now() - asked < 2000, `took ${Date.now() - asked} ms`);
    assert.strictEqual(r.reply.interrupted, true);
    assert.strictEqual(result(await run(k, "calls > 0")), "true");
    // a chunk a worker finished after the interrupt must not count towards these
    for (let i = 0; i < 3; i++) assert.strictEqual(result(await run(k, "F.gelu(big).sum().item() === expected")), "true");
  });

  it("cancels an awaiting cell", async () => {
    const running = run(k, "await new Promise((r) => setTimeout(r, 60000));");
    await sleep(200);
    assert.strictEqual(await k.interrupt(), "kept");
    const r = await running;
    assert.strictEqual(r.reply.interrupted, true);
    assert.strictEqual(result(await run(k, "2 * 21")), "42");
  });

  it("offers completions and hover types from the notebook so far", async () => {
    await run(k, "const learningRate = 0.01;");
    const c = await k.complete("learn", 5);
    assert.ok(c.candidates.includes("learningRate"), c.candidates.slice(0, 20).join(", "));
    const hover = await k.inspect("learningRate", 3);
    assert.match(hover?.signature ?? "", /const learningRate: 0\.01/);
    const diags = await k.diagnose("const z: number = 'a';");
    assert.deepStrictEqual(diags.map((d) => d.code), [2322]);
  });

  it("checks a cell against the cells above it before anything ran", async () => {
    const above = ["const notRunYet = 3;", "function twice(n: number) { return 2 * n; }"];
    assert.deepStrictEqual(await k.diagnose("twice(notRunYet)", above), []);
    const bad = await k.diagnose("twice('three')", above);
    assert.deepStrictEqual(bad.map((d) => [d.line, d.column, d.code]), [[1, 7, 2345]]);
    const c = await k.complete("notRun", 6, above);
    assert.ok(c.candidates.includes("notRunYet"));
  });

  // what an editor asks while the user types, through the typed protocol
  describe("language features for editors", () => {
    const IMPORT = `import { torch, nn, F } from "actnb";\n`;

    it("signature help inside `new nn.Linear(` lists in_features, out_features and bias, each documented, and follows the argument being typed", async () => {
      const code = `${IMPORT}const fc = new nn.Linear(`;
      const help = await k.signatureHelp(code, code.length);
      assert.ok(help, "no signature help");
      assert.ok(help.signatures.length >= 2, `overloads: ${help.signatures.map((s) => s.label).join(" | ")}`);
      const first = help.signatures[help.activeSignature];
      assert.deepStrictEqual(first.parameters.slice(0, 3).map((p) => p.label.replace(/\??:.*/, "")), ["in_features", "out_features", "bias"]);
      for (const p of first.parameters) assert.strictEqual(first.label.slice(...p.offsets), p.label);
      assert.match(first.parameters[0].documentation, /input's last dimension/);
      assert.strictEqual(help.activeParameter, 0);
      // the overloads that take some of them from an options object show the same docs
      for (const s of help.signatures) {
        assert.match(s.documentation, /fully connected layer/, s.label);
        // (the form taking everything by name has the options object alone)
        const out = s.parameters.find((p) => p.label.startsWith("out_features"));
        if (out) assert.match(out.documentation, /output's last dimension/, s.label);
      }
      assert.ok(help.signatures.filter((s) => s.parameters.some((p) => p.label.startsWith("out_features"))).length >= 2, "out_features is positional in several overloads");
      const second = `${code}4, `;
      assert.strictEqual((await k.signatureHelp(second, second.length))?.activeParameter, 1);
    });

    it("signature help shows every overload of a function, with the doc comment of a function from a cell above", async () => {
      const above = ["/**\n * Scales a number.\n * @param n the number\n */\nfunction scale(n: number): number;\nfunction scale(n: number, by: number): number;\nfunction scale(n: number, by = 2) { return n * by; }"];
      const help = await k.signatureHelp("scale(1, ", 9, above);
      assert.deepStrictEqual(help?.signatures.map((s) => s.label), ["scale(n: number): number", "scale(n: number, by: number): number"]);
      assert.strictEqual(help?.activeSignature, 1);
      assert.strictEqual(help?.activeParameter, 1);
      assert.strictEqual(help?.signatures[0].documentation, "Scales a number.");
      assert.strictEqual(await k.signatureHelp("scale", 5, above), null, "no call, no help");
    });

    it("go-to-definition leads into the engine's typings (.d.ts), at the declaration; a name of the cell itself stays in the cell", async () => {
      const code = `${IMPORT}new nn.Linear(2, 3)`;
      const found = await k.definition(code, code.indexOf("Linear") + 2);
      assert.ok(found.length > 0, "no definition");
      // as in VS Code's own TypeScript support, `new X(...)` leads to X's constructor
      for (const d of found) {
        assert.ok(d.file && d.file.endsWith(".d.ts"), String(d.file));
        const lines = fs.readFileSync(d.file, "utf8").split("\n");
        assert.match(lines[d.line].slice(d.character), /^constructor\(in_features: number, out_features: number/);
        assert.ok(lines.slice(0, d.line).some((l) => /class Linear\b/.test(l)), `${d.file}:${d.line + 1} is not in class Linear`);
      }
      const own = "const twice = (n: number) => 2 * n;\ntwice(4)";
      assert.deepStrictEqual(await k.definition(own, own.lastIndexOf("twice") + 1), [{ file: null, line: 0, character: 6, endLine: 0, endCharacter: 11 }]);
    });

    it("hover and completion details carry the declaration, the doc text and its tags", async () => {
      const code = `${IMPORT}new nn.Linear(2, 3)`;
      const hover = await k.inspect(code, code.indexOf("Linear") + 2);
      assert.match(hover?.signature ?? "", /in_features: number, out_features: number/);
      assert.match(hover?.documentation ?? "", /fully connected layer/);
      const params = (hover?.tags ?? []).filter((t) => t.name === "param").map((t) => t.text.split(" ")[0]);
      assert.deepStrictEqual(params.slice(0, 3), ["in_features", "out_features", "bias"]);
      assert.ok(hover?.tags.some((t) => t.name === "example" && t.text.includes("new nn.Linear(")));

      const partial = `${IMPORT}const x = torch.zeros(2);\nx.su`;
      const c = await k.complete(partial, partial.length);
      assert.ok(c.candidates.includes("sum"), c.candidates.join(", "));
      assert.strictEqual(c.kinds.length, c.candidates.length);
      assert.strictEqual(c.kinds[c.candidates.indexOf("sum")], "method");
      const details = await k.completionDetails(partial, partial.length, "sum");
      assert.match(details?.signature ?? "", /Tensor\.sum\(dim\?: /);
      assert.match(details?.documentation ?? "", /sum of the elements/);
      assert.ok(details?.tags.some((t) => t.name === "param" && t.text.startsWith("keepdim ")));
    });

    it("a query at a position outside the cell fails with the reason, and the kernel answers the next one", async () => {
      await assert.rejects(k.signatureHelp("f(", 999), /the kernel could not answer: position 999 is outside the cell \(0 to 2\)/);
      assert.ok(await k.signatureHelp("Math.max(", 9));
    });

  });
});

describe("kernel lifecycle", function () {
  this.timeout(60000);

  it("reports a kernel that exits, and a new kernel starts fresh", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-test-"));
    const k = new KernelClient({ notebookDir: dir });
    after(() => k.shutdown());
    await k.execute("const before = 1;");
    await assert.rejects(k.execute("process.exit(3)"), (e: Error) => e.name === "KernelDied" && /exit code 3/.test(e.message));
    assert.strictEqual(k.alive, false);
    const fresh = new KernelClient({ notebookDir: dir });
    after(() => fresh.shutdown());
    const outputs: CellOutput[] = [];
    await fresh.execute("typeof before", (o) => outputs.push(o));
    assert.strictEqual(outputs[0].kind, "error");
    await fresh.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("reports running out of memory as a death", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-test-"));
    // room for the kernel itself (its TypeScript converter has its own thread and heap), not
    // for a cell that keeps allocating
    const k = new KernelClient({ notebookDir: dir, memoryLimitMb: 128 });
    after(() => k.shutdown());
    assert.strictEqual(result(await run(k, "6 * 7")), "42");
    await assert.rejects(k.execute("const hog: number[][] = [];\nwhile (true) hog.push(new Array(1e6).fill(1));"), (e: Error) => e.name === "KernelDied" && /out of memory/.test(e.message));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("imports packages installed in the notebook's folder", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-test-"));
    const pkg = path.join(dir, "node_modules", "tiny-greeting");
    fs.mkdirSync(pkg, { recursive: true });
    fs.writeFileSync(path.join(pkg, "package.json"), JSON.stringify({ name: "tiny-greeting", main: "index.js", types: "index.d.ts" }));
    fs.writeFileSync(path.join(pkg, "index.js"), "exports.greet = (n) => 'hello ' + n;");
    fs.writeFileSync(path.join(pkg, "index.d.ts"), "export declare function greet(n: string): string;");
    const k = new KernelClient({ notebookDir: dir });
    after(() => k.shutdown());
    const outputs: CellOutput[] = [];
    const reply = await k.execute(`import { greet } from "tiny-greeting";\nimport * as os from "os";\ngreet(typeof os.cpus)`, (o) => outputs.push(o));
    assert.strictEqual(reply.success, true, JSON.stringify(outputs));
    assert.deepStrictEqual(outputs, [{ kind: "result", bundle: { "text/plain": "hello function" } }]);
    await k.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

// Compile-time checks of the typed protocol, never run: a reply has its request's type (if the
// client's replies were loosened to `unknown` or `any`, these lines would stop being errors and
// the build would fail on the unused expectations).
export async function repliesAreTypedByRequest(k: KernelClient): Promise<void> {
  const c = await k.complete("Mat", 3);
  // @ts-expect-error: a completion list is no hover
  const hover: Queries["inspect"]["reply"] = c;
  // @ts-expect-error: signature help has no candidates
  (await k.signatureHelp("f(", 2))?.candidates;
  void hover;
}
