// The `actnb` command as a user runs it: a real process, its stdout, stderr and exit code.
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../../..");
const BIN = path.join(ROOT, "kernel/bin/actnb.js");
const FIXTURE = path.join(ROOT, "test/fixtures/notebooks/relu.actnb");

function actnb(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("actnb command line", function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-cli-")); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("--help documents run and export; a wrong argument gets the usage and exit code 2", () => {
    const help = actnb("--help");
    assert.strictEqual(help.code, 0);
    assert.match(help.stdout, /actnb run <notebook\.actnb\|notebook\.ipynb> \[--out <path>\] \[--check\]/);
    assert.match(help.stdout, /actnb export <input\.actnb\|input\.ipynb> --to ipynb\|actnb/);
    const bad = actnb("frobnicate");
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /unknown command 'frobnicate'[\s\S]*Usage:/);
    assert.strictEqual(actnb("export", FIXTURE, "--to", "pdf").code, 2);
    assert.strictEqual(actnb("run", FIXTURE, "--bogus").code, 2);
  });

  it("runs a notebook, prints its text outputs, and --check reproduces the stored outputs", () => {
    const r = actnb("run", FIXTURE, "--check");
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /^tensor\(\[0\., 0\., 2\.\]\)\n/);
    assert.match(r.stderr, /every output reproduced/);
  });

  it("--check reports a changed output with a readable diff; a volatile cell's numbers do not count", () => {
    const nb = JSON.parse(fs.readFileSync(FIXTURE, "utf8"));
    const volatile = nb.cells.find((c: { metadata: { volatile?: boolean } }) => c.metadata.volatile);
    volatile.outputs[0].text = volatile.outputs[0].text.replace(/[\d.]+ ms/, "999.9 ms");
    const file = path.join(dir, "timing.actnb");
    fs.writeFileSync(file, JSON.stringify(nb, null, 2));
    assert.strictEqual(actnb("run", file, "--check").code, 0);
    nb.cells[1].outputs[0].text = "tensor([0., 0., 3.])\n";
    fs.writeFileSync(file, JSON.stringify(nb, null, 2));
    const r = actnb("run", file, "--check");
    assert.strictEqual(r.code, 1);
    assert.match(r.stderr, /cell 2 "ReLU of three numbers".*outputs differ/);
    assert.match(r.stderr, /- .*tensor\(\[0\., 0\., 3\.\]\)/);
    assert.match(r.stderr, /\+ .*tensor\(\[0\., 0\., 2\.\]\)/);
  });

  it("exits non-zero naming the failing cell, and writes the executed notebook with --out", () => {
    const file = path.join(dir, "fails.actnb");
    const cells = [
      { kind: "code", language: "typescript", metadata: {}, source: 'console.log("first")', outputs: [] },
      { kind: "code", language: "typescript", metadata: {}, source: 'throw new RangeError("nope")', outputs: [] },
      { kind: "code", language: "typescript", metadata: {}, source: '"never"', outputs: [] },
    ];
    fs.writeFileSync(file, JSON.stringify({ actnb: 1, metadata: {}, cells }));
    const out = path.join(dir, "out.actnb");
    const r = actnb("run", file, "--out", out);
    assert.strictEqual(r.code, 1);
    assert.match(r.stderr, /cell 2 failed: RangeError: nope/);
    const executed = JSON.parse(fs.readFileSync(out, "utf8"));
    assert.deepStrictEqual(executed.cells[0].outputs, [{ stream: "stdout", text: "first\n" }]);
    assert.strictEqual(executed.cells[1].outputs[0].error.name, "RangeError");
    assert.strictEqual(executed.cells[1].execution.success, false);
  });

  const codeCells = (...sources: string[]) => ({ actnb: 1, metadata: {}, cells: sources.map((source) => ({ kind: "code", language: "typescript", metadata: {}, source, outputs: [] })) });

  it("a timer that throws after its cell ended fails the run naming that cell, and the error is saved under it", () => {
    const file = path.join(dir, "late.actnb");
    fs.writeFileSync(file, JSON.stringify(codeCells(
      "setTimeout(() => {\n  throw new RangeError('late boom');\n}, 100);\n'scheduled'",
      "await new Promise((r) => setTimeout(r, 500));\n'second'",
      "'never'",
    )));
    const out = path.join(dir, "out.actnb");
    const r = actnb("run", file, "--out", out);
    assert.strictEqual(r.code, 1, r.stderr);
    assert.match(r.stderr, /\[cell 1, after it finished\] RangeError: late boom/);
    assert.match(r.stderr, /actnb: cell 1 failed: RangeError: late boom \(raised after the cell had finished\)/);
    const executed = JSON.parse(fs.readFileSync(out, "utf8"));
    const [first, second, third] = executed.cells;
    assert.strictEqual(first.execution.success, false);
    assert.deepStrictEqual(first.outputs.map((o: { error?: { name: string } }) => o.error?.name ?? "result"), ["result", "RangeError"]);
    assert.match(first.outputs[1].error.stack, /Cell \[1\], line 2/);
    assert.deepStrictEqual(second.outputs.filter((o: { error?: unknown }) => o.error), [], "the error went under the wrong cell");
    assert.deepStrictEqual(third.outputs, [], "the run went on after the failure");
  });

  it("an error after the last cell, or a rejected promise nobody awaited, still fails the run", () => {
    const timer = path.join(dir, "last.actnb");
    fs.writeFileSync(timer, JSON.stringify(codeCells("'one'", "setTimeout(() => { throw new Error('after the end'); }, 300);")));
    const r = actnb("run", timer);
    assert.strictEqual(r.code, 1, r.stderr);
    assert.match(r.stderr, /cell 2 failed: Error: after the end/);
    const rejection = path.join(dir, "rejection.actnb");
    fs.writeFileSync(rejection, JSON.stringify(codeCells("async function save() {\n  throw new Error('disk full');\n}\nsave();")));
    const r2 = actnb("run", rejection);
    assert.strictEqual(r2.code, 1, r2.stderr);
    assert.match(r2.stderr, /cell 1 failed: Error: disk full/);
  });

  it("waits for a cell's pending timers at the end, and cancels an endless one with a note (--wait-for-timers)", () => {
    const file = path.join(dir, "timers.actnb");
    fs.writeFileSync(file, JSON.stringify(codeCells("setTimeout(() => console.log('waited for'), 300);", "setInterval(() => undefined, 50);")));
    const t0 = Date.now();
    const r = actnb("run", file, "--wait-for-timers", "1.5");
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /\[cell 1, after it finished\] waited for/);
    assert.match(r.stderr, /\[cell 2, after it finished\] \[the notebook ended with 1 timer of this cell still pending; actnb run cancelled it\]/);
    assert.ok(Date.now() - t0 < 8000, `took ${Date.now() - t0} ms`);
    assert.strictEqual(actnb("run", file, "--wait-for-timers", "soon").code, 2);
  });

  it("never writes over a notebook that failed to load", () => {
    const file = path.join(dir, "broken.actnb");
    const text = '{ "actnb": 1, "cells": [ { "kind": "code"';
    fs.writeFileSync(file, text);
    const r = actnb("run", file, "--out", file);
    assert.strictEqual(r.code, 1);
    assert.match(r.stderr, /broken\.actnb:1:\d+: the JSON is incomplete/);
    assert.strictEqual(fs.readFileSync(file, "utf8"), text);
  });

  it("a save that fails (here: over the file-size limit, as a full disk would) leaves the notebook on disk as it was, and says why in one line", () => {
    const file = path.join(dir, "work.actnb");
    fs.copyFileSync(FIXTURE, file);
    const before = fs.readFileSync(file);
    // ulimit -f 1: at most 1 KiB per file written; SIGXFSZ ignored so that the write fails with EFBIG
    const script = `trap '' XFSZ; ulimit -f 1; exec "${process.execPath}" "${BIN}" run "${file}" --out "${file}" --quiet`;
    const r = spawnSync("bash", ["-c", script], { encoding: "utf8", cwd: ROOT });
    assert.strictEqual(r.status, 1, r.stderr);
    assert.match(r.stderr, /^actnb: cannot save .*work\.actnb: the file would exceed the size this process may write; the file on disk is unchanged\n$/m);
    assert.ok(!/\n\s+at /.test(r.stderr), `a stack trace: ${r.stderr}`);
    assert.ok(before.length > 1024, "the fixture must be larger than the limit");
    assert.deepStrictEqual(fs.readFileSync(file), before, "the notebook changed");
    assert.deepStrictEqual(fs.readdirSync(dir), ["work.actnb"], "a temporary file was left behind");
  });

  it("saves through a symbolic link into the file it points to, and keeps the link", () => {
    const real = path.join(dir, "real.actnb"), link = path.join(dir, "link.actnb");
    const nb = JSON.parse(fs.readFileSync(FIXTURE, "utf8"));
    for (const c of nb.cells) if (c.kind === "code") c.outputs = [];
    fs.writeFileSync(real, JSON.stringify(nb));
    fs.symlinkSync(real, link);
    assert.strictEqual(actnb("run", link, "--out", link, "--quiet").code, 0);
    assert.ok(fs.lstatSync(link).isSymbolicLink(), "the link was replaced");
    const saved = JSON.parse(fs.readFileSync(real, "utf8"));
    assert.ok(saved.cells.some((c: { outputs?: unknown[] }) => c.outputs?.length), "the executed notebook went into the linked file");
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ["link.actnb", "real.actnb"]);
  });

  it("export never replaces a file unless --force, and never its input (also through a symbolic link)", () => {
    const input = path.join(dir, "a.actnb"), out = path.join(dir, "a.ipynb");
    fs.copyFileSync(FIXTURE, input);
    fs.writeFileSync(out, "mine");
    const r = actnb("export", input, "--to", "ipynb");
    assert.strictEqual(r.code, 1);
    assert.match(r.stderr, /a\.ipynb exists; add --force to replace it/);
    assert.strictEqual(fs.readFileSync(out, "utf8"), "mine");
    assert.strictEqual(actnb("export", input, "--to", "ipynb", "--force").code, 0);
    assert.strictEqual(JSON.parse(fs.readFileSync(out, "utf8")).nbformat, 4);
    // an output that is a symbolic link to the input, and an input reached through one
    const before = fs.readFileSync(input, "utf8");
    const linkOut = path.join(dir, "b.ipynb");
    fs.symlinkSync(input, linkOut);
    const onto = actnb("export", input, "--to", "ipynb", "--out", linkOut, "--force");
    assert.strictEqual(onto.code, 2);
    assert.match(onto.stderr, /would overwrite the input/);
    const alias = path.join(dir, "alias.ipynb");
    fs.symlinkSync(out, alias);
    const viaLink = actnb("export", alias, "--to", "ipynb", "--out", out, "--force");
    assert.strictEqual(viaLink.code, 2);
    assert.match(viaLink.stderr, /would overwrite the input/);
    assert.strictEqual(fs.readFileSync(input, "utf8"), before);
    assert.ok(fs.lstatSync(linkOut).isSymbolicLink());
  });

  it("a Python .ipynb is refused naming its language, not run as TypeScript", () => {
    const file = path.join(dir, "py.ipynb");
    fs.writeFileSync(file, JSON.stringify({
      nbformat: 4, nbformat_minor: 5,
      metadata: { kernelspec: { name: "python3", display_name: "Python 3", language: "python" }, language_info: { name: "python" } },
      cells: [{ id: "a", cell_type: "code", execution_count: null, metadata: {}, outputs: [], source: ["print(1)"] }],
    }));
    const r = actnb("run", file);
    assert.strictEqual(r.code, 1);
    assert.match(r.stderr, /^actnb: py\.ipynb has python cells; the Activation Kernel runs TypeScript and JavaScript\n$/);
  });

  it("a folder where a notebook belongs is one line, not a stack", () => {
    const folder = path.join(dir, "nb.actnb");
    fs.mkdirSync(folder);
    const r = actnb("run", folder);
    assert.strictEqual(r.code, 1);
    assert.match(r.stderr, /^actnb: .*nb\.actnb: it is a directory\n$/);
    const out = actnb("export", FIXTURE, "--to", "actnb", "--out", folder, "--force");
    assert.strictEqual(out.code, 1);
    assert.match(out.stderr, /^actnb: cannot save .*nb\.actnb: it is a directory; the file on disk is unchanged\n$/);
  });

  it("exports to .ipynb and back, and runs the .ipynb", () => {
    const ipynb = path.join(dir, "relu.ipynb");
    assert.strictEqual(actnb("export", FIXTURE, "--to", "ipynb", "--out", ipynb).code, 0);
    const doc = JSON.parse(fs.readFileSync(ipynb, "utf8"));
    assert.strictEqual(doc.nbformat, 4);
    assert.strictEqual(doc.metadata.kernelspec.name, "tslab");
    const back = path.join(dir, "relu.actnb");
    assert.strictEqual(actnb("export", ipynb, "--to", "actnb").code, 0);
    assert.strictEqual(fs.readFileSync(back, "utf8"), fs.readFileSync(FIXTURE, "utf8"));
    const r = actnb("run", ipynb, "--check");
    assert.strictEqual(r.code, 0, r.stderr);
  });
});

describe("actnb command line: no orphans, no leftovers", function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-cli-")); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const kernelFolders = () => new Set(fs.readdirSync(os.tmpdir()).filter((n) => /^actnb-kernel-\d+-/.test(n)));
  const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  // a loop right away, and one that starts after an await (when the cell's own code has returned)
  for (const [when, source] of [["a busy cell", 'console.log("spinning"); while (true) {}'],
    ["a cell busy after an await", 'await new Promise((r) => setTimeout(r, 10)); console.log("spinning"); while (true) {}']]) {
  it(`kill -9 of the CLI during ${when} takes the kernel and its temporary folder with it`, async () => {
    const file = path.join(dir, "busy.actnb");
    fs.writeFileSync(file, JSON.stringify({ actnb: 1, metadata: {}, cells: [{ kind: "code", language: "typescript", metadata: {}, source, outputs: [] }] }));
    const before = kernelFolders();
    const cli = require("child_process").spawn(process.execPath, [BIN, "run", file], { stdio: ["ignore", "pipe", "ignore"] });
    after(() => cli.kill("SIGKILL")); // however the test ends
    let printed = "";
    cli.stdout.on("data", (d: Buffer) => { printed += d.toString(); });
    // the cell has printed, so it is in its loop
    for (let i = 0; i < 150 && !printed.includes("spinning"); i++) await sleep(100);
    assert.ok(printed.includes("spinning"), "the cell never started");
    const folder = [...kernelFolders()].find((n) => !before.has(n));
    assert.ok(folder, "no kernel folder");
    const kernelPid = Number(/^actnb-kernel-(\d+)-/.exec(folder!)![1]);
    await sleep(300);
    assert.ok(alive(kernelPid));
    cli.kill("SIGKILL");
    for (let i = 0; i < 50 && alive(kernelPid); i++) await sleep(100);
    assert.ok(!alive(kernelPid), "the kernel outlived its host");
    assert.ok(!fs.existsSync(path.join(os.tmpdir(), folder!)), "the kernel's temporary folder is left behind");
  });
  }

  it("a kernel sweeps the folders that kernels killed before it left behind", () => {
    const stale = path.join(os.tmpdir(), "actnb-kernel-2147483646-stale");
    fs.mkdirSync(stale, { recursive: true });
    // earlier versions named the folder without the kernel's pid: swept once a day old
    const legacyOld = path.join(os.tmpdir(), "actnb-kernel-Ab3xYz");
    const legacyNew = path.join(os.tmpdir(), "actnb-kernel-Qr7uVw");
    for (const d of [legacyOld, legacyNew]) fs.mkdirSync(d, { recursive: true });
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    fs.utimesSync(legacyOld, twoDaysAgo, twoDaysAgo);
    const r = spawnSync(process.execPath, [BIN, "run", FIXTURE, "--quiet"], { encoding: "utf8", cwd: ROOT });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.ok(!fs.existsSync(stale), "the stale folder is still there");
    assert.ok(!fs.existsSync(legacyOld), "the day-old folder of an earlier version is still there");
    assert.ok(fs.existsSync(legacyNew), "a recent folder of an earlier version (its kernel may run) was removed");
    fs.rmSync(legacyNew, { recursive: true, force: true });
    assert.deepStrictEqual([...kernelFolders()].filter((n) => n.startsWith(`actnb-kernel-${r.pid}`)), []);
  });
});

describe("actnb command line: bounded output and memory", function () {
  this.timeout(120000);
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-cli-")); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const notebook = (source: string) => {
    const file = path.join(dir, "nb.actnb");
    fs.writeFileSync(file, JSON.stringify({ actnb: 1, metadata: {}, cells: [{ kind: "code", language: "typescript", metadata: {}, source, outputs: [] }] }));
    return file;
  };

  it("a cell that prints a million lines is cut in the kernel, with a note of how much was dropped, and the saved notebook stays small", () => {
    const file = notebook('for (let i = 0; i < 1e6; i++) console.log("line " + i);');
    const out = path.join(dir, "out.actnb");
    const r = spawnSync(process.execPath, [BIN, "run", file, "--out", out], { encoding: "utf8", cwd: ROOT, maxBuffer: 64 * 2 ** 20 });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.ok(r.stdout.length <= 4 * 2 ** 20, `printed ${r.stdout.length} characters`);
    assert.match(r.stderr, /\[output cut: the cell printed \d+\.\d MB \([\d,]+ lines\) more than the 4\.0 MB a cell shows; the kernel dropped it\]/);
    assert.ok(fs.statSync(out).size < 6 * 2 ** 20, `saved ${fs.statSync(out).size} bytes`);
  });

  it("the CLI's kernel has a heap limit (--memory-limit): a runaway allocation ends it quickly, saying so", () => {
    const file = notebook("const keep: number[][] = []; for (;;) keep.push(new Array(1e6).fill(1));");
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [BIN, "run", file, "--memory-limit", "256"], { encoding: "utf8", cwd: ROOT });
    assert.strictEqual(r.status, 1);
    assert.match(r.stderr, /out of memory/i);
    assert.ok(Date.now() - t0 < 60000, `took ${Date.now() - t0} ms`);
    assert.strictEqual(spawnSync(process.execPath, [BIN, "run", file, "--memory-limit", "12"], { encoding: "utf8", cwd: ROOT }).status, 2);
  });
});
