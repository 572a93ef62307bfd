// `npm run bench`: the engine next to TensorFlow.js (tfjs-core + CPU backend) in this process,
// interleaved, and PyTorch (one thread) in a subprocess when it is installed. Before each item
// is timed, the engine and tfjs run it on the same inputs and their numbers are compared.
// Not a test: nothing here asserts a time. Exit status is non-zero only when a check fails or
// the engine throws.
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { torch, nn, F, memoryStats } from "../kernel/index";
import type { Tensor } from "../kernel/index";
import { tf, setupTfjs, makeTfGelu, tfSilu } from "./tfjs";
import { setWasmEnabled, wasmStatus } from "../kernel/engine/wasm/index";
import { Check, Runner, compare, fmtBytes, fmtMs, fmtRatio, interleaved, markdownTable, peakRssBytes, settle } from "./harness";

type Act = "relu" | "gelu" | "silu";

interface Item {
  key: string;
  label: string;
  kind: string; // fwd:<act> | fwdbwd:<act> | matmul | mlp (shared with torch_bench.py)
  size: number;
  warmup: number;
  reps: number;
  flops?: number;
}

interface Outcome {
  item: Item;
  engine?: number;
  /** The engine on its JS loops (WebAssembly kernels switched off). */
  engineJs?: number;
  tfjs?: number;
  torch?: number;
  check?: Check;
  error?: string;
}

// Transcendental ops (erf, exp) and float32 sums of products: compared at 1e-4 of max(1, max|value|).
const TOL = 1e-4;

const plan: Item[] = [];
for (const [n, warmup, reps, label] of [[1e6, 2, 9, "1e6"], [1e7, 1, 3, "1e7"]] as const) {
  for (const act of ["relu", "gelu", "silu"] as Act[]) {
    plan.push({ key: `fwd-${act}-${label}`, label: `${act} forward, ${label}`, kind: `fwd:${act}`, size: n, warmup, reps });
  }
}
for (const [n, warmup, reps, label] of [[1e6, 2, 7, "1e6"], [1e7, 1, 3, "1e7"]] as const) {
  for (const act of ["relu", "gelu", "silu"] as Act[]) {
    plan.push({ key: `fwdbwd-${act}-${label}`, label: `${act} forward+backward, ${label}`, kind: `fwdbwd:${act}`, size: n, warmup, reps });
  }
}
for (const [n, warmup, reps] of [[256, 2, 9], [512, 1, 5], [1024, 1, 3]] as const) {
  plan.push({ key: `matmul-${n}`, label: `matmul ${n}×${n}`, kind: "matmul", size: n, warmup, reps, flops: 2 * n ** 3 });
}
plan.push({ key: "mlp-step", label: "MLP 64→256→256→1 train step, batch 128", kind: "mlp", size: 128, warmup: 3, reps: 15 });

// ---------------------------------------------------------------------------------------------
// The work, on both sides.

const engineAct: Record<Act, (x: Tensor) => Tensor> = { relu: (x) => F.relu(x), gelu: (x) => F.gelu(x), silu: (x) => F.silu(x) };
let tfAct: Record<Act, (x: tf.Tensor) => tf.Tensor>;

const release: Runner["release"] = (r) => { if (r) tf.dispose(r as tf.Tensor); };

interface Prepared {
  /** The engine call, spelled out for error reports. */
  call: string;
  check(): Check;
  engine: Runner;
  tfjs: Runner;
  done(): void;
}

function prepare(item: Item): Prepared {
  const [kind, act] = item.kind.split(":") as [string, Act];
  const n = item.size;
  if (kind === "fwd") {
    const x = torch.randn(n);
    const xt = tf.tensor1d(x.toArray() as Float32Array);
    return {
      call: `F.${act}(x) with x = torch.randn(${n})`,
      check: () => {
        const ours = engineAct[act](x).toArray();
        const theirs = tfAct[act](xt);
        const c = compare(ours, theirs.dataSync(), act === "relu" ? 0 : TOL);
        theirs.dispose();
        return c;
      },
      engine: { run: () => { engineAct[act](x); } },
      tfjs: { run: () => tfAct[act](xt), release },
      done: () => xt.dispose(),
    };
  }
  if (kind === "fwdbwd") {
    const x = torch.randn(n, { requires_grad: true });
    const xt = tf.tensor1d(x.detach().toArray() as Float32Array);
    const grad = tf.grad((v: tf.Tensor) => tf.sum(tfAct[act](v)));
    const step = () => { x.grad = null; engineAct[act](x).sum().backward(); };
    return {
      call: `F.${act}(x).sum().backward() with x = torch.randn(${n}, {requires_grad: true})`,
      check: () => {
        step();
        const theirs = grad(xt);
        const c = compare(x.grad!.toArray(), theirs.dataSync(), act === "relu" ? 0 : TOL);
        theirs.dispose();
        return c;
      },
      engine: { run: step },
      tfjs: { run: () => grad(xt), release },
      done: () => xt.dispose(),
    };
  }
  if (kind === "matmul") {
    const a = torch.randn(n, n), b = torch.randn(n, n);
    const at = tf.tensor2d(a.toArray() as Float32Array, [n, n]), bt = tf.tensor2d(b.toArray() as Float32Array, [n, n]);
    return {
      call: `torch.randn(${n}, ${n}).matmul(torch.randn(${n}, ${n}))`,
      check: () => {
        const ours = a.matmul(b).toArray();
        const theirs = tf.matMul(at, bt);
        const c = compare(ours, theirs.dataSync(), TOL);
        theirs.dispose();
        return c;
      },
      engine: { run: () => { a.matmul(b); } },
      tfjs: { run: () => tf.matMul(at, bt), release },
      done: () => { at.dispose(); bt.dispose(); },
    };
  }
  if (kind === "mlp") return prepareMlp(n);
  throw new Error(`unknown work ${item.kind}`);
}

function prepareMlp(batch: number): Prepared {
  const layers = [new nn.Linear(64, 256), new nn.Linear(256, 256), new nn.Linear(256, 1)];
  const model = new nn.Sequential(layers[0], new nn.ReLU(), layers[1], new nn.ReLU(), layers[2]);
  const lossFn = new nn.MSELoss();
  const opt = new torch.optim.SGD(model.parameters(), { lr: 0.01 });
  const x = torch.randn(batch, 64), y = torch.randn(batch, 1);
  const engineStep = (): Tensor => {
    opt.zero_grad();
    const loss = lossFn(model(x), y) as Tensor;
    loss.backward();
    opt.step();
    return loss;
  };

  // tfjs: the same weights (transposed to [in, out] for x·W), the same data, tf.train.sgd.
  const ws = layers.map((l) => tf.variable(tf.tensor2d(l.weight.t().toArray() as Float32Array, [l.in_features, l.out_features])));
  const bs = layers.map((l) => tf.variable(tf.tensor1d(l.bias!.detach().toArray() as Float32Array)));
  const xt = tf.tensor2d(x.toArray() as Float32Array, [batch, 64]), yt = tf.tensor2d(y.toArray() as Float32Array, [batch, 1]);
  const optimizer = tf.train.sgd(0.01);
  const varList = [...ws, ...bs];
  const forwardLoss = (): tf.Scalar => {
    // tf.fused.matMul is what tf.layers.dense runs: matmul + bias + activation in one kernel call.
    const h1 = tf.fused.matMul({ a: xt, b: ws[0], bias: bs[0], activation: "relu" });
    const h2 = tf.fused.matMul({ a: h1, b: ws[1], bias: bs[1], activation: "relu" });
    const out = tf.fused.matMul({ a: h2, b: ws[2], bias: bs[2] });
    return tf.mean(tf.squaredDifference(out, yt)) as tf.Scalar;
  };
  const tfStep = () => optimizer.minimize(forwardLoss, true, varList);

  return {
    call: "opt.zero_grad(); lossFn(model(x), y).backward(); opt.step() with model = nn.Sequential(Linear(64,256), ReLU(), Linear(256,256), ReLU(), Linear(256,1)), MSELoss, SGD lr 0.01",
    check: () => {
      const ours = engineStep().item();
      const theirsTensor = tfStep()!;
      const theirs = theirsTensor.dataSync()[0];
      theirsTensor.dispose();
      const lossCheck = compare([ours], [theirs], TOL);
      // After one step from the same weights, every updated parameter must agree too.
      let worst = lossCheck;
      layers.forEach((l, i) => {
        for (const c of [compare(l.weight.t().toArray(), ws[i].dataSync(), TOL), compare(l.bias!.detach().toArray(), bs[i].dataSync(), TOL)]) {
          if (!c.ok || c.rel > worst.rel) worst = c;
        }
      });
      return { ...worst, ok: lossCheck.ok && worst.ok, text: `loss ${ours.toPrecision(6)} vs ${theirs.toPrecision(6)}; worst of loss and updated parameters: ${worst.text}` };
    },
    engine: { run: engineStep },
    tfjs: { run: tfStep, release },
    done: () => { tf.dispose([...varList, xt, yt]); optimizer.dispose(); },
  };
}

// ---------------------------------------------------------------------------------------------
// PyTorch, in a subprocess.

interface TorchRun { version?: string; results?: Record<string, number>; note: string }

function runTorch(items: Item[]): TorchRun {
  const python = "/usr/bin/python3";
  const probe = spawnSync(python, ["-c", "import torch"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) return { note: `PyTorch not found (${python} -c 'import torch' failed): PyTorch column left empty` };
  const script = path.resolve(__dirname, "../../bench/torch_bench.py");
  const planJson = JSON.stringify(items.map(({ key, kind, size, warmup, reps }) => ({ key, kind, size, warmup, reps })));
  const run = spawnSync(python, [script, planJson], { encoding: "utf8", timeout: 180_000 });
  if (run.error || run.status !== 0) {
    return { note: `PyTorch run failed: ${run.error?.message ?? run.stderr.trim().split("\n").slice(-3).join(" / ")}` };
  }
  const out = JSON.parse(run.stdout.trim().split("\n").pop()!) as { torch: string; threads: number; results: Record<string, number> };
  return { version: out.torch, results: out.results, note: `PyTorch ${out.torch}, torch.set_num_threads(${out.threads}), separate process` };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = Date.now();
  const versions = await setupTfjs();
  const gelu = makeTfGelu();
  tfAct = { relu: (x) => tf.relu(x), gelu, silu: tfSilu };
  torch.manual_seed(0);

  console.log(`engine vs @tensorflow/tfjs-core ${versions.coreVersion} + @tensorflow/tfjs-backend-cpu ${versions.cpuVersion} (backend '${tf.getBackend()}'), node ${process.version}`);
  const wasm = wasmStatus();
  console.log(`engine kernels: ${wasm.active ? "WebAssembly SIMD" : `JS loops (${wasm.reason})`}; also timed with them switched off ("JS loops")`);
  console.log("tfjs has no gelu or silu: gelu is x·(0.5 + 0.5·erf(x·√½)) (mul, erf, mul, add, mul), silu is x·sigmoid(x)");
  console.log("");

  const outcomes: Outcome[] = [];
  let tfPeakBytes = 0;
  const sampleTf = () => { const b = tf.memory().numBytes; if (b > tfPeakBytes) tfPeakBytes = b; };

  for (const item of plan) {
    const outcome: Outcome = { item };
    outcomes.push(outcome);
    let prepared: Prepared | undefined;
    let stage = "setup";
    try {
      prepared = prepare(item);
      stage = "check";
      outcome.check = prepared.check();
      console.log(`check ${outcome.check.ok ? "ok      " : "MISMATCH"} ${item.label}: ${outcome.check.text}`);
      if (!outcome.check.ok) console.log(`  !!! engine and tfjs disagree on ${prepared.call}`);
      stage = "timing";
      const js = prepared.engine;
      const engineJs: Runner = { run: () => { const was = setWasmEnabled(false); try { return js.run(); } finally { setWasmEnabled(was); } } };
      const t = await interleaved({ engine: prepared.engine, engineJs, tfjs: prepared.tfjs }, item.warmup, item.reps, sampleTf);
      outcome.engine = t.engine;
      outcome.engineJs = t.engineJs;
      outcome.tfjs = t.tfjs;
      console.log(`      ${item.label}: engine ${fmtMs(t.engine)} ms (JS loops ${fmtMs(t.engineJs)} ms), tfjs ${fmtMs(t.tfjs)} ms (median of ${item.reps} after ${item.warmup} warm-up)`);
    } catch (e) {
      const err = e as Error;
      outcome.error = `${stage}: ${prepared?.call ?? item.label} threw ${err.name}: ${err.message}`;
      console.log(`!!! ERROR ${item.label}: ${outcome.error}`);
      if (err.stack) console.log(err.stack.split("\n").slice(1, 6).join("\n"));
    } finally {
      try { prepared?.done(); } catch { /* already reported */ }
      await settle();
    }
  }

  console.log("");
  console.log("PyTorch: running bench/torch_bench.py …");
  const pt = runTorch(plan);
  for (const o of outcomes) o.torch = pt.results?.[o.item.key];

  const mem = memoryStats();
  const rss = peakRssBytes();

  const rows = outcomes.map((o) => {
    const flag = o.error ? " (ERROR)" : o.check && !o.check.ok ? " (MISMATCH)" : "";
    return [o.item.label + flag, fmtMs(o.engine), fmtMs(o.engineJs), fmtMs(o.tfjs), fmtMs(o.torch), fmtRatio(o.engine, o.tfjs), fmtRatio(o.engine, o.torch)];
  });
  const table = markdownTable(["work", "engine ms", "engine JS loops ms", "tfjs-cpu ms", "PyTorch ms", "engine/tfjs", "engine/PyTorch"], rows);

  const gf = (flops: number, ms?: number) => (ms === undefined ? "–" : (flops / (ms * 1e6)).toFixed(2));
  const mm = outcomes.filter((o) => o.item.flops);
  const gflopsTable = markdownTable(["matmul", "engine GFLOP/s", "engine JS loops GFLOP/s", "tfjs-cpu GFLOP/s", "PyTorch GFLOP/s"],
    mm.map((o) => [o.item.label, gf(o.item.flops!, o.engine), gf(o.item.flops!, o.engineJs), gf(o.item.flops!, o.tfjs), gf(o.item.flops!, o.torch)]));

  const memLines = [
    `- peak RSS of the node process (engine and tfjs together, sampled after every timed run): ${fmtBytes(rss)}`,
    `- engine memoryStats(): peakBytes ${fmtBytes(mem.peakBytes)}, wasmBytes ${fmtBytes(mem.wasmBytes)}, heapBytes ${fmtBytes(mem.heapBytes)}, liveBytes ${fmtBytes(mem.liveBytes)} (at the end)`,
    `- tfjs tf.memory().numBytes, largest seen after a timed run: ${fmtBytes(tfPeakBytes)}`,
  ];

  const failures = outcomes.filter((o) => o.error || (o.check && !o.check.ok));
  const checkLines = outcomes.map((o) => `- ${o.item.label}: ${o.error ? `ERROR ${o.error}` : `${o.check!.ok ? "ok" : "MISMATCH"}, ${o.check!.text}`}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);

  const env = [
    `- engine: ${wasm.active ? "WebAssembly SIMD kernels (kernel/engine/wasm)" : `JS loops only (wasm kernels inactive: ${wasm.reason})`}; the "engine JS loops" column is the same engine with the kernels switched off (setWasmEnabled(false)), interleaved with the other two`,
    `- tfjs: @tensorflow/tfjs-core ${versions.coreVersion}, @tensorflow/tfjs-backend-cpu ${versions.cpuVersion} (pure JavaScript CPU backend), same process, interleaved with the engine`,
    `- ${pt.note}`,
    `- node ${process.version}, ${require("os").cpus().length} cores (${require("os").cpus()[0]?.model ?? "unknown CPU"}), run took ${seconds} s, load average at the end ${require("os").loadavg().map((l: number) => l.toFixed(1)).join(" ")} (other work on the machine makes the numbers noisier)`,
    "- medians of several repetitions after warm-up (PyTorch: 3 more warm-ups and 3× the repetitions, as it is cheap to repeat); float32 throughout; ratios above 1× mean the engine is slower",
    "- tfjs has no gelu or silu op: gelu (exact, erf) is composed as x·(0.5 + 0.5·erf(x·√½)) (5 kernels), silu as x·sigmoid(x); tfjs's erf is Abramowitz–Stegun 7.1.26 (|error| < 1.5e-7)",
    "- tfjs MLP uses tf.fused.matMul (matmul + bias + ReLU, as tf.layers.dense does) and tf.train.sgd via optimizer.minimize",
  ];

  const md = [
    "# Engine benchmark",
    "",
    "Written by `npm run bench` (bench/engine.ts); overwritten on every run. Numbers are from one run on the machine described below.",
    "",
    table,
    "",
    gflopsTable,
    "",
    "## Memory",
    "",
    ...memLines,
    "",
    "## Same numbers? (engine vs tfjs, same inputs, checked before timing)",
    "",
    ...checkLines,
    "",
    "## Setup",
    "",
    ...env,
    "",
  ].join("\n");
  fs.writeFileSync(path.resolve(__dirname, "../../bench/RESULTS.md"), md);

  console.log("");
  console.log(table);
  console.log("");
  console.log(gflopsTable);
  console.log("");
  console.log(memLines.join("\n"));
  console.log(env.slice(1, 3).join("\n"));
  console.log("results written to bench/RESULTS.md");
  if (failures.length) {
    console.log("");
    console.log(`!!! ${failures.length} item(s) failed:`);
    for (const f of failures) console.log(`!!!   ${f.item.label}: ${f.error ?? f.check!.text}`);
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
