// `npm run bench`: the engine next to TensorFlow.js (tfjs-core with its pure-JS CPU backend and
// its WebAssembly SIMD backend) in this process, interleaved, and PyTorch (one thread) in a
// subprocess when it is installed. Before each item is timed, every system runs it on the same
// inputs and the numbers are compared with the engine's. At the end, each target of the speed
// issue is listed as met or not, from the figures of this run.
// Not a test: nothing here asserts a time. Exit status is non-zero only when a check fails or
// the engine throws.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { torch, nn, F, memoryStats } from "../kernel/index";
import type { Tensor } from "../kernel/index";
import { tf, setupTfjs, tfActivations, useBackend, TfBackend, TF_BACKENDS } from "./tfjs";
import { setWasmEnabled, wasmKernels, wasmStatus } from "../kernel/engine/wasm/index";
import { resetPeak } from "../kernel/engine/storage/allocator";
import { DEFAULT_THREADS, chunksRun, setThreads, warmThreads } from "../kernel/engine/wasm/threads";
import { performance } from "perf_hooks";
import { Check, Runner, compare, fmtBytes, fmtMs, fmtRatio, interleaved, markdownTable, median, peakRssBytes, settle } from "./harness";
import { Outcome, Item, SIDES, Side, targetRows } from "./targets";

// The guide's activations, as the issue lists them; the first three are also timed with backward.
const ACTS = ["relu", "leaky_relu", "relu6", "elu", "sigmoid", "tanh", "silu", "gelu", "gelu_tanh", "softplus", "mish", "hardswish"] as const;
type Act = typeof ACTS[number];
const FWD_BWD: Act[] = ["relu", "gelu", "silu"];
/**
 * Selects only: every system must give the same bits. (leaky_relu's x·0.01 is not compared
 * exactly: tfjs-cpu multiplies by the double 0.01, the engine and PyTorch by float32 0.01.)
 */
const EXACT = new Set<Act>(["relu", "relu6"]);

// Transcendental ops (erf, exp) and float32 sums of products: compared at 1e-4 of max(1, max|value|).
const TOL = 1e-4;

// Items of a few milliseconds are timed in bursts of calls in a row (see interleaved()); the
// long ones one call per turn.
const plan: Item[] = [];
for (const [n, warmup, reps, burst, label] of [[1e6, 2, 5, 3, "1e6"], [1e7, 1, 3, 1, "1e7"]] as const) {
  for (const act of ACTS) plan.push({ key: `fwd-${act}-${label}`, label: `${act} forward, ${label}`, kind: `fwd:${act}`, size: n, warmup, reps, burst });
}
for (const [n, warmup, reps, burst, label] of [[1e6, 2, 5, 3, "1e6"], [1e7, 1, 3, 1, "1e7"]] as const) {
  for (const act of FWD_BWD) plan.push({ key: `fwdbwd-${act}-${label}`, label: `${act} forward+backward, ${label}`, kind: `fwdbwd:${act}`, size: n, warmup, reps, burst });
}
for (const [n, warmup, reps, burst] of [[256, 2, 5, 3], [512, 1, 5, 3], [1024, 1, 3, 1]] as const) {
  plan.push({ key: `matmul-${n}`, label: `matmul ${n}×${n}`, kind: "matmul", size: n, warmup, reps, burst, flops: 2 * n ** 3 });
}
plan.push({ key: "mlp-step", label: "MLP 64→256→256→1 train step, batch 128", kind: "mlp", size: 128, warmup: 3, reps: 10, burst: 3 });

// ---------------------------------------------------------------------------------------------
// The work, on every side.

const engineAct: Record<Act, (x: Tensor) => Tensor> = {
  relu: (x) => F.relu(x),
  leaky_relu: (x) => F.leaky_relu(x, 0.01),
  relu6: (x) => F.relu6(x),
  elu: (x) => F.elu(x),
  sigmoid: (x) => F.sigmoid(x),
  tanh: (x) => F.tanh(x),
  silu: (x) => F.silu(x),
  gelu: (x) => F.gelu(x),
  gelu_tanh: (x) => F.gelu(x, { approximate: "tanh" }),
  softplus: (x) => F.softplus(x),
  mish: (x) => F.mish(x),
  hardswish: (x) => F.hardswish(x),
};
let tfAct: Record<string, (x: tf.Tensor) => tf.Tensor>;

const release: Runner["release"] = (r) => { if (r) tf.dispose(r as tf.Tensor); };

/** One tfjs backend's side of an item: its own input tensors, made while it was active. */
interface TfSide { runner: Runner; check(): Check; done(): void }

interface Prepared {
  /** The engine call, spelled out for error reports. */
  call: string;
  engine: () => unknown;
  /** The engine's numbers to compare, computed once. */
  engineValues(): ArrayLike<number>;
  tolerance: number;
  tfjs(backend: TfBackend): TfSide;
}

function tfSide(backend: TfBackend, make: () => { run: () => unknown; values: () => ArrayLike<number>; done: () => void }, ours: () => ArrayLike<number>, tol: number): TfSide {
  useBackend(backend);
  const side = make();
  return {
    runner: { before: () => useBackend(backend), run: side.run, release },
    check: () => {
      useBackend(backend);
      return compare(ours(), side.values(), tol);
    },
    done: () => { useBackend(backend); side.done(); },
  };
}

function prepare(item: Item): Prepared {
  const [kind, act] = item.kind.split(":") as [string, Act];
  const n = item.size;
  const tol = EXACT.has(act) ? 0 : TOL;
  if (kind === "fwd") {
    const x = torch.randn(n);
    const xs = x.toArray() as Float32Array;
    let ours: ArrayLike<number> | undefined;
    const engineValues = () => (ours ??= engineAct[act](x).toArray() as Float32Array);
    return {
      call: `${act}(x) with x = torch.randn(${n})`,
      engine: () => engineAct[act](x),
      engineValues,
      tolerance: tol,
      tfjs: (b) => tfSide(b, () => {
        const xt = tf.tensor1d(xs);
        return {
          run: () => tfAct[act](xt),
          values: () => { const t = tfAct[act](xt); const v = t.dataSync(); t.dispose(); return v; },
          done: () => xt.dispose(),
        };
      }, engineValues, tol),
    };
  }
  if (kind === "fwdbwd") {
    const x = torch.randn(n, { requires_grad: true });
    const xs = x.detach().toArray() as Float32Array;
    const step = () => { x.grad = null; engineAct[act](x).sum().backward(); };
    let ours: ArrayLike<number> | undefined;
    const engineValues = () => { if (!ours) { step(); ours = x.grad!.toArray() as Float32Array; } return ours; };
    return {
      call: `${act}(x).sum().backward() with x = torch.randn(${n}, {requires_grad: true})`,
      engine: step,
      engineValues,
      tolerance: tol,
      tfjs: (b) => tfSide(b, () => {
        const xt = tf.tensor1d(xs);
        const grad = tf.grad((v: tf.Tensor) => tf.sum(tfAct[act](v)));
        return {
          run: () => grad(xt),
          values: () => { const t = grad(xt); const v = t.dataSync(); t.dispose(); return v; },
          done: () => xt.dispose(),
        };
      }, engineValues, tol),
    };
  }
  if (kind === "matmul") {
    const a = torch.randn(n, n), b = torch.randn(n, n);
    const as = a.toArray() as Float32Array, bs = b.toArray() as Float32Array;
    let ours: ArrayLike<number> | undefined;
    const engineValues = () => (ours ??= a.matmul(b).toArray() as Float32Array);
    return {
      call: `torch.randn(${n}, ${n}).matmul(torch.randn(${n}, ${n}))`,
      engine: () => a.matmul(b),
      engineValues,
      tolerance: TOL,
      tfjs: (backend) => tfSide(backend, () => {
        const at = tf.tensor2d(as, [n, n]), bt = tf.tensor2d(bs, [n, n]);
        return {
          run: () => tf.matMul(at, bt),
          values: () => { const t = tf.matMul(at, bt); const v = t.dataSync(); t.dispose(); return v; },
          done: () => { at.dispose(); bt.dispose(); },
        };
      }, engineValues, TOL),
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
  // tfjs starts from the weights as they are now; the engine's first step is the checked one.
  const weights = layers.map((l) => ({ w: l.weight.t().toArray() as Float32Array, b: l.bias!.detach().toArray() as Float32Array, in: l.in_features, out: l.out_features }));
  const xs = x.toArray() as Float32Array, ys = y.toArray() as Float32Array;
  const engineStep = (): Tensor => {
    opt.zero_grad();
    const loss = lossFn(model(x), y) as Tensor;
    loss.backward();
    opt.step();
    return loss;
  };
  let ours: number[] | undefined;
  /** The loss of the first step, then every updated parameter. */
  const engineValues = () => {
    if (!ours) {
      ours = [engineStep().item()];
      for (const l of layers) ours.push(...(l.weight.t().toArray() as Float32Array), ...(l.bias!.detach().toArray() as Float32Array));
    }
    return ours;
  };
  return {
    call: "opt.zero_grad(); lossFn(model(x), y).backward(); opt.step() with model = nn.Sequential(Linear(64,256), ReLU(), Linear(256,256), ReLU(), Linear(256,1)), MSELoss, SGD lr 0.01",
    engine: engineStep,
    engineValues,
    tolerance: TOL,
    tfjs: (backend) => tfSide(backend, () => {
      // the same weights (transposed to [in, out] for x·W), the same data, tf.train.sgd
      const ws = weights.map((l) => tf.variable(tf.tensor2d(l.w, [l.in, l.out])));
      const bs = weights.map((l) => tf.variable(tf.tensor1d(l.b)));
      const xt = tf.tensor2d(xs, [batch, 64]), yt = tf.tensor2d(ys, [batch, 1]);
      const optimizer = tf.train.sgd(0.01);
      const varList = [...ws, ...bs];
      const forwardLoss = (): tf.Scalar => {
        // tf.fused.matMul is what tf.layers.dense runs: matmul + bias + activation in one kernel call.
        const h1 = tf.fused.matMul({ a: xt, b: ws[0], bias: bs[0], activation: "relu" });
        const h2 = tf.fused.matMul({ a: h1, b: ws[1], bias: bs[1], activation: "relu" });
        const out = tf.fused.matMul({ a: h2, b: ws[2], bias: bs[2] });
        return tf.mean(tf.squaredDifference(out, yt)) as tf.Scalar;
      };
      const step = () => optimizer.minimize(forwardLoss, true, varList);
      let first: number[] | undefined;
      return {
        run: step,
        values: () => {
          if (!first) {
            const loss = step()!;
            first = [loss.dataSync()[0]];
            loss.dispose();
            ws.forEach((w, i) => first!.push(...w.dataSync(), ...bs[i].dataSync()));
          }
          return first;
        },
        done: () => { tf.dispose([...varList, xt, yt]); optimizer.dispose(); },
      };
    }, engineValues, TOL),
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
  const run = spawnSync(python, [script, planJson], { encoding: "utf8", timeout: 600_000 });
  if (run.error || run.status !== 0) {
    return { note: `PyTorch run failed: ${run.error?.message ?? run.stderr.trim().split("\n").slice(-3).join(" / ")}` };
  }
  const out = JSON.parse(run.stdout.trim().split("\n").pop()!) as { torch: string; threads: number; cores_used: number; results: Record<string, number> };
  return {
    version: out.torch, results: out.results,
    note: `PyTorch ${out.torch}, torch.set_num_threads(${out.threads}) and OMP/OPENBLAS/MKL_NUM_THREADS=1 (else OpenBLAS runs products on every core), separate process; it used ${out.cores_used.toFixed(2)} cores on average (CPU time / wall time)`,
  };
}

// ---------------------------------------------------------------------------------------------
// Extra measurements for the targets: copy bandwidth, and what an activation allocates.

/** relu forward and Float32Array.prototype.set over 1e7 floats, interleaved: both read and write 4e7 bytes. */
async function copyAndRelu(): Promise<{ setMs: number; reluMs: number }> {
  const n = 1e7;
  const src = new Float32Array(n).map(() => Math.random() - 0.5), dst = new Float32Array(n);
  const x = torch.tensor(src);
  setThreads(DEFAULT_THREADS);
  const t = await interleaved({ set: { run: () => dst.set(src) }, relu: { run: () => F.relu(x) } }, 2, 9);
  return { setMs: t.set, reluMs: t.relu };
}

/** Bytes each activation's forward allocates over 1e6 floats, without and with autograd, per output byte. */
function allocationPerOutputByte(): { act: Act; plain: number; graph: number }[] {
  const n = 1e6;
  const x = torch.randn(n), xg = torch.randn(n, { requires_grad: true });
  // The peak of live bytes during the call, over what was live before it: a collection the
  // allocation may trigger can only lower liveBytes, never this.
  const growth = (f: () => Tensor) => {
    const before = memoryStats().liveBytes;
    resetPeak();
    const y = f();
    const grown = memoryStats().peakBytes - before;
    void y;
    return grown / (n * 4);
  };
  return ACTS.map((act) => ({ act, plain: growth(() => engineAct[act](x)), graph: growth(() => engineAct[act](xg)) }));
}

/**
 * Why memory-bound ops at 1e6 trail PyTorch: F.relu over 1e6 floats; the relu kernel alone
 * writing into one block written again and again (as PyTorch's allocator hands back the output
 * that just died); and F.relu over 16 floats (the op's fixed cost). F.relu's output is a block
 * just allocated, since dead tensors come back only through a garbage collection: what F.relu
 * takes beyond the other two is memory that is no longer in cache. One thread; each after a
 * collection, one untimed call then 3 timed ones, as the bench's bursts; medians.
 */
async function reluWhereTheTimeGoes(): Promise<{ op: number; warmKernel: number; tiny: number }> {
  const k = wasmKernels()!;
  const n = 1e6;
  const x = torch.randn(n), warmOut = torch.empty(n), small = torch.randn(16);
  const was = setThreads(1);
  const times = { op: [] as number[], warmKernel: [] as number[], tiny: [] as number[] };
  const burst = async (into: keyof typeof times, call: () => void) => {
    await settle();
    for (let b = 0; b < 4; b++) {
      const t0 = performance.now();
      call();
      if (b > 0) times[into].push(performance.now() - t0);
    }
  };
  for (let i = 0; i < 30; i++) {
    await burst("op", () => F.relu(x));
    await burst("warmKernel", () => k.fwd_relu(x.storage.byteOffset, warmOut.storage.byteOffset, n, 0, 0, 0, 0));
    await burst("tiny", () => F.relu(small));
  }
  setThreads(was);
  return { op: median(times.op), warmKernel: median(times.warmKernel), tiny: median(times.tiny) };
}

/**
 * Milliseconds a call over `calls` calls in a row, the collections they cause included (the
 * garbage collected before, not between), and how many collections the engine ran meanwhile.
 */
async function inARow(run: () => unknown, calls: number): Promise<{ ms: number; collections: number }> {
  await settle();
  const before = memoryStats().collections, t0 = performance.now();
  for (let i = 0; i < calls; i++) run();
  return { ms: (performance.now() - t0) / calls, collections: memoryStats().collections - before };
}

interface OutRow { work: string; threads: number; fresh: number; out: number; freshLoop: number; outLoop: number; collections: number }

/**
 * What out= saves a hot loop: sigmoid, add and threshold over 1e6 floats, each call writing a
 * fresh output (dropped: its block comes back only through a collection) against the same calls
 * with out= (torch.sigmoid(x, { out })) writing into one tensor every time. Timed two ways, on
 * the engine's threads and on one: single calls as the items above (interleaved, in bursts after
 * a collection: a fresh output costs cold memory there, no collection), and 200 calls in a row,
 * where the fresh outputs' collections come due as they do in a loop (medians of 3).
 */
export async function outVersusFresh(): Promise<OutRow[]> {
  const n = 1e6;
  const x = torch.randn(n), y = torch.randn(n), o = torch.empty(n);
  const works: Array<[string, () => Tensor, () => Tensor]> = [
    ["torch.sigmoid(x)", () => torch.sigmoid(x), () => torch.sigmoid(x, { out: o })],
    ["torch.add(x, y)", () => torch.add(x, y), () => torch.add(x, y, { out: o })],
    // relu's kind (memory-bound): torch.relu has no out=, torch.threshold(x, 0, 0) is relu
    ["torch.threshold(x, 0, 0)", () => torch.threshold(x, 0, 0), () => torch.threshold(x, 0, 0, { out: o })],
  ];
  const rows: OutRow[] = [];
  for (const threads of [DEFAULT_THREADS, 1]) {
    setThreads(threads);
    for (const [work, fresh, into] of works) {
      const before = () => setThreads(threads);
      const t = await interleaved({ fresh: { before, run: fresh }, out: { before, run: into } }, 2, 15, undefined, 3);
      const loops = { fresh: [] as number[], out: [] as number[] };
      let collections = 0;
      for (let r = 0; r < 3; r++) {
        const f = await inARow(fresh, 200);
        loops.fresh.push(f.ms);
        collections = f.collections;
        loops.out.push((await inARow(into, 200)).ms);
      }
      rows.push({ work, threads, fresh: t.fresh, out: t.out, freshLoop: median(loops.fresh), outLoop: median(loops.out), collections });
    }
  }
  setThreads(DEFAULT_THREADS);
  return rows;
}

/**
 * Whether a training step reuses its buffers: the engine's heap after 100 MLP steps and after
 * 400 more (dead tensors come back through collections; the heap must stop growing).
 */
function trainingHeap(): { after100: number; after500: number } {
  const step = prepareMlp(128).engine;
  for (let i = 0; i < 100; i++) step();
  const after100 = memoryStats().heapBytes;
  for (let i = 0; i < 400; i++) step();
  return { after100, after500: memoryStats().heapBytes };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = Date.now();
  const versions = await setupTfjs();
  tfAct = tfActivations();
  torch.manual_seed(0);

  // Start the engine's worker threads now, so that the first items are not timed without them.
  F.gelu(torch.randn(1 << 20));
  const threads = await warmThreads();
  const wasm = wasmStatus();
  console.log(`engine: ${wasm.active ? "WebAssembly SIMD kernels" : `JS loops (${wasm.reason})`}, ${threads} thread(s); also timed on 1 thread and with the kernels off ("JS loops")`);
  console.log(`tfjs-core ${versions.coreVersion}: backend-cpu ${versions.cpuVersion} (JavaScript) and backend-wasm ${versions.wasmVersion} (${versions.wasmSimd ? "SIMD" : "no SIMD"}, ${versions.wasmThreads} thread), node ${process.version}`);
  console.log("");

  const outcomes: Outcome[] = [];
  let tfPeakBytes = 0;
  const sampleTf = () => { const b = tf.memory().numBytes; if (b > tfPeakBytes) tfPeakBytes = b; };

  for (const item of plan) {
    const outcome: Outcome = { item, times: {} };
    outcomes.push(outcome);
    let prepared: Prepared | undefined;
    const tfSides: Partial<Record<TfBackend, TfSide>> = {};
    let stage = "setup";
    try {
      prepared = prepare(item);
      for (const b of TF_BACKENDS) tfSides[b] = prepared.tfjs(b);
      stage = "check";
      const checks = TF_BACKENDS.map((b) => [b, tfSides[b]!.check()] as const);
      outcome.check = {
        ok: checks.every(([, c]) => c.ok),
        text: checks.map(([b, c]) => `vs tfjs-${b}: ${c.ok ? "ok" : "MISMATCH"}, ${c.text}`).join("; "),
      };
      console.log(`check ${outcome.check.ok ? "ok      " : "MISMATCH"} ${item.label}: ${outcome.check.text}`);
      if (!outcome.check.ok) console.log(`  !!! engine and tfjs disagree on ${prepared.call}`);
      stage = "timing";
      const run = prepared.engine;
      const sides: Record<Side, Runner> = {
        engine: { before: () => setThreads(DEFAULT_THREADS), run },
        engine1: { before: () => setThreads(1), run },
        engineJs: { before: () => setThreads(1), run: () => { const was = setWasmEnabled(false); try { return run(); } finally { setWasmEnabled(was); } } },
        tfjsCpu: tfSides.cpu!.runner,
        tfjsWasm: tfSides.wasm!.runner,
      };
      outcome.times = await interleaved(sides, item.warmup, item.reps, sampleTf, item.burst);
      setThreads(DEFAULT_THREADS);
      console.log(`      ${item.label}: ${SIDES.map((s) => `${s.name} ${fmtMs(outcome.times[s.key])}`).join(", ")} ms (median of ${item.reps}${item.burst > 1 ? ` × ${item.burst}` : ""} after ${item.warmup} warm-up)`);
    } catch (e) {
      const err = e as Error;
      outcome.error = `${stage}: ${prepared?.call ?? item.label} threw ${err.name}: ${err.message}`;
      console.log(`!!! ERROR ${item.label}: ${outcome.error}`);
      if (err.stack) console.log(err.stack.split("\n").slice(1, 6).join("\n"));
    } finally {
      for (const s of Object.values(tfSides)) { try { s.done(); } catch { /* already reported */ } }
      setThreads(DEFAULT_THREADS);
      await settle();
    }
  }

  const copy = await copyAndRelu();
  const alloc = allocationPerOutputByte();
  const heap = trainingHeap();
  const reluParts = wasmKernels() ? await reluWhereTheTimeGoes() : undefined;
  const outRows = await outVersusFresh();
  const mem = memoryStats();
  const rss = peakRssBytes();

  console.log("");
  console.log("PyTorch: running bench/torch_bench.py …");
  const pt = runTorch(plan);
  for (const o of outcomes) o.times.torch = pt.results?.[o.item.key];

  const rows = outcomes.map((o) => {
    const flag = o.error ? " (ERROR)" : o.check && !o.check.ok ? " (MISMATCH)" : "";
    return [o.item.label + flag, ...SIDES.map((s) => fmtMs(o.times[s.key])), fmtMs(o.times.torch), fmtRatio(o.times.engine, o.times.tfjsWasm), fmtRatio(o.times.engine, o.times.torch)];
  });
  const table = markdownTable(["work", ...SIDES.map((s) => `${s.name} ms`), "PyTorch ms", "engine/tfjs-wasm", "engine/PyTorch"], rows);

  const gf = (flops: number, ms?: number) => (ms === undefined ? "–" : (flops / (ms * 1e6)).toFixed(1));
  const mm = outcomes.filter((o) => o.item.flops);
  const gflopsTable = markdownTable(["matmul", ...SIDES.map((s) => `${s.name} GFLOP/s`), "PyTorch GFLOP/s"],
    mm.map((o) => [o.item.label, ...SIDES.map((s) => gf(o.item.flops!, o.times[s.key])), gf(o.item.flops!, o.times.torch)]));

  const worstAlloc = alloc.reduce((w, a) => Math.max(w, a.plain, a.graph), 0);
  const memLines = [
    `- peak RSS of the node process (engine and both tfjs backends together, sampled after every timed run): ${fmtBytes(rss)}`,
    `- engine memoryStats() at the end: peakBytes ${fmtBytes(mem.peakBytes)}, wasmBytes ${fmtBytes(mem.wasmBytes)}, heapBytes ${fmtBytes(mem.heapBytes)}, liveBytes ${fmtBytes(mem.liveBytes)}`,
    `- tfjs tf.memory().numBytes, largest seen after a timed run: ${fmtBytes(tfPeakBytes)}`,
    `- engine memory an activation's forward allocates over 1e6 floats, per byte of output (1.00 = the output alone; with requires_grad the saved tensors are the input and output, which exist anyway): ${alloc.map((a) => `${a.act} ${a.plain.toFixed(2)}/${a.graph.toFixed(2)}`).join(", ")}`,
    `- the engine's heap (wasm memory handed out) after 100 MLP training steps ${fmtBytes(heap.after100)}, after 500 ${fmtBytes(heap.after500)}`,
    ...(reluParts ? [`- relu over 1e6 floats on one thread: F.relu ${fmtMs(reluParts.op)} ms, of which its kernel would take ${fmtMs(reluParts.warmKernel)} ms writing into a warm block (as PyTorch's allocator hands back the output that just died) and the op's fixed cost is ${(reluParts.tiny * 1000).toFixed(1)} µs (F.relu of 16 floats); the rest is writing into a block just allocated, no longer in cache, since dead tensors come back only through a garbage collection`] : []),
    `- chunks of shared calls run by each thread over the whole run (calling thread first): ${chunksRun().join(", ")}`,
    `- copy bandwidth: Float32Array.prototype.set of 1e7 floats ${fmtMs(copy.setMs)} ms (${(8e7 / copy.setMs / 1e6).toFixed(1)} GB/s read+write), relu forward of 1e7 floats ${fmtMs(copy.reluMs)} ms (${(8e7 / copy.reluMs / 1e6).toFixed(1)} GB/s), interleaved`,
  ];

  const outTable = markdownTable(["over 1e6 floats", "threads", "fresh output ms", "out= ms", "out= / fresh", "200 in a row: fresh ms (collections)", "out= ms", "out= / fresh"],
    outRows.map((r) => [r.work, String(r.threads), fmtMs(r.fresh), fmtMs(r.out), fmtRatio(r.out, r.fresh),
      `${fmtMs(r.freshLoop)} (${r.collections})`, fmtMs(r.outLoop), fmtRatio(r.outLoop, r.freshLoop)]));

  const targets = targetRows(outcomes, { copy, worstAlloc, heap, checksOk: outcomes.every((o) => !o.error && o.check?.ok), torch: pt.results !== undefined });
  const targetTable = markdownTable(["target (issue #8)", "measured", "met?"], targets.map((t) => [t.target, t.measured, t.met === undefined ? "–" : t.met ? "yes" : "no"]));

  const failures = outcomes.filter((o) => o.error || (o.check && !o.check.ok));
  const checkLines = outcomes.map((o) => `- ${o.item.label}: ${o.error ? `ERROR ${o.error}` : o.check!.text}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);

  const env = [
    `- engine: ${wasm.active ? "WebAssembly SIMD kernels (kernel/engine/wasm)" : `JS loops only (wasm kernels inactive: ${wasm.reason})`}, ${threads} thread(s) (kernel/engine/wasm/threads.ts: large kernels split across worker threads); "engine 1 thread" is the same with setThreads(1); "engine JS loops" has the kernels switched off (setWasmEnabled(false))`,
    `- tfjs: @tensorflow/tfjs-core ${versions.coreVersion} with @tensorflow/tfjs-backend-cpu ${versions.cpuVersion} (JavaScript) and @tensorflow/tfjs-backend-wasm ${versions.wasmVersion} (${versions.wasmSimd ? "SIMD" : "no SIMD"}, ${versions.wasmThreads} thread: its multi-threaded build needs a browser's cross-origin isolation), same process, interleaved with the engine`,
    `- ${pt.note}`,
    `- node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown CPU"}), run took ${seconds} s, load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} (other work on the machine makes the numbers noisier)`,
    "- medians of several repetitions after warm-up, garbage collected before each side's turn; items of a few milliseconds (1e6 elements, matmul 256 and 512, the MLP step) are timed as 3 calls in a row after an untimed one, as PyTorch's side times calls in a loop, the rest one call per turn (PyTorch: 3 more warm-ups and 3× the repetitions, as it is cheap to repeat); float32 throughout; ratios above 1× mean the engine is slower",
    "- tfjs has no gelu, gelu-tanh, silu, mish or hardswish op: they are composed from tfjs ops (bench/tfjs.ts); tfjs's erf is Abramowitz–Stegun 7.1.26 (|error| < 1.5e-7)",
    "- tfjs MLP uses tf.fused.matMul (matmul + bias + ReLU, as tf.layers.dense does) and tf.train.sgd via optimizer.minimize",
  ];

  const md = [
    "# Engine benchmark",
    "",
    "Written by `npm run bench` (bench/engine.ts); overwritten on every run. Numbers are from one run on the machine described below.",
    "",
    "## Targets",
    "",
    targetTable,
    "",
    "## Times",
    "",
    table,
    "",
    gflopsTable,
    "",
    "## Memory and bandwidth",
    "",
    ...memLines,
    "",
    "## out= against a fresh output",
    "",
    "The same call writing a new tensor each time (dropped: its block comes back only through a collection) and with out= writing into one tensor every time (`torch.sigmoid(x, { out: o })`): single calls timed as the items above (interleaved, in bursts of 3 after a collection, so a fresh output costs cold memory but no collection), and per call over 200 calls in a row, where the collections the fresh outputs cause come due (medians of 3; the collections of one such run in brackets). Ratios below 1× mean out= is faster.",
    "",
    outTable,
    "",
    "## Same numbers? (the engine vs each tfjs backend, same inputs, checked before timing)",
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
  console.log("");
  console.log(outTable);
  console.log("");
  console.log(targetTable);
  console.log("results written to bench/RESULTS.md");
  if (failures.length) {
    console.log("");
    console.log(`!!! ${failures.length} item(s) failed:`);
    for (const f of failures) console.log(`!!!   ${f.item.label}: ${f.error ?? f.check!.text}`);
    process.exitCode = 1;
  }
}

// (run as a program; imported, it only lends its measurements)
if (require.main === module) {
  main().then(() => process.exit(process.exitCode ?? 0), (e) => {
    console.error(e);
    process.exit(1);
  });
}
