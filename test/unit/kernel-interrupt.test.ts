// Interrupts and late errors, injected through KernelClient as the editor and the CLI send them:
// wherever a cell's code is when the interrupt comes (after an await, in a timer, in a promise
// callback, while it is still being converted), the kernel keeps its variables, the cell's
// pending work never runs again, and the next cell runs at once. Errors raised after a cell
// ended are shown under that cell with its line numbers.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { KernelClient, CellOutput, ExecuteReply } from "../../kernel/executor/client";

interface Ran { reply: ExecuteReply; outputs: CellOutput[]; late: CellOutput[] }

async function run(k: KernelClient, code: string): Promise<Ran> {
  const outputs: CellOutput[] = [];
  const late: CellOutput[] = [];
  const reply = await k.execute(code, (o) => outputs.push(o), (o) => late.push(o));
  return { reply, outputs, late };
}

const result = (r: Ran) => r.outputs.find((o): o is Extract<CellOutput, { kind: "result" }> => o.kind === "result")?.bundle["text/plain"];
const errors = (outs: CellOutput[]) => outs.flatMap((o) => (o.kind === "error" ? [o.error] : []));
const printed = (outs: CellOutput[]) => outs.map((o) => (o.kind === "stream" ? o.text : "")).join("");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts `code`, interrupts it after `afterMs`, and returns what happened. */
async function interrupted(k: KernelClient, code: string, afterMs: number): Promise<Ran & { outcome: string; tookMs: number }> {
  const running = run(k, code);
  await sleep(afterMs);
  const asked = Date.now();
  const outcome = await k.interrupt();
  const r = await running;
  return { ...r, outcome, tookMs: Date.now() - asked };
}

function assertKept(r: Awaited<ReturnType<typeof interrupted>>, maxMs = 1000): void {
  assert.strictEqual(r.outcome, "kept");
  assert.strictEqual(r.reply.interrupted, true);
  assert.ok(r.tookMs < maxMs, `the interrupt took ${r.tookMs} ms`);
  assert.deepStrictEqual(errors(r.outputs).map((e) => e.ename), ["KeyboardInterrupt"]);
}

describe("kernel interrupt (fault injection)", function () {
  this.timeout(90000);
  let dir: string;
  let k: KernelClient;
  const stray: CellOutput[] = [];

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-test-"));
    k = new KernelClient({ notebookDir: dir });
    k.on("output", (o: CellOutput) => stray.push(o));
    await k.ready;
    await run(k, 'import { torch, F } from "actnb";\nlet keep = "kept";\nconst sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));');
  });
  after(async () => {
    await k.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
    assert.deepStrictEqual(stray, [], "no output may go astray");
  });

  it("stops a busy loop that runs after an await, and keeps the variables", async () => {
    const r = await interrupted(k, "let spun = 0;\nawait sleep(10);\nwhile (true) { spun++; }", 400);
    assertKept(r);
    assert.match(errors(r.outputs)[0].evalue, /the cell was stopped; .*the kernel and its variables are kept/);
    assert.strictEqual(result(await run(k, "keep")), "kept");
    assert.strictEqual(result(await run(k, "spun > 0")), "true");
  });

  it("stops a training loop after an await (engine ops inside)", async () => {
    const r = await interrupted(k, "await sleep(1);\nconst w = torch.randn(256, 256, { requires_grad: true });\nlet steps = 0;\nwhile (true) { F.gelu(w.matmul(w)).sum().backward(); steps++; }", 600);
    assertKept(r, 1500);
    assert.strictEqual(result(await run(k, "steps > 0 && w.grad !== null")), "true");
  });

  it("stops a busy loop inside a timer callback while its cell awaits", async () => {
    const r = await interrupted(k, "let ticks = 0;\nsetTimeout(() => { while (true) { ticks++; } }, 10);\nawait sleep(60_000);", 400);
    assertKept(r);
    assert.strictEqual(result(await run(k, "ticks > 0 && keep === 'kept'")), "true");
  });

  it("stops a busy loop inside a promise callback", async () => {
    const r = await interrupted(k, "let reacted = 0;\nawait Promise.resolve().then(() => { while (true) reacted++; });", 400);
    assertKept(r);
    assert.strictEqual(result(await run(k, "reacted > 0")), "true");
  });

  it("stops a busy loop in an async function an earlier cell defined, awaited by a later cell", async () => {
    await run(k, "let inner = 0;\nasync function spinLater() {\n  await sleep(5);\n  while (true) inner++;\n}");
    const r = await interrupted(k, "await spinLater();", 400);
    assertKept(r);
    assert.strictEqual(result(await run(k, "inner > 0 && keep === 'kept'")), "true");
  });

  it("stops busy loops in setImmediate, process.nextTick and queueMicrotask callbacks", async () => {
    for (const schedule of ["setImmediate", "process.nextTick", "queueMicrotask"]) {
      const r = await interrupted(k, `let spins_${schedule.replace(".", "_")} = 0;\n${schedule}(() => { while (true) spins_${schedule.replace(".", "_")}++; });\nawait sleep(60_000);`, 300);
      assertKept(r);
      assert.strictEqual(result(await run(k, "keep")), "kept", schedule);
    }
  });

  it("never resumes an interrupted async loop: its counter and prints stop", async () => {
    const r = await interrupted(k, "let counter = 0;\nfor (let i = 0; i < 1e9; i++) {\n  await sleep(50);\n  counter++;\n  console.log('tick', counter);\n}", 700);
    assertKept(r);
    const first = Number(result(await run(k, "counter")));
    assert.ok(first >= 5, `counter ${first}`);
    const later = await (async () => { await sleep(400); return run(k, "counter"); })();
    assert.strictEqual(Number(result(later)), first, "the loop went on after the interrupt");
    assert.doesNotMatch(printed(later.outputs), /tick/);
    assert.deepStrictEqual(r.late, []);
  });

  it("clears the cancelled cell's timers and intervals, and leaves other cells' alone", async () => {
    await run(k, "let background = 0;\nconst bg = setInterval(() => { background++; }, 20);");
    const r = await interrupted(k, "let mine = 0;\nsetInterval(() => { mine++; }, 20);\nsetTimeout(() => { mine = -1000; }, 900);\nawait sleep(60_000);", 300);
    assertKept(r);
    const at = Number(result(await run(k, "mine")));
    await sleep(1000);
    assert.strictEqual(Number(result(await run(k, "mine"))), at);
    const before = Number(result(await run(k, "background")));
    await sleep(200);
    assert.ok(Number(result(await run(k, "clearInterval(bg); background"))) > before, "another cell's interval was stopped");
  });

  it("stops a cell while it is still being converted; the next cell runs as soon as a fresh converter is up, with its own result", async () => {
    const long = Array.from({ length: 8000 }, (_, i) => `const v${i}: number = ${i} * 2;`).join("\n") + "\nv7999";
    const r = await interrupted(k, long, 500);
    assertKept(r);
    assert.match(errors(r.outputs)[0].evalue, /before it ran/);
    // the converter's late answer for the long cell must not be taken for this one's, nor make it wait
    const t0 = Date.now();
    assert.strictEqual(result(await run(k, "'next ' + keep")), "next kept");
    assert.ok(Date.now() - t0 < 3000, `the next cell took ${Date.now() - t0} ms`);
    const after = await run(k, "v1");
    assert.match(errors(after.outputs)[0]?.evalue ?? "", /Cannot find name 'v1'/);
  });

  it("stops a busy callback of a cell that already ended; the error goes under that cell", async () => {
    const earlier = await run(k, "setTimeout(() => { while (true) {} }, 200);\n'scheduled'");
    assert.strictEqual(result(earlier), "scheduled");
    await sleep(400);
    // the kernel is busy in the earlier cell's callback: this cell waits, and the interrupt frees it
    const r = await interrupted(k, "'after'", 300);
    assert.strictEqual(r.outcome, "kept");
    assert.deepStrictEqual(errors(earlier.late).map((e) => e.ename), ["KeyboardInterrupt"]);
    assert.match(errors(earlier.late)[0].evalue, /callback this cell had scheduled/);
    assert.strictEqual(result(await run(k, "keep")), "kept");
  });

  it("shows a timer's error under the cell that set the timer, with its line, not under the next cell", async () => {
    const setter = await run(k, "const x = 1;\nsetTimeout(() => {\n  throw new RangeError('late boom');\n}, 100);");
    assert.strictEqual(setter.reply.success, true);
    const next = await run(k, "await sleep(400);\n'next'");
    assert.strictEqual(next.reply.success, true);
    assert.deepStrictEqual(errors(next.outputs), []);
    const [late] = errors(setter.late);
    assert.strictEqual(late.ename, "RangeError");
    assert.strictEqual(late.evalue, "late boom");
    assert.ok(late.traceback.some((l) => /Cell \[\d+\], line 3/.test(l)), late.traceback.join("\n"));
  });

  it("shows a promise rejection nobody handled under the cell that made it", async () => {
    const maker = await run(k, "async function fails() {\n  await sleep(50);\n  throw new Error('nobody awaited me');\n}\nfails();\n'started'");
    assert.strictEqual(result(maker), "started");
    await run(k, "await sleep(300);");
    const [late] = errors(maker.late);
    assert.strictEqual(late?.evalue, "nobody awaited me");
    assert.ok(late.traceback.some((l) => /line 3/.test(l)), late.traceback.join("\n"));
  });

  it("fails a cell whose callback throws while the cell still runs", async () => {
    const r = await run(k, "setTimeout(() => { throw new TypeError('inside'); }, 10);\nawait sleep(200);\n'done'");
    assert.strictEqual(r.reply.success, false);
    assert.deepStrictEqual(errors(r.outputs).map((e) => e.evalue), ["inside"]);
  });

  it("prints a background callback's output under its own cell", async () => {
    const bg = await run(k, "setTimeout(() => console.log('from the background'), 100);");
    const fg = await run(k, "await sleep(300);\nconsole.log('from the foreground');");
    assert.strictEqual(printed(fg.outputs), "from the foreground\n");
    assert.strictEqual(printed(bg.late), "from the background\n");
  });

  it("keeps async code's numbers and semantics (this, arguments, classes, for await, errors caught)", async () => {
    const r = await run(k, [
      "class Counter { n = 2; #secret = 3; async twice() { await sleep(1); return this.n * 2 + this.#secret; } }",
      "async function sum(...xs: number[]) { let s = 0; for await (const x of xs.map(async (v) => v)) s += x; return s + arguments.length; }",
      "async function* gen() { yield 1; await sleep(1); yield 2; }",
      "const got: number[] = []; for await (const g of gen()) got.push(g);",
      "let caught = ''; try { await Promise.reject(new Error('e1')); } catch (e) { caught = (e as Error).message; } finally { caught += '!'; }",
      "[await new Counter().twice(), await sum(1, 2, 3), got.join(','), caught, (await torch.tensor([1, 2]).mul(2).sum().item())]",
    ].join("\n"));
    assert.strictEqual(r.reply.success, true, JSON.stringify(r.outputs));
    assert.strictEqual(result(r), "[ 7, 9, '1,2', 'e1!', 6 ]");
  });

  it("tells the user why when native code cannot be stopped and the kernel had to be ended", async () => {
    const dir2 = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-test-"));
    const k2 = new KernelClient({ notebookDir: dir2, interruptGraceMs: 800 });
    try {
      await run(k2, "let lost = 1;");
      const running = k2.execute("require('child_process').execSync('sleep 20');");
      await sleep(400);
      assert.strictEqual(await k2.interrupt(), "restarted");
      await assert.rejects(running, (e: Error) => e.name === "KernelDied" && /native code that JavaScript cannot stop/.test(e.message) && /variables are lost/.test(e.message));
    } finally {
      await k2.shutdown();
      fs.rmSync(dir2, { recursive: true, force: true });
    }
  });
});
