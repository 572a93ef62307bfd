// Kernel latency: cold start (spawn to the first result) and the round trip of a trivial cell in
// a warm kernel, next to peers measured in the same run: a bare `node` process for the cold
// start, and tslab's own in-process executor for the per-cell cost.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { KernelClient } from "../kernel/executor/client";
import { median } from "./harness";
import { parseNotebookBytes } from "../kernel/format";

const REPS_COLD = 5;
const REPS_WARM = 40;

async function coldStart(dir: string): Promise<number> {
  const t0 = performance.now();
  const k = new KernelClient({ notebookDir: dir });
  await k.execute("1 + 1");
  const ms = performance.now() - t0;
  await k.shutdown();
  return ms;
}

function bareNode(): number {
  const t0 = performance.now();
  spawnSync(process.execPath, ["-e", "console.log(1 + 1)"]);
  return performance.now() - t0;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "actnb-bench-"));
  const cold: number[] = [], node: number[] = [];
  for (let i = 0; i < REPS_COLD; i++) { cold.push(await coldStart(dir)); node.push(bareNode()); }

  const k = new KernelClient({ notebookDir: dir });
  await k.execute("const warm = 1;");
  const warm: number[] = [];
  for (let i = 0; i < REPS_WARM; i++) {
    const t0 = performance.now();
    await k.execute("warm + 1");
    warm.push(performance.now() - t0);
  }
  await k.shutdown();

  // tslab's executor, in this process: conversion and evaluation with no process hop
  const { createConverter } = require("tslab/dist/converter");
  const { createExecutor } = require("tslab/dist/executor");
  const cwd = process.cwd();
  const conv = createConverter();
  const quiet = { log: () => undefined, error: () => undefined } as unknown as Console;
  const exec = createExecutor(cwd, { node: conv, browser: conv, close: () => conv.close() }, quiet);
  await exec.execute("const warm = 1;");
  const tslab: number[] = [];
  for (let i = 0; i < REPS_WARM; i++) {
    const t0 = performance.now();
    await exec.execute("warm + 1");
    tslab.push(performance.now() - t0);
  }
  exec.close();

  // the whole guide in one kernel: time, and the kernel process's resident memory (peak and end)
  const guide = new KernelClient({ notebookDir: dir });
  const g0 = performance.now();
  for (const f of fs.readdirSync(path.join(__dirname, "../../notebooks")).filter((n) => n.endsWith(".actnb")).sort()) {
    const nb = parseNotebookBytes(fs.readFileSync(path.join(__dirname, "../../notebooks", f)), f);
    for (const cell of nb.cells) if (cell.kind === "code") await guide.execute(cell.source);
  }
  const guideMs = performance.now() - g0;
  const status = fs.readFileSync(`/proc/${guide.pid}/status`, "utf8");
  const kib = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  const peakMiB = kib("VmHWM") / 1024, endMiB = kib("VmRSS") / 1024;
  await guide.shutdown();
  fs.rmSync(dir, { recursive: true, force: true });

  // the whole guide headless, as a user runs it: `actnb run` on each notebook, a fresh kernel each
  const cli = path.join(__dirname, "../../kernel/bin/actnb.js");
  const h0 = performance.now();
  const notebooks = fs.readdirSync(path.join(__dirname, "../../notebooks")).filter((n) => n.endsWith(".actnb")).sort();
  for (const f of notebooks) {
    const r = spawnSync(process.execPath, [cli, "run", path.join(__dirname, "../../notebooks", f)], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`actnb run ${f} failed (exit ${r.status}): ${r.stderr || r.stdout}`);
  }
  const headlessMs = performance.now() - h0;

  const row = (work: string, ours: number, peer: number, peerName: string) =>
    `| ${work} | ${ours.toFixed(1)} | ${peer.toFixed(1)} (${peerName}) | ${(ours / peer).toFixed(2)}× |`;
  const lines = [
    "| work | actnb kernel ms (median) | peer ms | ratio |",
    "|---|---:|---:|---:|",
    row("cold start: spawn to first result", median(cold), median(node), "bare node -e"),
    row("trivial cell round trip, warm kernel", median(warm), median(tslab), "tslab executor in-process"),
  ];
  lines.push("", `Every guide notebook in one kernel: ${(guideMs / 1000).toFixed(1)} s; kernel process resident memory ${peakMiB.toFixed(0)} MiB at peak, ${endMiB.toFixed(0)} MiB at the end.`);
  lines.push(`The whole guide headless (\`actnb run\` on each of the ${notebooks.length} notebooks, a fresh kernel each): ${(headlessMs / 1000).toFixed(1)} s.`);
  const met = (ok: boolean) => (ok ? "yes" : "no");
  lines.push(
    "",
    "| target (issue #8) | measured | met? |",
    "|---|---:|---:|",
    `| kernel cold start to the first result under 1.5 s | ${(median(cold) / 1000).toFixed(2)} s | ${met(median(cold) < 1500)} |`,
    `| trivial cell round trip in a warm kernel under 30 ms (median) | ${median(warm).toFixed(1)} ms | ${met(median(warm) < 30)} |`,
    `| the whole guide headless under 60 s | ${(headlessMs / 1000).toFixed(1)} s | ${met(headlessMs < 60_000)} |`,
    `| every guide notebook in one kernel under 500 MB resident | ${peakMiB.toFixed(0)} MiB peak (${((peakMiB * 2 ** 20) / 1e6).toFixed(0)} MB) | ${met(peakMiB * 2 ** 20 < 500e6)} |`,
  );
  console.log(lines.join("\n"));
  const out = path.join(__dirname, "../../bench/KERNEL.md");
  fs.writeFileSync(out, `# Kernel latency\n\nWritten by \`npm run bench\` (bench/kernel.ts).\n\n${lines.join("\n")}\n`);
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
