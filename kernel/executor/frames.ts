// Where an interrupt (SIGINT) lands in the kernel process.
//
// Node stops running JavaScript on SIGINT only inside `vm` code run with `breakOnSigint`: V8
// terminates it, and the run throws "Script execution was interrupted" at its own boundary,
// past any try/catch/finally of the code inside. The kernel runs every piece of cell code in
// such a frame (runInFrame): the cell's body, and each callback or continuation it scheduled
// (cell_tasks.ts). Anywhere else (the event loop idle, the kernel's own code) Node would take the
// default action, which ends the process; and a frame costs ~45 µs when it is the only one,
// because Node starts and joins a signal thread for it.
//
// So a worker thread holds a frame open for the kernel's whole life (two, nested, so that one is
// always registered while the inner one is re-entered): Node's signal thread stays up, a frame on
// the main thread costs ~1 µs, and a SIGINT that arrives while no cell code runs interrupts the
// worker's frame instead, which tells the main thread. Node hands each SIGINT to the frame
// registered last; the worker re-enters its inner frame only while the main thread is outside
// frames, so a busy cell's frame is always the one that gets the next signal.
import * as vm from "vm";
import { Worker } from "worker_threads";

/** V8's message for a run stopped by SIGINT. */
const INTERRUPTED_MESSAGE = "Script execution was interrupted by `SIGINT`";

export function isInterrupt(e: unknown): boolean {
  return e instanceof Error && e.message === INTERRUPTED_MESSAGE;
}

/** Shared with the worker: [0] the main thread's frame depth, [1] the worker's parking spot. */
const state = new Int32Array(new SharedArrayBuffer(8));
const DEPTH = 0;

const FRAME_FN = "__actnb_frame_fn__";
const frame = new vm.Script(`globalThis.${FRAME_FN}()`, { filename: "actnb-frame" });

/** Runs `fn` so that a SIGINT stops it: it then throws an error for which isInterrupt is true. */
export function runInFrame<T>(fn: () => T): T {
  const g = globalThis as unknown as Record<string, unknown>;
  g[FRAME_FN] = fn;
  Atomics.add(state, DEPTH, 1);
  try {
    return frame.runInThisContext({ breakOnSigint: true }) as T;
  } finally {
    g[FRAME_FN] = undefined;
    if (Atomics.sub(state, DEPTH, 1) === 1) Atomics.notify(state, DEPTH);
  }
}

const RELAY = `
const { parentPort, workerData } = require("worker_threads");
const vm = require("vm");
const state = new Int32Array(workerData);
globalThis.relay = {
  state,
  park: new vm.Script("Atomics.wait(relay.state, 1, 0)"),
  report: () => parentPort.postMessage("SIGINT"),
};
const outer = new vm.Script(\`
  for (;;) {
    for (let d = Atomics.load(relay.state, 0); d > 0; d = Atomics.load(relay.state, 0)) Atomics.wait(relay.state, 0, d, 50);
    try { relay.park.runInThisContext({ breakOnSigint: true }); } catch { relay.report(); }
  }\`);
for (;;) {
  try { outer.runInThisContext({ breakOnSigint: true }); } catch { relay.report(); }
}
`;

/** Starts the worker; `onIdleSigint` runs (on the main thread) for a SIGINT that hit no cell code. */
export function relaySigint(onIdleSigint: () => void): void {
  const worker = new Worker(RELAY, { eval: true, workerData: state.buffer });
  worker.on("message", () => onIdleSigint());
  worker.unref();
}
