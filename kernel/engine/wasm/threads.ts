// Large kernel calls shared with worker threads. Every tensor already lives in one shared
// WebAssembly.Memory, so a worker instantiates the same compiled module over that memory and
// works on the elements in place: no copies, no messages, a few words of control written with
// Atomics.
//
// A call is cut into chunks (runs of elements, bands of matrix rows) that the calling thread and
// the workers claim one at a time from a shared counter. The calling thread starts at once; a
// worker that is asleep joins when it wakes and takes whatever is left, so waking one never
// delays a call (on a small virtual machine a wake-up takes 0.05 to 1 ms, as long as a whole
// call). The call returns when every chunk is done: ops stay synchronous and give the very same
// numbers, since each element, or each row of a product, is computed by the same code whichever
// thread runs it.
//
// Workers start on first demand; where worker threads or Atomics.wait are unavailable, or with
// ACTNB_THREADS=1, everything runs on the calling thread. Workers are unref'd: they never keep a
// process alive. After a job a worker polls for the next one for SPIN_MS, so the back-to-back ops
// of a training step find it awake, then sleeps.
// the kernel gives cells' timers to their cell (an interrupt clears them); the engine's own are not a cell's
import * as nodeTimers from "timers";
import { memory } from "../storage/memory";
import { wasmKernels, wasmModule, WasmKernels } from "./index";

// Int32 words of the control block, shared by all threads.
const SEQ = 0; // job number, bumped by the caller to announce a job
const NEXT = 1; // (job tag << 16) | next chunk to claim
const DONE = 2; // (job tag << 16) | chunks finished
const READY = 3; // workers that have instantiated the module
const FN = 4; // index of the export to call
const ARGC = 5;
const CHUNKS = 6; // number of chunks
const CHUNK = 7; // units per chunk
const COUNT = 8; // units in all
const COUNT_ARG = 9; // which argument is the number of units
const THREAD_ARG = 10; // which argument is per thread (scratch memory), or -1
const THREADS = 11; // threads that may take part (setThreads): workers numbered higher sit out
const RAN = 16; // RAN + t: chunks thread t has run, ever (for tests and diagnostics)
const MAX_THREADS = 16;
const INT_WORDS = RAN + MAX_THREADS;
// Float64 words: each argument's value for unit 0 and its increase per unit, then the per-thread
// argument's value for thread 0 and its increase per thread.
const MAX_ARGS = 20;
const BASE = 0;
const PER_UNIT = MAX_ARGS;
const THREAD_BASE = 2 * MAX_ARGS;
const THREAD_STEP = THREAD_BASE + 1;
const FLOAT_WORDS = THREAD_STEP + 1;
const CONTROL_BYTES = INT_WORDS * 4 + FLOAT_WORDS * 8;
/** Chunk indexes live in the low 16 bits of NEXT; this one is never claimable. */
const CLOSED = 0xffff;

const SPIN_MS = 1;

/**
 * Claims chunks of the job tagged `tag` until none are left, running each; returns how many it
 * ran. The same source runs in the workers and (through `new Function`) on the calling thread.
 */
const CHUNK_LOOP = `
  let ran = 0;
  if (thread >= ctl[${THREADS}]) return ran;
  for (;;) {
    const v = Atomics.load(ctl, ${NEXT});
    if ((v >>> 16) !== tag) break;
    const c = v & 0xffff;
    if (c >= ctl[${CHUNKS}]) break;
    if (Atomics.compareExchange(ctl, ${NEXT}, v, v + 1) !== v) continue;
    const per = ctl[${CHUNK}], start = c * per, units = Math.min(per, ctl[${COUNT}] - start);
    const argc = ctl[${ARGC}], threadArg = ctl[${THREAD_ARG}];
    args.length = argc;
    for (let i = 0; i < argc; i++) args[i] = f64[${BASE} + i] + f64[${PER_UNIT} + i] * start;
    args[ctl[${COUNT_ARG}]] = units;
    if (threadArg >= 0) args[threadArg] = f64[${THREAD_BASE}] + f64[${THREAD_STEP}] * thread;
    fns[ctl[${FN}]].apply(null, args);
    // Counted only while the job is still current: a chunk finished after its caller gave up
    // (an interrupted cell) must not count towards the next job.
    for (let d = Atomics.load(ctl, ${DONE}); (d >>> 16) === tag; d = Atomics.load(ctl, ${DONE})) {
      if (Atomics.compareExchange(ctl, ${DONE}, d, d + 1) === d) break;
    }
    Atomics.notify(ctl, ${DONE});
    Atomics.add(ctl, ${RAN} + thread, 1);
    ran++;
  }
  return ran;
`;

// The worker's whole program: plain JavaScript run with `eval: true`, so that it needs no file
// of its own in the bundles.
const WORKER_SOURCE = `
const { workerData } = require("worker_threads");
const { module, memory, control, thread, spinMs } = workerData;
const exp = new WebAssembly.Instance(module, { env: { memory } }).exports;
const fns = Object.keys(exp).map((k) => exp[k]);
const ctl = new Int32Array(control, 0, ${INT_WORDS});
const f64 = new Float64Array(control, ${INT_WORDS * 4}, ${FLOAT_WORDS});
const args = [];
const runChunks = (tag) => { ${CHUNK_LOOP} };
Atomics.add(ctl, ${READY}, 1);
let seen = Atomics.load(ctl, ${SEQ});
for (;;) {
  let s = Atomics.load(ctl, ${SEQ});
  const until = performance.now() + spinMs;
  for (let i = 1; s === seen; i++) {
    if ((i & 1023) === 0 && performance.now() > until) break;
    s = Atomics.load(ctl, ${SEQ});
  }
  if (s === seen) { Atomics.wait(ctl, ${SEQ}, seen); continue; }
  seen = s;
  runChunks(s & 0x7fff);
}
`;

type ChunkRunner = (ctl: Int32Array, f64: Float64Array, fns: ((...a: number[]) => void)[], args: number[], thread: number, tag: number) => number;
const runChunksHere = new Function("ctl", "f64", "fns", "args", "thread", "tag", CHUNK_LOOP) as ChunkRunner;

function defaultThreads(): number {
  const env = typeof process !== "undefined" ? process.env?.ACTNB_THREADS : undefined;
  if (env !== undefined && env !== "" && Number.isInteger(Number(env)) && Number(env) >= 1) return Math.min(MAX_THREADS, Number(env));
  try {
    const os = require("os") as typeof import("os");
    const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
    return Math.max(1, Math.min(4, cores));
  } catch {
    return 1;
  }
}

/** The number of threads used when nothing says otherwise (ACTNB_THREADS, else the cores, at most 4). */
export const DEFAULT_THREADS = defaultThreads();
let wanted = DEFAULT_THREADS;

interface Pool { ctl: Int32Array; f64: Float64Array; fns: ((...a: number[]) => void)[]; index: Map<string, number>; workers: number; seq: number }
let pool: Pool | null = null;
let broken = "";
/** Split even small calls into many chunks (tests use it so that every split path runs). */
let eager = false;

function startPool(): Pool | null {
  if (broken) return null;
  const module = wasmModule();
  const k = wasmKernels();
  if (!module || !k) return null;
  let Worker: typeof import("worker_threads").Worker;
  try {
    ({ Worker } = require("worker_threads") as typeof import("worker_threads"));
  } catch {
    broken = "worker_threads unavailable";
    return null;
  }
  const control = new SharedArrayBuffer(CONTROL_BYTES);
  const names = Object.keys(k);
  const p: Pool = {
    ctl: new Int32Array(control, 0, INT_WORDS),
    f64: new Float64Array(control, INT_WORDS * 4, FLOAT_WORDS),
    fns: names.map((n) => (k as unknown as Record<string, (...a: number[]) => void>)[n]),
    index: new Map(names.map((n, i) => [n, i])),
    workers: 0,
    seq: 0,
  };
  p.ctl[NEXT] = CLOSED;
  grow(p, Worker);
  return p;
}

function grow(p: Pool, Worker: typeof import("worker_threads").Worker): void {
  for (let t = p.workers + 1; t < wanted; t++) {
    try {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module: wasmModule(), memory, control: p.ctl.buffer, thread: t, spinMs: SPIN_MS } });
      worker.unref();
      worker.on("error", (e: Error) => { broken = `a worker thread failed: ${e.message}`; });
      p.workers++;
    } catch (e) {
      broken = `worker threads could not start: ${(e as Error).message}`;
      return;
    }
  }
}

function currentPool(): Pool | null {
  if (wanted <= 1 || broken) return null;
  if (!pool) pool = startPool();
  else if (pool.workers + 1 < wanted) grow(pool, (require("worker_threads") as typeof import("worker_threads")).Worker);
  return pool;
}

function waitAllDone(p: Pool, tag: number, chunks: number): void {
  const { ctl } = p;
  const all = (tag << 16) | chunks;
  for (let i = 0; i < 200_000 && Atomics.load(ctl, DONE) !== all; i++) { /* a worker is finishing its chunk */ }
  let waited = 0;
  for (let done = Atomics.load(ctl, DONE); done !== all; done = Atomics.load(ctl, DONE)) {
    // A chunk never blocks; a worker silent for 30 s is gone (its error event cannot arrive
    // while this thread waits), so stop using threads rather than hang.
    if (Atomics.wait(ctl, DONE, done, 1000) === "timed-out" && (waited += 1000) >= 30_000) {
      broken = "a worker thread stopped responding";
      pool = null;
      throw new Error("actnb: a worker thread stopped responding; threads are now switched off (the op was not completed)");
    }
  }
}

/** A job for runSplit: which export, over how many units, and how its arguments follow the units. */
export interface SplitJob {
  /** Units of work (elements, rows) and the least worth a chunk of its own. */
  count: number;
  minChunk: number;
  /** Chunks start on multiples of this many units. */
  align: number;
  /** The arguments for the whole call (unit 0 onwards). */
  args: number[];
  /** How much each argument grows per unit (byte addresses: bytes per unit); 0 for the rest. */
  perUnit: number[];
  /** Which argument is the number of units. */
  countArg: number;
  /**
   * An argument that differs per thread (its own scratch memory): its index, and for a number of
   * threads, its value for thread 0 and the increase per thread.
   */
  perThread?: [number, (threads: number) => [number, number]];
}

/**
 * Runs export `name` as `job` describes, shared between this thread and the workers when it is
 * large enough, else directly. Returns when all of it is done.
 */
export function runSplit(k: WasmKernels, name: string, job: SplitJob): void {
  const { count, align, args, perUnit, countArg, perThread } = job;
  // the control block has room for MAX_ARGS: more would overwrite the per-unit steps
  if (args.length > MAX_ARGS) throw new Error(`actnb: kernel ${name} takes ${args.length} arguments; threads pass at most ${MAX_ARGS}`);
  const minChunk = eager ? align : job.minChunk;
  const p = count >= 2 * minChunk ? currentPool() : null;
  if (!p) {
    if (perThread) args[perThread[0]] = perThread[1](1)[0];
    (k as unknown as Record<string, (...a: number[]) => void>)[name](...args);
    return;
  }
  // Several chunks per thread, so that a thread that starts late or runs slow takes fewer.
  const threads = Math.min(wanted, p.workers + 1);
  let chunk = Math.max(minChunk, Math.ceil(count / (4 * threads)));
  chunk = Math.ceil(chunk / align) * align;
  const chunks = Math.ceil(count / chunk);
  const { ctl, f64 } = p;
  p.seq = (p.seq + 1) & 0x7fff;
  const tag = p.seq;
  // Close the counter first: a worker still leaving the last job cannot claim a chunk of this
  // one while its description is being written.
  Atomics.store(ctl, NEXT, (tag << 16) | CLOSED);
  ctl[FN] = p.index.get(name)!;
  ctl[ARGC] = args.length;
  ctl[CHUNKS] = chunks;
  ctl[CHUNK] = chunk;
  ctl[COUNT] = count;
  ctl[COUNT_ARG] = countArg;
  ctl[THREAD_ARG] = perThread ? perThread[0] : -1;
  ctl[THREADS] = wanted;
  for (let i = 0; i < args.length; i++) { f64[BASE + i] = args[i]; f64[PER_UNIT + i] = perUnit[i] ?? 0; }
  if (perThread) [f64[THREAD_BASE], f64[THREAD_STEP]] = perThread[1](threads);
  Atomics.store(ctl, DONE, tag << 16);
  Atomics.store(ctl, NEXT, tag << 16);
  Atomics.store(ctl, SEQ, tag);
  Atomics.notify(ctl, SEQ);
  runChunksHere(ctl, f64, p.fns, [], 0, tag);
  waitAllDone(p, tag, chunks);
}

/**
 * The number of threads kernels may use (1 = the calling thread only); returns the previous.
 * Fewer leave the extra workers out of every job; more start the missing ones on the next large op.
 * `eager` (for tests) splits even small calls, so that every kernel's split path runs.
 */
export function setThreads(n: number, options: { eager?: boolean } = {}): number {
  if (!Number.isInteger(n) || n < 1 || n > MAX_THREADS) throw new RangeError(`setThreads: expected an integer from 1 to ${MAX_THREADS}, got ${n}`);
  const was = wanted;
  wanted = n;
  eager = options.eager ?? false;
  return was;
}

/** How many threads run kernels now, how many are wanted, and why fewer when they differ. */
export function threadStatus(): { wanted: number; running: number; reason: string } {
  const ready = pool ? Atomics.load(pool.ctl, READY) : 0;
  const running = Math.min(wanted, 1 + ready);
  return { wanted, running, reason: broken || (running < wanted ? (pool ? "workers starting" : "workers start on the first large op") : "") };
}

/** Chunks each thread has run so far (index 0: the calling thread), for tests and diagnostics. */
export function chunksRun(): number[] {
  if (!pool) return [0];
  return Array.from({ length: pool.workers + 1 }, (_, t) => Atomics.load(pool!.ctl, RAN + t));
}

/** Starts the workers now and waits (up to `ms`) until they are ready: for benchmarks and tests. */
export async function warmThreads(ms = 5000): Promise<number> {
  const p = currentPool();
  const t0 = Date.now();
  while (p && Atomics.load(p.ctl, READY) < Math.min(p.workers, wanted - 1) && Date.now() - t0 < ms) await new Promise((r) => nodeTimers.setTimeout(r, 5));
  return threadStatus().running;
}
