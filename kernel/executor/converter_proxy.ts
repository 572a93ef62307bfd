// The kernel's handle on the converter worker (converter_worker.ts): the same synchronous calls
// as tslab's in-process converter, answered by the worker. A call posts the request, blocks on
// a shared counter (Atomics.wait) until the worker has replied, then takes the reply with
// receiveMessageOnPort, so Session's code stays synchronous.
import * as path from "path";
import { MessageChannel, MessagePort, Worker, receiveMessageOnPort } from "worker_threads";
import type { ConvertResult } from "tslab/dist/converter";
import type { CellFunction } from "./cell_function";

export interface ConverterRequest { method: "convert" | "complete" | "inspect" | "close" | "ping"; args: unknown[] }
export type ConverterReply = { value: unknown } | { error: string };

/**
 * What a cell's conversion gives: tslab's result and, when there is code to run, the function
 * to call (cell_function.ts) with the cell line of each of its lines.
 */
export type CellConversion = ConvertResult & Partial<CellFunction>;

export interface CellConverter {
  convert(prevDecl: string, src: string): CellConversion;
  complete(prevDecl: string, src: string, position: number): { start: number; end: number; candidates: string[] };
  inspect(prevDecl: string, src: string, position: number): { displayParts?: { text: string }[]; documentation?: { text: string }[] } | null;
  /** After an interrupted call: replace the busy worker now, so the next call finds a fresh one ready. */
  restart(): void;
  close(): void;
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
  const awaitReply = (what: string, timeoutMs = TIMEOUT_MS): unknown => {
    const t0 = Date.now();
    while (Atomics.load(replies, 0) === seen) {
      if (Atomics.wait(replies, 0, seen, 1000) === "timed-out" && Date.now() - t0 > timeoutMs) {
        throw new Error(`the TypeScript converter did not answer (${what}) within ${timeoutMs / 1000} s; with a kernel memory limit, it needs about 100 MB`);
      }
    }
    seen++;
    const message = receiveMessageOnPort(port1)?.message as ConverterReply | undefined;
    if (!message) throw new Error(`the TypeScript converter's reply to ${what} went missing`);
    if ("error" in message) throw new Error(`the TypeScript converter failed (${what}): ${message.error}`);
    return message.value;
  };
  let started = false;
  const call = (method: ConverterRequest["method"], args: unknown[]): unknown => {
    if (!started) { awaitReply("start", START_TIMEOUT_MS); started = true; }
    port1.postMessage({ method, args } satisfies ConverterRequest);
    return awaitReply(method);
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
  const call = (method: ConverterRequest["method"], args: unknown[]): unknown => {
    if (inCall) restart();
    inCall = true;
    try {
      return current.call(method, args);
    } finally {
      inCall = false; // skipped only by an interrupt: V8 ends the frame past any finally
    }
  };
  call("ping", []); // wait until it is ready, so that the kernel reports ready with it
  return {
    convert: (prevDecl, src) => call("convert", [prevDecl, src]) as CellConversion,
    complete: (prevDecl, src, position) => call("complete", [prevDecl, src, position]) as ReturnType<CellConverter["complete"]>,
    inspect: (prevDecl, src, position) => call("inspect", [prevDecl, src, position]) as ReturnType<CellConverter["inspect"]>,
    restart: () => { if (inCall) restart(); },
    close: () => { try { call("close", []); } finally { current.terminate(); } },
  };
}
