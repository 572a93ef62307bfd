// The kernel process: one per notebook, started by KernelClient with Node's IPC channel. It
// runs cells one at a time and reports everything a cell prints or shows, in order, as
// messages; a crash here never takes down the editor.
import * as path from "path";
import { startConverter } from "./converter_proxy";
import { setDisplaySink } from "../display/display";
import { setBundleExtras } from "../display/mime";
import { tensorBundleExtras } from "../display/tensor_view";
import { createKernelRoot } from "./root";
import { watchParent } from "./watchdog";
import { Session } from "./session";
import { CellTask, cancelTask, currentTask, installCellTasks, lastTask, taskOfPromise, tasksWithTimers } from "./cell_tasks";
import { relaySigint } from "./frames";
import type { HostRequest, KernelMessage, Queries, QueryReply, QueryRequest, QueryType } from "./protocol";

const started = Date.now();
const notebookDir = path.resolve(process.argv[2] ?? process.cwd());

function send(message: KernelMessage): void {
  if (process.connected) process.send!(message);
}

// Which request output belongs to: the cell whose code is running (a callback of an earlier cell
// prints under that cell), else the request being handled.
let current = -1;
const outputTarget = (): number => currentTask()?.requestId ?? current;

/**
 * A cell's printed text beyond this many bytes is dropped here, before it crosses to the host
 * (which would otherwise hold, show and save all of it), and the cell ends with a note saying
 * how much was dropped. ACTNB_OUTPUT_LIMIT_MB sets it (the host passes its setting that way).
 */
const OUTPUT_LIMIT = Math.max(1, Number(process.env.ACTNB_OUTPUT_LIMIT_MB) || 4) * 2 ** 20;
const printed = { bytes: 0, droppedBytes: 0, droppedLines: 0 };

function captureStream(name: "stdout" | "stderr"): void {
  const stream = process[name];
  stream.write = ((chunk: string | Uint8Array, encoding?: unknown, cb?: unknown) => {
    let text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString(typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
    const room = OUTPUT_LIMIT - printed.bytes;
    if (text.length > room) {
      const kept = text.slice(0, Math.max(0, room));
      const dropped = text.slice(kept.length);
      printed.droppedBytes += Buffer.byteLength(dropped);
      for (let i = dropped.indexOf("\n"); i >= 0; i = dropped.indexOf("\n", i + 1)) printed.droppedLines++;
      text = kept;
    }
    printed.bytes += text.length;
    if (text) send({ type: "stream", id: outputTarget(), name, text });
    const done = typeof encoding === "function" ? encoding : cb;
    if (typeof done === "function") done();
    return true;
  }) as typeof stream.write;
}

const root = createKernelRoot(notebookDir);
// a host that dies without a word (kill -9) takes its kernel with it, busy or not
watchParent(root.dir);
const converter = startConverter(root.dir);
// eslint-disable-next-line @typescript-eslint/no-var-requires
const engine = require("../index");
const session = new Session(converter, root.dir, engine);

captureStream("stdout");
captureStream("stderr");
setDisplaySink((bundle, options) => send({ type: "display", id: outputTarget(), bundle, ...options }));
// tensors' heatmap view beside their text, for a host that draws it (KernelOptions.tensorViews)
if (process.env.ACTNB_TENSOR_VIEWS === "1") setBundleExtras(tensorBundleExtras);

/** An error raised after its cell's own code returned: shown under that cell, which fails. */
function lateError(task: CellTask | null, e: unknown, how: string): void {
  const error = session.runtimeError(e);
  error.traceback.splice(1, 0, `(${how})`);
  send({ type: "error", id: task?.requestId ?? current, error });
}
installCellTasks({
  lateError: (task, e) => lateError(task, e, "raised in a callback the cell scheduled"),
  interruptedCallback: (task) => {
    if (!task.finished) return; // the cell itself reports its interrupt
    const evalue = "stopped while running a callback this cell had scheduled; its other timers and pending steps will not run";
    send({ type: "error", id: task.requestId, error: { kind: "interrupted", ename: "KeyboardInterrupt", evalue, traceback: [`KeyboardInterrupt: ${evalue}`] } });
  },
});
// A SIGINT that finds cell code running stops it there (frames.ts); one that finds the kernel
// idle, or in its own code, arrives here.
relaySigint(() => session.interrupt());
process.on("uncaughtException", (e) => {
  const task = lastTask();
  if (task) task.lateErrors++;
  lateError(task, e, "uncaught, raised outside the cell's own code");
});
process.on("unhandledRejection", (e, promise) => {
  const task = taskOfPromise(promise);
  if (task) task.lateErrors++;
  lateError(task, e, "a promise rejected and nothing handled it");
});
process.on("exit", () => root.dispose());

/** How the kernel answers each query: every type in `Queries`, each with its own reply's type. */
const answers: { [K in QueryType]: (args: Queries[K]["request"]) => Queries[K]["reply"] | Promise<Queries[K]["reply"]> } = {
  complete: (q) => session.complete(q.code, q.position, q.context),
  inspect: (q) => session.inspect(q.code, q.position, q.context),
  signatureHelp: (q) => session.signatureHelp(q.code, q.position, q.context),
  definition: (q) => session.definition(q.code, q.position, q.context),
  completionDetails: (q) => session.completionDetails(q.code, q.position, q.name, q.context),
  diagnose: (q) => session.diagnose(q.code, q.context),
  variables: () => session.variables(),
  tensor_view: (q) => session.tensorView(q.name),
  settle: async (q) => {
    const until = Date.now() + q.timeoutMs;
    while (tasksWithTimers().length && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    const left = tasksWithTimers().map((t) => ({ task: t, cell: t.cell, requestId: t.requestId, timers: t.timers.size }));
    for (const { task } of left) cancelTask(task);
    return left.map(({ task: _, ...rest }) => rest);
  },
};

async function answer<K extends QueryType>(req: QueryRequest<K>): Promise<QueryReply<K>> {
  const handler: (typeof answers)[K] = answers[req.type];
  return { type: "reply", id: req.id, request: req.type, value: await handler(req.args) };
}

const queue: HostRequest[] = [];
let busy = false;

async function handle(req: HostRequest): Promise<void> {
  switch (req.type) {
    case "execute": {
      current = req.id;
      Object.assign(printed, { bytes: 0, droppedBytes: 0, droppedLines: 0 });
      const t0 = Date.now();
      const outcome = await session.execute(req.code, {
        result: (bundle) => send({ type: "result", id: req.id, bundle }),
        error: (error) => send({ type: "error", id: req.id, error }),
      }, req.id);
      if (printed.droppedBytes) {
        const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;
        send({ type: "stream", id: req.id, name: "stderr", text: `\n[output cut: the cell printed ${mb(printed.droppedBytes)} (${printed.droppedLines.toLocaleString("en")} lines) more than the ${mb(OUTPUT_LIMIT)} a cell shows; the kernel dropped it]\n` });
      }
      send({ type: "done", id: req.id, success: outcome.success, interrupted: outcome.interrupted, execution_count: session.execution_count, duration_ms: Date.now() - t0 });
      return;
    }
    case "shutdown":
      converter.close();
      process.exit(0);
    case "interrupt": return; // answered as it arrives, never queued
    default: {
      try {
        return send(await answer(req));
      } catch (e) {
        return send({ type: "queryFailed", id: req.id, message: e instanceof Error ? e.message : String(e) });
      }
    }
  }
}

async function drain(): Promise<void> {
  if (busy) return;
  busy = true;
  while (queue.length) {
    const req = queue.shift()!;
    try {
      await handle(req);
    } catch (e) {
      send({ type: "stream", id: current, name: "stderr", text: `kernel error: ${e instanceof Error ? e.stack : String(e)}\n` });
      if ("id" in req) send({ type: "done", id: req.id, success: false, interrupted: false, execution_count: session.execution_count, duration_ms: 0 });
    }
  }
  busy = false;
}

process.on("message", (req: HostRequest) => {
  if (req.type === "interrupt") return session.interrupt();
  queue.push(req);
  void drain();
});
process.on("disconnect", () => process.exit(0));

send({ type: "ready", pid: process.pid, startup_ms: Date.now() - started });
