// The host side of a kernel: starts the kernel process, sends cells, streams their outputs back,
// interrupts, restarts, and notices when the process dies. VS Code, the CLI and the tests all
// drive kernels through this class.
import { ChildProcess, fork } from "child_process";
import { EventEmitter } from "events";
import * as path from "path";
import { isReplyTo } from "./protocol";
import type { CellErrorInfo, HostRequest, KernelMessage, Queries, QueryReply, QueryRequest, QueryType } from "./protocol";
import type { MimeBundle } from "../display/mime";

export type CellOutput =
  | { kind: "stream"; name: "stdout" | "stderr"; text: string }
  | { kind: "display"; bundle: MimeBundle; display_id?: string; update?: boolean }
  | { kind: "result"; bundle: MimeBundle }
  | { kind: "error"; error: CellErrorInfo };

export interface ExecuteReply {
  success: boolean;
  interrupted: boolean;
  execution_count: number;
  duration_ms: number;
}

export interface KernelOptions {
  /** Folder of the notebook: the working directory, and where packages are found. */
  notebookDir: string;
  /** V8 heap limit for the kernel process, in MiB. */
  memoryLimitMb?: number;
  /** How much a cell may print (MB) before the kernel cuts it (default 4). */
  outputLimitMb?: number;
  /** How long an interrupt may take before the kernel is killed instead, in ms. */
  interruptGraceMs?: number;
  /** Tensors' outputs also carry their heatmap view (application/vnd.actnb.tensor+json). */
  tensorViews?: boolean;
}

/** Why a kernel stopped without being asked to. */
export class KernelDiedError extends Error {
  override name = "KernelDied";
  constructor(readonly exitCode: number | null, readonly signal: NodeJS.Signals | null, readonly detail: string) {
    super(`The kernel died (${signal ? `signal ${signal}` : `exit code ${exitCode}`})${detail ? `: ${detail}` : ""}. Its variables are lost; the next run starts a new kernel.`);
  }
}

/** Kept after a cell ended, for what its callbacks print or raise later. */
const LATE_SINKS_KEPT = 1000;

interface Pending {
  onOutput: (out: CellOutput) => void;
  onLateOutput?: (out: CellOutput) => void;
  resolve: (r: ExecuteReply) => void;
  reject: (e: Error) => void;
}

export const KERNEL_MAIN = path.join(__dirname, "kernel_main.js");

export class KernelClient extends EventEmitter {
  private child: ChildProcess;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** The queries awaiting their reply, by id. */
  private readonly replies = new Map<number, { take: (reply: QueryReply) => void; reject: (e: Error) => void }>();
  private readonly lateSinks = new Map<number, (out: CellOutput) => void>();
  private stderrTail = "";
  private shuttingDown = false;
  /** Set when interrupt() had to kill the process: why, for the error the cell gets. */
  private killedBecause: string | null = null;
  readonly ready: Promise<{ pid: number; startup_ms: number }>;
  /** Set when the process ended unexpectedly. */
  died: KernelDiedError | null = null;

  constructor(readonly options: KernelOptions) {
    super();
    const execArgv = options.memoryLimitMb ? [`--max-old-space-size=${options.memoryLimitMb}`] : [];
    const env = {
      ...process.env,
      ...(options.outputLimitMb ? { ACTNB_OUTPUT_LIMIT_MB: String(options.outputLimitMb) } : {}),
      ...(options.tensorViews ? { ACTNB_TENSOR_VIEWS: "1" } : {}),
    };
    this.child = fork(KERNEL_MAIN, [options.notebookDir], { cwd: options.notebookDir, execArgv, env, stdio: ["ignore", "pipe", "pipe", "ipc"], serialization: "advanced" });
    // The kernel reports cell output over IPC; the raw pipes carry only what bypasses it
    // (fatal errors from V8 itself), kept to explain a death.
    this.child.stdout!.on("data", (d) => { this.stderrTail = (this.stderrTail + d).slice(-4000); });
    this.child.stderr!.on("data", (d) => { this.stderrTail = (this.stderrTail + d).slice(-4000); });
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (m: KernelMessage) => { if (m.type === "ready") { this.child.off("message", onMessage); resolve(m); } };
      this.child.on("message", onMessage);
      this.once("died", reject);
    });
    this.ready.catch(() => undefined);
    this.child.on("message", (m: KernelMessage) => this.onMessage(m));
    this.child.on("exit", (code, signal) => this.onExit(code, signal));
  }

  get pid(): number | undefined { return this.child.pid; }
  get alive(): boolean { return this.died === null && !this.shuttingDown && this.child.exitCode === null && this.child.signalCode === null; }
  get busy(): boolean { return this.pending.size > 0; }
  /** The cell the kernel is running now: requests run in order, so the oldest pending one. */
  private get executing(): number | null { return this.pending.size ? this.pending.keys().next().value! : null; }

  private send(req: HostRequest): void {
    if (!this.alive) throw this.died ?? new Error("the kernel has been shut down");
    this.child.send(req);
  }

  /**
   * Runs one cell; outputs arrive through onOutput while it runs. What the cell's callbacks print,
   * show or raise after it ended (a timer, a promise nobody awaited) goes to onLateOutput; a
   * late error means the cell failed after all.
   */
  async execute(code: string, onOutput: (out: CellOutput) => void = () => undefined, onLateOutput?: (out: CellOutput) => void): Promise<ExecuteReply> {
    await this.ready;
    const id = this.nextId++;
    const done = new Promise<ExecuteReply>((resolve, reject) => this.pending.set(id, { onOutput, onLateOutput, resolve, reject }));
    this.send({ type: "execute", id, code });
    return done;
  }

  /** Sends a query; the reply's value has the type `Queries` gives the query's type. */
  private async request<K extends QueryType>(type: K, args: Queries[K]["request"]): Promise<Queries[K]["reply"]> {
    await this.ready;
    const id = this.nextId++;
    const req: QueryRequest<K> = { type, id, args };
    const answered = new Promise<Queries[K]["reply"]>((resolve, reject) => this.replies.set(id, {
      take: (reply) => (isReplyTo(reply, type) ? resolve(reply.value) : reject(new Error(`the kernel answered a ${type} request with a ${reply.request} reply`))),
      reject,
    }));
    this.send(req);
    return answered;
  }

  /**
   * Waits until no cell has a timer pending, at most `timeoutMs`; late outputs arrive meanwhile.
   * Returns the cells whose timers were still pending (execution count, the request that ran
   * it, how many timers), which are then cancelled.
   */
  settle(timeoutMs: number): Promise<Queries["settle"]["reply"]> {
    return this.request("settle", { timeoutMs });
  }

  /** Completions at `position`; `context` = the sources of the cells above (else: what ran). */
  complete(code: string, position: number, context?: string[]): Promise<Queries["complete"]["reply"]> {
    return this.request("complete", { code, position, context });
  }

  /** The symbol at `position`, for a hover. */
  inspect(code: string, position: number, context?: string[]): Promise<Queries["inspect"]["reply"]> {
    return this.request("inspect", { code, position, context });
  }

  /** The call being typed at `position`: its overloads and the argument at the cursor. */
  signatureHelp(code: string, position: number, context?: string[]): Promise<Queries["signatureHelp"]["reply"]> {
    return this.request("signatureHelp", { code, position, context });
  }

  /** Where the symbol at `position` is declared. */
  definition(code: string, position: number, context?: string[]): Promise<Queries["definition"]["reply"]> {
    return this.request("definition", { code, position, context });
  }

  /** The declaration and documentation of the completion `name` offered at `position`. */
  completionDetails(code: string, position: number, name: string, context?: string[]): Promise<Queries["completionDetails"]["reply"]> {
    return this.request("completionDetails", { code, position, name, context });
  }

  /** Type errors in `code`, without running it. */
  diagnose(code: string, context?: string[]): Promise<Queries["diagnose"]["reply"]> {
    return this.request("diagnose", { code, context });
  }

  /** The cells' top-level variables; asked after a cell, it waits for that cell to end. */
  variables(): Promise<Queries["variables"]["reply"]> {
    return this.request("variables", {});
  }

  /** The table/heatmap view of the tensor variable `name`. */
  tensorView(name: string): Promise<Queries["tensor_view"]["reply"]> {
    return this.request("tensor_view", { name });
  }

  /**
   * Stops the running cell. A busy loop is broken by SIGINT and an awaiting cell is cancelled;
   * either way the kernel and its variables survive ("kept"). A kernel that does not respond
   * within the grace period is killed ("restarted": its variables are lost).
   */
  async interrupt(): Promise<"idle" | "kept" | "restarted"> {
    if (!this.alive || this.executing === null) return "idle";
    const id = this.executing;
    const finished = new Promise<void>((resolve) => {
      const check = () => { if (!this.pending.has(id)) { this.off("settled", check); resolve(); } };
      this.on("settled", check);
    });
    // A signal that lands between two pieces of a cell's work is handled as soon as the kernel's
    // event loop turns; one that lands in a moment Node cannot hand it to the cell is repeated.
    const grace = this.options.interruptGraceMs ?? 2000;
    let stopped = false;
    const signal = () => { if (!stopped && this.alive) this.child.kill("SIGINT"); };
    signal();
    const again = setInterval(signal, 250);
    const inTime = await Promise.race([finished.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), grace))]);
    stopped = true;
    clearInterval(again);
    if (inTime) return "kept";
    this.killedBecause = `it did not stop within ${grace / 1000} s of the interrupt, so it was ended: the cell was inside native code that JavaScript cannot stop (a synchronous child process, file or network call)`;
    this.child.kill("SIGKILL");
    await finished;
    return "restarted";
  }

  /** Ends the kernel process. */
  async shutdown(): Promise<void> {
    if (this.shuttingDown || this.died) return;
    this.shuttingDown = true;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    if (this.child.connected) this.child.send({ type: "shutdown" });
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 2000);
    await exited;
    clearTimeout(timer);
  }

  private onMessage(m: KernelMessage): void {
    switch (m.type) {
      case "ready": return;
      case "reply":
      case "queryFailed": {
        const r = this.replies.get(m.id);
        this.replies.delete(m.id);
        if (m.type === "reply") r?.take(m);
        else r?.reject(new Error(`the kernel could not answer: ${m.message}`));
        return;
      }
      case "done": {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (p?.onLateOutput) {
          this.lateSinks.set(m.id, p.onLateOutput);
          if (this.lateSinks.size > LATE_SINKS_KEPT) this.lateSinks.delete(this.lateSinks.keys().next().value!);
        }
        p?.resolve({ success: m.success, interrupted: m.interrupted, execution_count: m.execution_count, duration_ms: m.duration_ms });
        this.emit("settled");
        return;
      }
      default: {
        // outputs name their cell: the running one, or one that ended and whose callbacks still run
        const out: CellOutput = m.type === "stream" ? { kind: "stream", name: m.name, text: m.text }
          : m.type === "display" ? { kind: "display", bundle: m.bundle, display_id: m.display_id, update: m.update }
          : m.type === "result" ? { kind: "result", bundle: m.bundle }
          : { kind: "error", error: m.error };
        const running = this.pending.get(m.id);
        const late = this.lateSinks.get(m.id);
        if (running) running.onOutput(out);
        else if (late) late(out);
        else this.emit("output", out);
      }
    }
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.shuttingDown) return;
    const tail = this.stderrTail;
    const oom = /heap out of memory|Allocation failed/i.test(tail);
    const detail = this.killedBecause ?? (oom ? "it ran out of memory"
      : code !== null && signal === null ? "the process exited (was process.exit() called?)"
      : tail.trim().split("\n").slice(-3).join(" "));
    this.died = new KernelDiedError(code, signal, detail);
    for (const p of this.pending.values()) p.reject(this.died);
    for (const r of this.replies.values()) r.reject(this.died);
    this.pending.clear();
    this.replies.clear();
    this.emit("settled");
    this.emit("died", this.died);
  }
}
