// The kernel process: one per notebook, started by KernelClient with Node's IPC channel. It
// runs cells one at a time and reports everything a cell prints or shows, in order, as
// messages; a crash here never takes down the editor.
import * as path from "path";
import { startConverter } from "./converter_proxy";
import { setDisplaySink } from "../display/display";
import { createKernelRoot } from "./root";
import { watchParent } from "./watchdog";
import { Session } from "./session";
import { HostRequest, KernelMessage } from "./protocol";

const started = Date.now();
const notebookDir = path.resolve(process.argv[2] ?? process.cwd());

function send(message: KernelMessage): void {
  if (process.connected) process.send!(message);
}

// Which request the output belongs to; output between requests goes to the last one.
let current = -1;

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
    if (text) send({ type: "stream", id: current, name, text });
    const done = typeof encoding === "function" ? encoding : cb;
    if (typeof done === "function") done();
    return true;
  }) as typeof stream.write;
}

const root = createKernelRoot(notebookDir);
// a host that dies without a word (kill -9) takes its kernel with it, busy or not
watchParent(root.dir);
process.chdir(root.dir); // the converter resolves modules from the working directory it starts in
const converter = startConverter();
process.chdir(notebookDir);
// eslint-disable-next-line @typescript-eslint/no-var-requires
const engine = require("../index");
const session = new Session(converter, root.dir, engine);

captureStream("stdout");
captureStream("stderr");
setDisplaySink((bundle, options) => send({ type: "display", id: current, bundle, ...options }));

// A SIGINT while a cell runs synchronously is handled by breakOnSigint; while it awaits, here.
process.on("SIGINT", () => session.interruptAwait());
process.on("uncaughtException", (e) => send({ type: "stream", id: current, name: "stderr", text: `Uncaught ${e instanceof Error ? e.stack : String(e)}\n` }));
process.on("unhandledRejection", (e) => send({ type: "stream", id: current, name: "stderr", text: `Unhandled promise rejection: ${e instanceof Error ? e.stack : String(e)}\n` }));
process.on("exit", () => root.dispose());

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
      });
      if (printed.droppedBytes) {
        const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;
        send({ type: "stream", id: req.id, name: "stderr", text: `\n[output cut: the cell printed ${mb(printed.droppedBytes)} (${printed.droppedLines.toLocaleString("en")} lines) more than the ${mb(OUTPUT_LIMIT)} a cell shows; the kernel dropped it]\n` });
      }
      send({ type: "done", id: req.id, success: outcome.success, interrupted: outcome.interrupted, execution_count: session.execution_count, duration_ms: Date.now() - t0 });
      return;
    }
    case "complete": return send({ type: "reply", id: req.id, value: session.complete(req.code, req.position, req.context) });
    case "inspect": return send({ type: "reply", id: req.id, value: session.inspect(req.code, req.position, req.context) ?? null });
    case "diagnose": return send({ type: "reply", id: req.id, value: session.diagnose(req.code, req.context) });
    case "shutdown":
      converter.close();
      process.exit(0);
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
  if (req.type === "interrupt") return session.interruptAwait();
  queue.push(req);
  void drain();
});
process.on("disconnect", () => process.exit(0));

send({ type: "ready", pid: process.pid, startup_ms: Date.now() - started });
