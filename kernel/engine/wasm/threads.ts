// Large kernel calls split across worker threads. Every tensor already lives in one shared
// WebAssembly.Memory, so a worker instantiates the same compiled module over that memory and
// works on its share of the elements in place: no copies, no messages, only a few words of
// control written with Atomics. The calling thread takes a share too and returns when all
// shares are done, so an op stays synchronous and gives the very same numbers (each element, or
// each row of a matrix product, is computed by the same code whichever thread runs it).
//
// Workers start on first demand and count only once they report ready; until then (and where
// worker threads or Atomics.wait are unavailable, or ACTNB_THREADS=1) everything runs on the
// calling thread. Workers are unref'd: they never keep a process alive.
import { performance } from "perf_hooks";
import { memory } from "../storage/memory";
import { wasmKernels, wasmModule, WasmKernels } from "./index";

// Control words of one worker (Int32 indexes), then the call's arguments as doubles.
const SEQ = 0; // job number, bumped by the caller to start a job
const DONE = 1; // job number the worker finished last
const READY = 2; // 1 once the worker has instantiated the module
const FN = 4; // index of the export to call
const ARGC = 5;
const ARGS_BYTE = 64;
const MAX_ARGS = 14;
const CONTROL_BYTES = ARGS_BYTE + MAX_ARGS * 8;

/**
 * How long a worker keeps polling for the next job before it sleeps. Waking a sleeping thread
 * costs 0.1 to 0.3 ms on a small virtual machine, as much as a whole share of many ops, so a
 * worker stays awake through the back-to-back ops of a training step and sleeps once the
 * notebook goes quiet.
 */
const SPIN_MS = 1;
/** A sleeping worker is worth waking only for shares this many times the usual minimum. */
const COLD_FACTOR = 16;

// The worker's whole program. Plain JavaScript, run with `eval: true`, so that it needs no file
// of its own in the bundles.
const WORKER_SOURCE = `
const { workerData } = require("worker_threads");
const { module, memory, control, spinMs } = workerData;
const exp = new WebAssembly.Instance(module, { env: { memory } }).exports;
const fns = Object.keys(exp).map((k) => exp[k]);
const ctl = new Int32Array(control, 0, ${ARGS_BYTE / 4});
const args = new Float64Array(control, ${ARGS_BYTE}, ${MAX_ARGS});
Atomics.store(ctl, ${READY}, 1);
let seen = 0;
for (;;) {
  let s = Atomics.load(ctl, ${SEQ});
  const until = performance.now() + spinMs;
  for (let i = 1; s === seen; i++) {
    if ((i & 1023) === 0 && performance.now() > until) break;
    s = Atomics.load(ctl, ${SEQ});
  }
  if (s === seen) { Atomics.wait(ctl, ${SEQ}, seen); continue; }
  seen = s;
  fns[ctl[${FN}]].apply(null, Array.prototype.slice.call(args, 0, ctl[${ARGC}]));
  Atomics.store(ctl, ${DONE}, seen);
  Atomics.notify(ctl, ${DONE});
}
`;

interface Helper { ctl: Int32Array; args: Float64Array; seq: number; ready: boolean }

let helpers: Helper[] = [];
/** When the last split job ended (performance.now()): helpers poll for SPIN_MS after a job. */
let lastJobEnd = -Infinity;
let started = false;
let broken = "";
let exportIndex: Map<string, number> | null = null;

function defaultThreads(): number {
  const env = typeof process !== "undefined" ? process.env?.ACTNB_THREADS : undefined;
  if (env !== undefined && env !== "" && Number.isInteger(Number(env)) && Number(env) >= 1) return Number(env);
  try {
    const os = require("os") as typeof import("os");
    const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
    return Math.max(1, Math.min(4, cores));
  } catch {
    return 1;
  }
}

let wanted = defaultThreads();


function start(): void {
  started = true;
  if (wanted <= 1) return;
  const module = wasmModule();
  const k = wasmKernels();
  if (!module || !k) return;
  let Worker: typeof import("worker_threads").Worker;
  try {
    ({ Worker } = require("worker_threads") as typeof import("worker_threads"));
  } catch {
    broken = "worker_threads unavailable";
    return;
  }
  exportIndex = new Map(Object.keys(k).map((name, i) => [name, i]));
  for (let t = helpers.length + 1; t < wanted; t++) {
    const control = new SharedArrayBuffer(CONTROL_BYTES);
    const helper: Helper = { ctl: new Int32Array(control, 0, ARGS_BYTE / 4), args: new Float64Array(control, ARGS_BYTE, MAX_ARGS), seq: 0, ready: false };
    try {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module, memory, control, spinMs: SPIN_MS } });
      worker.unref();
      worker.on("error", (e: Error) => { broken = `a worker thread failed: ${e.message}`; helpers = []; });
      worker.on("exit", () => { helpers = helpers.filter((h) => h !== helper); });
    } catch (e) {
      broken = `worker threads could not start: ${(e as Error).message}`;
      return;
    }
    helpers.push(helper);
  }
}

/** Helpers that have reported ready (starting them on first demand). */
function readyHelpers(): Helper[] {
  if (!started) start();
  for (const h of helpers) if (!h.ready && Atomics.load(h.ctl, READY) === 1) h.ready = true;
  return helpers.filter((h) => h.ready);
}

function waitDone(h: Helper): void {
  const { ctl, seq } = h;
  // The worker's share is about as long as ours, so it is usually done or nearly: poll first.
  for (let i = 0; i < 100_000 && Atomics.load(ctl, DONE) !== seq; i++) { /* poll */ }
  let waited = 0;
  while (Atomics.load(ctl, DONE) !== seq) {
    // A kernel never blocks; a worker silent for 30 s is gone (its error event cannot arrive while
    // this thread waits), so stop using threads rather than hang.
    if (Atomics.wait(ctl, DONE, Atomics.load(ctl, DONE), 1000) === "timed-out" && (waited += 1000) >= 30_000) {
      broken = "a worker thread stopped responding";
      helpers = [];
      throw new Error("actnb: a worker thread stopped responding; threads are now switched off (the op was not completed)");
    }
  }
}

/**
 * Runs export `name` over `count` units of work (elements, rows) split into one share per
 * thread: `argsFor(start, units)` gives the arguments of one share. Shares are multiples of
 * `align` units, and each has at least `minShare` units, so small calls stay on this thread.
 * `scratchFor(thread)` is called for each share when the kernel needs per-thread scratch memory.
 */
export function runSplit(k: WasmKernels, name: string, count: number, minShare: number, align: number,
  argsFor: (start: number, units: number, thread: number) => number[]): void {
  const fn = (k as unknown as Record<string, (...a: number[]) => void>)[name];
  const awake = performance.now() - lastJobEnd < SPIN_MS * 0.75;
  const least = eager ? Math.max(align, Math.ceil(minShare / 64)) : awake ? minShare : minShare * COLD_FACTOR;
  const ready = count >= 2 * least && wanted > 1 ? readyHelpers().slice(0, wanted - 1) : [];
  const threads = Math.min(1 + ready.length, Math.floor(count / least));
  if (threads <= 1) {
    fn(...argsFor(0, count, 0));
    return;
  }
  const share = Math.ceil(count / threads / align) * align;
  const busy: Helper[] = [];
  const index = exportIndex!.get(name)!;
  let begin = share; // the calling thread takes [0, share)
  for (let t = 1; t < threads && begin < count; t++, begin += share) {
    const h = ready[t - 1];
    const a = argsFor(begin, Math.min(share, count - begin), t);
    h.args.set(a);
    h.ctl[FN] = index;
    h.ctl[ARGC] = a.length;
    h.seq = (h.seq + 1) | 0 || 1;
    Atomics.store(h.ctl, SEQ, h.seq);
    Atomics.notify(h.ctl, SEQ);
    busy.push(h);
  }
  fn(...argsFor(0, Math.min(share, count), 0));
  for (const h of busy) waitDone(h);
  lastJobEnd = performance.now();
}

/** Split whenever there are helpers, ignoring the cost of waking them and most of the minimum share. */
let eager = false;

/**
 * The number of threads kernels may use (1 = the calling thread only); returns the previous.
 * `eager` (for tests) splits even small jobs, so that every kernel's split path runs.
 */
export function setThreads(n: number, options: { eager?: boolean } = {}): number {
  const was = wanted;
  eager = options.eager ?? false;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`setThreads: expected a positive integer, got ${n}`);
  wanted = n;
  // Fewer threads leave the extra workers asleep (cheap, and ready when wanted again); more
  // start the missing ones on the next large op.
  if (helpers.length + 1 < n) started = false;
  return was;
}

/** How many threads run kernels now, how many are wanted, and why fewer when they differ. */
export function threadStatus(): { wanted: number; running: number; reason: string } {
  const running = Math.min(wanted, 1 + helpers.filter((h) => h.ready || Atomics.load(h.ctl, READY) === 1).length);
  return { wanted, running, reason: broken || (running < wanted ? (started ? "workers starting" : "workers start on the first large op") : "") };
}

/** Starts the workers now and waits (up to `ms`) until they are ready: for benchmarks and tests. */
export async function warmThreads(ms = 5000): Promise<number> {
  const t0 = Date.now();
  while (readyHelpers().length < helpers.length && Date.now() - t0 < ms) await new Promise((r) => setTimeout(r, 5));
  return Math.min(wanted, 1 + readyHelpers().length);
}

/** The number of threads used when nothing says otherwise (ACTNB_THREADS, else the cores, at most 4). */
export const DEFAULT_THREADS = wanted;
