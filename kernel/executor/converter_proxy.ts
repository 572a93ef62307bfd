// The kernel's handle on the converter worker (converter_worker.ts): the same synchronous calls
// as tslab's in-process converter, answered by the worker. A call posts the request, blocks on
// a shared counter (Atomics.wait) until the worker has replied, then takes the reply with
// receiveMessageOnPort, so Session's code stays synchronous.
import * as path from "path";
import { MessageChannel, MessagePort, Worker, receiveMessageOnPort } from "worker_threads";
import type { ConvertResult } from "tslab/dist/converter";
import type { CellFunction } from "./cell_function";

export interface ConverterRequest { method: "convert" | "complete" | "inspect" | "close"; args: unknown[] }
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
  close(): void;
}

/** A request the worker has not answered in this long means it is gone (out of memory, say). */
const TIMEOUT_MS = 120_000;
const START_TIMEOUT_MS = 30_000;

/**
 * Starts the kernel's converter in a worker thread of its own, so that the compiler's heap stays
 * out of the collections cells need, and waits until it is ready. A kernel memory limit
 * (--max-old-space-size) caps each thread's heap, the worker's too: the compiler needs about
 * 100 MB of it. The converter resolves modules from the working directory at the time it is
 * created: call this with the kernel root as cwd.
 */
export function startConverter(): CellConverter {
  const signal = new SharedArrayBuffer(4);
  const replies = new Int32Array(signal);
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(path.join(__dirname, "converter_worker.js"), {
    workerData: { port: port2, signal }, transferList: [port2 as unknown as MessagePort],
  });
  worker.unref();
  let seen = 0;
  // replies still to come for requests whose wait was interrupted (a SIGINT during a long
  // conversion): they arrive first, in order, and are dropped
  let abandoned = 0;

  const nextReply = (what: string, timeoutMs: number): ConverterReply => {
    const t0 = Date.now();
    while (Atomics.load(replies, 0) === seen) {
      if (Atomics.wait(replies, 0, seen, 1000) === "timed-out" && Date.now() - t0 > timeoutMs) {
        throw new Error(`the TypeScript converter did not answer (${what}) within ${timeoutMs / 1000} s; with a kernel memory limit, it needs about 100 MB`);
      }
    }
    seen++;
    const message = receiveMessageOnPort(port1)?.message as ConverterReply | undefined;
    if (!message) throw new Error(`the TypeScript converter's reply to ${what} went missing`);
    return message;
  };
  const awaitReply = (what: string, timeoutMs = TIMEOUT_MS): unknown => {
    let message: ConverterReply;
    try {
      for (; abandoned > 0; abandoned--) nextReply(what, timeoutMs);
      message = nextReply(what, timeoutMs);
    } catch (e) {
      abandoned++;
      throw e;
    }
    if ("error" in message) throw new Error(`the TypeScript converter failed (${what}): ${message.error}`);
    return message.value;
  };
  const call = (method: ConverterRequest["method"], args: unknown[]): unknown => {
    port1.postMessage({ method, args } satisfies ConverterRequest);
    return awaitReply(method);
  };

  awaitReply("start", START_TIMEOUT_MS);
  return {
    convert: (prevDecl, src) => call("convert", [prevDecl, src]) as CellConversion,
    complete: (prevDecl, src, position) => call("complete", [prevDecl, src, position]) as ReturnType<CellConverter["complete"]>,
    inspect: (prevDecl, src, position) => call("inspect", [prevDecl, src, position]) as ReturnType<CellConverter["inspect"]>,
    close: () => { try { call("close", []); } finally { void worker.terminate(); } },
  };
}
