// The kernel's handle on the converter worker (converter_worker.ts): the same synchronous calls
// as tslab's in-process converter, answered by the worker. A call posts the request, blocks on
// a shared counter (Atomics.wait) until the worker has replied, then takes the reply with
// receiveMessageOnPort, so Session's code stays synchronous.
import * as path from "path";
import { MessageChannel, MessagePort, Worker, receiveMessageOnPort } from "worker_threads";
import type { ConvertResult } from "tslab/dist/converter";
import type { CellFunction } from "./cell_function";
import type { CompletionList, DefinitionInfo, SignatureHelpInfo, SymbolInfo } from "./language_info";

/**
 * What a cell's conversion gives: tslab's result and, when there is code to run, the function
 * to call (cell_function.ts) with the cell line of each of its lines.
 */
export type CellConversion = ConvertResult & Partial<CellFunction>;

/** Each call the kernel makes on the converter worker: its arguments and its result. */
export interface ConverterCalls {
  /** Answered once the converter is ready. */
  ping: { args: []; result: null };
  convert: { args: [prevDecl: string, src: string]; result: CellConversion };
  complete: { args: [prevDecl: string, src: string, position: number]; result: CompletionList };
  /** The symbol under the cursor, for a hover. */
  inspect: { args: [prevDecl: string, src: string, position: number]; result: SymbolInfo | null };
  signatureHelp: { args: [prevDecl: string, src: string, position: number]; result: SignatureHelpInfo | null };
  definition: { args: [prevDecl: string, src: string, position: number]; result: DefinitionInfo[] };
  /** The details of one completion candidate (`name`, as `complete` gave it at `position`). */
  completionDetails: { args: [prevDecl: string, src: string, position: number, name: string]; result: SymbolInfo | null };
  close: { args: []; result: null };
}
export type ConverterMethod = keyof ConverterCalls;

/** A call of method M (any method when M is left out), as posted to the worker. */
export type ConverterRequest<M extends ConverterMethod = ConverterMethod> = { [P in M]: { method: P; args: ConverterCalls[P]["args"] } }[M];
export type ConverterReply<M extends ConverterMethod> = { value: ConverterCalls[M]["result"] } | { error: string };

/** The worker's calls as functions, each method's own (converter_worker.ts answers with them). */
export type ConverterHandlers<M extends ConverterMethod = ConverterMethod> = { [P in M]: (...args: ConverterCalls[P]["args"]) => ConverterCalls[P]["result"] };
/** What converter_core.ts implements: every call but the worker's own `ping`. */
export type ConverterFunctions = ConverterHandlers<Exclude<ConverterMethod, "ping">>;

export interface CellConverter extends ConverterFunctions {
  /** After an interrupted call: replace the busy worker now, so the next call finds a fresh one ready. */
  restart(): void;
}

/** A request the worker has not answered in this long means it is gone (out of memory, say). */
const TIMEOUT_MS = 120_000;
const START_TIMEOUT_MS = 30_000;

/** One converter worker and the channel to it. */
function spawnWorker(rootDir: string) {
  const signal = new SharedArrayBuffer(4);
  const replies = new Int32Array(signal);
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(path.join(__dirname, "converter_worker.js"), {
    workerData: { port: port2, signal, rootDir }, transferList: [port2 as unknown as MessagePort],
  });
  worker.unref();
  let seen = 0;
  const awaitReply = <M extends ConverterMethod>(what: M | "start", timeoutMs = TIMEOUT_MS): ConverterCalls[M]["result"] => {
    const t0 = Date.now();
    while (Atomics.load(replies, 0) === seen) {
      if (Atomics.wait(replies, 0, seen, 1000) === "timed-out" && Date.now() - t0 > timeoutMs) {
        throw new Error(`the TypeScript converter did not answer (${what}) within ${timeoutMs / 1000} s; with a kernel memory limit, it needs about 100 MB`);
      }
    }
    seen++;
    // the worker answers each request with the reply to its method (converter_worker.ts)
    const message: ConverterReply<M> | undefined = receiveMessageOnPort(port1)?.message;
    if (!message) throw new Error(`the TypeScript converter's reply to ${what} went missing`);
    if ("error" in message) throw new Error(`the TypeScript converter failed (${what}): ${message.error}`);
    return message.value;
  };
  let started = false;
  const call = <M extends ConverterMethod>(request: ConverterRequest<M>): ConverterCalls[M]["result"] => {
    if (!started) { awaitReply<"ping">("start", START_TIMEOUT_MS); started = true; }
    port1.postMessage(request);
    return awaitReply<M>(request.method);
  };
  return { call, terminate: () => void worker.terminate() };
}

/**
 * Starts the kernel's converter in a worker thread of its own, so that the compiler's heap stays
 * out of the collections cells need. A kernel memory limit (--max-old-space-size) caps each
 * thread's heap, the worker's too: the compiler needs about 100 MB of it. The converter resolves
 * modules from `rootDir` (the kernel's folder).
 *
 * A call that does not return normally (an interrupt stops the wait for a long conversion; V8
 * ends such a wait past any catch, leaving the channel's count behind) leaves the worker busy
 * with a request nobody wants: the next call replaces the worker with a fresh one.
 */
export function startConverter(rootDir: string): CellConverter {
  let current = spawnWorker(rootDir);
  let inCall = false;
  const restart = () => {
    current.terminate();
    current = spawnWorker(rootDir);
    inCall = false;
  };
  const call = <M extends ConverterMethod>(request: ConverterRequest<M>): ConverterCalls[M]["result"] => {
    if (inCall) restart();
    inCall = true;
    try {
      return current.call(request);
    } finally {
      inCall = false; // skipped only by an interrupt: V8 ends the frame past any finally
    }
  };
  call({ method: "ping", args: [] }); // wait until it is ready, so that the kernel reports ready with it
  return {
    convert: (...args) => call({ method: "convert", args }),
    complete: (...args) => call({ method: "complete", args }),
    inspect: (...args) => call({ method: "inspect", args }),
    signatureHelp: (...args) => call({ method: "signatureHelp", args }),
    definition: (...args) => call({ method: "definition", args }),
    completionDetails: (...args) => call({ method: "completionDetails", args }),
    restart: () => { if (inCall) restart(); },
    close: () => { try { return call({ method: "close", args: [] }); } finally { current.terminate(); } },
  };
}
